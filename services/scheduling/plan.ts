import { DateTime } from 'luxon';
import type { Analysis } from '../assistant/types';
import type { Contact } from '../db/db';
import type { CalendarProvider, ProviderKind, UnknownReason } from '../calendar/types';
import { findSlots, workingWindows, type Slot } from '../calendar/slots';
import type { ThreadSnapshot } from '../mail-sites/types';
import { weeklyHours, type BusinessProfile } from '../profile';
import { durationFrom, readProposals, type CustomerProposal } from './proposals';

// Everything the side panel needs to offer meeting times for a thread: which calendar books,
// whose free/busy counts, how long, and the ranked free slots.

export interface BookingTarget {
  provider: ProviderKind;
  /** Calendar the event is created in. */
  calendarId: string;
  /** Id free/busy is asked for (Google: calendar id; Microsoft: the manager's SMTP address). */
  availabilityId: string;
}

export function bookingTarget(profile: BusinessProfile, connected: ProviderKind[]): BookingTarget | null {
  const chosen = profile.bookingCalendar;
  const provider = chosen && connected.includes(chosen.provider) ? chosen.provider : connected[0];
  if (!provider) return null;
  const calendarId = chosen?.provider === provider ? chosen.calendarId : 'primary';
  const availabilityId =
    provider === 'google' ? calendarId : profile.managerEmail || (calendarId !== 'primary' ? calendarId : '');
  return availabilityId ? { provider, calendarId, availabilityId } : null;
}

/** Staff whose calendars the target provider can read (same provider, or not said). */
export function staffFor(target: BookingTarget, staff: Contact[]): Contact[] {
  return staff.filter((s) => s.kind === 'staff' && (s.provider === null || s.provider === target.provider));
}

export function suggestedDuration(
  analysis: Analysis,
  latestCustomerText: string,
  profile: BusinessProfile,
): number {
  return durationFrom(latestCustomerText) ?? profile.meetingMinutes ?? 30;
}

/** Why a time the customer proposed is not among the free slots. */
export type Unavailable = 'busy' | 'past' | 'too-soon' | 'beyond' | 'closed' | 'outside-hours' | 'no-free';

export interface ProposalOutcome {
  proposal: CustomerProposal;
  /** Absent when the proposal is free (it is then among the slots). */
  unavailable?: Unavailable;
  /** Nearest free slots to it, in time order, when it is not free. */
  alternatives: Slot[];
}

export interface SlotSearch {
  /** Offered slots in time order; those inside what the customer proposed are kept first. */
  slots: Slot[];
  /** Calendars whose free/busy could not be read (left out of the search, said in the UI). */
  unknown: string[];
  /** Why, for the unknown ids whose reason the provider knows. */
  reasons: Partial<Record<string, UnknownReason>>;
  /** Each time or part of day the customer proposed, and what became of it. */
  proposals: ProposalOutcome[];
}

/** Slots kept for the list, and alternatives shown per unavailable proposal. */
const SHOWN = 6;
const ALTERNATIVES = 3;

/** Message texts by id: what `readProposals` reads parts of day from. */
function textsOf(snapshot: ThreadSnapshot | undefined): Map<string, string> {
  return new Map((snapshot?.messages ?? []).map((m) => [m.id, m.text]));
}

