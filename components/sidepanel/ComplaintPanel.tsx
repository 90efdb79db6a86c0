import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ThreadSnapshot } from '../../services/mail-sites/types';
import type { Analysis } from '../../services/assistant/types';
import type { Complaint, Severity } from '../../services/db/db';
import {
  complaintForThread,
  complaintUrl,
  createComplaintFromThread,
  threadKeyOf,
} from '../../services/db/complaints';
import { prefillFromThread, prefillWarnings, type ComplaintPrefill } from '../../services/complaints/prefill';
import { clearDraft, loadDraft, saveDraft } from '../../services/complaints/drafts';
import { getCategories } from '../../services/complaints/settings';
import { slaState } from '../../services/complaints/sla';
import { complaintErrorMessage } from '../../services/complaints/errors';
import {
  categoryLabel,
  prefillWarningLabel,
  severityLabel,
  slaLabel,
  statusLabel,
} from '../complaints/labels';
import { formatDateTime, t } from '../../services/i18n';
import { getProfile } from '../../services/profile';
import { homeCurrency } from '../../services/ledger/currency';

const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];

/** The analysis knows more than the keyword fallback: prefer its facts where it found them. */
function fromAnalysis(base: ComplaintPrefill, analysis: Analysis): ComplaintPrefill {
  const amount = analysis.facts.amounts[0];
  return {
    ...base,
    customerName: base.customerName || analysis.facts.customerName || '',
    summary: analysis.summary || base.summary,
    severity: analysis.urgency.severity,
    orderRef: analysis.facts.orders[0] ?? analysis.facts.invoices[0] ?? base.orderRef,
    amount: amount ? { value: amount.value, currency: amount.currency } : base.amount,
    language: analysis.language === 'es' || analysis.language === 'en' ? analysis.language : base.language,
  };
}

