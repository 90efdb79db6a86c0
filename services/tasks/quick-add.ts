import type * as chrono from 'chrono-node';
// Only the two locales we read: the package's main entry bundles all sixteen (~200 KB).
import * as chronoEn from 'chrono-node/en';
import * as chronoEs from 'chrono-node/es';
import { DateTime } from 'luxon';
import type { Priority } from '../db/db';
import { findRecurrence } from './recurrence-phrases';
import {
  assertOccurs,
  localDay,
  RecurrenceError,
  toRule,
  type Anchor,
  type RecurrenceProblem,
} from './recurrence';

export interface QuickTask {
  title: string;
  dueAt: number | null;
  /** True when only a date was given ("el viernes"), no time of day. */
  dueAllDay: boolean;
  /** Only when typed: "!", "!!", "urgente", "urgent", "!baja", "!low"… */
  priority?: Priority;
  /** A "#name" word: the list the caller should match ("#hoy", "#seguimientos"). */
  listHint?: string;
  /** "recordar 30 min antes" / "remind 1h before": an instant before the due time. */
  remindAt?: number;
  /** A part of the day that was typed ("por la tarde", "at noon"): the due time is its start. */
  dayPart?: DayPart;
  /** A schedule that was typed ("cada lunes a las 9:00"): the task repeats; `dueAt` is its first time. */
  recurrence?: Anchor;
  /** A schedule was typed but cannot be kept ("every 30th of February"): nothing is due. */
  recurrenceError?: RecurrenceProblem;
}

export type DayPart = 'morning' | 'noon' | 'afternoon' | 'evening';

export interface QuickAddOptions {
  /** IANA zone the typed times are in; the browser's own by default. */
  zone?: string;
  /**
   * IANA zone a typed schedule runs in (the business's: "cada lunes a las 9:00" is 9:00 at the
   * shop, across daylight-saving changes); `zone` by default.
   */
  recurrenceZone?: string;
  /**
   * How the UI's locale writes numeric dates: day first ("12/10" = 12 October: Spanish, en-GB) or
   * month first ("12/10" = December 10: en-US). Day first by default.
   */
  dayFirst?: boolean;
}

/**
 * The hours a part of the day stands for. The due time is the start, so a reminder comes before
 * the window opens; the end tells when the window is over (and "por la tarde" means tomorrow).
 */
export const DAY_PART_HOURS: Record<DayPart, { from: number; to: number }> = {
  morning: { from: 9, to: 12 },
  noon: { from: 12, to: 14 },
  afternoon: { from: 16, to: 20 },
  evening: { from: 20, to: 22 },
};

// Read before the date parser: "mañana" alone is tomorrow, "por la mañana" is the morning; chrono
// reads the latter as tomorrow and leaves "por la" in the title. "esta tarde"/"tonight" also say the
// day (today). After an hour ("a las 5 de la tarde") the part says which half of the day it is in.
const DAY_PARTS: { part: DayPart; re: RegExp; today?: true }[] = [
  { part: 'morning', re: /(?:^|\s)(?:esta\s+mañana|this\s+morning)(?=\s|$)/i, today: true },
  { part: 'afternoon', re: /(?:^|\s)(?:esta\s+tarde|this\s+afternoon)(?=\s|$)/i, today: true },
  { part: 'evening', re: /(?:^|\s)(?:esta\s+noche|this\s+evening|tonight)(?=\s|$)/i, today: true },
  { part: 'morning', re: /(?:^|\s)(?:(?:por|en|de|a)\s+la\s+mañana|(?:in\s+the\s+)?morning)(?=\s|$)/i },
  { part: 'noon', re: /(?:^|\s)(?:(?:a|al|para\s+el|para|at|by)\s+)?(?:mediod[ií]a|noon|midday)(?=\s|$)/i },
  { part: 'afternoon', re: /(?:^|\s)(?:(?:por|en|de|a)\s+la\s+tarde|(?:in\s+the\s+)?afternoon)(?=\s|$)/i },
  {
    part: 'evening',
    re: /(?:^|\s)(?:(?:por|en|de|a)\s+la\s+noche|(?:in\s+the\s+)?evening|at\s+night)(?=\s|$)/i,
  },
];

/** Swaps the two leading numbers of numeric dates ("12/10" ↔ "10/12"); lengths stay the same. */
const swapNumericDates = (text: string) =>
  text.replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?=(?:\/\d{2,4})?(?![\d/]))/g, '$2/$1');

