import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaEvent } from '../../services/calendar/types';
import { db } from '../../services/db/db';
import { saveProfile } from '../../services/profile';
import { setLocale } from '../../services/i18n';
import { readCacheSnapshot } from './cache-read';
import { freeTimeKnown, glanceProfile, nextMeetingText, timeline } from './glance';
import { buildAgenda } from '../../services/agenda/merge';

const zone = 'Europe/Madrid';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

function ev(id: string, start: string, end: string): AgendaEvent {
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
  };
}

const monday = at('2026-11-30T08:00');

describe('next meeting line', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => setLocale('en'));

  it('counts minutes under an hour, hours and minutes under three hours', () => {
    const soon = { event: ev('Stand-up', '2026-11-30T08:25', '2026-11-30T08:40'), ongoing: false };
    expect(nextMeetingText(soon, monday, zone)).toBe('Next meeting in 25 min: Stand-up');
    const later = { event: ev('Supplier', '2026-11-30T10:10', '2026-11-30T11:00'), ongoing: false };
    expect(nextMeetingText(later, monday, zone)).toBe('Next meeting in 2 h 10 min: Supplier');
    const round = { event: ev('Supplier', '2026-11-30T10:00', '2026-11-30T11:00'), ongoing: false };
    expect(nextMeetingText(round, monday, zone)).toBe('Next meeting in 2 h: Supplier');
  });

  it('gives a clock time past three hours, never hundreds of minutes', () => {
    const evening = { event: ev('Review', '2026-11-30T16:46', '2026-11-30T17:00'), ongoing: false };
    expect(nextMeetingText(evening, monday, zone)).toMatch(/^Next meeting at 4:46\sPM today: Review$/);
    const tomorrow = { event: ev('Visit', '2026-12-01T09:00', '2026-12-01T10:00'), ongoing: false };
    const text = nextMeetingText(tomorrow, monday, zone);
    expect(text).toMatch(/^Next meeting at 9:00\sAM tomorrow: Visit$/);
    expect(text).not.toMatch(/\d{3,} min/);
    const thursday = { event: ev('Fair', '2026-12-03T09:00', '2026-12-03T10:00'), ongoing: false };
    expect(nextMeetingText(thursday, monday, zone)).toMatch(/^Next meeting on Thursday, December 3 at 9:00/);
  });

  it('speaks Spanish in the Spanish UI', () => {
    setLocale('es');
    const later = { event: ev('Proveedor', '2026-11-30T10:10', '2026-11-30T11:00'), ongoing: false };
    expect(nextMeetingText(later, monday, zone)).toBe('Próxima reunión en 2 h 10 min: Proveedor');
    const tomorrow = { event: ev('Visita', '2026-12-01T09:00', '2026-12-01T10:00'), ongoing: false };
    expect(nextMeetingText(tomorrow, monday, zone)).toBe('Próxima reunión mañana a las 9:00: Visita');
  });
});

describe('free time at a glance', () => {
  it('is claimed only from calendars that were read without error', () => {
    expect(freeTimeKnown([])).toBe(false);
    expect(freeTimeKnown([{ error: null }])).toBe(true);
    expect(freeTimeKnown([{ error: null }, { error: '503' }])).toBe(false);
  });

  it('lists gaps among the events in time order, outside the midday closure', () => {
    const { workingHours } = glanceProfile(null); // default: 09:00–14:00 and 16:00–19:00
    const [today] = buildAgenda({
      events: [
        ev('a', '2026-11-30T10:00', '2026-11-30T11:00'),
        ev('b', '2026-11-30T16:30', '2026-11-30T17:00'),
      ],
      zone,
      from: monday,
      days: 1,
      workingHours,
      now: monday,
    });
    const order = timeline(today!).map((i) =>
      i.kind === 'event'
        ? i.item.event.id
        : `free ${DateTime.fromMillis(i.start, { zone }).toFormat('HH:mm')}-${DateTime.fromMillis(i.end, { zone }).toFormat('HH:mm')}`,
    );
    expect(order).toEqual([
      'free 09:00-10:00',
      'a',
      'free 11:00-14:00',
      'free 16:00-16:30',
      'b',
      'free 17:00-19:00',
    ]);
  });

  it('reads the stored profile leniently: a malformed part falls back to the default', () => {
    const p = glanceProfile({
      timeZone: 'America/Bogota',
      workingHours: { '1': [{ start: '9', end: 'x' }] },
    });
    expect(p.timeZone).toBe('America/Bogota');
    expect(p.workingHours['1']).toEqual([
      { start: '09:00', end: '14:00' },
      { start: '16:00', end: '19:00' },
    ]);
    expect(glanceProfile({ timeZone: 'Mars/Olympus' }).timeZone).not.toBe('Mars/Olympus');
  });
});

describe('reading the cache without Dexie', () => {
  beforeEach(async () => {
    db.close();
    await db.delete();
  });
  afterEach(async () => {
    await db.open();
  });

  it('does not create the database when it is not there yet (Dexie creates it)', async () => {
    expect(await readCacheSnapshot()).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('ops-assistant');
    await db.open(); // and Dexie still creates it at its own version
    expect(db.verno).toBeGreaterThan(1);
  });

  it('returns what Dexie stored: the cached calendars and the profile record', async () => {
    await db.open();
    await db.agendaCache.put({
      id: 'google:primary',
      provider: 'google',
      calendarId: 'primary',
      fetchedAt: 1,
      rangeStart: 0,
      rangeEnd: 2,
      events: [ev('a', '2026-11-30T10:00', '2026-11-30T11:00')],
      error: null,
    });
    await saveProfile({ timeZone: 'America/Mexico_City' });
    const snapshot = await readCacheSnapshot();
    expect(snapshot?.entries.map((e) => e.id)).toEqual(['google:primary']);
    expect(glanceProfile(snapshot?.profile).timeZone).toBe('America/Mexico_City');
    // Dexie keeps working beside it (the plain connection was closed).
    await db.agendaCache.clear();
    expect(await db.agendaCache.count()).toBe(0);
  });
});
