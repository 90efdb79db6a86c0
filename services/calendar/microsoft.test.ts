import type * as Graph from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { bookingKey, graphTransactionId } from './booking';
import { CalendarError } from './errors';
import { createMicrosoftProvider } from './microsoft';
import type { NewEvent } from './types';

// Web Crypto is async; the ids are fixed for the whole file.
const KEY = await bookingKey('thread-9', 'AAMkCal1', '2026-03-10T09:00:00Z');
const TX = await graphTransactionId(KEY);

interface Seen {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

/** Calendar metadata the provider asks for once per calendar (owner, meeting providers). */
const OWN_CALENDAR: Graph.Calendar = {
  canShare: true,
  owner: { address: 'maria@example.es' },
  allowedOnlineMeetingProviders: ['teamsForBusiness'],
};

/**
 * A fake Graph. Unless `calendar` is null, the one-off calendar metadata lookups are answered with
 * it and left out of `seen`, so tests about events see only the event requests.
 */
function fakeFetch(
  handler: (req: Seen) => Response | Promise<Response>,
  calendar: Graph.Calendar | null = OWN_CALENDAR,
) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req: Seen = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    if (calendar && req.method === 'GET' && /\/me\/calendars\/[^/]+$/.test(req.url.pathname)) {
      return json({ id: decodeURIComponent(req.url.pathname.split('/').pop() ?? ''), ...calendar });
    }
    seen.push(req);
    return handler(req);
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; odata.metadata=minimal', ...headers },
  });
const graphError = (
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
) =>
  json(
    { error: { code, message, ...extra, innerError: { 'request-id': 'r1', date: '2026-03-10T09:00:00' } } },
    status,
    headers,
  );

const BASE = 'http://127.0.0.1:4555/graph/';
const provider = (fetch: typeof globalThis.fetch, baseUrl = BASE) =>
  createMicrosoftProvider({ baseUrl, getToken: async () => 'ms-token', timeZone: 'Europe/Madrid', fetch });
const range = { start: Date.parse('2026-03-10T00:00:00Z'), end: Date.parse('2026-03-11T00:00:00Z') };

describe('Graph client wiring', () => {
  it('reports a sign-in that is gone as a sign-in error, not as the network', async () => {
    const { fetch, seen } = fakeFetch(() => json({ value: [] }));
    const signedOut = createMicrosoftProvider({
      baseUrl: BASE,
      getToken: async () => {
        throw new CalendarError('auth', 'Microsoft sign-in has expired');
      },
      timeZone: 'Europe/Madrid',
      fetch,
    });
    await expect(signedOut.calendars()).rejects.toMatchObject({ kind: 'auth' });
    expect(seen).toEqual([]);
  });

  it('sends the bearer token to an http sandbox base URL and to production', async () => {
    for (const base of [BASE, 'https://graph.microsoft.com/']) {
      const { fetch, seen } = fakeFetch(() => json({ value: [] }));
      await provider(fetch, base).calendars();
      expect(seen[0]?.url.toString().startsWith(`${base}v1.0/me/calendars?`)).toBe(true);
      expect(seen[0]?.headers['Authorization']).toBe('Bearer ms-token');
    }
  });
});

describe('Graph calendars', () => {
  it('maps calendars and which can hold Teams meetings', async () => {
    const { fetch } = fakeFetch(() =>
      json({
        value: [
          {
            id: 'AAMkCal1',
            name: 'Calendar',
            isDefaultCalendar: true,
            canEdit: true,
            hexColor: '#a4c2f4',
            allowedOnlineMeetingProviders: ['teamsForBusiness'],
            owner: { name: 'Ana', address: 'ana@contoso.com' },
          },
          { id: 'AAMkCal2', name: 'Birthdays', canEdit: false, allowedOnlineMeetingProviders: [] },
        ] satisfies Graph.Calendar[],
      }),
    );
    expect(await provider(fetch).calendars()).toEqual([
      {
        id: 'AAMkCal1',
        provider: 'microsoft',
        name: 'Calendar',
        primary: true,
        canEdit: true,
        color: '#a4c2f4',
        ownerEmail: 'ana@contoso.com',
        onlineMeetings: ['teams'],
      },
      {
        id: 'AAMkCal2',
        provider: 'microsoft',
        name: 'Birthdays',
        primary: false,
        canEdit: false,
        onlineMeetings: [],
      },
    ]);
  });
});

