import { db, searchWords, type Complaint, type ComplaintStatus, type Severity } from '../db/db';
import { normalizeEmail } from './prefill';
import { SEVERITIES } from './settings';

// The complaints list at 100,000 records. Filtering and ordering work on primary keys only, read
// with one `getAllKeys` per index range (a plain Dexie range, never a cursor walk): the key list of
// the sort index, narrowed by the key sets of the other filters. Only the page's rows are then
// fetched by key. The full row set is never loaded, and every page knows the exact total.

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

type KeySet = Set<string>;

const keysOf = (keys: string[]): KeySet => new Set(keys);

function union(sets: KeySet[]): KeySet {
  const out = new Set<string>();
  for (const s of sets) for (const k of s) out.add(k);
  return out;
}

function intersect(sets: KeySet[]): KeySet {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  return new Set([...smallest].filter((k) => rest.every((s) => s.has(k))));
}

/** Records having a word that starts with each of `words`. */
async function wordKeys(words: string[]): Promise<KeySet[]> {
  return Promise.all(words.map((w) => db.complaints.where('words').startsWith(w).primaryKeys().then(keysOf)));
}

const statusesOf = (filter: ComplaintFilter) => filter.status ?? [];
const hasRange = (filter: ComplaintFilter) => filter.from !== undefined || filter.to !== undefined;

/** Newest-first (or oldest-first) keys; one status and the date range are read from the index itself. */
async function createdKeys(filter: ComplaintFilter, desc: boolean): Promise<string[]> {
  const statuses = statusesOf(filter);
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const keys =
    statuses.length === 1
      ? await db.complaints
          .where('[status+createdAt]')
          .between([statuses[0]!, from], [statuses[0]!, to], true, false)
          .primaryKeys()
      : await db.complaints.where('createdAt').between(from, to, true, false).primaryKeys();
  return desc ? keys.reverse() : keys;
}

/** Key sets of the filters that the ordered key list did not already apply. */
async function filterSets(filter: ComplaintFilter, orderedBy: 'created' | 'due'): Promise<KeySet[]> {
  const jobs: Promise<KeySet | KeySet[]>[] = [];
  const statuses = statusesOf(filter);
  if (statuses.length > 1 || (statuses.length === 1 && orderedBy === 'due')) {
    jobs.push(
      Promise.all(
        statuses.map((s) => db.complaints.where('status').equals(s).primaryKeys().then(keysOf)),
      ).then(union),
    );
  }
  if (orderedBy === 'due' && hasRange(filter)) {
    const range = db.complaints
      .where('createdAt')
      .between(filter.from ?? -Infinity, filter.to ?? Infinity, true, false);
    jobs.push(range.primaryKeys().then(keysOf));
  }
  if (filter.category)
    jobs.push(db.complaints.where('category').equals(filter.category).primaryKeys().then(keysOf));
  if (filter.severity)
    jobs.push(db.complaints.where('severity').equals(filter.severity).primaryKeys().then(keysOf));
  const customer = filter.customer?.trim() ?? '';
  if (customer.includes('@')) {
    const { email } = normalizeEmail(customer);
    jobs.push(db.complaints.where('customerEmail').equals(email).primaryKeys().then(keysOf));
  } else if (customer) {
    jobs.push(wordKeys(searchWords(customer)));
  }
  if (filter.text?.trim()) jobs.push(wordKeys(searchWords(filter.text)));
  return (await Promise.all(jobs)).flat();
}

/** Open complaints by due date (only they carry one, so only they sit in `dueAt`), then the rest newest first. */
async function dueKeys(): Promise<string[]> {
  const due = await db.complaints.orderBy('dueAt').primaryKeys();
  const dated = new Set(due);
  const created = await db.complaints.orderBy('createdAt').primaryKeys();
  return [...due, ...created.reverse().filter((k) => !dated.has(k))];
}

/** Keys of every matching record, in the order of `sort`. */
export async function matchingKeys(filter: ComplaintFilter, sort: ComplaintSort): Promise<string[]> {
  const ordered = sort === 'due' ? await dueKeys() : await createdKeys(filter, sort !== 'created_asc');
  const sets = await filterSets(filter, sort === 'due' ? 'due' : 'created');
  const allowed = sets.length ? intersect(sets) : null;
  const matching = allowed ? ordered.filter((k) => allowed.has(k)) : ordered;
  if (sort !== 'severity') return matching;
  const bySeverity = await Promise.all(
    SEVERITIES.map((s) => db.complaints.where('severity').equals(s).primaryKeys().then(keysOf)),
  );
  return bySeverity.flatMap((set) => matching.filter((k) => set.has(k)));
}

/**
 * The common case needs no key sets: newest first with at most one status and a date range is one
 * index range, read with native offset/limit and counted by the index.
 */
function plainCreated(filter: ComplaintFilter, sort: ComplaintSort) {
  const statuses = statusesOf(filter);
  if (sort !== 'created_desc' && sort !== 'created_asc') return null;
  if (
    statuses.length > 1 ||
    filter.category ||
    filter.severity ||
    filter.customer?.trim() ||
    filter.text?.trim()
  )
    return null;
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  return () => {
    const range =
      statuses.length === 1
        ? db.complaints
            .where('[status+createdAt]')
            .between([statuses[0]!, from], [statuses[0]!, to], true, false)
        : db.complaints.where('createdAt').between(from, to, true, false);
    return sort === 'created_desc' ? range.reverse() : range;
  };
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
  // its own consistent index read; rows deleted in between are simply dropped by `rowsOf`.
  {
    const plain = plainCreated(filter, sort);
    if (plain) {
      // Dexie collections are mutable: offset/limit on one would also cut the count of the other.
      const [rows, total] = await Promise.all([
        plain().offset(offset).limit(limit).toArray(),
        plain().count(),
      ]);
      return { rows, total };
    }
    const keys = await matchingKeys(filter, sort);
    return { rows: await rowsOf(keys.slice(offset, offset + limit)), total: keys.length };
  }
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
  const newest = (a: Complaint, b: Complaint) => -oldest(a, b);
  if (sort === 'created_asc') return oldest;
  if (sort === 'created_desc') return newest;
  if (sort === 'severity')
    return (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || newest(a, b);
  return (a, b) => {
    if (a.dueAt === null || b.dueAt === null)
      return a.dueAt === b.dueAt ? newest(a, b) : a.dueAt === null ? 1 : -1;
    return a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1);
  };
}
