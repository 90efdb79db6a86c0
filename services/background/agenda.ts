import { browser } from 'wxt/browser';
import { calendarProvider, connectedProviders } from '../accounts';
import { refreshConnectedAgenda, type RefreshOutcome } from '../agenda/refresh';
import { getProfile } from '../profile';
import { ensureRepeatingAlarm } from './alarms';

let inFlight: Promise<RefreshOutcome[]> | null = null;

/** One refresh at a time: the popup opening during an alarm's refresh waits for that one. */
export function refreshAgendaNow(): Promise<RefreshOutcome[]> {
  inFlight ??= refreshConnectedAgenda({
    providers: connectedProviders,
    providerFor: calendarProvider,
    zone: async () => (await getProfile()).timeZone,
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

const ALARM = 'agenda-refresh';

/** Keeps the cache fresh before the popup opens: every 15 minutes while the browser runs. */
export function registerAgendaRefresh(): Promise<unknown> {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void refreshAgendaNow().catch(() => undefined);
  });
  // The first refresh a minute after install; a worker that wakes later keeps the running schedule.
  return ensureRepeatingAlarm(ALARM, 15, 1).catch((err) => console.error('Agenda alarm not set', err));
}
