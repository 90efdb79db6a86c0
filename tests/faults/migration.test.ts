// Issue 9: a schema upgrade killed half-way (the browser stopping the worker, a crash) must leave the
// old database exactly as it was, and the next start must run the whole upgrade again. IndexedDB
// runs Dexie's upgrade inside the versionchange transaction, so this holds only if nothing in the
// upgrade commits on its own.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1, searchWords, type OpsDb } from '../../services/db/db';

const TASKS = 2000;
const COMPLAINTS = 500;

let opened: Dexie[] = [];
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

function v1Task(i: number) {
  return {
    id: `t${String(i).padStart(5, '0')}`,
    listId: 'l1',
    title: `Llamar al proveedor ${i}`,
    notes: i % 2 ? `Pedido Nº ${i}` : '',
    status: 'open',
    dueAt: null,
    createdAt: i,
  };
}

function v1Complaint(i: number) {
  return {
    id: `c${String(i).padStart(5, '0')}`,
    threadKey: `gmail:m${i}`,
    subject: `Entrega tardía ${i}`,
    summary: 'El pedido no ha llegado',
    customerName: 'Lucía Gómez',
    customerEmail: `lucia${i}@example.es`,
    orderRef: `A-${i}`,
    status: 'new',
    createdAt: i,
  };
}

/** A version-1 database as the first release left it. */
async function createV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('tasks').bulkAdd(Array.from({ length: TASKS }, (_, i) => v1Task(i)));
  await v1.table('complaints').bulkAdd(Array.from({ length: COMPLAINTS }, (_, i) => v1Complaint(i)));
  v1.close();
}

/** Opens whatever is stored, without declaring a schema, to see its version and rows as they are. */
async function inspect(name: string) {
  const raw = new Dexie(name);
  await raw.open();
  const result = {
    verno: raw.verno,
    tasks: await raw.table('tasks').orderBy('id').toArray(),
    complaints: await raw.table('complaints').orderBy('id').toArray(),
    indexes: raw.table('tasks').schema.indexes.map((i) => i.name),
  };
  raw.close();
  return result;
}

/** Opens with the real schema, but kills the upgrade once `after` tasks have been rewritten. */
async function openAndKill(name: string, after: number, how: 'abort' | 'throw'): Promise<number> {
  const db: OpsDb = openDb(name);
  let rewritten = 0;
  db.tasks.hook('updating', (_mods, _key, _obj, tx) => {
    if (++rewritten < after) return undefined;
    if (how === 'abort') tx.abort();
    else throw new Error('killed mid-upgrade');
    return undefined;
  });
  await expect(db.open()).rejects.toThrow();
  db.close();
  return rewritten;
}

describe('a migration killed half-way', () => {
  it.each(['abort', 'throw'] as const)(
    'leaves version 1 intact and resumes to the latest version on the next start (%s)',
    { timeout: 60_000 },
    async (how) => {
      const name = `migration-${how}-${crypto.randomUUID()}`;
      await createV1(name);
      const before = await inspect(name);
      expect(before.verno).toBe(1);

      const rewritten = await openAndKill(name, TASKS / 2, how);
      // It really died in the middle: part of the tasks had been rewritten already.
      expect(rewritten).toBeGreaterThanOrEqual(TASKS / 2);
      expect(rewritten).toBeLessThan(TASKS);

      const after = await inspect(name);
      expect(after.verno).toBe(1);
      expect(after.indexes).not.toContain('words');
      expect(after.tasks).toEqual(before.tasks);
      expect(after.complaints).toEqual(before.complaints);
      expect(after.tasks.some((t) => 'words' in t)).toBe(false);

      const db = openDb(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(6);
      const tasks = await db.tasks.orderBy('id').toArray();
      expect(tasks).toHaveLength(TASKS);
      for (const [i, task] of tasks.entries()) {
        expect(task).toEqual({ ...v1Task(i), words: searchWords(v1Task(i).title, v1Task(i).notes) });
      }
      const complaints = await db.complaints.orderBy('id').toArray();
      expect(complaints).toHaveLength(COMPLAINTS);
      for (const [i, c] of complaints.entries()) {
        const v1 = v1Complaint(i);
        expect(c).toEqual({
          ...v1,
          words: searchWords(v1.subject, v1.summary, v1.customerName, v1.customerEmail, v1.orderRef),
        });
      }
      expect(await db.tasks.where('words').equals('proveedor').count()).toBe(TASKS);
      expect(await db.complaints.where('words').equals('tardia').count()).toBe(COMPLAINTS);
    },
  );
});
