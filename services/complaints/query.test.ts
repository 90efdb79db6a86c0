import { Dexie } from 'dexie';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  db,
  DB_NAME,
  SCHEMA_V1,
  SCHEMA_V2,
  searchWords,
  type Complaint,
  type ComplaintStatus,
  type Severity,
} from '../db/db';
import { complaintWords } from '../db/complaints';
import { normalizeEmail } from './prefill';
import { SEVERITIES } from './settings';
import { STATUSES } from './workflow';
import { bulkComplaint, bulkCustomer, seedBulkComplaints } from './seed-bulk';
import { allMatching, compareFor, listComplaints, type ComplaintFilter, type ComplaintSort } from './query';
import { makeComplaint } from './test-helpers';

const now = Date.parse('2026-10-21T08:00:00Z');
// Correctness at a size where every query path is taken (deep pages past BUCKET_ROWS, words with
// thousands of matches); the speed at 100,000 on Chromium's real IndexedDB is `npm run bench`'s job.
const COUNT = 20_000;

describe(`complaints list at ${COUNT.toLocaleString('en')} records`, () => {
  const all: Complaint[] = Array.from({ length: COUNT }, (_, i) => bulkComplaint(i, now));

  beforeAll(async () => {
    await db.delete();
    await db.open();
    expect(await seedBulkComplaints(COUNT, { now })).toBe(COUNT);
  }, 120_000);

  function expected(filter: (c: Complaint) => boolean, sort: ComplaintSort): string[] {
    return all
      .filter(filter)
      .sort(compareFor(sort))
      .map((c) => c.id);
  }

  async function pages(filter: ComplaintFilter, sort: ComplaintSort, count: number, limit = 25) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const page = await listComplaints(filter, sort, i * limit, limit);
      ids.push(...page.rows.map((c) => c.id));
    }
    return ids;
  }

  it('pages one status and category newest first, with the next page continuing exactly', async () => {
    const want = expected((c) => c.status === 'in_progress' && c.category === 'billing', 'created_desc');
    expect(want.length).toBeGreaterThan(100);
    expect(await pages({ status: ['in_progress'], category: 'billing' }, 'created_desc', 3)).toEqual(
      want.slice(0, 75),
    );
  });

  it('pages the unfiltered list and a date range straight from the index', async () => {
    const from = now - 10 * 86_400_000;
    const want = expected((c) => c.createdAt >= from, 'created_asc');
    expect(await pages({ from }, 'created_asc', 2, 30)).toEqual(want.slice(0, 60));
    const page = await listComplaints({}, 'created_desc', 40, 20);
    expect(page.rows.map((c) => c.id)).toEqual(expected(() => true, 'created_desc').slice(40, 60));
    expect(page.total).toBe(COUNT);
    // Deep pages are past what merging index ranges pays for: the whole-key-list path answers.
    const deepAt = COUNT * 0.3;
    const deep = await listComplaints({ severity: 'medium' }, 'created_desc', deepAt, 20);
    expect(deep.rows.map((c) => c.id)).toEqual(
      expected((c) => c.severity === 'medium', 'created_desc').slice(deepAt, deepAt + 20),
    );
  });

  it('counts one status exactly through the compound index', async () => {
    const page = await listComplaints({ status: ['waiting_customer'] }, 'created_desc', 0, 10);
    expect(page.rows).toHaveLength(10);
    expect(page.total).toBe(all.filter((c) => c.status === 'waiting_customer').length);
  });

  it('searches a common word by index prefix and sorts by due date, open ones first', async () => {
    const want = expected((c) => c.words.some((w) => w.startsWith('factura')), 'due');
    expect(want.length).toBeGreaterThan(COUNT * 0.03);
    expect(await pages({ text: 'Factura' }, 'due', 2)).toEqual(want.slice(0, 50));
  });

  it('finds one customer by address among all of them and gives an exact total', async () => {
    const { email } = bulkCustomer(1234);
    const want = expected((c) => c.customerEmail === email, 'created_desc');
    const page = await listComplaints({ customer: email.toUpperCase() }, 'created_desc', 0, 100);
    expect(page.rows.map((c) => c.id)).toEqual(want);
    expect(page.total).toBe(want.length);
  });

  it('sorts by severity within a date range and open statuses', async () => {
    const from = now - 60 * 86_400_000;
    const to = now - 30 * 86_400_000;
    const open = ['new', 'in_progress'] as const;
    const want = expected(
      (c) => c.createdAt >= from && c.createdAt < to && (open as readonly string[]).includes(c.status),
      'severity',
    );
    expect(await pages({ from, to, status: [...open] }, 'severity', 4, 40)).toEqual(want.slice(0, 160));
  });

  it('exports every match of a filter in one pass', async () => {
    const want = expected((c) => c.category === 'staff' && c.severity === 'critical', 'created_asc');
    expect(
      (await allMatching({ category: 'staff', severity: 'critical' }, 'created_asc')).map((c) => c.id),
    ).toEqual(want);
  });
});

