import type { calendar_v3 } from '@googleapis/calendar';
import { describe, expect, it } from 'vitest';
import { bookingKey, googleEventId } from './booking';
import { CalendarError } from './errors';
import { createGoogleProvider } from './google';
import type { NewEvent } from './types';

// Web Crypto is async; the ids are fixed for the whole file.
const KEY = await bookingKey('thread-1', 'primary', '2026-03-10T09:00:00Z');
const EVENT_ID = await googleEventId(KEY);

interface Seen {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

function fakeFetch(handler: (req: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req: Seen = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    seen.push(req);
    return handler(req);
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const googleError = (status: number, reason: string, message: string) =>
  json({ error: { code: status, message, errors: [{ domain: 'global', reason, message }] } }, status);

const BASE = 'http://127.0.0.1:4555/google';
const provider = (fetch: typeof globalThis.fetch) =>
  createGoogleProvider({ baseUrl: BASE, getToken: async () => 'tok-1', timeZone: 'Europe/Madrid', fetch });

const range = { start: Date.parse('2026-03-10T00:00:00Z'), end: Date.parse('2026-03-11T00:00:00Z') };

describe('Google calendarList', () => {
  it('maps entries and follows pages', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.url.searchParams.get('pageToken')
        ? json({ items: [{ id: 'team@group.calendar.google.com', summary: 'Team', accessRole: 'reader' }] })
        : json({
            nextPageToken: 'p2',
            items: [
              {
                id: 'ana@tienda.es',
                summary: 'ana@tienda.es',
                summaryOverride: 'Ana',
                primary: true,
                accessRole: 'owner',
                backgroundColor: '#9fe1e7',
                timeZone: 'Europe/Madrid',
                conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
              },
            ],
          } satisfies calendar_v3.Schema$CalendarList),
    );
    const list = await provider(fetch).calendars();
    expect(seen[0]?.url.pathname).toBe('/google/calendar/v3/users/me/calendarList');
    expect(seen[0]?.headers['Authorization']).toBe('Bearer tok-1');
    expect(list).toEqual([
      {
        id: 'ana@tienda.es',
        provider: 'google',
        name: 'Ana',
        primary: true,
        canEdit: true,
        color: '#9fe1e7',
        timeZone: 'Europe/Madrid',
        ownerEmail: 'ana@tienda.es',
        onlineMeetings: ['meet'],
      },
      {
        id: 'team@group.calendar.google.com',
        provider: 'google',
        name: 'Team',
        primary: false,
        canEdit: false,
        onlineMeetings: [],
      },
    ]);
  });
});

describe('Google events.list', () => {
  it('asks for expanded, ordered events in the range and normalises them', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.url.searchParams.get('pageToken') === 'n2'
        ? json({
            items: [
              {
                id: 'allday',
                summary: 'Festivo',
                start: { date: '2026-03-10' },
                end: { date: '2026-03-11' },
              },
              { id: 'gone', status: 'cancelled', start: { date: '2026-03-10' }, end: { date: '2026-03-11' } },
            ],
          })
        : json({
            nextPageToken: 'n2',
            items: [
              {
                id: 'ev1',
                status: 'confirmed',
                summary: 'Proveedor',
                htmlLink: 'https://www.google.com/calendar/event?eid=x',
                location: 'Oficina',
                hangoutLink: 'https://meet.google.com/abc-defg-hij',
                start: { dateTime: '2026-03-10T09:00:00Z', timeZone: 'UTC' },
                end: { dateTime: '2026-03-10T10:00:00+01:00' },
                organizer: { email: 'boss@tienda.es', displayName: 'Boss' },
                attendees: [
                  { email: 'ana@tienda.es', self: true, responseStatus: 'tentative' },
                  { email: 'room@resource.calendar.google.com', resource: true, responseStatus: 'accepted' },
                ],
              },
              {
                id: 'ooo',
                eventType: 'outOfOffice',
                start: { dateTime: '2026-03-10T15:00:00+01:00' },
                end: { dateTime: '2026-03-10T18:00:00+01:00' },
              },
            ],
          } satisfies calendar_v3.Schema$Events),
    );
    const events = await provider(fetch).list('ana@tienda.es', range);
    const q = seen[0]!.url.searchParams;
    expect(seen[0]!.url.pathname).toBe('/google/calendar/v3/calendars/ana%40tienda.es/events');
    expect([q.get('singleEvents'), q.get('orderBy'), q.get('timeMin'), q.get('timeMax')]).toEqual([
      'true',
      'startTime',
      '2026-03-10T00:00:00.000Z',
      '2026-03-11T00:00:00.000Z',
    ]);
    expect(seen).toHaveLength(2);
    expect(events.map((e) => e.id)).toEqual(['ev1', 'ooo', 'allday']);
    expect(events[0]).toMatchObject({
      provider: 'google',
      calendarId: 'ana@tienda.es',
      title: 'Proveedor',
      start: '2026-03-10T10:00:00.000+01:00',
      end: '2026-03-10T10:00:00.000+01:00',
      allDay: false,
      timeZone: 'Europe/Madrid',
      joinUrl: 'https://meet.google.com/abc-defg-hij',
      attendeeCount: 2,
      myResponse: 'tentative',
      showAs: 'tentative',
      organizer: { email: 'boss@tienda.es', name: 'Boss' },
    });
    expect(events[0]?.attendees[1]).toMatchObject({ resource: true, response: 'accepted' });
    expect(events[1]?.showAs).toBe('oof');
    expect(events[2]).toMatchObject({
      allDay: true,
      start: '2026-03-10',
      end: '2026-03-11',
      startMs: Date.parse('2026-03-09T23:00:00Z'),
      title: 'Festivo',
    });
  });
});

