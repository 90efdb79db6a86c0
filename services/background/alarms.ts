import { browser } from 'wxt/browser';

// An MV3 service worker stops after ~30 s idle and runs its start-up code again at every wake. An
// alarm created there again replaces the existing one and restarts its schedule (alarms.create:
// "If there is another alarm with the same name (or no name if none is specified), it will be
// cancelled and replaced by this alarm"), so a 15-minute alarm woken every minute never fires on
// time. Chrome's alarms page says to read first and create only when missing:
// https://developer.chrome.com/docs/extensions/reference/api/alarms#persistence

/** Chrome rounds a packed extension's alarms up to 30 s from now (Chrome 120+). */
export const MIN_ALARM_DELAY_MS = 30_000;

/**
 * A repeating alarm: kept as it is when one with the same period exists (its next firing stays where
 * it was), created when missing or when the period changed. Returns whether it was (re)created.
 */
export async function ensureRepeatingAlarm(
  name: string,
  periodInMinutes: number,
  delayInMinutes: number = periodInMinutes,
): Promise<boolean> {
  const existing = await browser.alarms.get(name);
  if (existing && existing.periodInMinutes === periodInMinutes) return false;
  await browser.alarms.create(name, { periodInMinutes, delayInMinutes });
  return true;
}

/**
 * A one-shot alarm meant to fire at `when` (or as soon as allowed when that is past or close): kept
 * when the existing one already fires in that window, so a worker start does not push it back.
 */
export async function ensureAlarmAt(name: string, when: number, now: number = Date.now()): Promise<boolean> {
  const existing = await browser.alarms.get(name);
  const latest = Math.max(when, now + MIN_ALARM_DELAY_MS);
  if (
    existing &&
    existing.periodInMinutes == null &&
    existing.scheduledTime >= when - 1000 &&
    existing.scheduledTime <= latest + 1000
  )
    return false;
  await browser.alarms.create(name, { when });
  return true;
}
