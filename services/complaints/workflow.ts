import { db, type Complaint, type ComplaintStatus } from '../db/db';
import { ComplaintError } from './errors';
import { cleanText } from './prefill';
import { currentActor } from './actor';
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

export interface StatusOptions {
  note?: string;
  /** Required to resolve: what was done for the customer (kept as the complaint's resolution). */
  resolution?: string;
  /** Who made the change (the history names them). */
  by?: string;
}

/**
 * The complaint after moving to `to` (pure); throws `bad-transition` when the move is not allowed
 * and `no-resolution` when resolving without saying how. A status change is no response to the
 * customer: the first response comes from the thread (first-response.ts).
 */
export function applyStatus(
  c: Complaint,
  to: ComplaintStatus,
  now: number,
  settings: { sla: SlaTargets; hours: BusinessHours },
  options: StatusOptions = {},
): Complaint {
  if (!canMove(c.status, to)) throw new ComplaintError('bad-transition', `${c.status} → ${to}`);
  const text = options.note ? cleanText(options.note, 4000) : '';
  const resolution = to === 'resolved' ? cleanText(options.resolution ?? '', 4000) || c.resolution : '';
  if (to === 'resolved' && !resolution) throw new ComplaintError('no-resolution');
  const note = text || (to === 'resolved' ? resolution : '');
  const by = options.by?.trim();
  const next: Complaint = {
    ...c,
    status: to,
    updatedAt: now,
    ...(to === 'resolved' ? { resolution } : {}),
    // A reopened complaint is unresolved again; its resolution time is the next one.
    resolvedAt: to === 'resolved' ? now : to === 'closed' ? (c.resolvedAt ?? now) : null,
    history: [
      ...c.history,
      { at: now, kind: 'status', from: c.status, to, ...(note ? { note } : {}), ...(by ? { by } : {}) },
    ],
  };
  next.dueAt = currentDue(next, settings.sla, settings.hours);
  return next;
}

export async function changeStatus(
  id: string,
  to: ComplaintStatus,
  options: StatusOptions & { now?: number } = {},
): Promise<Complaint> {
  const now = options.now ?? Date.now();
  const by = options.by ?? (await currentActor());
  return db.transaction('rw', [db.complaints, db.settings], async () => {
    const c = await db.complaints.get(id);
    if (!c) throw new ComplaintError('not-found');
    const settings = { sla: await getSlaTargets(), hours: await getBusinessHours() };
    const next = applyStatus(c, to, now, settings, { ...options, by });
    await db.complaints.put(next);
    return next;
  });
}

export interface BulkResult {
  changed: string[];
  /**
   * Selected complaints left as they were: the move is not allowed from their status, they are
   * gone, or resolving them needs a resolution none was given for.
   */
  refused: { id: string; from: ComplaintStatus | null }[];
}

/** Moves every selected complaint that may move; the others are reported, none half-written. */
export async function bulkChangeStatus(
  ids: readonly string[],
  to: ComplaintStatus,
  options: StatusOptions & { now?: number } = {},
): Promise<BulkResult> {
  const now = options.now ?? Date.now();
  const by = options.by ?? (await currentActor());
  return db.transaction('rw', [db.complaints, db.settings], async () => {
    const settings = { sla: await getSlaTargets(), hours: await getBusinessHours() };
    const rows = await db.complaints.bulkGet([...ids]);
    const result: BulkResult = { changed: [], refused: [] };
    const updated: Complaint[] = [];
    rows.forEach((c, i) => {
      const unexplained = to === 'resolved' && !options.resolution?.trim() && !c?.resolution;
      if (!c || c.status === to || !canMove(c.status, to) || unexplained) {
        result.refused.push({ id: ids[i]!, from: c?.status ?? null });
        return;
      }
      updated.push(applyStatus(c, to, now, settings, { ...options, by }));
      result.changed.push(c.id);
    });
    await db.complaints.bulkPut(updated);
    return result;
  });
}
