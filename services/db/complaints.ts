import { browser } from 'wxt/browser';
import { db, searchWords, type Complaint, type ComplaintHistoryEntry, type Severity } from './db';
import { addTask } from './tasks';
import type { ThreadSnapshot } from '../mail-sites/types';
import { t } from '../i18n';
import { ComplaintError } from '../complaints/errors';
import { cleanLine, cleanText, LIMITS, normalizeEmail, type ComplaintPrefill } from '../complaints/prefill';
import { currentDue, dueFor } from '../complaints/sla';
import { getBusinessHours, getSlaTargets, SEVERITIES } from '../complaints/settings';
import { responseFields } from '../complaints/first-response';
import { currentActor } from '../complaints/actor';

// The complaints table: one record per thread (`threadKey` is unique), created from a thread with a
// follow-up task linked both ways, and kept in step with the thread's new messages.

export function threadKeyOf(snapshot: Pick<ThreadSnapshot, 'site' | 'threadId'>): string {
  return `${snapshot.site}:${snapshot.threadId}`;
}

export function complaintWords(
  c: Pick<Complaint, 'subject' | 'summary' | 'customerName' | 'customerEmail' | 'orderRef'>,
) {
  return searchWords(c.subject, c.summary, c.customerName, c.customerEmail, c.orderRef);
}

/** Where the dashboard shows one complaint (used by task links and notifications). */
export function complaintUrl(id: string): string {
  return browser.runtime.getURL(`/dashboard.html#/complaints/${encodeURIComponent(id)}`);
}

export function getComplaint(id: string): Promise<Complaint | undefined> {
  return db.complaints.get(id);
}

export function complaintByThreadKey(threadKey: string): Promise<Complaint | undefined> {
  return db.complaints.where('threadKey').equals(threadKey).first();
}

function messageEntries(
  snapshot: ThreadSnapshot,
  seen: ReadonlySet<string>,
): { ids: string[]; entries: ComplaintHistoryEntry[] } {
  const fresh = snapshot.messages.filter((m) => !seen.has(m.id));
  const entries = fresh.slice(-LIMITS.messages).map((m) => {
    const at = m.date ? Date.parse(m.date) : NaN;
    const who = cleanLine(m.from.name || m.from.email, LIMITS.name) || t('unknownSender');
    return {
      at: Number.isFinite(at) ? at : snapshot.readAt,
      kind: 'message' as const,
      note: `${who}: ${cleanLine(m.text, LIMITS.historyNote)}`,
    };
  });
  return { ids: fresh.map((m) => m.id), entries };
}

/** The prefill as it will be stored: cleaned, cut to size, with defaults for what is missing. */
export function cleanPrefill(prefill: ComplaintPrefill): ComplaintPrefill {
  const amount = prefill.amount;
  return {
    customerName: cleanLine(prefill.customerName, LIMITS.name),
    customerEmail: normalizeEmail(prefill.customerEmail).email,
    channel: prefill.channel,
    subject: cleanLine(prefill.subject, LIMITS.subject),
    summary: cleanText(prefill.summary, LIMITS.summary),
    category: cleanLine(prefill.category, 60) || 'other',
    severity: SEVERITIES.includes(prefill.severity) ? prefill.severity : 'medium',
    orderRef: cleanLine(prefill.orderRef ?? '', 40) || null,
    amount:
      amount && Number.isFinite(amount.value) && amount.value >= 0 && /^[A-Z]{3}$/.test(amount.currency)
        ? { value: amount.value, currency: amount.currency }
        : null,
    language: cleanLine(prefill.language, 12) || 'und',
    threadUrl: /^https?:\/\//i.test(prefill.threadUrl) ? prefill.threadUrl.slice(0, 2000) : '',
  };
}

export interface LogResult {
  complaint: Complaint;
  /** False when the thread already had a complaint: that one is returned, not a new one. */
  created: boolean;
  /** Thread messages added to the history by this call. */
  appended: number;
}

/**
 * Logs the thread's complaint, or returns the one it already has (appending the thread's new
 * messages to its history). A new complaint gets its SLA due date and a follow-up task due at the
 * first-response deadline. One transaction: either all of it is stored or nothing.
 */
