import { db, searchWords, type Task } from './db';
import { defaultListId } from './lists';

export type NewTask = Pick<Task, 'title'> & Partial<Omit<Task, 'id' | 'title' | 'words' | 'createdAt'>>;

export async function addTask(input: NewTask): Promise<Task> {
  const task: Task = {
    id: crypto.randomUUID(),
    listId: input.listId ?? (await defaultListId()),
    title: input.title.trim(),
    notes: input.notes ?? '',
    dueAt: input.dueAt ?? null,
    dueAllDay: input.dueAllDay ?? false,
    remindAt: input.remindAt ?? null,
    priority: input.priority ?? 'normal',
    status: input.status ?? 'open',
    link: input.link ?? null,
    order: input.order ?? Date.now(),
    createdAt: Date.now(),
    completedAt: null,
    words: [],
  };
  if (!task.title) throw new Error('A task needs a title');
  task.words = searchWords(task.title, task.notes);
  await db.tasks.add(task);
  return task;
}

export async function setTaskDone(id: string, done: boolean): Promise<void> {
  await db.tasks.update(id, { status: done ? 'done' : 'open', completedAt: done ? Date.now() : null });
}

/** Open tasks due before `end` (overdue included), soonest first. */
export function openTasksDueBefore(end: number): Promise<Task[]> {
  return db.tasks.where('[status+dueAt]').between(['open', 0], ['open', end], true, false).toArray();
}

export function recentTasks(limit = 50): Promise<Task[]> {
  return db.tasks.orderBy('createdAt').reverse().limit(limit).toArray();
}