/** All-day tasks carry 9:00 of their day: a sensible time for a reminder and for sorting. */
export const ALL_DAY_HOUR = 9;

const UNIT_MINUTES: [RegExp, number][] = [
  [/^(?:m|mins?|minutos?|minutes?)$/i, 1],
  [/^(?:h|hr?s?|horas?|hours?)$/i, 60],
  [/^(?:d|d[ií]as?|days?)$/i, 24 * 60],
];

const REMINDER =
  /(?:^|\s)(?:recu[eé]rdame|recordar(?:me)?|avisar(?:me)?|aviso|remind(?:\s+me)?|reminder)\s+(\d{1,3})\s*([a-zá-úí]+)\s*(?:antes|before)?(?=\s|$)/i;
const PRIORITY_TOKENS: [RegExp, Priority][] = [
  [/(?:^|\s)(?:!+(?:alta|high)?|urgente|urgent|asap)(?=\s|$)/i, 'high'],
  [/(?:^|\s)!(?:baja|low)(?=\s|$)/i, 'low'],
];
const LIST_TAG = /(?:^|\s)#([\p{L}\p{N}_-]+)(?=\s|$)/u;

// chrono's Spanish parser knows "mañana" but not "pasado mañana" (the day after tomorrow) nor
// "la semana que viene" (a week from today).
const es = chronoEs.casual.clone();
const daysAhead = (pattern: RegExp, days: number): chrono.Parser => ({
  pattern: () => pattern,
  extract: (context) => {
    const day = new Date(context.refDate);
    day.setDate(day.getDate() + days);
    return { year: day.getFullYear(), month: day.getMonth() + 1, day: day.getDate() };
  },
});
es.parsers.push(
  daysAhead(/pasado\s+mañana/i, 2),
  daysAhead(/(?:la\s+)?(?:semana\s+que\s+viene|pr[oó]xima\s+semana)/i, 7),
);

/** "a las 18h" / "at 9h30" is how times are often written in Spain; chrono wants "18:00". */
const H_TIME = /\b(a\s+las?|at)\s+(\d{1,2})h(\d{2})?\b/gi;

function takeOut(text: string, match: RegExpExecArray): string {
  return text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length);
}

