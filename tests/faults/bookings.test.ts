// @vitest-environment node
// Issue 9, fault injection: 100 bookings through the durable outbox against the sandbox while it
// fails in every way a real network does, and a worker that dies mid-way. The only acceptable end
// is exactly one event per booking, at the instant that was asked for.
import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox } from '../../sandbox/testing';
import { createProvider } from '../../services/calendar/provider';
import { CalendarError, fromOutbox } from '../../services/calendar/errors';
import { buildNewEvent } from '../../services/calendar/booking';
import type { ProviderKind } from '../../services/calendar/types';
import { db } from '../../services/db/db';
import {
  LEASE_MS,
  MAX_ATTEMPTS,
  processOutbox,
  wakeWaiting,
  type OutboxHandler,
} from '../../services/outbox/outbox';
import { bookingHandlers, queueBooking, type BookingPayload } from '../../services/scheduling/bookings';

const sandbox = useSandbox();
const zone = 'Europe/Madrid';
const CALENDAR = { google: 'maria.lopez@demo-ferreteria.es', microsoft: 'primary' } as const;
const TITLE = 'Fault-suite booking';
/**
 * Far shorter than the sandbox's injected delay, so a delayed answer always surfaces as a network
 * error, yet long enough that an ordinary answer on a busy CI machine is not given up on.
 */
const CLIENT_TIMEOUT_MS = 1_000;
const SERVER_DELAY_MS = 3_000;
const HOUR = 3_600_000;

type Fetch = typeof fetch;
let timeouts = 0;
const withTimeout: Fetch = async (input, init) => {
  try {
    return await fetch(input, { ...init, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') timeouts++;
    throw error;
  }
};
const offline: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));

/** Whether the user is signed in: when not, the token source answers as getAccessToken does. */
let signedIn = true;

function handlers(doFetch: Fetch = withTimeout): OutboxHandler[] {
  return bookingHandlers((kind: ProviderKind) =>
    createProvider(kind, {
      baseUrl: kind === 'google' ? `${sandbox.origin()}/google` : `${sandbox.origin()}/graph/`,
      getToken: async () => {
        if (!signedIn) throw new CalendarError('auth', `${kind} sign-in has expired`);
        return kind === 'google' ? 'sandbox-google-token' : 'sandbox-microsoft-token';
      },
      timeZone: zone,
      fetch: doFetch,
    }),
  );
}

/** Booking i: its own thread and its own half hour, Google for even i and Microsoft for odd. */
function booking(i: number): { kind: ProviderKind; start: number; payload: BookingPayload } {
  const kind: ProviderKind = i % 2 ? 'microsoft' : 'google';
  // Working days from Monday 2026-03-09, 09:00 Madrid (08:00Z), 16 half hours a day.
  const day = Math.floor(i / 16);
  const start =
    Date.parse('2026-03-09T08:00:00Z') + (day + 2 * Math.floor(day / 5)) * 24 * HOUR + ((i % 16) * HOUR) / 2;
  const thread = `gmail:fault${String(i).padStart(3, '0')}`;
  const threadUrl = `https://mail.google.com/mail/u/0/#inbox/fault${i}`;
  return {
    kind,
    start,
    payload: {
      provider: kind,
      calendarId: CALENDAR[kind],
      threadKey: thread,
      threadUrl,
      customer: { name: 'Lucía Gómez', email: 'lucia.gomez@example.es', language: 'es', timeZone: zone },
      event: buildNewEvent({
        slot: { start, end: start + 30 * 60_000 },
        timeZone: zone,
        subject: TITLE,
        attendees: [{ email: 'lucia.gomez@example.es', name: 'Lucía Gómez' }],
        place: { kind: 'online' },
        threadUrl,
      }),
    },
  };
}