describe('complaints list', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
    await db.complaints.bulkAdd([
      makeComplaint({
        id: 'a',
        threadKey: 'k:a',
        createdAt: 1,
        dueAt: 50,
        customerName: 'Ana Ruiz',
        words: ['ana', 'ruiz', 'roto'],
      }),
      makeComplaint({ id: 'b', threadKey: 'k:b', createdAt: 2, dueAt: 10, words: ['caja'] }),
      makeComplaint({ id: 'c', threadKey: 'k:c', createdAt: 3, status: 'closed', words: ['roto'] }),
      makeComplaint({ id: 'd', threadKey: 'k:d', createdAt: 4, status: 'resolved', words: ['rotos'] }),
    ]);
  });

  it('sorts by due date, then the ones without a clock newest first', async () => {
    const page = await listComplaints({}, 'due', 0, 3);
    expect(page).toMatchObject({ total: 4 });
    expect(page.rows.map((c) => c.id)).toEqual(['b', 'a', 'd']);
    const rest = await listComplaints({}, 'due', 3, 3);
    expect(rest.rows.map((c) => c.id)).toEqual(['c']);
  });

  it('matches word prefixes and customer names', async () => {
    const words = await listComplaints({ text: 'rot' });
    expect(words.rows.map((c) => c.id)).toEqual(['d', 'c', 'a']);
    expect((await listComplaints({ customer: 'ana' })).rows.map((c) => c.id)).toEqual(['a']);
    expect((await listComplaints({ text: 'nada' })).rows).toEqual([]);
  });
});

