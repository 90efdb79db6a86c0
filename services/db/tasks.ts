import { db, searchWords, type Task } from './db';
import { defaultListId } from './lists';
import { syncReminderAlarm } from '../tasks/reminders';
import { afterDoneChanged } from '../tasks/series';
import { t } from '../i18n';

export type NewTask = Pick<Task, 'title'> & Partial<Omit<Task, 'id' | 'title' | 'words' | 'createdAt'>>;

/** The fields a user edits; the rest (id, times, words) follow from them. */
export type TaskChanges = Partial<
  Pick<
    Task,
    'title' | 'notes' | 'dueAt' | 'dueAllDay' | 'remindAt' | 'priority' | 'link' | 'listId' | 'assignee'
  >
>;

const TITLE_MAX = 500;
const NOTES_MAX = 20_000;

function cleanTitle(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX);
  if (!clean) throw new Error(t('taskErrorEmptyTitle'));
  return clean;
}

let lastOrder = 0;
function nextOrder(): number {
  lastOrder = Math.max(Date.now(), lastOrder + 1);
  return lastOrder;
}

export async function addTask(input: NewTask): Promise<Task> {
  const task: Task = {
    id: crypto.randomUUID(),
    listId: input.listId ?? (await defaultListId()),
    title: cleanTitle(input.title),
    notes: (input.notes ?? '').slice(0, NOTES_MAX),
    dueAt: input.dueAt ?? null,
    dueAllDay: input.dueAllDay ?? false,
    remindAt: input.remindAt ?? null,
    priority: input.priority ?? 'normal',
    status: input.status ?? 'open',
    link: input.link ?? null,
    // Creation time as order puts new tasks at the end of their list without reading it; strictly
    // increasing, so tasks added in the same millisecond keep the order they were added in.
    order: input.order ?? nextOrder(),
    createdAt: Date.now(),
    completedAt: input.status === 'done' ? (input.completedAt ?? Date.now()) : null,
    words: [],
    ...(input.assignee ? { assignee: input.assignee } : {}),
  };
  task.words = searchWords(task.title, task.notes);
  await db.tasks.add(task);
  if (task.remindAt !== null) await syncReminderAlarm();
  return task;
}

export function getTask(id: string): Promise<Task | undefined> {
  return db.tasks.get(id);
}

export async function updateTask(id: string, changes: TaskChanges): Promise<Task> {
  const updated = await db.transaction('rw', db.tasks, async () => {
    const task = await db.tasks.get(id);
    if (!task) throw new Error(t('taskErrorNotFound'));
    const next: Task = { ...task, ...changes };
    next.title = cleanTitle(next.title);
    next.notes = next.notes.slice(0, NOTES_MAX);
    next.words = searchWords(next.title, next.notes);
    await db.tasks.put(next);
    return next;
  });
  if ('remindAt' in changes) await syncReminderAlarm();
  return updated;
}

export async function setTaskDone(id: string, done: boolean): Promise<void> {
  await db.tasks.update(id, { status: done ? 'done' : 'open', completedAt: done ? Date.now() : null });
  // A repeating task's next occurrence comes when one is done (and goes when it is reopened).
  await afterDoneChanged(id, done);
  await syncReminderAlarm();
}

async function endOfList(listId: string): Promise<number> {
  const last = await db.tasks.where('listId').equals(listId).reverse().sortBy('order');
  return (last[0]?.order ?? 0) + 1;
}

/** Moves a task to the end of another list. */
export async function moveTaskToList(id: string, listId: string): Promise<void> {
  await db.transaction('rw', db.tasks, db.lists, async () => {
    const task = await db.tasks.get(id);
    if (!task) throw new Error(t('taskErrorNotFound'));
    if (task.listId === listId) return;
    if (!(await db.lists.get(listId))) throw new Error(t('listErrorNotFound'));
    await db.tasks.update(id, { listId, order: await endOfList(listId) });
  });
}

/** Open tasks of a list in their order (what the list view shows and reorders). */
export async function openTasksInList(listId: string): Promise<Task[]> {
  const tasks = await db.tasks.where('listId').equals(listId).sortBy('order');
  return tasks.filter((task) => task.status === 'open');
}

/** Gives the tasks of `ids` the orders 0…n-1, in that sequence. */
export async function reorderTasks(ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.tasks, async () => {
    const tasks = await db.tasks.bulkGet([...ids]);
    await db.tasks.bulkPut(
      tasks.filter((task) => task !== undefined).map((task, order) => ({ ...task, order })),
    );
  });
}

/** Moves an open task one place up (-1) or down (+1) among the open tasks of its list. */
export async function moveTaskInList(id: string, delta: -1 | 1): Promise<void> {
  await db.transaction('rw', db.tasks, async () => {
    const task = await db.tasks.get(id);
    if (!task) throw new Error(t('taskErrorNotFound'));
    const ids = (await openTasksInList(task.listId)).map((t) => t.id);
    const from = ids.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    await reorderTasks(ids);
  });
}

/** Deletes a task and returns it as it was, so an undo can put it back exactly. */
export async function deleteTask(id: string): Promise<Task> {
  const task = await db.transaction('rw', db.tasks, async () => {
    const found = await db.tasks.get(id);
    if (!found) throw new Error(t('taskErrorNotFound'));
    await db.tasks.delete(id);
    return found;
  });
  if (task.remindAt !== null) await syncReminderAlarm();
  return task;
}

/**
 * Undo of a delete: the same record, field for field. If its list was deleted meanwhile it goes
 * to the first list instead of pointing at nothing.
 */
export async function restoreTask(task: Task): Promise<Task> {
  const restored = await db.transaction('rw', db.tasks, db.lists, async () => {
    const listId = (await db.lists.get(task.listId)) ? task.listId : await defaultListId();
    const record = { ...task, listId };
    await db.tasks.put(record);
    return record;
  });
  if (restored.remindAt !== null) await syncReminderAlarm();
  return restored;
}

/** Open tasks due before `end` (overdue included), soonest first. */
export function openTasksDueBefore(end: number): Promise<Task[]> {
  return db.tasks.where('[status+dueAt]').between(['open', 0], ['open', end], true, false).toArray();
}

export function recentTasks(limit = 50): Promise<Task[]> {
  return db.tasks.orderBy('createdAt').reverse().limit(limit).toArray();
}

export function countTasksInList(listId: string): Promise<number> {
  return db.tasks.where('listId').equals(listId).count();
}
