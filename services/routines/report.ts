import { DateTime } from 'luxon';
import { db, type Complaint, type PraiseRecord, type Task } from '../db/db';
import type { AgendaEvent } from '../calendar/types';
import { dueFor } from '../complaints/sla';
import {
  median,
  phraseRuns,
  topPhrases,
  weekStart,
  weeklyByCategory,
  type WeeklyCounts,
} from '../complaints/insights';
import { getBusinessHours, getSlaTargets, type BusinessHours, type SlaTargets } from '../complaints/settings';
import { shortQuote } from './praise';

// The weekly report: what customers complained about week by week, how fast we answered against
// the SLA, the issues that keep coming back (with a short quote each), what customers thank us
// for, meetings held and tasks done late — and observations in plain words computed from those
// figures. Pure over records; the page loads, draws, prints and exports it.

export const REPORT_WEEKS = 8;

export interface WeekResponse {
  week: number;
  answered: number;
  withinSla: number;
  /** Not answered and already past the first-response deadline at the end of the week (or now). */
  lateUnanswered: number;
  medianHours: number | null;
}

export interface Recurring {
  category: string;
  phrase: string;
  count: number;
  /** A short example in the customer's words (text only). */
  quote: string;
}

export interface WeekTasks {
  week: number;
  done: number;
  late: number;
}

export type Observation =
  | { kind: 'rose'; category: string; since: number; before: number; after: number; factor: number }
  | { kind: 'fell'; category: string; since: number; before: number; after: number }
  | { kind: 'sla'; lastWeek: number; before: number | null }
  | { kind: 'recurring'; phrase: string; count: number; category: string }
  | { kind: 'late-tasks'; late: number; done: number }
  | { kind: 'thanks'; phrase: string; count: number }
  | { kind: 'quiet' };

export interface WeeklyReport {
  zone: string;
  from: number;
  to: number;
  weeks: number[];
  byCategory: WeeklyCounts;
  response: WeekResponse[];
  recurring: Recurring[];
  thanks: { total: number; themes: { phrase: string; count: number; quote: string }[] };
  meetings: number[];
  tasks: WeekTasks[];
  observations: Observation[];
}

export interface ReportInput {
  complaints: readonly Complaint[];
  tasks: readonly Task[];
  praise: readonly PraiseRecord[];
  meetings: readonly AgendaEvent[];
  sla: SlaTargets;
  hours: BusinessHours;
  now: number;
  weeks?: number;
}

function weekIndex(weeks: readonly number[], zone: string) {
  const index = new Map(weeks.map((w, i) => [w, i]));
  return (ms: number) => index.get(weekStart(ms, zone));
}

const containsPhrase = (text: string, phrase: string) => {
  const words = phraseRuns(text).map((run) => ` ${run.join(' ')} `);
  return words.some((run) => run.includes(` ${phrase} `));
};

/** The sentence (or line) of `text` holding the phrase, shortened: the example quote. */
function quoteFor(text: string, phrase: string): string {
  const sentences = text.split(/(?<=[.!?¡¿])\s+|\n+/);
  return shortQuote(sentences.find((s) => containsPhrase(s, phrase)) ?? text);
}

function responses(input: ReportInput, weeks: number[]): WeekResponse[] {
  const { zone } = input.hours;
  const at = weekIndex(weeks, zone);
  const out = weeks.map((week) => ({
    week,
    answered: 0,
    withinSla: 0,
    lateUnanswered: 0,
    times: [] as number[],
  }));
  for (const c of input.complaints) {
    const i = at(c.createdAt);
    if (i === undefined) continue;
    const due = dueFor(c.createdAt, c.severity, 'firstResponse', input.sla, input.hours);
    const row = out[i]!;
    if (c.firstResponseAt !== null) {
      row.answered += 1;
      row.times.push(c.firstResponseAt - (c.receivedAt ?? c.createdAt));
      if (c.firstResponseAt <= due) row.withinSla += 1;
    } else if (due < input.now) row.lateUnanswered += 1;
  }
  return out.map(({ times, ...row }) => {
    const m = median(times);
    return { ...row, medianHours: m === null ? null : Math.round((m / 3_600_000) * 10) / 10 };
  });
}

