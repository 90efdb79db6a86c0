import { Dexie } from 'dexie';
import { DateTime } from 'luxon';
import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { db, type Task } from '../db/db';
import { formatDateTime, t } from '../i18n';
import { ensureAlarmAt } from '../background/alarms';

// Task reminders: ONE alarm, set for the next reminder still to show, instead of one alarm per task.
// - Chrome (117+) refuses more than 500 active alarms per extension, and an imported list can
//   hold thousands of tasks with reminders.
// - The database stays the only source of truth: any page that writes a task re-plans the alarm,
//   and the background re-plans it at start-up (Firefox drops alarms on restart; Chrome usually
//   keeps them, but not always).
// - "Shown until" (a watermark in extension storage) records up to when reminders were shown, so a
//   reminder is shown once, and reminders that fell due while the browser was closed are shown
//   at the next start.

export const REMINDER_ALARM = 'task-reminders';
const NOTIFICATION_PREFIX = 'task:';
const SUMMARY_NOTIFICATION = 'task-reminders-more';
/** More reminders than this at once (after days away) are summed up in one notification. */
const MAX_NOTIFICATIONS = 5;

const shownUntil = storage.defineItem<number>('local:taskRemindersShownUntil', { fallback: 0 });

// A 48×48 check mark in the accent colour: notifications need an icon and the extension ships none.
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAkUlEQVR42u3XsQ2AMAxE0czBcizJfiCKSCGigfjsGP5J6f9rIrkUxthly7rtMz8AAAAAAAAAgOKdSwuoSwlolw7QLxXgbmkAb+OnAIzEhwNG40MBFvFhAKv4EIBlvDvAOl4K6OMU8XJAjVTFuwCU8SGANPeAR7z8F1LHu3yj6QFPzkOOegAAAAAAAOBzAMZ+tgOmjzGDYxuSRgAAAABJRU5ErkJggg==';

export type SnoozeChoice = '10m' | '1h' | 'tomorrow';
export const SNOOZE_CHOICES: readonly SnoozeChoice[] = ['10m', '1h', 'tomorrow'];

/** When a snoozed reminder comes back; "tomorrow" is 9:00 on the next calendar day in `zone`. */
export function snoozeUntil(choice: SnoozeChoice, now: number, zone?: string): number {
  if (choice === '10m') return now + 10 * 60_000;
  if (choice === '1h') return now + 60 * 60_000;
  return DateTime.fromMillis(now, { zone: zone ?? 'local' })
    .plus({ days: 1 })
    .set({ hour: 9, minute: 0, second: 0, millisecond: 0 })
    .toMillis();
}

export const notificationIdFor = (taskId: string) => `${NOTIFICATION_PREFIX}${taskId}`;

/** Where the dashboard shows one task (notification clicks, links from other surfaces). */
export function taskUrl(taskId: string): string {
  return browser.runtime.getURL(`/dashboard.html#/tasks/${encodeURIComponent(taskId)}`);
}

/** The earliest reminder of an open task still to show, or null. */
export async function nextReminder(): Promise<Task | undefined> {
  const from = await shownUntil.getValue();
  return db.tasks
    .where('remindAt')
    .above(from)
    .filter((task) => task.status === 'open')
    .first();
}

/** Sets (or clears) the one reminder alarm from what the database holds now. */
export async function scheduleNextReminder(): Promise<number | null> {
  const next = await nextReminder();
  if (next?.remindAt == null) {
    await browser.alarms.clear(REMINDER_ALARM);
    return null;
  }
  // A time already past makes the alarm fire at once, which is what a late reminder should do. An
  // alarm already set for this reminder is left alone, so re-planning never pushes it back.
  await ensureAlarmAt(REMINDER_ALARM, next.remindAt);
  return next.remindAt;
}

/**
 * Re-plans the alarm after a task write. Inside a Dexie transaction it waits for the commit and is
 * not awaited: awaiting a browser API there would let IndexedDB commit the transaction early.
 */
export function syncReminderAlarm(): Promise<void> {
  const run = () =>
    scheduleNextReminder().then(
      () => undefined,
      (err: unknown) => console.error('Reminder alarm not updated', err),
    );
  const tx = Dexie.currentTransaction;
  if (!tx) return run();
  tx.idbtrans.addEventListener('complete', () => void Dexie.ignoreTransaction(run));
  return Promise.resolve();
}

function reminderMessage(task: Task): string {
  if (task.dueAt === null) return task.title;
  const due = formatDateTime(
    task.dueAt,
    task.dueAllDay ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
  );
  return `${task.title}\n${t('reminderDue', due)}`;
}

