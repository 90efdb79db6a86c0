import type { IndexableType } from 'dexie';
import { db, searchWords, type Complaint, type ComplaintStatus, type Severity } from '../db/db';
import { normalizeEmail } from './prefill';
import { SEVERITIES } from './settings';
import { STATUSES } from './workflow';

// The complaints list at 100,000 records (schema v3 indexes, see services/db/db.ts).
// - Status / category / severity / date filters: the matching rows are a few exact index ranges
//   ("buckets"), each already in the page's order. Each bucket is counted (the exact total) and read
//   in chunks only as far as the page needs; the buckets are merged in memory.
// - Customer / text filters: the narrowest of their index ranges is read as rows when it is small
//   and everything else is checked on those rows; otherwise the total comes from the index (a count,
//   or intersected key sets) and the buckets above are walked with the whole filter checked per row.
// - What neither serves falls back to whole key lists: correct, slower. That is the "due" order
//   within a date range (recent records have the latest due dates, so a walk of the due-date index
//   meets them last), very deep pages, and broad searches whose rows bunch far down the order.

export interface ComplaintFilter {
  /** Any of these statuses; empty or missing = any status. */
  status?: ComplaintStatus[];
  category?: string;
  severity?: Severity;
  /** createdAt >= from (ms). */
  from?: number;
  /** createdAt < to (ms). */
  to?: number;
  /** An email address (exact) or words of the customer's name or address (prefixes). */
  customer?: string;
  /** Words of subject, summary, customer or order reference (prefixes, all must match). */
  text?: string;
}

export type ComplaintSort = 'created_desc' | 'created_asc' | 'due' | 'severity';

export interface ComplaintPage {
  rows: Complaint[];
  /** Every record matching the filter. */
  total: number;
}

const BY_CREATED = '[status+category+severity+createdAt]';
const BY_SEVERITY = '[status+severity+createdAt]';
const BY_DUE = '[status+severity+category+dueAt]';
/** A customer/text range this small is read as rows and filtered in memory. */
const CANDIDATE_ROWS = 2000;
/** Beyond this many rows read for one page, whole key lists are cheaper than merging buckets. */
const BUCKET_ROWS = 4000;

type Key = IndexableType;

/** An index range [lower, upper). */
interface Range {
  index: string;
  lower: Key;
  upper: Key;
}

/** A range read in order; `keep` drops rows of the range that do not belong; `size` counts the kept. */
interface Bucket extends Range {
  size: number;
  keep?: (c: Complaint) => boolean;
}

interface Segment {
  buckets: Bucket[];
  desc: boolean;
  compare: (a: Complaint, b: Complaint) => number;
  /** Share of the buckets' rows that `keep` accepts, when sizes count the ranges rather than the kept. */
  density?: number;
}

interface Scope {
  statuses: readonly ComplaintStatus[];
  category: string | undefined;
  severity: Severity | undefined;
  from: number;
  to: number;
}

const collection = (r: Range) => db.complaints.where(r.index).between(r.lower, r.upper, true, false);
const countOf = (r: Range) => collection(r).count();
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

function scopeOf(filter: ComplaintFilter): Scope {
  return {
    statuses: filter.status ?? [],
    category: filter.category || undefined,
    severity: filter.severity || undefined,
    from: filter.from ?? -Infinity,
    to: filter.to ?? Infinity,
  };
}

const hasRange = (s: Scope) => s.from !== -Infinity || s.to !== Infinity;
const isStructural = (s: Scope) => s.statuses.length > 0 || !!s.category || !!s.severity || hasRange(s);

async function categoriesInUse(): Promise<string[]> {
  return (await db.complaints.orderBy('category').uniqueKeys()) as string[];
}

/** Every (status, category, severity) the scope allows; unfiltered ones are enumerated. */
async function tuples(scope: Scope): Promise<[ComplaintStatus, string, Severity][]> {
  const categories = scope.category ? [scope.category] : await categoriesInUse();
  const severities = scope.severity ? [scope.severity] : SEVERITIES;
  const out: [ComplaintStatus, string, Severity][] = [];
  for (const s of scope.statuses.length ? scope.statuses : STATUSES)
    for (const c of categories) for (const v of severities) out.push([s, c, v]);
  return out;
}

/**
 * Exact ranges of the scope's rows in createdAt order, each with the range of the same rows that
 * carry a due date (`dated`, ignoring the date range) — used to count the undated ones.
 */