describe('Google freeBusy', () => {
  it('returns busy per calendar and leaves out calendars that could not be read', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json({
        kind: 'calendar#freeBusy',
        calendars: {
          'ana@tienda.es': { busy: [{ start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' }] },
          'nobody@tienda.es': { busy: [], errors: [{ domain: 'global', reason: 'notFound' }] },
        },
      } satisfies calendar_v3.Schema$FreeBusyResponse),
    );
    const busy = await provider(fetch).busy(['ana@tienda.es', 'nobody@tienda.es'], range);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url.pathname).toBe('/google/calendar/v3/freeBusy');
    expect(seen[0]?.body).toMatchObject({ items: [{ id: 'ana@tienda.es' }, { id: 'nobody@tienda.es' }] });
    expect([...busy]).toEqual([
      [
        'ana@tienda.es',
        [
          {
            start: Date.parse('2026-03-10T09:00:00Z'),
            end: Date.parse('2026-03-10T10:00:00Z'),
            status: 'busy',
          },
        ],
      ],
    ]);
  });

  it('splits more than 50 calendars and long ranges into several queries', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `p${i}@x.es`);
    const { fetch, seen } = fakeFetch((req) => {
      const items = (req.body as { items: { id: string }[] }).items;
      return json({ calendars: Object.fromEntries(items.map((i) => [i.id, { busy: [] }])) });
    });
    const long = { start: range.start, end: range.start + 90 * 86_400_000 };
    const busy = await provider(fetch).busy(ids, long);
    expect(seen).toHaveLength(4);
    expect(seen.every((s) => (s.body as { items: unknown[] }).items.length <= 50)).toBe(true);
    expect(busy.size).toBe(51);
  });
});

describe('Google events.insert', () => {
  const newEvent: NewEvent = {
    title: 'Cita con María',
    description: 'Hilo: https://mail.google.com/x',
    start: '2026-03-10T09:00:00Z',
    end: '2026-03-10T09:30:00Z',
    timeZone: 'Europe/Madrid',
    attendees: [{ email: 'maria@example.es', name: 'María Núñez' }],
    online: true,
  };
  const key = KEY;
  const created = (body: calendar_v3.Schema$Event): calendar_v3.Schema$Event => ({
    ...body,
    status: 'confirmed',
    htmlLink: 'https://www.google.com/calendar/event?eid=y',
    hangoutLink: 'https://meet.google.com/aaa-bbbb-ccc',
    conferenceData: {
      ...body.conferenceData,
      createRequest: { ...body.conferenceData?.createRequest, status: { statusCode: 'success' } },
    },
  });

  it('sends a deterministic id, a Meet request and sendUpdates=all', async () => {
    const { fetch, seen } = fakeFetch((req) => json(created(req.body as calendar_v3.Schema$Event)));
    const result = await provider(fetch).create('primary', newEvent, key);
    const req = seen[0]!;
    expect(req.url.pathname).toBe('/google/calendar/v3/calendars/primary/events');
    expect(req.url.searchParams.get('sendUpdates')).toBe('all');
    expect(req.url.searchParams.get('conferenceDataVersion')).toBe('1');
    expect(req.body).toEqual({
      id: EVENT_ID,
      summary: 'Cita con María',
      description: 'Hilo: https://mail.google.com/x',
      start: { dateTime: '2026-03-10T10:00:00+01:00', timeZone: 'Europe/Madrid' },
      end: { dateTime: '2026-03-10T10:30:00+01:00', timeZone: 'Europe/Madrid' },
      attendees: [{ email: 'maria@example.es', displayName: 'María Núñez' }],
      conferenceData: {
        createRequest: { requestId: EVENT_ID, conferenceSolutionKey: { type: 'hangoutsMeet' } },
      },
    });
    expect(result).toMatchObject({ onlineMeeting: 'created', alreadyExisted: false });
    expect(result.event).toMatchObject({
      id: EVENT_ID,
      joinUrl: 'https://meet.google.com/aaa-bbbb-ccc',
    });
  });

  it('treats 409 as "already booked": fetches the event and returns it', async () => {
    const id = EVENT_ID;
    const { fetch, seen } = fakeFetch((req) =>
      req.method === 'POST'
        ? googleError(409, 'duplicate', 'The requested identifier already exists.')
        : json(
            created({
              id,
              summary: 'Cita con María',
              start: { dateTime: '2026-03-10T09:00:00Z' },
              end: { dateTime: '2026-03-10T09:30:00Z' },
            }),
          ),
    );
    const result = await provider(fetch).create('primary', newEvent, key);
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'POST /google/calendar/v3/calendars/primary/events',
      `GET /google/calendar/v3/calendars/primary/events/${id}`,
    ]);
    expect(result).toMatchObject({ alreadyExisted: true, onlineMeeting: 'created', event: { id } });
  });

  it('refuses a retry whose earlier event was cancelled since', async () => {
    const { fetch } = fakeFetch((req) =>
      req.method === 'POST'
        ? googleError(409, 'duplicate', 'exists')
        : json({
            id: 'x',
            status: 'cancelled',
            start: { dateTime: '2026-03-10T09:00:00Z' },
            end: { dateTime: '2026-03-10T09:30:00Z' },
          }),
    );
    await expect(provider(fetch).create('primary', newEvent, key)).rejects.toMatchObject({
      kind: 'conflict',
    });
  });

  it('books without Meet when the calendar refuses the conference, and says so', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      (req.body as calendar_v3.Schema$Event).conferenceData
        ? googleError(400, 'invalid', 'Invalid conference type value.')
        : json({ ...(req.body as object), status: 'confirmed' }),
    );
    const result = await provider(fetch).create('primary', newEvent, key);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.url.searchParams.has('conferenceDataVersion')).toBe(false);
    expect(result.onlineMeeting).toBe('unavailable');
  });

  it('reports a pending Meet', async () => {
    const { fetch } = fakeFetch((req) => {
      const body = req.body as calendar_v3.Schema$Event;
      return json({
        ...body,
        conferenceData: {
          createRequest: { ...body.conferenceData?.createRequest, status: { statusCode: 'pending' } },
        },
      });
    });
    expect((await provider(fetch).create('primary', newEvent, key)).onlineMeeting).toBe('pending');
  });
});

