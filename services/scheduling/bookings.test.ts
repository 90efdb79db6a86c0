// @vitest-environment node
// Bookings through the outbox against the sandbox's Google Calendar and Microsoft Graph, with the
// failures a real network gives: exactly one event per booking, whatever happens in between.
import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox, ANCHOR } from '../../sandbox/testing';
import { createProvider } from '../calendar/provider';
import { buildNewEvent } from '../calendar/booking';
import type { ProviderKind } from '../calendar/types';
import { db } from '../db/db';
import { processOutbox, LEASE_MS } from '../outbox/outbox';
import { fromOutbox } from '../calendar/errors';
import {
  bookingHandlers,
  bookingsForThread,
  queueBooking,
  queueCancel,
  type BookingPayload,
  type BookingResult,
} from './bookings';

const sandbox = useSandbox();
const zone = 'Europe/Madrid';
const CALENDAR = { google: 'maria.lopez@demo-ferreteria.es', microsoft: 'primary' } as const;

const handlers = () =>
  bookingHandlers((kind: ProviderKind) =>
    createProvider(kind, {
      baseUrl: kind === 'google' ? `${sandbox.origin()}/google` : `${sandbox.origin()}/graph/`,
      getToken: async () => (kind === 'google' ? 'sandbox-google-token' : 'sandbox-microsoft-token'),
      timeZone: zone,
    }),
  );

function payload(kind: ProviderKind, startIso: string, thread = 'gmail:18c2f0a1b2c3d4e5'): BookingPayload {
  const start = Date.parse(startIso);
  return {
    provider: kind,
    calendarId: CALENDAR[kind],
    threadKey: thread,
    threadUrl: 'https://mail.google.com/mail/u/0/#inbox/18c2f0a1b2c3d4e5',
    customer: { name: 'Lucía Gómez', email: 'lucia.gomez@example.es', language: 'es', timeZone: zone },
    event: buildNewEvent({
      slot: { start, end: start + 30 * 60_000 },
      timeZone: zone,
      subject: 'Reunión con Lucía Gómez',
      attendees: [{ email: 'lucia.gomez@example.es', name: 'Lucía Gómez' }],
      place: { kind: 'online' },
      threadUrl: 'https://mail.google.com/mail/u/0/#inbox/18c2f0a1b2c3d4e5',
    }),
  };
}

/** Runs the outbox until nothing is due, jumping the clock to each next attempt. */
async function drain(now = Date.parse(ANCHOR)): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const next = await processOutbox(handlers(), now);
    if (next === null) return;
    now = Math.max(now + 1, next);
  }
  throw new Error('outbox did not settle');
}

