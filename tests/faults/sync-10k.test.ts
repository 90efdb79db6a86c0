// Issue 18 "bad input": 10,000 tasks on first sync. A shared list that already holds 10,000 tasks
// (put straight into the sandbox's store, as if typed there over the years) is shared into an empty
// local list, for Google Tasks and for Microsoft To Do, read as the real APIs page it (tasks.list
// maxResults 100 and nextPageToken; Graph delta pages of 100 linked by @odata.nextLink), with a 500
// on a page part-way that cuts the first pass: afterwards 10,000 local tasks, none twice, none lost,
// each with its fields, and a second pass adds nothing. Timings of this size go to `npm run bench`.
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { db } from '../../services/db/db';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { ANCHOR } from '../../sandbox/testing';
import { FIXED_TOKENS } from '../../sandbox/state';
import { gtasksStore, type GTask } from '../../sandbox/gtasks';
import { todoStore, type TodoTask } from '../../sandbox/todo';
import { setCloudAuthForTests } from '../../services/sync/http';
import { enableListSync, syncList } from '../../services/sync/engine';
import { googleTasks } from '../../services/sync/google-tasks';
import { microsoftTodo } from '../../services/sync/todo';
import type { TaskRemote } from '../../services/sync/remote';
import type { Provider } from '../../services/auth/tokens';

const COUNT = 10_000;
const LIST = 'list-shop';
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox(0);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.state.reset(new Date(ANCHOR));
  await db.delete();
  await db.open();
  setCloudAuthForTests(
    async (p) => FIXED_TOKENS[p],
    async () => {},
    async () => {},
  );
});

const remoteFor = (p: Provider): TaskRemote =>
  p === 'google' ? googleTasks(`${sandbox.origin}/google`) : microsoftTodo(`${sandbox.origin}/graph/`);

const title = (i: number) => `Pedido ${i} — revisar stock`;
const due = (i: number) => (i % 4 ? `2026-03-${String(1 + (i % 28)).padStart(2, '0')}` : null);

/** 10,000 tasks in the Google list, shaped as the tasks resource documents them. */
function seedGoogle(listId: string): void {
  const list = gtasksStore(sandbox.state).lists.find((l) => l.id === listId)!;
  for (let i = 0; i < COUNT; i++) {
    const updated = new Date(Date.parse(ANCHOR) - (COUNT - i) * 1000).toISOString();
    const task: GTask = {
      kind: 'tasks#task',
      id: `g${String(i).padStart(6, '0')}`,
      etag: `"e${i}"`,
      title: title(i),
      updated,
      selfLink: `https://www.googleapis.com/tasks/v1/lists/${listId}/tasks/g${i}`,
      position: String((i + 1) * 1024).padStart(20, '0'),
      status: i % 9 === 0 ? 'completed' : 'needsAction',
      ...(i % 3 ? { notes: `Proveedor ${i % 17}` } : {}),
      ...(due(i) ? { due: `${due(i)}T00:00:00.000Z` } : {}),
      ...(i % 9 === 0 ? { completed: updated } : {}),
    };
    list.tasks.push(task);
  }
}

/** 10,000 tasks in the To Do list, shaped as the todoTask resource documents them. */
function seedTodo(listId: string): void {
  const store = todoStore(sandbox.state);
  const list = store.lists.find((l) => l.id === listId)!;
  for (let i = 0; i < COUNT; i++) {
    const at = new Date(Date.parse(ANCHOR) - (COUNT - i) * 1000).toISOString();
    const change = ++store.change;
    const id = `AAMkAD${String(i).padStart(6, '0')}=`;
    const task: TodoTask = {
      id,
      '@odata.etag': `W/"${Buffer.from(`${id}:${change}`).toString('base64')}"`,
      title: title(i),
      body: { content: i % 3 ? `Proveedor ${i % 17}` : '', contentType: 'text' },
      status: i % 9 === 0 ? 'completed' : 'notStarted',
      importance: 'normal',
      ...(due(i) ? { dueDateTime: { dateTime: `${due(i)}T00:00:00.0000000`, timeZone: 'UTC' } } : {}),
      ...(i % 9 === 0
        ? { completedDateTime: { dateTime: `${at.slice(0, 19)}.0000000`, timeZone: 'UTC' } }
        : {}),
      createdDateTime: at,
      lastModifiedDateTime: at,
      linkedResources: [],
      change,
    };
    list.tasks.push(task);
  }
}

