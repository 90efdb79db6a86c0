import type { Analysis } from '../../services/assistant/types';
import { formatDateTime, t, type MessageKey } from '../../services/i18n';

const INTENT_LABEL: Record<string, MessageKey> = {
  complaint: 'intentComplaint',
  question: 'intentQuestion',
  meeting_request: 'intentMeeting',
  order_status: 'intentOrderStatus',
  cancellation: 'intentCancellation',
  thanks: 'intentThanks',
  invoice: 'intentInvoice',
  other: 'intentOther',
};
const SEVERITY_LABEL: Record<string, MessageKey> = {
  low: 'severityLow',
  medium: 'severityMedium',
  high: 'severityHigh',
  critical: 'severityCritical',
};

export function intentLabel(intent: string): string {
  return t(INTENT_LABEL[intent] ?? 'intentOther');
}

export function severityLabel(severity: string): string {
  return t(SEVERITY_LABEL[severity] ?? 'severityLow');
}

/** What the assistant understood, all of it as text (nothing from the mail becomes markup). */
export function AnalysisCard({ analysis }: { analysis: Analysis }) {
  const f = analysis.facts;
  const refs = [...f.orders, ...f.invoices, ...f.tickets];
  return (
    <section class="card" aria-labelledby="analysis-heading" data-testid="analysis">
      <h2 id="analysis-heading">{t('understood')}</h2>
      <p class="row">
        {analysis.intents.slice(0, 3).map((i, n) => (
          <span
            key={i.intent}
            class={n === 0 ? 'chip strong' : 'chip'}
            data-testid={n === 0 ? 'intent' : undefined}
          >
            {intentLabel(i.intent)} {Math.round(i.confidence * 100)}%
          </span>
        ))}
        <span class="chip" data-testid="language">
          {analysis.language === 'es'
            ? t('languageEs')
            : analysis.language === 'en'
              ? t('languageEn')
              : t('languageOther', analysis.language)}
        </span>
        <span class={`chip severity-${analysis.urgency.severity}`} data-testid="severity">
          {severityLabel(analysis.urgency.severity)}
        </span>
      </p>
      {analysis.summary && (
        <p class="pre" dir="auto" data-testid="summary">
          {analysis.summary}
        </p>
      )}
      <dl class="facts" data-testid="facts">
        {refs.length > 0 && (
          <>
            <dt>{t('factReferences')}</dt>
            <dd>{refs.join(', ')}</dd>
          </>
        )}
        {f.amounts.length > 0 && (
          <>
            <dt>{t('factAmounts')}</dt>
            <dd>{f.amounts.map((a) => a.text).join(', ')}</dd>
          </>
        )}
        {f.dates.length > 0 && (
          <>
            <dt>{t('factDates')}</dt>
            <dd>
              {f.dates
                .map(
                  (d) =>
                    `${d.text} → ${formatDateTime(Date.parse(d.start), d.timeCertain ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }, d.zone)}`,
                )
                .join('; ')}
            </dd>
          </>
        )}
        {f.phones.length > 0 && (
          <>
            <dt>{t('factPhones')}</dt>
            <dd>{f.phones.map((p) => p.text).join(', ')}</dd>
          </>
        )}
        {analysis.urgency.signals.length > 0 && (
          <>
            <dt>{t('factUrgency')}</dt>
            <dd>{analysis.urgency.signals.map((s) => s.text).join(', ')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