/** Runs the outbox until nothing waits, jumping a fake clock to each next due time. */
async function drain(list: OutboxHandler[], now: number, rounds = 60): Promise<number> {
  for (let i = 0; i < rounds; i++) {
    const next = await processOutbox(list, now);
    if (next === null) return i + 1;
    now = Math.max(now + 1, next);
  }
  throw new Error('outbox did not settle');
}

async function bookedEvents() {
  const snapshot = await sandbox.snapshot();
  const me = snapshot.microsoft.users.find((u) => u.id === snapshot.microsoft.me);
  return {
    me: me?.mail ?? me?.userPrincipalName ?? '(no signed-in mailbox)',
    events: snapshot.events.filter((e) => (e.summary ?? e.subject) === TITLE && e.status !== 'cancelled'),
  };
}

/** Lets requests the client gave up on (injected delays) reach the server before its state is read. */
const settle = () => new Promise((resolve) => setTimeout(resolve, SERVER_DELAY_MS + 200));

beforeEach(async () => {
  signedIn = true;
  await db.delete();
  await db.open();
});

describe('100 bookings under faults', () => {
  it('end with exactly 100 events, each once, at the instant asked for', { timeout: 120_000 }, async () => {
    const bookings = Array.from({ length: 100 }, (_, i) => booking(i));
    const items = [];
    for (const b of bookings) items.push(await queueBooking(b.payload));
    expect(new Set(items.map((i) => i.key)).size).toBe(100);
    const clockStart = Math.max(...items.map((i) => i.nextAttemptAt));

    // The worker sent these, the server committed, and the worker died before recording it.
    const crashed = items.filter((_, i) => i % 10 === 3);
    for (const item of crashed) {
      await handlers()[0]!.run(item.payload, item);
      await db.outbox.update(item.id, {
        status: 'running',
        updatedAt: clockStart,
        nextAttemptAt: clockStart,
        attempts: 1,
      });
    }
    // Double clicks and a side panel reopened: the same bookings queued again are the same items.
    for (const i of [0, 1, 3, 13, 50, 51, 98, 99]) {
      const again = await queueBooking(bookings[i]!.payload);
      expect(again.id).toBe(items[i]!.id);
    }

    const path = '/events$';
    const rules = [];
    for (let round = 0; round < 6; round++) {
      rules.push(
        { method: 'POST', path, status: 500, times: 2 },
        { method: 'POST', path, status: 503, times: 1 },
        { method: 'POST', path, status: 429, retryAfter: 7, times: 2 },
        { method: 'POST', path, delayMs: SERVER_DELAY_MS, times: 1 },
        { method: 'POST', path, dropAfterCommit: true, times: 2 },
      );
    }
    const posted = await sandbox.admin('faults', 'POST', rules);
    expect(posted.ok).toBe(true);

    timeouts = 0;
    const rounds = await drain(handlers(), clockStart);
    await settle();

    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(100);
    expect(outbox.filter((i) => i.status !== 'done').map((i) => [i.key, i.status, i.lastError])).toEqual([]);
    // Every fault was spent on some booking: the run really went through them all.
    const state = await sandbox.snapshot();
    expect(state.faults.every((r) => r.times === 0)).toBe(true);
    expect(outbox.some((i) => i.attempts > 1)).toBe(true);
    // The delayed answers really were given up on by the client, not waited for. (At least: on a
    // loaded machine an ordinary answer may be slow too, and retrying it is just as correct.)
    expect(timeouts).toBeGreaterThanOrEqual(rules.filter((r) => 'delayMs' in r).length);
    expect(outbox.every((i) => i.attempts <= MAX_ATTEMPTS)).toBe(true);

    const { me, events } = await bookedEvents();
    expect(events).toHaveLength(100);
    const got = events.map((e) => `${e.provider}|${e.owner}|${Date.parse(e.start)}`).sort();
    const want = bookings
      .map((b) => `${b.kind}|${b.kind === 'google' ? CALENDAR.google : me}|${b.start}`)
      .sort();
    expect({
      missing: want.filter((w) => !got.includes(w)),
      extra: got.filter((g) => !want.includes(g)),
    }).toEqual({
      missing: [],
      extra: [],
    });
    expect(got).toEqual(want);
    expect(new Set(events.map((e) => e.id)).size).toBe(100);
    expect(rounds).toBeGreaterThan(1);
  });
});