function recurringIssues(complaints: readonly Complaint[]): Recurring[] {
  const phrases = topPhrases(complaints, 3, 2);
  const all = Object.entries(phrases).flatMap(([category, list]) => list.map((p) => ({ category, ...p })));
  all.sort((a, b) => b.count - a.count || b.phrase.split(' ').length - a.phrase.split(' ').length);
  // A phrase is one issue wherever it comes from: shown once, under the category it is most in.
  const seen = new Set<string>();
  const distinct = all.filter((p) => !seen.has(p.phrase) && seen.add(p.phrase));
  return distinct.slice(0, 6).map((p) => {
    const example = [...complaints]
      .sort((a, b) => b.createdAt - a.createdAt)
      .find((c) => c.category === p.category && containsPhrase(`${c.subject}\n${c.summary}`, p.phrase));
    return { ...p, quote: example ? quoteFor(`${example.summary}\n${example.subject}`, p.phrase) : '' };
  });
}

function thanksThemes(praise: readonly PraiseRecord[]) {
  const counts = new Map<string, { count: number; quote: string }>();
  for (const p of [...praise].sort((a, b) => b.at - a.at)) {
    const seen = new Set<string>();
    for (const run of phraseRuns(p.quote))
      for (let n = 1; n <= 2; n++)
        for (let i = 0; i + n <= run.length; i++) seen.add(run.slice(i, i + n).join(' '));
    for (const phrase of seen) {
      const found = counts.get(phrase);
      counts.set(phrase, { count: (found?.count ?? 0) + 1, quote: found?.quote ?? p.quote });
    }
  }
  const ranked = [...counts]
    .filter(([, v]) => v.count >= 2 || praise.length < 4)
    .sort((a, b) => b[1].count - a[1].count || b[0].split(' ').length - a[0].split(' ').length);
  const kept: { phrase: string; count: number; quote: string }[] = [];
  for (const [phrase, v] of ranked) {
    if (kept.some((k) => k.count === v.count && ` ${k.phrase} `.includes(` ${phrase} `))) continue;
    kept.push({ phrase, ...v });
    if (kept.length === 3) break;
  }
  return { total: praise.length, themes: kept };
}

function tasksByWeek(tasks: readonly Task[], weeks: number[], zone: string): WeekTasks[] {
  const at = weekIndex(weeks, zone);
  const out = weeks.map((week) => ({ week, done: 0, late: 0 }));
  for (const task of tasks) {
    if (task.status !== 'done' || task.skipped || task.completedAt === null) continue;
    const i = at(task.completedAt);
    if (i === undefined) continue;
    out[i]!.done += 1;
    if (task.dueAt === null) continue;
    const deadline = task.dueAllDay
      ? DateTime.fromMillis(task.dueAt, { zone }).endOf('day').toMillis()
      : task.dueAt;
    if (task.completedAt > deadline) out[i]!.late += 1;
  }
  return out;
}

