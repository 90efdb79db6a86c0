import { browser } from 'wxt/browser';
import { liveQuery } from 'dexie';
import { db } from '../db/db';
import type { Provider } from '../auth/tokens';
import { enqueue, type OutboxHandler } from '../outbox/outbox';
import { kickOutbox } from '../outbox/worker';
import { ensureRepeatingAlarm } from '../background/alarms';
import { allListSyncs, listSync, syncList } from './engine';
import { googleTasks } from './google-tasks';
import { microsoftTodo } from './todo';
import type { TaskRemote } from './remote';

// Team sync runs through the outbox (DESIGN.md): a pass is one outbox item, keyed by the list and
// its generation, so asking again while one waits is the same item; its failures get the outbox's
// backoff, Retry-After, and waits for sign-in or the network. Every five minutes each synced list
// asks for a pass; a change in the extension asks at once.

export const SYNC_KIND = 'team-sync:list';
const ALARM = 'team-sync';

export function taskRemote(provider: Provider): TaskRemote {
  return provider === 'google' ? googleTasks() : microsoftTodo();
}

export function syncHandler(remoteFor: (p: Provider) => TaskRemote = taskRemote): OutboxHandler {
  return {
    kind: SYNC_KIND,
    async run(payload) {
      const { listId } = payload as { listId: string };
      const config = await listSync(listId);
      if (!config?.enabled) return { skipped: true };
      return syncList(listId, remoteFor(config.provider));
    },
  };
}

/** Queues a pass for the list (one per generation); null when the list is not synced. */
export async function requestSync(listId: string): Promise<string | null> {
  const config = await listSync(listId);
  if (!config?.enabled) return null;
  const item = await enqueue(SYNC_KIND, `team-sync:${listId}:${config.generation}`, { listId });
  return item.id;
}

export async function requestAllSyncs(): Promise<void> {
  for (const config of await allListSyncs()) if (config.enabled) await requestSync(config.listId);
}

let pageEditAt = 0;

/** A page told of its own edits (services/sync/after-edit.ts): it asks for the passes itself. */
export function notePageEdit(now = Date.now()): void {
  pageEditAt = now;
}

/**
 * Whether a page told of edits within `ms`: the background's own change watchers hear the same
 * writes a moment later (over a BroadcastChannel) and would queue a second pass for them.
 */
export function pageEditedWithin(ms: number, now = Date.now()): boolean {
  return now - pageEditAt < ms;
}

/**
 * Queues a pass for an edit just made and starts the outbox. When the pass already queued is running
 * (it may have read the data before the edit), asks again once it has finished — the next
 * generation is a new outbox item — instead of leaving the edit to the 5-minute alarm.
 */
export async function requestAfterEdit(
  request: () => Promise<string | null>,
  waitMs = 2_000,
  tries = 30,
): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const id = await request();
    if (!id) return;
    const item = await db.outbox.get(id);
    kickOutbox();
    if (item?.status !== 'running') return;
    await new Promise((r) => setTimeout(r, waitMs));
  }
}

/**
 * Edits to a shared list's tasks, from any page of the extension, ask for a pass a few seconds
 * later (a burst of edits is one pass). Only the synced fields count, so a pass saving its own
 * progress does not ask for another; while the worker sleeps, the five-minute alarm picks edits up.
 */
export function watchLocalEdits(delayMs = 3_000): () => void {
  let last: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subscription = liveQuery(async () => {
    const ids = (await allListSyncs()).filter((s) => s.enabled).map((s) => s.listId);
    if (ids.length === 0) return '';
    const tasks = await db.tasks.where('listId').anyOf(ids).toArray();
    return JSON.stringify(tasks.map((t) => [t.id, t.listId, t.title, t.notes, t.dueAt, t.status, t.order]));
  }).subscribe({
    next(fingerprint) {
      const first = last === null;
      const changed = fingerprint !== last;
      last = fingerprint;
      if (first || !changed || fingerprint === '') return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        // A page already asked for these passes (its edits are what this watcher heard).
        if (pageEditedWithin(delayMs + 5_000)) return;
        void allListSyncs()
          .then((syncs) =>
            Promise.all(
              syncs.filter((s) => s.enabled).map((s) => requestAfterEdit(() => requestSync(s.listId))),
            ),
          )
          .catch((err) => console.warn('Team sync not queued', err));
      }, delayMs);
    },
    error: (err: unknown) => console.warn('Team sync watch stopped', err),
  });
  return () => {
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}

export function registerTeamSync(): Promise<unknown> {
  watchLocalEdits();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void requestAllSyncs()
      .then(kickOutbox)
      .catch((err) => console.warn('Team sync not queued', err));
  });
  return ensureRepeatingAlarm(ALARM, 5, 1).catch((err) => console.error('Team sync alarm not set', err));
}
