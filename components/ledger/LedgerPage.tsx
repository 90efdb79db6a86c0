import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LedgerEntry, LedgerStatus } from '../../services/db/db';
import { useLive } from '../use-live';
import { allEntries, reminderDays, updateEntry } from '../../services/ledger/store';
import { quarterlyTaxSummary, quartersIn, totalsBy, type Total } from '../../services/ledger/report';
import { toCsv, toXlsx } from '../../services/ledger/export';
import { localDay } from '../../services/ledger/dates';
import { t } from '../../services/i18n';
import {
  STATUSES,
  categoryLabel,
  dayLabel,
  kindLabel,
  ledgerErrorMessage,
  money,
  statusLabel,
} from './labels';
import { CATEGORIES, totalsDisagree } from '../../services/ledger/store';
import './ledger.css';

function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The dashboard's ledger: documents by status, totals, the quarter's taxes, files for the accountant. */
export function LedgerPage({ path }: { path: string[] }) {
  const entries = useLive(allEntries, []);
  const [status, setStatus] = useState<LedgerStatus | 'all'>('all');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const selected = path[0] ?? null;
  const quarters = useMemo(() => quartersIn(entries ?? []), [entries]);
  const [quarter, setQuarter] = useState<string | null>(null);
  const shownQuarter = quarter ?? quarters[0] ?? null;

  useEffect(() => {
    if (selected) document.getElementById(`ledger-${selected}`)?.scrollIntoView({ block: 'center' });
  }, [selected, entries]);

  if (!entries) return <p class="muted">…</p>;
  const shown = status === 'all' ? entries : entries.filter((e) => e.status === status);
  const today = localDay();

  async function exportFile(kind: 'csv' | 'xlsx') {
    setMessage(null);
    try {
      const stamp = today;
      if (kind === 'csv') download(`ledger-${stamp}.csv`, 'text/csv;charset=utf-8', toCsv(shown));
      else {
        const rows = shownQuarter ? quarterlyTaxSummary(shown, shownQuarter) : [];
        const file = await toXlsx(
          shown,
          shownQuarter ? { quarter: shownQuarter, rows, headers: summaryHeaders() } : undefined,
        );
        download(
          `ledger-${stamp}.xlsx`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          file.slice(),
        );
      }
      setMessage({
        error: false,
        text: t(
          'ledgerExported',
          shown.reduce((n, e) => n + Math.max(1, e.taxes.length), 0),
        ),
      });
    } catch (err) {
      setMessage({ error: true, text: ledgerErrorMessage(err) });
    }
  }

  return (
    <section class="stack ledger-page" aria-labelledby="ledger-page-heading">
      <h2 id="ledger-page-heading">{t('ledgerHeading')}</h2>
      <div class="row actions">
        <label>
          {t('ledgerFilterStatus')}{' '}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as LedgerStatus | 'all')}>
            <option value="all">{t('ledgerFilterAll')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <span class="grow" />
        <button type="button" onClick={() => void exportFile('csv')} disabled={shown.length === 0}>
          {t('ledgerExportCsv')}
        </button>
        <button type="button" onClick={() => void exportFile('xlsx')} disabled={shown.length === 0}>
          {t('ledgerExportXlsx')}
        </button>
        <ReminderDays />
      </div>
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          class={message.error ? 'notice error' : 'muted'}
          data-testid="ledger-message"
        >
          {message.text}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="empty">{t('ledgerEmpty')}</p>
      ) : (
        <Entries
          entries={shown}
          selected={selected}
          today={today}
          onError={(text) => setMessage({ error: true, text })}
        />
      )}
      {entries.length > 0 && (
        <>
          <h3>{t('ledgerTotalsHeading')}</h3>
          <div class="ledger-totals">
            <Totals caption={t('ledgerTotalsByMonth')} rows={totalsBy(shown, (e) => e.month)} />
            <Totals
              caption={t('ledgerTotalsBySupplier')}
              rows={totalsBy(shown, (e) => e.supplierName || e.supplierEmail)}
            />
            <Totals
              caption={t('ledgerTotalsByCategory')}
              rows={totalsBy(shown, (e) => e.category)}
              label={categoryLabel}
            />
          </div>
          {shownQuarter && (
            <>
              <h3>{t('ledgerQuarterHeading')}</h3>
              <label>
                {t('ledgerQuarter')}{' '}
                <select value={shownQuarter} onChange={(e) => setQuarter(e.currentTarget.value)}>
                  {quarters.map((q) => (
                    <option key={q} value={q}>
                      {q}
                    </option>
                  ))}
                </select>
              </label>
              <QuarterSummary entries={shown} quarter={shownQuarter} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function summaryHeaders(): string[] {
  return [
    t('ledgerColCurrency'),
    t('ledgerColTax'),
    t('ledgerColRate'),
    t('ledgerColCount'),
    t('ledgerColBase'),
    t('ledgerColTax'),
  ];
}

function Entries({
  entries,
  selected,
  today,
  onError,
}: {
  entries: LedgerEntry[];
  selected: string | null;
  today: string;
  onError: (text: string) => void;
}) {
  return (
    <table class="ledger" data-testid="ledger-table">
      <thead>
        <tr>
          <th>{t('ledgerColDate')}</th>
          <th>{t('ledgerColSupplier')}</th>
          <th>{t('ledgerColNumber')}</th>
          <th>{t('ledgerColDue')}</th>
          <th>{t('ledgerFieldCategory')}</th>
          <th class="num">{t('ledgerColTotal')}</th>
          <th>{t('ledgerColStatus')}</th>
          <th>{t('ledgerColThread')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const overdue = e.status === 'to_pay' && e.dueDate !== null && e.dueDate < today;
          return (
            <tr
              key={e.id}
              id={`ledger-${e.id}`}
              class={e.id === selected ? 'selected' : undefined}
              data-testid="ledger-row"
            >
              <td>{dayLabel(e.issueDate)}</td>
              <td>
                {e.supplierName || e.supplierEmail}
                {e.taxId && <div class="muted small">{e.taxId}</div>}
              </td>
              <td>
                {e.kind !== 'invoice' && <span class="chip">{kindLabel(e.kind)}</span>} {e.number}
              </td>
              <td>
                <input
                  type="date"
                  aria-label={`${t('ledgerFieldDueDate')} ${e.number}`}
                  value={e.dueDate ?? ''}
                  onChange={(ev) =>
                    ev.currentTarget.value &&
                    void updateEntry(e.id, { dueDate: ev.currentTarget.value }).catch((err: unknown) =>
                      onError(ledgerErrorMessage(err)),
                    )
                  }
                />{' '}
                {overdue && <span class="chip bad">{t('ledgerOverdue')}</span>}
              </td>
              <td>
                <select
                  aria-label={`${t('ledgerFieldCategory')} ${e.number}`}
                  value={e.category}
                  onChange={(ev) =>
                    void updateEntry(e.id, { category: ev.currentTarget.value }).catch((err: unknown) =>
                      onError(ledgerErrorMessage(err)),
                    )
                  }
                >
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {categoryLabel(c)}
                    </option>
                  ))}
                </select>
              </td>
              <td class="num">
                {money(e.total, e.currency)}
                {totalsDisagree(e) && <div class="bad small">{t('ledgerTotalsMismatchShort')}</div>}
              </td>
              <td>
                <select
                  aria-label={`${t('ledgerColStatus')} ${e.number}`}
                  value={e.status}
                  onChange={(ev) =>
                    void updateEntry(e.id, { status: ev.currentTarget.value as LedgerStatus }).catch(
                      (err: unknown) => onError(ledgerErrorMessage(err)),
                    )
                  }
                >
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {statusLabel(s)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {e.threadUrl && /^https?:\/\//.test(e.threadUrl) ? (
                  <a href={e.threadUrl} target="_blank" rel="noopener noreferrer">
                    {t('ledgerOpenThread')}
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Totals({
  caption,
  rows,
  label,
}: {
  caption: string;
  rows: Total[];
  label?: (group: string) => string;
}) {
  return (
    <table class="ledger">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>{t('ledgerColGroup')}</th>
          <th class="num">{t('ledgerColCount')}</th>
          <th class="num">{t('ledgerColBase')}</th>
          <th class="num">{t('ledgerColTax')}</th>
          <th class="num">{t('ledgerColTotal')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.group}-${r.currency}`}>
            <td>{label ? label(r.group) : r.group}</td>
            <td class="num">{r.count}</td>
            <td class="num">{money(r.base, r.currency)}</td>
            <td class="num">{money(r.tax, r.currency)}</td>
            <td class="num">{money(r.total, r.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QuarterSummary({ entries, quarter }: { entries: LedgerEntry[]; quarter: string }) {
  const rows = quarterlyTaxSummary(entries, quarter);
  return (
    <table class="ledger" data-testid="ledger-quarter">
      <thead>
        <tr>
          <th>{t('ledgerColCurrency')}</th>
          <th>{t('ledgerColTax')}</th>
          <th class="num">{t('ledgerColRate')}</th>
          <th class="num">{t('ledgerColCount')}</th>
          <th class="num">{t('ledgerColBase')}</th>
          <th class="num">{t('ledgerColTax')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.currency}-${r.kind}-${r.rate}`}>
            <td>{r.currency}</td>
            <td>{r.kind || '—'}</td>
            <td class="num">{r.rate === null ? '—' : `${r.rate} %`}</td>
            <td class="num">{r.count}</td>
            <td class="num">{money(r.base, r.currency)}</td>
            <td class="num">{money(r.tax, r.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReminderDays() {
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    void reminderDays.getValue().then(setDays);
  }, []);
  if (days === null) return null;
  return (
    <label>
      {t('ledgerReminderDays')}{' '}
      <input
        type="number"
        min={0}
        max={60}
        style={{ width: '4em' }}
        value={days}
        onChange={(e) => {
          const n = Math.round(Number(e.currentTarget.value));
          if (Number.isFinite(n) && n >= 0 && n <= 60) {
            setDays(n);
            void reminderDays.setValue(n);
          }
        }}
      />
    </label>
  );
}
