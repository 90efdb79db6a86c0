import { beforeEach, describe, expect, it } from 'vitest';
import { db, searchWords, type Task } from '../db/db';
import { useSandbox } from '../../sandbox/testing';
import { FIXED_TOKENS } from '../../sandbox/state';
import { setCloudAuthForTests } from './http';
import { disableListSync, enableListSync, listSync, merge, syncList, syncStatus } from './engine';
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

function task(i: number, extra: Partial<Task> = {}): Task {
  return {
    id: `t-${i}`,
    listId: LIST,
    title: `Tarea ${i}`,
    notes: '',
    dueAt: null,
    dueAllDay: true,
    remindAt: null,
    priority: 'normal',
    status: 'open',
    link: null,
    order: i,
    createdAt: i,
    completedAt: null,
    words: searchWords(`Tarea ${i}`),
    ...extra,
  };
}

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
