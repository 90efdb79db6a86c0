import { DateTime } from 'luxon';
import type { AgendaEvent } from '../calendar/types';

// The popup's day at a glance, computed from the cached events of every connected calendar:
// merged, ordered, overlaps flagged, free gaps within working hours, the next meeting.

export interface AgendaItem {
  event: AgendaEvent;
  /** Ids of other items it overlaps with (conflicts). */
  conflicts: string[];
}

export interface AgendaDay {
  /** yyyy-mm-dd in the manager's zone. */
  date: string;
  allDay: AgendaItem[];
  timed: AgendaItem[];
  /** Free stretches within working hours (closures excluded) that fit at least `minGapMinutes`. */
  gaps: { start: number; end: number }[];
}

/** An event that takes the manager's time (used for conflicts and gaps). */
function blocks(e: AgendaEvent): boolean {
  return e.status !== 'cancelled' && e.myResponse !== 'declined' && e.showAs !== 'free';
}

/** Same meeting seen through two calendars (e.g. shared calendar + own): keep one. */
function dedupe(events: AgendaEvent[]): AgendaEvent[] {
  const seen = new Map<string, AgendaEvent>();
  for (const e of events) {
    const key = `${e.provider}:${e.id}`;
    if (!seen.has(key)) seen.set(key, e);
  }
  return [...seen.values()];
}

export function buildAgenda(options: {
  events: AgendaEvent[];
  zone: string;
  from: number;
  days: number;
  /**
   * Opening hours by ISO weekday ('1' = Monday), several ranges a day when the business closes at
   * midday (the business profile's shape). `null` when no calendar could be read: then nothing is
   * known to be free and no gap is listed.
   */
  workingHours: Record<string, { start: string; end: string }[]> | null;
  now: number;
  minGapMinutes?: number;
}): AgendaDay[] {
  const { zone, workingHours, now } = options;
  const minGap = (options.minGapMinutes ?? 30) * 60_000;
  const events = dedupe(options.events)
    .filter((e) => e.status !== 'cancelled')
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || a.title.localeCompare(b.title));
  const first = DateTime.fromMillis(options.from, { zone }).startOf('day');
  const result: AgendaDay[] = [];

  for (let i = 0; i < options.days; i++) {
    const day = first.plus({ days: i });
    const dayStart = day.toMillis();
    const dayEnd = day.plus({ days: 1 }).toMillis();
    const date = day.toISODate()!;
    // All-day events are dates, not instants: compare their date strings with the day's.
    const allDay = events
      .filter((e) => e.allDay && e.start.slice(0, 10) <= date && e.end.slice(0, 10) > date)
      .map((event) => ({ event, conflicts: [] }));
    const timedEvents = events.filter((e) => !e.allDay && e.startMs < dayEnd && e.endMs > dayStart);
    const timed = timedEvents.map((event) => ({
      event,
      conflicts: blocks(event)
        ? timedEvents
            .filter((o) => o !== event && blocks(o) && o.startMs < event.endMs && o.endMs > event.startMs)
            .map((o) => `${o.provider}:${o.id}`)
        : [],
    }));
    result.push({
      date,
      allDay,
      timed,
      gaps: workingHours
        ? (workingHours[String(day.weekday)] ?? []).flatMap((range) =>
            gapsOf(day, timedEvents.filter(blocks), range, now, minGap),
          )
        : [],
    });
  }
  return result;
}

function gapsOf(
  day: DateTime,
  busy: AgendaEvent[],
  hours: { start: string; end: string },
  now: number,
  minGap: number,
): { start: number; end: number }[] {
  const [sh, sm] = hours.start.split(':').map(Number);
  const [eh, em] = hours.end.split(':').map(Number);
  let cursor = Math.max(day.set({ hour: sh, minute: sm }).toMillis(), now);
  const close = day.set({ hour: eh, minute: em }).toMillis();
  const gaps: { start: number; end: number }[] = [];
  for (const e of busy) {
    if (e.startMs > cursor && Math.min(e.startMs, close) - cursor >= minGap)
      gaps.push({ start: cursor, end: Math.min(e.startMs, close) });
    cursor = Math.max(cursor, e.endMs);
    if (cursor >= close) break;
  }
  if (close - cursor >= minGap) gaps.push({ start: cursor, end: close });
  return gaps;
}

/** The next timed meeting that has not started yet (or is under way), for "next meeting in 12 min". */
export function nextMeeting(
  events: AgendaEvent[],
  now: number,
): { event: AgendaEvent; inMinutes: number; ongoing: boolean } | null {
  const upcoming = events
    .filter((e) => !e.allDay && e.status !== 'cancelled' && e.myResponse !== 'declined' && e.endMs > now)
    .sort((a, b) => a.startMs - b.startMs)[0];
  if (!upcoming) return null;
  return {
    event: upcoming,
    inMinutes: Math.max(0, Math.round((upcoming.startMs - now) / 60_000)),
    ongoing: upcoming.startMs <= now,
  };
}