describe.each(['google', 'microsoft'] as const)('%s: 10,000 tasks on first sync', (provider) => {
  it('pages through them all: none twice, none lost, nothing added by a second pass', async () => {
    const remote = remoteFor(provider);
    const list = await remote.createList('Tienda');
    if (provider === 'google') seedGoogle(list.id);
    else seedTodo(list.id);
    await db.lists.put({ id: LIST, name: 'Tienda', builtIn: null, order: 1, createdAt: 1 });
    await enableListSync(LIST, provider, list);
    // The 31st page read fails three times running (the client's two inline retries included): the
    // first pass stops part-way through paging, with nothing half-merged.
    const realFetch = globalThis.fetch;
    let pageReads = 0;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if ((init?.method ?? 'GET') === 'GET' && /\/tasks\?|\/tasks\/delta/.test(url)) {
        pageReads++;
        if (pageReads > 30 && pageReads <= 33) return new Response('{}', { status: 500 });
      }
      return realFetch(input, init);
    }) as typeof fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    const before = { ...sandbox.state.snapshot().requests };

    let passes = 0;
    for (; passes < 3; passes++) {
      try {
        await syncList(LIST, remote);
        break;
      } catch (err) {
        expect((err as { kind?: string }).kind).toBe('server');
      }
    }
    expect(pageReads).toBeGreaterThan(33); // the cut happened, and paging went on after it
    expect(passes).toBe(1);

    const here = await db.tasks.where('listId').equals(LIST).toArray();
    expect(here).toHaveLength(COUNT);
    const titles = new Set(here.map((t) => t.title));
    expect(titles.size).toBe(COUNT);
    for (let i = 0; i < COUNT; i += 97) expect(titles.has(title(i))).toBe(true);
    const byTitle = new Map(here.map((t) => [t.title, t]));
    for (const i of [0, 1, 2, 9, 4_321, 9_999]) {
      const t = byTitle.get(title(i))!;
      expect(t.notes).toBe(i % 3 ? `Proveedor ${i % 17}` : '');
      expect(t.status).toBe(i % 9 === 0 ? 'done' : 'open');
      expect(t.dueAt === null).toBe(due(i) === null);
    }
    expect(await db.syncLinks.count()).toBe(COUNT);
    // Paged as documented: at least 100 reads of 100 (and nothing written back: nothing was local).
    const after = sandbox.state.snapshot().requests;
    const reads = Object.entries(after)
      .filter(([k]) => k.startsWith('GET ') && /tasks|todo/.test(k))
      .reduce((n, [k, v]) => n + v - (before[k] ?? 0), 0);
    expect(reads).toBeGreaterThanOrEqual(COUNT / 100);
    const writes = Object.entries(after)
      .filter(([k]) => !k.startsWith('GET ') && /tasks|todo/.test(k))
      .reduce((n, [k, v]) => n + v - (before[k] ?? 0), 0);
    expect(writes).toBe(0);

    // Local order follows the service's where it keeps one (Google position; open tasks).
    if (provider === 'google') {
      const ordered = (await db.tasks.where('listId').equals(LIST).sortBy('order'))
        .filter((t) => t.status === 'open')
        .map((t) => t.title);
      const expected = Array.from({ length: COUNT }, (_, i) => i)
        .filter((i) => i % 9 !== 0)
        .map(title);
      expect(ordered).toEqual(expected);
    }

    const second = await syncList(LIST, remote);
    expect(second).toMatchObject({ created: 0, deleted: 0, adopted: 0 });
    expect(await db.tasks.count()).toBe(COUNT);
  });
});
