import { browser } from 'wxt/browser';
import { processOutbox, wakeWaiting, type OutboxHandler } from './outbox';
import { ensureAlarmAt } from '../background/alarms';

// Drives the outbox in the background: runs now, then wakes for the next due item — by timer while
// the worker lives (retries of a few seconds), and by alarm so a stopped worker resumes later.
const ALARM = 'outbox';
let handlers: OutboxHandler[] = [];
let running: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

export function registerOutbox(list: OutboxHandler[]): void {
  handlers = list;
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) kickOutbox();
  });
  // Writes waiting for the network go as soon as it is back, not at their next backoff step.
  globalThis.addEventListener?.('online', () => void resumeWaiting('network'));
  kickOutbox();
}

/** The user signed in again, or the network came back: what waited for it goes now. */
export async function resumeWaiting(reason: 'sign-in' | 'network'): Promise<void> {
  await wakeWaiting(reason).catch((err) => console.error('Outbox wake failed', err));
  kickOutbox();
}

/** Runs the outbox soon; concurrent kicks collapse into one extra pass. */
export function kickOutbox(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      const next = await processOutbox(handlers);
      await schedule(next);
    } while (again);
  })()
    .catch((err) => console.error('Outbox pass failed', err))
    .finally(() => {
      running = null;
    });
}

async function schedule(next: number | null): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (next === null) {
    await browser.alarms.clear(ALARM);
    return;
  }
  const wait = Math.max(0, next - Date.now());
  timer = setTimeout(kickOutbox, wait);
  // Chrome rounds alarms up to 30 s; the timer covers shorter waits while the worker is alive. An
  // alarm already set for this time stays, so a worker that wakes and finds nothing due does not
  // push the next attempt back.
  await ensureAlarmAt(ALARM, next);
}
