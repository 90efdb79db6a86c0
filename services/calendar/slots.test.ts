import { describe, expect, it } from 'vitest';
import {
  findSlots,
  findSlotsNaive,
  mergeIntervals,
  workingWindows,
  type SlotQuery,
  type WeeklyHours,
} from './slots';
import type { BusyInterval, BusyStatus } from './types';

const t = (iso: string) => Date.parse(iso);
const weekdays = (start: string, end: string): WeeklyHours => {
  const r = [{ start, end }];
  return { 1: r, 2: r, 3: r, 4: r, 5: r };
};
const everyDay = (start: string, end: string): WeeklyHours => {
  const r = [{ start, end }];
  return { 1: r, 2: r, 3: r, 4: r, 5: r, 6: r, 7: r };
};
const iso = (ms: number) => new Date(ms).toISOString();

function query(overrides: Partial<SlotQuery>): SlotQuery {
  return {
    busy: new Map(),
    timeZone: 'Europe/Madrid',
    workingHours: weekdays('09:00', '10:00'),
    durationMin: 30,
    stepMin: 30,
    range: { start: t('2026-03-02T00:00:00Z'), end: t('2026-03-03T00:00:00Z') },
    now: t('2026-01-01T00:00:00Z'),
    maxResults: Infinity,
    ...overrides,
  };
}

const chronological = (q: SlotQuery) =>
  findSlots(q)
    .map((s) => s.start)
    .sort((a, b) => a - b)
    .map(iso);