describe('a version-2 database upgraded to version 3', () => {
  const COUNT = 3000;
  const DAY = 86_400_000;
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  // Seeded draws: a failure names its query and can be replayed.
  let seed = 7;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const CATEGORIES = ['product', 'delivery', 'billing', 'parking'];
  const NAMES = ['lucia garcia', 'john smith', 'ana ruiz', 'peter brown', 'sofia lopez'];
  const TOPICS = ['factura duplicada', 'entrega tarde', 'producto roto', 'rude staff', 'refund missing'];

  function record(i: number): Complaint {
    const status = pick(STATUSES);
    const name = pick(NAMES);
    const c = makeComplaint({
      id: `r${String(i).padStart(5, '0')}`,
      threadKey: `gmail:r${i}`,
      customerName: name,
      customerEmail: `${name.replace(' ', '.')}${i % 40}@example.com`,
      // "pedido" in almost every record: a word range too big to read as rows; "pedidos" in many of
      // the same ones, so the prefix range holds those records twice.
      subject: `${pick(TOPICS)}${rnd() < 0.9 ? ' pedido' : ''}${rnd() < 0.8 ? ' pedidos' : ''}`,
      summary: pick(TOPICS),
      category: pick(CATEGORIES),
      severity: pick(SEVERITIES),
      status,
      // Due dates mostly on open work, but not only: the query must not rely on it.
      dueAt:
        rnd() < (status === 'resolved' || status === 'closed' ? 0.05 : 0.9)
          ? t0 + Math.floor(rnd() * 90) * DAY
          : null,
      // Few distinct instants: ties must break by id as the indexes break them.
      createdAt: t0 + Math.floor(rnd() * 400) * (DAY / 4),
    });
    return { ...c, words: complaintWords(c) };
  }

  const all = Array.from({ length: COUNT }, (_, i) => record(i));

  beforeAll(async () => {
    db.close();
    await Dexie.delete(DB_NAME);
    const v2 = new Dexie(DB_NAME);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('complaints').bulkAdd(all);
    v2.close();
    await db.open();
  }, 60_000);

  it('keeps every record and opens at version 3 or later with the new indexes', async () => {
    // Later versions (ledger, routines, team sync) add tables; the complaints indexes stay.
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(db.complaints.schema.indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining([
        '[status+category+severity+createdAt]',
        '[status+severity+createdAt]',
        '[status+severity+category+dueAt]',
      ]),
    );
    expect(await db.complaints.orderBy('id').toArray()).toEqual(all);
  });

  function reference(f: ComplaintFilter): (c: Complaint) => boolean {
    const customer = f.customer?.trim() ?? '';
    const email = customer.includes('@') ? normalizeEmail(customer).email : null;
    const words = [...(email || !customer ? [] : searchWords(customer)), ...searchWords(f.text)];
    return (c) =>
      (!f.status?.length || f.status.includes(c.status)) &&
      (!f.category || c.category === f.category) &&
      (!f.severity || c.severity === f.severity) &&
      (f.from === undefined || c.createdAt >= f.from) &&
      (f.to === undefined || c.createdAt < f.to) &&
      (email === null || c.customerEmail === email) &&
      words.every((w) => c.words.some((cw) => cw.startsWith(w)));
  }

  function randomFilter(): ComplaintFilter {
    const f: ComplaintFilter = {};
    const s = rnd();
    if (s < 0.35) f.status = ['new', 'in_progress', 'waiting_customer'];
    else if (s < 0.55) f.status = [pick(STATUSES)];
    else if (s < 0.65) f.status = STATUSES.filter(() => rnd() < 0.5) as ComplaintStatus[];
    if (rnd() < 0.4) f.category = pick([...CATEGORIES, 'none-such']);
    if (rnd() < 0.4) f.severity = pick(SEVERITIES) as Severity;
    if (rnd() < 0.25) f.from = t0 + Math.floor(rnd() * 60) * DAY;
    if (rnd() < 0.25) f.to = t0 + Math.floor(40 + rnd() * 70) * DAY;
    const c = rnd();
    if (c < 0.1) f.customer = `  ${pick(all).customerEmail.toUpperCase()} `;
    else if (c < 0.2) f.customer = pick(NAMES).split(' ')[rnd() < 0.5 ? 0 : 1]!.slice(0, 4);
    const t = rnd();
    if (t < 0.15) f.text = 'Pedido';
    else if (t < 0.25) f.text = 'pedidos';
    else if (t < 0.35) f.text = pick(TOPICS).slice(0, 5);
    return f;
  }

  it('gives the same pages and totals as a plain filter over every row (randomized)', async () => {
    const sorts: ComplaintSort[] = ['created_desc', 'created_asc', 'due', 'severity'];
    for (let q = 0; q < 250; q++) {
      const filter = randomFilter();
      const sort = pick(sorts);
      const limit = pick([10, 25, 50]);
      const want = all.filter(reference(filter)).sort(compareFor(sort));
      // Mostly early pages, sometimes the last one and deep ones (the fallback paths).
      const offset = rnd() < 0.7 ? Math.floor(rnd() * 4) * limit : Math.floor(rnd() * (want.length + limit));
      const page = await listComplaints(filter, sort, offset, limit);
      const label = JSON.stringify({ q, filter, sort, offset, limit });
      expect({ label, total: page.total }).toEqual({ label, total: want.length });
      expect({ label, ids: page.rows.map((c) => c.id) }).toEqual({
        label,
        ids: want.slice(offset, offset + limit).map((c) => c.id),
      });
    }
    // Measured: 400 queries took 29 s on a 2-core machine shared with seven busy processes; 250 here.
  }, 120_000);

  it('walks broad text searches in every order the same as the plain filter', async () => {
    const open: ComplaintStatus[] = ['new', 'in_progress', 'waiting_customer'];
    for (const text of ['Pedido', 'pedidos'])
      for (const extra of [{}, { status: open }, { from: t0 + 20 * DAY }, { severity: 'high' as const }])
        for (const sort of ['created_desc', 'created_asc', 'due', 'severity'] as const)
          for (const offset of [0, 60, 2300]) {
            const filter = { text, ...extra };
            const want = all.filter(reference(filter)).sort(compareFor(sort));
            const page = await listComplaints(filter, sort, offset, 30);
            const label = JSON.stringify({ filter, sort, offset });
            expect({ label, total: page.total, ids: page.rows.map((c) => c.id) }).toEqual({
              label,
              total: want.length,
              ids: want.slice(offset, offset + 30).map((c) => c.id),
            });
          }
    // Measured: 13 s on a 2-core machine shared with seven busy processes (4 s alone, idle).
  }, 60_000);

  it('exports the same rows as the plain filter', async () => {
    for (let q = 0; q < 20; q++) {
      const filter = randomFilter();
      const sort = pick<ComplaintSort>(['created_desc', 'created_asc', 'due', 'severity']);
      const want = all.filter(reference(filter)).sort(compareFor(sort));
      expect((await allMatching(filter, sort)).map((c) => c.id)).toEqual(want.map((c) => c.id));
    }
  });
});
