import { browser } from 'wxt/browser';
import { ensureRepeatingAlarm } from '../background/alarms';
import { backupDue, backupNow, backupSettings, hasBackupKey } from './backup';

// Scheduled backups: an hourly check (read-before-create, so a waking worker keeps the schedule)
// that backs up when the last good backup is older than the chosen period. A browser that was
// closed at the due time backs up within the hour after it starts again.
const ALARM = 'backup-check';

export async function backupIfDue(now = Date.now()): Promise<boolean> {
  if (!backupDue(await backupSettings(), await hasBackupKey(), now)) return false;
  await backupNow();
  return true;
}

export function registerBackup(): Promise<unknown> {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void backupIfDue().catch((err) => console.warn('Backup failed', err));
  });
  return ensureRepeatingAlarm(ALARM, 60, 5).catch((err) => console.error('Backup alarm not set', err));
}
