import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import {
  addTask,
  deleteTask,
  moveTaskInList,
  moveTaskToList,
  openTasksDueBefore,
  openTasksInList,
  reorderTasks,
  restoreTask,
  setTaskDone,
  updateTask,
} from './tasks';
import {
  createList,
  deleteList,
  defaultListId,
  listName,
  matchList,
  moveList,
  orderedLists,
  renameList,
} from './lists';
import { setLocale } from '../i18n';

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
});

const titles = (tasks: { title: string }[]) => tasks.map((t) => t.title);

describe('tasks', () => {
  it('creates the default lists in the UI language on first use', async () => {
    setLocale('es');
    await addTask({ title: 'Llamar al proveedor' });
    expect((await orderedLists()).map((l) => l.name)).toEqual([
      'Mi día',
      'Encargos del gerente',
      'Seguimientos',
    ]);
  });

  it('lists open tasks due before a time, soonest first, and drops completed ones', async () => {
    const soon = await addTask({ title: 'soon', dueAt: 2_000 });
    await addTask({ title: 'sooner', dueAt: 1_000 });
    await addTask({ title: 'later', dueAt: 9_000 });
    await addTask({ title: 'no date' });
    expect(titles(await openTasksDueBefore(5_000))).toEqual(['sooner', 'soon']);
    await setTaskDone(soon.id, true);
    expect(titles(await openTasksDueBefore(5_000))).toEqual(['sooner']);
    expect((await db.tasks.get(soon.id))?.completedAt).toEqual(expect.any(Number));
    await setTaskDone(soon.id, false);
    expect((await db.tasks.get(soon.id))?.completedAt).toBeNull();
  });

  it('refuses an empty title, on create and on edit', async () => {
    await expect(addTask({ title: '   ' })).rejects.toThrow(/title/);
    const task = await addTask({ title: 'x1' });
    await expect(updateTask(task.id, { title: ' ' })).rejects.toThrow(/title/);
    expect((await db.tasks.get(task.id))?.title).toBe('x1');
  });

  it('keeps the search words in step with edits', async () => {
    const task = await addTask({ title: 'Llamar al proveedor' });
    const edited = await updateTask(task.id, { title: 'Pagar factura', notes: 'Óscar López' });
    expect(edited.words).toEqual(['pagar', 'factura', 'oscar', 'lopez']);
    expect((await db.tasks.get(task.id))?.words).toEqual(edited.words);
  });

  it('reorders, and moves one place up or down among the open tasks of its list', async () => {
    const listId = await defaultListId();
    const [a, b, c] = [
      await addTask({ title: 'a' }),
      await addTask({ title: 'b' }),
      await addTask({ title: 'c' }),
    ];
    await reorderTasks([c!.id, a!.id, b!.id]);
    expect(titles(await openTasksInList(listId))).toEqual(['c', 'a', 'b']);
    await moveTaskInList(b!.id, -1);
    expect(titles(await openTasksInList(listId))).toEqual(['c', 'b', 'a']);
    await moveTaskInList(c!.id, -1);
    expect(titles(await openTasksInList(listId))).toEqual(['c', 'b', 'a']);
    await moveTaskInList(c!.id, 1);
    expect(titles(await openTasksInList(listId))).toEqual(['b', 'c', 'a']);
  });

  it('moves a task to the end of another list', async () => {
    await defaultListId();
    const [first, second] = await orderedLists();
    await addTask({ title: 'already there', listId: second!.id });
    const task = await addTask({ title: 'moving', listId: first!.id });
    await moveTaskToList(task.id, second!.id);
    expect(titles(await openTasksInList(second!.id))).toEqual(['already there', 'moving']);
    expect(await openTasksInList(first!.id)).toEqual([]);
    await expect(moveTaskToList(task.id, 'nope')).rejects.toThrow(/list/);
  });

  it('deletes a task and undoes it exactly, even after its list went away', async () => {
    const list = await createList('Temp');
    const task = await addTask({
      title: 'Call Ana',
      notes: 'about the order',
      listId: list.id,
      dueAt: 5_000,
      remindAt: 4_000,
      priority: 'high',
      link: { kind: 'complaint', ref: 'c1' },
    });
    const deleted = await deleteTask(task.id);
    expect(deleted).toEqual(task);
    expect(await db.tasks.get(task.id)).toBeUndefined();
    await restoreTask(deleted);
    expect(await db.tasks.get(task.id)).toEqual(task);

    await deleteTask(task.id);
    await deleteList(list.id, { deleteTasks: true });
    const back = await restoreTask(deleted);
    expect(back).toEqual({ ...task, listId: await defaultListId() });
  });
});

describe('lists', () => {
  it('creates at the end, renames (no longer following the UI language) and reorders', async () => {
    await defaultListId();
    const shop = await createList('  Tienda   nueva ');
    expect(shop.name).toBe('Tienda nueva');
    expect((await orderedLists()).map(listName)).toEqual([
      'My day',
      'Manager requests',
      'Follow-ups',
      'Tienda nueva',
    ]);
    setLocale('es');
    expect((await orderedLists()).map(listName)).toEqual([
      'Mi día',
      'Encargos del gerente',
      'Seguimientos',
      'Tienda nueva',
    ]);
    const today = (await orderedLists())[0]!;
    await renameList(today.id, 'Urgente');
    setLocale('en');
    await moveList(shop.id, -1);
    expect((await orderedLists()).map(listName)).toEqual([
      'Urgente',
      'Manager requests',
      'Tienda nueva',
      'Follow-ups',
    ]);
    await moveList(today.id, -1);
    expect((await orderedLists())[0]!.id).toBe(today.id);
    await expect(createList(' ')).rejects.toThrow(/name/);
  });

  it('deletes a list moving its tasks, or with them; never the last one', async () => {
    await defaultListId();
    const [today, manager, followups] = await orderedLists();
    await addTask({ title: 'keep me', listId: manager!.id });
    await addTask({ title: 'move me', listId: today!.id });
    expect(await deleteList(today!.id, { moveTasksTo: manager!.id })).toBe(1);
    expect(titles(await openTasksInList(manager!.id))).toEqual(['keep me', 'move me']);
    expect(await deleteList(manager!.id, { deleteTasks: true })).toBe(2);
    expect(await db.tasks.count()).toBe(0);
    await expect(deleteList(followups!.id, { deleteTasks: true })).rejects.toThrow(/last list/);
    expect(await db.lists.count()).toBe(1);
  });

  it('matches typed names in both languages', async () => {
    await defaultListId();
    const shop = await createList('Tienda Centro');
    const lists = await orderedLists();
    setLocale('en');
    expect(matchList(lists, 'hoy')?.builtIn).toBe('today');
    expect(matchList(lists, 'gerente')?.builtIn).toBe('manager');
    expect(matchList(lists, 'followups')?.builtIn).toBe('followups');
    expect(matchList(lists, 'tienda')?.id).toBe(shop.id);
    expect(matchList(lists, 'almacén')).toBeUndefined();
  });
});
