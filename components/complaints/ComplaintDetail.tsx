import { useEffect, useState } from 'preact/hooks';
import { useLive } from '../use-live';
import { db, type Complaint, type ComplaintHistoryEntry, type ComplaintStatus } from '../../services/db/db';
import { formatDateTime, formatNumber, t, type MessageKey } from '../../services/i18n';
import { getProfile } from '../../services/profile';
import { resolutionReply } from '../../services/complaints/resolution-reply';
import {
  addComplaintNote,
  staffDirectory,
  updateComplaint,
  type ComplaintEdit,
} from '../../services/db/complaints';
import { changeStatus, TRANSITIONS } from '../../services/complaints/workflow';
import { slaState } from '../../services/complaints/sla';
import { getCategories, SEVERITIES } from '../../services/complaints/settings';
import { complaintErrorMessage } from '../../services/complaints/errors';
import { actionLabel, categoryLabel, severityLabel, slaLabel, statusLabel } from './labels';

const when = (ms: number) => formatDateTime(ms, { dateStyle: 'medium', timeStyle: 'short' });

const FIELD_LABELS: Record<string, MessageKey> = {
  customerName: 'fieldCustomerName',
  customerEmail: 'fieldCustomerEmail',
  subject: 'fieldSubject',
  summary: 'fieldSummary',
  category: 'fieldCategory',
  severity: 'fieldSeverity',
  orderRef: 'fieldOrderRef',
  amount: 'fieldAmount',
  language: 'fieldLanguage',
  resolution: 'fieldResolution',
  compensation: 'fieldCompensation',
  assignee: 'fieldAssignee',
};

function historyText(h: ComplaintHistoryEntry): string {
  if (h.kind === 'status' && h.from && h.to)
    return t('history_status', statusLabel(h.from), statusLabel(h.to));
  if (h.kind === 'edit') {
    // Stored as field codes ("subject, amount"); shown by their names in the UI language.
    const fields = (h.note ?? '').split(/,\s*/).filter(Boolean);
    const named = fields.map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f));
    return t('history_edit', named.join(', '));
  }
  return t(`history_${h.kind}`);
}

/** Who did it: the name recorded, "you" for this browser's user with no name set, or "imported". */
function historyWho(h: ComplaintHistoryEntry): string {
  if (h.imported) return h.by ? `${t('historyBy', h.by)} · ${t('historyImported')}` : t('historyImported');
  if (h.kind === 'message') return '';
  return h.by
    ? t('historyBy', h.by)
    : h.kind === 'edit' || h.kind === 'note' || h.kind === 'status'
      ? t('historyByYou')
      : '';
}

/** Oldest first; entries at the same instant keep the order they were recorded in. */
export function chronological(history: readonly ComplaintHistoryEntry[]): ComplaintHistoryEntry[] {
  return history
    .map((h, i) => [h, i] as const)
    .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
    .map(([h]) => h);
}

type Form = Required<Omit<ComplaintEdit, 'amount' | 'orderRef' | 'assignee'>> & {
  orderRef: string;
  amount: string;
  currency: string;
  assignee: string;
};

function formOf(c: Complaint): Form {
  return {
    customerName: c.customerName,
    customerEmail: c.customerEmail,
    subject: c.subject,
    summary: c.summary,
    category: c.category,
    severity: c.severity,
    orderRef: c.orderRef ?? '',
    // In the UI locale ("74,85" in Spanish); reading it back accepts either decimal mark.
    amount: c.amount ? formatNumber(c.amount.value, { useGrouping: false, maximumFractionDigits: 20 }) : '',
    currency: c.amount?.currency ?? 'EUR',
    language: c.language,
    resolution: c.resolution,
    compensation: c.compensation,
    assignee: c.assignee ?? '',
  };
}

function editOf(f: Form): ComplaintEdit {
  const value = Number(f.amount.replace(',', '.'));
  const { amount, currency, orderRef, assignee, ...rest } = f;
  return {
    ...rest,
    orderRef: orderRef.trim() || null,
    amount:
      amount.trim() && Number.isFinite(value) ? { value, currency: currency.trim().toUpperCase() } : null,
    assignee: assignee || null,
  };
}

