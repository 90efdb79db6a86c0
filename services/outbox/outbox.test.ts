import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import {
  backoffMs,
  enqueue,
  LEASE_MS,
  MAX_ATTEMPTS,
  processOutbox,
  retryNow,
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
