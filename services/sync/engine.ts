import { db as sharedDb, searchWords, type OpsDb, type SyncLink, type Task } from '../db/db';
import type { Provider } from '../auth/tokens';
import { isCalendarError } from '../calendar/errors';
import type { RemoteTask, SyncFields, TaskRemote } from './remote';

// Two-way sync of one local task list with one Google Tasks list or Microsoft To Do list.
// A pass: (1) read what changed remotely since the cursor and merge it in; (2) write what changed
// locally, each write conditional on the ETag last seen; (3) keep the new cursor.
// Every remote write is recorded before and after (syncLinks), so a pass cut anywhere — 429, 500,
// an answer lost after the service committed — is resumed by the next one with no duplicate and
// nothing lost: a create whose answer was lost is recognised when it comes back in the next read
// and adopted instead of created again.
// The merge is three-way against the fields both sides last agreed on (`link.base`): a field changed
// on one side only takes that side; changed on both sides to different texts keeps both texts and
// records a conflict to show.
// Order (Google Tasks only; Graph's todoTask has no order field): after the fields, (4) the list's
// order is merged — tasks the user moved here keep their place after the task they follow here,
// every other task follows the service's `position` — and the fewest tasks.move calls make the
// service's order match; local `order` is renumbered when the service's order changed.

export interface ListSync {
  listId: string;
  provider: Provider;
  remoteListId: string;
  remoteTitle: string;
  enabled: boolean;
  cursor: string | null;
  lastSyncAt: number | null;
  lastError: { kind: string; message: string } | null;
  /** Bumped after each finished pass: the outbox key of the next one. */
  generation: number;
}

export interface SyncReport {
  pulled: number;
  created: number;
  updated: number;
  deleted: number;
  adopted: number;
  conflicts: number;
  /** tasks.move calls made (Google Tasks only). */
  moved: number;
}

/**
 * A link also remembers the local `order` the task had when both sides last agreed on its place
 * (where the service keeps an order): tasks now out of that sequence were moved here.
 */
type OrderedLink = SyncLink & { order?: number };

const metaKey = (listId: string) => `sync:${listId}`;

export async function listSync(listId: string, db: OpsDb = sharedDb): Promise<ListSync | null> {
  return ((await db.syncMeta.get(metaKey(listId)))?.value as ListSync | undefined) ?? null;
}

export async function allListSyncs(db: OpsDb = sharedDb): Promise<ListSync[]> {
  const rows = await db.syncMeta.where('key').startsWith('sync:').toArray();
  return rows.map((r) => r.value as ListSync);
}

export async function saveListSync(value: ListSync, db: OpsDb = sharedDb): Promise<void> {
  await db.syncMeta.put({ key: metaKey(value.listId), value, updatedAt: Date.now() });
}

/** Turns sync on for a list, from scratch (a first pass reads the whole remote list). */
export async function enableListSync(
  listId: string,
  provider: Provider,
  remote: { id: string; title: string },
  db: OpsDb = sharedDb,
): Promise<ListSync> {
  const value: ListSync = {
    listId,
    provider,
    remoteListId: remote.id,
    remoteTitle: remote.title,
    enabled: true,
    cursor: null,
    lastSyncAt: null,
    lastError: null,
    generation: ((await listSync(listId, db))?.generation ?? 0) + 1,
  };
  const ids = await localIds(listId, db);
  await db.transaction('rw', db.syncLinks, db.syncMeta, async () => {
    await db.syncLinks.where('localId').anyOf(ids).delete();
    await saveListSync(value, db);
  });
  return value;
}

/** Turning sync off keeps every local task; only the pairing with the remote list is forgotten. */
export async function disableListSync(listId: string, db: OpsDb = sharedDb): Promise<void> {
  const current = await listSync(listId, db);
  if (!current) return;
  await db.transaction('rw', db.syncLinks, db.syncMeta, async () => {
    await db.syncLinks
      .where('[provider+remoteListId]')
      .equals([current.provider, current.remoteListId])
      .delete();
    await saveListSync({ ...current, enabled: false, cursor: null }, db);
  });
}

async function localIds(listId: string, db: OpsDb): Promise<string[]> {
  return (await db.tasks.where('listId').equals(listId).primaryKeys()) as string[];
}

// ---- fields ----

