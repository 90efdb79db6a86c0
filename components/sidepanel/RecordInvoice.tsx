import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ThreadSnapshot } from '../../services/mail-sites/types';
import type { LedgerEntry, LedgerKind } from '../../services/db/db';
import { recogniseInvoice, type InvoiceReading } from '../../services/ledger/recognise';
import {
  CATEGORIES,
  entriesForThread,
  findEntry,
  formFromReading,
  ledgerUrl,
  recordInvoice,
  supplierKeyOf,
  supplierTermsDays,
  type LedgerForm,
} from '../../services/ledger/store';
import { homeCurrency } from '../../services/ledger/currency';
import { fromDecimalString } from '../../services/ledger/money';
import { t } from '../../services/i18n';
import {
  PAYMENT_METHODS,
  categoryLabel,
  dayLabel,
  kindLabel,
  ledgerErrorMessage,
  money,
  paymentLabel,
  problemLabel,
  statusLabel,
} from '../ledger/labels';

type Form = ReturnType<typeof formFromReading>;
const KINDS: LedgerKind[] = ['invoice', 'receipt', 'credit_note'];

/**
 * "Record invoice": shown when the open mail carries a supplier's invoice, receipt or credit note.
 * The fields read from the mail are prefilled and editable; one click saves them to the ledger, once
 * per supplier + number (the same invoice mailed again opens the first record).
 */
