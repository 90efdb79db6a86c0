import { browser } from 'wxt/browser';
import { ensureRepeatingAlarm } from '../background/alarms';
import { getProfile } from '../profile';
import { ensureBuiltInChecklists, startDueRuns } from './checklists';
import { registerMorningBrief } from './brief';

// Routines in the background: the morning brief's alarm, and a quarter-hourly check that starts the
// checklist runs whose time has come (a run is made once per occurrence, so a check that comes
// twice changes nothing).

export const CHECKLIST_ALARM = 'checklist-runs';

const logFailure = (what: string) => (err: unknown) => console.error(what, err);

async function checkRuns(): Promise<void> {
  await ensureBuiltInChecklists((await getProfile()).timeZone);
  await startDueRuns();
}

export function registerRoutines(): Promise<unknown> {
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === CHECKLIST_ALARM) await checkRuns().catch(logFailure('Checklist runs not started'));
  });
  return Promise.all([
    registerMorningBrief(),
    ensureRepeatingAlarm(CHECKLIST_ALARM, 15, 1).catch(logFailure('Checklist alarm not set')),
  ]);
}