async function createdRanges(scope: Scope): Promise<{ range: Range; dated: Range }[]> {
  const { from, to } = scope;
  if (!scope.category && !scope.severity) {
    if (!scope.statuses.length)
      return [
        {
          range: { index: 'createdAt', lower: from, upper: to },
          dated: { index: 'dueAt', lower: -Infinity, upper: Infinity },
        },
      ];
    // `[s]` sorts before every `[s, …]` and `[s, []]` after every `[s, string, …]`: a prefix range.
    return scope.statuses.map((s) => ({
      range: { index: '[status+createdAt]', lower: [s, from], upper: [s, to] },
      dated: { index: BY_DUE, lower: [s], upper: [s, []] },
    }));
  }
  if (!scope.category) {
    const v = scope.severity!;
    return (scope.statuses.length ? scope.statuses : STATUSES).map((s) => ({
      range: { index: BY_SEVERITY, lower: [s, v, from], upper: [s, v, to] },
      dated: { index: BY_DUE, lower: [s, v], upper: [s, v, []] },
    }));
  }
  return (await tuples(scope)).map(([s, c, v]) => ({
    range: { index: BY_CREATED, lower: [s, c, v, from], upper: [s, c, v, to] },
    dated: { index: BY_DUE, lower: [s, v, c, -Infinity], upper: [s, v, c, Infinity] },
  }));
}

async function counted(ranges: Range[], keep?: (c: Complaint) => boolean): Promise<Bucket[]> {
  const sizes = await Promise.all(ranges.map(countOf));
  return ranges.map((r, i) => ({ ...r, size: sizes[i]!, keep }));
}

const newest = compareFor('created_desc');

/** The page's order as segments of buckets; null when no index range serves it. */
async function segmentsFor(scope: Scope, sort: ComplaintSort, exact = true): Promise<Segment[] | null> {
  if (sort === 'created_desc' || sort === 'created_asc') {
    const ranges = (await createdRanges(scope)).map((r) => r.range);
    return [{ buckets: await counted(ranges), desc: sort === 'created_desc', compare: compareFor(sort) }];
  }
  if (sort === 'severity') {
    return Promise.all(
      (scope.severity ? [scope.severity] : SEVERITIES).map(async (severity) => {
        const ranges = (await createdRanges({ ...scope, severity })).map((r) => r.range);
        return { buckets: await counted(ranges), desc: true, compare: newest };
      }),
    );
  }
  // By due date: the due-date index has no createdAt, so a date range has no exact range here
  // (unless sizes need only bound the rows and a row filter checks the range).
  if (exact && hasRange(scope)) return null;
  const created = await createdRanges(scope);
  const [dated, undated] = await Promise.all([datedBuckets(scope), undatedBuckets(created, exact)]);
  return [
    { buckets: dated, desc: false, compare: compareFor('due') },
    { buckets: undated, desc: true, compare: newest },
  ];
}

async function datedBuckets(scope: Scope): Promise<Bucket[]> {
  if (scope.category || scope.severity) {
    const ranges = (await tuples(scope)).map(([s, c, v]) => ({
      index: BY_DUE,
      lower: [s, v, c, -Infinity],
      upper: [s, v, c, Infinity],
    }));
    return counted(ranges);
  }
  // Status alone: one walk of `dueAt` keeping the statuses beats status × category × severity ranges.
  const all: Range = { index: 'dueAt', lower: -Infinity, upper: Infinity };
  if (!scope.statuses.length) return counted([all]);
  const statuses = new Set<string>(scope.statuses);
  const sizes = await Promise.all(
    scope.statuses.map((s) => countOf({ index: BY_DUE, lower: [s], upper: [s, []] })),
  );
  return [{ ...all, size: sum(sizes), keep: (c) => statuses.has(c.status) }];
}

async function undatedBuckets(created: { range: Range; dated: Range }[], exact: boolean): Promise<Bucket[]> {
  const sizes = await Promise.all(
    created.map(async ({ range, dated }) => {
      const [all, withDue] = await Promise.all([countOf(range), exact ? countOf(dated) : 0]);
      return Math.max(0, all - withDue);
    }),
  );
  return created.map(({ range }, i) => ({ ...range, size: sizes[i]!, keep: (c) => c.dueAt === null }));
}

/** A bucket being read in order, a chunk at a time. */
interface Reader {
  b: Bucket;
  /** Every row read so far, kept or not, in index order. */
  raw: Complaint[];
  kept: Complaint[];
  seen: Set<string>;
  done: boolean;
  chunk: number;
}

/** The bucket's index key of a row (the ranges' prefix, then the row's date). */
function keyOf(b: Bucket, row: Complaint): Key {
  const at = (b.index.includes('dueAt') ? row.dueAt : row.createdAt) as number;
  return Array.isArray(b.lower) ? ([...(b.lower as unknown as Key[]).slice(0, -1), at] as Key) : at;
}