function dateOf(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localFields(task: Task): SyncFields {
  return {
    title: task.title,
    notes: task.notes,
    due: task.dueAt === null ? null : dateOf(task.dueAt),
    done: task.status === 'done',
    threadUrl: task.link?.kind === 'thread' ? (task.link.url ?? null) : null,
  };
}

const MERGED = ['title', 'notes', 'due', 'done'] as const;
type Field = (typeof MERGED)[number];

function same(a: SyncFields, b: SyncFields): boolean {
  return MERGED.every((f) => a[f] === b[f]);
}

export interface Merge {
  fields: SyncFields;
  conflicts: { field: Field; local: string; remote: string }[];
}

/** Three-way merge of one task; texts changed on both sides are both kept. */
export function merge(base: SyncFields, local: SyncFields, remote: SyncFields): Merge {
  const fields: SyncFields = { ...local };
  const conflicts: Merge['conflicts'] = [];
  for (const f of MERGED) {
    const [b, l, r] = [base[f], local[f], remote[f]];
    if (l === r || r === b) continue;
    if (l === b) {
      (fields as unknown as Record<Field, unknown>)[f] = r;
      continue;
    }
    conflicts.push({ field: f, local: String(l ?? ''), remote: String(r ?? '') });
    if (f === 'title') fields.title = `${String(l)} / ${String(r)}`;
    else if (f === 'notes') fields.notes = `${String(l)}\n---\n${String(r)}`;
    // Done on either side stays done; a due date changed on both sides takes the remote one.
    else if (f === 'done') fields.done = true;
    else fields.due = r as string | null;
  }
  return { fields, conflicts };
}

function applyToTask(task: Task, fields: SyncFields, completedAt: number | null): Task {
  let dueAt = task.dueAt;
  let dueAllDay = task.dueAllDay;
  if ((task.dueAt === null ? null : dateOf(task.dueAt)) !== fields.due) {
    if (fields.due === null) dueAt = null;
    else {
      const [y, m, d] = fields.due.split('-').map(Number);
      const day = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
      // A time the user set locally is kept on the new date.
      if (task.dueAt !== null && !task.dueAllDay) {
        const old = new Date(task.dueAt);
        day.setHours(old.getHours(), old.getMinutes(), 0, 0);
      } else dueAllDay = true;
      dueAt = day.getTime();
    }
  }
  const status = fields.done ? 'done' : 'open';
  return {
    ...task,
    title: fields.title,
    notes: fields.notes,
    dueAt,
    dueAllDay,
    status,
    completedAt: status === 'done' ? (task.completedAt ?? completedAt ?? Date.now()) : null,
    words: searchWords(fields.title, fields.notes),
  };
}

/** Orders for tasks that arrive from the service: after every local one, in the order they came. */
let lastArrival = 0;
function arrivalOrder(): number {
  lastArrival = Math.max(Date.now(), lastArrival + 1);
  return lastArrival;
}

function newTask(listId: string, remote: RemoteTask): Task {
  const blank: Task = {
    id: crypto.randomUUID(),
    listId,
    title: '',
    notes: '',
    dueAt: null,
    dueAllDay: true,
    remindAt: null,
    priority: 'normal',
    status: 'open',
    link: remote.threadUrl ? { kind: 'thread', ref: remote.threadUrl, url: remote.threadUrl } : null,
    order: arrivalOrder(),
    createdAt: Date.now(),
    completedAt: null,
    words: [],
  };
  return applyToTask(blank, remote, remote.completedAt);
}

// ---- a pass ----

export class SyncStopped extends Error {
  override readonly name = 'SyncStopped';
  constructor(
    readonly kind: 'list-gone' | 'off',
    message: string,
  ) {
    super(message);
  }
}

export async function syncList(
  listId: string,
  remote: TaskRemote,
  db: OpsDb = sharedDb,
): Promise<SyncReport> {
  const config = await listSync(listId, db);
  if (!config?.enabled) throw new SyncStopped('off', 'Sync is off for this list');
  const report: SyncReport = {
    pulled: 0,
    created: 0,
    updated: 0,
    deleted: 0,
    adopted: 0,
    conflicts: 0,
    moved: 0,
  };
  const { provider, remoteListId } = config;
  const linkId = (localId: string) => `${provider}:${localId}`;
  const putLink = (link: SyncLink) => db.syncLinks.put(link);
  const conflict = async (localId: string, c: Merge['conflicts'][number]) => {
    report.conflicts++;
    await db.syncConflicts.put({
      id: `${provider}:${localId}:${c.field}:${Date.now()}`,
      localId,
      provider,
      field: c.field,
      local: c.local,
      remote: c.remote,
      createdAt: Date.now(),
    });
  };

  try {
    // (1) Pull.
    const changes = await remote.changes(remoteListId, config.cursor);
    const links = await db.syncLinks
      .where('[provider+remoteListId]')
      .equals([provider, remoteListId])
      .toArray();
    const byRemote = new Map(links.filter((l) => l.remoteId).map((l) => [l.remoteId!, l]));
    const pending = await pendingByFields(
      links.filter((l) => !l.remoteId),
      db,
    );
    // New tasks from the service are written in batches (a first sync may bring thousands).
    const fresh: { task: Task; link: SyncLink }[] = [];
    const flush = async () => {
      if (fresh.length === 0) return;
      const batch = fresh.splice(0);
      await db.transaction('rw', db.tasks, db.syncLinks, async () => {
        await db.tasks.bulkAdd(batch.map((f) => f.task));
        await db.syncLinks.bulkPut(batch.map((f) => f.link));
      });
    };
    const freshIds = new Set<string>();
    // Where the service keeps an order, what arrives is taken in that order, so tasks new here are
    // already in the service's order (a first sync then needs no renumbering).
    // Subtasks' positions rank them among their siblings only: they come after the top level.
    const arriving = remote.move
      ? [...changes.tasks].sort(
          (a, b) =>
            Number(Boolean(a.parent)) - Number(Boolean(b.parent)) || comparePositions(a.position, b.position),
        )
      : changes.tasks;
    for (const rt of arriving) {
      report.pulled++;
      // The same task twice in one read (a delta may repeat it): what was batched is written first.
      if (freshIds.has(rt.id)) {
        await flush();
        freshIds.clear();
      }
      const link = byRemote.get(rt.id);
      if (!link) {
        if (rt.deleted) continue;
        const adopted = pending.get(fieldsKey(rt))?.shift();
        if (adopted) {
          report.adopted++;
          byRemote.set(rt.id, adopted);
          await putLink({ ...adopted, remoteId: rt.id, etag: rt.etag, base: rt, syncedAt: Date.now() });
          continue;
        }
        const task = newTask(listId, rt);
        const created: OrderedLink = {
          id: linkId(task.id),
          provider,
          localId: task.id,
          localListId: listId,
          remoteListId,
          remoteId: rt.id,
          etag: rt.etag,
          base: rt,
          syncedAt: Date.now(),
          order: task.order,
        };
        fresh.push({ task, link: created });
        freshIds.add(rt.id);
        byRemote.set(rt.id, created);
        if (fresh.length >= 500) {
          await flush();
          freshIds.clear();
        }
        continue;
      }
      const local = await db.tasks.get(link.localId);
      const base = link.base as SyncFields;
      if (rt.deleted) {
        byRemote.delete(rt.id);
        await db.transaction('rw', db.tasks, db.syncLinks, async () => {
          await db.syncLinks.delete(link.id);
          // Deleted there and untouched here: deleted here too. Edited here: kept, and sent again
          // as a new task, so nobody's text is lost.
          if (local && same(localFields(local), base)) await db.tasks.delete(local.id);
        });
        continue;
      }
      if (rt.etag === link.etag) continue;
      if (!local) {
        // Deleted here while edited there: the other person's edit is kept — the task comes back.
        if (same(rt, base)) continue;
        const back = newTask(listId, rt);
        await db.transaction('rw', db.tasks, db.syncLinks, async () => {
          await db.tasks.add(back);
          await db.syncLinks.delete(link.id);
          await putLink({
            ...link,
            id: linkId(back.id),
            localId: back.id,
            etag: rt.etag,
            base: rt,
            syncedAt: Date.now(),
            order: back.order,
          } as OrderedLink);
        });
        continue;
      }
      const merged = merge(base, localFields(local), rt);
      for (const c of merged.conflicts) await conflict(local.id, c);
      await db.transaction('rw', db.tasks, db.syncLinks, async () => {
        await db.tasks.put(applyToTask(local, merged.fields, rt.completedAt));
        await putLink({ ...link, etag: rt.etag, base: rt, syncedAt: Date.now() });
      });
    }
    await flush();
    await saveListSync({ ...config, cursor: changes.cursor }, db);

    // (2) Push, in the local order: a new task is created right after the one it follows here.
    const tasks = (await db.tasks.where('listId').equals(listId).toArray()).sort(byLocalOrder);
    let previous: string | null = null;
    const current = new Map(
      (await db.syncLinks.where('[provider+remoteListId]').equals([provider, remoteListId]).toArray()).map(
        (l) => [l.localId, l],
      ),
    );
    for (const task of tasks) {
      const link = current.get(task.id);
      current.delete(task.id);
      if (!link || !link.remoteId) {
        // Recorded before the create, so a lost answer is recognised (adopted) on the next pass.
        const pendingLink: SyncLink = link ?? {
          id: linkId(task.id),
          provider,
          localId: task.id,
          localListId: listId,
          remoteListId,
          remoteId: null,
          etag: null,
          base: localFields(task),
          syncedAt: 0,
        };
        await putLink({ ...pendingLink, base: localFields(task) });
        const created = await remote.create(remoteListId, localFields(task), previous);
        // No agreed order yet: step (4) checks its place.
        await putLink({
          ...pendingLink,
          remoteId: created.id,
          etag: created.etag,
          base: created,
          syncedAt: Date.now(),
          order: undefined,
        } as OrderedLink);
        if (task.status === 'open') previous = created.id;
        report.created++;
        continue;
      }
      // Only an open task is a `previous`: a completed one may be hidden there ("cleared"), and
      // "the task set as previous … can not be hidden".
      // Nor a subtask: `previous` must be a sibling of the task placed at the top level.
      if (task.status === 'open' && !(link.base as SyncFields).done && !isSubtask(link))
        previous = link.remoteId;
      if (same(localFields(task), link.base as SyncFields)) continue;
      await pushUpdate(task, link);
    }
    for (const gone of current.values()) {
      if (gone.remoteId) await remote.remove(remoteListId, gone.remoteId);
      await db.syncLinks.delete(gone.id);
      report.deleted++;
    }
    // (4) Order.
    if (remote.move) report.moved = await syncOrder(listId, remoteListId, provider, remote, db);
    await saveListSync(
      {
        ...(await listSync(listId, db))!,
        lastSyncAt: Date.now(),
        lastError: null,
        generation: config.generation + 1,
      },
      db,
    );
    return report;
  } catch (err) {
    const gone = isCalendarError(err) && err.kind === 'not-found';
    const latest = (await listSync(listId, db)) ?? config;
    await saveListSync(
      {
        ...latest,
        // The remote list was deleted on the other side: sync stops, local tasks stay.
        enabled: gone ? false : latest.enabled,
        lastError: {
          kind: gone ? 'list-gone' : isCalendarError(err) ? err.kind : 'other',
          message: err instanceof Error ? err.message : String(err),
        },
      },
      db,
    );
    if (gone)
      throw new SyncStopped('list-gone', `The ${provider} list “${config.remoteTitle}” no longer exists`);
    throw err;
  }

  /** A conditional update; on 412 the remote's newer version is merged in and the write tried again. */
  async function pushUpdate(task: Task, link: SyncLink): Promise<void> {
    let local = task;
    let current = link;
    for (let round = 0; round < 3; round++) {
      try {
        const result = await remote.update(
          remoteListId,
          current.remoteId!,
          localFields(local),
          current.etag ?? '*',
        );
        await putLink({ ...current, etag: result.etag, base: result, syncedAt: Date.now() });
        report.updated++;
        return;
      } catch (err) {
        if (!isCalendarError(err)) throw err;
        if (err.kind === 'not-found') {
          // Deleted there while edited here: the edit wins, as a new remote task next pass.
          await db.syncLinks.delete(current.id);
          return;
        }
        if (err.kind !== 'conflict') throw err;
        const now = await remote.get(remoteListId, current.remoteId!);
        if (!now || now.deleted) {
          await db.syncLinks.delete(current.id);
          return;
        }
        const merged = merge(current.base as SyncFields, localFields(local), now);
        for (const c of merged.conflicts) await conflict(local.id, c);
        local = applyToTask(local, merged.fields, now.completedAt);
        current = { ...current, etag: now.etag, base: now };
        await db.transaction('rw', db.tasks, db.syncLinks, async () => {
          await db.tasks.put(local);
          await putLink(current);
        });
        if (same(localFields(local), now)) return;
      }
    }
  }
}

/** The local list order: `order`, then creation, then id, so equal orders still sort one way. */
function byLocalOrder(a: Task, b: Task): number {
  return a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function comparePositions(a: string | null, b: string | null): number {
  const [pa, pb] = [a ?? '', b ?? ''];
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

const positionOf = (link: SyncLink): string | null => (link.base as Partial<RemoteTask>).position ?? null;
/**
 * A subtask in Google Tasks: left where it is (ordered only under its parent, there). A Google link
 * whose base was recorded before `parent` was read may be one: it is left alone too, until the task
 * next comes back from Google with its parent known.
 */
const isSubtask = (link: SyncLink): boolean => {
  const base = link.base as Partial<RemoteTask> | null;
  if (base?.parent) return true;
  return link.provider === 'google' && !(base && 'parent' in base);
};

/** The open, placed tasks of a synced list in the local order, and which of them were moved here. */
async function orderState(listId: string, remoteListId: string, provider: Provider, db: OpsDb) {
  const tasks = await db.tasks.where('listId').equals(listId).toArray();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const links = (
    (await db.syncLinks
      .where('[provider+remoteListId]')
      .equals([provider, remoteListId])
      .toArray()) as OrderedLink[]
  ).filter(
    // Open tasks only, on both sides: completed ones leave the list view here and sit apart (or
    // hidden, once cleared) in Google Tasks, and a hidden task cannot be a `previous`.
    // Subtasks too: their positions rank them among their siblings, and a move without `parent`
    // would take them out from under it.
    (l) =>
      l.remoteId && byId.get(l.localId)?.status === 'open' && !(l.base as SyncFields).done && !isSubtask(l),
  );
  const localSeq = [...links].sort((a, b) => byLocalOrder(byId.get(a.localId)!, byId.get(b.localId)!));
  // Moved here: outside the longest run of the local order that keeps the agreed order (so a
  // renumbering that keeps the sequence moves nothing), or never placed.
  // Equal agreed orders (tasks that came from the service in one pass) are not a move among themselves.
  const stay = longestIncreasing(
    localSeq.map((l) => (positionOf(l) === null ? null : (l.order ?? null))),
    false,
  );
  const moved = new Set(localSeq.filter((_, i) => !stay.has(i)).map((l) => l.id));
  return { byId, links, localSeq, moved };
}

/**
 * Step (4) of a pass where the service keeps an order, over the open tasks. Tasks moved here since both sides last
 * agreed (out of the order recorded on the links, or never placed) keep their place after
 * the task they follow here; all others keep the service's order. The service is then brought to
 * that merged order with the fewest moves — every task outside the longest run already in the
 * service's order is moved after its predecessor — and the local `order` renumbered if it differs.
 * Returns how many moves were sent. Each move is recorded as it is answered, so a pass cut short
 * resumes where it stopped and a move whose answer was lost is found already done.
 */
async function syncOrder(
  listId: string,
  remoteListId: string,
  provider: Provider,
  remote: TaskRemote,
  db: OpsDb,
): Promise<number> {
  const { byId, links, localSeq, moved } = await orderState(listId, remoteListId, provider, db);
  if (links.length === 0) return 0;
  const movedHere = (l: OrderedLink) => moved.has(l.id);
  const remoteCmp = (a: OrderedLink, b: OrderedLink) => comparePositions(positionOf(a), positionOf(b));
  // Moved tasks go after the nearest task before them here that was not moved (or first); those
  // after every task that was not moved go last, wherever the service moved that one.
  const after = new Map<string | null, OrderedLink[]>();
  const tail: OrderedLink[] = [];
  let anchor: string | null = null;
  let lastStill = -1;
  localSeq.forEach((l, i) => {
    if (!movedHere(l)) lastStill = i;
  });
  localSeq.forEach((link, i) => {
    if (!movedHere(link)) anchor = link.id;
    else if (i > lastStill && lastStill >= 0) tail.push(link);
    else after.set(anchor, [...(after.get(anchor) ?? []), link]);
  });
  const merged: OrderedLink[] = [...(after.get(null) ?? [])];
  for (const link of links.filter((l) => !movedHere(l)).sort(remoteCmp))
    merged.push(link, ...(after.get(link.id) ?? []));
  merged.push(...tail);

  // The longest run of `merged` already in the service's order stays; the rest is moved.
  const keep = longestIncreasing(merged.map((l) => positionOf(l)));
  let moves = 0;
  for (let i = 0; i < merged.length; i++) {
    if (keep.has(i)) continue;
    const link = merged[i]!;
    const previous = i > 0 ? merged[i - 1]!.remoteId : null;
    const answer = await remote.move!(remoteListId, link.remoteId!, previous);
    moves++;
    // Only the position is taken from the answer: its other fields are merged in the next read.
    const updated: OrderedLink = { ...link, base: { ...(link.base as object), position: answer.position } };
    merged[i] = updated;
    await db.syncLinks.put(updated);
  }

  // Local order follows the merged one; recorded on each link as the order both sides agree on.
  const renumber = merged.some((l, i) => l.localId !== localSeq[i]!.localId);
  await db.transaction('rw', db.tasks, db.syncLinks, async () => {
    const now = await db.tasks.bulkGet(merged.map((l) => l.localId));
    const changedTasks: Task[] = [];
    const changedLinks: OrderedLink[] = [];
    merged.forEach((link, i) => {
      const task = now[i];
      // A task reordered (or deleted) while the pass ran is left for the next pass.
      if (!task || task.order !== byId.get(link.localId)!.order) return;
      const order = renumber ? i : task.order;
      if (order !== task.order) changedTasks.push({ ...task, order });
      if (link.order !== order) changedLinks.push({ ...link, order });
    });
    await db.tasks.bulkPut(changedTasks);
    await db.syncLinks.bulkPut(changedLinks);
  });
  return moves;
}

/** Indexes of one longest increasing run of the values (strictly or not; nulls never in it). */
function longestIncreasing<T extends string | number>(values: (T | null)[], strict = true): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    if (v === null) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const tail = values[tails[mid]!]!;
      if (tail < v || (!strict && tail === v)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.add(i);
  return out;
}

const fieldsKey = (f: SyncFields) => JSON.stringify([f.title, f.notes, f.due, f.done]);

/**
 * Local tasks whose create was sent but whose answer never came, by their fields: one that comes
 * back in the next read with the same fields is that create, adopted rather than made twice.
 */
async function pendingByFields(links: SyncLink[], db: OpsDb): Promise<Map<string, SyncLink[]>> {
  const out = new Map<string, SyncLink[]>();
  const tasks = await db.tasks.bulkGet(links.map((l) => l.localId));
  links.forEach((link, i) => {
    const task = tasks[i];
    if (!task) return;
    const key = fieldsKey(localFields(task));
    out.set(key, [...(out.get(key) ?? []), link]);
  });
  return out;
}

export interface SyncStatus {
  /** Local changes not yet written to the shared list. */
  pending: number;
  conflicts: number;
}

export async function syncStatus(listId: string, db: OpsDb = sharedDb): Promise<SyncStatus> {
  const config = await listSync(listId, db);
  if (!config?.enabled) return { pending: 0, conflicts: 0 };
  const tasks = await db.tasks.where('listId').equals(listId).toArray();
  const links = await db.syncLinks
    .where('[provider+remoteListId]')
    .equals([config.provider, config.remoteListId])
    .toArray();
  const byLocal = new Map(links.map((l) => [l.localId, l]));
  let pending = 0;
  for (const task of tasks) {
    const link = byLocal.get(task.id);
    byLocal.delete(task.id);
    if (!link?.remoteId || !same(localFields(task), link.base as SyncFields)) pending++;
  }
  pending += byLocal.size;
  // Where the service keeps an order, a task moved here and not yet placed there is pending too.
  if (config.provider === 'google') {
    const { moved } = await orderState(listId, config.remoteListId, config.provider, db);
    pending += moved.size;
  }
  const ids = new Set(tasks.map((t) => t.id));
  const conflicts = (await db.syncConflicts.toArray()).filter((c) => ids.has(c.localId)).length;
  return { pending, conflicts };
}
