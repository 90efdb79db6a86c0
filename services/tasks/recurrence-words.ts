import { formatDateTime, localeTag, t, type MessageKey } from '../i18n';
import {
  fromRule,
  RecurrenceError,
  type RecurrenceProblem,
  type RuleParts,
  type RuleWeekday,
} from './recurrence';

// A rule in words, in the UI language ("cada lunes a las 9:00" / "every Monday at 9:00"), from the
// message tables and Intl (weekday and month names, lists) — not rrule's English-only toText.

const ORDINAL: Record<number, MessageKey> = {
  1: 'ruleOrdinalFirst',
  2: 'ruleOrdinalSecond',
  3: 'ruleOrdinalThird',
  4: 'ruleOrdinalFourth',
  [-1]: 'ruleOrdinalLast',
};

const PROBLEM: Record<RecurrenceProblem, MessageKey> = {
  never: 'ruleNever',
  unsupported: 'ruleUnsupported',
  malformed: 'ruleMalformed',
};

/** The message for a refused rule. */
export function recurrenceProblemText(err: unknown): string {
  return err instanceof RecurrenceError ? t(PROBLEM[err.problem]) : String(err);
}

function weekdayName(day: number): string {
  // 2024-01-01 was a Monday.
  return formatDateTime(Date.UTC(2024, 0, day, 12), { weekday: 'long', timeZone: 'UTC' });
}

function monthName(month: number): string {
  return formatDateTime(Date.UTC(2024, month - 1, 1, 12), { month: 'long', timeZone: 'UTC' });
}

function list(items: string[]): string {
  return new Intl.ListFormat(localeTag(), { type: 'conjunction' }).format(items);
}

const isWeekdays = (days: RuleWeekday[]) =>
  days.length === 5 && days.every((d, i) => d.day === i + 1 && !d.nth);

const clock = (hour: number, minute: number) => `${hour}:${String(minute).padStart(2, '0')}`;

function dayPart(parts: RuleParts): string {
  const { freq, interval, weekdays, monthDays, months } = parts;
  if (freq === 'daily') return interval > 1 ? t('ruleEveryNDays', interval) : t('ruleEveryDay');
  if (freq === 'weekly') {
    if (isWeekdays(weekdays) && interval === 1) return t('ruleEveryWeekday');
    if (!weekdays.length) return interval > 1 ? t('ruleEveryNWeeks', interval) : t('ruleEveryWeek');
    const names = list(weekdays.map((w) => weekdayName(w.day)));
    return interval > 1 ? t('ruleEveryNWeeksOn', interval, names) : t('ruleEveryWeekday1', names);
  }
  if (freq === 'monthly') {
    let what: string;
    const nth = weekdays.find((w) => w.nth);
    if (nth)
      what = t('ruleMonthNthWeekday', t(ORDINAL[nth.nth!] ?? 'ruleOrdinalFirst'), weekdayName(nth.day));
    else if (monthDays.length === 1 && monthDays[0] === 1) what = t('ruleMonthFirstDay');
    else if (monthDays.length === 1 && monthDays[0] === -1) what = t('ruleMonthLastDay');
    else if (monthDays.length) what = t('ruleMonthDay', list(monthDays.map(String)));
    else return interval > 1 ? t('ruleEveryNMonths', interval) : t('ruleEveryMonth');
    return interval > 1 ? t('ruleEveryNMonthsWhat', interval, what) : what;
  }
  if (months.length && monthDays.length)
    return t('ruleEveryYearOn', t('ruleDayOfMonth', monthDays[0]!, monthName(months[0]!)));
  return t('ruleEveryYear');
}

/** The rule in words; falls back to the rule text itself for a rule the words do not cover. */
export function describeRule(rule: string): string {
  let parts: RuleParts;
  try {
    parts = fromRule(rule);
  } catch {
    return rule;
  }
  const days = dayPart(parts);
  if (!parts.times.length) return days;
  const times = parts.times.map((time) => clock(time.hour, time.minute));
  // Spanish says "a la 1:00" but "a las 9:00".
  const key: MessageKey = parts.times.length === 1 && parts.times[0]!.hour === 1 ? 'ruleAtOne' : 'ruleAt';
  return t(key, days, list(times));
}
