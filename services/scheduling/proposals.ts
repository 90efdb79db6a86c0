import { DateTime } from 'luxon';
import type { ExtractedDate } from '../assistant/types';
import type { ProposedTime } from '../calendar/slots';
import { dayPartNear } from './day-parts';

export type ProposalKind = 'exact' | 'range' | 'part' | 'day';

/** One time the customer proposed, with what they wrote. */
export interface CustomerProposal {
  time: ProposedTime;
  kind: ProposalKind;
  /** The customer's words ("Wednesday morning", "el martes a las 10"). */
  text: string;
}

export interface ProposalOptions {
  /** Text of each message by id, to read the part of day written beside a date. */
  texts?: ReadonlyMap<string, string>;
  /**
   * The customer's zone: the wall-clock times they wrote are theirs ("3pm" from London is 3pm in
   * London), whatever zone the dates were first read in.
   */
  customerZone?: string;
}

/**
 * Times the customer proposed, as the slot finder wants them: a sure time is an instant; a day
 * with a part of day ("Wednesday morning") is that range, as sure as the customer said it; a bare
 * day ("el martes") is the whole day, marked uncertain so sure times rank first. Past ones are
 * dropped.
 */
export function readProposals(
  dates: readonly ExtractedDate[],
  now: number,
  options: ProposalOptions = {},
): CustomerProposal[] {
  const out: CustomerProposal[] = [];
  for (const d of dates) {
    const zone = options.customerZone ?? d.zone;
    const rezone = (iso: string) => {
      const read = DateTime.fromISO(iso, { zone: d.zone });
      return zone === d.zone ? read : read.setZone(zone, { keepLocalTime: true });
    };
    if (d.timeCertain) {
      const start = rezone(d.start).toMillis();
      if (Number.isNaN(start)) continue;
      const end = d.end ? rezone(d.end).toMillis() : NaN;
      if ((Number.isNaN(end) ? start : end) <= now) continue;
      const ranged = !Number.isNaN(end) && end > start;
      out.push({ time: ranged ? { start, end } : { start }, kind: ranged ? 'range' : 'exact', text: d.text });
      continue;
    }
    const day = DateTime.fromISO(d.day, { zone });
    if (!day.isValid) continue;
    const text = d.messageId ? options.texts?.get(d.messageId) : undefined;
    const part = text ? dayPartNear(text, d.text) : null;
    if (part) {
      const [sh, sm] = part.start.split(':').map(Number);
      const [eh, em] = part.end.split(':').map(Number);
      const start = day.set({ hour: sh, minute: sm }).toMillis();
      const end = day.set({ hour: eh, minute: em }).toMillis();
      if (end <= now) continue;
      const words = d.text.includes(part.text) ? d.text : joinWords(text!, d.text, part.text);
      out.push({ time: { start, end }, kind: 'part', text: words });
      continue;
    }
    const dayEnd = day.plus({ days: 1 }).toMillis();
    if (dayEnd <= now) continue;
    out.push({ time: { start: day.toMillis(), end: dayEnd, uncertain: true }, kind: 'day', text: d.text });
  }
  return out;
}

/** "Wednesday" + "morning" as the customer wrote them together ("Wednesday morning"). */
function joinWords(text: string, date: string, part: string): string {
  const a = text.indexOf(date);
  const b = text.indexOf(part, Math.max(0, a - 30));
  if (a < 0 || b < 0) return `${date} ${part}`;
  const from = Math.min(a, b);
  const to = Math.max(a + date.length, b + part.length);
  return to - from <= date.length + part.length + 12 ? text.slice(from, to) : `${date} ${part}`;
}

/** The proposals as bare times (see readProposals). */
export function proposalsFrom(
  dates: readonly ExtractedDate[],
  now: number,
  options: ProposalOptions = {},
): ProposedTime[] {
  return readProposals(dates, now, options).map((p) => p.time);
}

const DURATION = /\b(\d{1,3}|media|half an?|una|an?|one)\s*(minutos?|mins?|minutes?|horas?|hours?|hrs?|h)\b/i;

/** "30 minutos", "una hora", "half an hour", "1h" → minutes; null when the text says nothing. */
export function durationFrom(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const unit = m[2]!.toLowerCase();
  const hours = unit.startsWith('h');
  const n = /^\d+$/.test(word) ? Number(word) : word === 'media' || word.startsWith('half') ? 0.5 : 1;
  const minutes = hours ? n * 60 : n;
  return minutes >= 10 && minutes <= 8 * 60 ? Math.round(minutes) : null;
}
