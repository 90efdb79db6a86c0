import {
  RecurrenceError,
  WEEKDAYS_MON_FRI,
  emptyParts,
  type Frequency,
  type RuleParts,
  type RuleTime,
  type RuleWeekday,
} from './recurrence';

// How people say that something repeats, in Spanish and English, as data: each phrasing is one
// pattern with a `build` that turns its match into rule parts (the way chrono keeps one small parser
// per phrasing). A time of day right before or after the phrase ("a las 9:00", "at 8") belongs to
// it. Input is matched case-insensitively; Spanish accents are optional ("miercoles", "sabado").

export interface FoundRecurrence {
  parts: RuleParts;
  /** The text without the schedule words (the task's title). */
  rest: string;
  /** The words that were read as the schedule. */
  matched: string;
}

type Build = (m: RegExpExecArray) => Partial<RuleParts> & { freq: Frequency };
interface Phrase {
  re: RegExp;
  build: Build;
}

const ES_DAYS: [RegExp, number][] = [
  [/^lun/, 1],
  [/^mar/, 2],
  [/^mi/, 3],
  [/^jue/, 4],
  [/^vie/, 5],
  [/^s[aá]b/, 6],
  [/^dom/, 7],
];
const EN_DAYS: [RegExp, number][] = [
  [/^mon/, 1],
  [/^tue/, 2],
  [/^wed/, 3],
  [/^thu/, 4],
  [/^fri/, 5],
  [/^sat/, 6],
  [/^sun/, 7],
];
const ES_MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const ES_DAY = String.raw`(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?)`;
const EN_DAY = String.raw`(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|mon|tue|wed|thu|fri|sat|sun)`;
const ES_DAYS_LIST = String.raw`${ES_DAY}(?:\s*(?:,|\by\b|\be\b)\s*(?:(?:el|los)\s+)?${ES_DAY})*`;
const EN_DAYS_LIST = String.raw`${EN_DAY}(?:\s*(?:,|\band\b|,\s*and\b)\s*${EN_DAY})*`;
const ES_NUM = String.raw`(\d{1,2}|dos|tres|cuatro|cinco|seis)`;
const EN_NUM = String.raw`(\d{1,2}|two|three|four|five|six|other)`;
const ES_ORD = String.raw`(primer(?:o)?|1(?:er|º)|segundo|2º|tercer(?:o)?|3(?:er|º)|cuarto|4º|[uú]ltimo)`;
const EN_ORD = String.raw`(first|1st|second|2nd|third|3rd|fourth|4th|last)`;
const ES_EACH_MONTH = String.raw`(?:de\s+)?(?:cada|todos\s+los|del|al)\s+mes(?:es)?`;
const EN_EACH_MONTH = String.raw`of\s+(?:each|every|the)\s+month`;
const ES_MONTH = String.raw`(${ES_MONTHS.join('|')})`;
const EN_MONTH = String.raw`(${EN_MONTHS.join('|')})`;

const WORD_NUMBERS: Record<string, number> = {
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  other: 2,
  twice: 2,
};
const num = (text: string) => WORD_NUMBERS[text.toLowerCase()] ?? Number(text);

function ordinal(text: string): number {
  const t = text.toLowerCase();
  if (/^(?:[uú]ltimo|last)/.test(t)) return -1;
  if (/^(?:primer|1|first)/.test(t)) return 1;
  if (/^(?:segundo|2|second)/.test(t)) return 2;
  if (/^(?:tercer|3|third)/.test(t)) return 3;
  return 4;
}

function days(list: string, table: [RegExp, number][], nth?: number): RuleWeekday[] {
  const found = new Set<number>();
  for (const word of list.toLowerCase().split(/[\s,]+/)) {
    const day = table.find(([re]) => re.test(word))?.[1];
    if (day && !/^(?:y|e|el|los|and)$/.test(word)) found.add(day);
  }
  return [...found].sort().map((day) => (nth ? { day, nth } : { day }));
}

const month = (name: string, table: string[]) => table.indexOf(name.toLowerCase()) + 1;

/** "two/three times a day": spread over the working day unless times are given. */
const DEFAULT_TIMES: Record<number, RuleTime[]> = {
  2: [
    { hour: 9, minute: 0 },
    { hour: 17, minute: 0 },
  ],
  3: [
    { hour: 9, minute: 0 },
    { hour: 13, minute: 0 },
    { hour: 17, minute: 0 },
  ],
};

const phrase = (source: string, build: Build): Phrase => ({
  re: new RegExp(String.raw`(?:^|\s)(?:${source})(?=$|[\s,.;])`, 'iu'),
  build,
});

