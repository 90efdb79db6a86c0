import { expandGoogle } from './recurrence';
import type { ServerResponse } from 'node:http';
import type { calendar_v3 } from '@googleapis/calendar';
import type { Route, SandboxRequest } from './http';
import { parseJson, sendJson } from './http';
import { bearerToken, compileEndpoints, findEndpoint, randomId, sendEmpty, type Endpoint } from './routing';
import type { GoogleCalendar, GoogleEvent, SandboxState } from './state';
import { googleEventSpan, googleShowAs } from './state';
import { isoInZone, overlaps, parseInstant } from './timezones';

export const GOOGLE_PREFIX = '/google/calendar/v3/';
const ID_RULE = /^[a-v0-9]{5,1024}$/;
const DEFAULT_PAGE = 250;
const MAX_PAGE = 2500;

type Body = GoogleEvent;

/** Google's error JSON: `{ error: { code, message, errors: [{ domain, reason, message }], status } }`. */
export function sendGoogleError(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const status = GOOGLE_STATUS[code] ?? 'UNKNOWN';
  sendJson(
    res,
    code,
    { error: { code, message, errors: [{ domain: 'global', reason, message }], status } },
    headers,
  );
}

/** 401 for a missing, unknown or expired access token, as every Google API answers it. */
export function sendGoogleUnauthenticated(res: ServerResponse): void {
  sendGoogleError(res, 401, 'authError', 'Request had invalid authentication credentials.', {
    'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
  });
}

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  410: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function googleRoutes(state: SandboxState): Route {
  const endpoints = compileEndpoints(googleEndpoints(state));
  return async (req, res) => {
    if (!req.url.pathname.startsWith(GOOGLE_PREFIX)) return false;
    const found = findEndpoint(endpoints, req.method, req.url.pathname.slice(GOOGLE_PREFIX.length));
    if (!found) return false;
    state.countRequest(`${req.method} ${GOOGLE_PREFIX}${found.endpoint.pattern}`);
    const auth = state.checkToken('google', bearerToken(req));
    if (auth !== 'ok') {
      sendGoogleUnauthenticated(res);
      return true;
    }
    const scopes = state.tokenScopes('google', bearerToken(req));
    const needed = scopesFor(req.method, found.endpoint.pattern);
    if (scopes && needed && !needed.some((s) => scopes.includes(`${SCOPE_BASE}${s}`))) {
      sendGoogleError(res, 403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
      return true;
    }
    await found.endpoint.handle(req, res, found.params);
    return true;
  };
}

const SCOPE_BASE = 'https://www.googleapis.com/auth/';

/**
 * The scopes each method accepts, from its reference page's "Authorization scopes" (any one of
 * them is enough). A token granted without all of them — Google's granular consent lets the user
 * untick some — is refused with 403 insufficientPermissions.
 */
function scopesFor(method: string, pattern: string): string[] | undefined {
  if (pattern === 'freeBusy')
    return ['calendar', 'calendar.readonly', 'calendar.freebusy', 'calendar.events.freebusy'];
  if (pattern === 'users/me/calendarList')
    return ['calendar', 'calendar.readonly', 'calendar.calendarlist', 'calendar.calendarlist.readonly'];
  if (pattern.startsWith('calendars/{calendarId}/events')) {
    return method === 'GET'
      ? ['calendar', 'calendar.readonly', 'calendar.events', 'calendar.events.readonly']
      : ['calendar', 'calendar.events'];
  }
  return undefined;
}

function googleEndpoints(state: SandboxState): Endpoint[] {
  /** Resolves the calendar or answers 404; the handler runs only when it exists. */
  const withCalendar =
    (fn: (req: SandboxRequest, res: ServerResponse, cal: GoogleCalendar, eventId: string) => void) =>
    (req: SandboxRequest, res: ServerResponse, params: Record<string, string>) => {
      const cal = state.googleCalendar(params.calendarId ?? '');
      if (!cal || cal.entry.accessRole === 'freeBusyReader' || cal.entry.accessRole === 'none') {
        return sendGoogleError(res, 404, 'notFound', 'Not Found');
      }
      fn(req, res, cal, params.eventId ?? '');
    };
  return [
    { method: 'GET', pattern: 'users/me/calendarList', handle: (_req, res) => listCalendars(state, res) },
    { method: 'GET', pattern: 'calendars/{calendarId}/events', handle: withCalendar(listEvents) },
    {
      method: 'POST',
      pattern: 'calendars/{calendarId}/events',
      handle: withCalendar((q, s, c) => insert(state, q, s, c)),
    },
    { method: 'GET', pattern: 'calendars/{calendarId}/events/{eventId}', handle: withCalendar(getEvent) },
    {
      method: 'PATCH',
      pattern: 'calendars/{calendarId}/events/{eventId}',
      handle: withCalendar((q, s, c, e) => patch(state, q, s, c, e)),
    },
    {
      method: 'DELETE',
      pattern: 'calendars/{calendarId}/events/{eventId}',
      handle: withCalendar((q, s, c, e) => remove(state, q, s, c, e)),
    },
    { method: 'POST', pattern: 'freeBusy', handle: (req, res) => freeBusy(state, req, res) },
  ];
}

function listCalendars(state: SandboxState, res: ServerResponse): void {
  const list: calendar_v3.Schema$CalendarList = {
    kind: 'calendar#calendarList',
    etag: '"sandbox-calendar-list"',
    nextSyncToken: 'sandbox-sync',
    items: state.google.calendars.filter((c) => c.inCalendarList).map((c) => c.entry),
  };
  sendJson(res, 200, list);
}

function listEvents(req: SandboxRequest, res: ServerResponse, cal: GoogleCalendar): void {
  const query = req.url.searchParams;
  const single = query.get('singleEvents') === 'true';
  if (query.get('orderBy') === 'startTime' && !single) {
    return sendGoogleError(
      res,
      400,
      'badRequest',
      'The requested ordering is not available for the particular query.',
    );
  }
  const timeMin = query.has('timeMin') ? parseInstant(query.get('timeMin')) : -Infinity;
  const timeMax = query.has('timeMax') ? parseInstant(query.get('timeMax')) : Infinity;
  if (Number.isNaN(timeMin) || Number.isNaN(timeMax))
    return sendGoogleError(res, 400, 'badRequest', 'Bad Request');
  const size = Math.min(Number(query.get('maxResults') ?? DEFAULT_PAGE) || DEFAULT_PAGE, MAX_PAGE);
  const offset = decodePageToken(query.get('pageToken'));
  const text = query.get('q')?.toLowerCase();
  const showDeleted = query.get('showDeleted') === 'true';
  // events.list: singleEvents=true "expand recurring events into instances"; otherwise the
  // recurring event itself is listed.
  const listed = single ? expandGoogle(cal.events, cal.entry.timeZone, timeMin, timeMax) : cal.events;
  const matching = listed
    .filter((event) => showDeleted || event.status !== 'cancelled')
    .filter((event) => {
      const span = googleEventSpan(event, cal.entry.timeZone);
      return overlaps(span.start, span.end, timeMin, timeMax);
    })
    .filter((event) => !text || searchableText(event).includes(text))
    .sort(
      (a, b) => googleEventSpan(a, cal.entry.timeZone).start - googleEventSpan(b, cal.entry.timeZone).start,
    );
  const page = matching.slice(offset, offset + size);
  const more = offset + size < matching.length;
  const body: calendar_v3.Schema$Events = {
    kind: 'calendar#events',
    etag: `"${Date.now()}"`,
    summary: cal.entry.summary,
    description: cal.entry.description ?? '',
    updated: new Date().toISOString(),
    timeZone: query.get('timeZone') ?? cal.entry.timeZone,
    accessRole: cal.entry.accessRole,
    defaultReminders: cal.entry.defaultReminders ?? [],
    ...(more ? { nextPageToken: encodePageToken(offset + size) } : { nextSyncToken: 'sandbox-sync' }),
    items: page,
  };
  sendJson(res, 200, body);
}

/**
 * Meet links still being made (config.conferences 'pending'). events resource, conferenceData:
 * "The creation of the conference may be asynchronous": createRequest.status.statusCode is
 * "pending" and hangoutLink is absent until it turns "success". Here it does on the second read.
 */
const pendingMeet = new WeakMap<
  GoogleEvent,
  { reads: number; request: calendar_v3.Schema$CreateConferenceRequest }
>();

function getEvent(_req: SandboxRequest, res: ServerResponse, cal: GoogleCalendar, eventId: string): void {
  const event = cal.events.find((e) => e.id === eventId);
  if (!event) return sendGoogleError(res, 404, 'notFound', 'Not Found');
  const pending = pendingMeet.get(event);
  if (pending && --pending.reads <= 0) {
    Object.assign(event, meetFor(pending.request));
    pendingMeet.delete(event);
  }
  sendJson(res, 200, event);
}

function insert(state: SandboxState, req: SandboxRequest, res: ServerResponse, cal: GoogleCalendar): void {
  if (!canWrite(cal))
    return sendGoogleError(
      res,
      403,
      'requiredAccessLevel',
      'You need to have writer access to this calendar.',
    );
  const body = parseJson(req.body) as Body | undefined;
  if (!body || typeof body !== 'object') return sendGoogleError(res, 400, 'parseError', 'Parse Error');
  const invalid = validateTimes(body, cal);
  if (invalid) return sendGoogleError(res, 400, invalid.reason, invalid.message);
  if (body.id != null && !ID_RULE.test(String(body.id)))
    return sendGoogleError(res, 400, 'invalid', 'Invalid resource id value.');
  // Google keeps deleted events' ids reserved, so re-inserting a cancelled id is also a duplicate.
  if (body.id && cal.events.some((e) => e.id === body.id)) {
    return sendGoogleError(res, 409, 'duplicate', 'The requested identifier already exists.');
  }
  const wantsMeet =
    req.url.searchParams.get('conferenceDataVersion') === '1' && Boolean(body.conferenceData?.createRequest);
  const later = wantsMeet && state.config.conferences === 'pending';
  const event = completeGoogleEvent(
    body,
    cal,
    state.googleCalendar('primary')?.entry.id ?? cal.entry.id,
    wantsMeet && !later,
  );
  const request = body.conferenceData?.createRequest;
  if (later && request) {
    event.conferenceData = { createRequest: { ...request, status: { statusCode: 'pending' } } };
    pendingMeet.set(event, { reads: 2, request });
  }
  cal.events.push(event);
  notify(state, cal, event, 'created', req.url.searchParams.get('sendUpdates'));
  sendJson(res, 200, event);
}

function patch(
  state: SandboxState,
  req: SandboxRequest,
  res: ServerResponse,
  cal: GoogleCalendar,
  id: string,
): void {
  if (!canWrite(cal))
    return sendGoogleError(
      res,
      403,
      'requiredAccessLevel',
      'You need to have writer access to this calendar.',
    );
  const event = cal.events.find((e) => e.id === id);
  if (!event) return sendGoogleError(res, 404, 'notFound', 'Not Found');
  const body = parseJson(req.body) as Body | undefined;
  if (!body || typeof body !== 'object') return sendGoogleError(res, 400, 'parseError', 'Parse Error');
  const { id: _id, kind: _kind, etag: _etag, created: _created, ...changes } = body;
  const merged = { ...event, ...changes };
  const invalid = validateTimes(merged, cal);
  if (invalid) return sendGoogleError(res, 400, invalid.reason, invalid.message);
  const timeChanged = JSON.stringify([event.start, event.end]) !== JSON.stringify([merged.start, merged.end]);
  Object.assign(event, changes, {
    updated: new Date().toISOString(),
    etag: `"${Date.now()}"`,
    sequence: (event.sequence ?? 0) + (timeChanged ? 1 : 0),
  });
  if (req.url.searchParams.get('conferenceDataVersion') === '1' && changes.conferenceData?.createRequest) {
    Object.assign(event, meetFor(changes.conferenceData.createRequest));
  }
  notify(state, cal, event, 'updated', req.url.searchParams.get('sendUpdates'));
  sendJson(res, 200, event);
}

function remove(
  state: SandboxState,
  req: SandboxRequest,
  res: ServerResponse,
  cal: GoogleCalendar,
  id: string,
): void {
  if (!canWrite(cal))
    return sendGoogleError(
      res,
      403,
      'requiredAccessLevel',
      'You need to have writer access to this calendar.',
    );
  const event = cal.events.find((e) => e.id === id);
  if (!event) return sendGoogleError(res, 404, 'notFound', 'Not Found');
  if (event.status === 'cancelled') return sendGoogleError(res, 410, 'deleted', 'Resource has been deleted');
  Object.assign(event, { status: 'cancelled', updated: new Date().toISOString(), etag: `"${Date.now()}"` });
  notify(state, cal, event, 'cancelled', req.url.searchParams.get('sendUpdates'));
  sendEmpty(res, 204);
}

function freeBusy(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const body = parseJson(req.body) as calendar_v3.Schema$FreeBusyRequest | undefined;
  if (!body?.timeMin) return sendGoogleError(res, 400, 'required', 'Missing timeMin parameter.');
  if (!body.timeMax) return sendGoogleError(res, 400, 'required', 'Missing timeMax parameter.');
  const from = parseInstant(body.timeMin);
  const to = parseInstant(body.timeMax);
  if (Number.isNaN(from) || Number.isNaN(to)) return sendGoogleError(res, 400, 'badRequest', 'Bad Request');
  if (to <= from) return sendGoogleError(res, 400, 'timeRangeEmpty', 'The specified time range is empty.');
  const zone = body.timeZone ?? 'UTC';
  const calendars: NonNullable<calendar_v3.Schema$FreeBusyResponse['calendars']> = {};
  for (const { id } of body.items ?? []) {
    if (!id) continue;
    const cal = state.googleCalendar(id);
    calendars[id] = cal
      ? {
          busy: busyPeriods(cal, from, to).map(([s, e]) => ({
            start: formatBusy(s, zone),
            end: formatBusy(e, zone),
          })),
        }
      : { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
  }
  const answer: calendar_v3.Schema$FreeBusyResponse = {
    kind: 'calendar#freeBusy',
    timeMin: new Date(from).toISOString(),
    timeMax: new Date(to).toISOString(),
    calendars,
  };
  sendJson(res, 200, answer);
}

/** Busy intervals clipped to the window and merged, as Google reports them. */
export function busyPeriods(cal: GoogleCalendar, from: number, to: number): [number, number][] {
  const spans = expandGoogle(cal.events, cal.entry.timeZone, from, to)
    .filter((event) => googleShowAs(event, cal.entry.id) !== 'free')
    .map((event) => googleEventSpan(event, cal.entry.timeZone))
    .filter((span) => overlaps(span.start, span.end, from, to))
    .map((span): [number, number] => [Math.max(span.start, from), Math.min(span.end, to)])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

function formatBusy(ms: number, zone: string): string {
  return zone === 'UTC' ? new Date(ms).toISOString().replace('.000Z', 'Z') : isoInZone(ms, zone);
}

/** Fills in what Google adds to an inserted event; `wantsMeet` mirrors conferenceDataVersion=1. */
export function completeGoogleEvent(
  body: Body,
  cal: GoogleCalendar,
  me: string,
  wantsMeet: boolean,
): GoogleEvent {
  const now = new Date().toISOString();
  const id = body.id ?? randomId(26);
  const { conferenceData, ...rest } = body;
  return {
    kind: 'calendar#event',
    etag: `"${Date.now()}"`,
    status: 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${cal.entry.id}`).toString('base64url')}`,
    created: now,
    updated: now,
    creator: { email: me, ...(me === cal.entry.id ? { self: true } : {}) },
    organizer: {
      email: cal.entry.id,
      displayName: cal.entry.summary ?? undefined,
      ...(me === cal.entry.id ? { self: true } : {}),
    },
    iCalUID: `${id}@google.com`,
    sequence: 0,
    reminders: { useDefault: true },
    eventType: 'default',
    ...rest,
    id,
    attendees: body.attendees?.map((a) => ({ ...a, responseStatus: a.responseStatus ?? 'needsAction' })),
    ...(wantsMeet && conferenceData?.createRequest ? meetFor(conferenceData.createRequest) : {}),
  };
}

function meetFor(request: calendar_v3.Schema$CreateConferenceRequest): Partial<GoogleEvent> {
  const code = `${randomId(3, 'abcdefghijklmnopqrstuvwxyz')}-${randomId(4, 'abcdefghijklmnopqrstuvwxyz')}-${randomId(3, 'abcdefghijklmnopqrstuvwxyz')}`;
  const uri = `https://meet.google.com/${code}`;
  return {
    hangoutLink: uri,
    conferenceData: {
      createRequest: { ...request, status: { statusCode: 'success' } },
      entryPoints: [{ entryPointType: 'video', uri, label: `meet.google.com/${code}` }],
      conferenceSolution: {
        key: { type: 'hangoutsMeet' },
        name: 'Google Meet',
        iconUri:
          'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
      },
      conferenceId: code,
    },
  };
}

function validateTimes(body: Body, cal: GoogleCalendar): { reason: string; message: string } | undefined {
  if (!body.start) return { reason: 'required', message: 'Missing start time.' };
  if (!body.end) return { reason: 'required', message: 'Missing end time.' };
  const span = googleEventSpan(body, cal.entry.timeZone);
  if (Number.isNaN(span.start) || Number.isNaN(span.end))
    return { reason: 'invalid', message: 'Invalid start or end time.' };
  if (span.end <= span.start)
    return { reason: 'timeRangeEmpty', message: 'The specified time range is empty.' };
  return undefined;
}

function notify(
  state: SandboxState,
  cal: GoogleCalendar,
  event: GoogleEvent,
  action: 'created' | 'updated' | 'cancelled',
  sendUpdates: string | null,
): void {
  const domain = cal.entry.id.split('@')[1] ?? '';
  const others = (event.attendees ?? [])
    .filter((a) => !a.self && a.email && a.email !== cal.entry.id)
    .map((a) => a.email ?? '');
  const recipients =
    sendUpdates === 'all'
      ? others
      : sendUpdates === 'externalOnly'
        ? others.filter((e) => !e.endsWith(`@${domain}`))
        : [];
  state.notifications.push({
    provider: 'google',
    calendarId: cal.entry.id,
    eventId: event.id ?? '',
    action,
    sendUpdates: sendUpdates ?? 'none',
    recipients,
  });
}

function canWrite(cal: GoogleCalendar): boolean {
  return cal.entry.accessRole === 'owner' || cal.entry.accessRole === 'writer';
}

function searchableText(event: GoogleEvent): string {
  const attendees = (event.attendees ?? []).map((a) => `${a.email ?? ''} ${a.displayName ?? ''}`);
  return [event.summary, event.description, event.location, ...attendees].join(' ').toLowerCase();
}

function encodePageToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodePageToken(token: string | null): number {
  if (!token) return 0;
  const offset = Number(Buffer.from(token, 'base64url').toString().replace('offset:', ''));
  return Number.isInteger(offset) && offset >= 0 ? offset : 0;
}
