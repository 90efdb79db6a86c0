// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it } from 'vitest';
import { db, searchWords } from '../db/db';
import { enableListSync } from './engine';
import { SYNC_KIND, watchLocalEdits } from './worker';

// An edit in a shared list, made in any page, queues a sync pass by itself; edits elsewhere do not.
let stop: (() => void) | undefined;
beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => stop?.());

const task = (id: string, listId: string) => ({
  id,
  listId,
  title: `Tarea ${id}`,
  notes: '',
  dueAt: null,
  dueAllDay: true,
  remindAt: null,
  priority: 'normal' as const,
  status: 'open' as const,
  link: null,
  order: 1,
  createdAt: 1,
  completedAt: null,
  words: searchWords(`Tarea ${id}`),
});

async function queued(): Promise<number> {
  return (await db.outbox.toArray()).filter((i) => i.kind === SYNC_KIND).length;
}

it('queues one pass after edits to a shared list, none for other lists', async () => {
  await db.tasks.bulkPut([task('a', 'shared'), task('b', 'local')]);
  await enableListSync('shared', 'google', { id: 'r1', title: 'Tienda' });
  stop = watchLocalEdits(20);
  await new Promise((r) => setTimeout(r, 100));
  expect(await queued()).toBe(0);

  await db.tasks.update('b', { title: 'solo aquí' });
  await new Promise((r) => setTimeout(r, 150));
  expect(await queued()).toBe(0);

  await db.tasks.update('a', { title: 'editada' });
  await db.tasks.update('a', { notes: 'y con nota' });
  await expect.poll(queued, { timeout: 5_000 }).toBe(1);
});

it('the backup and team-sync alarms keep their next firing when the worker starts again', async () => {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  const { registerBackup } = await import('../backup/schedule');
  const { registerTeamSync } = await import('./worker');
  await registerBackup();
  await registerTeamSync();
  const before = (await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime, a.periodInMinutes]);
  expect(before.map((a) => a[0]).sort()).toEqual(['backup-check', 'team-sync']);
  await new Promise((r) => setTimeout(r, 20));
  await registerBackup();
  await registerTeamSync();
  expect(
    (await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime, a.periodInMinutes]),
  ).toEqual(before);
});
