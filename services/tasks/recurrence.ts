import { DateTime } from 'luxon';
import * as rruleModule from 'rrule';
import type { Options as RRuleOptions, Weekday } from 'rrule';

// Recurring tasks as RFC 5545 rules (rrule evaluates them). A rule repeats in the wall-clock time of
// the business's zone (RFC 5545 §3.3.10: "every Monday at 9:00" stays at 9:00 local across a
// daylight-saving change), so rrule runs on "floating" times — wall time written as UTC — and each
// occurrence is placed in the zone afterwards with luxon (the sandbox's recurrence does the same).
// Occurrences are only ever computed in bounded windows and one at a time: a daily rule with no end
// has no list of instances anywhere.

// rrule's package `main` is a UMD build: Node's ESM loader sees only a default export, Vite's
// resolver takes its ESM build with named exports (see sandbox/recurrence.ts).
const RRule: typeof rruleModule.RRule =
  rruleModule.RRule ?? (rruleModule as unknown as { default: typeof rruleModule }).default.RRule;

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'yearly';

/** A weekday by ISO number (1 = Monday … 7 = Sunday); `nth` in monthly rules (1…4, -1 = last). */
export interface RuleWeekday {
  day: number;
  nth?: number;
}

export interface RuleTime {
  hour: number;
  minute: number;
}

/** A rule in the shape the phrase parser and the editor produce; `toRule` writes it as RFC 5545. */
export interface RuleParts {
  freq: Frequency;
  interval: number;
  weekdays: RuleWeekday[];
  /** Days of the month, 1…31 or -1 for the last day. */
  monthDays: number[];
  months: number[];
  /** Times of day; none means an all-day task. */
  times: RuleTime[];
}

export const WEEKDAYS_MON_FRI: RuleWeekday[] = [1, 2, 3, 4, 5].map((day) => ({ day }));

const FREQ_CODE: Record<Frequency, string> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
};
const DAY_CODE = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export function emptyParts(freq: Frequency = 'weekly'): RuleParts {
  return { freq, interval: 1, weekdays: [], monthDays: [], months: [], times: [] };
}

const sortedTimes = (times: RuleTime[]) =>
  [...times].sort((a, b) => a.hour * 60 + a.minute - (b.hour * 60 + b.minute));

/**
 * The RRULE value ("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0"). Several times of day share their
 * minutes in RFC 5545 (BYHOUR × BYMINUTE), so "8:00 and 20:30" is kept as its hours with the first
 * time's minutes; the editor and the parser only offer times that fit.
 */
export function toRule(parts: RuleParts): string {
  const out = [`FREQ=${FREQ_CODE[parts.freq]}`];
  if (parts.interval > 1) out.push(`INTERVAL=${Math.floor(parts.interval)}`);
  if (parts.months.length) out.push(`BYMONTH=${parts.months.join(',')}`);
  if (parts.monthDays.length) out.push(`BYMONTHDAY=${parts.monthDays.join(',')}`);
  if (parts.weekdays.length)
    out.push(`BYDAY=${parts.weekdays.map((w) => `${w.nth ?? ''}${DAY_CODE[w.day - 1]}`).join(',')}`);
  const times = sortedTimes(parts.times);
  if (times.length) {
    out.push(`BYHOUR=${[...new Set(times.map((t) => t.hour))].join(',')}`);
    out.push(`BYMINUTE=${[...new Set(times.map((t) => t.minute))].join(',')}`);
  }
  return out.join(';');
}

const asArray = <T>(value: T | T[] | null | undefined): T[] =>
  value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Reads an RRULE value back into parts (unknown parts are dropped). Throws on a malformed rule. */
export function fromRule(rule: string): RuleParts {
  const options = parseOptions(rule);
  const freq = (Object.keys(FREQ_CODE) as Frequency[]).find(
    (f) => RRule[FREQ_CODE[f] as 'DAILY'] === options.freq,
  );
  if (!freq) throw new RecurrenceError('unsupported');
  const weekdays = asArray(options.byweekday as Weekday | Weekday[] | number | number[] | null).map((w) =>
    typeof w === 'number' ? { day: w + 1 } : w.n ? { day: w.weekday + 1, nth: w.n } : { day: w.weekday + 1 },
  );
  const hours = asArray(options.byhour);
  const minutes = asArray(options.byminute);
  const times = hours.flatMap((hour) => (minutes.length ? minutes : [0]).map((minute) => ({ hour, minute })));
  return {
    freq,
    interval: options.interval ?? 1,
    weekdays,
    monthDays: asArray(options.bymonthday),
    months: asArray(options.bymonth),
    times: sortedTimes(times),
  };
}