describe('offline writes', () => {
  it(
    'are kept with their error while the network is down and sent once it is back',
    { timeout: 60_000 },
    async () => {
      const bookings = Array.from({ length: 10 }, (_, i) => booking(i));
      const items = [];
      for (const b of bookings) items.push(await queueBooking(b.payload));
      let now = Math.max(...items.map((i) => i.nextAttemptAt));

      // Each item backs off on its own schedule: run until every one has tried three times.
      for (let round = 0; round < 100; round++) {
        const next = await processOutbox(handlers(offline), now);
        expect(next).not.toBeNull();
        now = Math.max(now + 1, next!);
        if ((await db.outbox.toArray()).every((i) => (i.waiting?.tries ?? 0) >= 3)) break;
      }
      for (const item of await db.outbox.toArray()) {
        expect(item.status).toBe('pending');
        // Tried three times, and none of it counted against the booking's retries.
        expect(item.waiting).toMatchObject({ reason: 'network', tries: expect.any(Number) });
        expect(item.waiting!.tries).toBeGreaterThanOrEqual(3);
        expect(item.attempts).toBe(0);
        expect(item.lastError).toMatch(/Failed to fetch/);
      }
      expect((await bookedEvents()).events).toHaveLength(0);

      // Back online; a booking queued again while offline is still the one item.
      await queueBooking(bookings[4]!.payload);
      await drain(handlers(), now);
      const outbox = await db.outbox.toArray();
      expect(outbox).toHaveLength(10);
      expect(outbox.every((i) => i.status === 'done' && i.lastError === null)).toBe(true);
      const { events } = await bookedEvents();
      expect(events.map((e) => Date.parse(e.start)).sort()).toEqual(bookings.map((b) => b.start).sort());
    },
  );

  // A network error never uses up the attempts (DESIGN.md: "being offline loses nothing"): after an
  // hour offline the booking is still pending, and it goes when the network is back.
  it('are still sent after an hour offline', { timeout: 60_000 }, async () => {
    const item = await queueBooking(booking(0).payload);
    let now = item.nextAttemptAt;
    const backOnline = now + HOUR;
    while (now < backOnline) {
      const next = await processOutbox(handlers(offline), now);
      if (next === null) break;
      now = Math.max(now + 1, next);
    }
    const waiting = await db.outbox.get(item.id);
    // The user never asked for anything to be dropped: being offline is not a reason to give up.
    expect(waiting?.status).toBe('pending');
    await drain(handlers(), Math.max(now, backOnline));
    expect((await db.outbox.get(item.id))?.status).toBe('done');
    expect((await bookedEvents()).events).toHaveLength(1);
  });
});

describe('a worker stopped mid-way', () => {
  it(
    'leaves its lease alone until it runs out, then the booking is finished once',
    { timeout: 30_000 },
    async () => {
      const item = await queueBooking(booking(7).payload);
      await handlers()[0]!.run(item.payload, item);
      await db.outbox.update(item.id, { status: 'running', updatedAt: item.nextAttemptAt, attempts: 1 });
      await processOutbox(handlers(), item.nextAttemptAt + LEASE_MS - 1);
      expect((await db.outbox.get(item.id))?.status).toBe('running');
      await drain(handlers(), item.nextAttemptAt + LEASE_MS);
      expect((await db.outbox.get(item.id))?.status).toBe('done');
      expect((await bookedEvents()).events).toHaveLength(1);
    },
  );
});

/** Runs the outbox with a fake clock until `until`, returning the time it reached. */
async function runUntil(list: OutboxHandler[], now: number, until: number): Promise<number> {
  while (now < until) {
    const next = await processOutbox(list, now);
    if (next === null) break;
    now = Math.max(now + 1, next);
  }
  return now;
}

