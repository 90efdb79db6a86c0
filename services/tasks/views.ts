import { DateTime } from 'luxon';
import { db, searchWords, type Task } from '../db/db';
import { openTasksInList } from '../db/tasks';

// The task views as index queries. Day boundaries are calendar days in `zone` (the browser's own
// by default), so "today" is right across DST changes.

export type TaskView =
  | { kind: 'list'; listId: string }
  | { kind: 'today' }
  | { kind: 'upcoming' }
  | { kind: 'overdue' }
  | { kind: 'completed' }
  | { kind: 'search'; query: string };

export function dayBounds(now: number, zone?: string): { start: number; end: number } {
  const day = DateTime.fromMillis(now, { zone: zone ?? 'local' }).startOf('day');
  return { start: day.toMillis(), end: day.plus({ days: 1 }).toMillis() };
}

/** An all-day task is late only once its day is over; a timed one as soon as its time passes. */
export function isOverdue(task: Task, now: number, zone?: string): boolean {
  if (task.status !== 'open' || task.dueAt === null) return false;
  return task.dueAllDay ? task.dueAt < dayBounds(now, zone).start : task.dueAt < now;
}

const openDueBetween = (from: number, to: number) =>
  db.tasks.where('[status+dueAt]').between(['open', from], ['open', to], true, false);

/** Open tasks due today (including the ones whose time has passed today), soonest first. */
export function todayTasks(now: number, zone?: string): Promise<Task[]> {
  const { start, end } = dayBounds(now, zone);
  return openDueBetween(start, end).toArray();
}

/** Open tasks due after today, soonest first. */
export function upcomingTasks(now: number, zone?: string, limit = 500): Promise<Task[]> {
  return openDueBetween(dayBounds(now, zone).end, Number.MAX_SAFE_INTEGER).limit(limit).toArray();
}

/** Open tasks past due, oldest first. */
export function overdueTasks(now: number, zone?: string): Promise<Task[]> {
  return openDueBetween(0, now)
    .filter((task) => isOverdue(task, now, zone))
    .toArray();
}

/** The toolbar badge's part for tasks (the background adds complaints to it). */
export function overdueCount(now: number = Date.now(), zone?: string): Promise<number> {
  return openDueBetween(0, now)
    .filter((task) => isOverdue(task, now, zone))
    .count();
}

/** Completed tasks, most recently completed first. */
export async function completedTasks(limit = 500): Promise<Task[]> {
  const done = await db.tasks.where('status').equals('done').toArray();
  return done.sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0)).slice(0, limit);
}

/**
 * Tasks having every typed word as the start of one of their words ("prov fact" finds "llamar al
 * proveedor por la factura"), open ones first. The rarest-looking (longest) word drives the index
 * lookup; the others filter.
 */
export async function searchTasks(query: string, limit = 200): Promise<Task[]> {
  const terms = searchWords(query).sort((a, b) => b.length - a.length);
  const [first, ...rest] = terms;
  if (!first) return [];
  const found = await db.tasks
    .where('words')
    .startsWith(first)
    .distinct()
    .filter((task) => rest.every((term) => task.words.some((w) => w.startsWith(term))))
    .limit(limit)
    .toArray();
  return found.sort(
    (a, b) => Number(a.status === 'done') - Number(b.status === 'done') || b.createdAt - a.createdAt,
  );
}

export function tasksForView(view: TaskView, now: number, zone?: string): Promise<Task[]> {
  switch (view.kind) {
    case 'list':
      return openTasksInList(view.listId);
    case 'today':
      return todayTasks(now, zone);
    case 'upcoming':
      return upcomingTasks(now, zone);
    case 'overdue':
      return overdueTasks(now, zone);
    case 'completed':
      return completedTasks();
    case 'search':
      return searchTasks(view.query);
  }
}
