import { browser } from 'wxt/browser';
import { liveQuery } from 'dexie';
import { overdueCount } from '../tasks/views';
import { complaintsNeedingAttention, slaState } from '../complaints/sla';
import { overdueInvoiceCount } from '../ledger/store';
import { t, tn } from '../i18n';
import { ensureRepeatingAlarm } from './alarms';

// The toolbar badge: overdue tasks + complaints whose SLA is breached. Recounted when either table
// changes (liveQuery works in the worker too) and every few minutes, since "overdue" moves with time.

export interface Attention {
  overdueTasks: number;
  breachedComplaints: number;
  /** Ledger invoices still to pay past their due day. */
  overdueInvoices?: number;
}

export async function attention(now = Date.now()): Promise<Attention> {
  const [overdueTasks, complaints, overdueInvoices] = await Promise.all([
    overdueCount(now),
    complaintsNeedingAttention(now),
    overdueInvoiceCount(now),
  ]);
  return {
    overdueTasks,
    overdueInvoices,
    breachedComplaints: complaints.filter((c) => slaState(c, now)?.state === 'breached').length,
  };
}

export async function paintBadge(a: Attention): Promise<void> {
  const total = a.overdueTasks + a.breachedComplaints + (a.overdueInvoices ?? 0);
  const action =
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text: total === 0 ? '' : total > 99 ? '99+' : String(total) });
  await action.setBadgeBackgroundColor({ color: a.breachedComplaints > 0 ? '#b3261e' : '#1a5fb4' });
  await action.setTitle({
    title:
      total === 0
        ? t('actionTitle')
        : `${t('actionTitle')} — ${t('badgeTooltip', tn('overdueTaskCount', a.overdueTasks), tn('lateComplaintCount', a.breachedComplaints))}${a.overdueInvoices ? ` · ${tn('ledgerOverdueCount', a.overdueInvoices)}` : ''}`,
  });
}

const ALARM = 'badge';

export function registerBadge(): Promise<unknown> {
  const refresh = () =>
    void attention()
      .then(paintBadge)
      .catch((err) => console.error('Badge update failed', err));
  // Re-run whenever the rows behind the count change, in any page of the extension.
  liveQuery(() => attention()).subscribe({
    next: (a) => void paintBadge(a),
    error: (err: unknown) => console.error('Badge watch failed', err),
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) refresh();
  });
  return ensureRepeatingAlarm(ALARM, 5).catch((err) => console.error('Badge alarm not set', err));
}