/** Reads the next chunk, resuming at the last row's key (rows sharing it are skipped by id). */
async function extend(r: Reader, desc: boolean): Promise<void> {
  const last = r.raw.at(-1);
  let range = collection(r.b);
  let ties = 0;
  if (last) {
    const at = keyOf(r.b, last);
    range = desc
      ? db.complaints.where(r.b.index).between(r.b.lower, at, true, true)
      : db.complaints.where(r.b.index).between(at, r.b.upper, true, false);
    const field = r.b.index.includes('dueAt') ? 'dueAt' : 'createdAt';
    while (ties < r.raw.length && r.raw[r.raw.length - 1 - ties]![field] === last[field]) ties++;
  }
  const limit = r.chunk + ties;
  const rows = await (desc ? range.reverse() : range).limit(limit).toArray();
  const fresh = rows.filter((c) => !r.seen.has(c.id));
  for (const c of fresh) r.seen.add(c.id);
  r.raw.push(...fresh);
  r.kept.push(...(r.b.keep ? fresh.filter(r.b.keep) : fresh));
  r.done = rows.length < limit || (!r.b.keep && r.raw.length >= r.b.size);
}

/**
 * The first `need` rows of a segment in its order. Each bucket is read in chunks sized by its share
 * of the segment; a bucket is read further only while its last row read still comes before the
 * need-th row found so far (its unread rows all come after its last one).
 */
async function firstRows(seg: Segment, need: number, maxRows = Infinity): Promise<Complaint[] | null> {
  const size = sum(seg.buckets.map((b) => b.size));
  // A size of Infinity means uncounted: the only bucket, so its share is all of it.
  const shareOf = (b: Bucket) => (Number.isFinite(size) ? b.size / size : 1);
  const readers: Reader[] = seg.buckets
    .filter((b) => b.size > 0)
    .map((b) => ({
      b,
      raw: [],
      kept: [],
      seen: new Set(),
      done: false,
      chunk: Math.min(
        b.size,
        Math.ceil((need * shareOf(b) * (seg.density ? 1.3 : 1)) / (seg.density ?? 1)) + 2,
      ),
    }));
  let pending = readers;
  for (;;) {
    await Promise.all(pending.map((r) => extend(r, seg.desc)));
    if (sum(readers.map((r) => r.raw.length)) > maxRows) return null;
    const rows = readers.flatMap((r) => r.kept).sort(seg.compare);
    const nth = rows[need - 1];
    const open = readers.filter((r) => !r.done);
    pending = nth ? open.filter((r) => seg.compare(r.raw.at(-1)!, nth) < 0) : open;
    if (!pending.length) return rows.slice(0, need);
    // Short of rows: read about what the kept share seen so far says is missing (rows cost ~15 µs
    // each in Chromium, so overshooting costs as much as another round). Enough rows but a bucket
    // still behind the last one: its dates are unknown, so double.
    for (const r of pending) {
      const share = shareOf(r.b);
      const kept = r.raw.length ? r.kept.length / r.raw.length : (seg.density ?? 1);
      r.chunk = nth
        ? r.chunk * 2
        : Math.ceil(((need - rows.length) * share * 1.3) / Math.max(kept, 0.01)) + 8;
    }
  }
}

/** The page from the segments; null when it lies too deep for reading buckets to pay. */
async function pageOfSegments(
  segments: Segment[],
  offset: number,
  limit: number,
): Promise<ComplaintPage | null> {
  const total = sum(segments.map((s) => sum(s.buckets.map((b) => b.size))));
  const plan: { seg: Segment; skip: number; take: number }[] = [];
  let skip = offset;
  let left = Math.min(limit, Math.max(0, total - offset));
  let cost = 0;
  for (const seg of segments) {
    const size = sum(seg.buckets.map((b) => b.size));
    if (left <= 0) break;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    const take = Math.min(left, size - skip);
    cost += skip + take + 3 * seg.buckets.length;
    plan.push({ seg, skip, take });
    left -= take;
    skip = 0;
  }
  if (cost > BUCKET_ROWS) return null;
  const parts = await Promise.all(
    plan.map(async ({ seg, skip, take }) => {
      return (await firstRows(seg, skip + take))!.slice(skip);
    }),
  );
  return { rows: parts.flat(), total };
}

// ---- customer and text ----

interface Narrow {
  email: string | null;
  words: string[];
}

function narrowOf(filter: ComplaintFilter): Narrow {
  const customer = filter.customer?.trim() ?? '';
  const email = customer.includes('@') ? normalizeEmail(customer).email : null;
  const words = [...(email || !customer ? [] : searchWords(customer)), ...searchWords(filter.text)];
  return { email, words };
}

