import type * as chrono from 'chrono-node';
// Only the two locales we read: the package's main entry bundles all sixteen (~200 KB).
import * as chronoEn from 'chrono-node/en';
import * as chronoEs from 'chrono-node/es';
import { DateTime, FixedOffsetZone } from 'luxon';
import type { ExtractedDate, Language } from './types';
import { blank, sentences, type Span } from './text';
import {
  DATE_PATTERNS,
  HOLIDAY_GREETING,
  HOLIDAY_THING_AFTER,
  HOLIDAY_THING_BEFORE,
  HOLIDAY_TIME_WORD,
  HOLIDAYS,
  WEEKDAYS,
  type DatePatterns,
} from './dates-data';

// chrono reads dates; this module fixes what it gets wrong in mail (Spanish "pasado mañana", "el
// martes que viene", "a las 10h", "de la tarde", bare weekdays pointing at the past), drops vague
// mentions ("la semana que viene"), and turns wall-clock components into instants in an IANA zone
// with luxon so DST weeks come out right. It never throws: an unreadable date is left out.

/** chrono slows down on long inputs; dates that matter sit in the first paragraphs. */
export const MAX_DATE_TEXT = 1500;

export interface DateOptions {
  /** When the message was sent (ISO with offset, or ms): relative words are read from here. */
  reference: string | number | Date;
  /** IANA zone the writer's wall-clock times are read in. */
  zone: string;
  language: Language;
  /** Spans already known to be something else (order numbers, amounts, phones). */
  exclude?: readonly Span[];
}

// Same-length rewrites, so offsets in the rewritten text are offsets in the original.
const ACCENTS: [RegExp, string][] = [
  [/\bmanana\b/gi, 'mañana'],
  [/\bmiercoles\b/gi, 'miércoles'],
  [/\bsabado\b/gi, 'sábado'],
  [/\bproximo\b/gi, 'próximo'],
  [/\bproxima\b/gi, 'próxima'],
];

const MONTHS_ES: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};
const ES_RANGE =
  /\bdel? (?:(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo) )?(\d{1,2}) al (?:(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo) )?(\d{1,2}) de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b/gi;
// "el día 3", "el miércoles 28 a las 12:00": a day of the month without the month (chrono misses it).
const ES_DAY_ONLY =
  /\b(?:el )?(?:d[ií]a|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo) (\d{1,2})\b(?! de)(?!\s*[/:.-]\d)(?:,?\s+(?:a\s+)?las (\d{1,2})(?:[:.](\d{2}))?)?/gi;
// A clock time alone, or a window of two ("from 2 till 4", "9am to 5pm"), with no day in it.
const CLOCK = "\\d{1,2}(?:[:.]\\d{2})?\\s*(?:h|hrs?|am|pm|a\\.m\\.|p\\.m\\.|o(?:'|’)?clock)?";
const TIME_ONLY = new RegExp(
  `^(?:a las|las|a la|la|at|@|from|between)?\\s*${CLOCK}(?:\\s*(?:-|–|to|till|until|and|a|y|hasta)\\s*(?:las\\s+)?${CLOCK})?$`,
  'i',
);
const DAYPART = /\b(de|por|en|a) la (mañana|tarde|noche)\b/gi;
const WEEKDAY_WORD =
  /(lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b)/i;
const SPECIFIC_WORD =
  /\d|hoy|mañana|manana|ayer|anoche|today|tomorrow|yesterday|tonight|last night|esta (tarde|noche)|this (afternoon|evening|morning)|\bnoon\b|mediod[ií]a|medianoche|midnight/i;
const MODIFIER = /\b(este|esta|pr[óo]ximo|pr[óo]xima|pasado|que viene|next|this|last|coming|past)\b/i;
const AGO = /^(hace\b)|\bago$/i;
// "in 5 days", "after 3 weeks", "en dos días": durations, not dates.
const DURATION =
  /^(in|after|within|for|en|dentro de|durante|tras)\s+(\d+|an?|one|two|three|few|un|una|unos|unas|dos|tres)\s/i;
