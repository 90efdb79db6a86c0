import { DateTime } from 'luxon';
import type { ExtractedDate } from '../assistant/types';
import type { ProposedTime } from '../calendar/slots';

/**
 * Times the customer proposed, as the slot finder wants them: a sure time is an instant; a day
 * without a time ("el martes") is that whole day, marked uncertain so sure times rank first.
 * Past dates are dropped.
 */
export function proposalsFrom(dates: readonly ExtractedDate[], now: number): ProposedTime[] {
  const out: ProposedTime[] = [];
  for (const d of dates) {
    const start = Date.parse(d.start);
    if (Number.isNaN(start)) continue;
    if (d.timeCertain) {
      const end = d.end ? Date.parse(d.end) : NaN;
      if ((Number.isNaN(end) ? start : end) <= now) continue;
      out.push(Number.isNaN(end) || end <= start ? { start } : { start, end });
      continue;
    }
    const day = DateTime.fromISO(d.day, { zone: d.zone });
    if (!day.isValid) continue;
    const dayEnd = day.plus({ days: 1 }).toMillis();
    if (dayEnd <= now) continue;
    out.push({ start: day.toMillis(), end: dayEnd, uncertain: true });
  }
  return out;
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
