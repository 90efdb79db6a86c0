import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import * as rruleModule from 'rrule';
import type { GoogleEvent, GraphEvent } from './state';
import { googleEventSpan, graphEventSpan } from './state';
import { graphZone, ianaZone, isoInZone, graphLocal } from './timezones';

// Recurring series as the services expand them. A series repeats in wall-clock time of its zone
// (RFC 5545 §3.3.10: a weekly 10:00 meeting stays at 10:00 across a daylight-saving change), so
// rules run on "floating" times (wall time written as UTC) and each occurrence is placed in the
// zone afterwards.

// rrule's package `main` is a UMD build: Node's ESM loader (tsx: `npm run sandbox`, the demo, the
// bench) sees only a default export, Vite's resolver takes its ESM build with named exports.
const RRule: typeof rruleModule.RRule =
  rruleModule.RRule ?? (rruleModule as unknown as { default: typeof rruleModule }).default.RRule;

const MAX_OCCURRENCES = 500;

/** Start instants of a rule's occurrences whose span overlaps [from, to). */
function starts(
  rule: string,
  firstStart: number,
  durationMs: number,
  zone: string,
  from: number,
  to: number,
): number[] {
  const wall = DateTime.fromMillis(firstStart, { zone });
  const floating = DateTime.fromObject(wall.toObject(), { zone: 'utc' }).toJSDate();
  const parsed = RRule.fromString(rule.replace(/^RRULE:/i, ''));
  const recur = new RRule({ ...parsed.origOptions, dtstart: floating });
  const out: number[] = [];
  const dayMs = 86_400_000;
  for (const date of recur.between(new Date(from - durationMs - 2 * dayMs), new Date(to + 2 * dayMs), true)) {
    const f = DateTime.fromJSDate(date, { zone: 'utc' });
    const at = DateTime.fromObject(
      { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second },
      { zone },
    ).toMillis();
    if (at < to && at + durationMs > from) out.push(at);
    if (out.length >= MAX_OCCURRENCES) break;
  }
  return out;
}

const basic = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * Google events.list with singleEvents=true: a recurring event becomes its instances, each with
 * `recurringEventId` and `originalStartTime` and an id `<series>_<start in UTC>` (events resource).
 */
export function expandGoogle(
  events: GoogleEvent[],
  calendarZone: string,
  from: number,
  to: number,
): GoogleEvent[] {
  const out: GoogleEvent[] = [];
  for (const event of events) {
    const rule = event.recurrence?.find((r) => /^RRULE:/i.test(r));
    if (!rule || event.status === 'cancelled') {
      out.push(event);
      continue;
    }
    const span = googleEventSpan(event, calendarZone);
    const zone = ianaZone(event.start?.timeZone) ?? calendarZone;
    const { recurrence: _r, ...rest } = event;
    for (const at of starts(rule, span.start, span.end - span.start, zone, from, to)) {
      out.push({
        ...rest,
        id: `${event.id}_${basic(at)}`,
        recurringEventId: event.id ?? null,
        originalStartTime: { dateTime: isoInZone(at, zone), timeZone: zone },
        start: { dateTime: isoInZone(at, zone), timeZone: zone },
        end: { dateTime: isoInZone(at + span.end - span.start, zone), timeZone: zone },
      });
    }
  }
  return out;
}

/** Graph patternedRecurrence (daily / weekly, numbered / endDate / noEnd) as an RRULE. */
function graphRule(recurrence: MicrosoftGraph.PatternedRecurrence): string | undefined {
  const { pattern, range } = recurrence;
  const freq = pattern?.type === 'daily' ? 'DAILY' : pattern?.type === 'weekly' ? 'WEEKLY' : undefined;
  if (!freq) return undefined;
  const parts = [`FREQ=${freq}`, `INTERVAL=${pattern?.interval ?? 1}`];
  if (freq === 'WEEKLY' && pattern?.daysOfWeek?.length) {
    parts.push(`BYDAY=${pattern.daysOfWeek.map((d) => (d ?? '').slice(0, 2).toUpperCase()).join(',')}`);
  }
  if (range?.type === 'numbered') parts.push(`COUNT=${range.numberOfOccurrences ?? 1}`);
  if (range?.type === 'endDate' && range.endDate)
    parts.push(`UNTIL=${range.endDate.replace(/-/g, '')}T235959Z`);
  return parts.join(';');
}

/**
 * Graph calendarView: a series master is never listed itself; its occurrences are, each with
 * `type: 'occurrence'` and `seriesMasterId` (event resource; "List calendarView").
 */
export function expandGraph(
  events: GraphEvent[],
  mailboxZone: string,
  from: number,
  to: number,
): GraphEvent[] {
  const out: GraphEvent[] = [];
  for (const event of events) {
    const rule = event.type === 'seriesMaster' && event.recurrence ? graphRule(event.recurrence) : undefined;
    if (!rule) {
      out.push(event);
      continue;
    }
    const span = graphEventSpan(event, mailboxZone);
    const zone = graphZone(event.start?.timeZone) ?? mailboxZone;
    const name = event.start?.timeZone ?? 'UTC';
    starts(rule, span.start, span.end - span.start, zone, from, to).forEach((at) => {
      out.push({
        ...event,
        id: `${event.id}_occ${basic(at)}`,
        type: 'occurrence',
        seriesMasterId: event.id ?? null,
        recurrence: null,
        start: { dateTime: graphLocal(at, zone), timeZone: name },
        end: { dateTime: graphLocal(at + span.end - span.start, zone), timeZone: name },
      });
    });
  }
  return out;
}