const WEEKDAY_INDEX: [RegExp, number][] = [
  [/lunes|monday|\bmon\b/i, 1],
  [/martes|tuesday|\btues?\b/i, 2],
  [/mi[ée]rcoles|wednesday|\bwed\b/i, 3],
  [/jueves|thursday|\bthu(rs?)?\b/i, 4],
  [/viernes|friday|\bfri\b/i, 5],
  [/s[áa]bado|saturday|\bsat\b/i, 6],
  [/domingo|sunday|\bsun\b/i, 7],
];
function weekdayIn(text: string): number | null {
  for (const [re, n] of WEEKDAY_INDEX) if (re.test(text)) return n;
  return null;
}
const OPENING_WEEKDAY =
  /\b(?:on |el |los |the )?(?:hoy|today|tomorrow|ma[ñn]ana(?! (?:por|a las))|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bados?|domingos?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b(?![\s,]*(?:the\s+)?\d)/gi;
const FUTURE_CUE =
  /\?|\b(?:i(?:'|’)m|i am|we(?:'|’)re|we are|they(?:'|’)re|they are|he(?:'|’)s|she(?:'|’)s|you(?:'|’)re|you are) (?!(?:still|waiting|writing|having|getting|experiencing|chasing|following|contacting|emailing|calling|looking|trying|struggling|missing|paying|being|sitting|sat)\b)\p{L}{2,}ing\b|\b(?:i|we) (?:have|(?:'|’)ve got|have got) (?:a|an|my|our|the) (?:[\p{L}-]+ ){0,3}(?:appointment|booking|reservation|slot|meeting|visit)\b|\b(want|wants|would like|(?:'|’)d like|hoping|ideally|is (confirmed|booked|scheduled|set) for|est[aá] (confirmada|reservada|programada) para|will|would|could|can|next|shall|going to|let'?s|available|free|works?|need|needs|by|before|until|podemos|podr[ií]amos|puede|pueden|podr[ií]a|podr[ií]an|quedar|vernos|viene|queda mejor|me queda bien|me sirve|nos sirve|prefiero|preferimos|prefer|works best|suits (?:me|us)|is great for|vendr[ií]a|ir[ií]a|va bien|cita|quiero|quisiera|necesito|necesitamos|antes|hasta|para el|para este|vamos a|voy a|van a|necesitar|anular|cancelar|cancel|tenemos que|tengo que|have to|ser[ií]a|tendr[ií]an?)\b|\b(?:estar|ir|podr|tendr|vendr|har|sabr|saldr|pondr|dir|querr|habr)[ée](?!\p{L})|\b\p{L}{2,}(?:ar[áa]|er[áa]|ir[áa]|aremos|eremos|iremos|ar[áa]n|er[áa]n|ir[áa]n)(?!\p{L})/iu;
const PAST_CUE =
  /\b(pasad[oa]|pagu[eé]|recib[ií]|mand[eé]|envi[eé]|llegu[eé]|fue|fuimos|fueron|estuve|estuvimos|estuvo|vine|vinimos|vino|hice|hicimos|hizo|tuve|tuvimos|tuvo|ayer|anoche|last|ago|was|were|did|had|came|went|(?<!(?:'|’)ve |(?:'|’)s |have |has )got(?! to\b)|made|paid|bought|sent|told|said|spoke|spent|left|took|gave|brought|rang|wrote|saw|met|lost|broke|found|sold|heard|ran|began|kept|felt|fell|thought|stood|sat|slept|woke|drove|flew|forgot)\b|\b\p{L}{2,}(ó|aron|ieron|aste|iste|asteis|isteis)(?!\p{L})|\b(?!(aqu|all|ah|as|caf|beb|cort|ningun|algun|s)[íé](?!\p{L}))\p{L}{2,}[íé](?!\p{L})|\b(he|hemos|ha|han|hab[ií]a)\s+\p{L}+(ado|ido)\b|(?<!\b(?:am|are|is|i'm|i’m|we're|we’re|feel|feeling|very|so|quite|really|extremely|rather|pretty|bit|too|getting)\s)\b\p{L}{3,}ed\b/iu;

// A timetable whatever words frame it ("la web pone de lunes a viernes de 9:00 a 14:00", "Mon–Sat
// 8am–6pm"): a range of weekdays beside a range of clock times is a schedule, not a proposal.
// Spanish abbreviations too ("Lun a vie", "L-V", "L a S") in a signature or a shop's hours line.
const DAY_NAME =
  '(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bados?|domingos?|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?s?|lun|mi[ée]|jue|vie|s[áa]b|dom)';
const WEEKDAY_RANGE = new RegExp(
  `\\b${DAY_NAME}\\.?\\s*(?:a|al|to|-|–|through|thru|till|until)\\s*${DAY_NAME}\\b\\.?`,
  'i',
);
// Capitals only: "L-V", "L a S" (a lower-case "l a s" is the article "las").
const LETTER_RANGE = /\b[LMXJVSD]\s?[-–]\s?[LMXJVSD]\b|\b[LMXJVSD] a [LMXJVSD]\b/;
const CLOCK_RANGE =
  /\b\d{1,2}(?:[:.]\d{2})?\s*(?:h|hs|am|pm)?\s*(?:a|-|–|to|till|until|hasta)\s*(?:las\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:h|hs|am|pm)?\b/i;
// "opens at 10", "cerramos a las 20:00": a time the business opens or closes at.
const OPEN_TIME =
  /\b(?:opens?|closes?|opening|closing|abre|abrimos|abren|cierra|cerramos|cierran)\s+(?:at|from|until|till|a las|desde las|hasta las)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|h)?/gi;
export function isSchedule(sentence: string): boolean {
  return (WEEKDAY_RANGE.test(sentence) || LETTER_RANGE.test(sentence)) && CLOCK_RANGE.test(sentence);
}

const EN_DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const MONTH_WORD_EN = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b';
const WEEKS_FROM = new RegExp(
  `\\b(?<n>a|one|two|three|four|\\d) weeks? (?:from|after) (?<x>today|tomorrow|now|${EN_DAY})\\b|\\bde (?<x2>hoy|ma[ñn]ana) en (?<n2>una|dos|tres|ocho|quince|\\d{1,2})(?:\\s+(?<unit>semanas?|d[ií]as))?\\b`,
  'gi',
);
const MONTH_WORD =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)';
const NEXT_MONTH_DAY =
  /\b(?:el|the) (?<d>\d{1,2})(?:st|nd|rd|th)? (?:del? |of )(?:mes que viene|pr[oó]ximo mes|mes pr[oó]ximo|siguiente mes|next month)\b|\bnext month on the (?<e>\d{1,2})(?:st|nd|rd|th)?\b/gi;
const DAY_WINDOW = new RegExp(
  `\\b(?:between (?:the )?(?<a>\\d{1,2})(?:st|nd|rd|th)? and (?:the )?(?<b>\\d{1,2})(?:st|nd|rd|th)?(?: of)?|entre el (?<a2>\\d{1,2}) y el (?<b2>\\d{1,2}) de) (?<m>${MONTH_WORD})\\b`,
  'gi',
);
function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  const en = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  // An English prefix; the Spanish names that share one (marzo, mayo, junio…) are the same month.
  const i = en.indexOf(w.slice(0, 3));
  return i >= 0 ? i + 1 : (MONTHS_ES[w] ?? null);
}
const DOTTED_DATE = new RegExp(
  `(?:\\b(?<wd>${DAY_NAME}),?\\s+)?(?<![\\w.:/])(?<!\\b(?:version|versi[oó]n|v|release|build|model|modelo|chapter|cap[ií]tulo|section|secci[oó]n|apartado|item|step|paso|art[ií]culo|article|no|n[º°])\\.?\\s*)(?=\\d{2}|\\d\\.\\d{2})(?<d>\\d{1,2})\\.(?<m>\\d{1,2})(?:(?<dot>\\.)(?![\\d\\w])|(?![\\d.:]))`,
  'gi',
);
const EN_SHORT_DAYS =
  /\b(?:tmrw|tmw|tmrow|2moro|2morrow|tomoz|tomorow|tommorow|tommorrow)(?:'s|’s)?(?!\w)|\bthis arvo\b/gi;
const WEEK_ON = new RegExp(
  `\\ba week (?:on |this |next )?(?<a>${EN_DAY})\\b|\\b(?<b>${EN_DAY}) week\\b(?!\\s*(?:of|is|was|and|or|before|after|\\d))`,
  'gi',
);

const SPAN_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
  fifteen: 15,
  'a couple of': 2,
  un: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  diez: 10,
  quince: 15,
  'un par de': 2,
};
const IN_SPAN =
  /\b(?:dentro de|en|in)\s+(?:unos\s+|unas\s+|about\s+)?(?<n>\d{1,2}|a couple of|un par de|an?|one|two|three|four|five|six|ten|fifteen|una?|dos|tres|cuatro|cinco|seis|diez|quince)\s+(?<u>d[ií]as|semanas?|days?|weeks?)(?:'|’)?(?:\s+time)?\b/gi;
function spanAmount(n: string): number | null {
  const v = /^\d+$/.test(n) ? Number(n) : (SPAN_WORDS[n.toLowerCase()] ?? null);
  return v !== null && v >= 1 && v <= 60 ? v : null;
}

const pad = (m: string, to: string) => to + ' '.repeat(Math.max(0, m.length - to.length));

function chronoFor(language: Language, zone: string): chrono.Chrono {
  if (language === 'es') return chronoEs.casual;
  // US writers put the month first (3/12); everyone else the day. A bare offset (a mail read with
  // only its Date header's offset) from UTC-3 to UTC-10 is taken as North American English.
  const offset = /^UTC([+-]\d{1,2})/.exec(zone);
  if (offset) return Number(offset[1]) <= -3 && Number(offset[1]) >= -10 ? chronoEn.casual : chronoEn.GB;
  return zone.startsWith('America/') && !/Mexico|Argentina|Bogota|Lima|Santiago|Caracas|Montevideo/.test(zone)
    ? chronoEn.casual
    : chronoEn.GB;
}

interface Candidate {
  index: number;
  text: string;
  dt: DateTime;
  end?: DateTime;
  timeCertain: boolean;
  weekdayOnly?: boolean;
  part?: ExtractedDate['part'];
  weekdayMismatch?: { written: string };
}

/** Past or future from the words around a mention: a question proposes; "tenía", "fui", "was told",
 * "anoche" report; otherwise the weaker cues decide, and the future wins a tie. */
function tenseOf(sentence: string, p: DatePatterns): 'past' | 'future' {
  if (/\?/.test(sentence)) return 'future';
  if (p.strongPast.test(sentence)) return 'past';
  if (FUTURE_CUE.test(sentence)) return 'future';
  return PAST_CUE.test(sentence) ? 'past' : 'future';
}

// Clause separators: the words next to a date decide its tense before the rest of the sentence
// ("Placed it Friday and paid for next day delivery" is a past Friday).
const CLAUSE_BREAK = /[,;:()\n]|\s(?:and|but|y|pero|aunque|although|so|as|que)\s/gi;

function clauseAround(raw: string, index: number): string {
  // An aside in brackets does not end a clause, and words in quotes are someone else's: neither
  // speaks for the tense ("I ordered the desk (walnut) on the 3rd with "delivery by Friday"").
  const aside = (m: string, at: number) => (at <= index && index < at + m.length ? m : ' '.repeat(m.length));
  const text = raw.replace(/\([^()\n]{0,60}\)/g, aside).replace(/"[^"\n]{1,80}"|“[^”\n]{1,80}”/g, aside);
  const from = Math.max(0, index - 80);
  let start = from;
  let end = Math.min(text.length, index + 60);
  for (const m of text.slice(from, index).matchAll(CLAUSE_BREAK))
    start = Math.max(start, from + m.index + m[0].length);
  const after = text
    .slice(index, end)
    .search(/[.!?]|[,;:()\n]|\s(?:and|but|y|pero|aunque|although|so|as|que)\s/i);
  if (after > 0) end = index + after;
  const sentenceStart = Math.max(
    text.lastIndexOf('.', index - 1),
    text.lastIndexOf('?', index - 1),
    text.lastIndexOf('!', index - 1),
  );
  return text.slice(Math.max(start, sentenceStart + 1), end);
}

/** The clause of a sentence an offset falls in: between commas, semicolons, "but", "so", "pero"… */
function clauseOf(sentence: string, index: number): string {
  const breaks = /[,;:¿()]|\s(?:but|so|and|y|pero|aunque|although|as[ií] que|whereas|mientras que)\s/gi;
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(breaks)) {
    if (m.index + m[0].length <= index) start = m.index + m[0].length;
    else if (m.index >= index) {
      end = m.index;
      break;
    }
  }
  return sentence.slice(start, end);
}

