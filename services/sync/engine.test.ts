import { beforeEach, describe, expect, it } from 'vitest';
import { listTask } from './testing';
import { db, type Task } from '../db/db';
import { useSandbox } from '../../sandbox/testing';
import { FIXED_TOKENS } from '../../sandbox/state';
import { setCloudAuthForTests } from './http';
import { disableListSync, enableListSync, listSync, merge, syncList, syncStatus } from './engine';
import { reorderTasks } from '../db/tasks';
import { googleTasks } from './google-tasks';
import { microsoftTodo } from './todo';
import type { SyncFields, TaskRemote } from './remote';
import type { Provider } from '../auth/tokens';

// The bad inputs of issue 18 against the strict sandbox: a list deleted on the other side, a token
// revoked mid-sync, turning sharing off; plus the three-way merge itself.
const sandbox = useSandbox();
const LIST = 'l-1';
let token: Record<Provider, string>;

const remoteFor = (p: Provider): TaskRemote =>
  p === 'google' ? googleTasks(`${sandbox.origin()}/google`) : microsoftTodo(`${sandbox.origin()}/graph/`);

const task = (i: number, extra: Partial<Task> = {}): Task => listTask(LIST, i, extra);

beforeEach(async () => {
  await db.delete();
  await db.open();
  token = { ...FIXED_TOKENS };
  setCloudAuthForTests(
    async (p) => token[p],
    async () => {},
    async () => {},
  );
});

const fields = (over: Partial<SyncFields> = {}): SyncFields => ({
  title: 'Llamar',
  notes: '',
  due: null,
  done: false,
  threadUrl: null,
  ...over,
});

describe('three-way merge', () => {
  it('takes the side that changed, and keeps both texts when both changed', () => {
    const base = fields();
    expect(merge(base, fields({ title: 'Llamar hoy' }), base).fields.title).toBe('Llamar hoy');
    expect(merge(base, base, fields({ notes: 'de ellos' })).fields.notes).toBe('de ellos');
    const both = merge(
      base,
      fields({ title: 'mío', done: true }),
      fields({ title: 'suyo', due: '2026-03-04' }),
    );
    expect(both.fields).toMatchObject({ title: 'mío / suyo', done: true, due: '2026-03-04' });
    expect(both.conflicts).toEqual([{ field: 'title', local: 'mío', remote: 'suyo' }]);
    const notes = merge(fields({ notes: 'a' }), fields({ notes: 'b' }), fields({ notes: 'c' }));
    expect(notes.fields.notes).toBe('b\n---\nc');
  });
});

