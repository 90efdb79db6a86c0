import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { addBusinessTime, complaintsNeedingAttention, slaState } from './sla';
import { DEFAULT_BUSINESS_HOURS, getBusinessHours, setBusinessHours, type BusinessHours } from './settings';
import { saveProfile } from '../profile';
import { makeComplaint } from './test-helpers';

const madrid = DEFAULT_BUSINESS_HOURS; // Mon–Fri 09:00–18:00, Europe/Madrid
const allDay = { start: '00:00', end: '24:00' };
const always: BusinessHours = {
  zone: 'Europe/Madrid',
  week: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [allDay]])),
  holidays: [],
};
const iso = (ms: number) => new Date(ms).toISOString();

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('business time across the end of summer time (Europe/Madrid, Sunday 25 Oct 2026)', () => {
  // Friday 23 Oct 17:00 CEST (UTC+2). Monday 26 Oct is CET (UTC+1).
  const fridayAfternoon = Date.parse('2026-10-23T15:00:00Z');

  it('counts hours only while open and keeps opening at 09:00 local after the change', () => {
    // 1 h on Friday, 3 h on Monday from 09:00 CET → 12:00 CET = 11:00Z (a naive offset gives 10:00Z).
    expect(iso(addBusinessTime(fridayAfternoon, { value: 4, unit: 'hours' }, madrid))).toBe(
      '2026-10-26T11:00:00.000Z',
    );
  });

  it('moves a business day to the same local time on the next open day', () => {
    expect(iso(addBusinessTime(fridayAfternoon, { value: 1, unit: 'days' }, madrid))).toBe(
      '2026-10-26T16:00:00.000Z',
    );
  });

  it('counts the 25-hour Sunday in real hours when always open', () => {
    const saturdayNight = Date.parse('2026-10-24T21:00:00Z'); // 23:00 CEST
    expect(iso(addBusinessTime(saturdayNight, { value: 5, unit: 'hours' }, always))).toBe(
      '2026-10-25T02:00:00.000Z',
    );
  });

  it('keeps 09:00 local across the start of summer time too (29 Mar 2026)', () => {
    const friday = Date.parse('2026-03-27T16:00:00Z'); // 17:00 CET
    expect(iso(addBusinessTime(friday, { value: 2, unit: 'hours' }, madrid))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });
});

describe('business time', () => {
  it('skips holidays and starts the clock at the next opening', () => {
    const saturday = Date.parse('2026-10-24T10:00:00Z');
    const hours = { ...madrid, holidays: ['2026-10-26'] };
    expect(iso(addBusinessTime(saturday, { value: 2, unit: 'hours' }, hours))).toBe(
      '2026-10-27T10:00:00.000Z',
    );
  });

  it('falls back to calendar time when no day is open', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const closed: BusinessHours = { zone: 'Europe/Madrid', week: {}, holidays: [] };
    expect(addBusinessTime(start, { value: 3, unit: 'hours' }, closed)).toBe(start + 3 * 3_600_000);
  });

  it('honours a split day with a lunch break', () => {
    const hours: BusinessHours = {
      zone: 'America/Mexico_City',
      week: {
        '1': [
          { start: '09:00', end: '13:00' },
          { start: '15:00', end: '19:00' },
        ],
      },
      holidays: [],
    };
    const monday = Date.parse('2026-06-01T18:00:00Z'); // 12:00 local (UTC-6)
    expect(iso(addBusinessTime(monday, { value: 2, unit: 'hours' }, hours))).toBe('2026-06-01T22:00:00.000Z');
  });
});

describe('slaState', () => {
  const createdAt = 0;
  const dueAt = 100 * 60_000;

  it('is ok early, due soon in the last quarter, breached after the deadline', () => {
    const c = { status: 'new' as const, createdAt, dueAt };
    expect(slaState(c, 10 * 60_000)).toEqual({ state: 'ok', dueAt });
    expect(slaState(c, 80 * 60_000)?.state).toBe('due_soon');
    expect(slaState(c, 101 * 60_000)?.state).toBe('breached');
  });

  it('has no clock once resolved', () => {
    expect(slaState({ status: 'resolved', createdAt, dueAt: null }, 1)).toBeNull();
  });
});

describe('complaintsNeedingAttention', () => {
  it('returns breached and due-today open complaints, soonest first', async () => {
    await setBusinessHours(madrid);
    const now = Date.parse('2026-10-21T08:00:00Z'); // Wednesday 10:00 CEST
    await db.complaints.bulkAdd([
      makeComplaint({ id: 'late', threadKey: 'gmail:1', dueAt: now - 3_600_000 }),
      makeComplaint({ id: 'tonight', threadKey: 'gmail:2', dueAt: Date.parse('2026-10-21T20:00:00Z') }),
      makeComplaint({ id: 'tomorrow', threadKey: 'gmail:3', dueAt: Date.parse('2026-10-21T22:30:00Z') }),
      makeComplaint({ id: 'done', threadKey: 'gmail:4', status: 'resolved', dueAt: null }),
    ]);
    expect((await complaintsNeedingAttention(now)).map((c) => c.id)).toEqual(['late', 'tonight']);
  });
});

describe('business hours source', () => {
  it('follows the business profile from options unless complaint hours were saved', async () => {
    await saveProfile({
      timeZone: 'America/Mexico_City',
      workingHours: { '6': [{ start: '10:00', end: '14:00' }] },
      holidays: ['2026-12-25'],
    });
    expect(await getBusinessHours()).toEqual({
      zone: 'America/Mexico_City',
      week: { '6': [{ start: '10:00', end: '14:00' }] },
      holidays: ['2026-12-25'],
    });
    await setBusinessHours(madrid);
    expect(await getBusinessHours()).toEqual(madrid);
  });
});