/** Tense from the clause around a mention when it has a cue of its own, else from its sentence. */
function tenseAt(text: string, index: number, p: DatePatterns): 'past' | 'future' {
  const sentence = sentenceAround(text, index);
  // "I was hoping to pick it up on Sunday", "we were wondering if Friday works": a wish, ahead.
  if (
    /\b(?:was|were) (?:hoping|wondering|planning|thinking of|going to|looking to)\b/i.test(
      clauseAround(text, index),
    )
  )
    return 'future';
  if (/\?/.test(sentence)) {
    // A question about what happened: "Did the parcel come on Monday?", "the helmet I bought sat?".
    const before = text
      .slice(Math.max(0, index - 40), index)
      .split(/[.!?\n,;:]/)
      .pop()!;
    const clause = clauseOf(sentence, Math.max(0, sentence.indexOf(before.trim())));
    if (
      /^\s*(?:did|didn't|didn’t|was|wasn't|wasn’t|were|why was|why were|why did|when did|how did)\b/i.test(
        clause,
      ) ||
      /\b(?:i|we|you|they|he|she)\s+(?:\p{L}+ed|bought|paid|sent|got|had|left|made|took|ordered|brought)\s*(?:(?:it|them|this|that)\s+)?(?:on\s+)?$/iu.test(
        before,
      )
    )
      return 'past';
    return 'future';
  }
  const clause = clauseAround(text, index);
  // The few words right before it first: "is confirmed for Friday" after "I've had a text".
  const near = text
    .slice(Math.max(0, index - 30), index)
    .split(/[.!?\n]/)
    .pop()!;
  if (
    /\b(is|are|est[aá]n?) (confirmed|booked|scheduled|set|confirmad[oa]|reservad[oa]|programad[oa]) (for|para)\b/i.test(
      near,
    )
  )
    return 'future';
  // "nothing until Monday", "hasta el lunes nada": a limit ahead, whatever tense reports it.
  if (/\b(?:hasta(?: el)?|until|till|not before|no antes del?)\s*$/i.test(near)) return 'future';
  // Not across a comma: "Thanks for the update, Friday works" proposes Friday.
  if (p.strongPast.test(near.split(/[,;:]\s/).pop()!)) return 'past';
  if (p.strongPast.test(clause)) return 'past';
  if (FUTURE_CUE.test(clause)) return 'future';
  if (PAST_CUE.test(clause)) return 'past';
  return tenseOf(sentence, p);
}

function weekdayNumber(word: string): number | null {
  const key = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .slice(0, 3);
  return WEEKDAYS[key] ?? null;
}

function toReference(reference: DateOptions['reference'], zone: string): DateTime {
  const dt =
    typeof reference === 'string'
      ? DateTime.fromISO(reference, { setZone: true })
      : DateTime.fromMillis(typeof reference === 'number' ? reference : reference.getTime());
  return dt.setZone(zone);
}

function fromComponents(c: chrono.ParsedComponents, zone: string, forceDateOnly = false): DateTime | null {
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null || month === null || day === null) return null;
  const timed = c.isCertain('hour') && !forceDateOnly;
  const parts = {
    year,
    month,
    day,
    hour: timed ? (c.get('hour') ?? 12) : 12,
    minute: timed ? (c.get('minute') ?? 0) : 0,
  };
  const offset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  const dt =
    offset !== null && timed
      ? DateTime.fromObject(parts, { zone: FixedOffsetZone.instance(offset) }).setZone(zone)
      : DateTime.fromObject(parts, { zone });
  return dt.isValid ? dt : null;
}

/** Whether a bare hour (1 to 11, no am/pm) is in the afternoon or evening. A cue in its sentence
 * decides, the nearest one first (breakfast, "temprano", "before work" / dinner, "para cenar",
 * "after work"). With none, "a las cinco", "at 4" are afternoon (1 to 6, and a bare 7: "at 7" is
 * dinner time), and an hour written with minutes from 7 on ("7:40", "7:00", "8:15") is the morning
 * one: nobody books 7:40 in the evening without saying so, while clinics, fitters and stocktakes
 * start then. */