describe('Graph calendarView', () => {
  it('asks in the agenda zone, follows @odata.nextLink and normalises events', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.url.searchParams.has('$skiptoken')
        ? json({
            value: [
              {
                id: 'allday',
                subject: 'Vacaciones',
                isAllDay: true,
                showAs: 'oof',
                start: { dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'Europe/Madrid' },
                end: { dateTime: '2026-03-11T00:00:00.0000000', timeZone: 'Europe/Madrid' },
              },
              {
                id: 'x',
                isCancelled: true,
                start: { dateTime: '2026-03-10T12:00:00', timeZone: 'UTC' },
                end: { dateTime: '2026-03-10T13:00:00', timeZone: 'UTC' },
              },
            ] satisfies Graph.Event[],
          })
        : json({
            '@odata.nextLink': `${BASE}v1.0/me/calendars/AAMk%3D/calendarView?startDateTime=2026-03-10T00%3A00%3A00.000Z&$skiptoken=abc%3D%3D`,
            value: [
              {
                id: 'ev1',
                subject: 'Revisión',
                isAllDay: false,
                start: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'Romance Standard Time' },
                end: { dateTime: '2026-03-10T11:00:00.0000000', timeZone: 'Europe/Madrid' },
                location: { displayName: 'Sala 2' },
                onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' },
                showAs: 'tentative',
                responseStatus: { response: 'tentativelyAccepted' },
                isOrganizer: false,
                organizer: { emailAddress: { name: 'Jefa', address: 'jefa@contoso.com' } },
                attendees: [
                  {
                    emailAddress: { name: 'Ana', address: 'ana@contoso.com' },
                    type: 'required',
                    status: { response: 'tentativelyAccepted' },
                  },
                  {
                    emailAddress: { name: 'Sala 2', address: 'sala2@contoso.com' },
                    type: 'resource',
                    status: { response: 'accepted' },
                  },
                ],
                webLink: 'https://outlook.office365.com/owa/?itemid=1',
              },
            ] satisfies Graph.Event[],
          }),
    );
    const events = await provider(fetch).list('AAMk=', range);
    expect(seen[0]?.url.pathname).toBe('/graph/v1.0/me/calendars/AAMk%3D/calendarView');
    expect(seen[0]?.url.searchParams.get('startDateTime')).toBe('2026-03-10T00:00:00.000Z');
    expect(seen[0]?.url.searchParams.get('endDateTime')).toBe('2026-03-11T00:00:00.000Z');
    expect(seen[0]?.headers['Prefer']).toBe('outlook.timezone="Romance Standard Time"');
    expect(seen[1]?.url.toString()).toBe(
      `${BASE}v1.0/me/calendars/AAMk%3D/calendarView?startDateTime=2026-03-10T00%3A00%3A00.000Z&$skiptoken=abc%3D%3D`,
    );
    expect(seen[1]?.headers['Prefer']).toBe('outlook.timezone="Romance Standard Time"');
    expect(events.map((e) => e.id)).toEqual(['ev1', 'allday']);
    expect(events[0]).toMatchObject({
      provider: 'microsoft',
      calendarId: 'AAMk=',
      title: 'Revisión',
      start: '2026-03-10T10:00:00.000+01:00',
      startMs: Date.parse('2026-03-10T09:00:00Z'),
      end: '2026-03-10T11:00:00.000+01:00',
      location: 'Sala 2',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/1',
      myResponse: 'tentative',
      status: 'tentative',
      showAs: 'tentative',
      attendeeCount: 2,
      organizer: { email: 'jefa@contoso.com', name: 'Jefa' },
      htmlLink: 'https://outlook.office365.com/owa/?itemid=1',
    });
    expect(events[0]?.attendees[1]).toMatchObject({ resource: true, response: 'accepted' });
    expect(events[1]).toMatchObject({ allDay: true, start: '2026-03-10', end: '2026-03-11', showAs: 'oof' });
  });

  it("uses /me/calendar for 'primary'", async () => {
    const { fetch, seen } = fakeFetch(() => json({ value: [] }));
    await provider(fetch).list('primary', range);
    expect(seen[0]?.url.pathname).toBe('/graph/v1.0/me/calendar/calendarView');
  });
});