// Most specific first: "el último viernes de cada mes" before "cada viernes".
const ES: Phrase[] = [
  phrase(String.raw`(?:el\s+)?${ES_ORD}\s+(${ES_DAY})\s+${ES_EACH_MONTH}`, (m) => ({
    freq: 'monthly',
    weekdays: days(m[2]!, ES_DAYS, ordinal(m[1]!)),
  })),
  phrase(String.raw`(?:el\s+)?(?:primer(?:o)?|1(?:er|º)?)\s+d[ií]a\s+${ES_EACH_MONTH}`, () => ({
    freq: 'monthly',
    monthDays: [1],
  })),
  phrase(String.raw`(?:el\s+)?[uú]ltimo\s+d[ií]a\s+${ES_EACH_MONTH}`, () => ({
    freq: 'monthly',
    monthDays: [-1],
  })),
  phrase(
    String.raw`(?:cada|todos\s+los)\s+(?:d[ií]as?\s+)?(\d{1,2})\s+de\s+${ES_MONTH}|(?:cada\s+a[ñn]o|anualmente|todos\s+los\s+a[ñn]os)\s+el\s+(?:d[ií]a\s+)?(\d{1,2})\s+de\s+${ES_MONTH}`,
    (m) => ({
      freq: 'yearly',
      monthDays: [Number(m[1] ?? m[3])],
      months: [month(m[2] ?? m[4]!, ES_MONTHS)],
    }),
  ),
  phrase(
    String.raw`(?:el\s+)?d[ií]a\s+(\d{1,2})\s+${ES_EACH_MONTH}|(?:el\s+)?(\d{1,2})\s+${ES_EACH_MONTH}|(?:cada|todos\s+los)\s+d[ií]as?\s+(\d{1,2})(?:\s+del?\s+mes)?|(?:cada\s+mes|mensualmente|todos\s+los\s+meses)\s+el\s+(?:d[ií]a\s+)?(\d{1,2})`,
    (m) => ({ freq: 'monthly', monthDays: [Number(m[1] ?? m[2] ?? m[3] ?? m[4])] }),
  ),
  phrase(
    String.raw`cada\s+${ES_NUM}\s+semanas\s+(?:el|los)\s+(${ES_DAYS_LIST})|(?:el|los)\s+(${ES_DAYS_LIST})\s+cada\s+${ES_NUM}\s+semanas|cada\s+quince\s+d[ií]as\s+(?:el|los)\s+(${ES_DAYS_LIST})|(?:un|uno)\s+(${ES_DAY})\s+s[ií]\s+y\s+otro\s+no`,
    (m) => ({
      freq: 'weekly',
      interval: m[1] ? num(m[1]) : m[4] ? num(m[4]) : 2,
      weekdays: days(m[2] ?? m[3] ?? m[5] ?? m[6]!, ES_DAYS),
    }),
  ),
  phrase(
    String.raw`de\s+lunes\s+a\s+viernes|entre\s+semana|(?:cada|todos\s+los)\s+d[ií]as?\s+(?:laborables?|h[aá]biles?|de\s+diario)|(?:los|en)\s+d[ií]as\s+(?:laborables|h[aá]biles)`,
    () => ({ freq: 'weekly', weekdays: WEEKDAYS_MON_FRI }),
  ),
  phrase(String.raw`(?:cada|todos\s+los|los)\s+(${ES_DAYS_LIST})`, (m) => ({
    freq: 'weekly',
    weekdays: days(m[1]!, ES_DAYS),
  })),
  phrase(String.raw`${ES_NUM}\s+veces\s+(?:al|por|cada)\s+d[ií]a`, (m) => ({
    freq: 'daily',
    times: DEFAULT_TIMES[num(m[1]!)] ?? [],
  })),
  phrase(String.raw`cada\s+${ES_NUM}\s+d[ií]as`, (m) => ({ freq: 'daily', interval: num(m[1]!) })),
  phrase(String.raw`cada\s+d[ií]a|todos\s+los\s+d[ií]as|diariamente|a\s+diario`, () => ({ freq: 'daily' })),
  phrase(String.raw`cada\s+quince\s+d[ií]as|quincenalmente`, () => ({ freq: 'weekly', interval: 2 })),
  phrase(String.raw`cada\s+${ES_NUM}\s+semanas`, (m) => ({ freq: 'weekly', interval: num(m[1]!) })),
  phrase(String.raw`cada\s+semana|todas\s+las\s+semanas|semanalmente`, () => ({ freq: 'weekly' })),
  phrase(String.raw`cada\s+${ES_NUM}\s+meses`, (m) => ({ freq: 'monthly', interval: num(m[1]!) })),
  phrase(String.raw`cada\s+mes|todos\s+los\s+meses|mensualmente`, () => ({ freq: 'monthly' })),
  phrase(String.raw`cada\s+a[ñn]o|todos\s+los\s+a[ñn]os|anualmente`, () => ({ freq: 'yearly' })),
];