const narrowSources = (n: Narrow) => [
  ...(n.email !== null ? [() => db.complaints.where('customerEmail').equals(n.email!)] : []),
  ...n.words.map((w) => () => db.complaints.where('words').startsWith(w)),
];

/** The filter as a predicate on a row, matching exactly what the index ranges select. */
function matches(filter: ComplaintFilter, narrow: Narrow): (c: Complaint) => boolean {
  const scope = scopeOf(filter);
  const statuses = new Set<string>(scope.statuses);
  return (c) =>
    (!statuses.size || statuses.has(c.status)) &&
    (!scope.category || c.category === scope.category) &&
    (!scope.severity || c.severity === scope.severity) &&
    c.createdAt >= scope.from &&
    c.createdAt < scope.to &&
    (narrow.email === null || c.customerEmail === narrow.email) &&
    narrow.words.every((w) => c.words.some((cw) => cw.startsWith(w)));
}

/** Reads the narrowest customer/text range as rows when it is small enough; null otherwise. */
async function candidateRows(filter: ComplaintFilter, narrow: Narrow): Promise<Complaint[] | null> {
  const sources = narrowSources(narrow);
  const sizes = await Promise.all(sources.map((s) => s().count()));
  const smallest = sizes.indexOf(Math.min(...sizes));
  if (smallest < 0 || sizes[smallest]! > CANDIDATE_ROWS) return null;
  const seen = new Set<string>();
  const keep = matches(filter, narrow);
  // A record with two words under one prefix sits twice in the word range.
  return (await sources[smallest]!().toArray()).filter((c) => !seen.has(c.id) && seen.add(c.id) && keep(c));
}

/**
 * Customer/text over a broad range: the exact total from the index (one count when a single word
 * range cannot hold a record twice, else the intersected key sets), and the page by walking the
 * structural buckets in order with the whole filter checked on each row, as far as the page needs.
 */
async function narrowPage(
  filter: ComplaintFilter,
  narrow: Narrow,
  sort: ComplaintSort,
  offset: number,
  limit: number,
): Promise<ComplaintPage | null> {
  const scope = scopeOf(filter);
  let total: number | null = null;
  const sources = narrowSources(narrow);
  if (sources.length === 1 && !isStructural(scope)) {
    const only = sources[0]!;
    // customerEmail holds one entry per record; a word range with one distinct word does too.
    if (narrow.email !== null || (await only().limit(2).uniqueKeys()).length < 2)
      total = await only().count();
  }
  if (total === null) {
    const allowed = (await allowedKeys(filter))!;
    if (allowed.size <= CANDIDATE_ROWS) {
      const rows = (await rowsOf([...allowed])).sort(compareFor(sort));
      return { rows: rows.slice(offset, offset + limit), total: allowed.size };
    }
    total = allowed.size;
  }
  // No structural filter in created order: one uncounted walk of `createdAt` (counting all records
  // only to guess the search's density costs more than a first sample read), starting at a guess.
  const segments =
    !isStructural(scope) && (sort === 'created_desc' || sort === 'created_asc')
      ? [
          {
            buckets: [{ index: 'createdAt', lower: -Infinity, upper: Infinity, size: Infinity }],
            desc: sort === 'created_desc',
            compare: compareFor(sort),
          },
        ]
      : await segmentsFor(scope, sort, false);
  if (!segments) return null;
  const structural = sum(segments.map((seg) => sum(seg.buckets.map((b) => b.size))));
  const density = Number.isFinite(structural) ? Math.min(1, total / Math.max(1, structural)) : 0.2;
  if ((offset + limit) / density > BUCKET_ROWS) return null;
  const keep = matches(filter, narrow);
  let need = offset + limit;
  const rows: Complaint[] = [];
  for (const seg of segments) {
    const buckets = seg.buckets.map((b) => {
      const own = b.keep;
      return { ...b, keep: own ? (c: Complaint) => own(c) && keep(c) : keep };
    });
    // The kept rows can bunch at the far end (the due order of recent records): give up past a bound.
    const got = await firstRows({ ...seg, buckets, density }, need, BUCKET_ROWS);
    if (!got) return null;
    rows.push(...got);
    need -= got.length;
    if (need <= 0) break;
  }
  return { rows: rows.slice(offset, offset + limit), total };
}

async function keySet(coll: { primaryKeys(): Promise<string[]> }): Promise<Set<string>> {
  return new Set(await coll.primaryKeys());
}

function intersect(sets: Set<string>[]): Set<string> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  return new Set([...smallest].filter((k) => rest.every((s) => s.has(k))));
}