describe('Graph getSchedule', () => {
  it('maps statuses, skips free time, and leaves out schedules with errors', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json({
        value: [
          {
            scheduleId: 'ana@contoso.com',
            availabilityView: '0012',
            scheduleItems: [
              {
                status: 'busy',
                start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
                end: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'UTC' },
              },
              {
                status: 'free',
                start: { dateTime: '2026-03-10T11:00:00.0000000', timeZone: 'UTC' },
                end: { dateTime: '2026-03-10T12:00:00.0000000', timeZone: 'UTC' },
              },
              {
                status: 'tentative',
                start: { dateTime: '2026-03-10T13:00:00.0000000', timeZone: 'UTC' },
                end: { dateTime: '2026-03-10T14:00:00.0000000', timeZone: 'UTC' },
              },
              {
                status: 'oof',
                start: { dateTime: '2026-03-10T15:00:00.0000000', timeZone: 'UTC' },
                end: { dateTime: '2026-03-10T16:00:00.0000000', timeZone: 'UTC' },
              },
              {
                status: 'workingElsewhere',
                start: { dateTime: '2026-03-10T16:00:00.0000000', timeZone: 'UTC' },
                end: { dateTime: '2026-03-10T17:00:00.0000000', timeZone: 'UTC' },
              },
            ],
          },
          {
            scheduleId: 'ghost@contoso.com',
            error: { message: 'not found', responseCode: 'ErrorMailRecipientNotFound' },
          },
        ] satisfies Graph.ScheduleInformation[],
      }),
    );
    const busy = await provider(fetch).busy(['Ana@contoso.com', 'ghost@contoso.com'], range);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url.pathname).toBe('/graph/v1.0/me/calendar/getSchedule');
    expect(seen[0]?.body).toEqual({
      schedules: ['Ana@contoso.com', 'ghost@contoso.com'],
      startTime: { dateTime: '2026-03-10T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-03-11T00:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 30,
    });
    const h = (x: number) => Date.parse('2026-03-10T00:00:00Z') + x * 3_600_000;
    expect([...busy]).toEqual([
      [
        'Ana@contoso.com',
        [
          { start: h(9), end: h(10), status: 'busy' },
          { start: h(13), end: h(14), status: 'tentative' },
          { start: h(15), end: h(16), status: 'oof' },
          { start: h(16), end: h(17), status: 'workingElsewhere' },
        ],
      ],
    ]);
  });

  it('splits into ≤ 20 schedules and ≤ 62-day windows', async () => {
    const ids = Array.from({ length: 21 }, (_, i) => `p${i}@contoso.com`);
    const { fetch, seen } = fakeFetch((req) =>
      json({
        value: (req.body as { schedules: string[] }).schedules.map((scheduleId) => ({
          scheduleId,
          scheduleItems: [],
        })),
      }),
    );
    const busy = await provider(fetch).busy(ids, { start: range.start, end: range.start + 70 * 86_400_000 });
    expect(seen).toHaveLength(4);
    for (const s of seen) {
      const body = s.body as {
        schedules: string[];
        startTime: { dateTime: string };
        endTime: { dateTime: string };
      };
      expect(body.schedules.length).toBeLessThanOrEqual(20);
      const days =
        (Date.parse(`${body.endTime.dateTime}Z`) - Date.parse(`${body.startTime.dateTime}Z`)) / 86_400_000;
      expect(days).toBeLessThanOrEqual(62);
    }
    expect(busy.size).toBe(21);
  });
});