function meetingsByWeek(
  events: readonly AgendaEvent[],
  weeks: number[],
  zone: string,
  now: number,
): number[] {
  const at = weekIndex(weeks, zone);
  const out = weeks.map(() => 0);
  const seen = new Set<string>();
  for (const e of events) {
    if (e.startMs > now || e.status === 'cancelled' || e.myResponse === 'declined' || seen.has(e.id))
      continue;
    seen.add(e.id);
    const i = at(e.startMs);
    if (i !== undefined) out[i]! += 1;
  }
  return out;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Changes worth saying about each category: the earliest week from which every complete week holds at least
 * twice (or at most half) the weekly average of the weeks before it, with enough complaints to
 * mean something (3 or more since then).
 */
function categoryChanges(weekly: WeeklyCounts): Observation[] {
  const out: Observation[] = [];
  for (const category of weekly.categories) {
    // The current week is not over: it would always look like a fall.
    const counts = (weekly.counts[category] ?? []).slice(0, -1);
    for (let k = 2; k < counts.length; k++) {
      const before = sum(counts.slice(0, k)) / k;
      const afterCounts = counts.slice(k);
      const after = sum(afterCounts) / afterCounts.length;
      if (before > 0 && sum(afterCounts) >= 3 && afterCounts.every((n) => n >= 2 * before)) {
        out.push({ kind: 'rose', category, since: weekly.weeks[k]!, before, after, factor: after / before });
        break;
      }
      if (before >= 1.5 && afterCounts.length >= 2 && afterCounts.every((n) => n <= before / 2)) {
        out.push({ kind: 'fell', category, since: weekly.weeks[k]!, before, after });
        break;
      }
    }
  }
  return out;
}

export function computeReport(input: ReportInput): WeeklyReport {
  const zone = input.hours.zone;
  const count = input.weeks ?? REPORT_WEEKS;
  const from = DateTime.fromMillis(weekStart(input.now, zone), { zone })
    .minus({ weeks: count - 1 })
    .toMillis();
  const byCategory = weeklyByCategory(input.complaints, zone, from, input.now);
  const weeks = byCategory.weeks;
  const response = responses(input, weeks);
  const inRange = input.complaints.filter((c) => c.createdAt >= from && c.createdAt <= input.now);
  const recurring = recurringIssues(inRange);
  const thanks = thanksThemes(input.praise.filter((p) => p.at >= from && p.at <= input.now));
  const tasks = tasksByWeek(input.tasks, weeks, zone);
  const meetings = meetingsByWeek(input.meetings, weeks, zone, input.now);

  const observations: Observation[] = categoryChanges(byCategory);
  // The last complete week against the weeks before it.
  const last = response.at(-2);
  const earlier = response.slice(0, -2);
  const share = (rows: readonly WeekResponse[]) => {
    const total = sum(rows.map((r) => r.answered + r.lateUnanswered));
    return total ? sum(rows.map((r) => r.withinSla)) / total : null;
  };
  const lastShare = last ? share([last]) : null;
  if (lastShare !== null) observations.push({ kind: 'sla', lastWeek: lastShare, before: share(earlier) });
  const top = recurring[0];
  if (top)
    observations.push({ kind: 'recurring', phrase: top.phrase, count: top.count, category: top.category });
  const lateTasks = tasks.at(-2);
  if (lateTasks && lateTasks.late > 0)
    observations.push({ kind: 'late-tasks', late: lateTasks.late, done: lateTasks.done });
  const thanked = thanks.themes[0];
  if (thanked) observations.push({ kind: 'thanks', phrase: thanked.phrase, count: thanked.count });
  if (!observations.length) observations.push({ kind: 'quiet' });

  return {
    zone,
    from,
    to: input.now,
    weeks,
    byCategory,
    response,
    recurring,
    thanks,
    meetings,
    tasks,
    observations,
  };
}

/** Loads the records of the report's weeks and computes it. */
export async function loadReport(now: number = Date.now(), weeks = REPORT_WEEKS): Promise<WeeklyReport> {
  const [sla, hours] = await Promise.all([getSlaTargets(), getBusinessHours()]);
  const from = DateTime.fromMillis(weekStart(now, hours.zone), { zone: hours.zone })
    .minus({ weeks: weeks - 1 })
    .toMillis();
  const [complaints, tasks, praise, cache] = await Promise.all([
    db.complaints.where('createdAt').between(from, now, true, true).toArray(),
    db.tasks
      .where('status')
      .equals('done')
      .filter((t) => (t.completedAt ?? 0) >= from)
      .toArray(),
    db.praise.where('at').between(from, now, true, true).toArray(),
    db.agendaCache.toArray(),
  ]);
  const meetings = cache.flatMap((entry) => entry.events as AgendaEvent[]);
  return computeReport({ complaints, tasks, praise, meetings, sla, hours, now, weeks });
}

/** Rows for the CSV export: one figure per row (section, week, item, value). */
export function reportRows(report: WeeklyReport, weekLabel: (ms: number) => string): string[][] {
  const rows: string[][] = [['section', 'week', 'item', 'value']];
  for (const category of report.byCategory.categories)
    report.weeks.forEach((w, i) =>
      rows.push(['complaints', weekLabel(w), category, String(report.byCategory.counts[category]?.[i] ?? 0)]),
    );
  for (const r of report.response) {
    rows.push(['first_response', weekLabel(r.week), 'answered', String(r.answered)]);
    rows.push(['first_response', weekLabel(r.week), 'within_sla', String(r.withinSla)]);
    rows.push(['first_response', weekLabel(r.week), 'late_unanswered', String(r.lateUnanswered)]);
    rows.push([
      'first_response',
      weekLabel(r.week),
      'median_hours',
      r.medianHours === null ? '' : String(r.medianHours),
    ]);
  }
  report.weeks.forEach((w, i) =>
    rows.push(['meetings', weekLabel(w), 'held', String(report.meetings[i] ?? 0)]),
  );
  for (const t of report.tasks) {
    rows.push(['tasks', weekLabel(t.week), 'done', String(t.done)]);
    rows.push(['tasks', weekLabel(t.week), 'late', String(t.late)]);
  }
  for (const r of report.recurring)
    rows.push(['recurring', '', `${r.category}: ${r.phrase}`, `${r.count} | ${r.quote}`]);
  for (const th of report.thanks.themes) rows.push(['thanks', '', th.phrase, `${th.count} | ${th.quote}`]);
  return rows;
}
