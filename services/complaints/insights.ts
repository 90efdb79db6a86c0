import { DateTime } from 'luxon';
import { db, type Complaint, type Severity } from '../db/db';
import { dueFor } from './sla';
import { responseStart } from './first-response';
import { getBusinessHours, getSlaTargets, SEVERITIES, type BusinessHours, type SlaTargets } from './settings';

// What complaints teach the business, as plain numbers: what people complain about week by week,
// how fast they are answered, where the SLA slips, who keeps coming back, and the phrases that
// recur. Pure functions over complaint records; the page only loads and draws them.

export interface WeeklyCounts {
  /** Start of each week (Monday 00:00 in the business zone), ms, oldest first. */
  weeks: number[];
  categories: string[];
  /** counts[category][i] = complaints logged in weeks[i]. */
  counts: Record<string, number[]>;
}

export function weekStart(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).startOf('week').toMillis();
}

/** Weeks from `from` to `to` (both included), every week present even when empty. */
export function weeklyByCategory(
  complaints: readonly Complaint[],
  zone: string,
  from: number,
  to: number,
): WeeklyCounts {
  const weeks: number[] = [];
  for (
    let w = DateTime.fromMillis(weekStart(from, zone), { zone });
    w.toMillis() <= to;
    w = w.plus({ weeks: 1 })
  )
    weeks.push(w.toMillis());
  const index = new Map(weeks.map((w, i) => [w, i]));
  const counts: Record<string, number[]> = {};
  for (const c of complaints) {
    const i = index.get(weekStart(c.createdAt, zone));
    if (i === undefined) continue;
    (counts[c.category] ??= weeks.map(() => 0))[i]! += 1;
  }
  const total = (cat: string) => counts[cat]!.reduce((a, b) => a + b, 0);
  const categories = Object.keys(counts).sort((a, b) => total(b) - total(a) || a.localeCompare(b));
  return { weeks, categories, counts };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ResponseTimes {
  /**
   * Median ms from the customer's message (or the logging, when the thread gave no date) to our
   * first reply sent in the thread; null with no data. Status changes are not replies.
   */
  firstResponse: number | null;
  firstResponseCount: number;
  resolution: number | null;
  resolutionCount: number;
}

export function responseTimes(complaints: readonly Complaint[]): ResponseTimes {
  const first = complaints
    .filter((c) => c.firstResponseAt !== null)
    .map((c) => Math.max(0, c.firstResponseAt! - responseStart(c)));
  const resolved = complaints.filter((c) => c.resolvedAt !== null).map((c) => c.resolvedAt! - c.createdAt);
  return {
    firstResponse: median(first),
    firstResponseCount: first.length,
    resolution: median(resolved),
    resolutionCount: resolved.length,
  };
}

export type BreachCounts = Record<Severity | 'total', { firstResponse: number; resolution: number }>;

/**
 * Deadlines missed, recomputed from the SLA settings in force now: a first response later than its
 * target (or still missing past it), a resolution later than its target (or still open past it).
 */
export function slaBreaches(
  complaints: readonly Complaint[],
  sla: SlaTargets,
  hours: BusinessHours,
  now: number,
): BreachCounts {
  const out = Object.fromEntries(
    [...SEVERITIES, 'total'].map((s) => [s, { firstResponse: 0, resolution: 0 }]),
  ) as BreachCounts;
  for (const c of complaints) {
    const open = c.status !== 'resolved' && c.status !== 'closed';
    // Still unanswered and open: late as of now. Resolved without a reply we could read: unknown.
    const answered = c.firstResponseAt ?? (open ? now : null);
    const resolved = c.resolvedAt ?? (open ? now : null);
    if (answered !== null && answered > dueFor(c.createdAt, c.severity, 'firstResponse', sla, hours)) {
      out[c.severity].firstResponse++;
      out.total.firstResponse++;
    }
    if (resolved !== null && resolved > dueFor(c.createdAt, c.severity, 'resolution', sla, hours)) {
      out[c.severity].resolution++;
      out.total.resolution++;
    }
  }
  return out;
}

export interface RepeatCustomer {
  email: string;
  name: string;
  count: number;
  lastAt: number;
  categories: string[];
}

export function repeatCustomers(complaints: readonly Complaint[], top = 10): RepeatCustomer[] {
  const by = new Map<string, RepeatCustomer>();
  for (const c of complaints) {
    const email = c.customerEmail.trim().toLowerCase();
    if (!email) continue;
    const r = by.get(email) ?? { email, name: '', count: 0, lastAt: 0, categories: [] };
    r.count++;
    if (c.createdAt >= r.lastAt) [r.lastAt, r.name] = [c.createdAt, c.customerName || r.name];
    if (!r.categories.includes(c.category)) r.categories.push(c.category);
    by.set(email, r);
  }
  return [...by.values()]
    .filter((r) => r.count > 1)
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
    .slice(0, top);
}

const STOPWORDS = new Set(
  // Spanish
  (
    'a al algo algun alguna algunas alguno algunos ante antes aqui asi aun como con contra cual cuando de del desde ' +
    'donde dos el ella ellas ello ellos en entre era eran es esa esas ese eso esos esta estaba estado estan estar este ' +
    'esto estos estoy fue fueron ha habia han has hasta hay he la las le les lo los me mi mis mucho muy mas nos nosotros ' +
    'o os otra otro para pero poco por porque que quien se sea ser si sin sobre son su sus tambien te tengo tiene tienen ' +
    'todo todos tu tus un una uno unos usted vez ya yo hola gracias saludos buenos buenas dias tardes favor ' +
    // English
    'about after again all also am an and any are as at be been before being but by can could did do does for from had ' +
    'has have having he her here hers him his how i if in into is it its just me more most my no nor of on once only or ' +
    'other our out over own same she should so some such than that the their them then there these they this those ' +
    'through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'hello hi thanks thank dear regards please'
  ).split(' '),
);
// Negations carry meaning in complaints ("no funciona", "not working").
STOPWORDS.delete('no');

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Runs of meaningful words, split at stopwords, numbers and punctuation. */
export function phraseRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const token of text.toLowerCase().split(/([^\p{L}]+)/u)) {
    if (!token) continue;
    const isWord = /^\p{L}+$/u.test(token);
    if (isWord && token.length > 1 && !STOPWORDS.has(fold(token))) {
      run.push(token);
      continue;
    }
    if (!isWord && /^[ \t]+$/.test(token)) continue;
    if (run.length) runs.push(run);
    run = [];
  }
  if (run.length) runs.push(run);
  return runs;
}

