import type { ComplaintStatus, Severity } from '../../services/db/db';
import { t } from '../../services/i18n';
import { BUILT_IN_CATEGORIES } from '../../services/complaints/settings';
import type { SlaState } from '../../services/complaints/sla';
import type { PrefillWarning } from '../../services/complaints/prefill';

// Labels for stored codes: statuses, severities and built-in categories are stored as codes and
// shown in the UI language; categories the business added are shown as typed.

export const statusLabel = (s: ComplaintStatus) => t(`status_${s}`);
export const severityLabel = (s: Severity) => t(`severity_${s}`);
export const slaLabel = (s: SlaState) => t(`sla_${s}`);

export function categoryLabel(category: string): string {
  return (BUILT_IN_CATEGORIES as readonly string[]).includes(category)
    ? t(`category_${category as (typeof BUILT_IN_CATEGORIES)[number]}`)
    : category;
}

/** The button that moves a complaint to `to`: "Reopen" when it leaves resolved/closed. */
export function actionLabel(from: ComplaintStatus, to: ComplaintStatus): string {
  if (to === 'in_progress' && (from === 'resolved' || from === 'closed')) return t('action_reopen');
  return to === 'new' ? statusLabel(to) : t(`action_${to}`);
}

export function prefillWarningLabel(w: PrefillWarning): string {
  const keys = {
    'empty-thread': 'prefillWarnEmptyThread',
    'no-customer-message': 'prefillWarnNoCustomer',
    'missing-sender': 'prefillWarnMissingSender',
    'odd-address': 'prefillWarnOddAddress',
    'long-thread': 'prefillWarnLongThread',
  } as const;
  return t(keys[w]);
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('durationHours', hours, minutes % 60);
  return t('durationDays', Math.floor(hours / 24), hours % 24);
}

/** Local-date input value (YYYY-MM-DD) ↔ the instant that day starts in this browser's zone. */
export function dayStart(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = new Date(`${value}T00:00`).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

export function nextDayStart(value: string): number | undefined {
  const start = dayStart(value);
  if (start === undefined) return undefined;
  const d = new Date(start);
  d.setDate(d.getDate() + 1);
  return d.getTime();
}

/** Hands a text file to the browser's download. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
