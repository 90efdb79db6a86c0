import { browser } from 'wxt/browser';
import { useLive } from '../use-live';
import { complaintsNeedingAttention, slaState } from '../../services/complaints/sla';
import { complaintUrl } from '../../services/db/complaints';
import { formatDateTime, t } from '../../services/i18n';
import { slaLabel } from './labels';

/** The popup's "complaints due or breaching today", each one click from its record. */
export function DueComplaints() {
  const due = useLive(() => complaintsNeedingAttention(), []);
  if (!due || due.length === 0) return null;
  const now = Date.now();
  return (
    <section aria-labelledby="due-complaints-heading">
      <h2 id="due-complaints-heading">{t('complaintsDue')}</h2>
      <ul class="plain" data-testid="complaints-due">
        {due.map((c) => {
          const sla = slaState(c, now);
          return (
            <li key={c.id} class="row">
              <a
                href={complaintUrl(c.id)}
                style={{ flex: 1 }}
                onClick={(e) => {
                  e.preventDefault();
                  void browser.tabs.create({ url: complaintUrl(c.id) });
                }}
              >
                {c.subject || c.customerName || c.customerEmail}
              </a>
              {sla && (
                <span class={sla.state === 'breached' ? 'chip severity-critical' : 'chip'}>
                  {slaLabel(sla.state)} · {formatDateTime(sla.dueAt, { timeStyle: 'short' })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
