import { DateTime } from 'luxon';
import type { AgendaCacheEntry } from '../../services/db/db';
import type { AgendaEvent } from '../../services/calendar/types';
import type { AgendaDay } from '../../services/agenda/merge';
import { defaultProfile } from '../../services/profile-defaults';
import { formatDateTime, formatNumber, t } from '../../services/i18n';

// What the popup needs to paint the day at a glance, without Dexie or zod (first paint): the parts of
// the stored business profile it reads, whether free time can be trusted, and the next-meeting line.

type Range = { start: string; end: string };

export interface GlanceProfile {
  timeZone: string;
  /** By ISO weekday, several ranges a day when the business closes at midday. */
  workingHours: Record<string, Range[]>;
}

const HHMM = /^\d\d:\d\d$/;

function isZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isWeek(value: unknown): value is Record<string, Range[]> {
  if (!value || typeof value !== 'object') return false;
  return Object.values(value).every(
    (ranges) =>
      Array.isArray(ranges) &&
      ranges.every(
        (r: unknown) =>
          typeof r === 'object' &&
          r !== null &&
          HHMM.test(String((r as Range).start)) &&
          HHMM.test(String((r as Range).end)),
      ),
  );
}

/** The stored profile's zone and hours, each falling back to the default when missing or malformed. */
export function glanceProfile(stored: unknown): GlanceProfile {
  const fallback = defaultProfile();
  const value = (stored && typeof stored === 'object' ? stored : {}) as Partial<GlanceProfile>;
  return {
    timeZone: isZone(value.timeZone) ? value.timeZone : fallback.timeZone,
    workingHours: isWeek(value.workingHours) ? value.workingHours : fallback.workingHours,
  };
}

/**
 * Free time is only claimed from calendars actually read: at least one cached calendar, none of them
 * failing (a failed provider keeps stale events, so its "free" may be taken).
 */
export function freeTimeKnown(entries: Pick<AgendaCacheEntry, 'error'>[]): boolean {
  return entries.length > 0 && entries.every((e) => !e.error);
}

export type TimelineItem =
  | { kind: 'event'; start: number; item: AgendaDay['timed'][number] }
  | { kind: 'gap'; start: number; end: number };

/** A day's timed events and free gaps in one list, in time order (a gap sorts before an event at its end). */
export function timeline(day: AgendaDay): TimelineItem[] {
  return [
    ...day.timed.map((item) => ({ kind: 'event' as const, start: item.event.startMs, item })),
    ...day.gaps.map((g) => ({ kind: 'gap' as const, start: g.start, end: g.end })),
  ].sort((a, b) => a.start - b.start || (a.kind === 'gap' ? -1 : 1));
}

/**
 * "Next meeting in 25 min", "in 2 h 10 min", "at 9:00 tomorrow", "on Tuesday 3 December at 9:00":
 * relative under three hours, a clock time after that (nobody counts 526 minutes).
 */
export function nextMeetingText(
  next: { event: AgendaEvent; ongoing: boolean },
  now: number,
  zone: string,
): string {
  const title = next.event.title || t('noTitle');
  if (next.ongoing) return t('meetingNow', title);
  const minutes = Math.max(0, Math.round((next.event.startMs - now) / 60_000));
  if (minutes < 60) return t('nextMeetingIn', formatNumber(minutes), title);
  if (minutes < 180) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0
      ? t('nextMeetingInHours', formatNumber(h), title)
      : t('nextMeetingInHoursMinutes', formatNumber(h), formatNumber(m), title);
  }
  const clock = formatDateTime(next.event.startMs, { timeStyle: 'short' }, zone);
  const days = Math.round(
    DateTime.fromMillis(next.event.startMs, { zone })
      .startOf('day')
      .diff(DateTime.fromMillis(now, { zone }).startOf('day'), 'days').days,
  );
  if (days === 0) return t('nextMeetingToday', clock, title);
  if (days === 1) return t('nextMeetingTomorrow', clock, title);
  const date = formatDateTime(next.event.startMs, { weekday: 'long', day: 'numeric', month: 'long' }, zone);
  return t('nextMeetingOn', date, clock, title);
}