export type RecurrenceProblem = 'never' | 'unsupported' | 'malformed';

/** A rule the product refuses, with a reason the UI turns into words. */
export class RecurrenceError extends Error {
  constructor(readonly problem: RecurrenceProblem) {
    super(`Recurrence rule refused: ${problem}`);
  }
}

function parseOptions(rule: string): Partial<RRuleOptions> {
  try {
    return RRule.parseString(rule.replace(/^RRULE:/i, ''));
  } catch {
    throw new RecurrenceError('malformed');
  }
}

/** Where a rule starts and runs: the first local day and the business's zone. */
export interface Anchor {
  rule: string;
  /** IANA zone (the business profile's). */
  zone: string;
  /** First local day the rule may occur on, "YYYY-MM-DD". */
  start: string;
}

/** An all-day task carries 9:00 of its day (as quick add does). */
const ALL_DAY_HOUR = 9;
const YEAR_MS = 366 * 86_400_000;
/** Search window for the next occurrence: eight years holds every 29 February. */
const SEARCH_MS = 8 * YEAR_MS;

const cache = new Map<string, rruleModule.RRule>();

function engine(anchor: Anchor): rruleModule.RRule {
  const key = `${anchor.rule}|${anchor.start}`;
  let found = cache.get(key);
  if (!found) {
    const [y, m, d] = anchor.start.split('-').map(Number) as [number, number, number];
    const options = parseOptions(anchor.rule);
    const timed = asArray(options.byhour).length > 0;
    found = new RRule({ ...options, dtstart: new Date(Date.UTC(y, m - 1, d, timed ? 0 : ALL_DAY_HOUR)) });
    if (cache.size > 200) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/** Wall time in `zone` as a floating Date (its UTC fields are the local ones). */
function floating(ms: number, zone: string): Date {
  const w = DateTime.fromMillis(ms, { zone });
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** The real instant of a floating occurrence in `zone` (a time in a spring-forward gap moves on). */
function instant(date: Date, zone: string): number {
  const f = DateTime.fromJSDate(date, { zone: 'utc' });
  return DateTime.fromObject(
    { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second },
    { zone },
  ).toMillis();
}

/** The first occurrence strictly after `after` (or at it when `inclusive`), or null within eight years. */
export function nextOccurrence(anchor: Anchor, after: number, inclusive = false): number | null {
  const from = floating(after, anchor.zone);
  const found = engine(anchor).between(
    from,
    new Date(from.getTime() + SEARCH_MS),
    inclusive,
    (_, i) => i < 1,
  );
  return found[0] ? instant(found[0], anchor.zone) : null;
}

/** Occurrences in (from, to], at most `limit` of them, earliest first. */
export function occurrencesBetween(anchor: Anchor, from: number, to: number, limit = 100): number[] {
  if (to <= from) return [];
  const found = engine(anchor).between(
    floating(from, anchor.zone),
    floating(to, anchor.zone),
    true,
    // One more: the window includes its start, which is then left out.
    (_, i) => i <= limit,
  );
  return found
    .map((d) => instant(d, anchor.zone))
    .filter((ms) => ms > from && ms <= to)
    .slice(0, limit);
}

/**
 * Checks that a rule is well formed and occurs at least once in the eight years from `now`
 * ("every 30 February" never does). Throws a RecurrenceError otherwise.
 */
export function assertOccurs(anchor: Anchor, now: number): number {
  const first = nextOccurrence(anchor, now, true);
  if (first === null) throw new RecurrenceError('never');
  return first;
}

/** Whether a rule's occurrences carry times (else each is an all-day task at 9:00). */
export function isTimed(rule: string): boolean {
  return asArray(parseOptions(rule).byhour).length > 0;
}

/** The local day of `ms` in `zone`, "YYYY-MM-DD" (a rule's start). */
export function localDay(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate()!;
}
