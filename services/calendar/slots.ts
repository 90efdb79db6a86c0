// Free-slot finder: pure and fast. All busy time of all calendars is merged once (two numeric
// sorts and one sweep), then each working window is walked with a single forward pointer that
// jumps past busy blocks, so no candidate rescans the intervals.
// `findSlotsNaive` checks every candidate against every interval; it exists to prove the fast one
// right (equal results on random data) and to measure it against.
import { DateTime } from 'luxon';
import type { BusyInterval, TimeRange } from './types';

/** 'HH:mm' wall-clock times in the business zone; `end` may be '24:00'. */
export interface TimeOfDayRange {
  start: string;
  end: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) → ranges. A missing day is a day off. */
export type WeeklyHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly TimeOfDayRange[]>>;

/** A time the customer proposed: an instant (no `end`) or a range. */
export interface ProposedTime {
  start: number;
  end?: number;
  /** The reading is a guess (e.g. no hour given, or an ambiguous date); ranked below sure ones. */
  uncertain?: boolean;
}

export interface SlotQuery {
  /** Busy intervals per calendar (manager and chosen staff). */
  busy: ReadonlyMap<string, readonly BusyInterval[]>;
  /** Key in `busy` of the manager's calendar; fragmentation ranking looks at it only. */
  managerId?: string;
  /** IANA zone of the business; working hours are wall-clock times there. */
  timeZone: string;
  workingHours: WeeklyHours;
  durationMin: number;
  /** Grid of start times inside each working range, e.g. 15 or 30. */
  stepMin: number;
  range: TimeRange;
  now: number;
  minNoticeMin?: number;
  /** Free time needed before / after the meeting (travel, preparation). */
  bufferBeforeMin?: number;
  bufferAfterMin?: number;
  proposals?: readonly ProposedTime[];
  /** IANA zone of the customer, for labels; defaults to the business zone. */
  customerTimeZone?: string;
  /** Default true. */
  tentativeIsBusy?: boolean;
  /** Default false: Graph's own availability view counts working elsewhere as free. */
  workingElsewhereIsBusy?: boolean;
  /** Default 20. */
  maxResults?: number;
  /** BCP 47 locale for labels, default 'en'. */
  locale?: string;
}

export interface SlotLabel {
  timeZone: string;
  /** ISO with the zone's offset. */
  start: string;
  end: string;
  /** Human label, e.g. "Tue, Mar 10, 10:00 – 10:30 AM CET". */
  label: string;
}

/** 0 exact sure time, 1 inside a sure range, 2 exact guessed time, 3 inside a guessed range, 4 none. */
export type ProposalMatch = 0 | 1 | 2 | 3 | 4;

export interface Slot {
  start: number;
  end: number;
  proposalMatch: ProposalMatch;
  /** Index in `proposals` of the best matching one. */
  proposalIndex?: number;
  /** Days since the first day of the search, in the business zone. */
  day: number;
  /**
   * Minutes of the manager's free gap left on the smaller side of the slot: 0 means the slot sits
   * against a meeting or the edge of working hours and leaves the rest of the gap in one piece.
   */
  fragmentation: number;
  manager: SlotLabel;
  customer: SlotLabel;
}

interface Window {
  start: number;
  end: number;
  day: number;
}

interface Candidate {
  start: number;
  end: number;
  day: number;
  windowStart: number;
  windowEnd: number;
}

const MINUTE = 60_000;

function parseTimeOfDay(value: string): { hour: number; minute: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 24 || minute > 59 || (hour === 24 && minute !== 0)) {
    throw new RangeError(`Invalid time of day: ${value}`);
  }
  return { hour, minute };
}