export function RecordInvoice({ snapshot, timeZone }: { snapshot: ThreadSnapshot; timeZone?: string }) {
  const reading = useMemo(() => recogniseInvoice(snapshot), [snapshot]);
  const [existing, setExisting] = useState<LedgerEntry | null | undefined>(undefined);
  const [duplicate, setDuplicate] = useState(false);
  const [form, setForm] = useState<Form | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [reminder, setReminder] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setExisting(undefined);
    setDuplicate(false);
    setError(null);
    setReminder(null);
    if (!reading?.strong) {
      setForm(null);
      return;
    }
    void (async () => {
      const key = `${snapshot.site}:${snapshot.threadId}`;
      const first = formFromReading(reading);
      const supplierKey = supplierKeyOf(first);
      const [mine, same, terms] = await Promise.all([
        entriesForThread(key),
        reading.number ? findEntry(supplierKey, reading.number) : Promise.resolve(undefined),
        supplierTermsDays(supplierKey),
      ]);
      if (!live) return;
      const found = same ?? mine[0] ?? null;
      setExisting(found);
      setDuplicate(!!same && same.threadKey !== key);
      setForm(formFromReading(reading, terms));
      setOpen(reading.problems.some((p) => p !== 'forwarded'));
    })().catch((err: unknown) => live && setError(ledgerErrorMessage(err)));
    return () => {
      live = false;
    };
  }, [reading, snapshot.site, snapshot.threadId]);

  if (!reading?.strong) return null;
  if (existing === undefined)
    return error ? (
      <p role="alert" class="notice error">
        {error}
      </p>
    ) : null;
  if (existing)
    return (
      <section class="card" data-testid="ledger-entry">
        <p class="row">
          <strong>
            {t(
              'ledgerRecorded',
              kindLabel(existing.kind),
              existing.number,
              money(existing.total, existing.currency),
            )}
          </strong>
          <span class="chip">{statusLabel(existing.status)}</span>
        </p>
        {existing.dueDate && (
          <p class="muted">
            {t('ledgerFieldDueDate')}: {dayLabel(existing.dueDate)}
          </p>
        )}
        {duplicate && (
          <p class="notice" role="status">
            {t('ledgerDuplicate')}
          </p>
        )}
        {reminder && (
          <p class="muted" role="status">
            {reminder}
          </p>
        )}
        <button type="button" onClick={() => void browser.tabs.create({ url: ledgerUrl(existing.id) })}>
          {t('ledgerOpen')}
        </button>
      </section>
    );
  if (!form) return null;

  function edit(changes: Partial<LedgerForm>) {
    setForm((f) => (f ? { ...f, ...changes } : f));
  }

  async function save() {
    if (!form) return;
    setSaving(true);
    setError(null);
    try {
      const result = await recordInvoice(form, { snapshot, messageId: reading!.messageId });
      setDuplicate(!result.created);
      if (result.created && result.entry.reminderTaskId && result.entry.dueDate)
        setReminder(t('ledgerReminderSet', dayLabel(result.entry.dueDate)));
      setExisting(result.entry);
    } catch (err) {
      setError(ledgerErrorMessage(err));
      setOpen(true); // the field to fix is in the form
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="card" aria-labelledby="ledger-heading" data-testid="ledger-form">
      <h2 id="ledger-heading">
        {kindLabel(form.kind)} {form.number} · {form.supplierName || form.supplierEmail}
      </h2>
      <Summary reading={reading} form={form} timeZone={timeZone} />
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('ledgerEditFields')}</summary>
        <Fields form={form} edit={edit} />
      </details>
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={saving}
          aria-busy={saving}
          onClick={() => void save()}
        >
          {t('recordInvoice')}
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

function Summary({ reading, form, timeZone }: { reading: InvoiceReading; form: Form; timeZone?: string }) {
  const home = timeZone ? homeCurrency(timeZone) : null;
  const total = fromDecimalString(form.total, form.currency || 'EUR');
  const computed =
    reading.computedTotal !== null && reading.currency ? money(reading.computedTotal, reading.currency) : '';
  return (
    <>
      <dl class="facts">
        <dt>{t('ledgerFieldTotal')}</dt>
        <dd data-testid="ledger-total">{total && form.currency ? money(total.minor, form.currency) : '—'}</dd>
        <dt>{t('ledgerFieldDueDate')}</dt>
        <dd data-testid="ledger-due">{dayLabel(form.dueDate || null)}</dd>
        {form.iban && (
          <>
            <dt>{t('ledgerFieldIban')}</dt>
            <dd>{reading.iban?.friendly ?? form.iban}</dd>
          </>
        )}
      </dl>
      {form.dueFrom === 'terms' && reading.termsDays !== null && (
        <p class="muted">{t('ledgerDueFrom_terms', reading.termsDays)}</p>
      )}
      {form.dueFrom === 'history' && form.dueDate && form.issueDate && (
        <p class="muted">
          {t(
            'ledgerDueFrom_history',
            Math.round((Date.parse(form.dueDate) - Date.parse(form.issueDate)) / 86_400_000),
          )}
        </p>
      )}
      {home && form.currency && form.currency !== home && (
        <p class="notice">{t('ledgerForeignCurrency', form.currency, home)}</p>
      )}
      {reading.problems
        .filter((p) => !(p === 'no_due_date' && form.dueDate))
        .map((p) => (
          <p
            key={p}
            class={p === 'forwarded' ? 'muted' : 'notice'}
            role={p === 'forwarded' ? undefined : 'status'}
          >
            {problemLabel(p, {
              computed,
              total: total && form.currency ? money(total.minor, form.currency) : '',
            })}
          </p>
        ))}
    </>
  );
}

function Fields({ form, edit }: { form: Form; edit: (changes: Partial<LedgerForm>) => void }) {
  const text = (key: keyof LedgerForm, label: string, type = 'text', extra: Record<string, string> = {}) => (
    <label>
      {label}
      <input
        type={type}
        value={form[key] as string}
        onInput={(e) => edit({ [key]: e.currentTarget.value })}
        {...extra}
      />
    </label>
  );
  return (
    <div class="form-grid">
      <label>
        {t('ledgerFieldKind')}
        <select value={form.kind} onChange={(e) => edit({ kind: e.currentTarget.value as LedgerKind })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      {text('supplierName', t('ledgerFieldSupplier'))}
      {text('supplierEmail', t('ledgerFieldEmail'), 'email')}
      {text('taxId', t('ledgerFieldTaxId'))}
      {text('number', t('ledgerFieldNumber'))}
      {text('issueDate', t('ledgerFieldIssueDate'), 'date')}
      {text('dueDate', t('ledgerFieldDueDate'), 'date')}
      {text('currency', t('ledgerFieldCurrency'), 'text', { maxLength: '3', autocapitalize: 'characters' })}
      {text('base', t('ledgerFieldBase'), 'text', { inputMode: 'decimal' })}
      {form.taxes.map((tax, i) => (
        <label key={i}>
          {t('ledgerFieldTax', `${tax.kind}${tax.rate ? ` ${tax.rate} %` : ''}`)}
          <input
            inputMode="decimal"
            value={tax.amount}
            onInput={(e) => {
              const taxes = form.taxes.slice();
              taxes[i] = { ...tax, amount: e.currentTarget.value };
              edit({ taxes });
            }}
          />
        </label>
      ))}
      {text('total', t('ledgerFieldTotal'), 'text', { inputMode: 'decimal' })}
      <label>
        {t('ledgerFieldCategory')}
        <select value={form.category} onChange={(e) => edit({ category: e.currentTarget.value })}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ledgerFieldPayment')}
        <select value={form.paymentMethod} onChange={(e) => edit({ paymentMethod: e.currentTarget.value })}>
          <option value="">{paymentLabel(null)}</option>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {paymentLabel(m)}
            </option>
          ))}
        </select>
      </label>
      {text('iban', t('ledgerFieldIban'))}
      {form.attachments.length > 0 && (
        <p class="muted">
          {t('ledgerFieldAttachments')}: {form.attachments.join(', ')}
        </p>
      )}
      <label>
        {t('ledgerFieldNotes')}
        <textarea rows={2} value={form.notes} onInput={(e) => edit({ notes: e.currentTarget.value })} />
      </label>
    </div>
  );
}
