import { DateTime } from 'luxon';
import { syncReminderAlarm } from './reminders';
import { db, searchWords, type Priority, type Task, type TaskSeries } from '../db/db';
import { assertOccurs, isTimed, nextOccurrence, occurrencesBetween, type Anchor } from './recurrence';

// Repeating tasks: a series (the rule and what each occurrence copies) and at most one open
// occurrence at a time, made when the previous one is closed. Nothing ever lists a series'
// occurrences ahead: "every day for ten years" is one series row and one task.
// An occurrence's id is `${seriesId}@${instant}`, so two pages closing the same occurrence make the
// next one once.

/** Occurrences counted as missed at most (a series idle for years says "999+"). */
export const MISSED_CAP = 999;

export const anchorOf = (series: Pick<TaskSeries, 'rule' | 'zone' | 'start'>): Anchor => ({
  rule: series.rule,
  zone: series.zone,
  start: series.start,
});

export const occurrenceId = (seriesId: string, at: number) => `${seriesId}@${at}`;

export interface NewSeries {
  title: string;
  notes?: string;
  listId: string;
  priority?: Priority;
  assignee?: string | null;
  remindBefore?: number | null;
  anchor: Anchor;
}

function occurrence(series: TaskSeries, at: number, now: number): Task {
  const remindAt = series.remindBefore === null ? null : at - series.remindBefore * 60_000;
  return {
    id: occurrenceId(series.id, at),
    listId: series.listId,
    title: series.title,
    notes: series.notes,
    dueAt: at,
    dueAllDay: !isTimed(series.rule),
    // A reminder already past for an occurrence made late would ring at once: the task shows overdue instead.
    remindAt: remindAt !== null && remindAt > now ? remindAt : null,
    priority: series.priority,
    status: 'open',
    link: null,
    order: now,
    createdAt: now,
    completedAt: null,
    words: searchWords(series.title, series.notes),
    seriesId: series.id,
    instanceAt: at,
    rule: series.rule,
    assignee: series.assignee,
  };
}

/**
 * Creates a series and its first occurrence (the first one at or after `from`). Throws a
 * RecurrenceError for a rule that never occurs.
 */
export async function createSeries(
  input: NewSeries,
  now: number = Date.now(),
  from: number = now,
): Promise<Task> {
  const first = assertOccurs(input.anchor, from);
  const series: TaskSeries = {
    id: crypto.randomUUID(),
    ...input.anchor,
    title: input.title.replace(/\s+/g, ' ').trim(),
    notes: input.notes ?? '',
    listId: input.listId,
    priority: input.priority ?? 'normal',
    assignee: input.assignee ?? null,
    remindBefore: input.remindBefore ?? null,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  const task = occurrence(series, first, now);
  if (input.remindBefore != null) task.remindAt = first - input.remindBefore * 60_000;
  await db.transaction('rw', db.series, db.tasks, async () => {
    await db.series.add(series);
    await db.tasks.add(task);
  });
  return task;
}

function startOfDay(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).startOf('day').toMillis();
}

/**
 * What comes after an occurrence closed at `now`: today's occurrence when one has already come
 * (it still needs doing), otherwise the first one after both the closed occurrence and now. The
 * occurrences that passed on earlier days are `missed` (counted in a capped window).
 */
export function planNext(
  series: Pick<TaskSeries, 'rule' | 'zone' | 'start'>,
  closedAt: number,
  now: number,
): { next: number | null; missed: number } {
  const anchor = anchorOf(series);
  const today = startOfDay(now, series.zone);
  // Two bounded windows: the earlier days only counted (capped), today's listed (a few at most).
  const earlier = occurrencesBetween(anchor, closedAt, Math.min(now, today - 1), MISSED_CAP).length;
  const todays = occurrencesBetween(anchor, Math.max(closedAt, today - 1), now, 50);
  const last = todays.at(-1);
  if (last !== undefined) return { next: last, missed: earlier + todays.length - 1 };
  return { next: nextOccurrence(anchor, Math.max(closedAt, now)), missed: earlier };
}

/**
 * Keeps a series going after one of its occurrences was closed (done or skipped) — or, when it
 * was opened again, takes back the occurrence its closing had made (if still untouched and open).
 */
export async function afterDoneChanged(
  taskId: string,
  done: boolean,
  now: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.tasks, db.series, async () => {
    const task = await db.tasks.get(taskId);
    if (!task?.seriesId) return;
    const at = task.instanceAt ?? task.dueAt ?? now;
    if (!done) {
      const later = await db.tasks
        .where('seriesId')
        .equals(task.seriesId)
        .filter((t) => t.status === 'open' && (t.instanceAt ?? 0) > at && t.id !== task.id)
        .toArray();
      await db.tasks.bulkDelete(later.map((t) => t.id));
      await db.tasks.update(taskId, { missed: 0, skipped: false });
      return;
    }
    const series = await db.series.get(task.seriesId);
    if (!series?.active) return;
    const { next, missed } = planNext(series, at, now);
    await db.tasks.update(taskId, { missed });
    if (next === null) return;
    const id = occurrenceId(series.id, next);
    if (!(await db.tasks.get(id))) await db.tasks.add(occurrence(series, next, now));
  });
}

