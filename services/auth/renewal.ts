import { browser } from 'wxt/browser';
import { isCalendarError } from '../calendar/errors';
import { ensureAlarmAt } from '../background/alarms';
import { MICROSOFT_RENEW_BEFORE_MS, renewAccessToken } from './flows';
import { connected, microsoftSessionEnds } from './tokens';

// Microsoft's session for a single-page-app redirect ends 24 h after sign-in whatever is done with
// it; the only way on without asking the user is a new authorization with prompt=none while their
// Microsoft sign-in in the browser still holds. This alarm asks for it a while before the end, even
// when nothing has needed a token lately (the agenda and the outbox renew on demand as well).

export const MICROSOFT_RENEW_ALARM = 'microsoft-renew';
/** After a passing failure (network, 5xx, 429) the renewal is tried again this much later. */
const RETRY_MS = 15 * 60_000;

/** Sets the renewal alarm from the stored session end (cleared when there is no session). */
export async function planMicrosoftRenewal(now = Date.now()): Promise<number | null> {
  const ends = await microsoftSessionEnds.getValue();
  if (ends === null || !(await connected.getValue()).microsoft) {
    await browser.alarms.clear(MICROSOFT_RENEW_ALARM);
    return null;
  }
  const at = Math.max(ends - MICROSOFT_RENEW_BEFORE_MS, now);
  await ensureAlarmAt(MICROSOFT_RENEW_ALARM, at, now);
  return at;
}

/** Renews now; a passing failure is tried again later, one that needs the user is left to "reconnect". */
export async function renewMicrosoftSession(now = Date.now()): Promise<'renewed' | 'retry' | 'needs-user'> {
  try {
    await renewAccessToken('microsoft');
    await planMicrosoftRenewal();
    return 'renewed';
  } catch (err) {
    if (isCalendarError(err) && err.kind !== 'auth') {
      await ensureAlarmAt(MICROSOFT_RENEW_ALARM, now + RETRY_MS, now);
      return 'retry';
    }
    return 'needs-user';
  }
}

export function registerSessionRenewal(): Promise<unknown> {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MICROSOFT_RENEW_ALARM) void renewMicrosoftSession();
  });
  // A new session (connect, silent renewal) or a sign-out moves the alarm.
  microsoftSessionEnds.watch(() => void planMicrosoftRenewal().catch(() => undefined));
  return planMicrosoftRenewal().catch((err) => console.error('Microsoft renewal not planned', err));
}
