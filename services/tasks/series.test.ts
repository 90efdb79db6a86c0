import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../db/db';
import { REMINDER_ALARM } from './reminders';
import { defaultListId } from '../db/lists';
import { setTaskDone } from '../db/tasks';
import { parseQuickTask } from './quick-add';
import {
  afterDoneChanged,
  createSeries,
  missedSoFar,
  MISSED_CAP,
  planNext,
  skipOccurrence,
  stopSeries,
  updateSeries,
} from './series';

// Repeating tasks in the database: one open occurrence at a time, the next made on completion, in
// the business's zone (Europe/Madrid).
const MADRID = 'Europe/Madrid';
const ms = (iso: string) => DateTime.fromISO(iso, { zone: MADRID }).toMillis();
const iso = (at: number | null | undefined) =>
  at == null ? null : DateTime.fromMillis(at, { zone: MADRID }).toFormat("yyyy-MM-dd'T'HH:mm");

beforeEach(async () => {
  await db.delete();
  await db.open();
});

async function typed(text: string, nowIso: string) {
  const now = ms(nowIso);
  const parsed = parseQuickTask(text, new Date(now), { zone: MADRID });
  return createSeries(
    { title: parsed.title, listId: await defaultListId(), anchor: parsed.recurrence!, remindBefore: 10 },
    now,
    parsed.dueAt!,
  );
}

const openOf = async (seriesId: string) =>
  (await db.tasks.where('seriesId').equals(seriesId).toArray()).filter((t) => t.status === 'open');