export function ComplaintDetail({ id, now = Date.now() }: { id: string; now?: number }) {
  // null = no such complaint; undefined = still loading.
  const complaint = useLive(() => db.complaints.get(id).then((c) => c ?? null), [id]);
  const staff = useLive(staffDirectory, []) ?? [];
  const categories = useLive(getCategories, []) ?? [];
  const task = useLive(
    async () => (complaint?.taskId ? db.tasks.get(complaint.taskId) : undefined),
    [complaint?.taskId],
  );
  const [form, setForm] = useState<Form | null>(null);
  const [note, setNote] = useState('');
  const [statusNote, setStatusNote] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // Resolving asks how it was resolved, then proposes a reply for the user to review and send.
  const [resolving, setResolving] = useState<string | null>(null);
  const [proposed, setProposed] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (complaint && !form) setForm(formOf(complaint));
  }, [complaint]);

  if (complaint === undefined) return <p class="muted">{t('loading')}</p>;
  if (!complaint || !form) return <p class="notice error">{t('complaintErrorNotFound')}</p>;

  const run = async (work: () => Promise<unknown>, ok: string) => {
    try {
      await work();
      setMessage({ error: false, text: ok });
    } catch (err) {
      setMessage({ error: true, text: complaintErrorMessage(err) });
    }
  };
  const resolve = (resolution: string) =>
    run(
      async () => {
        const resolved = await changeStatus(complaint.id, 'resolved', { note: statusNote, resolution });
        setStatusNote('');
        setResolving(null);
        setForm({ ...form, resolution: resolved.resolution });
        setProposed(resolutionReply(resolved, await getProfile()).text);
        setCopied(false);
      },
      t('statusChanged', statusLabel('resolved')),
    );
  const move = (to: ComplaintStatus) =>
    run(
      async () => {
        await changeStatus(complaint.id, to, { note: statusNote });
        setStatusNote('');
      },
      t('statusChanged', statusLabel(to)),
    );
  const field = (key: keyof Form) => (e: Event) =>
    setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
  const text = (key: keyof Form, label: string, multiline = false) => (
    <label class="field">
      {label}
      {multiline ? (
        <textarea rows={3} value={form[key]} onInput={field(key)} />
      ) : (
        <input value={form[key]} onInput={field(key)} />
      )}
    </label>
  );
  const sla = slaState(complaint, now);

  return (
    <article data-testid="complaint-detail">
      <p>
        <a href="#/complaints">{t('backToList')}</a>
      </p>
      <h2>{complaint.subject || complaint.summary}</h2>
      <p class="row">
        <strong data-testid="complaint-status">{statusLabel(complaint.status)}</strong>
        <span class="muted">
          {t('complaintMeta', t(`channel_${complaint.channel}`), when(complaint.createdAt))}
        </span>
        {sla && (
          <span class={`sla sla-${sla.state}`}>
            {slaLabel(sla.state)} · {t('slaDue', when(sla.dueAt))}
          </span>
        )}
        {complaint.firstResponseAt !== null && (
          <span class="muted">{t('firstResponseAtLabel', when(complaint.firstResponseAt))}</span>
        )}
        {complaint.resolvedAt !== null && (
          <span class="muted">{t('resolvedAtLabel', when(complaint.resolvedAt))}</span>
        )}
      </p>
      <p class="row">
        {/^https?:\/\//.test(complaint.threadUrl) && (
          <a href={complaint.threadUrl} target="_blank" rel="noopener noreferrer">
            {t('openThread')}
          </a>
        )}
        {task && <a href={`#/tasks/${encodeURIComponent(task.id)}`}>{`${t('openTask')}: ${task.title}`}</a>}
        <a href={`#/letters/complaint_answer/${encodeURIComponent(complaint.id)}`}>
          {t('complaintWriteLetter')}
        </a>
      </p>

      <section class="card">
        <label class="field">
          {t('statusNote')}
          <textarea rows={2} value={statusNote} onInput={(e) => setStatusNote(e.currentTarget.value)} />
        </label>
        <div class="row">
          {TRANSITIONS[complaint.status].map((to) => (
            <button
              key={to}
              type="button"
              aria-expanded={to === 'resolved' ? resolving !== null : undefined}
              onClick={() =>
                to === 'resolved' ? setResolving(resolving ?? complaint.resolution) : void move(to)
              }
            >
              {actionLabel(complaint.status, to)}
            </button>
          ))}
        </div>
        {resolving !== null && complaint.status !== 'resolved' && (
          <form
            data-testid="resolve-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (resolving.trim()) void resolve(resolving);
            }}
          >
            <label class="field">
              {t('resolveResolutionLabel')}
              <textarea
                rows={3}
                required
                aria-required="true"
                value={resolving}
                onInput={(e) => setResolving(e.currentTarget.value)}
              />
            </label>
            <div class="row">
              <button type="submit" class="primary" disabled={!resolving.trim()}>
                {t('resolveConfirm')}
              </button>
              <button type="button" onClick={() => setResolving(null)}>
                {t('cancel')}
              </button>
            </div>
          </form>
        )}
      </section>

      {proposed !== null && (
        <section class="card" data-testid="proposed-reply">
          <h3>{t('proposedReplyHeading')}</h3>
          <p class="muted">{t('proposedReplyNote')}</p>
          <label class="field">
            {t('proposedReplyLabel')}
            <textarea rows={10} value={proposed} onInput={(e) => setProposed(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard.writeText(proposed).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {t('copyReply')}
            </button>
            {/^https?:\/\//.test(complaint.threadUrl) && (
              <a href={complaint.threadUrl} target="_blank" rel="noopener noreferrer">
                {t('openThread')}
              </a>
            )}
            {copied && <span role="status">{t('replyCopied')}</span>}
          </div>
        </section>
      )}

      <form
        class="card grid"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => updateComplaint(complaint.id, editOf(form)), t('saved'));
        }}
      >
        {text('customerName', t('fieldCustomerName'))}
        {text('customerEmail', t('fieldCustomerEmail'))}
        {text('subject', t('fieldSubject'))}
        {text('summary', t('fieldSummary'), true)}
        <label class="field">
          {t('fieldCategory')}
          <select value={form.category} onChange={field('category')}>
            {[...new Set([...categories, form.category])].map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('fieldSeverity')}
          <select value={form.severity} onChange={field('severity')}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityLabel(s)}
              </option>
            ))}
          </select>
        </label>
        {text('orderRef', t('fieldOrderRef'))}
        {text('amount', t('fieldAmount'))}
        {text('currency', t('fieldCurrency'))}
        {text('language', t('fieldLanguage'))}
        <label class="field">
          {t('fieldAssignee')}
          <select value={form.assignee} onChange={field('assignee')}>
            <option value="">{t('unassigned')}</option>
            {[
              ...staff,
              ...(form.assignee && !staff.some((s) => s.email === form.assignee)
                ? [{ email: form.assignee, name: form.assignee }]
                : []),
            ].map((s) => (
              <option key={s.email} value={s.email}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {text('resolution', t('fieldResolution'), true)}
        {text('compensation', t('fieldCompensation'), true)}
        <div>
          <button type="submit" class="primary">
            {t('saveChanges')}
          </button>
        </div>
      </form>

      {message && (
        <p role="status" class={message.error ? 'notice error' : 'muted'}>
          {message.text}
        </p>
      )}

      <section>
        <h3>{t('historyHeading')}</h3>
        <label class="field">
          {t('noteLabel')}
          <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button
          type="button"
          disabled={!note.trim()}
          onClick={() =>
            void run(async () => {
              await addComplaintNote(complaint.id, note);
              setNote('');
            }, t('saved'))
          }
        >
          {t('addNote')}
        </button>
        <ol class="plain" data-testid="complaint-history">
          {chronological(complaint.history).map((h, i) => {
            const who = historyWho(h);
            return (
              <li key={i}>
                <span class="muted">{when(h.at)}</span> <strong>{historyText(h)}</strong>
                {who && <span class="muted"> · {who}</span>}
                {h.kind !== 'edit' && h.note && <div class="pre">{h.note}</div>}
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}
