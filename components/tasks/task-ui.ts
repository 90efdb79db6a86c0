import { DateTime } from 'luxon';
import { browser } from 'wxt/browser';
import type { Task, TaskLink } from '../../services/db/db';
import { complaintUrl } from '../../services/db/complaints';
import { formatDateTime } from '../../services/i18n';

// Small pieces shared by the task components: how dates show, how date inputs read, where links go.

export function formatDue(task: Pick<Task, 'dueAt' | 'dueAllDay'>): string {
  if (task.dueAt === null) return '';
  return formatDateTime(
    task.dueAt,
    task.dueAllDay ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
  );
}

export const formatWhen = (ms: number) => formatDateTime(ms, { dateStyle: 'medium', timeStyle: 'short' });

/** `<input type="datetime-local">` / `type="date"` values, in the browser's zone. */
export function toInputValue(ms: number | null, dateOnly: boolean): string {
  if (ms === null) return '';
  const local = DateTime.fromMillis(ms);
  return dateOnly ? local.toISODate()! : local.toFormat("yyyy-MM-dd'T'HH:mm");
}

export function fromInputValue(value: string, dateOnly: boolean, allDayHour: number): number | null {
  if (!value) return null;
  const local = DateTime.fromISO(value);
  if (!local.isValid) return null;
  return (dateOnly ? local.set({ hour: allDayHour, minute: 0 }) : local).toMillis();
}

/**
 * Opens what a task points at: a thread in a new tab (only web addresses: links can come from
 * imported files), a complaint in the dashboard — in place when already there.
 */
export function openTaskLink(link: TaskLink): void {
  if (link.kind === 'complaint') {
    if (location.pathname.endsWith('/dashboard.html'))
      location.hash = `#/complaints/${encodeURIComponent(link.ref)}`;
    else void browser.tabs.create({ url: complaintUrl(link.ref) });
    return;
  }
  if (link.url && /^https?:\/\//i.test(link.url)) void browser.tabs.create({ url: link.url });
}
