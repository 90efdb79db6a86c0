import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AgendaEvent } from '../calendar/types';
import { buildAgenda, nextMeeting } from './merge';

const zone = 'Europe/Madrid';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

function ev(id: string, start: string, end: string, extra: Partial<AgendaEvent> = {}): AgendaEvent {
  return {
    id,
    provider: 'google',
    calendarId: 'primary',
    title: id,
    start,
    end,
    startMs: at(start),
    endMs: at(end),
    allDay: false,
    timeZone: zone,
    attendeeCount: 0,
    attendees: [],
    myResponse: 'accepted',
    status: 'confirmed',
    showAs: 'busy',
    ...extra,
  };
}

const nineToSix = [{ start: '09:00', end: '18:00' }];
const NINE_TO_SIX = { '1': nineToSix, '2': nineToSix, '3': nineToSix, '4': nineToSix, '5': nineToSix };

// Monday 30 November 2026.
const monday = at('2026-11-30T00:00');

describe('buildAgenda', () => {
  it('merges providers in order and flags overlaps as conflicts, not declined or free events', () => {
    const days = buildAgenda({
      events: [
        ev('b', '2026-11-30T10:30', '2026-11-30T11:30', { provider: 'microsoft' }),
        ev('a', '2026-11-30T10:00', '2026-11-30T11:00'),
        ev('c', '2026-11-30T11:30', '2026-11-30T12:00'), // back-to-back with b: no conflict
        ev('d', '2026-11-30T10:15', '2026-11-30T10:45', { myResponse: 'declined' }),
        ev('e', '2026-11-30T10:15', '2026-11-30T10:45', { showAs: 'free' }),
      ],
      zone,
      from: monday,
      days: 2,
      workingHours: NINE_TO_SIX,
      now: monday,
    });
    const today = days[0]!;
    expect(today.timed.map((i) => i.event.id)).toEqual(['a', 'd', 'e', 'b', 'c']);
    const conflicts = Object.fromEntries(today.timed.map((i) => [i.event.id, i.conflicts]));
    expect(conflicts).toEqual({ a: ['microsoft:b'], b: ['google:a'], c: [], d: [], e: [] });
    expect(days[1]!.timed).toEqual([]);
  });

  it('lists free gaps within working hours from now on', () => {
    const [today] = buildAgenda({
      events: [
        ev('a', '2026-11-30T10:00', '2026-11-30T11:00'),
        ev('b', '2026-11-30T11:10', '2026-11-30T17:00'),
      ],
      zone,
      from: monday,
      days: 1,
      workingHours: NINE_TO_SIX,
      now: at('2026-11-30T09:20'),
    });
    expect(
      today!.gaps.map((g) => [
        DateTime.fromMillis(g.start, { zone }).toFormat('HH:mm'),
        DateTime.fromMillis(g.end, { zone }).toFormat('HH:mm'),
      ]),
    ).toEqual([
      ['09:20', '10:00'],
      ['17:00', '18:00'],
    ]);
  });

  it('keeps free gaps out of the midday closure, and lists none on a closed day', () => {
    // The business profile's default week: 09:00–14:00 and 16:00–19:00, closed at the weekend.
    const split = [
      { start: '09:00', end: '14:00' },
      { start: '16:00', end: '19:00' },
    ];
    const week = { '1': split, '2': split, '3': split, '4': split, '5': split };
    const days = buildAgenda({
      events: [ev('a', '2026-11-30T10:00', '2026-11-30T11:00')],
      zone,
      from: monday,
      days: 7,
      workingHours: week,
      now: monday,
    });
    const hhmm = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
    expect(days[0]!.gaps.map((g) => [hhmm(g.start), hhmm(g.end)])).toEqual([
      ['09:00', '10:00'],
      ['11:00', '14:00'],
      ['16:00', '19:00'],
    ]);
    expect(days[5]!.gaps).toEqual([]); // Saturday
  });

  it('lists no free time at all when no calendar could be read', () => {
    const [today] = buildAgenda({ events: [], zone, from: monday, days: 1, workingHours: null, now: monday });
    expect(today!.gaps).toEqual([]);
  });

  it('shows a multi-day all-day event on each of its days', () => {
    const days = buildAgenda({
      events: [
        ev('fair', '2026-11-30', '2026-12-02', {
          allDay: true,
          startMs: at('2026-11-30T00:00'),
          endMs: at('2026-12-02T00:00'),
        }),
      ],
      zone,
      from: monday,
      days: 3,
      workingHours: NINE_TO_SIX,
      now: monday,
    });
    expect(days.map((d) => d.allDay.length)).toEqual([1, 1, 0]);
  });

  it('keeps day boundaries in the manager zone across the DST change', () => {
    const sunday = at('2026-10-25T00:00'); // Madrid goes from CEST to CET this day (25 hours)
    const days = buildAgenda({
      events: [ev('late', '2026-10-25T23:30', '2026-10-26T00:30')],
      zone,
      from: sunday,
      days: 2,
      workingHours: NINE_TO_SIX,
      now: sunday,
    });
    expect(days.map((d) => d.date)).toEqual(['2026-10-25', '2026-10-26']);
    expect(days[0]!.timed).toHaveLength(1);
    expect(days[1]!.timed).toHaveLength(1);
  });
});

describe('nextMeeting', () => {
  it('finds the ongoing or next meeting', () => {
    const events = [
      ev('a', '2026-11-30T10:00', '2026-11-30T11:00'),
      ev('b', '2026-11-30T12:00', '2026-11-30T13:00'),
    ];
    expect(nextMeeting(events, at('2026-11-30T09:48'))).toMatchObject({
      inMinutes: 12,
      ongoing: false,
      event: { id: 'a' },
    });
    expect(nextMeeting(events, at('2026-11-30T10:30'))).toMatchObject({ ongoing: true, event: { id: 'a' } });
    expect(nextMeeting(events, at('2026-11-30T13:00'))).toBeNull();
  });
});