describe('waiting for sign-in and the network', () => {
  it(
    'costs no attempt: after a night signed out and an hour offline, a 429 burst still ends in one event each',
    { timeout: 60_000 },
    async () => {
      // Google only: the Graph client wraps an error thrown by the token source as a network
      // failure (statusCode -1), so a signed-out Microsoft booking waits as "network" (reported).
      const bookings = Array.from({ length: 6 }, (_, i) => booking(20 + 2 * i));
      const items = [];
      for (const b of bookings) items.push(await queueBooking(b.payload));
      let now = Math.max(...items.map((i) => i.nextAttemptAt));

      // Signed out overnight: every booking waits, saying so, and spends nothing.
      signedIn = false;
      now = await runUntil(handlers(), now, now + 10 * HOUR);
      for (const item of await db.outbox.toArray()) {
        expect(item).toMatchObject({ status: 'pending', attempts: 0 });
        expect(item.waiting?.reason).toBe('sign-in');
        expect(item.lastError).toBeTruthy();
      }
      // Signing in wakes them, but the network has gone too: they wait for it instead.
      signedIn = true;
      expect(await wakeWaiting('sign-in', now)).toBe(bookings.length);
      now = await runUntil(handlers(offline), now, now + HOUR);
      for (const item of await db.outbox.toArray()) {
        expect(item).toMatchObject({ status: 'pending', attempts: 0 });
        expect(item.waiting?.reason).toBe('network');
      }
      expect((await bookedEvents()).events).toHaveLength(0);

      // Back online into a rate limit and a server error (fewer than the attempts, so whichever
      // bookings meet them may meet them all: under the old counting, a single one failed a booking
      // that had waited), and answers lost after the calendar committed.
      const path = '/events$';
      await sandbox.admin('faults', 'POST', [
        { method: 'POST', path, status: 429, retryAfter: 30, times: MAX_ATTEMPTS - 2 },
        { method: 'POST', path, status: 503, times: 1 },
        { method: 'POST', path, dropAfterCommit: true, times: bookings.length },
      ]);
      await drain(handlers(), now, 200);

      const outbox = await db.outbox.toArray();
      expect(outbox.map((i) => [i.status, i.lastError, i.waiting])).toEqual(
        bookings.map(() => ['done', null, null]),
      );
      expect(outbox.some((i) => i.attempts > 1)).toBe(true);
      expect(outbox.every((i) => i.attempts <= MAX_ATTEMPTS)).toBe(true);
      expect((await sandbox.snapshot()).faults.every((r) => r.times === 0)).toBe(true);
      const { events } = await bookedEvents();
      expect(events.map((e) => Date.parse(e.start)).sort()).toEqual(bookings.map((b) => b.start).sort());
      expect(new Set(events.map((e) => e.id)).size).toBe(bookings.length);
    },
  );

  it(
    'a booking left waiting for sign-in for a week ends failed, with its reason, and no event',
    {
      timeout: 30_000,
    },
    async () => {
      signedIn = false;
      const item = await queueBooking(booking(40).payload);
      const start = item.nextAttemptAt;
      const end = await runUntil(handlers(), start, start + 8 * 24 * HOUR);
      const row = (await db.outbox.get(item.id))!;
      expect(row.status).toBe('failed');
      expect(row.waiting?.reason).toBe('sign-in');
      expect(row.lastError).toBeTruthy();
      expect(end - start).toBeLessThan(8 * 24 * HOUR);
      expect(await processOutbox(handlers(), end + HOUR)).toBeNull();
      expect((await bookedEvents()).events).toHaveLength(0);
    },
  );
});