/** A Date whose local fields read as the wall-clock time in `zone` (chrono works in local fields). */
function wallClock(now: Date, zone: string): Date {
  const w = DateTime.fromJSDate(now, { zone });
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * "llamar al proveedor mañana 10:00 #hoy ! recordar 30 min antes" → title "llamar al proveedor",
 * due tomorrow 10:00 in `zone`, list "hoy", high priority, reminder 9:30.
 * Spanish and English parsers both run; the match that covers more of the text wins. Numeric
 * dates follow the UI's locale (`dayFirst`), whichever parser reads them. Parts of the day become
 * their window's start time ("por la tarde" → 16:00).
 */
export function parseQuickTask(input: string, now = new Date(), options: QuickAddOptions = {}): QuickTask {
  const zone = options.zone ?? DateTime.local().zoneName;
  let text = input.replace(/\s+/g, ' ').trim();
  const extras: Omit<QuickTask, 'title' | 'dueAt' | 'dueAllDay'> = {};

  let reminderMinutes: number | null = null;
  const reminder = REMINDER.exec(text);
  const unit = reminder && UNIT_MINUTES.find(([re]) => re.test(reminder[2]!));
  if (reminder && unit) {
    reminderMinutes = Number(reminder[1]) * unit[1];
    text = takeOut(text, reminder);
  }
  for (const [re, priority] of PRIORITY_TOKENS) {
    const found = re.exec(text);
    if (found && !extras.priority) {
      extras.priority = priority;
      text = takeOut(text, found);
    }
  }
  const tag = LIST_TAG.exec(text);
  if (tag) {
    extras.listHint = tag[1]!;
    text = takeOut(text, tag);
  }
  const repeating = readRecurrence(text, now, options.recurrenceZone ?? zone);
  if (repeating) {
    const { found, error, first, anchor } = repeating;
    const title = found?.rest || text;
    if (error || first === undefined || !anchor)
      return { title, dueAt: null, dueAllDay: false, ...extras, recurrenceError: error ?? 'malformed' };
    if (reminderMinutes !== null) extras.remindAt = first - reminderMinutes * 60_000;
    return { title, dueAt: first, dueAllDay: !found!.parts.times.length, ...extras, recurrence: anchor };
  }
  let dayPart: (typeof DAY_PARTS)[number] | undefined;
  for (const candidate of DAY_PARTS) {
    const found = candidate.re.exec(text);
    if (found) {
      dayPart = candidate;
      text = takeOut(text, found);
      break;
    }
  }
  text = text.replace(/\s{2,}/g, ' ').trim();

  text = text.replace(H_TIME, (_, at: string, h: string, m?: string) => `${at} ${h}:${m ?? '00'}`);
  const reference = wallClock(now, zone);
  // Each parser reads numeric dates its own way (es: day first; en: month first); the other one is
  // given the numbers swapped, so both read the date the UI's locale means.
  const dayFirst = options.dayFirst ?? true;
  const candidates = [
    ...es.parse(dayFirst ? text : swapNumericDates(text), reference, { forwardDate: true }),
    ...chronoEn.parse(dayFirst ? swapNumericDates(text) : text, reference, { forwardDate: true }),
  ];
  const best = candidates.sort((a, b) => b.text.length - a.text.length)[0];
  const nowHere = DateTime.fromJSDate(now, { zone });
  if (!best && !dayPart) return { title: text || input.trim(), dueAt: null, dueAllDay: false, ...extras };

  const title = best
    ? (text.slice(0, best.index) + text.slice(best.index + best.text.length))
        .replace(/\s{2,}/g, ' ')
        .replace(/\s+([,.;:])/g, '$1')
        .replace(/(?:^|\s)(?:a las|a la|at|el|la|on|para el|para|for|by|del|de|a)\s*$/i, '')
        .replace(/[\s,;:-]+$/, '')
        .trim()
    : text;
  const timed = best?.start.isCertain('hour') ?? false;
  const get = (c: chrono.Component) => best?.start.get(c) ?? 0;
  let day = best
    ? DateTime.fromObject({ year: get('year'), month: get('month'), day: get('day') }, { zone })
    : nowHere.startOf('day');
  let hour = ALL_DAY_HOUR;
  if (dayPart) {
    const hours = DAY_PART_HOURS[dayPart.part];
    hour = hours.from;
    if (timed) {
      // "a las 5 por la tarde": the hour, on the afternoon side.
      hour = get('hour');
      if (dayPart.part !== 'morning' && hour < 12) hour += 12;
    }
    // "por la tarde" with no day, typed after the afternoon is over, is tomorrow's.
    if (!best && !dayPart.today && nowHere.hour >= hours.to) day = day.plus({ days: 1 });
    extras.dayPart = dayPart.part;
  } else if (timed) hour = get('hour');
  const allDay = !timed && !dayPart;
  const due = day.set({ hour, minute: timed ? get('minute') : 0 }).toMillis();
  if (reminderMinutes !== null) extras.remindAt = due - reminderMinutes * 60_000;
  return { title: title || text, dueAt: due, dueAllDay: allDay, ...extras };
}

/**
 * A typed schedule, evaluated in `zone`. An all-day rule counts today's occurrence (typed on a
 * Monday, "every Monday" starts today); a timed one starts at the next time still ahead.
 */
function readRecurrence(text: string, now: Date, zone: string) {
  let found: ReturnType<typeof findRecurrence>;
  try {
    found = findRecurrence(text);
  } catch (err) {
    return { found: null, error: err instanceof RecurrenceError ? err.problem : ('malformed' as const) };
  }
  if (!found) return null;
  const from = found.parts.times.length
    ? now.getTime()
    : DateTime.fromJSDate(now, { zone }).startOf('day').toMillis();
  let anchor: Anchor = { rule: toRule(found.parts), zone, start: localDay(now.getTime(), zone) };
  try {
    // "Every other Tuesday" typed on a Wednesday means next Tuesday, then every two weeks: the
    // cadence counts from the first matching day, not from the week it was typed in (RFC 5545
    // would count from that week and skip to the Tuesday after next).
    if (found.parts.interval > 1) {
      const single = { ...anchor, rule: toRule({ ...found.parts, interval: 1 }) };
      anchor = { ...anchor, start: localDay(assertOccurs(single, from), zone) };
    }
    return { found, anchor, first: assertOccurs(anchor, from) };
  } catch (err) {
    return { found, error: err instanceof RecurrenceError ? err.problem : ('malformed' as const) };
  }
}