export interface Phrase {
  phrase: string;
  /** Complaints it appears in. */
  count: number;
}

/** Phrases (1–3 words, stopwords in Spanish and English removed) recurring in each category. */
export function topPhrases(
  complaints: readonly Complaint[],
  perCategory = 5,
  minCount = 2,
): Record<string, Phrase[]> {
  const byCategory = new Map<string, Map<string, number>>();
  for (const c of complaints) {
    const seen = new Set<string>();
    for (const run of phraseRuns(`${c.subject}\n${c.summary}`))
      for (let n = 1; n <= 3; n++)
        for (let i = 0; i + n <= run.length; i++) seen.add(run.slice(i, i + n).join(' '));
    const counts = byCategory.get(c.category) ?? new Map<string, number>();
    for (const p of seen) counts.set(p, (counts.get(p) ?? 0) + 1);
    byCategory.set(c.category, counts);
  }
  const out: Record<string, Phrase[]> = {};
  for (const [category, counts] of byCategory) {
    const ranked = [...counts]
      .filter(([, n]) => n >= minCount)
      .sort(
        (a, b) => b[1] - a[1] || b[0].split(' ').length - a[0].split(' ').length || a[0].localeCompare(b[0]),
      );
    const kept: Phrase[] = [];
    for (const [phrase, count] of ranked) {
      // A phrase inside a longer one that recurs as often says nothing new.
      if (kept.some((k) => k.count === count && ` ${k.phrase} `.includes(` ${phrase} `))) continue;
      kept.push({ phrase, count });
      if (kept.length === perCategory) break;
    }
    out[category] = kept;
  }
  return out;
}

export interface Insights {
  from: number;
  to: number;
  zone: string;
  total: number;
  weekly: WeeklyCounts;
  times: ResponseTimes;
  breaches: BreachCounts;
  repeat: RepeatCustomer[];
  phrases: Record<string, Phrase[]>;
}

export function computeInsights(
  complaints: readonly Complaint[],
  options: { from: number; to: number; sla: SlaTargets; hours: BusinessHours },
): Insights {
  const { from, to, sla, hours } = options;
  return {
    from,
    to,
    zone: hours.zone,
    total: complaints.length,
    weekly: weeklyByCategory(complaints, hours.zone, from, to),
    times: responseTimes(complaints),
    breaches: slaBreaches(complaints, sla, hours, to),
    repeat: repeatCustomers(complaints),
    phrases: topPhrases(complaints),
  };
}

/** Insights over the complaints logged in the last `weeks` weeks (read through the createdAt index). */
export async function loadInsights(weeks: number, now: number = Date.now()): Promise<Insights> {
  const [sla, hours] = await Promise.all([getSlaTargets(), getBusinessHours()]);
  const from = DateTime.fromMillis(weekStart(now, hours.zone), { zone: hours.zone })
    .minus({ weeks: weeks - 1 })
    .toMillis();
  const complaints = await db.complaints.where('createdAt').between(from, now, true, true).toArray();
  return computeInsights(complaints, { from, to: now, sla, hours });
}

/**
 * Y-axis ticks for counts: whole numbers only (there is no half complaint), from 0 to at least
 * the largest count, at a step of 1, 2, 5, 10, 20… that keeps about `maxTicks` of them.
 */
/** 1, 2, 5, 10, 20, 50, 100… */
function* niceSteps(): Generator<number> {
  for (let magnitude = 1; ; magnitude *= 10) for (const m of [1, 2, 5]) yield m * magnitude;
}

export function countTicks(max: number, maxTicks = 6): number[] {
  const top = Math.max(1, Math.ceil(max));
  const step = niceSteps().find((n) => Math.ceil(top / n) + 1 <= maxTicks)!;
  const end = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= end; v += step) ticks.push(v);
  return ticks;
}

/**
 * Which week starts get a label on the x axis: every week when they fit, else every 2nd, 4th…
 * counted back from the latest week, so the most recent one is always labelled. Each label sits
 * exactly on its week's start (the ticks are the week starts themselves, not round dates).
 */
export function labelledWeeks(weeks: readonly number[], width: number, labelWidth = 64): Set<number> {
  const fit = Math.max(1, Math.floor(width / labelWidth));
  let every = 1;
  while (Math.ceil(weeks.length / every) > fit) every *= 2;
  return new Set(weeks.filter((_, i) => (weeks.length - 1 - i) % every === 0));
}