function wallTime(day: DateTime, value: string): number {
  const { hour, minute } = parseTimeOfDay(value);
  // Calendar arithmetic, not +24 h: the day may be 23 or 25 hours long.
  if (hour === 24) return day.plus({ days: 1 }).toMillis();
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** Working windows as instants, day by day in the business zone, sorted, overlaps merged. */
export function workingWindows(timeZone: string, hours: WeeklyHours, range: TimeRange): Window[] {
  const out: Window[] = [];
  const first = DateTime.fromMillis(range.start, { zone: timeZone }).startOf('day');
  if (!first.isValid) throw new RangeError(`Invalid time zone: ${timeZone}`);
  for (let day = first, index = 0; day.toMillis() < range.end; day = day.plus({ days: 1 }), index++) {
    const ranges = hours[day.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7] ?? [];
    const spans = ranges
      .map((r) => ({ start: wallTime(day, r.start), end: wallTime(day, r.end) }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start);
    for (const s of spans) {
      const last = out[out.length - 1];
      if (last && last.day === index && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else out.push({ start: s.start, end: s.end, day: index });
    }
  }
  return out;
}

function utcDate(ms: number, roundUp: boolean): string {
  const d = new Date(ms);
  if (roundUp && ms % (24 * 3600_000) !== 0) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Shared by both finders so they agree on what blocks: status filter, all-day intervals mapped
 * onto whole business days, intervals outside [lo, hi) dropped. Writes into `out`, no allocation.
 */
function makeNormalizer(q: SlotQuery, lo: number, hi: number) {
  const dayStart = new Map<string, number>();
  const startOfDay = (date: string) => {
    let ms = dayStart.get(date);
    if (ms === undefined) {
      ms = DateTime.fromISO(date, { zone: q.timeZone }).toMillis();
      dayStart.set(date, ms);
    }
    return ms;
  };
  const tentative = q.tentativeIsBusy ?? true;
  const elsewhere = q.workingElsewhereIsBusy ?? false;
  return (b: BusyInterval, out: { start: number; end: number }): boolean => {
    if ((b.status === 'tentative' && !tentative) || (b.status === 'workingElsewhere' && !elsewhere))
      return false;
    let start = b.start;
    let end = b.end;
    if (b.allDay) {
      start = startOfDay(utcDate(b.start, false));
      end = startOfDay(utcDate(b.end, true));
    }
    if (!(end > start) || end <= lo || start >= hi) return false;
    out.start = start;
    out.end = end;
    return true;
  };
}

interface Blocks {
  starts: Float64Array;
  ends: Float64Array;
}

/** Sorted, disjoint, back-to-back joined blocks of one calendar, built without per-item objects. */
function calendarBlocks(list: readonly BusyInterval[], normalize: ReturnType<typeof makeNormalizer>): Blocks {
  const starts = new Float64Array(list.length);
  const ends = new Float64Array(list.length);
  const tmp = { start: 0, end: 0 };
  let n = 0;
  let sorted = true;
  for (const b of list) {
    if (!normalize(b, tmp)) continue;
    if (n > 0 && tmp.start < starts[n - 1]!) sorted = false;
    starts[n] = tmp.start;
    ends[n] = tmp.end;
    n++;
  }
  if (!sorted) return unionUnsorted(starts.subarray(0, n).sort(), ends.subarray(0, n).sort());
  return sweep(starts, ends, n);
}

/**
 * Union of intervals given out of order. The union only depends on the sorted starts and the
 * sorted ends taken apart (a depth counter over both), so two native numeric sorts do it — no
 * comparator-driven sort of pairs, which is several times slower.
 */
function unionUnsorted(starts: Float64Array, ends: Float64Array): Blocks {
  const outStarts = new Float64Array(starts.length);
  const outEnds = new Float64Array(starts.length);
  let w = 0;
  let depth = 0;
  let open = 0;
  let i = 0;
  let j = 0;
  while (j < ends.length) {
    // Starts first on ties, so touching intervals join as they do in `sweep`.
    if (i < starts.length && starts[i]! <= ends[j]!) {
      if (depth++ === 0) open = starts[i]!;
      i++;
    } else {
      if (--depth === 0) {
        outStarts[w] = open;
        outEnds[w] = ends[j]!;
        w++;
      }
      j++;
    }
  }
  return { starts: outStarts.subarray(0, w), ends: outEnds.subarray(0, w) };
}

/** In place: joins overlapping and touching neighbours of start-sorted intervals. */
function sweep(starts: Float64Array, ends: Float64Array, n: number): Blocks {
  let w = -1;
  for (let i = 0; i < n; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    if (w >= 0 && s <= ends[w]!) {
      if (e > ends[w]!) ends[w] = e;
    } else {
      w++;
      starts[w] = s;
      ends[w] = e;
    }
  }
  return { starts: starts.subarray(0, w + 1), ends: ends.subarray(0, w + 1) };
}

/** Union of two block lists, each sorted and disjoint: one merge pass. */
function union(a: Blocks, b: Blocks): Blocks {
  const na = a.starts.length;
  const nb = b.starts.length;
  const starts = new Float64Array(na + nb);
  const ends = new Float64Array(na + nb);
  let i = 0;
  let j = 0;
  let w = -1;
  while (i < na || j < nb) {
    let s: number;
    let e: number;
    if (j >= nb || (i < na && a.starts[i]! <= b.starts[j]!)) {
      s = a.starts[i]!;
      e = a.ends[i]!;
      i++;
    } else {
      s = b.starts[j]!;
      e = b.ends[j]!;
      j++;
    }
    if (w >= 0 && s <= ends[w]!) {
      if (e > ends[w]!) ends[w] = e;
    } else {
      w++;
      starts[w] = s;
      ends[w] = e;
    }
  }
  return { starts: starts.subarray(0, w + 1), ends: ends.subarray(0, w + 1) };
}

/** Pairwise unions, log2(k) rounds, instead of one big sort. */
function unionAll(lists: Blocks[]): Blocks {
  if (lists.length === 0) return { starts: new Float64Array(0), ends: new Float64Array(0) };
  let round = lists;
  while (round.length > 1) {
    const next: Blocks[] = [];
    for (let i = 0; i < round.length; i += 2)
      next.push(i + 1 < round.length ? union(round[i]!, round[i + 1]!) : round[i]!);
    round = next;
  }
  return round[0]!;
}

/**
 * Union of arbitrary intervals (any order) as sorted, disjoint blocks; back-to-back ones join.
 * For callers outside the finder (agenda conflicts and gaps). Starts and ends are sorted
 * separately and swept with a depth counter; starts sort before equal ends.
 */
export function mergeIntervals(intervals: Iterable<{ start: number; end: number }>): Blocks {
  const startsIn: number[] = [];
  const endsIn: number[] = [];
  for (const i of intervals) {
    if (i.end > i.start) {
      startsIn.push(i.start);
      endsIn.push(i.end);
    }
  }
  const s = Float64Array.from(startsIn).sort();
  const e = Float64Array.from(endsIn).sort();
  const outStarts: number[] = [];
  const outEnds: number[] = [];
  let i = 0;
  let j = 0;
  let depth = 0;
  let blockStart = 0;
  while (j < e.length) {
    if (i < s.length && s[i]! <= e[j]!) {
      if (depth === 0) blockStart = s[i]!;
      depth++;
      i++;
    } else {
      depth--;
      if (depth === 0) {
        outStarts.push(blockStart);
        outEnds.push(e[j]!);
      }
      j++;
    }
  }
  return { starts: Float64Array.from(outStarts), ends: Float64Array.from(outEnds) };
}

interface Prepared {
  windows: Window[];
  normalize: ReturnType<typeof makeNormalizer>;
  duration: number;
  step: number;
  before: number;
  after: number;
  earliest: number;
  latest: number;
}

function prepare(q: SlotQuery): Prepared {
  if (!(q.durationMin > 0) || !(q.stepMin > 0))
    throw new RangeError('durationMin and stepMin must be positive');
  const windows = workingWindows(q.timeZone, q.workingHours, q.range);
  const before = (q.bufferBeforeMin ?? 0) * MINUTE;
  const after = (q.bufferAfterMin ?? 0) * MINUTE;
  const lo = Math.min(windows[0]?.start ?? q.range.start, q.range.start) - before;
  const hi = Math.max(windows[windows.length - 1]?.end ?? q.range.end, q.range.end) + after;
  return {
    windows,
    normalize: makeNormalizer(q, lo, hi),
    duration: q.durationMin * MINUTE,
    step: q.stepMin * MINUTE,
    before,
    after,
    earliest: Math.max(q.range.start, q.now + (q.minNoticeMin ?? 0) * MINUTE),
    latest: q.range.end,
  };
}

/** Off-grid candidate starts: proposed instants and range starts the customer named. */
function proposalStarts(q: SlotQuery, p: Prepared): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<number>();
  for (const proposal of q.proposals ?? []) {
    const start = proposal.start;
    if (seen.has(start)) continue;
    seen.add(start);
    const end = start + p.duration;
    if (start < p.earliest || end > p.latest) continue;
    const w = p.windows.find((w) => start >= w.start && end <= w.end);
    if (!w) continue;
    if ((start - w.start) % p.step === 0) continue; // already on the grid
    out.push({ start, end, day: w.day, windowStart: w.start, windowEnd: w.end });
  }
  return out;
}

function firstGridIndex(w: Window, from: number, step: number): number {
  return from <= w.start ? 0 : Math.ceil((from - w.start) / step);
}

function matchProposal(q: SlotQuery, start: number, end: number): { match: ProposalMatch; index?: number } {
  let best: ProposalMatch = 4;
  let index: number | undefined;
  (q.proposals ?? []).forEach((p, i) => {
    let m: ProposalMatch = 4;
    if (p.end === undefined) {
      if (p.start === start) m = p.uncertain ? 2 : 0;
    } else if (start >= p.start && end <= p.end) {
      m = p.uncertain ? 3 : 1;
    }
    if (m < best) {
      best = m;
      index = i;
    }
  });
  return index === undefined ? { match: best } : { match: best, index };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}\n${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formatters.set(key, f);
  }
  return f;
}

export function slotLabel(start: number, end: number, timeZone: string, locale = 'en'): SlotLabel {
  return {
    timeZone,
    start: DateTime.fromMillis(start, { zone: timeZone }).toISO() ?? '',
    end: DateTime.fromMillis(end, { zone: timeZone }).toISO() ?? '',
    label: formatter(locale, timeZone).formatRange(start, end),
  };
}

interface Scored extends Candidate {
  match: ProposalMatch;
  index?: number;
  fragmentation: number;
}

function rankAndLabel(q: SlotQuery, scored: Scored[]): Slot[] {
  scored.sort(
    (a, b) => a.match - b.match || a.day - b.day || a.fragmentation - b.fragmentation || a.start - b.start,
  );
  const limit = q.maxResults ?? 20;
  const locale = q.locale ?? 'en';
  const customerZone = q.customerTimeZone ?? q.timeZone;
  return scored.slice(0, limit).map((c) => {
    const slot: Slot = {
      start: c.start,
      end: c.end,
      proposalMatch: c.match,
      day: c.day,
      fragmentation: c.fragmentation,
      manager: slotLabel(c.start, c.end, q.timeZone, locale),
      customer: slotLabel(c.start, c.end, customerZone, locale),
    };
    if (c.index !== undefined) slot.proposalIndex = c.index;
    return slot;
  });
}

function score(q: SlotQuery, c: Candidate, gapStart: number, gapEnd: number): Scored {
  const { match, index } = matchProposal(q, c.start, c.end);
  const fragmentation = Math.min(
    c.start - Math.max(c.windowStart, gapStart),
    Math.min(c.windowEnd, gapEnd) - c.end,
  );
  const s: Scored = { ...c, match, fragmentation: fragmentation / MINUTE };
  if (index !== undefined) s.index = index;
  return s;
}

/** Fast slot finder: see the file comment. */
export function findSlots(q: SlotQuery): Slot[] {
  const p = prepare(q);
  const perCalendar: Blocks[] = [];
  let mgr: Blocks = { starts: new Float64Array(0), ends: new Float64Array(0) };
  for (const [id, list] of q.busy) {
    const blocks = calendarBlocks(list, p.normalize);
    perCalendar.push(blocks);
    if (id === q.managerId) mgr = blocks;
  }
  const all = unionAll(perCalendar);
  const n = all.starts.length;
  const m = mgr.starts.length;

  // First merged block (index) whose end is after `t`.
  const firstEndingAfter = (ends: Float64Array, t: number) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const free: Candidate[] = [];
  let j = 0;
  for (const w of p.windows) {
    let k = firstGridIndex(w, p.earliest, p.step);
    for (;;) {
      const start = w.start + k * p.step;
      const end = start + p.duration;
      if (end > w.end || end > p.latest) break;
      while (j < n && all.ends[j]! <= start - p.before) j++;
      if (j < n && all.starts[j]! < end + p.after) {
        // Jump to the first grid start whose buffer clears this block.
        k = Math.max(k + 1, Math.ceil((all.ends[j]! + p.before - w.start) / p.step));
        continue;
      }
      free.push({ start, end, day: w.day, windowStart: w.start, windowEnd: w.end });
      k++;
    }
  }
  for (const c of proposalStarts(q, p)) {
    const at = firstEndingAfter(all.ends, c.start - p.before);
    if (at < n && all.starts[at]! < c.end + p.after) continue;
    free.push(c);
  }

  const scored: Scored[] = [];
  let mi = 0;
  free.sort((a, b) => a.start - b.start);
  for (const c of free) {
    // The manager's blocks do not overlap a free slot, so the previous block ends by c.start.
    while (mi < m && mgr.ends[mi]! <= c.start) mi++;
    const gapStart = mi > 0 ? mgr.ends[mi - 1]! : -Infinity;
    // …and the next one starts at or after c.end.
    const gapEnd = mi < m ? mgr.starts[mi]! : Infinity;
    scored.push(score(q, c, gapStart, gapEnd));
  }
  return rankAndLabel(q, scored);
}

/** Deliberately plain: every candidate against every interval. For tests and benchmarks. */
export function findSlotsNaive(q: SlotQuery): Slot[] {
  const p = prepare(q);
  const intervals: { start: number; end: number }[] = [];
  const manager: { start: number; end: number }[] = [];
  for (const [id, list] of q.busy) {
    for (const b of list) {
      const out = { start: 0, end: 0 };
      if (!p.normalize(b, out)) continue;
      intervals.push(out);
      if (id === q.managerId) manager.push(out);
    }
  }
  const candidates: Candidate[] = [];
  for (const w of p.windows) {
    for (let start = w.start; start + p.duration <= w.end; start += p.step) {
      if (start < p.earliest || start + p.duration > p.latest) continue;
      candidates.push({ start, end: start + p.duration, day: w.day, windowStart: w.start, windowEnd: w.end });
    }
  }
  candidates.push(...proposalStarts(q, p));
  const scored: Scored[] = [];
  for (const c of candidates) {
    const busy = intervals.some((i) => i.start < c.end + p.after && i.end > c.start - p.before);
    if (busy) continue;
    let gapStart = -Infinity;
    let gapEnd = Infinity;
    for (const i of manager) {
      if (i.end <= c.start && i.end > gapStart) gapStart = i.end;
      if (i.start >= c.end && i.start < gapEnd) gapEnd = i.start;
    }
    scored.push(score(q, c, gapStart, gapEnd));
  }
  return rankAndLabel(q, scored);
}