/** "Log complaint": one record per thread, prefilled, corrected by the user, kept while typing. */
export function ComplaintPanel({ snapshot, analysis }: { snapshot: ThreadSnapshot; analysis: Analysis }) {
  const threadKey = threadKeyOf(snapshot);
  const [existing, setExisting] = useState<Complaint | null | undefined>(undefined);
  const [form, setForm] = useState<ComplaintPrefill | null>(null);
  const [categories, setCategories] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // An amount typed without a currency is in the business's own (from its time zone), editable.
  const [home, setHome] = useState('EUR');
  const [currency, setCurrency] = useState('');
  useEffect(() => {
    void getProfile().then((p) => setHome(homeCurrency(p.timeZone) ?? 'EUR'));
  }, []);
  const currencyNow = /^[A-Z]{3}$/.test(currency) ? currency : (form?.amount?.currency ?? home);

  useEffect(() => {
    let live = true;
    setForm(null);
    setError(null);
    void (async () => {
      const [found, cats, draft] = await Promise.all([
        complaintForThread(snapshot),
        getCategories(),
        loadDraft(threadKey),
      ]);
      if (!live) return;
      setExisting(found);
      setCategories(cats);
      // A form left half-typed (panel closed) comes back as it was.
      if (draft) setForm(draft.form);
      setCurrency(draft?.form.amount?.currency ?? '');
    })().catch((err: unknown) => live && setError(complaintErrorMessage(err)));
    return () => {
      live = false;
    };
  }, [threadKey, snapshot]);

  function start() {
    const prefill = fromAnalysis(prefillFromThread(snapshot, categories), analysis);
    setCurrency(prefill.amount?.currency ?? '');
    setForm(prefill);
  }

  function edit(changes: Partial<ComplaintPrefill>) {
    if (!form) return;
    const next = { ...form, ...changes };
    setForm(next);
    void saveDraft(threadKey, next);
  }

  async function save() {
    if (!form) return;
    setSaving(true);
    setError(null);
    try {
      const { complaint } = await createComplaintFromThread(snapshot, form);
      await clearDraft(threadKey);
      setExisting(complaint);
      setForm(null);
    } catch (err) {
      setError(complaintErrorMessage(err)); // the form stays as typed
    } finally {
      setSaving(false);
    }
  }

  if (existing === undefined) return null;
  if (existing) {
    const sla = slaState(existing, Date.now());
    return (
      <section class="card" data-testid="complaint">
        <h2>{t('complaintLogged')}</h2>
        <p class="row">
          <span class="chip strong">{statusLabel(existing.status)}</span>
          <span class="chip">{categoryLabel(existing.category)}</span>
          <span class="chip">{severityLabel(existing.severity)}</span>
          {sla && (
            <span class={sla.state === 'breached' ? 'chip severity-critical' : 'chip'}>
              {slaLabel(sla.state)} · {formatDateTime(sla.dueAt, { dateStyle: 'short', timeStyle: 'short' })}
            </span>
          )}
        </p>
        <p class="muted">
          {t('complaintAge', formatDateTime(existing.createdAt, { dateStyle: 'medium', timeStyle: 'short' }))}
        </p>
        <button
          type="button"
          onClick={() =>
            void browser.tabs.create({
              url: complaintUrl(existing.id),
            })
          }
        >
          {t('openComplaint')}
        </button>
      </section>
    );
  }
  if (!form)
    return (
      <>
        <button type="button" onClick={start}>
          {t('logComplaint')}
        </button>
        {error && (
          <p role="alert" class="notice error">
            {error}
          </p>
        )}
      </>
    );

  const warnings = prefillWarnings(snapshot, form);
  return (
    <section class="card" aria-labelledby="complaint-heading" data-testid="complaint-form">
      <h2 id="complaint-heading">{t('logComplaint')}</h2>
      {warnings.map((w) => (
        <p key={w} class="notice">
          {prefillWarningLabel(w)}
        </p>
      ))}
      <div class="form-grid">
        <label>
          {t('customer')}
          <input value={form.customerName} onInput={(e) => edit({ customerName: e.currentTarget.value })} />
        </label>
        <label>
          {t('customerEmail')}
          <input
            type="email"
            value={form.customerEmail}
            onInput={(e) => edit({ customerEmail: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('subject')}
          <input value={form.subject} onInput={(e) => edit({ subject: e.currentTarget.value })} />
        </label>
        <label>
          {t('complaintSummary')}
          <textarea rows={3} value={form.summary} onInput={(e) => edit({ summary: e.currentTarget.value })} />
        </label>
        <label>
          {t('complaintCategory')}
          <select value={form.category} onChange={(e) => edit({ category: e.currentTarget.value })}>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('complaintSeverity')}
          <select
            value={form.severity}
            onChange={(e) => edit({ severity: e.currentTarget.value as Severity })}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('orderRef')}
          <input
            value={form.orderRef ?? ''}
            onInput={(e) => edit({ orderRef: e.currentTarget.value || null })}
          />
        </label>
        <label>
          {t('amountDisputed')}
          <input
            inputMode="decimal"
            value={form.amount ? String(form.amount.value) : ''}
            onInput={(e) => {
              const value = Number(e.currentTarget.value.replace(',', '.'));
              edit({
                amount:
                  e.currentTarget.value && Number.isFinite(value) ? { value, currency: currencyNow } : null,
              });
            }}
          />
        </label>
        <label>
          {t('fieldCurrency')}
          <input
            maxLength={3}
            autocapitalize="characters"
            value={currency || currencyNow}
            onInput={(e) => {
              const code = e.currentTarget.value.toUpperCase();
              setCurrency(code);
              if (form.amount && /^[A-Z]{3}$/.test(code))
                edit({ amount: { ...form.amount, currency: code } });
            }}
          />
        </label>
      </div>
      <div class="row">
        <button type="button" class="primary" disabled={saving} onClick={() => void save()}>
          {t('saveComplaint')}
        </button>
        <button
          type="button"
          onClick={() => {
            setForm(null);
            void clearDraft(threadKey);
          }}
        >
          {t('discard')}
        </button>
      </div>
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
    </section>
  );
}