function afternoonHour(rawText: string, index: number, end: number, hour: number, p: DatePatterns): boolean {
  const sentence = sentences(rawText).find((s) => index >= s.index && index < s.index + s.text.length) ?? {
    text: rawText,
    index: 0,
  };
  let best: { d: number; pm: boolean } | null = null;
  for (const [re, pm] of [
    [p.morningCues, false],
    [p.eveningCues, true],
  ] as const)
    for (const m of sentence.text.matchAll(re)) {
      const at = sentence.index + m.index;
      const d = at >= end ? at - end : at + m[0].length <= index ? index - (at + m[0].length) : 0;
      // A cue after another day or time belongs to that one ("el martes a las 10 o el miércoles
      // por la tarde"); one before it may name the hour's own day ("cenar el sábado 5 a las 9:30"),
      // not an alternative ("el martes por la tarde o el miércoles a las 10").
      const between = at >= end ? rawText.slice(end, at) : rawText.slice(at + m[0].length, index);
      if (d > 60) continue;
      if (at >= end && (/\d/.test(between) || WEEKDAY_WORD.test(between) || SPECIFIC_WORD.test(between)))
        continue;
      if (at < end && /[,;:]|\b(?:o|or|y|and|pero|but)\b|\d[:.]\d\d/i.test(between)) continue;
      if (!best || d < best.d) best = { d, pm };
    }
  if (best) return best.pm;
  const withMinutes = /\d[:.]\d{2}/.test(rawText.slice(index, end));
  return hour <= 6 || (hour === 7 && !withMinutes);
}

function sentenceAround(text: string, index: number): string {
  for (const s of sentences(text)) if (index >= s.index && index < s.index + s.text.length) return s.text;
  return text.slice(Math.max(0, index - 80), index + 80);
}

/** Dates and times the writer mentions, in order of appearance. Never throws. */
export function extractDates(rawText: string, options: DateOptions): ExtractedDate[] {
  try {
    return extract(rawText, options);
  } catch {
    return [];
  }
}

