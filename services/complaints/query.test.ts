import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, type Complaint } from '../db/db';
import { bulkComplaint, bulkCustomer, seedBulkComplaints } from './seed-bulk';
import { allMatching, compareFor, listComplaints, type ComplaintFilter, type ComplaintSort } from './query';
import { makeComplaint } from './test-helpers';

const now = Date.parse('2026-10-21T08:00:00Z');
const COUNT = 100_000;

describe('complaints list at 100,000 records', () => {
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
  });

  it('counts one status exactly through the compound index', async () => {
    const page = await listComplaints({ status: ['waiting_customer'] }, 'created_desc', 0, 10);
    expect(page.rows).toHaveLength(10);
    expect(page.total).toBe(all.filter((c) => c.status === 'waiting_customer').length);
  });

  it('searches a common word by index prefix and sorts by due date, open ones first', async () => {
    const want = expected((c) => c.words.some((w) => w.startsWith('factura')), 'due');
    expect(want.length).toBeGreaterThan(3000);
    expect(await pages({ text: 'Factura' }, 'due', 2)).toEqual(want.slice(0, 50));
  });

  it('finds one customer by address among 100,000 and gives an exact total', async () => {
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
