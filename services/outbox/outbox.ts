import { db, type OutboxItem } from '../db/db';

// The durable outbox (DESIGN.md): every write to a remote service is a row here first, executed by
// the background with retry, backoff and Retry-After. The row's `key` is the idempotency key, so
// queueing the same write twice is one row, and the handler passes the key to the provider
// (Google event id, Graph transactionId) so a retry after a lost answer is one remote effect.

export interface OutboxHandler {
  kind: string;
  run(payload: unknown, item: OutboxItem): Promise<unknown>;
}

/** What the outbox needs to know of an error to decide about retrying. */
interface ClassifiedError {
  kind?: string;
  retryAfterMs?: number;
  message?: string;
}

const RETRYABLE = new Set(['rate-limit', 'server']);
/**
 * These wait without using up attempts: auth for the user to reconnect, network for the connection
 * to come back ("being offline loses nothing"). The item stays pending, retried with capped backoff.
 */
const WAITS = new Set(['auth', 'network']);
export const MAX_ATTEMPTS = 8;
/** A run that has not finished after this long is presumed dead (worker stopped mid-way). */
export const LEASE_MS = 60_000;

export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(2 ** attempts * 1000, 5 * 60_000);
  return Math.round(base / 2 + (random() * base) / 2);
}

export async function enqueue(
  kind: string,
  key: string,
  payload: unknown,
  now = Date.now(),
): Promise<OutboxItem> {
  return db.transaction('rw', db.outbox, async () => {
    const existing = await db.outbox.where('key').equals(key).first();
    if (existing) return existing;
    const item: OutboxItem = {
      id: crypto.randomUUID(),
      key,
      kind,
      payload,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      result: null,
      createdAt: now,
      updatedAt: now,
    };
    await db.outbox.add(item);
    return item;
  });
}

/** Puts a failed item back in the queue (the user pressed "Retry"). */
export async function retryNow(id: string, now = Date.now()): Promise<void> {
  await db.outbox.update(id, { status: 'pending', nextAttemptAt: now, attempts: 0, updatedAt: now });
}

/** Items whose time has come, including runs whose lease ran out. */
async function due(now: number): Promise<OutboxItem[]> {
  const pending = await db.outbox.where('nextAttemptAt').belowOrEqual(now).toArray();
  return pending.filter(
    (i) => i.status === 'pending' || (i.status === 'running' && i.updatedAt + LEASE_MS <= now),
  );
}

/** Takes the item for this run unless another run took it first. */
async function claim(id: string, now: number): Promise<OutboxItem | null> {
  return db.transaction('rw', db.outbox, async () => {
    const item = await db.outbox.get(id);
    if (!item) return null;
    const stale = item.status === 'running' && item.updatedAt + LEASE_MS <= now;
    if (item.status !== 'pending' && !stale) return null;
    const claimed = {
      ...item,
      status: 'running' as const,
      attempts: item.attempts + 1,
      updatedAt: now,
      nextAttemptAt: now,
    };
    await db.outbox.put(claimed);
    return claimed;
  });
}

/**
 * Runs every due item once. Returns when the next item is due (ms since epoch), or null when the
 * queue has nothing waiting, so the caller can set an alarm.
 */
export async function processOutbox(handlers: OutboxHandler[], now = Date.now()): Promise<number | null> {
  // Times recorded after a run follow the caller's clock (tests pass a fake one).
  const skew = Date.now() - now;
  const clock = () => Date.now() - skew;
  const byKind = new Map(handlers.map((h) => [h.kind, h]));
  for (const candidate of await due(now)) {
    const item = await claim(candidate.id, now);
    if (!item) continue;
    const handler = byKind.get(item.kind);
    if (!handler) {
      await db.outbox.update(item.id, {
        status: 'failed',
        lastError: `No handler for ${item.kind}`,
        updatedAt: now,
      });
      continue;
    }
    try {
      const result = await handler.run(item.payload, item);
      await db.outbox.update(item.id, { status: 'done', result, lastError: null, updatedAt: clock() });
    } catch (err) {
      await db.outbox.update(item.id, afterFailure(item, err as ClassifiedError, clock()));
    }
  }
  return nextDue();
}

function afterFailure(item: OutboxItem, err: ClassifiedError, now: number): Partial<OutboxItem> {
  const message = err?.message ?? String(err);
  const kind = err?.kind ?? '';
  if (WAITS.has(kind)) {
    // Never failed for this: the write waits for the user or the network, then goes. Network
    // waits still grow with each try (capped at 5 minutes) so an outage is not hammered.
    const wait = kind === 'auth' ? 60_000 : Math.max(err.retryAfterMs ?? 0, backoffMs(item.attempts));
    return { status: 'pending', lastError: message, nextAttemptAt: now + wait, updatedAt: now };
  }
  if (RETRYABLE.has(kind) && item.attempts < MAX_ATTEMPTS) {
    const wait = Math.max(err.retryAfterMs ?? 0, backoffMs(item.attempts));
    return { status: 'pending', lastError: message, nextAttemptAt: now + wait, updatedAt: now };
  }
  return { status: 'failed', lastError: message, updatedAt: now };
}

export async function nextDue(): Promise<number | null> {
  const waiting = await db.outbox.where('status').anyOf('pending', 'running').toArray();
  if (waiting.length === 0) return null;
  return Math.min(...waiting.map((i) => (i.status === 'running' ? i.updatedAt + LEASE_MS : i.nextAttemptAt)));
}

export function outboxItemByKey(key: string): Promise<OutboxItem | undefined> {
  return db.outbox.where('key').equals(key).first();
}