describe('series in the database', () => {
  it('stores the rule on the occurrence, with its reminder; completing makes the next one', async () => {
    const first = await typed('Revisar inventario de la cámara cada lunes a las 9:00', '2026-11-25T07:00');
    expect(first).toMatchObject({
      title: 'Revisar inventario de la cámara',
      rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
      dueAllDay: false,
    });
    expect(iso(first.dueAt)).toBe('2026-11-30T09:00');
    expect(iso(first.remindAt)).toBe('2026-11-30T08:50');

    await db.tasks.update(first.id, { status: 'done', completedAt: ms('2026-11-30T09:30') });
    await afterDoneChanged(first.id, true, ms('2026-11-30T09:30'));
    const [second] = await openOf(first.seriesId!);
    expect(iso(second!.dueAt)).toBe('2026-12-07T09:00');
    expect(second!.title).toBe(first.title);
    // Closing the same occurrence again (another page) does not make a second "next".
    await afterDoneChanged(first.id, true, ms('2026-11-30T09:31'));
    expect(await openOf(first.seriesId!)).toHaveLength(1);
  });

  it('a reopened occurrence takes back the next one; setTaskDone goes through the same path', async () => {
    const first = await typed('Open the till every weekday at 8', '2026-11-25T07:00');
    await setTaskDone(first.id, true);
    expect((await openOf(first.seriesId!)).map((t) => t.id)).not.toContain(first.id);
    expect(await openOf(first.seriesId!)).toHaveLength(1);
    await setTaskDone(first.id, false);
    expect((await openOf(first.seriesId!)).map((t) => t.id)).toEqual([first.id]);
  });

  it('weeks across the October DST change: each next occurrence stays 8:00 in Madrid', async () => {
    const first = await typed('Abrir caja cada día laborable a las 8', '2026-10-22T07:00');
    let task = first;
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      seen.push(iso(task.dueAt)!);
      const closed = task.dueAt! + 30 * 60_000;
      await db.tasks.update(task.id, { status: 'done', completedAt: closed });
      await afterDoneChanged(task.id, true, closed);
      task = (await openOf(first.seriesId!))[0]!;
    }
    expect(seen).toEqual(['2026-10-22T08:00', '2026-10-23T08:00', '2026-10-26T08:00', '2026-10-27T08:00']);
  });

  it('skipped occurrences are kept as skipped; late completion counts what was missed', async () => {
    const first = await typed('Regar plantas cada día', '2026-11-25T07:00');
    await skipOccurrence(first.id, ms('2026-11-25T10:00'));
    const skipped = await db.tasks.get(first.id);
    expect(skipped).toMatchObject({ status: 'done', skipped: true, missed: 0 });
    const [second] = await openOf(first.seriesId!);
    expect(iso(second!.dueAt)).toBe('2026-11-26T09:00');
    const series = (await db.series.get(first.seriesId!))!;
    // Three days later: the 26th is overdue, the 27th and 28th went by undone, today's is still to do.
    expect(missedSoFar(series, second!, ms('2026-11-29T12:00'))).toBe(2);
    await db.tasks.update(second!.id, { status: 'done' });
    await afterDoneChanged(second!.id, true, ms('2026-11-29T12:00'));
    expect((await db.tasks.get(second!.id))!.missed).toBe(2);
    const [third] = await openOf(first.seriesId!);
    expect(iso(third!.dueAt)).toBe('2026-11-29T09:00');
  });

  it('a series idle for years makes one next occurrence, never thousands (missed is capped)', async () => {
    const series = { rule: 'FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0', zone: MADRID, start: '2020-01-01' };
    const plan = planNext(series, ms('2020-01-01T09:00'), ms('2026-11-25T12:00'));
    expect(iso(plan.next)).toBe('2026-11-25T09:00');
    expect(plan.missed).toBe(MISSED_CAP);
  });

  it('"all" edits change the series and its open occurrence; a new rule that never occurs is refused', async () => {
    const first = await typed('Pedido a proveedor cada 2 semanas el viernes', '2026-11-25T07:00');
    await updateSeries(first.seriesId!, { title: 'Pedido a Frutas García', assignee: 'ana@example.com' });
    const [open] = await openOf(first.seriesId!);
    expect(open).toMatchObject({ title: 'Pedido a Frutas García', assignee: 'ana@example.com' });
    expect(open!.words).toContain('garcia');

    await expect(
      updateSeries(first.seriesId!, { rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }, ms('2026-11-25T08:00')),
    ).rejects.toThrow(/never/);
    expect((await db.series.get(first.seriesId!))!.rule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR');

    await updateSeries(
      first.seriesId!,
      { rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0' },
      ms('2026-11-25T08:00'),
    );
    const after = await openOf(first.seriesId!);
    expect(after).toHaveLength(1);
    expect(iso(after[0]!.dueAt)).toBe('2026-11-30T09:00');
    expect(after[0]!.title).toBe('Pedido a Frutas García');
  });

  it('"this one only": moving one occurrence leaves the rule, the next follows the rule', async () => {
    const first = await typed('Check the cold room every Monday at 9:00', '2026-11-25T07:00');
    await db.tasks.update(first.id, { dueAt: ms('2026-12-01T11:00') });
    await db.tasks.update(first.id, { status: 'done' });
    await afterDoneChanged(first.id, true, ms('2026-12-01T11:30'));
    const [next] = await openOf(first.seriesId!);
    expect(iso(next!.dueAt)).toBe('2026-12-07T09:00');
  });

  it('a stopped series keeps its open occurrence as a one-off, and makes no more', async () => {
    const first = await typed('Backup every Saturday at noon', '2026-11-25T07:00');
    await stopSeries(first.seriesId!);
    expect((await db.tasks.get(first.id))!.rule).toBeNull();
    await setTaskDone(first.id, true);
    expect(await openOf(first.seriesId!)).toHaveLength(0);
  });

  it('skipping re-plans the one reminder alarm for the next occurrence (10 minutes before it)', async () => {
    const first = await typed('Abrir caja cada día a las 8', '2026-11-25T07:00');
    await skipOccurrence(first.id, ms('2026-11-25T07:30'));
    const [next] = await openOf(first.seriesId!);
    expect(iso(next!.remindAt)).toBe('2026-11-26T07:50');
    // The reminder watermark starts at the first run: the alarm points at the next reminder to show.
    const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(alarm?.scheduledTime).toBe(next!.remindAt);
  });

  it('reminders stay 10 minutes before 9:00 local on both sides of the March DST change', async () => {
    const first = await typed('Check the cold room every Monday at 9:00', '2026-03-19T12:00');
    expect(iso(first.remindAt)).toBe('2026-03-23T08:50');
    await db.tasks.update(first.id, { status: 'done' });
    await afterDoneChanged(first.id, true, ms('2026-03-23T09:30'));
    const [next] = await openOf(first.seriesId!);
    expect(iso(next!.dueAt)).toBe('2026-03-30T09:00');
    expect(iso(next!.remindAt)).toBe('2026-03-30T08:50');
    expect(new Date(next!.remindAt!).toISOString()).toBe('2026-03-30T06:50:00.000Z');
  });
});