describe('Graph free/busy on a personal account', () => {
  it('falls back to the own calendar view when getSchedule is refused; others unknown with the reason', async () => {
    const { fetch, seen } = fakeFetch((req) => {
      if (req.url.pathname.endsWith('/getSchedule'))
        return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      if (req.url.pathname.endsWith('/me'))
        return json({ id: '48d31887d2a8a5f2', mail: null, userPrincipalName: 'Ana@Outlook.com' });
      return json({
        value: [
          {
            id: 'a',
            showAs: 'busy',
            start: { dateTime: '2026-03-10T09:00:00', timeZone: 'UTC' },
            end: { dateTime: '2026-03-10T10:00:00', timeZone: 'UTC' },
          },
          {
            id: 'b',
            showAs: 'free',
            start: { dateTime: '2026-03-10T11:00:00', timeZone: 'UTC' },
            end: { dateTime: '2026-03-10T12:00:00', timeZone: 'UTC' },
          },
        ],
      });
    });
    const p = provider(fetch);
    const busy = await p.busy(['ana@outlook.com', 'colleague@example.com'], range);
    expect(busy.get('ana@outlook.com')).toEqual([
      { start: Date.parse('2026-03-10T09:00:00Z'), end: Date.parse('2026-03-10T10:00:00Z'), status: 'busy' },
    ]);
    expect(busy.has('colleague@example.com')).toBe(false);
    expect(busy.reasons?.get('colleague@example.com')).toBe('personal-account');
    expect(seen.find((s) => s.url.pathname.endsWith('/calendarView'))?.url.pathname).toBe(
      '/graph/v1.0/me/calendar/calendarView',
    );
    // Once known, getSchedule is not asked again.
    await p.busy(['ana@outlook.com'], range);
    expect(seen.filter((s) => s.url.pathname.endsWith('/getSchedule'))).toHaveLength(1);
  });

  it('keeps a sign-in failure a sign-in failure (no fallback on 401)', async () => {
    const { fetch } = fakeFetch(() => graphError(401, 'InvalidAuthenticationToken', 'expired'));
    await expect(provider(fetch).busy(['a@b.com'], range)).rejects.toMatchObject({ kind: 'auth' });
  });
});

