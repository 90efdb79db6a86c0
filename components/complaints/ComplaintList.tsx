import { useState } from 'preact/hooks';
import { useLive } from '../use-live';
import type { ComplaintStatus, Severity } from '../../services/db/db';
import { formatDateTime, t, tn } from '../../services/i18n';
import { listComplaints, type ComplaintFilter, type ComplaintSort } from '../../services/complaints/query';
import { slaState } from '../../services/complaints/sla';
import { getCategories, SEVERITIES } from '../../services/complaints/settings';
import { STATUSES } from '../../services/complaints/workflow';
import { categoryLabel, dayStart, nextDayStart, severityLabel, slaLabel, statusLabel } from './labels';
import { BulkBar } from './BulkBar';
import { TransferBar } from './TransferBar';

export const PAGE_SIZE = 50;

interface FormState {
  status: string;
  category: string;
  severity: string;
  from: string;
  to: string;
  customer: string;
  text: string;
}
const EMPTY: FormState = {
  status: 'open',
  category: '',
  severity: '',
  from: '',
  to: '',
  customer: '',
  text: '',
};

function toFilter(f: FormState): ComplaintFilter {
  const status: ComplaintStatus[] =
    f.status === 'open'
      ? ['new', 'in_progress', 'waiting_customer']
      : f.status
        ? [f.status as ComplaintStatus]
        : [];
  return {
    status,
    category: f.category || undefined,
    severity: (f.severity || undefined) as Severity | undefined,
    from: dayStart(f.from),
    to: nextDayStart(f.to),
    customer: f.customer || undefined,
    text: f.text || undefined,
  };
}

const SORTS: { id: ComplaintSort; label: () => string }[] = [
  { id: 'created_desc', label: () => t('sortCreated') },
  { id: 'created_asc', label: () => t('sortCreatedAsc') },
  { id: 'due', label: () => t('sortDue') },
  { id: 'severity', label: () => t('sortSeverity') },
];

export function ComplaintList({ now = Date.now() }: { now?: number }) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [sort, setSort] = useState<ComplaintSort>('created_desc');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const filter = toFilter(form);
  const page = useLive(
    () => listComplaints(filter, sort, offset, PAGE_SIZE),
    [JSON.stringify(filter), sort, offset],
  );
  const categories = useLive(getCategories, []) ?? [];

  const set = (key: keyof FormState) => (e: Event) => {
    setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
    setOffset(0);
    setSelected(new Set());
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const rows = page?.rows ?? [];
  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;
  const allOnPage = rows.length > 0 && rows.every((c) => selected.has(c.id));

  return (
    <section>
      <form class="row" onSubmit={(e) => e.preventDefault()} aria-label={t('filterStatus')}>
        <label>
          {t('filterStatus')}{' '}
          <select value={form.status} onChange={set('status')}>
            <option value="">{t('filterAny')}</option>
            <option value="open">{t('filterOpen')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterCategory')}{' '}
          <select value={form.category} onChange={set('category')}>
            <option value="">{t('filterAny')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterSeverity')}{' '}
          <select value={form.severity} onChange={set('severity')}>
            <option value="">{t('filterAny')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterFrom')} <input type="date" value={form.from} onChange={set('from')} />
        </label>
        <label>
          {t('filterTo')} <input type="date" value={form.to} onChange={set('to')} />
        </label>
        <label>
          {t('filterCustomer')} <input type="search" value={form.customer} onChange={set('customer')} />
        </label>
        <label>
          {t('filterSearch')} <input type="search" value={form.text} onChange={set('text')} />
        </label>
        <label>
          {t('sortBy')}{' '}
          <select
            value={sort}
            onChange={(e) => {
              setSort(e.currentTarget.value as ComplaintSort);
              setOffset(0);
            }}
          >
            {SORTS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label()}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setForm({ ...EMPTY, status: '' })}>
          {t('filterClear')}
        </button>
      </form>

      <TransferBar filter={filter} sort={sort} />
      <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} />

      {!page && <p class="muted">{t('loading')}</p>}
      {page && page.total === 0 && <p class="muted">{t('noMatches')}</p>}
      {rows.length > 0 && (
        <table class="complaints" data-testid="complaints">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('selectAllPage')}
                  checked={allOnPage}
                  onChange={(e) => {
                    const next = new Set(selected);
                    for (const c of rows)
                      if (e.currentTarget.checked) next.add(c.id);
                      else next.delete(c.id);
                    setSelected(next);
                  }}
                />
              </th>
              <th scope="col">{t('colCreated')}</th>
              <th scope="col">{t('colCustomer')}</th>
              <th scope="col">{t('colSubject')}</th>
              <th scope="col">{t('colCategory')}</th>
              <th scope="col">{t('colSeverity')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colDue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const sla = slaState(c, now);
              return (
                <tr key={c.id} data-testid="complaint-row">
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('selectComplaint', c.subject || c.customerEmail)}
                      checked={selected.has(c.id)}
                      onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                    />
                  </td>
                  <td>{formatDateTime(c.createdAt, { dateStyle: 'short', timeStyle: 'short' })}</td>
                  <td class="clip">{c.customerName || c.customerEmail}</td>
                  <td class="clip">
                    <a href={`#/complaints/${encodeURIComponent(c.id)}`}>{c.subject || c.summary || c.id}</a>
                  </td>
                  <td>{categoryLabel(c.category)}</td>
                  <td>{severityLabel(c.severity)}</td>
                  <td>{statusLabel(c.status)}</td>
                  <td>
                    {sla && (
                      <span class={`sla sla-${sla.state}`}>
                        {slaLabel(sla.state)} ·{' '}
                        {formatDateTime(sla.dueAt, { dateStyle: 'short', timeStyle: 'short' })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {page && page.total > 0 && (
        <nav class="row" aria-label={t('pageInfo', offset / PAGE_SIZE + 1)}>
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t('pagePrev')}
          </button>
          <span>{t('pageInfoTotal', offset / PAGE_SIZE + 1, pages, tn('complaintCount', page.total))}</span>
          <button
            type="button"
            disabled={offset + PAGE_SIZE >= page.total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            {t('pageNext')}
          </button>
        </nav>
      )}
    </section>
  );
}
