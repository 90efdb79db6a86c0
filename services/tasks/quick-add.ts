import type * as chrono from 'chrono-node';
// Only the two locales we read: the package's main entry bundles all sixteen (~200 KB).
import * as chronoEn from 'chrono-node/en';
import * as chronoEs from 'chrono-node/es';
import { DateTime } from 'luxon';
import type { Priority } from '../db/db';

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
}

export interface QuickAddOptions {
  /** IANA zone the typed times are in; the browser's own by default. */
  zone?: string;
}

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
 * Spanish and English parsers both run; the match that covers more of the text wins. Day/month
 * order follows Spanish for the Spanish parser ("15/12" is 15 December).
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
  text = text.replace(/\s{2,}/g, ' ').trim();

  text = text.replace(H_TIME, (_, at: string, h: string, m?: string) => `${at} ${h}:${m ?? '00'}`);
  const reference = wallClock(now, zone);
  const candidates = [
    ...es.parse(text, reference, { forwardDate: true }),
    ...chronoEn.parse(text, reference, { forwardDate: true }),
  ];
  const best = candidates.sort((a, b) => b.text.length - a.text.length)[0];
  if (!best) return { title: text || input.trim(), dueAt: null, dueAllDay: false, ...extras };

  const title = (text.slice(0, best.index) + text.slice(best.index + best.text.length))
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/(?:^|\s)(?:a las|a la|at|el|la|on|para el|para|for|by|del|de|a)\s*$/i, '')
    .replace(/[\s,;:-]+$/, '')
    .trim();
  const allDay = !best.start.isCertain('hour');
  const get = (c: chrono.Component) => best.start.get(c) ?? 0;
  const due = DateTime.fromObject(
    {
      year: get('year'),
      month: get('month'),
      day: get('day'),
      hour: allDay ? ALL_DAY_HOUR : get('hour'),
      minute: allDay ? 0 : get('minute'),
    },
    { zone },
  ).toMillis();
  if (reminderMinutes !== null) extras.remindAt = due - reminderMinutes * 60_000;
  return { title: title || text, dueAt: due, dueAllDay: allDay, ...extras };
}
