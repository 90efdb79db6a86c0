import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bookingKey,
  buildNewEvent,
  cleanAttendees,
  googleEventId,
  graphTransactionId,
  sha256,
} from './booking';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('sha256', () => {
  it('matches node:crypto on empty, short, multi-block and UTF-8 input', async () => {
    for (const text of [
      '',
      'abc',
      'x'.repeat(55),
      'y'.repeat(56),
      'z'.repeat(200),
      'María Núñez — reunión ✓',
    ]) {
      expect(hex(await sha256(text))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('booking ids', () => {
  it('gives the same key for the same instant written with different offsets', async () => {
    const a = await bookingKey('thread-1', 'primary', '2026-03-10T10:00:00+01:00');
    const b = await bookingKey('thread-1', 'primary', '2026-03-10T09:00:00.000Z');
    expect(a).toBe(b);
    expect(await bookingKey('thread-2', 'primary', '2026-03-10T09:00:00Z')).not.toBe(a);
    expect(await bookingKey('thread-1', 'other', '2026-03-10T09:00:00Z')).not.toBe(a);
  });

  it('keeps the keys queued before the move to Web Crypto (same digest, same ids)', async () => {
    const expected = createHash('sha256').update('thread-1\nprimary\n2026-03-10T09:00:00.000Z').digest('hex');
    expect(await bookingKey('thread-1', 'primary', '2026-03-10T09:00:00Z')).toBe(
      `bk1-${expected.slice(0, 40)}`,
    );
  });

  it('refuses an unparseable start', async () => {
    await expect(bookingKey('t', 'c', 'next tuesday')).rejects.toThrow(RangeError);
  });

  it('makes Google ids from the base32hex alphabet, 5–1024 long, deterministic', async () => {
    const key = await bookingKey('t', 'c', '2026-03-10T09:00:00Z');
    const id = await googleEventId(key);
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(await googleEventId(key)).toBe(id);
    expect(await googleEventId(`${key}x`)).not.toBe(id);
  });

  it('makes GUID-shaped Graph transaction ids, deterministic', async () => {
    const key = await bookingKey('t', 'c', '2026-03-10T09:00:00Z');
    const tx = await graphTransactionId(key);
    expect(tx).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await graphTransactionId(key)).toBe(tx);
    expect(await graphTransactionId(`${key}x`)).not.toBe(tx);
  });
});

describe('buildNewEvent', () => {
  const slot = { start: Date.parse('2026-03-10T09:00:00Z'), end: Date.parse('2026-03-10T09:30:00Z') };

  it('builds an online event with the thread link in the description', () => {
    const e = buildNewEvent({
      slot,
      timeZone: 'Europe/Madrid',
      subject: 'Reunión\r\ncon cliente',
      description: 'Revisar pedido 123',
      threadUrl: 'https://mail.google.com/mail/u/0/#inbox/abc',
      threadLabel: 'Hilo',
      attendees: [{ email: 'maria@example.es', name: 'María Núñez' }],
      place: { kind: 'online' },
    });
    expect(e).toEqual({
      title: 'Reunión con cliente',
      description: 'Revisar pedido 123\n\nHilo: https://mail.google.com/mail/u/0/#inbox/abc',
      start: '2026-03-10T09:00:00.000Z',
      end: '2026-03-10T09:30:00.000Z',
      timeZone: 'Europe/Madrid',
      attendees: [{ email: 'maria@example.es', name: 'María Núñez' }],
      online: true,
    });
  });

  it('puts a place or a phone number in the location and asks for no online meeting', () => {
    const base = { slot, timeZone: 'UTC', subject: 's', attendees: [] };
    const place = buildNewEvent({ ...base, place: { kind: 'place', address: 'Calle Mayor 1, Madrid' } });
    expect(place.location).toBe('Calle Mayor 1, Madrid');
    expect(place.online).toBe(false);
    const phone = buildNewEvent({ ...base, place: { kind: 'phone', number: '+34 600 000 000' } });
    expect(phone.location).toBe('+34 600 000 000');
    expect(phone.description).toContain('Phone: +34 600 000 000');
  });

  it('drops malformed and duplicate attendees', () => {
    expect(
      cleanAttendees([
        { email: 'a@example.com' },
        { email: 'A@Example.com', name: 'dup' },
        { email: 'not an address' },
        { email: 'x@y.com>;evil' },
        { email: 'b@example.com', name: ' Bob\n', optional: true },
      ]),
    ).toEqual([{ email: 'a@example.com' }, { email: 'b@example.com', name: 'Bob', optional: true }]);
  });

  it('refuses a slot that ends before it starts', () => {
    expect(() =>
      buildNewEvent({
        slot: { start: 2, end: 1 },
        timeZone: 'UTC',
        subject: '',
        attendees: [],
        place: { kind: 'none' },
      }),
    ).toThrow(RangeError);
  });
});
