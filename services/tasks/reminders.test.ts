import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../db/db';
import { addTask, deleteTask, setTaskDone, updateTask } from '../db/tasks';
import { setLocale } from '../i18n';
import {
  fireDueReminders,
  notificationIdFor,
  REMINDER_ALARM,
  registerReminders,
  scheduleNextReminder,
  snoozeTask,
  snoozeUntil,
  taskUrl,
} from './reminders';

const MIN = 60_000;
const alarm = () => fakeBrowser.alarms.get(REMINDER_ALARM);
const shown = () => Object.keys(fakeBrowser.notifications.getAllCreateOptions()).sort();

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
});

describe('snoozeUntil', () => {
  const zone = 'Europe/Madrid';
  it('adds 10 minutes or an hour, or goes to 9:00 the next day in the zone, across DST', () => {
    const now = DateTime.fromISO('2026-03-28T22:15', { zone }).toMillis();
    expect(snoozeUntil('10m', now, zone)).toBe(now + 10 * MIN);
    expect(snoozeUntil('1h', now, zone)).toBe(now + 60 * MIN);
    expect(snoozeUntil('tomorrow', now, zone)).toBe(
      DateTime.fromISO('2026-03-29T09:00', { zone }).toMillis(),
    );
    // A 23-hour night: the absolute gap is 9h45 of wall clock minus the skipped hour.
    expect(snoozeUntil('tomorrow', now, zone) - now).toBe((9 * 60 + 45) * MIN);
  });
});

describe('reminder alarm', () => {
  it('is set for the earliest open reminder and follows every write', async () => {
    const now = Date.now();
    const later = await addTask({ title: 'later', remindAt: now + 60 * MIN });
    expect((await alarm())?.scheduledTime).toBe(now + 60 * MIN);
    const sooner = await addTask({ title: 'sooner', remindAt: now + 10 * MIN });
    expect((await alarm())?.scheduledTime).toBe(now + 10 * MIN);
    await setTaskDone(sooner.id, true);
    expect((await alarm())?.scheduledTime).toBe(now + 60 * MIN);
    await updateTask(later.id, { remindAt: now + 5 * MIN });
    expect((await alarm())?.scheduledTime).toBe(now + 5 * MIN);
    await deleteTask(later.id);
    expect(await alarm()).toBeUndefined();
  });

  it('shows each due reminder once, then plans the next one', async () => {
    const start = Date.now();
    await fireDueReminders(start); // first run: only sets the mark
    const a = await addTask({ title: 'Call Ana', remindAt: start + 5 * MIN, dueAt: start + 15 * MIN });
    const b = await addTask({ title: 'Pay rent', remindAt: start + 30 * MIN });
    const closed = await addTask({ title: 'Done already', remindAt: start + 6 * MIN });
    await setTaskDone(closed.id, true);

    expect((await fireDueReminders(start + 10 * MIN)).map((t) => t.id)).toEqual([a.id]);
    expect(shown()).toEqual([notificationIdFor(a.id)]);
    const options = fakeBrowser.notifications.getAllCreateOptions()[notificationIdFor(a.id)]!;
    expect(options.message).toContain('Call Ana');
    expect(options.buttons?.map((x) => x.title)).toEqual(['Snooze 10 min', 'Snooze 1 hour']);
    expect((await alarm())?.scheduledTime).toBe(b.remindAt);

    expect(await fireDueReminders(start + 11 * MIN)).toEqual([]);
    expect((await fireDueReminders(start + 31 * MIN)).map((t) => t.id)).toEqual([b.id]);
    expect(await alarm()).toBeUndefined();
  });

  it('is planned again from the database at browser start, and shows what fell due meanwhile', async () => {
    registerReminders();
    const start = Date.now();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const missed = await addTask({ title: 'while closed', remindAt: start + 5 * MIN });
    const future = await addTask({ title: 'future', remindAt: start + 24 * 60 * MIN });

    // A restart ten minutes later, and the browser lost its alarms (Firefox always does).
    await fakeBrowser.alarms.clearAll();
    vi.spyOn(Date, 'now').mockReturnValue(start + 10 * MIN);
    await fakeBrowser.runtime.onStartup.trigger();
    expect(shown()).toEqual([notificationIdFor(missed.id)]);
    expect((await alarm())?.scheduledTime).toBe(future.remindAt);
  });

  it('fires from the alarm, opens the task on click and snoozes from the buttons', async () => {
    registerReminders();
    const start = Date.now();
    await fireDueReminders(start);
    const task = await addTask({ title: 'Send invoice', remindAt: start + MIN });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: REMINDER_ALARM,
      scheduledTime: start + MIN,
      persistAcrossSessions: true,
    });
    expect(shown()).toEqual([notificationIdFor(task.id)]);

    await fakeBrowser.notifications.onButtonClicked.trigger(notificationIdFor(task.id), 1);
    const snoozed = (await db.tasks.get(task.id))!.remindAt!;
    expect(snoozed).toBeGreaterThanOrEqual(start + 60 * MIN);
    expect(shown()).toEqual([]);
    expect((await alarm())?.scheduledTime).toBe(snoozed);

    // The fake browser has no tabs.create: record the call instead.
    const openTab = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await fireDueReminders(snoozed);
    expect(shown()).toEqual([notificationIdFor(task.id)]);
    await fakeBrowser.notifications.onClicked.trigger(notificationIdFor(task.id));
    expect(shown()).toEqual([]);
    expect(openTab).toHaveBeenCalledWith({ url: taskUrl(task.id) });
    expect(taskUrl(task.id)).toMatch(/dashboard\.html#\/tasks\/[\w-]+$/);
  });

  it('snoozes to tomorrow 9:00 from the task page', async () => {
    const task = await addTask({ title: 'Book room', remindAt: Date.now() + MIN });
    const now = Date.now();
    const until = await snoozeTask(task.id, 'tomorrow', now, 'UTC');
    expect(until).toBe(
      DateTime.fromMillis(now, { zone: 'UTC' })
        .plus({ days: 1 })
        .set({ hour: 9, minute: 0, second: 0, millisecond: 0 })
        .toMillis(),
    );
    expect((await db.tasks.get(task.id))?.remindAt).toBe(until);
    expect(await scheduleNextReminder()).toBe(until);
  });
});
