import { searchWords, type Task } from '../db/db';

/** A plain open task "Tarea i" of a list, as the sync tests need it (test-only helper). */
export function listTask(listId: string, i: number, extra: Partial<Task> = {}): Task {
  return {
    id: `t-${i}`,
    listId,
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