type NotificationOptions = Browser.notifications.NotificationCreateOptions;

/** Chrome shows up to two buttons; Firefox has none and rejects the option, so it gets none. */
async function notify(id: string, options: NotificationOptions): Promise<void> {
  try {
    await browser.notifications.create(id, options);
  } catch (err) {
    if (!options.buttons) throw err;
    const { buttons: _dropped, ...plain } = options;
    await browser.notifications.create(id, plain);
  }
}

export async function showReminder(task: Task): Promise<void> {
  await notify(notificationIdFor(task.id), {
    type: 'basic',
    iconUrl: NOTIFICATION_ICON,
    title: t('reminderTitle'),
    message: reminderMessage(task),
    // Two buttons is Chrome's limit; "tomorrow 9:00" is in the task itself, one click away.
    buttons: [{ title: t('snooze10m') }, { title: t('snooze1h') }],
    priority: task.priority === 'high' ? 2 : 0,
  });
}

/**
 * Shows the reminders that fell due since the last time (open tasks only), moves the watermark to
 * `now` and plans the next alarm. The first run ever shows nothing old: it only sets the mark.
 */
export async function fireDueReminders(now: number = Date.now()): Promise<Task[]> {
  const from = (await shownUntil.getValue()) || now;
  const due = await db.tasks
    .where('remindAt')
    .between(from, now, false, true)
    .filter((task) => task.status === 'open')
    .toArray();
  await shownUntil.setValue(now);
  const shown = due.slice(-MAX_NOTIFICATIONS);
  for (const task of shown) await showReminder(task);
  if (due.length > shown.length)
    await notify(SUMMARY_NOTIFICATION, {
      type: 'basic',
      iconUrl: NOTIFICATION_ICON,
      title: t('reminderTitle'),
      message: t('reminderMore', due.length - shown.length),
    });
  await scheduleNextReminder();
  return due;
}

/** Snoozes a task's reminder; the notification goes away and the alarm is re-planned. */
export async function snoozeTask(
  taskId: string,
  choice: SnoozeChoice,
  now: number = Date.now(),
  zone?: string,
): Promise<number> {
  const remindAt = snoozeUntil(choice, now, zone);
  await db.tasks.update(taskId, { remindAt });
  await browser.notifications.clear(notificationIdFor(taskId));
  await scheduleNextReminder();
  return remindAt;
}

function taskIdOf(notificationId: string): string | null {
  return notificationId.startsWith(NOTIFICATION_PREFIX)
    ? notificationId.slice(NOTIFICATION_PREFIX.length)
    : null;
}

export async function onNotificationClicked(notificationId: string): Promise<void> {
  const taskId = taskIdOf(notificationId);
  if (taskId === null && notificationId !== SUMMARY_NOTIFICATION) return;
  await browser.notifications.clear(notificationId);
  const url = taskId ? taskUrl(taskId) : browser.runtime.getURL('/dashboard.html#/tasks');
  await browser.tabs.create({ url });
}

export async function onNotificationButton(notificationId: string, buttonIndex: number): Promise<void> {
  const taskId = taskIdOf(notificationId);
  const choice = (['10m', '1h'] as const)[buttonIndex];
  if (taskId && choice) await snoozeTask(taskId, choice);
}

const logFailure = (what: string) => (err: unknown) => console.error(what, err);

/**
 * Background wiring: the alarm, notification clicks, and re-planning at browser start and install.
 * Listeners return their promise (browsers ignore it; tests can await it).
 */
export function registerReminders(): Promise<void> {
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== REMINDER_ALARM) return;
    await fireDueReminders(Math.max(Date.now(), alarm.scheduledTime)).catch(logFailure('Reminders failed'));
  });
  browser.notifications.onClicked.addListener((id) =>
    onNotificationClicked(id).catch(logFailure('Opening the task failed')),
  );
  // Some browsers (Firefox for one) have no notification buttons and may lack the event.
  const buttons = browser.notifications.onButtonClicked as
    typeof browser.notifications.onButtonClicked | undefined;
  buttons?.addListener((id, index) => onNotificationButton(id, index).catch(logFailure('Snooze failed')));
  const catchUp = () => fireDueReminders().catch(logFailure('Reminders failed at start-up'));
  browser.runtime.onStartup.addListener(catchUp);
  browser.runtime.onInstalled.addListener(catchUp);
  // Every worker wake: puts the alarm back if the browser lost it; one already set stays as it is.
  return scheduleNextReminder().then(() => undefined, logFailure('Reminder alarm not checked'));
}
