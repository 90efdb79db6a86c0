import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import {
  countTicks,
  labelledWeeks,
  loadInsights,
  median,
  phraseRuns,
  repeatCustomers,
  responseTimes,
  slaBreaches,
  topPhrases,
  weeklyByCategory,
} from './insights';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_SLA_TARGETS, setBusinessHours } from './settings';
import { makeComplaint } from './test-helpers';

const zone = 'Europe/Madrid';
const HOUR = 3_600_000;
// Monday 19 Oct 2026 10:00 CEST.
const monday = Date.parse('2026-10-19T08:00:00Z');

beforeEach(async () => {
  await db.delete();
  await db.open();
  // Pinned (the profile's default follows the machine's zone): Mon–Fri 09:00–18:00, Europe/Madrid.
  await setBusinessHours(DEFAULT_BUSINESS_HOURS);
});

describe('weeklyByCategory', () => {
  it('counts per category per local week, with empty weeks kept and Sunday night in its own week', () => {
    const sundayLate = Date.parse('2026-10-25T22:30:00Z'); // Sunday 23:30 CET, same week as Monday 19th
    const mondayAfter = Date.parse('2026-10-25T23:30:00Z'); // Monday 26th 00:30 CET
    const rows = [
      makeComplaint({ createdAt: monday, category: 'delivery' }),
      makeComplaint({ createdAt: sundayLate, category: 'delivery' }),
      makeComplaint({ createdAt: mondayAfter, category: 'billing' }),
      makeComplaint({ createdAt: monday + 14 * 24 * HOUR, category: 'delivery' }),
    ];
    const w = weeklyByCategory(rows, zone, monday, monday + 15 * 24 * HOUR);
    expect(w.weeks.map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-10-18T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
      '2026-11-01T23:00:00.000Z',
    ]);
    expect(w.categories).toEqual(['delivery', 'billing']);
    expect(w.counts).toEqual({ delivery: [2, 0, 1], billing: [0, 1, 0] });
  });
});

describe('response times', () => {
  it('takes medians of first response and resolution, ignoring complaints without them', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const rows = [
      makeComplaint({ createdAt: 0, firstResponseAt: HOUR, resolvedAt: 10 * HOUR }),
      makeComplaint({ createdAt: 0, firstResponseAt: 3 * HOUR, resolvedAt: null }),
      makeComplaint({ createdAt: 0, firstResponseAt: null, resolvedAt: null }),
    ];
    expect(responseTimes(rows)).toEqual({
      firstResponse: 2 * HOUR,
      firstResponseCount: 2,
      resolution: 10 * HOUR,
      resolutionCount: 1,
    });
  });
});

describe('slaBreaches', () => {
  it('counts late first responses and resolutions, including open ones already past due', () => {
    const rows = [
      // High: 4 business hours to answer. Answered after 5 h → late.
      makeComplaint({
        severity: 'high',
        createdAt: monday,
        firstResponseAt: monday + 5 * HOUR,
        status: 'in_progress',
      }),
      // Critical, still new a day later → first response late; resolution (1 business day) also late.
      makeComplaint({ severity: 'critical', createdAt: monday, status: 'new' }),
      // Medium answered in 1 h and resolved the same day → on time.
      makeComplaint({
        severity: 'medium',
        createdAt: monday,
        firstResponseAt: monday + HOUR,
        resolvedAt: monday + 2 * HOUR,
        status: 'resolved',
      }),
    ];
    const b = slaBreaches(rows, DEFAULT_SLA_TARGETS, DEFAULT_BUSINESS_HOURS, monday + 30 * HOUR);
    expect(b.total).toEqual({ firstResponse: 2, resolution: 1 });
    expect(b.high).toEqual({ firstResponse: 1, resolution: 0 });
    expect(b.critical).toEqual({ firstResponse: 1, resolution: 1 });
    expect(b.medium).toEqual({ firstResponse: 0, resolution: 0 });
  });
});

