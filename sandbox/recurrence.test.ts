// @vitest-environment node
// Recurring series through the providers' own APIs: created as a series, listed as its
// occurrences (Google singleEvents=true, Graph calendarView), each marked with its series, at the
// same Madrid wall time on both sides of the March daylight-saving change.
import type { calendar_v3 } from '@googleapis/calendar';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { createProvider } from '../services/calendar/provider';
import { useSandbox } from './testing';

const sandbox = useSandbox();
const json = (value: unknown) => JSON.stringify(value);
// Mondays 10:00 Madrid from 23 March 2026: one before the change (UTC+1), three after (UTC+2).
const WINDOW = { from: '2026-03-20T00:00:00Z', to: '2026-04-14T00:00:00Z' };
const EXPECTED = [
  '2026-03-23T09:00:00Z',
  '2026-03-30T08:00:00Z',
  '2026-04-06T08:00:00Z',
  '2026-04-13T08:00:00Z',
];

const provider = (kind: 'google' | 'microsoft') =>
  createProvider(kind, {
    baseUrl: kind === 'google' ? `${sandbox.origin()}/google` : `${sandbox.origin()}/graph/`,
    getToken: async () => (kind === 'google' ? 'sandbox-google-token' : 'sandbox-microsoft-token'),
    timeZone: 'Europe/Madrid',
  });

describe('recurring series', () => {
  it('Google lists a weekly series as instances with singleEvents=true, the master without', async () => {
    const created = await sandbox.google('calendars/primary/events', {
      method: 'POST',
      body: json({
        id: 'series0001',
        summary: 'Reunión semanal',
        start: { dateTime: '2026-03-23T10:00:00', timeZone: 'Europe/Madrid' },
        end: { dateTime: '2026-03-23T10:30:00', timeZone: 'Europe/Madrid' },
        recurrence: ['RRULE:FREQ=WEEKLY;COUNT=10'],
      } satisfies calendar_v3.Schema$Event),
    });
    expect(created.status).toBe(200);
    const query = `timeMin=${WINDOW.from}&timeMax=${WINDOW.to}&q=semanal`;
    const single = (await (
      await sandbox.google(`calendars/primary/events?singleEvents=true&orderBy=startTime&${query}`)
    ).json()) as calendar_v3.Schema$Events;
    expect(single.items?.map((e) => Date.parse(e.start?.dateTime ?? ''))).toEqual(EXPECTED.map(Date.parse));
    expect(single.items?.every((e) => e.recurringEventId === 'series0001' && !e.recurrence)).toBe(true);
    const series = (await (
      await sandbox.google(`calendars/primary/events?${query}`)
    ).json()) as calendar_v3.Schema$Events;
    expect(series.items?.map((e) => e.id)).toEqual(['series0001']);

    const events = await provider('google').list('primary', {
      start: Date.parse(WINDOW.from),
      end: Date.parse(WINDOW.to),
    });
    const mine = events.filter((e) => e.title === 'Reunión semanal');
    expect(mine.map((e) => e.startMs)).toEqual(EXPECTED.map(Date.parse));
    expect(mine.every((e) => e.seriesId === 'series0001')).toBe(true);
    expect(mine.map((e) => e.start.slice(11, 16))).toEqual(['10:00', '10:00', '10:00', '10:00']);
  });

  it('Graph lists a series as occurrences in calendarView and counts them busy in getSchedule', async () => {
    const res = await sandbox.graph('me/events', {
      method: 'POST',
      body: json({
        subject: 'Revisión semanal',
        start: { dateTime: '2026-03-23T10:00:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2026-03-23T10:30:00', timeZone: 'Romance Standard Time' },
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
          range: { type: 'numbered', startDate: '2026-03-23', numberOfOccurrences: 10 },
        },
      } satisfies MicrosoftGraph.Event),
    });
    expect(res.status).toBe(201);
    const master = (await res.json()) as MicrosoftGraph.Event;
    expect(master.type).toBe('seriesMaster');

    const events = await provider('microsoft').list('primary', {
      start: Date.parse(WINDOW.from),
      end: Date.parse(WINDOW.to),
    });
    const mine = events.filter((e) => e.title === 'Revisión semanal');
    expect(mine.map((e) => e.startMs)).toEqual(EXPECTED.map(Date.parse));
    expect(mine.every((e) => e.seriesId === master.id)).toBe(true);
    expect(new Set(mine.map((e) => e.id)).size).toBe(4);

    const busy = await provider('microsoft').busy(['maria.lopez@demoferreteria.onmicrosoft.com'], {
      start: Date.parse('2026-03-30T00:00:00Z'),
      end: Date.parse('2026-03-31T00:00:00Z'),
    });
    expect(busy.get('maria.lopez@demoferreteria.onmicrosoft.com')).toContainEqual({
      start: Date.parse('2026-03-30T08:00:00Z'),
      end: Date.parse('2026-03-30T08:30:00Z'),
      status: 'busy',
    });
  });
});