const EN: Phrase[] = [
  phrase(String.raw`(?:on\s+)?(?:the\s+)?${EN_ORD}\s+(${EN_DAY})\s+${EN_EACH_MONTH}`, (m) => ({
    freq: 'monthly',
    weekdays: days(m[2]!, EN_DAYS, ordinal(m[1]!)),
  })),
  phrase(String.raw`(?:on\s+)?(?:the\s+)?(?:first|1st)\s+(?:day\s+)?${EN_EACH_MONTH}`, () => ({
    freq: 'monthly',
    monthDays: [1],
  })),
  phrase(String.raw`(?:on\s+)?(?:the\s+)?last\s+day\s+${EN_EACH_MONTH}`, () => ({
    freq: 'monthly',
    monthDays: [-1],
  })),
  phrase(
    String.raw`(?:every|each)\s+(?:year\s+on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${EN_MONTH}|(?:every|each)\s+(?:year\s+on\s+)?${EN_MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?|(?:yearly|annually)\s+on\s+${EN_MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?`,
    (m) => ({
      freq: 'yearly',
      monthDays: [Number(m[1] ?? m[4] ?? m[6])],
      months: [month(m[2] ?? m[3] ?? m[5]!, EN_MONTHS)],
    }),
  ),
  phrase(
    String.raw`(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+${EN_EACH_MONTH}|(?:every|each)\s+month\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)?|monthly\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)?`,
    (m) => ({ freq: 'monthly', monthDays: [Number(m[1] ?? m[2] ?? m[3])] }),
  ),
  phrase(
    String.raw`every\s+${EN_NUM}\s+weeks?\s+on\s+(${EN_DAYS_LIST})|(?:on\s+)?(${EN_DAYS_LIST})\s+every\s+${EN_NUM}\s+weeks|(?:biweekly|fortnightly)\s+on\s+(${EN_DAYS_LIST})|every\s+other\s+(${EN_DAY})`,
    (m) => ({
      freq: 'weekly',
      interval: m[1] ? num(m[1]) : m[4] ? num(m[4]) : 2,
      weekdays: days(m[2] ?? m[3] ?? m[5] ?? m[6]!, EN_DAYS),
    }),
  ),
  phrase(
    String.raw`(?:every|each)\s+weekday|(?:on\s+)?weekdays|(?:every\s+day\s+)?(?:from\s+)?monday\s+(?:to|through)\s+friday|every\s+working\s+day|every\s+business\s+day`,
    () => ({ freq: 'weekly', weekdays: WEEKDAYS_MON_FRI }),
  ),
  phrase(
    String.raw`(?:every|each)\s+(${EN_DAYS_LIST})|on\s+((?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)(?:\s*(?:,|and)\s*(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))*)`,
    (m) => ({ freq: 'weekly', weekdays: days(m[1] ?? m[2]!, EN_DAYS) }),
  ),
  phrase(
    String.raw`(twice|two\s+times|three\s+times|\d\s+times)\s+(?:a|per|each)\s+day|(twice)\s+daily`,
    (m) => ({
      freq: 'daily',
      times: DEFAULT_TIMES[num((m[1] ?? m[2]!).split(/\s+/)[0]!)] ?? [],
    }),
  ),
  phrase(String.raw`every\s+${EN_NUM}\s+days`, (m) => ({ freq: 'daily', interval: num(m[1]!) })),
  phrase(String.raw`(?:every|each)\s+day|daily`, () => ({ freq: 'daily' })),
  phrase(String.raw`every\s+${EN_NUM}\s+weeks?|(biweekly|fortnightly)`, (m) => ({
    freq: 'weekly',
    interval: m[1] ? num(m[1]) : 2,
  })),
  phrase(String.raw`(?:every|each)\s+week|weekly`, () => ({ freq: 'weekly' })),
  phrase(String.raw`every\s+${EN_NUM}\s+months?`, (m) => ({ freq: 'monthly', interval: num(m[1]!) })),
  phrase(String.raw`(?:every|each)\s+month|monthly`, () => ({ freq: 'monthly' })),
  phrase(String.raw`(?:every|each)\s+year|yearly|annually`, () => ({ freq: 'yearly' })),
];