function extract(rawText: string, options: DateOptions): ExtractedDate[] {
  const { zone } = options;
  const ref = toReference(options.reference, zone);
  if (!ref.isValid) return [];
  let text = blank(rawText.slice(0, MAX_DATE_TEXT), options.exclude ?? []);
  const spanish = options.language === 'es' || (options.language !== 'en' && /[ñáéíóú¿¡]/i.test(text));
  const language: Language = spanish ? 'es' : 'en';
  const candidates: Candidate[] = [];
  const pmAt: number[] = [];
  const P = DATE_PATTERNS[spanish ? 'es' : 'en'];
  const partAt: { index: number; end: number; part: NonNullable<Candidate['part']> }[] = [];
  for (const [re, part] of P.dayparts)
    for (const m of text.matchAll(new RegExp(re.source, 'gi')))
      partAt.push({ index: m.index, end: m.index + m[0].length, part });
  // A holiday named as a day ("on Christmas Eve", "en Nochebuena", "before Thanksgiving"): its next
  // date when proposed, its last when reported. Before the rewrites ("Good Friday" is no greeting).
  for (const h of HOLIDAYS)
    for (const m of text.matchAll(h.name)) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      if (
        HOLIDAY_GREETING.test(before) ||
        HOLIDAY_THING_AFTER.test(after) ||
        HOLIDAY_THING_BEFORE.test(before)
      )
        continue;
      if (!h.always && !HOLIDAY_TIME_WORD.test(before)) continue;
      const past = tenseAt(rawText, m.index, P) === 'past';
      const at = (year: number) => {
        const [month, day] = h.on(year);
        return ref.set({ year, month, day, hour: 12, minute: 0, second: 0, millisecond: 0 });
      };
      let dt = at(ref.year);
      if (!past && dt.startOf('day') < ref.startOf('day')) dt = at(ref.year + 1);
      if (past && dt.startOf('day') > ref.startOf('day')) dt = at(ref.year - 1);
      if (!dt.isValid) continue;
      candidates.push({
        index: m.index,
        text: rawText.slice(m.index, m.index + m[0].length),
        dt,
        timeCertain: false,
      });
      text = blank(text, [{ index: m.index, length: m[0].length }]);
    }
  // A time that is a standing fact (a doorman's hours, a cut-off) is no proposal, like opening hours.
  for (const re of P.timeFacts) text = text.replace(re, (m) => ' '.repeat(m.length));
  for (const [re, rewrite] of P.rewrites) text = text.replace(re, rewrite);
  // "a week from today", "two weeks from Monday", "de hoy en ocho", "de mañana en una semana".
  for (const m of text.matchAll(WEEKS_FROM)) {
    const g = m.groups!;
    const count = (g.n ?? g.n2 ?? '').toLowerCase();
    // "en ocho (días)" is a week, "en quince (días)" two, as the days are counted in Spanish.
    const amount = count === 'ocho' ? 8 : count === 'quince' ? 15 : (SPAN_WORDS[count] ?? Number(count));
    const inDays = (g.unit && /d[ií]as/i.test(g.unit)) || count === 'ocho' || count === 'quince';
    const weeks = inDays ? Math.round(amount / 7) : amount;
    if (!(weeks >= 1 && weeks <= 8)) continue;
    const from = (g.x ?? g.x2 ?? '').toLowerCase();
    let base = ref.set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    if (/tomorrow|ma[ñn]ana/.test(from)) base = base.plus({ days: 1 });
    const wd = /day$/.test(from) ? weekdayNumber(from) : null;
    if (wd !== null) base = base.plus({ days: (wd - ref.weekday + 7) % 7 || 7 });
    candidates.push({ index: m.index, text: m[0].trim(), dt: base.plus({ weeks }), timeCertain: false });
    text = blank(text, [{ index: m.index, length: m[0].length }]);
  }
  // "¿Te va bien dentro de 15 días?", "Could we do it in two weeks' time?": a day that far ahead, when
  // the sentence asks or plans. Delivery terms ("within 30 days", "en 5 días hábiles") and reports
  // stay durations.
  for (const m of text.matchAll(IN_SPAN)) {
    const sentence = sentenceAround(rawText, m.index);
    const amount = spanAmount(m.groups!.n!);
    if (
      amount === null ||
      /\b(?:h[aá]biles|laborables|working|business)\b/i.test(text.slice(m.index, m.index + m[0].length + 12))
    )
      continue;
    const asks = /\?/.test(sentence) || /\b(?:dentro de|time)\b/i.test(m[0]);
    if (!asks || tenseAt(rawText, m.index, P) === 'past') continue;
    const days = /^(?:semana|week)/i.test(m.groups!.u!) ? amount * 7 : amount;
    const dt = ref.plus({ days }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    candidates.push({ index: m.index, text: m[0].trim(), dt, timeCertain: false });
    text = blank(text, [{ index: m.index, length: m[0].length }]);
  }
  // Durations, ages, years of experience: never dates.
  for (const re of P.notDates) text = text.replace(re, (m) => ' '.repeat(m.length));
  // Opening hours ("abrimos de lunes a viernes de 9 a 14") describe the business, not a proposal.
  for (const sentence of sentences(text)) {
    if (!P.openingHours.test(sentence.text) && !isSchedule(sentence.text)) continue;
    for (const m of [
      ...sentence.text.matchAll(new RegExp(WEEKDAY_RANGE.source, 'gi')),
      ...sentence.text.matchAll(new RegExp(LETTER_RANGE.source, 'g')),
    ])
      text = blank(text, [{ index: sentence.index + m.index, length: m[0].length }]);
    for (const m of sentence.text.matchAll(P.hourRanges))
      text = blank(text, [{ index: sentence.index + m.index, length: m[0].length }]);
    for (const m of sentence.text.matchAll(OPEN_TIME))
      text = blank(text, [{ index: sentence.index + m.index, length: m[0].length }]);
    // "what are your hours on Sunday?", "el horario el domingo": the weekday is the one they open.
    // A one-off ("the street will be closed on Sunday", "este domingo cerramos") is a date.
    // A weekday in a clause of its own that proposes ("we are open 9-5, could you come Tuesday?",
    // "abrimos de 9 a 14, ¿podría pasar el martes?") is the proposal, not the hours.
    if (!/\b(?:will be|is going to be|this|next|estar[aá]|este|esta|pr[oó]ximo)\b/i.test(sentence.text))
      for (const m of sentence.text.matchAll(OPENING_WEEKDAY)) {
        const clause = clauseOf(sentence.text, m.index);
        if (P.proposal.test(clause) && !P.openingHours.test(clause) && !isSchedule(clause)) continue;
        text = blank(text, [{ index: sentence.index + m.index, length: m[0].length }]);
      }
  }
  // "14.04.", "Saturday 14.11": a day and month written with dots, as much of Europe writes them
  // (one part of two digits: "4.5." is a score). With a weekday it must be that weekday's date
  // (else "Friday 10.15" is a time).
  for (const m of text.matchAll(DOTTED_DATE)) {
    const day = Number(m.groups!.d);
    const month = Number(m.groups!.m);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    const wd = m.groups!.wd ? weekdayNumber(m.groups!.wd) : null;
    if (!m.groups!.wd && !m.groups!.dot) continue;
    const past = tenseAt(rawText, m.index, P) === 'past';
    const on = (year: number) =>
      ref.set({ year, month, day, hour: 12, minute: 0, second: 0, millisecond: 0 });
    let dt = on(ref.year);
    if (!dt.isValid || dt.day !== day) continue;
    // As chrono's written dates: only one well behind, in a plan, moves to next year.
    if (!past && dt.startOf('day') < ref.startOf('day').minus({ days: 30 })) dt = on(ref.year + 1);
    if (wd !== null && dt.weekday !== wd) continue;
    candidates.push({ index: m.index, text: m[0].trim(), dt, timeCertain: false });
    text = blank(text, [{ index: m.index, length: m[0].length }]);
  }
  // "tmrw", "2moro", "this arvo": tomorrow and this afternoon as they are typed.
  if (!spanish)
    for (const m of text.matchAll(EN_SHORT_DAYS)) {
      const tomorrow = !/arvo/i.test(m[0]);
      const dt = ref.plus({ days: tomorrow ? 1 : 0 }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
      candidates.push({
        index: m.index,
        text: m[0].trim(),
        dt,
        timeCertain: false,
        ...(tomorrow ? {} : { part: 'afternoon' as const }),
      });
      text = blank(text, [{ index: m.index, length: m[0].length }]);
    }
  // "deliveries Mon-Fri", "de lunes a viernes": the working week, after opening hours have read it.
  text = text.replace(P.workingWeek, (m) => ' '.repeat(m.length));
  // British "Monday week", "a week on Friday": that weekday a week after its next occurrence.
  if (!spanish)
    for (const m of text.matchAll(WEEK_ON)) {
      const wd = weekdayNumber(m.groups!.a ?? m.groups!.b!);
      if (wd === null) continue;
      const ahead = (wd - ref.weekday + 7) % 7 || 7;
      const dt = ref.plus({ days: ahead + 7 }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
      candidates.push({ index: m.index, text: m[0].trim(), dt, timeCertain: false });
      text = blank(text, [{ index: m.index, length: m[0].length }]);
    }
  // "puedo de 4 a 6": a window that starts at 4 (a timetable was blanked above).
  if (spanish)
    text = text.replace(
      /\bde (\d{1,2})(?::(\d{2}))? a (\d{1,2})(?::\d{2})?(?:\s*h)?\b(?!\s*(?:de|del)\b)/gi,
      (m, h: string, min: string | undefined) => pad(m, `a las ${h}${min ? `:${min}` : ''}`),
    );
  // "el 15 del mes que viene", "the 15th of next month": that day of next month.
  for (const m of text.matchAll(NEXT_MONTH_DAY)) {
    const day = Number(m.groups!.d ?? m.groups!.e);
    const next = ref.plus({ months: 1 });
    if (day < 1 || day > next.daysInMonth!) continue;
    const dt = next.set({ day, hour: 12, minute: 0, second: 0, millisecond: 0 });
    candidates.push({ index: m.index, text: m[0].trim(), dt, timeCertain: false });
    text = blank(text, [{ index: m.index, length: m[0].length }]);
  }
  // "between 12 and 15 May", "entre el 12 y el 15 de mayo": one date, the window's first day.
  for (const m of text.matchAll(DAY_WINDOW)) {
    const month = monthNumber(m.groups!.m!);
    if (month === null) continue;
    const past = tenseAt(rawText, m.index, P) === 'past';
    const first = Number(m.groups!.a ?? m.groups!.a2);
    const last = Number(m.groups!.b ?? m.groups!.b2);
    const on = (year: number) =>
      ref.set({ year, month, day: first, hour: 12, minute: 0, second: 0, millisecond: 0 });
    let dt = on(ref.year);
    if (!dt.isValid || dt.day !== first) continue;
    // As chrono's written dates: only one well behind, in a plan, moves to next year.
    if (!past && dt.startOf('day') < ref.startOf('day').minus({ days: 30 })) dt = on(ref.year + 1);
    const end = dt.set({ day: last });
    candidates.push({
      index: m.index,
      text: m[0].trim(),
      dt,
      ...(end.isValid && end > dt ? { end } : {}),
      timeCertain: false,
    });
    text = blank(text, [{ index: m.index, length: m[0].length }]);
  }
  // "a fin de mes", "by the end of the month": the month's last day.
  for (const m of text.matchAll(P.endOfMonth)) {
    const month = m.groups?.next ? ref.plus({ months: 1 }) : ref;
    const dt = month.endOf('month').set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    candidates.push({ index: m.index, text: m[0].trim(), dt, timeCertain: false });
    text = blank(text, [{ index: m.index, length: m[0].length }]);
  }
  // A day of the month alone ("the 9th", "el 9", "antes del 3"): this month when still ahead (or
  // when the sentence reports the past), else next month. A weekday written beside it is checked:
  // when it does not match, the date stays as written and is flagged.
  for (const m of text.matchAll(P.dayOfMonth)) {
    const day = Number(m.groups!.d ?? m.groups!.d2);
    // "desde el 9", "since the 9th" with no plan in its clause: since a day gone by.
    const since =
      /^desde\b/i.test(m[0]) || /\bsince\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
    const past =
      (since && !FUTURE_CUE.test(clauseAround(rawText, m.index))) || tenseAt(rawText, m.index, P) === 'past';
    const base = ref.set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    const onDay = (month: DateTime) => (day <= month.daysInMonth! ? month.set({ day }) : null);
    const written = m.groups!.wd;
    const wd = written ? weekdayNumber(written) : null;
    const months = past ? [base, base.minus({ months: 1 })] : [base, base.plus({ months: 1 })];
    const options = months
      .map(onDay)
      .filter((x): x is DateTime => x !== null)
      .filter((x) =>
        past ? x.startOf('day') <= ref.startOf('day') : x.startOf('day') >= ref.startOf('day'),
      );
    // A weekday beside the number picks the month it is true in ("el viernes 17"), if one is near.
    const sameWeekday = [base.minus({ months: 1 }), base, base.plus({ months: 1 })]
      .map(onDay)
      .filter((x): x is DateTime => x !== null && wd !== null && x.weekday === wd)
      .sort((a, b) => Math.abs(a.diff(ref).toMillis()) - Math.abs(b.diff(ref).toMillis()));
    let dt = sameWeekday[0] ?? options[0];
    // In a report, a day still ahead this month is that day when it is nearer than last month's and
    // no past verb is right before it: the day of an event the report names ("we promised an install
    // on the 22nd" on the 16th, "a reminder for the tasting on the 29th"), not "I sent them on the 9th".
    const ahead = onDay(base);
    const near = rawText
      .slice(Math.max(0, m.index - 30), m.index)
      .split(/[.!?\n]/)
      .pop()!;
    if (
      past &&
      !since &&
      !P.strongPast.test(near) &&
      !PAST_CUE.test(near) &&
      !sameWeekday[0] &&
      dt &&
      ahead &&
      ahead.startOf('day') > ref.startOf('day') &&
      ahead.diff(ref).toMillis() < ref.diff(dt).toMillis()
    )
      dt = ahead;
    if (!dt) continue;
    candidates.push({
      index: m.index,
      text: m[0].trim(),
      dt,
      timeCertain: false,
      ...(wd !== null && wd !== dt.weekday ? { weekdayMismatch: { written: written! } } : {}),
    });
    text = blank(text, [{ index: m.index, length: m[0].length }]);
  }

  // "on Sunday 26 at 9.30", "Monday 27, same hour": a weekday and a bare number that is its date
  // in a month near (else "Friday 3" is 3 o'clock, as chrono reads it).
  if (!spanish)
    for (const m of text.matchAll(
      new RegExp(
        `\\b(?<wd>${EN_DAY}),?\\s+(?<d>[1-9]|[12]\\d|3[01])\\b(?!\\s*(?:[:.]\\d|am\\b|pm\\b|a\\.m|p\\.m|o(?:'|’)?clock|h\\b|hrs?\\b|%|\\/|-|–|to\\b|till\\b|until\\b|and\\b|or\\b|,?\\s*(?:of\\s+)?${MONTH_WORD_EN}))`,
        'gi',
      ),
    )) {
      const wd = weekdayNumber(m.groups!.wd!);
      const day = Number(m.groups!.d);
      const base = ref.set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
      // The weekday pins the date; the tense only chooses between two months that both fit.
      const fits = [base.minus({ months: 1 }), base, base.plus({ months: 1 })]
        .map((month) => (day <= month.daysInMonth! ? month.set({ day }) : null))
        .filter((x): x is DateTime => x !== null && x.weekday === wd)
        .filter((x) => Math.abs(x.startOf('day').diff(ref.startOf('day'), 'days').days) <= 31);
      const past = tenseAt(rawText, m.index, P) === 'past';
      const dt =
        fits.length > 1
          ? fits.find((x) =>
              past ? x.startOf('day') <= ref.startOf('day') : x.startOf('day') >= ref.startOf('day'),
            )
          : fits[0];
      if (!dt) continue;
      candidates.push({ index: m.index, text: m[0].trim(), dt, timeCertain: false });
      text = blank(text, [{ index: m.index, length: m[0].length }]);
    }

  if (spanish) {
    for (const [re, word] of ACCENTS)
      text = text.replace(re, (m) =>
        m[0] === m[0]!.toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word,
      );
    text = text.replace(
      /\b(\d{1,2}(?:[:.]\d{2})?)\s?h(?:rs?)?\b/gi,
      (m, t: string) => t + ' '.repeat(m.length - t.length),
    );
    // "jueves 12 a las 16:00": chrono reads "12 a" as 12 a.m.; the bare time is re-attached later.
    // So does "de 6 a" before a blanked amount ("packs de 6 a 12,50 €" with the price set apart).
    text = text.replace(/(\d)\s+a(?=\s+las\b|\s{3,}|\s*$)/gi, (m) => m.charAt(0) + ' '.repeat(m.length - 1));
    for (const m of text.matchAll(/\b(anoche|anteayer|antes de ayer)\b/gi)) {
      const days = /anoche/i.test(m[0]) ? 1 : 2;
      candidates.push({
        index: m.index,
        text: m[0],
        dt: ref.minus({ days }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 }),
        timeCertain: false,
      });
      text = blank(text, [{ index: m.index, length: m[0].length }]);
    }
    text = text.replace(DAYPART, (m, _p: string, part: string, offset: number) => {
      if (/tarde|noche/i.test(part)) pmAt.push(offset);
      return ' '.repeat(m.length);
    });
    for (const m of text.matchAll(ES_RANGE)) {
      const month = MONTHS_ES[m[3]!.toLowerCase()]!;
      let start = ref.set({ month, day: Number(m[1]), hour: 12, minute: 0, second: 0, millisecond: 0 });
      if (start < ref.minus({ months: 6 })) start = start.plus({ years: 1 });
      const end = start.set({ day: Number(m[2]) });
      if (start.isValid && end.isValid)
        candidates.push({ index: m.index, text: m[0], dt: start, end, timeCertain: false });
      text = blank(text, [{ index: m.index, length: m[0].length }]);
    }
    for (const m of text.matchAll(ES_DAY_ONLY)) {
      let dt = ref.set({ day: Number(m[1]), hour: 12, minute: 0, second: 0, millisecond: 0 });
      if (!dt.isValid || dt.day !== Number(m[1])) continue;
      if (dt.startOf('day') < ref.startOf('day') && !PAST_CUE.test(sentenceAround(rawText, m.index)))
        dt = dt.plus({ months: 1 });
      const timed = m[2] !== undefined;
      if (timed) dt = dt.set({ hour: Number(m[2]), minute: Number(m[3] ?? 0) });
      const endAt = m.index + m[0].length;
      if (timed && dt.hour < 12 && pmAt.some((p) => p >= endAt && p - endAt <= 3))
        dt = dt.plus({ hours: 12 });
      if (dt.isValid)
        candidates.push({
          index: m.index,
          text: rawText.slice(m.index, endAt).trim(),
          dt,
          timeCertain: timed,
        });
      text = blank(text, [{ index: m.index, length: m[0].length }]);
    }
  }

  const parser = chronoFor(language, zone);
  const results = parser.parse(text, { instant: ref.toJSDate(), timezone: ref.offset });
  for (const r of results) {
    let index = r.index;
    let matched = rawText.slice(r.index, r.index + r.text.length);
    if (AGO.test(r.text.trim()) || DURATION.test(r.text.trim())) continue;
    // "un grupo de 10": a bare number is a count, not a time.
    if (/^(de|del|desde|from|of|para|for)?\s*\d{1,2}$/i.test(r.text.trim())) continue;
    // "your statement for March 2025", "expires September 2027": a month names no day.
    if (
      r.start.isCertain('month') &&
      !r.start.isCertain('day') &&
      !r.start.isCertain('weekday') &&
      !r.start.isCertain('hour')
    )
      continue;
    let timeCertain = r.start.isCertain('hour');
    let dt = fromComponents(r.start, zone);
    if (!dt) continue;
    const before = text.slice(Math.max(0, index - 8), index);
    const after = text.slice(index + r.text.length, index + r.text.length + 12);
    if (spanish && /pasado\s+$/i.test(before) && /mañana/i.test(r.text)) {
      dt = dt.plus({ days: 1 });
      const start = index - (before.length - before.search(/pasado\s+$/i));
      matched = rawText.slice(start, index + r.text.length);
      index = start;
    }
    const named = weekdayIn(r.text);
    const weekdayOnly = !r.start.isCertain('day') && (r.start.isCertain('weekday') || named !== null);
    // chrono sometimes lands a weekday phrase ("evening on Friday") on the wrong day.
    if (weekdayOnly && named !== null && dt.weekday !== named)
      dt = dt.plus({ days: (named - dt.weekday + 7) % 7 });
    if (weekdayOnly) {
      if (spanish && /^\s*que viene/i.test(after)) {
        while (dt.startOf('day') <= ref.startOf('day')) dt = dt.plus({ weeks: 1 });
        matched += after.match(/^\s*que viene/i)![0];
      } else if (/\b(pasad[oa]|last|past)\b/i.test(r.text) || /^\s*pasad[oa]\b/i.test(after)) {
        // "el martes pasado" said on a Tuesday is a week ago, not today.
        while (dt.startOf('day') >= ref.startOf('day')) dt = dt.minus({ weeks: 1 });
      } else if (P.nextWeek.test(r.text)) {
        // "Monday through Wednesday next week": chrono may land on this week's Monday.
        const following = ref.startOf('week').plus({ weeks: 1 });
        while (dt.startOf('day') < following) dt = dt.plus({ weeks: 1 });
      } else if (!MODIFIER.test(r.text)) {
        const future = tenseAt(rawText, index, P) === 'future';
        // "next week ... Tuesday or Wednesday": a bare weekday after next week is named is in it.
        const nextWeek =
          P.nextWeek.test(rawText.slice(Math.max(0, index - 200), index)) ||
          // "next Tuesday or Wednesday", "el próximo martes o miércoles": the other day is in that week.
          /\b(?:next|pr[oó]xim[oa])\s+\p{L}+\s*(?:,|or|and|&|\/|o|y)\s*(?:el\s+|on\s+)?$/iu.test(
            rawText.slice(Math.max(0, index - 30), index),
          ) ||
          // "Monday through Wednesday next week", "de martes a jueves de la semana que viene".
          P.nextWeek.test(rawText.slice(index, index + r.text.length + 40).split(/[.;!?\n]|,\s(?!\d)/)[0]!);
        if (future) {
          while (dt.startOf('day') < ref.startOf('day')) dt = dt.plus({ weeks: 1 });
          // "Can we meet Tuesday?" written on a Tuesday: today would be "today", so it is next week's.
          if (dt.hasSame(ref, 'day') && !/\b(?:hoy|today|tonight|esta noche)\b/i.test(r.text))
            dt = dt.plus({ weeks: 1 });
          const following = ref.startOf('week').plus({ weeks: 1 });
          if (nextWeek) while (dt.startOf('day') < following) dt = dt.plus({ weeks: 1 });
        } else {
          while (dt.startOf('day') > ref.startOf('day')) dt = dt.minus({ weeks: 1 });
          // "I waited two hours on Tuesday" written on a Tuesday: today would be "today", so it is
          // last week's.
          if (dt.hasSame(ref, 'day') && !/\b(?:hoy|today|tonight|esta noche)\b/i.test(r.text))
            dt = dt.minus({ weeks: 1 });
        }
      }
    }
    if (!WEEKDAY_WORD.test(r.text) && !SPECIFIC_WORD.test(r.text)) continue;
    // "el 15/12" with no year: proposals point ahead, reports of what happened point back.
    if (r.start.isCertain('day') && !r.start.isCertain('year') && !r.tags().has('casualReference/today')) {
      const sentence = sentenceAround(rawText, index);
      // Only a date well behind is moved to next year: "in 5 May" a week ago is a report, not a plan.
      if (
        dt.startOf('day') < ref.minus({ days: 30 }).startOf('day') &&
        FUTURE_CUE.test(sentence) &&
        tenseOf(sentence, P) === 'future' &&
        !PAST_CUE.test(sentence)
      ) {
        dt = dt.plus({ years: 1 });
      }
    }
    // "a las 5 de la tarde": the daypart was masked, its meaning comes back here.
    // Both read the hour as written, not as moved into the reader's zone ("at 10 CET").
    const endAt = index + r.text.length;
    const written = r.start.get('hour') ?? dt.hour;
    if (timeCertain && written < 12 && pmAt.some((p) => p >= endAt && p - endAt <= 3))
      dt = dt.plus({ hours: 12 });
    // An hour with no am/pm: the morning or evening named nearest it decides, else afternoon.
    else if (timeCertain && !r.start.isCertain('meridiem') && written >= 1 && written <= 11)
      if (afternoonHour(rawText, index, endAt, written, P)) dt = dt.plus({ hours: 12 });
    const end = r.end ? fromComponents(r.end, zone) : null;
    const onlyTime =
      r.start.isCertain('hour') &&
      (TIME_ONLY.test(r.text.trim()) || /^(?:at\s+)?(?:noon|midday)$/i.test(r.text.trim()));
    if (onlyTime) timeCertain = true;
    // A rewritten word ("mediodía" → "las 12") ends earlier than the written one: show it whole.
    const tail = /^\p{L}+/u.exec(rawText.slice(index + matched.length));
    if (tail && /\p{L}$/u.test(matched)) matched += tail[0];
    // And "Saturday between 9 and 11" read as "Saturday at 9".
    const window = /^\s\d{1,2} and (?:\d{1,2}|noon|midday)\b/.exec(rawText.slice(index + matched.length));
    if (window && /\bbetween$/i.test(matched)) matched += window[0];
    // And "around 23.30" read as "at 23.30".
    const digits = /^[\d:.]*\d/.exec(rawText.slice(index + matched.length));
    if (digits && /\d$/.test(matched)) matched += digits[0];
    const hour = /^\s\d{1,2}(?:[:.]\d{2})?\b/.exec(rawText.slice(index + matched.length));
    if (hour && /\b(?:around|about|circa)$/i.test(matched)) matched += hour[0];
    // So does "10:00 a. m." read as "10:00 am".
    const meridiem = /^\s?m\./.exec(rawText.slice(index + matched.length));
    if (meridiem && /\d\s?[ap]\.$/i.test(matched)) matched += meridiem[0];
    candidates.push({
      index,
      text: matched.trim(),
      dt,
      end: end ?? undefined,
      timeCertain: timeCertain || onlyTime,
      weekdayOnly,
    });
    if (onlyTime) (candidates[candidates.length - 1] as Candidate & { onlyTime?: boolean }).onlyTime = true;
  }
  // Parts of the day beside a day without a time: "el jueves por la tarde", "first thing Monday".
  for (const c of candidates) {
    if (c.timeCertain || c.part) continue;
    const end = c.index + c.text.length;
    const near = partAt.find(
      (p) => (p.index >= end && p.index - end <= 4) || (p.end <= c.index && c.index - p.end <= 2),
    );
    if (near) c.part = near.part;
  }
  return finish(candidates, rawText, ref, zone, (i) => tenseAt(rawText, i, P) === 'past');
}

function finish(
  candidates: (Candidate & { onlyTime?: boolean })[],
  rawText: string,
  ref: DateTime,
  zone: string,
  reportsPast: (index: number) => boolean,
): ExtractedDate[] {
  candidates.sort((a, b) => a.index - b.index);
  // A bare time ("a las 21:00") belongs to the day named earlier in the same sentence; alone, it is
  // today when still ahead, else it is not a date worth keeping.
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (c.onlyTime) {
      const sentence = sentences(rawText).find(
        (s) => c.index >= s.index && c.index < s.index + s.text.length,
      );
      // The day named last before it, in this sentence or an earlier one ("Quedamos el martes. A las
      // 17:30 me va bien"), unless another time already went to that day.
      const last = kept[kept.length - 1];
      const anchor =
        [...kept].reverse().find((k) => !k.timeCertain && sentence && k.index >= sentence.index) ??
        (last && !last.timeCertain && c.index - (last.index + last.text.length) < 200 ? last : undefined);
      if (anchor) {
        anchor.dt = anchor.dt.set({ hour: c.dt.hour, minute: c.dt.minute });
        anchor.timeCertain = true;
        anchor.text = rawText.slice(anchor.index, c.index + c.text.length).trim();
        // "el martes o el miércoles, cualquiera de los dos después de las 4", "Tuesday or Wednesday,
        // either day after 4": the time goes to each day offered.
        if (
          sentence &&
          /\b(?:cualquiera de (?:los|las) dos|los dos d[ií]as|ambos d[ií]as|either (?:day|of them|one)|both days|any of (?:them|those days))\b/i.test(
            rawText.slice(anchor.index, c.index),
          )
        )
          for (const k of kept)
            if (k !== anchor && !k.timeCertain && k.index >= sentence.index && k.index < anchor.index) {
              k.dt = k.dt.set({ hour: c.dt.hour, minute: c.dt.minute });
              k.timeCertain = true;
            }
        continue;
      }
      // Or the day right after it: "las 21:30 del sábado", "3pm on Friday".
      const next = candidates[candidates.indexOf(c) + 1];
      const gap = next ? rawText.slice(c.index + c.text.length, next.index) : '';
      if (
        next &&
        !next.timeCertain &&
        /^\s*(?:h|hs|hrs|horas)?[\s,]*(?:(?:slot|appointment|meeting|call|visit|booking|one|cita|reuni[oó]n|llamada|visita|reserva)\s+)?(?:del?|el|on|this|next)?\s*$/i.test(
          gap,
        )
      ) {
        next.dt = next.dt.set({ hour: c.dt.hour, minute: c.dt.minute });
        next.timeCertain = true;
        next.text = rawText.slice(c.index, next.index + next.text.length).trim();
        next.index = c.index;
        continue;
      }
      // Alone, a time still ahead today is today's, unless the sentence reports the past ("I was
      // there at 3"): then its day is unknown.
      // In a report, a later time is on the day the story is about: "booked for yesterday, 8 to 12.
      // He showed up at 3:40", "pedí a las 12:30 y llegó a las 2".
      if (reportsPast(c.index)) {
        if (
          last &&
          last.dt.startOf('day') <= ref.startOf('day') &&
          c.index - (last.index + last.text.length) < 250
        ) {
          const dt = last.dt.set({ hour: c.dt.hour, minute: c.dt.minute });
          if (!kept.some((k) => k.timeCertain && k.dt.toMillis() === dt.toMillis()))
            kept.push({ index: c.index, text: c.text, dt, timeCertain: true });
        }
        continue;
      }
      if (c.dt <= ref) continue;
    }
    kept.push(c);
  }
  // "al viernes a la misma hora", "Friday, same time", "Monday same hour": the time named before.
  for (let i = 1; i < kept.length; i++) {
    const c = kept[i]!;
    if (c.timeCertain) continue;
    const after = rawText.slice(c.index + c.text.length, c.index + c.text.length + 25);
    const earlier = [...kept.slice(0, i)].reverse().find((k) => k.timeCertain);
    if (earlier && /^[\s,]*(?:(?:a|at) )?(?:la |the )?(?:misma hora|same (?:time|hour))\b/i.test(after)) {
      c.dt = c.dt.set({ hour: earlier.dt.hour, minute: earlier.dt.minute });
      c.timeCertain = true;
    }
  }
  // "the Sunday roast on 5 April", "Easter Monday (6 April)": the weekday names the explicit date.
  for (let i = kept.length - 1; i >= 0; i--) {
    const c = kept[i]!;
    if (!c.weekdayOnly) continue;
    const sentence = sentences(rawText).find((s) => c.index >= s.index && c.index < s.index + s.text.length);
    const named = weekdayIn(c.text);
    const explicit = kept.find(
      (k) =>
        k !== c &&
        !k.weekdayOnly &&
        sentence &&
        k.index >= sentence.index &&
        k.index < sentence.index + sentence.text.length &&
        k.dt.weekday === named &&
        // A written date ("5 April"), not a relative word: "yesterday … until Monday" are two days.
        /\d/.test(k.text) &&
        !/\b(?:yesterday|today|tomorrow|tonight|ayer|hoy|ma[ñn]ana|anoche|pasado ma[ñn]ana)\b/i.test(k.text),
    );
    if (explicit) kept.splice(i, 1);
  }
  // A day named twice ("hoy ... hoy a las 21:00") is one date: keep the one that knows the time.
  const out: ExtractedDate[] = [];
  for (const c of kept) {
    const day = c.dt.toISODate()!;
    if (!c.timeCertain && kept.some((k) => k !== c && k.timeCertain && k.dt.toISODate() === day)) continue;
    if (
      out.some(
        (o) => o.day === day && o.timeCertain === c.timeCertain && (!c.timeCertain || o.start === iso(c.dt)),
      )
    )
      continue;
    out.push({
      text: c.text,
      start: iso(c.dt),
      ...(c.end && c.end > c.dt ? { end: iso(c.end) } : {}),
      day,
      timeCertain: c.timeCertain,
      zone,
      ...(c.part && !c.timeCertain ? { part: c.part } : {}),
      ...(c.dt.startOf('day') < ref.startOf('day') ? { past: true } : {}),
      ...(c.weekdayMismatch ? { weekdayMismatch: c.weekdayMismatch } : {}),
    });
  }
  return out;
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true })!;
}

/** True when two extracted dates name the same moment (same day; same minute when both are timed). */
export function sameDate(
  a: Pick<ExtractedDate, 'day' | 'start' | 'timeCertain'>,
  b: Pick<ExtractedDate, 'day' | 'start' | 'timeCertain'>,
): boolean {
  if (a.day !== b.day) return false;
  if (a.timeCertain && b.timeCertain)
    return DateTime.fromISO(a.start).toMillis() === DateTime.fromISO(b.start).toMillis();
  return true;
}