describe('repeatCustomers', () => {
  it('groups by address regardless of case and lists only customers who came back', () => {
    const rows = [
      makeComplaint({ customerEmail: 'ana@x.es', customerName: 'Ana', createdAt: 1, category: 'delivery' }),
      makeComplaint({ customerEmail: 'ANA@x.es', customerName: 'Ana R.', createdAt: 5, category: 'billing' }),
      makeComplaint({ customerEmail: 'ana@x.es', createdAt: 3, category: 'delivery' }),
      makeComplaint({ customerEmail: 'once@x.es', createdAt: 2 }),
      makeComplaint({ customerEmail: '', createdAt: 2 }),
      makeComplaint({ customerEmail: '', createdAt: 4 }),
    ];
    expect(repeatCustomers(rows)).toEqual([
      { email: 'ana@x.es', name: 'Ana R.', count: 3, lastAt: 5, categories: ['delivery', 'billing'] },
    ]);
  });
});

describe('topPhrases', () => {
  it('drops Spanish and English stopwords but keeps negations', () => {
    expect(phraseRuns('El pedido no ha llegado, y la caja llegó rota')).toEqual([
      ['pedido', 'no'],
      ['llegado'],
      ['caja', 'llegó', 'rota'],
    ]);
    expect(phraseRuns('The parcel was not delivered to my door')).toEqual([
      ['parcel'],
      ['not', 'delivered'],
      ['door'],
    ]);
  });

  it('finds what recurs per category and prefers the longer phrase', () => {
    const rows = [
      makeComplaint({ category: 'delivery', subject: 'Retraso', summary: 'La caja llegó rota otra vez' }),
      makeComplaint({ category: 'delivery', subject: 'Queja', summary: 'caja llegó rota, muy mal' }),
      makeComplaint({ category: 'delivery', subject: 'Retraso', summary: 'Sin noticias' }),
      makeComplaint({
        category: 'billing',
        subject: 'Charged twice',
        summary: 'I was charged twice for the same order',
      }),
      makeComplaint({ category: 'billing', subject: 'Invoice', summary: 'Charged twice again' }),
    ];
    const phrases = topPhrases(rows, 3);
    expect(phrases.delivery).toEqual([
      { phrase: 'caja llegó rota', count: 2 },
      { phrase: 'retraso', count: 2 },
    ]);
    expect(phrases.billing).toEqual([{ phrase: 'charged twice', count: 2 }]);
  });
});

describe('loadInsights', () => {
  it('reads the complaints of the chosen weeks only', async () => {
    await db.complaints.bulkAdd([
      makeComplaint({ id: 'in', threadKey: 'k:1', createdAt: monday }),
      makeComplaint({ id: 'old', threadKey: 'k:2', createdAt: monday - 60 * 24 * HOUR }),
    ]);
    const insights = await loadInsights(4, monday + HOUR);
    expect(insights.total).toBe(1);
    expect(insights.weekly.weeks).toHaveLength(4);
    expect(insights.weekly.counts.product).toEqual([0, 0, 0, 1]);
  });
});

describe('chart axes', () => {
  it('counts are whole numbers from 0 past the largest, about six ticks', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(countTicks(480)).toEqual([0, 100, 200, 300, 400, 500]);
    for (const max of [0, 1, 2, 3, 4, 5, 9, 11, 17, 99, 1234])
      for (const tick of countTicks(max)) expect(Number.isInteger(tick)).toBe(true);
  });

  it('labels week starts (the ticks themselves), thinning from the latest week when they do not fit', () => {
    const weeks = Array.from({ length: 12 }, (_, i) => i * 7 * 86_400_000);
    expect(labelledWeeks(weeks, 1000).size).toBe(12);
    const thin = labelledWeeks(weeks, 300); // room for 4 labels → every 4th week
    expect([...thin]).toEqual([weeks[3], weeks[7], weeks[11]]);
    expect(thin.has(weeks.at(-1)!)).toBe(true);
  });
});
