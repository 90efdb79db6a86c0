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

/**
 * What the assistant understood, all of it as text (nothing from the mail becomes markup). Compact
 * for a 360 px panel: the chips and the references and amounts in view, the summary and the rest one
 * click away, so the draft below starts within the first screen.
 */
export function AnalysisCard({ analysis }: { analysis: Analysis }) {
  const f = analysis.facts;
  const refs = [...f.orders, ...f.invoices, ...f.tickets];
  const more =
    Boolean(analysis.summary) ||
    f.dates.length > 0 ||
    f.phones.length > 0 ||
    analysis.urgency.signals.length > 0;
  const [first, ...others] = analysis.intents.slice(0, 3);
  const chip = (i: { intent: string; confidence: number }) =>
    `${intentLabel(i.intent)} ${Math.round(i.confidence * 100)}%`;
  return (
    <section class="card" aria-labelledby="analysis-heading" data-testid="analysis">
      <h2 id="analysis-heading" class="visually-hidden">
        {t('understood')}
      </h2>
      <p class="row chips">
        {first && (
          <span class="chip strong" data-testid="intent">
            {chip(first)}
          </span>
        )}
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
      {(refs.length > 0 || f.amounts.length > 0) && (
        <p class="small" data-testid="facts" style={{ margin: 'var(--space-1) 0 0' }}>
          {refs.length > 0 && (
            <>
              <span class="muted">{t('factReferences')}: </span>
              {refs.join(', ')}
            </>
          )}
          {refs.length > 0 && f.amounts.length > 0 && ' · '}
          {f.amounts.length > 0 && (
            <>
              <span class="muted">{t('factAmounts')}: </span>
              {f.amounts.map((a) => a.text).join(', ')}
            </>
          )}
        </p>
      )}
      {(more || others.length > 0) && (
        <details data-testid="analysis-more">
          <summary class="small">{t('analysisDetails')}</summary>
          {others.length > 0 && (
            <p class="row chips">
              {others.map((i) => (
                <span key={i.intent} class="chip">
                  {chip(i)}
                </span>
              ))}
            </p>
          )}
          {analysis.summary && (
            <p class="pre" dir="auto" data-testid="summary">
              {analysis.summary}
            </p>
          )}
          <dl class="facts">
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
        </details>
      )}
    </section>
  );
}
