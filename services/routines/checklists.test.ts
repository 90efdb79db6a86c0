import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { setTaskDone } from '../db/tasks';
import { setLocale } from '../i18n';
import {
  checklistName,
  ensureBuiltInChecklists,
  listChecklists,
  runProgress,
  startDueRuns,
  startRun,
  updateChecklist,
} from './checklists';

// Checklists: seeded templates in both languages, runs on their schedule in the business's zone,
// progress per run, and a template edited mid-run that leaves the running one as it started.
const MADRID = 'Europe/Madrid';
const ms = (iso: string) => DateTime.fromISO(iso, { zone: MADRID }).toMillis();

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
  await ensureBuiltInChecklists(MADRID, ms('2026-11-23T07:00'));
});

describe('checklists', () => {
  it('seeds the four built-in templates once, named in the UI language', async () => {
    await ensureBuiltInChecklists(MADRID);
    const templates = await listChecklists();
    expect(templates.map((c) => checklistName(c))).toEqual([
      'Closing the till',
      'New staff onboarding',
      'Opening the shop',
      'Weekly stock count',
    ]);
    setLocale('es');
    expect(templates.map((c) => checklistName(c))).toContain('Inventario semanal');
  });

  it('built-in schedules are suggestions: nothing starts until one is turned on', async () => {
    expect(await startDueRuns(ms('2026-11-23T09:05'))).toEqual([]);
  });

  it('starts the runs due today once, items as tasks at their offsets; none for days away', async () => {
    for (const id of ['builtin-opening', 'builtin-stock', 'builtin-closing'])
      await updateChecklist(id, { scheduleOn: true });
    const started = await startDueRuns(ms('2026-11-23T09:05'));
    // Monday 9:05: opening (9:00) and the weekly stock count (Monday 9:00); closing is at 20:00.
    expect(started.map((r) => r.name).sort()).toEqual(['Opening the shop', 'Weekly stock count']);
    expect(await startDueRuns(ms('2026-11-23T09:30'))).toEqual([]);
    const opening = started.find((r) => r.name === 'Opening the shop')!;
    const tasks = await db.tasks.where('checklistRunId').equals(opening.id).sortBy('order');
    expect(tasks.map((x) => x.title)[0]).toBe('Switch off the alarm and turn on the lights');
    expect(tasks.map((x) => DateTime.fromMillis(x.dueAt!, { zone: MADRID }).toFormat('HH:mm'))).toEqual([
      '09:00',
      '09:00',
      '09:10',
      '09:15',
    ]);
    // Thursday: only Thursday's opening, not Tuesday's and Wednesday's missed ones.
    const thursday = await startDueRuns(ms('2026-11-26T10:00'));
    expect(thursday.map((r) => r.name)).toEqual(['Opening the shop']);
  });

  it('progress per run; a template edited mid-run changes the next run only', async () => {
    await updateChecklist('builtin-opening', { scheduleOn: true });
    const [run] = (await startDueRuns(ms('2026-11-23T09:05'))).filter((r) => r.name === 'Opening the shop');
    await setTaskDone(run!.items[0]!.taskId, true);
    expect(await runProgress(run!)).toMatchObject({ done: 1, total: 4 });

    await updateChecklist(run!.templateId, { name: 'Abrir', itemTitles: ['Only one step'] });
    const stored = (await db.checklistRuns.get(run!.id))!;
    expect(stored.items).toHaveLength(4);
    expect(stored.name).toBe('Opening the shop');
    expect(await runProgress(stored)).toMatchObject({ done: 1, total: 4 });

    const next = await startRun(run!.templateId, ms('2026-11-24T09:00'), ms('2026-11-24T09:01'));
    expect(next.items.map((i) => i.title)).toEqual(['Only one step']);
    expect(next.templateVersion).toBe(stored.templateVersion + 1);
  });

  it('a schedule that never occurs is refused for a template', async () => {
    const [template] = await listChecklists();
    await expect(
      updateChecklist(template!.id, { rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }),
    ).rejects.toThrow(/never/);
  });
});
