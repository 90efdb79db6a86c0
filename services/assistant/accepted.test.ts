import { describe, expect, it } from 'vitest';
import { acceptedRange } from './accepted';
import { analyseThread } from './analyse';
import { message, thread } from './testing-fixtures';

// An accepted time goes straight to booking (#12 item 4): the range the meeting flow books.
const NOW = Date.parse('2026-04-15T10:00:00+02:00');
const read = (text: string, offered: string) =>
  analyseThread(
    thread([
      message({ id: 'b', text: offered, fromUser: true, date: '2026-04-14T09:00:00+02:00' }),
      message({ id: 'c', text, date: '2026-04-15T09:30:00+02:00' }),
    ]),
    NOW,
    { timeZone: 'Europe/Madrid' },
  );

describe('acceptedRange', () => {
  it('gives the accepted time and its length', () => {
    const a = read('Friday at 11 suits us, see you then.', 'We can do Thursday at 16:00 or Friday at 11:00.');
    expect(acceptedRange(a, 45, NOW)).toEqual({
      start: Date.parse('2026-04-17T11:00:00+02:00'),
      end: Date.parse('2026-04-17T11:45:00+02:00'),
    });
  });
  it('gives nothing without an hour, for a time already past, or when nothing was accepted', () => {
    expect(
      acceptedRange(read('El viernes nos va bien.', 'Podemos el jueves o el viernes.'), 30, NOW),
    ).toBeNull();
    const a = read('Friday at 11 suits us, see you then.', 'We can do Thursday at 16:00 or Friday at 11:00.');
    expect(acceptedRange(a, 30, Date.parse('2026-04-18T00:00:00+02:00'))).toBeNull();
    expect(acceptedRange(read('Where is my order?', 'Thanks for your order.'), 30, NOW)).toBeNull();
  });
});
