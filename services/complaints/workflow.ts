import { db, type Complaint, type ComplaintStatus } from '../db/db';
import { ComplaintError } from './errors';
import { cleanText } from './prefill';
import { currentDue } from './sla';
import { getBusinessHours, getSlaTargets, type BusinessHours, type SlaTargets } from './settings';

// The status workflow: new → in progress → waiting for customer → resolved → closed, with reopen.
// Each change is one history entry; the SLA due date follows the clock that runs in the new status.

export const STATUSES: readonly ComplaintStatus[] = [
  'new',
  'in_progress',
  'waiting_customer',
  'resolved',
  'closed',
];

export const TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  new: ['in_progress', 'waiting_customer', 'resolved'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export function canMove(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The complaint after moving to `to` (pure); throws `bad-transition` when the move is not allowed. */
export function applyStatus(
  c: Complaint,
  to: ComplaintStatus,
  now: number,
  settings: { sla: SlaTargets; hours: BusinessHours },
  note?: string,
): Complaint {
  if (!canMove(c.status, to)) throw new ComplaintError('bad-transition', `${c.status} → ${to}`);
  const text = note ? cleanText(note, 4000) : '';
  const next: Complaint = {
    ...c,
    status: to,
    updatedAt: now,
    firstResponseAt: c.firstResponseAt ?? now,
    // A reopened complaint is unresolved again; its resolution time is the next one.
    resolvedAt: to === 'resolved' ? now : to === 'closed' ? (c.resolvedAt ?? now) : null,
    history: [...c.history, { at: now, kind: 'status', from: c.status, to, ...(text ? { note: text } : {}) }],
  };
  next.dueAt = currentDue(next, settings.sla, settings.hours);
  return next;
}

export async function changeStatus(
  id: string,
  to: ComplaintStatus,
  options: { note?: string; now?: number } = {},
): Promise<Complaint> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', [db.complaints, db.settings], async () => {
    const c = await db.complaints.get(id);
    if (!c) throw new ComplaintError('not-found');
    const settings = { sla: await getSlaTargets(), hours: await getBusinessHours() };
    const next = applyStatus(c, to, now, settings, options.note);
    await db.complaints.put(next);
    return next;
  });
}

export interface BulkResult {
  changed: string[];
  /** Selected complaints left as they were: the move is not allowed from their status, or gone. */
  refused: { id: string; from: ComplaintStatus | null }[];
}

/** Moves every selected complaint that may move; the others are reported, none half-written. */
export async function bulkChangeStatus(
  ids: readonly string[],
  to: ComplaintStatus,
  options: { note?: string; now?: number } = {},
): Promise<BulkResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', [db.complaints, db.settings], async () => {
    const settings = { sla: await getSlaTargets(), hours: await getBusinessHours() };
    const rows = await db.complaints.bulkGet([...ids]);
    const result: BulkResult = { changed: [], refused: [] };
    const updated: Complaint[] = [];
    rows.forEach((c, i) => {
      if (!c || c.status === to || !canMove(c.status, to)) {
        result.refused.push({ id: ids[i]!, from: c?.status ?? null });
        return;
      }
      updated.push(applyStatus(c, to, now, settings, options.note));
      result.changed.push(c.id);
    });
    await db.complaints.bulkPut(updated);
    return result;
  });
}
