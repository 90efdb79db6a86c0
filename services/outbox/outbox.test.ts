import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import {
  backoffMs,
  enqueue,
  LEASE_MS,
  MAX_ATTEMPTS,
  MAX_WAIT_MS,
  processOutbox,
  retryNow,
  wakeWaiting,
  type OutboxHandler,
} from './outbox';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

class FakeError extends Error {
  constructor(
    readonly kind: string,
    readonly retryAfterMs?: number,
  ) {
    super(kind);
  }
}

function handler(behaviour: (() => unknown)[]): OutboxHandler & { calls: number } {
  const h = {
    kind: 'book',
    calls: 0,
    async run() {
      const step = behaviour[Math.min(h.calls, behaviour.length - 1)]!;
      h.calls++;
      return step();
    },
  };
  return h;
}

describe('outbox', () => {
  it('queues one item per key, however often it is enqueued', async () => {
    const a = await enqueue('book', 'k1', { n: 1 });
    const b = await enqueue('book', 'k1', { n: 2 });
    expect(b.id).toBe(a.id);
    expect(await db.outbox.count()).toBe(1);
  });

  it('runs a due item and stores its result', async () => {
    const item = await enqueue('book', 'k1', {}, 1000);
    const h = handler([() => ({ eventId: 'e1' })]);
    expect(await processOutbox([h], 1000)).toBeNull();
    const done = await db.outbox.get(item.id);
    expect(done).toMatchObject({ status: 'done', result: { eventId: 'e1' }, attempts: 1 });
  });

  it('waits at least Retry-After after a 429, then succeeds', async () => {
    const item = await enqueue('book', 'k1', {}, 1000);
    const h = handler([
      () => {
        throw new FakeError('rate-limit', 120_000);
      },
      () => 'ok',
    ]);
    const next = await processOutbox([h], 1000);
    const waiting = await db.outbox.get(item.id);
    expect(waiting?.status).toBe('pending');
    expect(waiting!.nextAttemptAt - waiting!.updatedAt).toBeGreaterThanOrEqual(120_000);
    expect(next).toBe(waiting!.nextAttemptAt);
    // Not yet due: nothing runs.
    await processOutbox([h], 2000);
    expect(h.calls).toBe(1);
    await processOutbox([h], waiting!.nextAttemptAt + 1);
    expect((await db.outbox.get(item.id))?.status).toBe('done');
  });

  it('fails for good on a bad request, and "retry" puts it back', async () => {
    const item = await enqueue('book', 'k1', {}, 1000);
    await processOutbox([handler([() => Promise.reject(new FakeError('bad-request'))])], 1000);
    expect((await db.outbox.get(item.id))?.status).toBe('failed');
    await retryNow(item.id, 5000);
    await processOutbox([handler([() => 'ok'])], 5000);
    expect((await db.outbox.get(item.id))?.status).toBe('done');
  });

  it('gives up on a server error after the maximum attempts', async () => {
    const item = await enqueue('book', 'k1', {}, 0);
    const h = handler([() => Promise.reject(new FakeError('server'))]);
    let now = 0;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await processOutbox([h], now);
      now = ((await db.outbox.get(item.id))?.nextAttemptAt ?? now) + 1;
    }
    expect(h.calls).toBe(MAX_ATTEMPTS);
    expect((await db.outbox.get(item.id))?.status).toBe('failed');
  });

  it('keeps a write pending through a long network outage instead of failing it', async () => {
    const item = await enqueue('book', 'k1', {}, 0);
    const h = handler([() => Promise.reject(new FakeError('network'))]);
    let now = 0;
    for (let i = 0; i < MAX_ATTEMPTS * 3; i++) {
      await processOutbox([h], now);
      const row = (await db.outbox.get(item.id))!;
      expect(row.status).toBe('pending');
      expect(row.nextAttemptAt - now).toBeLessThanOrEqual(300_000);
      now = row.nextAttemptAt;
    }
    expect(h.calls).toBe(MAX_ATTEMPTS * 3);
  });

  it('spends no attempt waiting for sign-in or network, so a 429 after a long wait still retries', async () => {
    const item = await enqueue('book', 'k1', {}, 0);
    const fail = (kind: string) => () => Promise.reject(new FakeError(kind));
    const h = handler([
      ...Array.from({ length: 3 * MAX_ATTEMPTS }, (_, i) => fail(i % 3 ? 'network' : 'auth')),
      ...Array.from({ length: MAX_ATTEMPTS - 1 }, () => fail('rate-limit')),
      () => 'ok',
    ]);
    let now = 0;
    for (let i = 0; i < 4 * MAX_ATTEMPTS; i++) {
      await processOutbox([h], now);
      const row = (await db.outbox.get(item.id))!;
      if (row.status !== 'pending') break;
      if (i < 3 * MAX_ATTEMPTS) {
        expect(row.attempts).toBe(0);
        expect(row.waiting?.reason).toBe(i % 3 ? 'network' : 'sign-in');
      }
      now = row.nextAttemptAt;
    }
    expect(h.calls).toBe(4 * MAX_ATTEMPTS);
    expect(await db.outbox.get(item.id)).toMatchObject({
      status: 'done',
      attempts: MAX_ATTEMPTS,
      waiting: null,
      lastError: null,
    });
  });

  it('says what a waiting item waits for, and tries a sign-in wait less and less often', async () => {
    const item = await enqueue('book', 'k1', {}, 0);
    const h = handler([() => Promise.reject(new FakeError('scope'))]);
    let now = 0;
    const gaps: number[] = [];
    let since: number | undefined;
    for (let i = 0; i < 8; i++) {
      await processOutbox([h], now);
      const row = (await db.outbox.get(item.id))!;
      expect(row).toMatchObject({ status: 'pending', lastError: 'scope', attempts: 0 });
      since ??= row.waiting?.since;
      expect(row.waiting).toEqual({ reason: 'sign-in', since, tries: i + 1 });
      gaps.push(row.nextAttemptAt - now);
      now = row.nextAttemptAt;
    }
    // Minutes (times recorded after a run include the real milliseconds the run took).
    expect(gaps.map((g) => Math.round(g / 60_000))).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it('sends what waited for sign-in as soon as the user signs in, not at the next try', async () => {
    const signIn = await enqueue('book', 'k1', {}, 0);
    const offline = await enqueue('book', 'k2', {}, 0);
    let signedIn = false;
    const h: OutboxHandler = {
      kind: 'book',
      async run(_payload, item) {
        if (item.key === 'k2') throw new FakeError('network');
        if (!signedIn) throw new FakeError('auth');
        return 'ok';
      },
    };
    await processOutbox([h], 0);
    signedIn = true;
    expect(await wakeWaiting('sign-in', 10)).toBe(1);
    expect((await db.outbox.get(signIn.id))?.nextAttemptAt).toBe(10);
    expect((await db.outbox.get(offline.id))?.nextAttemptAt).toBeGreaterThan(10);
    await processOutbox([h], 10);
    expect((await db.outbox.get(signIn.id))?.status).toBe('done');
    expect((await db.outbox.get(offline.id))?.status).toBe('pending');
  });

  it('fails visibly, with its reason, a write still waiting after the longest wait', async () => {
    const item = await enqueue('book', 'k1', {}, 0);
    const h = handler([() => Promise.reject(new FakeError('network'))]);
    await processOutbox([h], 0);
    // Almost a week offline, tried all along (the wait's record, not a week of passes).
    const late = MAX_WAIT_MS - 60_000;
    await db.outbox.update(item.id, {
      nextAttemptAt: late,
      waiting: { reason: 'network', since: 0, tries: 2000 },
    });
    await processOutbox([h], late);
    const lastTry = (await db.outbox.get(item.id))!;
    expect(lastTry).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await processOutbox([h], lastTry.nextAttemptAt)).toBeNull();
    const row = (await db.outbox.get(item.id))!;
    expect(row).toMatchObject({ status: 'failed', lastError: 'network', attempts: 0 });
    expect(row.waiting).toMatchObject({ reason: 'network', since: 0 });
    // "Retry" starts afresh: a new wait, all attempts.
    await retryNow(item.id, lastTry.nextAttemptAt + 1);
    expect(await db.outbox.get(item.id)).toMatchObject({ status: 'pending', waiting: null, attempts: 0 });
  });

  it('gives up on a run that stops its worker every time', async () => {
    const item = await enqueue('book', 'k1', {}, 0);
    await db.outbox.update(item.id, { status: 'running', updatedAt: 0, attempts: MAX_ATTEMPTS });
    const h = handler([() => 'ok']);
    expect(await processOutbox([h], LEASE_MS)).toBeNull();
    expect(h.calls).toBe(0);
    expect(await db.outbox.get(item.id)).toMatchObject({ status: 'failed' });
    expect((await db.outbox.get(item.id))?.lastError).toMatch(/stopped mid-way/i);
  });

  it('takes over a run whose worker died mid-way once its lease has passed', async () => {
    const item = await enqueue('book', 'k1', {}, 0);
    await db.outbox.update(item.id, { status: 'running', updatedAt: 10, attempts: 1 });
    const h = handler([() => 'ok']);
    await processOutbox([h], 20);
    expect(h.calls).toBe(0);
    await processOutbox([h], 10 + LEASE_MS);
    expect(h.calls).toBe(1);
    expect((await db.outbox.get(item.id))?.status).toBe('done');
  });

  it('never runs the same item twice when two passes race', async () => {
    await enqueue('book', 'k1', {}, 0);
    const h = handler([() => new Promise((r) => setTimeout(() => r('ok'), 5))]);
    await Promise.all([processOutbox([h], 1), processOutbox([h], 1)]);
    expect(h.calls).toBe(1);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });
});
