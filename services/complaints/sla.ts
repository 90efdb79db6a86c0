import { DateTime } from 'luxon';
import { db, type Complaint, type ComplaintStatus, type Severity } from '../db/db';
import {
  getBusinessHours,
  getSlaTargets,
  type BusinessHours,
  type SlaTarget,
  type SlaTargets,
} from './settings';

// SLA deadlines are counted in business time: the opening hours of the business, in its own time
// zone, skipping closed days and holidays. All wall-clock arithmetic goes through luxon in that zone,
// so a day with a DST change still opens at 09:00 local time and an hour target stays 60 real minutes.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Guards the day walk: a schedule with no open day in two years is treated as "always open". */
const MAX_DAYS = 800;
/** Share of the whole target window left at which a complaint counts as at risk. */
export const AT_RISK_FRACTION = 0.25;

interface Span {
  start: number;
  end: number;
}

function wallClock(day: DateTime, hhmm: string): DateTime {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (h === 24) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
}

/** Opening spans of the local day `day` (any instant in it), as instants, earliest first. */
function spansOf(day: DateTime, hours: BusinessHours): Span[] {
  const start = day.startOf('day');
  if (hours.holidays.includes(start.toISODate() ?? '')) return [];
  return (hours.week[String(start.weekday)] ?? [])
    .map((s) => ({ start: wallClock(start, s.start).toMillis(), end: wallClock(start, s.end).toMillis() }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
}

function hasAnyOpening(hours: BusinessHours): boolean {
  return Object.values(hours.week).some((spans) => spans.some((s) => s.end > s.start || s.end === '24:00'));
}

function zoneOf(hours: BusinessHours): string {
  return DateTime.local({ zone: hours.zone }).isValid ? hours.zone : 'UTC';
}

function addBusinessMs(start: number, ms: number, hours: BusinessHours, zone: string): number {
  let remaining = ms;
  let day = DateTime.fromMillis(start, { zone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const span of spansOf(day, hours)) {
      const from = Math.max(span.start, start);
      if (span.end <= from) continue;
      if (span.end - from >= remaining) return from + remaining;
      remaining -= span.end - from;
    }
  }
  return start + ms;
}

/** The first open instant at or after `at`. */
function nextOpen(at: number, hours: BusinessHours, zone: string): number {
  let day = DateTime.fromMillis(at, { zone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const span of spansOf(day, hours)) if (span.end > at) return Math.max(span.start, at);
  }
  return at;
}

/**
 * "N business days": the same local time of day on the Nth following business day, counted from
 * the first open moment (a complaint logged on Friday night starts its clock on Monday morning).
 */
function addBusinessDays(start: number, days: number, hours: BusinessHours, zone: string): number {
  const anchor = DateTime.fromMillis(nextOpen(start, hours, zone), { zone });
  let day = anchor.startOf('day');
  let left = Math.ceil(days);
  for (let i = 0; i < MAX_DAYS && left > 0; i++) {
    day = day.plus({ days: 1 });
    if (spansOf(day, hours).length > 0) left--;
  }
  const spans = spansOf(day, hours);
  const wanted = day.set({ hour: anchor.hour, minute: anchor.minute, second: 0, millisecond: 0 }).toMillis();
  if (spans.length === 0) return wanted;
  // A shorter day (or a lunch break) may not contain the wanted time: fall back to the last
  // closing before it, or the opening if it is before the day starts.
  let best = spans[0]!.start;
  for (const span of spans) {
    if (wanted >= span.start && wanted <= span.end) return wanted;
    if (wanted > span.end) best = span.end;
  }
  return best;
}

/** `start` plus `target` counted in business time. */
export function addBusinessTime(start: number, target: SlaTarget, hours: BusinessHours): number {
  const zone = zoneOf(hours);
  if (!hasAnyOpening(hours)) {
    const at = DateTime.fromMillis(start, { zone });
    return (
      target.unit === 'hours' ? at.plus({ hours: target.value }) : at.plus({ days: target.value })
    ).toMillis();
  }
  if (target.unit === 'hours') return addBusinessMs(start, target.value * HOUR, hours, zone);
  return addBusinessDays(start, target.value, hours, zone);
}

export type SlaPhase = 'firstResponse' | 'resolution';

/** Which clock runs in a status: the first response while new, resolution until resolved. */
export function phaseOf(status: ComplaintStatus): SlaPhase | null {
  if (status === 'new') return 'firstResponse';
  if (status === 'in_progress' || status === 'waiting_customer') return 'resolution';
  return null;
}

export function dueFor(
  createdAt: number,
  severity: Severity,
  phase: SlaPhase,
  targets: SlaTargets,
  hours: BusinessHours,
): number {
  return addBusinessTime(createdAt, targets[severity][phase], hours);
}

/**
 * The clock running for a complaint: a "new" one we have already answered in the thread (our reply
 * was read there) waits for its resolution, not for a first response.
 */
export function clockOf(complaint: Pick<Complaint, 'status' | 'firstResponseAt'>): SlaPhase | null {
  const phase = phaseOf(complaint.status);
  return phase === 'firstResponse' && complaint.firstResponseAt !== null ? 'resolution' : phase;
}

/** The deadline stored as `dueAt`: the running clock's due instant, or null when none runs. */
export function currentDue(
  complaint: Pick<Complaint, 'status' | 'severity' | 'createdAt'> & { firstResponseAt?: number | null },
  targets: SlaTargets,
  hours: BusinessHours,
): number | null {
  const phase = clockOf({ status: complaint.status, firstResponseAt: complaint.firstResponseAt ?? null });
  return phase ? dueFor(complaint.createdAt, complaint.severity, phase, targets, hours) : null;
}

export type SlaState = 'ok' | 'due_soon' | 'breached';

/** SLA state of a stored complaint at `now`; null when no clock runs (resolved, closed). */
export function slaState(
  complaint: Pick<Complaint, 'status' | 'dueAt' | 'createdAt'>,
  now: number,
): { state: SlaState; dueAt: number } | null {
  const { dueAt } = complaint;
  if (dueAt === null || phaseOf(complaint.status) === null) return null;
  if (now > dueAt) return { state: 'breached', dueAt };
  const window = Math.max(dueAt - complaint.createdAt, 0);
  return { state: dueAt - now <= window * AT_RISK_FRACTION ? 'due_soon' : 'ok', dueAt };
}

/** End of the local day of `now` in the business time zone. */
export function endOfBusinessDay(now: number, hours: BusinessHours): number {
  return DateTime.fromMillis(now, { zone: zoneOf(hours) })
    .endOf('day')
    .toMillis();
}

/**
 * Open complaints already breached or due by the end of today (business zone), soonest first — for
 * the popup and the badge. Reads the `dueAt` index only: resolved/closed records have no `dueAt`.
 */
export async function complaintsNeedingAttention(now: number = Date.now()): Promise<Complaint[]> {
  const end = endOfBusinessDay(now, await getBusinessHours());
  const due = await db.complaints.where('dueAt').belowOrEqual(end).toArray();
  return due.filter((c) => phaseOf(c.status) !== null);
}

export async function recomputeDue(complaint: Complaint): Promise<number | null> {
  const [targets, hours] = await Promise.all([getSlaTargets(), getBusinessHours()]);
  return currentDue(complaint, targets, hours);
}
