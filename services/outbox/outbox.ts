import { SANDBOX } from '../config';
import { db, type OutboxItem, type OutboxWait } from '../db/db';

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
 * These wait without using up attempts (the request never got a usable answer, or could not leave):
 * auth and a missing scope for the user to sign in again, network for the connection to come back
 * ("being offline loses nothing"). Attempts count only answers from the service, so a booking that
 * waited all night still has every retry left for the 429 it may meet in the morning.
 */
const WAITS: Record<string, OutboxWait['reason']> = { auth: 'sign-in', scope: 'sign-in', network: 'network' };
export const MAX_ATTEMPTS = 8;
/**
 * The sandbox build's lease (demo and end-to-end tests; never production, where `SANDBOX` is the
 * constant false): its calls answer in milliseconds (4 s when a test delays one on purpose), so
 * the restart test sees a real stopped worker taken over in seconds instead of a minute.
 */
export const SANDBOX_LEASE_MS = 10_000;
/** A run that has not finished after this long is presumed dead (worker stopped mid-way). */
export const LEASE_MS = SANDBOX ? SANDBOX_LEASE_MS : 60_000;
/**
 * Nothing waits forever: a write still waiting after a week (a slot long past, an account never
 * reconnected) fails visibly with its reason and a "Retry" button, rather than going out late.
 */
export const MAX_WAIT_MS = 7 * 24 * 3_600_000;
/** Sign-in waits try again every minute at first, then less often (each try is a silent renewal). */
const SIGN_IN_RETRY_MAX_MS = 30 * 60_000;

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
  await db.outbox.update(id, {
    status: 'pending',
    nextAttemptAt: now,
    attempts: 0,
    waiting: null,
    updatedAt: now,
  });
}

/**
 * Items waiting for `reason` go at once: the user has just signed in, or the network is back. Returns
 * how many were woken.
 */
export async function wakeWaiting(reason: OutboxWait['reason'], now = Date.now()): Promise<number> {
  return db.outbox
    .where('status')
    .equals('pending')
    .filter((i) => i.waiting?.reason === reason)
    .modify((i) => {
      i.nextAttemptAt = Math.min(i.nextAttemptAt, now);
    });
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
    if (stale && item.attempts >= MAX_ATTEMPTS) {
      // A run that kills its worker every time would otherwise be taken over forever.
      await db.outbox.put({
        ...item,
        status: 'failed',
        lastError: `Stopped mid-way ${item.attempts} times`,
        waiting: null,
        updatedAt: now,
      });
      return null;
    }
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
      await db.outbox.update(item.id, {
        status: 'done',
        result,
        lastError: null,
        waiting: null,
        updatedAt: clock(),
      });
    } catch (err) {
      await db.outbox.update(item.id, afterFailure(item, err as ClassifiedError, clock()));
    }
  }
  return nextDue();
}

function afterFailure(item: OutboxItem, err: ClassifiedError, now: number): Partial<OutboxItem> {
  const message = err?.message ?? String(err);
  const reason = WAITS[err?.kind ?? ''];
  if (reason) {
    // The run that found nothing to talk to is given back; the wait's own count paces the tries.
    const attempts = item.attempts - 1;
    const same = item.waiting?.reason === reason;
    const since = item.waiting?.since ?? now;
    const tries = same ? item.waiting!.tries + 1 : 1;
    const waiting = { reason, since, tries };
    if (now - since >= MAX_WAIT_MS)
      return { status: 'failed', attempts, waiting, lastError: message, updatedAt: now };
    const wait =
      reason === 'sign-in'
        ? Math.min(60_000 * 2 ** (tries - 1), SIGN_IN_RETRY_MAX_MS)
        : Math.max(err.retryAfterMs ?? 0, backoffMs(tries));
    return {
      status: 'pending',
      attempts,
      waiting,
      lastError: message,
      nextAttemptAt: now + wait,
      updatedAt: now,
    };
  }
  if (RETRYABLE.has(err?.kind ?? '') && item.attempts < MAX_ATTEMPTS) {
    const wait = Math.max(err.retryAfterMs ?? 0, backoffMs(item.attempts));
    return {
      status: 'pending',
      lastError: message,
      waiting: null,
      nextAttemptAt: now + wait,
      updatedAt: now,
    };
  }
  return { status: 'failed', lastError: message, waiting: null, updatedAt: now };
}

export async function nextDue(): Promise<number | null> {
  const waiting = await db.outbox.where('status').anyOf('pending', 'running').toArray();
  if (waiting.length === 0) return null;
  return Math.min(...waiting.map((i) => (i.status === 'running' ? i.updatedAt + LEASE_MS : i.nextAttemptAt)));
}

export function outboxItemByKey(key: string): Promise<OutboxItem | undefined> {
  return db.outbox.where('key').equals(key).first();
}
