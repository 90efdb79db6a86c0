import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { addTask, setTaskDone } from '../db/tasks';
import { completedTasks, overdueCount, overdueTasks, searchTasks, todayTasks, upcomingTasks } from './views';

const ZONE = 'Europe/Madrid';
const ms = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
const titles = (tasks: { title: string }[]) => tasks.map((t) => t.title);
// Sunday 29 March 2026 (the spring DST day: 23 hours long), 15:00.
const NOW = ms('2026-03-29T15:00');

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('task views', () => {
  beforeEach(async () => {
    await addTask({ title: 'last week', dueAt: ms('2026-03-22T10:00') });
    await addTask({ title: 'this morning', dueAt: ms('2026-03-29T09:30') });
    await addTask({ title: 'today all day', dueAt: ms('2026-03-29T09:00'), dueAllDay: true });
    await addTask({ title: 'tonight', dueAt: ms('2026-03-29T23:30') });
    await addTask({ title: 'yesterday all day', dueAt: ms('2026-03-28T09:00'), dueAllDay: true });
    await addTask({ title: 'tomorrow at midnight', dueAt: ms('2026-03-30T00:00') });
    await addTask({ title: 'next month', dueAt: ms('2026-04-02T12:00') });
    await addTask({ title: 'no date' });
    const done = await addTask({ title: 'done today', dueAt: ms('2026-03-29T08:00') });
    await setTaskDone(done.id, true);
  });

  it('today: open tasks due on this calendar day, in its zone', async () => {
    expect(titles(await todayTasks(NOW, ZONE))).toEqual(['today all day', 'this morning', 'tonight']);
  });

  it('upcoming: open tasks after today, soonest first', async () => {
    expect(titles(await upcomingTasks(NOW, ZONE))).toEqual(['tomorrow at midnight', 'next month']);
  });

  it('overdue: timed tasks whose time passed, all-day ones whose day is over', async () => {
    expect(titles(await overdueTasks(NOW, ZONE))).toEqual(['last week', 'yesterday all day', 'this morning']);
    expect(await overdueCount(NOW, ZONE)).toBe(3);
  });

  it('completed: done tasks, most recently completed first', async () => {
    const other = (await db.tasks.filter((t) => t.title === 'no date').first())!;
    await setTaskDone(other.id, true);
    await db.tasks.update(other.id, { completedAt: Date.now() + 1000 });
    expect(titles(await completedTasks())).toEqual(['no date', 'done today']);
  });
});

describe('searchTasks', () => {
  it('finds every typed word as a word start, ignoring case and accents, open tasks first', async () => {
    const done = await addTask({ title: 'Llamar al proveedor por la factura' });
    await setTaskDone(done.id, true);
    await addTask({ title: 'Revisar factura de Óscar', notes: 'Proveedor de tornillos' });
    await addTask({ title: 'Pedir presupuesto' });
    expect(titles(await searchTasks('PROV fact'))).toEqual([
      'Revisar factura de Óscar',
      'Llamar al proveedor por la factura',
    ]);
    expect(titles(await searchTasks('oscar'))).toEqual(['Revisar factura de Óscar']);
    expect(await searchTasks('visar')).toEqual([]);
    expect(await searchTasks('  ')).toEqual([]);
  });
});
