import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { addTask, openTasksDueBefore, setTaskDone } from './tasks';
import { orderedLists } from './lists';
import { setLocale } from '../i18n';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('tasks', () => {
  it('creates the default lists in the UI language on first use', async () => {
    setLocale('es');
    await addTask({ title: 'Llamar al proveedor' });
    expect((await orderedLists()).map((l) => l.name)).toEqual([
      'Hoy',
      'Encargos del gerente',
      'Seguimientos',
    ]);
  });

  it('lists open tasks due before a time, soonest first, and drops completed ones', async () => {
    const soon = await addTask({ title: 'soon', dueAt: 2_000 });
    await addTask({ title: 'sooner', dueAt: 1_000 });
    await addTask({ title: 'later', dueAt: 9_000 });
    await addTask({ title: 'no date' });
    expect((await openTasksDueBefore(5_000)).map((t) => t.title)).toEqual(['sooner', 'soon']);
    await setTaskDone(soon.id, true);
    expect((await openTasksDueBefore(5_000)).map((t) => t.title)).toEqual(['sooner']);
    expect((await db.tasks.get(soon.id))?.completedAt).toEqual(expect.any(Number));
  });

  it('refuses an empty title', async () => {
    await expect(addTask({ title: '   ' })).rejects.toThrow(/title/);
  });
});