describe('Google patch and delete', () => {
  it('patches only the given fields', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      json({
        id: 'ev1',
        summary: 'x',
        start: { dateTime: '2026-03-10T11:00:00Z' },
        end: { dateTime: '2026-03-10T11:30:00Z' },
        ...(req.body as object),
      }),
    );
    const event = await provider(fetch).update('primary', 'ev1', { title: 'Nuevo título' });
    expect(seen[0]?.method).toBe('PATCH');
    expect(seen[0]?.url.pathname).toBe('/google/calendar/v3/calendars/primary/events/ev1');
    expect(seen[0]?.body).toEqual({ summary: 'Nuevo título' });
    expect(event.title).toBe('Nuevo título');
  });

  it('deletes with sendUpdates=all and treats 410 Gone as done', async () => {
    const { fetch, seen } = fakeFetch(() => googleError(410, 'deleted', 'Resource has been deleted'));
    await expect(provider(fetch).cancel('primary', 'ev1')).resolves.toBeUndefined();
    expect(seen[0]?.method).toBe('DELETE');
    expect(seen[0]?.url.searchParams.get('sendUpdates')).toBe('all');
  });
});

describe('Google errors', () => {
  it('maps 401, 429 + Retry-After, 403 by reason, 5xx and network failures', async () => {
    const cases: [() => Response | Promise<Response>, Partial<CalendarError>][] = [
      [() => googleError(401, 'authError', 'Invalid Credentials'), { kind: 'auth', status: 401 }],
      [
        () => json({ error: { code: 429, message: 'slow down' } }, 429, { 'Retry-After': '30' }),
        { kind: 'rate-limit', retryAfterMs: 30_000 },
      ],
      [
        () => googleError(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded'),
        { kind: 'rate-limit', status: 403 },
      ],
      [
        () => googleError(403, 'dailyLimitExceeded', 'Daily Limit Exceeded'),
        { kind: 'rate-limit', reason: 'dailyLimitExceeded' },
      ],
      [
        () =>
          googleError(
            403,
            'forbiddenForNonOrganizer',
            'Shared properties can only be changed by the organizer of the event.',
          ),
        { kind: 'forbidden', reason: 'forbiddenForNonOrganizer' },
      ],
      [
        () => googleError(403, 'requiredAccessLevel', 'You need to have writer access to this calendar.'),
        { kind: 'forbidden', reason: 'requiredAccessLevel' },
      ],
      [
        () => googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.'),
        { kind: 'scope', status: 403 },
      ],
      [() => new Response('<html>oops</html>', { status: 502 }), { kind: 'server', status: 502 }],
      [() => Promise.reject(new TypeError('Failed to fetch')), { kind: 'network' }],
    ];
    for (const [respond, expected] of cases) {
      const { fetch } = fakeFetch(respond);
      const error = await provider(fetch)
        .list('primary', range)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CalendarError);
      expect(error).toMatchObject(expected);
    }
  });
});