/** Keys of every match, or null when nothing filters (every record). */
async function allowedKeys(filter: ComplaintFilter): Promise<Set<string> | null> {
  const scope = scopeOf(filter);
  const jobs: Promise<Set<string>>[] = narrowSources(narrowOf(filter)).map((s) => keySet(s()));
  if (isStructural(scope)) {
    const ranges = (await createdRanges(scope)).map((r) => r.range);
    jobs.push(
      Promise.all(ranges.map((r) => collection(r).primaryKeys())).then((lists) => new Set(lists.flat())),
    );
  }
  return jobs.length ? intersect(await Promise.all(jobs)) : null;
}

/** Every key within the date range, in the order of `sort`. */
async function orderedKeys(scope: Scope, sort: ComplaintSort): Promise<string[]> {
  const created = await collection({ index: 'createdAt', lower: scope.from, upper: scope.to }).primaryKeys();
  if (sort === 'created_asc') return created;
  const newestFirst = created.reverse();
  if (sort === 'created_desc') return newestFirst;
  if (sort === 'due') {
    const due = await db.complaints.orderBy('dueAt').primaryKeys();
    const dated = new Set(due);
    return [...due, ...newestFirst.filter((k) => !dated.has(k))];
  }
  const ranks = new Map<string, number>();
  await Promise.all(
    SEVERITIES.map(async (severity, rank) => {
      const ranges = (await createdRanges({ ...scope, severity })).map((r) => r.range);
      for (const keys of await Promise.all(ranges.map((r) => collection(r).primaryKeys())))
        for (const k of keys) ranks.set(k, rank);
    }),
  );
  return SEVERITIES.flatMap((_, rank) => newestFirst.filter((k) => ranks.get(k) === rank));
}

/** Keys of every matching record, in the order of `sort`. */
export async function matchingKeys(filter: ComplaintFilter, sort: ComplaintSort): Promise<string[]> {
  const [ordered, allowed] = await Promise.all([orderedKeys(scopeOf(filter), sort), allowedKeys(filter)]);
  return allowed ? ordered.filter((k) => allowed.has(k)) : ordered;
}

async function rowsOf(keys: string[]): Promise<Complaint[]> {
  return (await db.complaints.bulkGet(keys)).filter((c): c is Complaint => c !== undefined);
}

export async function listComplaints(
  filter: ComplaintFilter = {},
  sort: ComplaintSort = 'created_desc',
  offset = 0,
  limit = 50,
): Promise<ComplaintPage> {
  // No explicit transaction: Dexie's liveQuery re-runs this on every change, and each read here is
  // its own consistent index read. (One 'r' transaction around these awaits commits early under
  // Dexie's zone tracking of native async functions.)
  const scope = scopeOf(filter);
  const narrow = narrowOf(filter);
  if (!narrow.email && !narrow.words.length) {
    const segments = await segmentsFor(scope, sort);
    const page = segments && (await pageOfSegments(segments, offset, limit));
    if (page) return page;
  } else {
    const rows = await candidateRows(filter, narrow);
    if (rows) return { rows: rows.sort(compareFor(sort)).slice(offset, offset + limit), total: rows.length };
    const page = await narrowPage(filter, narrow, sort, offset, limit);
    if (page) return page;
  }
  const keys = await matchingKeys(filter, sort);
  return { rows: await rowsOf(keys.slice(offset, offset + limit)), total: keys.length };
}

/** Every complaint matching the filter, in the given order (for export), fetched in chunks. */
export async function allMatching(
  filter: ComplaintFilter = {},
  sort: ComplaintSort = 'created_desc',
): Promise<Complaint[]> {
  const keys = await matchingKeys(filter, sort);
  const out: Complaint[] = [];
  for (let i = 0; i < keys.length; i += 5000) out.push(...(await rowsOf(keys.slice(i, i + 5000))));
  return out;
}

/** The order `listComplaints` returns, as a comparator (ties broken as the indexes break them). */
export function compareFor(sort: ComplaintSort): (a: Complaint, b: Complaint) => number {
  const oldest = (a: Complaint, b: Complaint) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
  const newestFirst = (a: Complaint, b: Complaint) => -oldest(a, b);
  if (sort === 'created_asc') return oldest;
  if (sort === 'created_desc') return newestFirst;
  if (sort === 'severity')
    return (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || newestFirst(a, b);
  return (a, b) => {
    if (a.dueAt === null || b.dueAt === null)
      return a.dueAt === null && b.dueAt === null ? newestFirst(a, b) : a.dueAt === null ? 1 : -1;
    return a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1);
  };
}