describe.each(['google', 'microsoft'] as const)('%s: bad input', (provider) => {
  it('a list deleted on the other side stops sharing and keeps every local task', async () => {
    const remote = remoteFor(provider);
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([task(1), task(2)]);
    await enableListSync(LIST, provider, list);
    expect((await syncList(LIST, remote)).created).toBe(2);
    // The owner deletes the list.
    const url =
      provider === 'google'
        ? `${sandbox.origin()}/google/tasks/v1/users/@me/lists/${list.id}`
        : `${sandbox.origin()}/graph/v1.0/me/todo/lists/${list.id}`;
    const gone = await fetch(url, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${FIXED_TOKENS[provider]}` },
    });
    expect(gone.status).toBe(204);
    await expect(syncList(LIST, remote)).rejects.toMatchObject({ kind: 'list-gone' });
    expect(await db.tasks.count()).toBe(2);
    expect(await listSync(LIST)).toMatchObject({ enabled: false, lastError: { kind: 'list-gone' } });
  });

  it('a token revoked mid-sync fails as sign-in, sends nothing twice and loses nothing', async () => {
    const remote = remoteFor(provider);
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([task(1), task(2), task(3)]);
    await enableListSync(LIST, provider, list);
    await syncList(LIST, remote);
    await db.tasks.update('t-2', { title: 'Tarea 2 editada' });
    token[provider] = 'revoked-token';
    await expect(syncList(LIST, remote)).rejects.toMatchObject({ kind: 'auth' });
    expect(await syncStatus(LIST)).toEqual({ pending: 1, conflicts: 0 });
    token[provider] = FIXED_TOKENS[provider];
    await syncList(LIST, remote);
    const there = (await remote.changes(list.id, null)).tasks.filter((t) => !t.deleted);
    expect(there.map((t) => t.title).sort()).toEqual(['Tarea 1', 'Tarea 2 editada', 'Tarea 3']);
    expect(await syncStatus(LIST)).toEqual({ pending: 0, conflicts: 0 });
  });

  it('a task deleted here while edited there comes back with the edit; untouched there, it goes', async () => {
    const remote = remoteFor(provider);
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([task(1), task(2)]);
    await enableListSync(LIST, provider, list);
    await syncList(LIST, remote);
    const there = (await remote.changes(list.id, null)).tasks;
    const one = there.find((t) => t.title === 'Tarea 1')!;
    await remote.update(list.id, one.id, { ...one, notes: 'Lo hago yo — Carmen' }, one.etag);
    await db.tasks.bulkDelete(['t-1', 't-2']);
    await syncList(LIST, remote);
    expect((await db.tasks.toArray()).map((t) => [t.title, t.notes])).toEqual([
      ['Tarea 1', 'Lo hago yo — Carmen'],
    ]);
    const after = (await remote.changes(list.id, null)).tasks.filter((t) => !t.deleted);
    expect(after.map((t) => t.title)).toEqual(['Tarea 1']);
    expect(await syncStatus(LIST)).toEqual({ pending: 0, conflicts: 0 });
  });

  it('turning sharing off keeps local tasks and forgets only the pairing', async () => {
    const remote = remoteFor(provider);
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([task(1)]);
    await enableListSync(LIST, provider, list);
    await syncList(LIST, remote);
    await disableListSync(LIST);
    expect(await db.tasks.count()).toBe(1);
    expect(await db.syncLinks.count()).toBe(0);
    await expect(syncList(LIST, remote)).rejects.toMatchObject({ kind: 'off' });
  });
});

describe('order', () => {
  const titlesHere = async () =>
    (await db.tasks.where('listId').equals(LIST).sortBy('order')).map((t) => t.title);
  const titlesThere = async (remote: TaskRemote, listId: string) =>
    (await remote.changes(listId, null)).tasks
      .filter((t) => !t.deleted)
      .sort((a, b) => (a.position! < b.position! ? -1 : a.position! > b.position! ? 1 : 0))
      .map((t) => t.title);
  const idThere = async (remote: TaskRemote, listId: string, title: string) =>
    (await remote.changes(listId, null)).tasks.find((t) => t.title === title)!.id;

  it('Google Tasks: local order is sent (new tasks in place, a reorder with the fewest moves)', async () => {
    const remote = remoteFor('google');
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([task(3, { order: 1 }), task(1, { order: 2 }), task(2, { order: 3 })]);
    await enableListSync(LIST, 'google', list);
    const first = await syncList(LIST, remote);
    expect(first.moved).toBe(0); // each created right after the one it follows here
    expect(await titlesThere(remote, list.id)).toEqual(['Tarea 3', 'Tarea 1', 'Tarea 2']);
    // The user drags Tarea 2 to the top (what the list view's reorder writes).
    await reorderTasks(['t-2', 't-3', 't-1']);
    // Options counts the move as a pending change until it is sent.
    expect(await syncStatus(LIST)).toEqual({ pending: 1, conflicts: 0 });
    const second = await syncList(LIST, remote);
    expect(await syncStatus(LIST)).toEqual({ pending: 0, conflicts: 0 });
    expect(second.moved).toBe(1);
    expect(await titlesThere(remote, list.id)).toEqual(['Tarea 2', 'Tarea 3', 'Tarea 1']);
    expect(await titlesHere()).toEqual(['Tarea 2', 'Tarea 3', 'Tarea 1']);
    // Nothing changed: nothing moved.
    expect((await syncList(LIST, remote)).moved).toBe(0);
  });

  it('Google Tasks: an order changed there comes here, and both sides’ moves are kept', async () => {
    const remote = remoteFor('google');
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([1, 2, 3, 4].map((i) => task(i)));
    await enableListSync(LIST, 'google', list);
    await syncList(LIST, remote);
    // A colleague moves Tarea 4 to the top and adds a task (Google puts a new one first).
    await remote.move!(list.id, await idThere(remote, list.id, 'Tarea 4'), null);
    await remote.create(list.id, { title: 'Nueva', notes: '', due: null, done: false, threadUrl: null });
    await syncList(LIST, remote);
    expect(await titlesHere()).toEqual(['Nueva', 'Tarea 4', 'Tarea 1', 'Tarea 2', 'Tarea 3']);
    // Meanwhile here Tarea 1 goes to the bottom, and there Tarea 3 goes first: both kept.
    const ids = (await db.tasks.where('listId').equals(LIST).sortBy('order')).map((t) => t.id);
    await reorderTasks([...ids.filter((id) => id !== 't-1'), 't-1']);
    await remote.move!(list.id, await idThere(remote, list.id, 'Tarea 3'), null);
    await syncList(LIST, remote);
    const expected = ['Tarea 3', 'Nueva', 'Tarea 4', 'Tarea 2', 'Tarea 1'];
    expect(await titlesHere()).toEqual(expected);
    expect(await titlesThere(remote, list.id)).toEqual(expected);
  });

  it('Microsoft To Do keeps no order (Graph has no order field): nothing is moved, local order stays', async () => {
    const remote = remoteFor('microsoft');
    expect(remote.move).toBeUndefined();
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([task(2, { order: 1 }), task(1, { order: 2 })]);
    await enableListSync(LIST, 'microsoft', list);
    expect((await syncList(LIST, remote)).moved).toBe(0);
    expect(await titlesHere()).toEqual(['Tarea 2', 'Tarea 1']);
  });
});

describe('order with subtasks in Google Tasks', () => {
  it('never moves a subtask (a move without parent would lift it to the top level) nor places a task after one', async () => {
    const remote = remoteFor('google');
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([task(1), task(2)]);
    await enableListSync(LIST, 'google', list);
    await syncList(LIST, remote);
    // A colleague adds two subtasks under Tarea 1 in Google Tasks.
    const there = (await remote.changes(list.id, null)).tasks;
    const parentId = there.find((t) => t.title === 'Tarea 1')!.id;
    const tasksApi = `${sandbox.origin()}/google/tasks/v1/lists/${list.id}/tasks`;
    let previous = '';
    for (const title of ['Sub A', 'Sub B']) {
      const res = await fetch(`${tasksApi}?parent=${parentId}${previous ? `&previous=${previous}` : ''}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${FIXED_TOKENS.google}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      expect(res.status).toBe(200);
      previous = ((await res.json()) as { id: string }).id;
    }
    await syncList(LIST, remote);
    // Here: the user moves Tarea 2 to the top, and adds a task at the very end (after the subtasks).
    const ids = (await db.tasks.where('listId').equals(LIST).sortBy('order')).map((t) => t.id);
    expect(ids).toHaveLength(4);
    await reorderTasks(['t-2', ...ids.filter((id) => id !== 't-2')]);
    await db.tasks.put(task(9, { order: 99 }));
    await syncList(LIST, remote);

    const after = (await remote.changes(list.id, null)).tasks.filter((t) => !t.deleted);
    const parentOf = (title: string) => after.find((t) => t.title === title)!.parent ?? null;
    expect(parentOf('Sub A')).toBe(parentId);
    expect(parentOf('Sub B')).toBe(parentId);
    expect(parentOf('Tarea 9')).toBeNull();
    const top = after.filter((t) => !t.parent).sort((a, b) => (a.position! < b.position! ? -1 : 1));
    expect(top.map((t) => t.title)).toEqual(['Tarea 2', 'Tarea 1', 'Tarea 9']);
    // A pass with nothing new moves nothing.
    expect((await syncList(LIST, remote)).moved).toBe(0);
  });
});