// Times of day that belong to the schedule: "a las 9:00", "a las 8 y a las 20", "a las 5 de la
// tarde", "at 8", "at 9am and 5pm", "9:30".
const ONE_TIME = String.raw`(?:(?:a\s+las?|at|@)\s+)?(?:\d{1,2}(?:[:.]\d{2}|h\d{2}|h\b)?\s*(?:a\.?m\.?|p\.?m\.?|horas|hrs?)?(?:\s+de\s+la\s+(?:mañana|manana|tarde|noche))?|noon|mediod[ií]a)`;
const TIME_LIST = String.raw`(?:(?:a\s+las?|at|@)\s+${ONE_TIME}(?:\s*(?:,|\by\b|\band\b)\s*${ONE_TIME})*|\d{1,2}[:.]\d{2}(?:\s*(?:,|\by\b|\band\b)\s*${ONE_TIME})*)`;
const TIME_AFTER = new RegExp(String.raw`^[\s,]*(${TIME_LIST})(?=$|[\s,.;])`, 'iu');
const TIME_BEFORE = new RegExp(String.raw`(?:^|\s)(${TIME_LIST})[\s,]*$`, 'iu');
const TIME_ITEM =
  /(\d{1,2})(?:[:.h](\d{2}))?(?:\s*(a\.?m\.?|p\.?m\.?))?(?:\s+de\s+la\s+(mañana|manana|tarde|noche))?|noon|mediod[ií]a/giu;

function readTimes(text: string): RuleTime[] {
  const out: RuleTime[] = [];
  for (const m of text.matchAll(TIME_ITEM)) {
    if (!m[1]) {
      out.push({ hour: 12, minute: 0 });
      continue;
    }
    let hour = Number(m[1]);
    const minute = m[2] ? Number(m[2]) : 0;
    const half = (m[3] ?? '').toLowerCase().replace(/\./g, '');
    const part = (m[4] ?? '').toLowerCase();
    if ((half === 'pm' || part === 'tarde' || part === 'noche') && hour < 12) hour += 12;
    if ((half === 'am' || part === 'mañana' || part === 'manana') && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) throw new RecurrenceError('malformed');
    out.push({ hour, minute });
  }
  return out;
}

/** Words left dangling where the schedule was cut out ("…de la cámara cada" → "…de la cámara"). */
const DANGLING = /(?:^|\s)(?:a\s+las?|a|at|el|los|la|on|the|every|each|cada|todos|de|del|for|para)$/i;

function tidy(text: string): string {
  let out = text
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .trim();
  for (let i = 0; i < 3 && DANGLING.test(out); i++) out = out.replace(DANGLING, '').trim();
  return out.replace(/^[\s,;:-]+|[\s,;:-]+$/g, '').trim();
}

/**
 * Finds a schedule in the text: the first phrasing (Spanish or English) that matches, and a time
 * of day next to it. Returns null when nothing repeats. Throws a RecurrenceError when the times
 * cannot be a rule (25:00; several times with different minutes, which RFC 5545 cannot say in one
 * rule).
 */
export function findRecurrence(text: string): FoundRecurrence | null {
  let best: { m: RegExpExecArray; p: Phrase } | null = null;
  for (const p of [...ES, ...EN]) {
    const m = p.re.exec(text);
    if (m && (!best || m[0].trim().length > best.m[0].trim().length)) best = { m, p };
  }
  if (!best) return null;
  const { m, p } = best;
  const parts: RuleParts = { ...emptyParts(), ...p.build(m) };
  let before = text.slice(0, m.index);
  let after = text.slice(m.index + m[0].length);
  let matched = m[0].trim();
  const timeAfter = TIME_AFTER.exec(after);
  const timeBefore = timeAfter ? null : TIME_BEFORE.exec(before);
  const timeText = timeAfter?.[1] ?? timeBefore?.[1];
  if (timeAfter) {
    after = after.slice(timeAfter[0].length);
    matched = `${matched} ${timeAfter[1]!.trim()}`;
  } else if (timeBefore) {
    before = before.slice(0, timeBefore.index);
    matched = `${timeBefore[1]!.trim()} ${matched}`;
  }
  if (timeText) {
    const times = readTimes(timeText);
    if (times.length) parts.times = times;
  }
  if (new Set(parts.times.map((t) => t.minute)).size > 1) throw new RecurrenceError('unsupported');
  if (parts.interval < 1 || !Number.isFinite(parts.interval)) throw new RecurrenceError('malformed');
  return { parts, rest: tidy(`${before} ${after}`), matched };
}