async function eventsTitled(title: string) {
  return (await sandbox.snapshot()).events.filter(
    (e) => (e.summary ?? e.subject) === title && e.status !== 'cancelled',
  );
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe.each(['google', 'microsoft'] as const)('booking in %s', (kind) => {
  it('books once, with the customer invited and an online meeting link', async () => {
    const item = await queueBooking(payload(kind, '2026-03-03T10:00:00+01:00'));
    await drain();
    const done = await db.outbox.get(item.id);
    expect(done?.status).toBe('done');
    const result = done!.result as BookingResult;
    expect(result.joinUrl).toMatch(/^https:\/\//);
    const events = await eventsTitled('Reunión con Lucía Gómez');
    expect(events).toHaveLength(1);
    expect(Date.parse(events[0]!.start)).toBe(Date.parse('2026-03-03T09:00:00Z'));
    expect(events[0]!.attendees).toContain('lucia.gomez@example.es');
  });

  it('ends with exactly one event after a 500, a 429 with Retry-After and a dropped answer', async () => {
    const path = kind === 'google' ? '/calendars/.*/events$' : '/events$';
    await sandbox.admin('faults', 'POST', [
      { method: 'POST', path, status: 500, times: 1 },
      { method: 'POST', path, status: 429, retryAfter: 7, times: 1 },
      { method: 'POST', path, dropAfterCommit: true, times: 1 },
    ]);
    const item = await queueBooking(payload(kind, '2026-03-03T12:00:00+01:00'));
    await drain();
    expect((await db.outbox.get(item.id))?.status).toBe('done');
    // The 500 and the 429 each cost an attempt, and so does the success; whether the dropped
    // answer (a network failure) costs one is the outbox's rule, not this test's.
    expect((await db.outbox.get(item.id))?.attempts).toBeGreaterThanOrEqual(3);
    expect(await eventsTitled('Reunión con Lucía Gómez')).toHaveLength(1);
  });

  it('a link the provider makes later is fetched again with backoff and reaches the booking', async () => {
    await sandbox.admin('config', 'POST', { conferences: 'pending' });
    const item = await queueBooking(payload(kind, '2026-03-03T15:00:00+01:00'));
    await processOutbox(handlers(), item.nextAttemptAt);
    const first = (await db.outbox.get(item.id))?.result as BookingResult;
    expect(first).toMatchObject({ onlineMeeting: 'pending', joinUrl: null });
    await drain(item.nextAttemptAt);
    const done = (await db.outbox.get(item.id))?.result as BookingResult;
    expect(done.onlineMeeting).toBe('created');
    const [event] = await eventsTitled('Reunión con Lucía Gómez');
    expect(done.joinUrl).toBe(event?.onlineMeetingUrl);
    expect(done.joinUrl).toMatch(/^https:\/\//);
    // Two reads: the first still pending (a retry with backoff), the second with the link.
    const link = await db.outbox.where('key').equals(`${item.key}:link`).first();
    expect(link).toMatchObject({ status: 'done' });
    expect(link?.attempts).toBe(2);
  });

  it('a dropped answer is resolved to the event it made, counted as already booked', async () => {
    const path = kind === 'google' ? '/calendars/.*/events$' : '/events$';
    await sandbox.admin('faults', 'POST', { method: 'POST', path, dropAfterCommit: true, times: 1 });
    const item = await queueBooking(payload(kind, '2026-03-03T16:00:00+01:00'));
    await drain();
    const done = await db.outbox.get(item.id);
    expect(done?.status).toBe('done');
    expect((done?.result as BookingResult).alreadyExisted).toBe(true);
    const events = await eventsTitled('Reunión con Lucía Gómez');
    expect(events).toHaveLength(1);
    expect((done?.result as BookingResult).eventId).toBe(events[0]?.id);
  });

  it('a documented permanent refusal fails at once with its own message, not "reconnect"', async () => {
    const [path, reason, key] =
      kind === 'google'
        ? ['/calendars/.*/events$', 'requiredAccessLevel', 'calendarErrorNoWriteAccess']
        : ['/events$', 'ErrorAccessDenied', 'calendarErrorForbidden'];
    await sandbox.admin('faults', 'POST', { method: 'POST', path, status: 403, reason, times: 5 });
    const item = await queueBooking(payload(kind, '2026-03-03T17:00:00+01:00'));
    await drain();
    const failed = await db.outbox.get(item.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.attempts).toBe(1);
    expect(fromOutbox(failed?.lastError)?.key).toBe(key);
    expect(await eventsTitled('Reunión con Lucía Gómez')).toHaveLength(0);
  });

  it('a worker stopped mid-booking and the same booking queued again still make one event', async () => {
    const first = await queueBooking(payload(kind, '2026-03-04T10:00:00+01:00'));
    // The worker claimed the item, sent the request, and died before recording the answer.
    await handlers()[0]!.run(first.payload, first);
    const claimedAt = first.nextAttemptAt;
    await db.outbox.update(first.id, {
      status: 'running',
      updatedAt: claimedAt,
      nextAttemptAt: claimedAt,
      attempts: 1,
    });
    const again = await queueBooking(payload(kind, '2026-03-04T10:00:00+01:00')); // a double click
    expect(again.id).toBe(first.id);
    await processOutbox(handlers(), claimedAt + 1000); // still leased: nobody touches it
    expect((await db.outbox.get(first.id))?.status).toBe('running');
    await drain(claimedAt + LEASE_MS);
    expect((await db.outbox.get(first.id))?.status).toBe('done');
    expect(await eventsTitled('Reunión con Lucía Gómez')).toHaveLength(1);
    expect(await bookingsForThread('gmail:18c2f0a1b2c3d4e5')).toHaveLength(1);
  });

  it('cancels a booked event', async () => {
    const item = await queueBooking(payload(kind, '2026-03-05T10:00:00+01:00'));
    await drain();
    const { eventId } = (await db.outbox.get(item.id))!.result as BookingResult;
    await queueCancel({ provider: kind, calendarId: CALENDAR[kind], eventId, bookingKey: item.key });
    await drain();
    expect(await eventsTitled('Reunión con Lucía Gómez')).toHaveLength(0);
  });
});