describe('links recorded before Google subtasks were read', () => {
  it('are not moved nor used as previous until Google says they have no parent', async () => {
    const remote = remoteFor('google');
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([task(1), task(2)]);
    await enableListSync(LIST, 'google', list);
    await syncList(LIST, remote);
    // As an older version stored them: no `parent` in the base.
    for (const link of await db.syncLinks.toArray()) {
      const { parent: _parent, ...base } = link.base as Record<string, unknown>;
      await db.syncLinks.put({ ...link, base });
    }
    await reorderTasks(['t-2', 't-1']);
    expect((await syncList(LIST, remote)).moved).toBe(0);
  });
});

describe('order with completed tasks cleared in Google Tasks', () => {
  it('never places a task after a hidden (cleared) one, and keeps the open tasks in order', async () => {
    const remote = remoteFor('google');
    const list = await remote.createList('Tienda');
    await db.tasks.bulkPut([
      task(1, { order: 1 }),
      task(2, { order: 2, status: 'done', completedAt: 5 }),
      task(3, { order: 3 }),
    ]);
    await enableListSync(LIST, 'google', list);
    await syncList(LIST, remote);
    // Someone clears the completed tasks in Google Tasks: Tarea 2 is hidden there.
    const cleared = await fetch(`${sandbox.origin()}/google/tasks/v1/lists/${list.id}/clear`, {
      method: 'POST',
      headers: { authorization: `Bearer ${FIXED_TOKENS.google}` },
    });
    expect(cleared.status).toBe(204);
    // Here a new task goes right after the completed one, and Tarea 3 moves to the top.
    await db.tasks.put(task(4, { order: 2.5 }));
    await reorderTasks(['t-3', 't-1', 't-2', 't-4']);
    await syncList(LIST, remote);
    const open = (await remote.changes(list.id, null)).tasks
      .filter((t) => !t.deleted && !t.done)
      .sort((a, b) => (a.position! < b.position! ? -1 : a.position! > b.position! ? 1 : 0))
      .map((t) => t.title);
    expect(open).toEqual(['Tarea 3', 'Tarea 1', 'Tarea 4']);
    expect(await db.tasks.count()).toBe(4);
  });
});