/** Closes an occurrence without doing it; the next one comes as after "done". */
export async function skipOccurrence(taskId: string, now: number = Date.now()): Promise<void> {
  await db.tasks.update(taskId, { status: 'done', skipped: true, completedAt: now });
  await afterDoneChanged(taskId, true, now);
  // The next occurrence may carry a reminder: the one alarm is re-planned.
  await syncReminderAlarm();
}

/** Occurrences that passed on earlier days since this open one was due (shown as "N missed"). */
export function missedSoFar(
  series: Pick<TaskSeries, 'rule' | 'zone' | 'start'>,
  task: Pick<Task, 'instanceAt' | 'dueAt' | 'status'>,
  now: number,
): number {
  const at = task.instanceAt ?? task.dueAt;
  if (task.status !== 'open' || at == null || at >= now) return 0;
  const today = startOfDay(now, series.zone);
  return occurrencesBetween(anchorOf(series), at, Math.min(now, today - 1), MISSED_CAP + 1).length;
}

export type SeriesChanges = Partial<
  Pick<TaskSeries, 'title' | 'notes' | 'priority' | 'assignee' | 'listId' | 'remindBefore'>
> & { rule?: string };

/**
 * "All occurrences": changes the series and its open occurrence. A new rule replaces the open
 * occurrence by the rule's next one from now (its start moves to today), and is refused (throws)
 * when it never occurs.
 */
export async function updateSeries(
  seriesId: string,
  changes: SeriesChanges,
  now: number = Date.now(),
): Promise<void> {
  await updateSeriesRecords(seriesId, changes, now);
  await syncReminderAlarm();
}

async function updateSeriesRecords(seriesId: string, changes: SeriesChanges, now: number): Promise<void> {
  await db.transaction('rw', db.tasks, db.series, async () => {
    const series = await db.series.get(seriesId);
    if (!series) return;
    const next: TaskSeries = { ...series, ...changes, updatedAt: now };
    if (changes.title !== undefined) next.title = changes.title.replace(/\s+/g, ' ').trim() || series.title;
    const open = await db.tasks
      .where('seriesId')
      .equals(seriesId)
      .filter((t) => t.status === 'open')
      .toArray();
    if (changes.rule !== undefined && changes.rule !== series.rule) {
      next.start = DateTime.fromMillis(now, { zone: series.zone }).toISODate()!;
      const from = isTimed(changes.rule) ? now : startOfDay(now, series.zone);
      const first = assertOccurs(anchorOf(next), from);
      await db.series.put(next);
      // The open occurrence keeps its id (an editor or a link may be showing it) and moves to the
      // new rule's first time.
      const [kept, ...others] = open;
      await db.tasks.bulkDelete(others.map((t) => t.id));
      const shape = occurrence(next, first, now);
      if (kept)
        await db.tasks.update(kept.id, {
          rule: next.rule,
          instanceAt: first,
          dueAt: first,
          dueAllDay: shape.dueAllDay,
          remindAt: shape.remindAt,
        });
      else await db.tasks.add(shape);
      return;
    }
    await db.series.put(next);
    for (const task of open) {
      const copy = occurrence(next, task.instanceAt ?? task.dueAt ?? now, now);
      await db.tasks.put({
        ...task,
        title: next.title,
        notes: next.notes,
        priority: next.priority,
        assignee: next.assignee,
        listId: next.listId,
        words: copy.words,
        remindAt: 'remindBefore' in changes ? copy.remindAt : task.remindAt,
      });
    }
  });
}

/** Stops a series: its open occurrence stays, as a one-off task. */
export async function stopSeries(seriesId: string, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', db.tasks, db.series, async () => {
    await db.series.update(seriesId, { active: false, updatedAt: now });
    await db.tasks
      .where('seriesId')
      .equals(seriesId)
      .filter((t) => t.status === 'open')
      .modify({ rule: null });
  });
}

export function getSeries(id: string): Promise<TaskSeries | undefined> {
  return db.series.get(id);
}

/**
 * Makes a one-off task repeat: a series from its fields, and the task becomes the rule's first
 * occurrence at or after now (its due date moves there). Throws for a rule that never occurs.
 */
export async function makeRecurring(
  taskId: string,
  rule: string,
  zone: string,
  now: number = Date.now(),
): Promise<void> {
  const task = await db.tasks.get(taskId);
  if (!task) return;
  const start = DateTime.fromMillis(now, { zone }).toISODate()!;
  const anchor: Anchor = { rule, zone, start };
  const first = assertOccurs(anchor, isTimed(rule) ? now : startOfDay(now, zone));
  const remindBefore =
    task.remindAt !== null && task.dueAt !== null && task.remindAt < task.dueAt
      ? Math.round((task.dueAt - task.remindAt) / 60_000)
      : null;
  const series: TaskSeries = {
    id: crypto.randomUUID(),
    ...anchor,
    title: task.title,
    notes: task.notes,
    listId: task.listId,
    priority: task.priority,
    assignee: task.assignee ?? null,
    remindBefore,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  const shape = occurrence(series, first, now);
  await db.transaction('rw', db.series, db.tasks, async () => {
    await db.series.add(series);
    await db.tasks.update(taskId, {
      seriesId: series.id,
      instanceAt: first,
      rule,
      dueAt: first,
      dueAllDay: shape.dueAllDay,
      remindAt: remindBefore === null ? task.remindAt : shape.remindAt,
    });
  });
  await syncReminderAlarm();
}
