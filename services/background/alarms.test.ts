import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureAlarmAt, ensureRepeatingAlarm, MIN_ALARM_DELAY_MS } from './alarms';
import { registerBadge } from './badge';
import { registerAgendaRefresh } from './agenda';
import { db } from '../db/db';

const MIN = 60_000;
const T0 = Date.parse('2026-11-30T09:00:00Z');
const at = (ms: number) => vi.spyOn(Date, 'now').mockReturnValue(ms);

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
  at(T0);
});
afterEach(() => vi.restoreAllMocks());

describe('repeating alarms', () => {
  it('are created when missing and kept, schedule and all, when the worker starts again', async () => {
    expect(await ensureRepeatingAlarm('r', 15, 1)).toBe(true);
    expect(await fakeBrowser.alarms.get('r')).toMatchObject({ scheduledTime: T0 + MIN, periodInMinutes: 15 });
    at(T0 + 40_000);
    expect(await ensureRepeatingAlarm('r', 15, 1)).toBe(false);
    expect((await fakeBrowser.alarms.get('r'))?.scheduledTime).toBe(T0 + MIN);
  });

  it('are replaced when their period changed', async () => {
    await ensureRepeatingAlarm('r', 15);
    at(T0 + 5 * MIN);
    expect(await ensureRepeatingAlarm('r', 30)).toBe(true);
    expect(await fakeBrowser.alarms.get('r')).toMatchObject({
      scheduledTime: T0 + 35 * MIN,
      periodInMinutes: 30,
    });
  });

  it('agenda refresh and badge keep their next firing across a worker restart', async () => {
    await registerAgendaRefresh();
    await registerBadge();
    const before = await fakeBrowser.alarms.getAll();
    expect(before.map((a) => [a.name, a.scheduledTime]).sort()).toEqual([
      ['agenda-refresh', T0 + MIN],
      ['badge', T0 + 5 * MIN],
    ]);
    // The worker idles out and wakes 50 s later: its start-up code runs again.
    at(T0 + 50_000);
    await registerAgendaRefresh();
    await registerBadge();
    expect(await fakeBrowser.alarms.getAll()).toEqual(before);
  });
});

describe('one-shot alarms', () => {
  it('are kept when already set for that time, replaced when the time moved', async () => {
    expect(await ensureAlarmAt('o', T0 + 10 * MIN)).toBe(true);
    at(T0 + MIN);
    expect(await ensureAlarmAt('o', T0 + 10 * MIN)).toBe(false);
    expect(await ensureAlarmAt('o', T0 + 5 * MIN)).toBe(true);
    expect((await fakeBrowser.alarms.get('o'))?.scheduledTime).toBe(T0 + 5 * MIN);
    expect(await ensureAlarmAt('o', T0 + 20 * MIN)).toBe(true);
    expect((await fakeBrowser.alarms.get('o'))?.scheduledTime).toBe(T0 + 20 * MIN);
  });

  it('keep an alarm due within the browser minimum for a time already past or close', async () => {
    await fakeBrowser.alarms.create('o', { when: T0 + MIN_ALARM_DELAY_MS });
    expect(await ensureAlarmAt('o', T0 - MIN)).toBe(false);
    expect(await ensureAlarmAt('o', T0 + 10_000)).toBe(false);
    // A repeating alarm of that name is not what was asked for.
    await fakeBrowser.alarms.create('o', { when: T0 + 10_000, periodInMinutes: 5 });
    expect(await ensureAlarmAt('o', T0 + 10_000)).toBe(true);
    expect((await fakeBrowser.alarms.get('o'))?.periodInMinutes).toBeUndefined();
  });
});