export async function createComplaintFromThread(
  snapshot: ThreadSnapshot,
  prefill: ComplaintPrefill,
  now: number = Date.now(),
): Promise<LogResult> {
  const threadKey = threadKeyOf(snapshot);
  const form = cleanPrefill(prefill);
  const by = await currentActor();
  return db.transaction('rw', [db.complaints, db.tasks, db.lists, db.settings], async () => {
    const existing = await complaintByThreadKey(threadKey);
    if (existing) {
      const appended = await appendMessages(existing, snapshot, now);
      return { complaint: (await db.complaints.get(existing.id))!, created: false, appended };
    }
    if (!form.subject && !form.summary && !form.customerEmail && !form.customerName)
      throw new ComplaintError('empty');
    const [targets, hours] = await Promise.all([getSlaTargets(), getBusinessHours()]);
    const { ids, entries } = messageEntries(snapshot, new Set());
    const complaint: Complaint = {
      ...form,
      id: crypto.randomUUID(),
      threadKey,
      threadUrl: form.threadUrl || snapshot.url,
      status: 'new',
      assignee: null,
      resolution: '',
      compensation: '',
      firstResponseAt: null,
      receivedAt: null,
      resolvedAt: null,
      dueAt: null,
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, kind: 'created', ...(by ? { by } : {}) }, ...entries],
      seenMessageIds: ids,
      taskId: null,
      words: complaintWords(form),
    };
    Object.assign(complaint, responseFields(complaint, snapshot));
    complaint.dueAt = currentDue(complaint, targets, hours);
    const task = await addTask({
      title: t(
        'complaintTaskTitle',
        complaint.customerName || complaint.customerEmail || t('unknownSender'),
        complaint.subject || t('noSubject'),
      ),
      notes: complaint.summary,
      dueAt: dueFor(now, complaint.severity, 'firstResponse', targets, hours),
      priority: complaint.severity === 'critical' || complaint.severity === 'high' ? 'high' : 'normal',
      link: {
        kind: 'complaint',
        ref: complaint.id,
        url: complaintUrl(complaint.id),
        label: complaint.subject,
      },
    });
    complaint.taskId = task.id;
    await db.complaints.add(complaint);
    return { complaint, created: true, appended: entries.length };
  });
}

/** New thread messages into the history; our first reply, once sent, becomes the first response. */
async function appendMessages(complaint: Complaint, snapshot: ThreadSnapshot, now: number): Promise<number> {
  const { ids, entries } = messageEntries(snapshot, new Set(complaint.seenMessageIds));
  const response = responseFields(complaint, snapshot);
  if (ids.length === 0 && Object.keys(response).length === 0) return 0;
  const next = { ...complaint, ...response };
  await db.complaints.update(complaint.id, {
    ...response,
    ...(response.firstResponseAt !== undefined
      ? { dueAt: currentDue(next, await getSlaTargets(), await getBusinessHours()) }
      : {}),
    history: [...complaint.history, ...entries],
    seenMessageIds: [...complaint.seenMessageIds, ...ids],
    updatedAt: now,
  });
  return entries.length;
}

/**
 * The thread's complaint, if it has one, with the thread's new messages appended to its history —
 * what the side panel calls when a thread opens. Null when the thread has no complaint.
 */
export async function complaintForThread(
  snapshot: ThreadSnapshot,
  now: number = Date.now(),
): Promise<Complaint | null> {
  return db.transaction('rw', [db.complaints, db.settings], async () => {
    const existing = await complaintByThreadKey(threadKeyOf(snapshot));
    if (!existing) return null;
    await appendMessages(existing, snapshot, now);
    return (await db.complaints.get(existing.id)) ?? null;
  });
}

export type ComplaintEdit = Partial<
  Pick<
    Complaint,
    | 'customerName'
    | 'customerEmail'
    | 'subject'
    | 'summary'
    | 'category'
    | 'severity'
    | 'orderRef'
    | 'amount'
    | 'language'
    | 'resolution'
    | 'compensation'
    | 'assignee'
  >
>;

/** Edits fields; a severity change moves the SLA due date. The history names the fields changed. */
export async function updateComplaint(
  id: string,
  edit: ComplaintEdit,
  now: number = Date.now(),
): Promise<Complaint> {
  const by = await currentActor();
  return db.transaction('rw', [db.complaints, db.settings], async () => {
    const c = await db.complaints.get(id);
    if (!c) throw new ComplaintError('not-found');
    const cleaned = cleanPrefill({ ...c, ...edit, threadUrl: c.threadUrl });
    const next: Complaint = {
      ...c,
      ...cleaned,
      threadUrl: c.threadUrl,
      resolution: cleanText(edit.resolution ?? c.resolution, 4000),
      compensation: cleanText(edit.compensation ?? c.compensation, 1000),
      assignee:
        edit.assignee === undefined ? c.assignee : edit.assignee ? normalizeEmail(edit.assignee).email : null,
    };
    const changed = (Object.keys(edit) as (keyof ComplaintEdit)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(c[k]),
    );
    if (changed.length === 0) return c;
    if (next.severity !== c.severity) {
      next.dueAt = currentDue(next, await getSlaTargets(), await getBusinessHours());
    }
    next.words = complaintWords(next);
    next.updatedAt = now;
    next.history = [...c.history, { at: now, kind: 'edit', note: changed.join(', '), ...(by ? { by } : {}) }];
    await db.complaints.put(next);
    return next;
  });
}

export async function addComplaintNote(id: string, note: string, now: number = Date.now()): Promise<void> {
  const text = cleanText(note, 4000);
  if (!text) return;
  const by = await currentActor();
  await db.transaction('rw', db.complaints, async () => {
    const c = await db.complaints.get(id);
    if (!c) throw new ComplaintError('not-found');
    await db.complaints.update(id, {
      history: [...c.history, { at: now, kind: 'note', note: text, ...(by ? { by } : {}) }],
      updatedAt: now,
    });
  });
}

/** Staff who can be assigned (the staff directory in contacts), by name. */
export async function staffDirectory(): Promise<{ email: string; name: string }[]> {
  const staff = await db.contacts.where('kind').equals('staff').toArray();
  return staff
    .map((s) => ({ email: s.email, name: s.name || s.email }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
