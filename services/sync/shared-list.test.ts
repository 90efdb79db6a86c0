// Issue 18: "Shared To Do lists work for everyone they are shared with." A To Do list in one person's
// mailbox, shared (in the To Do app) with a colleague, is synced by both: each from their own browser
// (two databases) with their own sign-in, the colleague reaching the list under the id it has in
// their mailbox (isOwner false, isShared true, wellknownListName none), against the strict sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listTask } from './testing';
import { openDb, type OpsDb, type Task } from '../db/db';
import { useSandbox } from '../../sandbox/testing';
import { FIXED_TOKENS } from '../../sandbox/state';
import { COLLEAGUE_TOKEN } from '../../sandbox/todo';
import { setCloudAuthForTests } from './http';
import { enableListSync, listSync, syncList } from './engine';
import { microsoftTodo } from './todo';

const sandbox = useSandbox();
const LIST = 'list-shop';
let as: 'owner' | 'colleague' = 'owner';
let owner: OpsDb;
let colleague: OpsDb;

beforeAll(async () => {
  owner = openDb('ops-owner');
  colleague = openDb('ops-colleague');
});
afterAll(async () => {
  await owner.delete();
  await colleague.delete();
});
beforeEach(async () => {
  for (const db of [owner, colleague]) {
    await db.delete();
    await db.open();
  }
  as = 'owner';
  setCloudAuthForTests(
    async () => (as === 'owner' ? FIXED_TOKENS.microsoft : COLLEAGUE_TOKEN),
    async () => {},
    async () => {},
  );
});

const remote = () => microsoftTodo(`${sandbox.origin()}/graph/`);

const task = (i: number, extra: Partial<Task> = {}): Task => listTask(LIST, i, extra);

/** /me/todo/lists as one of them sees it. */
async function listsOf(token: string) {
  const res = await fetch(`${sandbox.origin()}/graph/v1.0/me/todo/lists`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (
    (await res.json()) as {
      value: {
        id: string;
        displayName: string;
        isOwner: boolean;
        isShared: boolean;
        wellknownListName: string;
      }[];
    }
  ).value;
}

const titles = async (db: OpsDb) =>
  (await db.tasks.where('listId').equals(LIST).toArray()).map((t) => [t.title, t.status]).sort();

describe('a Microsoft To Do list shared with a colleague', () => {
  it('both sync it: tasks added and completed by either reach the other', async () => {
    // The owner shares their list "Tienda" through the extension.
    const made = await remote().createList('Tienda');
    await owner.tasks.bulkPut([task(1), task(2)]);
    await enableListSync(LIST, 'microsoft', made, owner);
    await syncList(LIST, remote(), owner);
    // Not shared yet: the colleague does not see it.
    expect((await listsOf(COLLEAGUE_TOKEN)).map((l) => l.displayName)).not.toContain('Tienda');

    // The owner shares it with the colleague in the To Do app.
    const shared = await sandbox.admin('todo/share', 'POST', { listId: made.id, with: 'colleague' });
    expect(shared.status).toBe(200);
    const seen = (await listsOf(COLLEAGUE_TOKEN)).find((l) => l.displayName === 'Tienda')!;
    expect(seen).toMatchObject({ isOwner: false, isShared: true, wellknownListName: 'none' });
    expect(seen.id).not.toBe(made.id); // an id of the colleague's mailbox
    expect((await listsOf(FIXED_TOKENS.microsoft)).find((l) => l.id === made.id)).toMatchObject({
      isOwner: true,
      isShared: true,
    });

    // The colleague picks it in Options (found by name among their lists) and syncs.
    as = 'colleague';
    const theirs = (await remote().lists()).find((l) => l.title === 'Tienda')!;
    expect(theirs.id).toBe(seen.id);
    await enableListSync(LIST, 'microsoft', theirs, colleague);
    expect((await syncList(LIST, remote(), colleague)).pulled).toBe(2);
    expect(await titles(colleague)).toEqual([
      ['Tarea 1', 'open'],
      ['Tarea 2', 'open'],
    ]);
    // The colleague completes one and adds one.
    const one = (await colleague.tasks.toArray()).find((t) => t.title === 'Tarea 1')!;
    await colleague.tasks.update(one.id, { status: 'done', completedAt: Date.now() });
    await colleague.tasks.put(task(3, { id: 'c-3', title: 'Llamar al proveedor' }));
    await syncList(LIST, remote(), colleague);

    // The owner's next pass brings both.
    as = 'owner';
    await syncList(LIST, remote(), owner);
    expect(await titles(owner)).toEqual([
      ['Llamar al proveedor', 'open'],
      ['Tarea 1', 'done'],
      ['Tarea 2', 'open'],
    ]);
    // And the owner's edit goes back to the colleague.
    await owner.tasks.update('t-2', { title: 'Tarea 2 — urgente' });
    await syncList(LIST, remote(), owner);
    as = 'colleague';
    await syncList(LIST, remote(), colleague);
    expect((await titles(colleague)).map(([t]) => t)).toEqual([
      'Llamar al proveedor',
      'Tarea 1',
      'Tarea 2 — urgente',
    ]);

    // The colleague cannot delete the owner's list; the owner can, and the colleague keeps every task.
    const refused = await fetch(`${sandbox.origin()}/graph/v1.0/me/todo/lists/${seen.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${COLLEAGUE_TOKEN}` },
    });
    expect(refused.status).toBe(403);
    const gone = await fetch(`${sandbox.origin()}/graph/v1.0/me/todo/lists/${made.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${FIXED_TOKENS.microsoft}` },
    });
    expect(gone.status).toBe(204);
    await expect(syncList(LIST, remote(), colleague)).rejects.toMatchObject({ kind: 'list-gone' });
    expect(await colleague.tasks.count()).toBe(3);
    expect(await listSync(LIST, colleague)).toMatchObject({ enabled: false });
  });
});
