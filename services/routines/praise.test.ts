import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { analyseThread } from '../assistant/analyse';
import { message, snapshot } from '../complaints/test-helpers';
import { praiseBetween, recordPraise, shortQuote } from './praise';

// Thanks read in a thread are noted once per thread for the weekly report; other mail is not.

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('praise', () => {
  it('a thank-you mail is noted once per thread, in the customer’s words; a complaint is not', async () => {
    const thanks = snapshot({
      threadId: 'thanks1',
      messages: [
        message({
          text: 'Muchas gracias por la atención tan rápida de ayer, el pedido llegó perfecto. ¡Un saludo!',
          date: '2026-11-24T10:00:00+01:00',
        }),
      ],
    });
    const read = analyseThread(thanks, Date.parse('2026-11-24T12:00:00Z'), { timeZone: 'Europe/Madrid' });
    expect(await recordPraise(thanks, read)).toBe(true);
    expect(await recordPraise(thanks, read)).toBe(true);
    const stored = await praiseBetween(0, Date.parse('2026-12-01T00:00:00Z'));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.quote).toMatch(/gracias/i);
    expect(stored[0]!.at).toBe(Date.parse('2026-11-24T10:00:00+01:00'));

    const complaint = snapshot({ threadId: 'c1', messages: [message()] });
    expect(
      await recordPraise(
        complaint,
        analyseThread(complaint, Date.parse('2026-11-24T12:00:00Z'), { timeZone: 'Europe/Madrid' }),
      ),
    ).toBe(false);
  });

  it('quotes are shortened at a word', () => {
    const quote = shortQuote('palabra '.repeat(40), 50);
    expect(quote.length).toBeLessThanOrEqual(51);
    expect(quote.endsWith('palabra…')).toBe(true);
  });
});