describe('403 reasons, a partial grant and a repeated transactionId', () => {
  /** Queues one booking and runs the outbox on it alone (one booking at a time: faults meet it). */
  async function book(i: number, until = HOUR) {
    const item = await queueBooking(booking(i).payload);
    await runUntil(handlers(), item.nextAttemptAt, item.nextAttemptAt + until);
    return (await db.outbox.get(item.id))!;
  }
  const userMessage = (lastError: string | null) => fromOutbox(lastError)?.key;
  const googleInsert = '/google/calendar/v3/calendars/[^/]+/events$';
  const graphInsert = '/graph/v1.0/me/calendar/events$';

  it(
    'each booking ends done, failed with its reason, or waiting with it — and one event per booking done',
    {
      timeout: 30_000,
    },
    async () => {
      // Usage limits answered as 403 are a rate limit: retried, and the booking goes out.
      await sandbox.admin('faults', 'POST', [
        { method: 'POST', path: googleInsert, status: 403, reason: 'dailyLimitExceeded', times: 1 },
        { method: 'POST', path: googleInsert, status: 403, reason: 'rateLimitExceeded', times: 1 },
      ]);
      const limited = await book(0);
      expect(limited).toMatchObject({ status: 'done', attempts: 3 });

      // No write access to that calendar: retrying cannot help. Failed, saying why, and no event.
      await sandbox.admin('faults', 'POST', [
        { method: 'POST', path: googleInsert, status: 403, reason: 'requiredAccessLevel', times: 1 },
      ]);
      const noWrite = await book(2);
      expect(noWrite).toMatchObject({ status: 'failed', attempts: 1 });
      expect(userMessage(noWrite.lastError)).toBe('calendarErrorNoWriteAccess');

      await sandbox.admin('faults', 'POST', [
        { method: 'POST', path: graphInsert, status: 403, reason: 'ErrorAccessDenied', times: 1 },
      ]);
      const denied = await book(1);
      expect(denied).toMatchObject({ status: 'failed', attempts: 1 });
      expect(userMessage(denied.lastError)).toBe('calendarErrorForbidden');

      // The user unticked calendar.events at consent: the booking waits for that grant, spending
      // nothing, for as long as it takes (an hour here), and goes once it is given.
      await sandbox.admin('faults', 'POST', [
        { method: 'POST', path: googleInsert, status: 403, reason: 'insufficientPermissions', times: 1000 },
      ]);
      const partial = await book(4);
      expect(partial).toMatchObject({ status: 'pending', attempts: 0 });
      expect(partial.waiting?.reason).toBe('sign-in');
      expect(userMessage(partial.lastError)).toBe('calendarErrorScope');
      await sandbox.admin('faults', 'DELETE');
      await wakeWaiting('sign-in', partial.nextAttemptAt - 1);
      await drain(handlers(), partial.nextAttemptAt - 1);
      expect(await db.outbox.get(partial.id)).toMatchObject({ status: 'done', attempts: 1, waiting: null });

      // Graph committed the event and the answer was lost: the retry's repeated transactionId is
      // refused as a duplicate, which is the booking already made.
      await sandbox.admin('faults', 'POST', [
        { method: 'POST', path: graphInsert, dropAfterCommit: true, times: 1 },
      ]);
      const lost = await book(3);
      // The lost answer reads as a network failure, which spends no attempt.
      expect(lost).toMatchObject({ status: 'done', attempts: 1, lastError: null });
      expect(lost.result).toMatchObject({ alreadyExisted: true });

      const outbox = await db.outbox.toArray();
      expect(outbox.every((i) => i.status === 'done' || i.status === 'failed')).toBe(true);
      const { me, events } = await bookedEvents();
      const got = events.map((e) => `${e.provider}|${e.owner}|${Date.parse(e.start)}`).sort();
      const want = [0, 4, 3]
        .map((i) => booking(i))
        .map((b) => `${b.kind}|${b.kind === 'google' ? CALENDAR.google : me}|${b.start}`)
        .sort();
      expect(got).toEqual(want);
    },
  );
});