describe('Graph create', () => {
  const newEvent: NewEvent = {
    title: 'Cita',
    description: 'Hilo: https://outlook.office.com/mail/id/x',
    start: '2026-03-10T09:00:00Z',
    end: '2026-03-10T09:30:00Z',
    timeZone: 'Europe/Madrid',
    attendees: [
      { email: 'maria@example.es', name: 'María Núñez' },
      { email: 'opt@example.es', optional: true },
    ],
    online: true,
  };
  const key = KEY;
  const echo = (req: Seen, extra: Graph.Event = {}) =>
    json({ id: 'AAMkNew', ...(req.body as Graph.Event), ...extra }, 201);

  it('posts with a transactionId and a Teams meeting when the calendar allows it', async () => {
    const { fetch, seen } = fakeFetch(
      (req) =>
        req.method === 'GET'
          ? json({ id: 'AAMkCal1', allowedOnlineMeetingProviders: ['teamsForBusiness'] })
          : echo(req, { onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/2' } }),
      null,
    );
    const result = await provider(fetch).create('AAMkCal1', newEvent, key);
    const post = seen[1]!;
    expect(post.url.pathname).toBe('/graph/v1.0/me/calendars/AAMkCal1/events');
    expect(post.body).toEqual({
      subject: 'Cita',
      body: { contentType: 'text', content: 'Hilo: https://outlook.office.com/mail/id/x' },
      start: { dateTime: '2026-03-10T10:00:00', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2026-03-10T10:30:00', timeZone: 'Romance Standard Time' },
      attendees: [
        { emailAddress: { address: 'maria@example.es', name: 'María Núñez' }, type: 'required' },
        { emailAddress: { address: 'opt@example.es' }, type: 'optional' },
      ],
      transactionId: TX,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(result).toMatchObject({
      onlineMeeting: 'created',
      event: { id: 'AAMkNew', startMs: Date.parse('2026-03-10T09:00:00Z') },
    });
  });

  it('books without an online meeting when Teams is not allowed, and says so', async () => {
    const { fetch, seen } = fakeFetch(
      (req) =>
        req.method === 'GET'
          ? json({ id: 'c', allowedOnlineMeetingProviders: ['skypeForConsumer'] })
          : echo(req),
      null,
    );
    const result = await provider(fetch).create('c', newEvent, key);
    expect(seen[1]?.body).not.toHaveProperty('isOnlineMeeting');
    expect(seen[1]?.body).not.toHaveProperty('onlineMeetingProvider');
    expect(result.onlineMeeting).toBe('unavailable');
  });

  it('resolves ErrorDuplicateTransactionId to the existing event, counted as already booked', async () => {
    const stored = {
      id: 'AAMkFirst',
      subject: 'Cita',
      start: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2026-03-10T10:30:00.0000000', timeZone: 'Romance Standard Time' },
      onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/first' },
    };
    const { fetch, seen } = fakeFetch((req) => {
      if (req.method === 'POST')
        return graphError(
          400,
          'ErrorDuplicateTransactionId',
          'already used',
          {},
          { '@event.existingEventId': 'AAMkFirst' },
        );
      if (req.url.pathname.endsWith('/me/events/AAMkFirst')) return json(stored);
      return json({ id: 'c', allowedOnlineMeetingProviders: ['teamsForBusiness'] });
    }, null);
    const result = await provider(fetch).create('c', newEvent, key);
    expect(result).toMatchObject({
      alreadyExisted: true,
      onlineMeeting: 'created',
      event: { id: 'AAMkFirst', startMs: Date.parse('2026-03-10T09:00:00Z') },
    });
    expect(seen.map((s) => s.method)).toEqual(['GET', 'POST', 'GET']);
  });

  it('finds the existing event by transactionId when the answer does not name it', async () => {
    const tx = TX;
    const { fetch, seen } = fakeFetch((req) => {
      if (req.method === 'POST') return graphError(400, 'ErrorDuplicateTransactionId', 'already used');
      return json({
        value: [
          {
            id: 'other',
            transactionId: 'x',
            start: { dateTime: '2026-03-10T09:00:00', timeZone: 'UTC' },
            end: { dateTime: '2026-03-10T09:30:00', timeZone: 'UTC' },
          },
          {
            id: 'mine',
            transactionId: tx,
            start: { dateTime: '2026-03-10T09:00:00', timeZone: 'UTC' },
            end: { dateTime: '2026-03-10T09:30:00', timeZone: 'UTC' },
          },
        ],
      });
    });
    const result = await provider(fetch).create('c', { ...newEvent, online: false }, key);
    expect(result).toMatchObject({ alreadyExisted: true, event: { id: 'mine' } });
    expect(seen[1]?.url.pathname).toBe('/graph/v1.0/me/calendars/c/calendarView');
    expect(seen[1]?.url.searchParams.get('$select')).toContain('transactionId');
  });

  it('sends the same transactionId on a retry, and skips the lookup when no meeting is wanted', async () => {
    const { fetch, seen } = fakeFetch((req) => echo(req));
    const p = provider(fetch);
    await p.create('c', { ...newEvent, online: false }, key);
    await p.create('c', { ...newEvent, online: false }, key);
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST']);
    expect((seen[0]?.body as Graph.Event).transactionId).toBe((seen[1]?.body as Graph.Event).transactionId);
  });
});

describe('Graph update and cancel', () => {
  it('patches the given fields in the given zone', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      json({
        id: 'e1',
        start: { dateTime: '2026-03-10T12:00:00', timeZone: 'Europe/Madrid' },
        end: { dateTime: '2026-03-10T12:30:00', timeZone: 'Europe/Madrid' },
        ...(req.body as object),
      }),
    );
    const e = await provider(fetch).update('c', 'e1', { location: 'Recepción' });
    expect(seen[0]?.method).toBe('PATCH');
    expect(seen[0]?.url.pathname).toBe('/graph/v1.0/me/events/e1');
    expect(seen[0]?.body).toEqual({ location: { displayName: 'Recepción' } });
    expect(e.location).toBe('Recepción');
  });

  it('cancels a meeting it organises via /cancel with the comment', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.method === 'GET'
        ? json({ id: 'e1', isOrganizer: true, attendees: [{ emailAddress: { address: 'c@example.es' } }] })
        : new Response(null, { status: 202 }),
    );
    await provider(fetch).cancel('c', 'e1', { comment: 'Lo siento' });
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'GET /graph/v1.0/me/events/e1',
      'POST /graph/v1.0/me/events/e1/cancel',
    ]);
    expect(seen[1]?.body).toEqual({ comment: 'Lo siento' });
  });

  it('deletes an event without attendees, or one it only attends; a missing event is done', async () => {
    for (const event of [
      { id: 'e1', isOrganizer: true, attendees: [] },
      { id: 'e1', isOrganizer: false, attendees: [{ emailAddress: { address: 'x@example.es' } }] },
    ]) {
      const { fetch, seen } = fakeFetch((req) =>
        req.method === 'GET' ? json(event) : new Response(null, { status: 204 }),
      );
      await provider(fetch).cancel('c', 'e1');
      expect(seen.map((s) => s.method)).toEqual(['GET', 'DELETE']);
    }
    const gone = fakeFetch(() =>
      graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'),
    );
    await expect(provider(gone.fetch).cancel('c', 'e1')).resolves.toBeUndefined();
    expect(gone.seen.map((s) => s.method)).toEqual(['GET']);
  });

  it("reads, moves and cancels events of a calendar shared by its owner in the owner's mailbox", async () => {
    const shared: Graph.Calendar = {
      canShare: false,
      owner: { address: 'jefa@example.es' },
      allowedOnlineMeetingProviders: ['teamsForBusiness'],
    };
    const { fetch, seen } = fakeFetch((req) => {
      if (req.url.pathname.endsWith('/calendarView')) return json({ value: [] });
      if (req.method === 'GET')
        return json({
          id: 'e1',
          isOrganizer: true,
          attendees: [{ emailAddress: { address: 'c@example.es' } }],
        });
      if (req.method === 'PATCH')
        return json({
          id: 'e1',
          start: { dateTime: '2026-03-10T12:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-03-10T12:30:00', timeZone: 'UTC' },
        });
      return new Response(null, { status: 202 });
    }, shared);
    const p = provider(fetch);
    await p.list('AAMkShared', range);
    await p.update('AAMkShared', 'e1', { title: 'Movida' });
    await p.cancel('AAMkShared', 'e1');
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'GET /graph/v1.0/users/jefa%40example.es/calendars/AAMkShared/calendarView',
      'PATCH /graph/v1.0/users/jefa%40example.es/events/e1',
      'GET /graph/v1.0/users/jefa%40example.es/events/e1',
      'POST /graph/v1.0/users/jefa%40example.es/events/e1/cancel',
    ]);
  });
});

describe('Graph errors', () => {
  it('maps 401, 429 + Retry-After, 503, and network failures; the client does not retry by itself', async () => {
    const cases: [() => Response | Promise<Response>, Partial<CalendarError>][] = [
      [
        () => graphError(401, 'InvalidAuthenticationToken', 'Access token has expired.'),
        { kind: 'auth', status: 401 },
      ],
      [
        () => graphError(429, 'TooManyRequests', 'Too many requests', { 'Retry-After': '3' }),
        { kind: 'rate-limit', retryAfterMs: 3000 },
      ],
      [() => graphError(503, 'ServiceUnavailable', 'busy'), { kind: 'server', status: 503 }],
      [() => new Response('', { status: 500 }), { kind: 'server', status: 500 }],
      [() => Promise.reject(new TypeError('Failed to fetch')), { kind: 'network' }],
    ];
    for (const [respond, expected] of cases) {
      const { fetch, seen } = fakeFetch(respond);
      const error = await provider(fetch)
        .list('c', range)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CalendarError);
      expect(error).toMatchObject(expected);
      expect(seen).toHaveLength(1);
    }
  });
});