describe('working hours across DST', () => {
  it('Europe/Madrid keeps 09:00 local across the last Sunday of March', () => {
    const q = query({ range: { start: t('2026-03-27T00:00:00Z'), end: t('2026-03-31T00:00:00Z') } });
    expect(chronological(q)).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-27T08:30:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-30T07:30:00.000Z',
    ]);
  });

  it('Europe/Madrid keeps 09:00 local across the last Sunday of October', () => {
    const q = query({
      range: { start: t('2026-10-23T00:00:00Z'), end: t('2026-10-27T00:00:00Z') },
      stepMin: 60,
    });
    expect(chronological(q)).toEqual(['2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('America/New_York moves on the 2nd Sunday of March and the 1st Sunday of November', () => {
    const base = { timeZone: 'America/New_York', stepMin: 60 };
    expect(
      chronological(
        query({ ...base, range: { start: t('2026-03-06T00:00:00Z'), end: t('2026-03-10T00:00:00Z') } }),
      ),
    ).toEqual(['2026-03-06T14:00:00.000Z', '2026-03-09T13:00:00.000Z']);
    expect(
      chronological(
        query({ ...base, range: { start: t('2026-10-30T00:00:00Z'), end: t('2026-11-03T00:00:00Z') } }),
      ),
    ).toEqual(['2026-10-30T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('America/Mexico_City has no DST since 2022 (old switch: first Sunday of April)', () => {
    const q = query({
      timeZone: 'America/Mexico_City',
      stepMin: 60,
      range: { start: t('2026-04-03T00:00:00Z'), end: t('2026-04-07T00:00:00Z') },
    });
    expect(chronological(q)).toEqual(['2026-04-03T15:00:00.000Z', '2026-04-06T15:00:00.000Z']);
  });

  it('supports several ranges a day and 24:00', () => {
    const windows = workingWindows(
      'Europe/Madrid',
      {
        2: [
          { start: '16:00', end: '19:00' },
          { start: '09:00', end: '14:00' },
          { start: '22:00', end: '24:00' },
        ],
      },
      { start: t('2026-03-10T00:00:00Z'), end: t('2026-03-11T00:00:00Z') },
    );
    expect(windows.map((w) => [iso(w.start), iso(w.end)])).toEqual([
      ['2026-03-10T08:00:00.000Z', '2026-03-10T13:00:00.000Z'],
      ['2026-03-10T15:00:00.000Z', '2026-03-10T18:00:00.000Z'],
      ['2026-03-10T21:00:00.000Z', '2026-03-10T23:00:00.000Z'],
    ]);
  });
});

describe('busy time', () => {
  const day = { start: t('2026-03-10T00:00:00Z'), end: t('2026-03-11T00:00:00Z') };
  const hours = weekdays('09:00', '12:00'); // 08:00Z–11:00Z in March (CET)
  const b = (start: string, end: string, status: BusyStatus = 'busy'): BusyInterval => ({
    start: t(start),
    end: t(end),
    status,
  });

  it('merges overlapping and back-to-back intervals across calendars', () => {
    const busy = new Map([
      [
        'manager',
        [
          b('2026-03-10T08:00:00Z', '2026-03-10T08:30:00Z'),
          b('2026-03-10T09:00:00Z', '2026-03-10T09:30:00Z'),
        ],
      ],
      ['staff', [b('2026-03-10T08:15:00Z', '2026-03-10T09:00:00Z')]],
    ]);
    const q = query({ busy, managerId: 'manager', workingHours: hours, range: day });
    expect(chronological(q)[0]).toBe('2026-03-10T09:30:00.000Z');
    expect(mergeIntervals([...busy.values()].flat())).toEqual({
      starts: Float64Array.from([t('2026-03-10T08:00:00Z')]),
      ends: Float64Array.from([t('2026-03-10T09:30:00Z')]),
    });
  });

  it('applies buffers before and after', () => {
    const busy = new Map([['m', [b('2026-03-10T08:30:00Z', '2026-03-10T09:00:00Z')]]]);
    const plain = chronological(query({ busy, workingHours: hours, range: day, stepMin: 15 }));
    expect(plain).toContain('2026-03-10T08:00:00.000Z');
    expect(plain).toContain('2026-03-10T09:00:00.000Z');
    const buffered = chronological(
      query({ busy, workingHours: hours, range: day, stepMin: 15, bufferBeforeMin: 15, bufferAfterMin: 15 }),
    );
    // 08:00–08:30 ends too close to the 08:30 meeting; 09:00 starts too soon after it.
    expect(buffered.slice(0, 2)).toEqual(['2026-03-10T09:15:00.000Z', '2026-03-10T09:30:00.000Z']);
    expect(buffered).not.toContain('2026-03-10T08:00:00.000Z');
  });

  it('counts tentative as busy by default (option), OOF always, working elsewhere only on request', () => {
    const at = (status: BusyStatus) =>
      new Map([['m', [b('2026-03-10T08:00:00Z', '2026-03-10T11:00:00Z', status)]]]);
    const base = { workingHours: hours, range: day };
    expect(findSlots(query({ ...base, busy: at('tentative') }))).toEqual([]);
    expect(findSlots(query({ ...base, busy: at('tentative'), tentativeIsBusy: false }))).toHaveLength(6);
    expect(findSlots(query({ ...base, busy: at('oof'), tentativeIsBusy: false }))).toEqual([]);
    expect(findSlots(query({ ...base, busy: at('workingElsewhere') }))).toHaveLength(6);
    expect(findSlots(query({ ...base, busy: at('workingElsewhere'), workingElsewhereIsBusy: true }))).toEqual(
      [],
    );
  });

  it('lets an all-day block cover the whole business day, not the UTC day', () => {
    // Madrid is UTC+1: read as instants, UTC 10 Mar 00:00 → 11 Mar 00:00 would spill into 11 Mar 00:00–01:00.
    const busy = new Map([['m', [{ ...b('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z'), allDay: true }]]]);
    const q = query({
      busy,
      workingHours: everyDay('00:00', '02:00'),
      range: { start: t('2026-03-09T23:00:00Z'), end: t('2026-03-11T23:00:00Z') },
    });
    expect(chronological(q)).toEqual([
      '2026-03-10T23:00:00.000Z',
      '2026-03-10T23:30:00.000Z',
      '2026-03-11T00:00:00.000Z',
      '2026-03-11T00:30:00.000Z',
    ]);
  });

  it('respects the minimum notice', () => {
    const q = query({
      workingHours: hours,
      range: day,
      now: t('2026-03-10T08:10:00Z'),
      minNoticeMin: 60,
    });
    expect(chronological(q)[0]).toBe('2026-03-10T09:30:00.000Z');
  });
});

describe('ranking', () => {
  const range = { start: t('2026-03-09T00:00:00Z'), end: t('2026-03-14T00:00:00Z') };
  const hours = weekdays('09:00', '13:00'); // 08:00Z–12:00Z

  it('puts sure proposed times first, then proposed ranges, then guesses, then the rest by day', () => {
    const q = query({
      workingHours: hours,
      range,
      durationMin: 60,
      proposals: [
        { start: t('2026-03-12T10:00:00Z'), end: t('2026-03-12T11:30:00Z') }, // range: 10:00 and 10:30 fit
        { start: t('2026-03-13T09:10:00Z') }, // off the 30-minute grid, still offered
        { start: t('2026-03-11T08:00:00Z'), uncertain: true },
        { start: t('2026-03-10T20:00:00Z') }, // outside working hours: ignored
      ],
    });
    const slots = findSlots(q);
    expect(slots.slice(0, 4).map((s) => [iso(s.start), s.proposalMatch, s.proposalIndex])).toEqual([
      ['2026-03-13T09:10:00.000Z', 0, 1],
      // Same tier and day: 10:30 leaves the 08:00–12:00 window's free time in bigger pieces.
      ['2026-03-12T10:30:00.000Z', 1, 0],
      ['2026-03-12T10:00:00.000Z', 1, 0],
      ['2026-03-11T08:00:00.000Z', 2, 2],
    ]);
    expect(slots[4]).toMatchObject({ proposalMatch: 4, day: 0 });
    expect(slots.some((s) => s.start === t('2026-03-10T20:00:00Z'))).toBe(false);
  });

  it('does not offer a proposed time that is busy', () => {
    const busy = new Map([
      ['m', [{ start: t('2026-03-13T09:00:00Z'), end: t('2026-03-13T10:00:00Z'), status: 'busy' as const }]],
    ]);
    const q = query({ busy, workingHours: hours, range, proposals: [{ start: t('2026-03-13T09:00:00Z') }] });
    expect(findSlots(q)[0]?.proposalMatch).toBe(4);
  });

  it('prefers, within a day, slots that leave the manager a whole gap', () => {
    const busy = new Map([
      ['m', [{ start: t('2026-03-10T09:00:00Z'), end: t('2026-03-10T10:00:00Z'), status: 'busy' as const }]],
    ]);
    const q = query({
      busy,
      managerId: 'm',
      workingHours: hours,
      durationMin: 60,
      range: { start: t('2026-03-10T00:00:00Z'), end: t('2026-03-11T00:00:00Z') },
    });
    expect(findSlots(q).map((s) => [iso(s.start), s.fragmentation])).toEqual([
      ['2026-03-10T08:00:00.000Z', 0],
      ['2026-03-10T10:00:00.000Z', 0],
      ['2026-03-10T11:00:00.000Z', 0],
      ['2026-03-10T10:30:00.000Z', 30],
    ]);
  });
});

describe('labels', () => {
  it('shows the time in the manager zone and in the customer zone, DST-aware', () => {
    const at = (day: string) =>
      findSlots(
        query({
          workingHours: weekdays('10:00', '10:30'),
          customerTimeZone: 'America/New_York',
          range: { start: t(`${day}T00:00:00Z`), end: t(`${day}T23:00:00Z`) },
        }),
      )[0];
    // 16 Mar: New York already on EDT, Madrid still on CET → 5 hours apart.
    const march16 = at('2026-03-16');
    expect(march16?.manager.start).toBe('2026-03-16T10:00:00.000+01:00');
    expect(march16?.customer.start).toBe('2026-03-16T05:00:00.000-04:00');
    expect(march16?.customer.label).toMatch(/5:00/);
    // 30 Mar: both on summer time → 6 hours apart.
    expect(at('2026-03-30')?.customer.start).toBe('2026-03-30T04:00:00.000-04:00');
  });

  it('labels in the requested locale', () => {
    const [slot] = findSlots(
      query({
        workingHours: weekdays('10:00', '10:30'),
        locale: 'es',
        range: { start: t('2026-03-10T00:00:00Z'), end: t('2026-03-11T00:00:00Z') },
      }),
    );
    expect(slot?.manager.label).toMatch(/mar/);
    expect(slot?.manager.label).toMatch(/10:00/);
  });
});

describe('fast and naive agree', () => {
  function prng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let x = s;
      x = Math.imul(x ^ (x >>> 15), x | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }
  const statuses: BusyStatus[] = ['busy', 'busy', 'tentative', 'oof', 'workingElsewhere'];
  const zones = ['Europe/Madrid', 'America/New_York', 'America/Mexico_City'];

  for (let seed = 1; seed <= 12; seed++) {
    it(`on random data (seed ${seed})`, () => {
      const rnd = prng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const start = t('2026-03-01T00:00:00Z') + Math.floor(rnd() * 240) * 86_400_000;
      const range = { start, end: start + 28 * 86_400_000 };
      const busy = new Map<string, BusyInterval[]>();
      const calendars = 1 + Math.floor(rnd() * 5);
      for (let c = 0; c < calendars; c++) {
        const list: BusyInterval[] = [];
        const count = Math.floor(rnd() * 120);
        for (let i = 0; i < count; i++) {
          if (rnd() < 0.03) {
            const dayStart = start - (start % 86_400_000) + Math.floor(rnd() * 28) * 86_400_000;
            list.push({ start: dayStart, end: dayStart + 86_400_000, status: 'busy', allDay: true });
            continue;
          }
          const s =
            start + Math.floor(rnd() * 28 * 96) * 900_000 + (rnd() < 0.2 ? Math.floor(rnd() * 900_000) : 0);
          list.push({ start: s, end: s + (1 + Math.floor(rnd() * 12)) * 900_000, status: pick(statuses) });
        }
        if (rnd() < 0.5) list.sort((a, b) => a.start - b.start);
        busy.set(`cal${c}`, list);
      }
      const proposals = Array.from({ length: Math.floor(rnd() * 4) }, () => {
        const s = start + Math.floor(rnd() * 28 * 288) * 300_000;
        return rnd() < 0.5 ? { start: s, uncertain: rnd() < 0.3 } : { start: s, end: s + 3 * 3_600_000 };
      });
      const q: SlotQuery = {
        busy,
        managerId: 'cal0',
        timeZone: pick(zones),
        customerTimeZone: pick(zones),
        workingHours: {
          1: [
            { start: '09:00', end: '14:00' },
            { start: '16:00', end: '19:00' },
          ],
          2: [{ start: '08:30', end: '17:30' }],
          3: [{ start: '09:00', end: '13:00' }],
          4: [{ start: '10:00', end: '18:00' }],
          5: [{ start: '09:00', end: '15:00' }],
          6: rnd() < 0.5 ? [{ start: '10:00', end: '13:00' }] : [],
        },
        durationMin: pick([15, 30, 45, 60, 90]),
        stepMin: pick([15, 30]),
        bufferBeforeMin: pick([0, 0, 10, 15]),
        bufferAfterMin: pick([0, 5, 15]),
        minNoticeMin: pick([0, 120, 1440]),
        range,
        now: start + Math.floor(rnd() * 3 * 86_400_000),
        proposals,
        tentativeIsBusy: rnd() < 0.7,
        workingElsewhereIsBusy: rnd() < 0.3,
        maxResults: Infinity,
      };
      const fast = findSlots(q);
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toEqual(findSlotsNaive(q));
    });
  }
});