export async function searchSlots(options: {
  provider: CalendarProvider;
  target: BookingTarget;
  staff: Contact[];
  analysis: Analysis;
  profile: BusinessProfile;
  durationMin: number;
  customerZone: string;
  locale: string;
  /** The thread, to read parts of day written beside the customer's dates. */
  snapshot?: ThreadSnapshot;
  now?: number;
  days?: number;
}): Promise<SlotSearch> {
  const { provider, target, staff, analysis, profile } = options;
  const now = options.now ?? Date.now();
  const start = DateTime.fromMillis(now, { zone: profile.timeZone }).startOf('day').toMillis();
  const range = {
    start,
    end: DateTime.fromMillis(start, { zone: profile.timeZone })
      .plus({ days: options.days ?? 14 })
      .toMillis(),
  };
  const ids = [target.availabilityId, ...staff.map((s) => s.calendarId ?? s.email)];
  const busy = await provider.busy(ids, range);
  // Holidays block the whole day.
  const holidays = profile.holidays.map((day) => {
    const d = DateTime.fromISO(day, { zone: 'utc' });
    return {
      start: d.toMillis(),
      end: d.plus({ days: 1 }).toMillis(),
      status: 'busy' as const,
      allDay: true,
    };
  });
  if (holidays.length) busy.set('__holidays', holidays);
  const proposals = readProposals(analysis.facts.dates, now, {
    texts: textsOf(options.snapshot),
    customerZone: options.customerZone,
  });
  const query = {
    busy,
    managerId: target.availabilityId,
    timeZone: profile.timeZone,
    customerTimeZone: options.customerZone,
    workingHours: weeklyHours(profile),
    durationMin: options.durationMin,
    stepMin: 15,
    range,
    now,
    minNoticeMin: profile.minNoticeMinutes,
    bufferBeforeMin: profile.bufferMinutes,
    bufferAfterMin: profile.bufferMinutes,
    proposals: proposals.map((p) => p.time),
    locale: options.locale,
  };
  // Every free slot of the range (ranked), so a proposal that is not free can show its nearest.
  const all = findSlots({ ...query, maxResults: 10_000 });
  const chosen = pickSlots(all);
  const outcomes = proposals.map((proposal, index) =>
    outcomeOf(proposal, index, all, {
      now,
      earliest: now + profile.minNoticeMinutes * 60_000,
      range,
      durationMs: options.durationMin * 60_000,
      closed: holidays,
      zone: profile.timeZone,
      windows: workingWindows(profile.timeZone, weeklyHours(profile), range),
    }),
  );
  const unknown = ids.filter((id) => !busy.has(id));
  const reasons: Partial<Record<string, UnknownReason>> = {};
  for (const id of unknown) {
    const reason = busy.reasons?.get(id);
    if (reason) reasons[id] = reason;
  }
  return { slots: chosen, unknown, reasons, proposals: outcomes };
}

/** The best ranked slots (the customer's proposals first), shown in time order. */
function pickSlots(ranked: Slot[]): Slot[] {
  return ranked.slice(0, SHOWN).sort((a, b) => a.start - b.start);
}

interface OutcomeContext {
  now: number;
  earliest: number;
  range: { start: number; end: number };
  durationMs: number;
  /** Whole days the business is closed (holidays). */
  closed: { start: number; end: number }[];
  /** The business zone: working days are its days. */
  zone: string;
  windows: { start: number; end: number }[];
}

function nearest(all: Slot[], at: number): Slot[] {
  return [...all]
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at) || a.start - b.start)
    .slice(0, ALTERNATIVES)
    .sort((a, b) => a.start - b.start);
}

function outcomeOf(
  proposal: CustomerProposal,
  index: number,
  all: Slot[],
  ctx: OutcomeContext,
): ProposalOutcome {
  const inside = all.some((s) => s.proposalIndex === index && s.proposalMatch <= 1);
  if (proposal.kind === 'day') {
    // A bare day is a hint, not a time: it has an outcome only when nothing that day is free.
    const free = all.some((s) => s.proposalIndex === index);
    return free
      ? { proposal, alternatives: [] }
      : { proposal, unavailable: 'no-free', alternatives: nearest(all, proposal.time.start) };
  }
  if (inside) return { proposal, alternatives: [] };
  const start = proposal.time.start;
  const end = proposal.time.end ?? start + ctx.durationMs;
  const alternatives = nearest(all, start);
  const day = DateTime.fromMillis(start, { zone: ctx.zone }).startOf('day');
  const dayEnd = day.plus({ days: 1 }).toMillis();
  const workday = ctx.windows.some((w) => w.start < dayEnd && w.end > day.toMillis());
  const holiday = ctx.closed.some((c) => c.start <= start && c.end >= Math.min(end, dayEnd));
  let unavailable: Unavailable;
  if (end <= ctx.now) unavailable = 'past';
  else if (proposal.kind === 'exact' && start < ctx.earliest) unavailable = 'too-soon';
  else if (start >= ctx.range.end) unavailable = 'beyond';
  else if (holiday || !workday) unavailable = 'closed';
  else if (proposal.kind !== 'exact') unavailable = 'no-free';
  else if (!ctx.windows.some((w) => start >= w.start && end <= w.end)) unavailable = 'outside-hours';
  else unavailable = 'busy';
  return { proposal, unavailable, alternatives };
}
