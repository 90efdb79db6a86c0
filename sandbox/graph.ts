import { expandGraph } from './recurrence';
import type { ServerResponse } from 'node:http';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { Route, SandboxRequest } from './http';
import { parseJson, sendJson } from './http';
import {
  bearerToken,
  compileEndpoints,
  findEndpoint,
  randomId,
  requestOrigin,
  sendEmpty,
  type Endpoint,
} from './routing';
import type { GraphCalendar, GraphEvent, GraphMailbox, SandboxState } from './state';
import { graphEventSpan } from './state';
import { graphLocal, graphZone, overlaps, parseInstant } from './timezones';

export const GRAPH_PREFIX = '/graph/v1.0/';
const DEFAULT_TOP = 10;
const MAX_TOP = 1000;
const MAX_SCHEDULES = 20;
// availabilityView digits; Graph reports workingElsewhere as 0 for backward compatibility.
const VIEW_CODE: Record<string, number> = { free: 0, workingElsewhere: 0, tentative: 1, busy: 2, oof: 3 };

interface GetScheduleBody {
  schedules?: string[];
  startTime?: MicrosoftGraph.DateTimeTimeZone;
  endTime?: MicrosoftGraph.DateTimeTimeZone;
  availabilityViewInterval?: number | string;
}

type Handler = (
  req: SandboxRequest,
  res: ServerResponse,
  mailbox: GraphMailbox,
  params: Record<string, string>,
) => void;

/** Graph's error JSON: `{ error: { code, message, innerError } }`. */
export function sendGraphError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const innerError = {
    date: new Date().toISOString(),
    'request-id': randomId(8),
    'client-request-id': randomId(8),
  };
  sendJson(res, status, { error: { code, message, innerError } }, headers);
}

export function graphRoutes(state: SandboxState): Route {
  const endpoints = compileEndpoints(graphEndpoints(state), true);
  return async (req, res) => {
    if (!req.url.pathname.startsWith(GRAPH_PREFIX)) return false;
    const target = splitOwner(req.url.pathname.slice(GRAPH_PREFIX.length));
    const found = target && findEndpoint(endpoints, req.method, target.rest);
    if (!target || !found) return false;
    const ownerLabel = target.owner === 'me' ? 'me' : 'users/{userId}';
    state.countRequest(
      `${req.method} ${GRAPH_PREFIX}${ownerLabel}${found.endpoint.pattern ? '/' : ''}${found.endpoint.pattern}`,
    );
    const auth = state.checkToken('microsoft', bearerToken(req));
    if (auth !== 'ok') {
      const message =
        auth === 'expired'
          ? 'Lifetime validation failed, the token is expired.'
          : 'IDX14100: JWT is not well formed.';
      sendGraphError(res, 401, 'InvalidAuthenticationToken', message, {
        'www-authenticate': 'Bearer realm=""',
      });
      return true;
    }
    // `me` is the signed-in user (Learn "Get user", learn.microsoft.com/graph/api/user-get: `GET /me`
    // with a delegated token is the user who signed in): the mailbox of whoever the token was issued to.
    const me = state.tokenUser(bearerToken(req));
    const mailbox = state.mailbox(target.owner, me);
    if (!mailbox) {
      sendGraphError(res, 404, 'ErrorInvalidUser', `The requested user '${target.owner}' is invalid.`);
      return true;
    }
    if (!reachable(state, state.mailbox('me', me), mailbox, target.rest)) {
      sendGraphError(res, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      return true;
    }
    await found.endpoint.handle(req, res, {
      ...found.params,
      owner: target.owner,
      mailboxId: mailbox.user.id,
    });
    return true;
  };
}

/**
 * Another user's calendar is the signed-in user's to read or write only when its owner shared it
 * with them (Outlook "Can view"/"Can edit", or delegation) — Learn "Get shared or delegated Outlook
 * calendar and its events" (learn.microsoft.com/graph/outlook-get-shared-events-calendars): with
 * Calendars.Read.Shared / Calendars.ReadWrite.Shared the app reaches "calendars that have been shared
 * by other users", from the owner's mailbox. Anything else in a colleague's mailbox is refused with
 * 403 ErrorAccessDenied (Learn "Microsoft Graph error responses": 403 Forbidden, "the owner … has not
 * granted access"). A colleague's availability stays readable through getSchedule on /me, which
 * Exchange answers from free/busy every member of the organization may see. The user object itself
 * (`users/{id}`) is left readable: a profile, not a calendar.
 */
function reachable(
  state: SandboxState,
  me: GraphMailbox | undefined,
  mailbox: GraphMailbox,
  rest: string,
): boolean {
  if (!me || mailbox === me || rest === '') return true;
  const shared = new Set(
    (me.sharedWithMe ?? []).filter((s) => state.mailbox(s.owner) === mailbox).map((s) => s.calendarId),
  );
  if (shared.size === 0) return false;
  const [first, second] = rest.split('/').map((p) => decodeURIComponent(p));
  if (first === 'calendars') return second !== undefined && shared.has(second);
  if (first === 'events' && second !== undefined) {
    return mailbox.calendars.some((c) => shared.has(c.calendar.id) && c.events.some((e) => e.id === second));
  }
  // calendar, calendarView, calendar/…, POST events: the default calendar.
  const main = defaultCalendar(mailbox);
  return main !== undefined && shared.has(main.calendar.id);
}

/** `me/x` and `users/{id|upn}/x` address the same operations on different mailboxes. */
function splitOwner(path: string): { owner: string; rest: string } | undefined {
  const me = /^me(?:\/(.*))?$/i.exec(path);
  if (me) return { owner: 'me', rest: me[1] ?? '' };
  const user = /^users\/([^/]+)(?:\/(.*))?$/i.exec(path);
  if (user) return { owner: decodeURIComponent(user[1] ?? ''), rest: user[2] ?? '' };
  return undefined;
}

function graphEndpoints(state: SandboxState): Endpoint[] {
  const on =
    (fn: Handler): Endpoint['handle'] =>
    (req, res, params) => {
      const mailbox = state.mailbox(params.mailboxId ?? '');
      if (mailbox) fn(req, res, mailbox, params);
    };
  // A shared calendar opened through the sharee's /me/calendars/{id} acts on the owner's calendar,
  // in the owner's mailbox ("Get shared or delegated Outlook calendar and its events").
  const byCalendar =
    (fn: (req: SandboxRequest, res: ServerResponse, m: GraphMailbox, c: GraphCalendar) => void): Handler =>
    (req, res, mailbox, params) => {
      let owner = mailbox;
      let cal = params.calendarId
        ? mailbox.calendars.find((c) => c.calendar.id === params.calendarId)
        : defaultCalendar(mailbox);
      const share = params.calendarId
        ? mailbox.sharedWithMe?.find((s) => s.calendarId === params.calendarId)
        : undefined;
      if (!cal && share) {
        const shared = state.mailbox(share.owner);
        cal = shared?.calendars.find((c) => c.calendar.id === share.calendarId);
        if (shared) owner = shared;
      }
      if (!cal)
        return sendGraphError(
          res,
          404,
          'ErrorItemNotFound',
          'The specified object was not found in the store.',
        );
      fn(req, res, owner, cal);
    };
  /** The calendar as this mailbox lists it: a shared one is not the sharee's to share. */
  const listed = (mailbox: GraphMailbox, c: GraphCalendar) =>
    mailbox.calendars.includes(c)
      ? c.calendar
      : { ...c.calendar, canShare: false, isDefaultCalendar: false, isRemovable: true };
  const create = byCalendar((req, res, m, c) => createEvent(state, req, res, m, c));
  return [
    {
      method: 'GET',
      pattern: '',
      handle: on((req, res, m) =>
        sendJson(res, 200, {
          '@odata.context': `${requestOrigin(req)}${GRAPH_PREFIX}$metadata#users/$entity`,
          ...m.user,
        }),
      ),
    },
    {
      method: 'GET',
      pattern: 'calendars',
      handle: on((_req, res, m) =>
        sendJson(res, 200, {
          value: [
            ...m.calendars.map((c) => c.calendar),
            ...(m.sharedWithMe ?? []).flatMap((share) => {
              const cal = state
                .mailbox(share.owner)
                ?.calendars.find((c) => c.calendar.id === share.calendarId);
              return cal ? [listed(m, cal)] : [];
            }),
          ],
        }),
      ),
    },
    {
      method: 'GET',
      pattern: 'calendars/{calendarId}',
      handle: on((req, res, m, params) =>
        byCalendar((_req, res2, _owner, c) =>
          sendJson(res2, 200, m.calendars.includes(c) ? c.calendar : listed(m, c)),
        )(req, res, m, params),
      ),
    },
    {
      method: 'GET',
      pattern: 'calendar',
      handle: on(byCalendar((_req, res, _m, c) => sendJson(res, 200, c.calendar))),
    },
    { method: 'GET', pattern: 'calendarView', handle: on(byCalendar(calendarView)) },
    { method: 'GET', pattern: 'calendar/calendarView', handle: on(byCalendar(calendarView)) },
    { method: 'GET', pattern: 'calendars/{calendarId}/calendarView', handle: on(byCalendar(calendarView)) },
    { method: 'POST', pattern: 'events', handle: on(create) },
    { method: 'POST', pattern: 'calendar/events', handle: on(create) },
    { method: 'POST', pattern: 'calendars/{calendarId}/events', handle: on(create) },
    {
      method: 'GET',
      pattern: 'events/{eventId}',
      handle: on(
        withEvent((req, res, m, c, e) => {
          if (refusedZone(req, res, preferredZone(req))) return;
          const pending = pendingTeams.get(e);
          if (pending !== undefined) {
            if (pending <= 1) {
              pendingTeams.delete(e);
              Object.assign(e, onlineMeetingFor(e, c));
            } else pendingTeams.set(e, pending - 1);
          }
          sendPresented(req, res, 200, e, m);
        }),
      ),
    },
    {
      method: 'PATCH',
      pattern: 'events/{eventId}',
      handle: on(withEvent((req, res, m, c, e) => patchEvent(state, req, res, m, c, e))),
    },
    {
      method: 'POST',
      pattern: 'events/{eventId}/cancel',
      handle: on(withEvent((req, res, m, c, e) => cancelEvent(state, req, res, m, c, e))),
    },
    {
      method: 'DELETE',
      pattern: 'events/{eventId}',
      handle: on(withEvent((_req, res, m, c, e) => deleteEvent(state, res, m, c, e))),
    },
    {
      method: 'POST',
      pattern: 'calendar/getSchedule',
      handle: on((req, res) => getSchedule(state, req, res)),
    },
  ];
}

function withEvent(
  fn: (req: SandboxRequest, res: ServerResponse, m: GraphMailbox, c: GraphCalendar, e: GraphEvent) => void,
): Handler {
  return (req, res, mailbox, params) => {
    for (const cal of mailbox.calendars) {
      const event = cal.events.find((e) => e.id === params.eventId);
      if (event) return fn(req, res, mailbox, cal, event);
    }
    sendGraphError(res, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  };
}

function defaultCalendar(mailbox: GraphMailbox): GraphCalendar | undefined {
  return mailbox.calendars.find((c) => c.calendar.isDefaultCalendar) ?? mailbox.calendars[0];
}

function calendarView(
  req: SandboxRequest,
  res: ServerResponse,
  mailbox: GraphMailbox,
  cal: GraphCalendar,
): void {
  const zone = preferredZone(req);
  if (refusedZone(req, res, zone)) return;
  const query = req.url.searchParams;
  const from = parseInstant(query.get('startDateTime'));
  const to = parseInstant(query.get('endDateTime'));
  if (Number.isNaN(from) || Number.isNaN(to)) {
    return sendGraphError(
      res,
      400,
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  const top = Math.min(Math.max(Number(query.get('$top') ?? DEFAULT_TOP) || DEFAULT_TOP, 1), MAX_TOP);
  const skip = Math.max(Number(query.get('$skip') ?? 0) || 0, 0);
  const inWindow = expandGraph(cal.events, mailbox.timeZone, from, to)
    .filter((event) => !event.isCancelled)
    .map((event) => ({ event, span: graphEventSpan(event, mailbox.timeZone) }))
    .filter(({ span }) => overlaps(span.start, span.end, from, to))
    .sort((a, b) => a.span.start - b.span.start);
  const select = query
    .get('$select')
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const value = inWindow
    .slice(skip, skip + top)
    .map(({ event }) => pick(present(event, mailbox, zone), select));
  const body: Record<string, unknown> = {
    '@odata.context': `${requestOrigin(req)}${GRAPH_PREFIX}$metadata#users('${mailbox.user.id}')/calendars('${cal.calendar.id}')/calendarView`,
    value,
  };
  if (skip + top < inWindow.length) {
    const next = new URL(req.url.pathname + req.url.search, requestOrigin(req));
    next.searchParams.set('$skip', String(skip + top));
    next.searchParams.set('$top', String(top));
    body['@odata.nextLink'] = next.toString();
  }
  sendJson(res, 200, body, preferenceApplied(zone));
}

function createEvent(
  state: SandboxState,
  req: SandboxRequest,
  res: ServerResponse,
  mailbox: GraphMailbox,
  cal: GraphCalendar,
): void {
  if (cal.calendar.canEdit === false)
    return sendGraphError(
      res,
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
  if (refusedZone(req, res, preferredZone(req))) return;
  const body = parseJson(req.body) as GraphEvent | undefined;
  if (!body || typeof body !== 'object')
    return sendGraphError(res, 400, 'BadRequest', 'Unable to read JSON request payload.');
  const invalid = validateTimes(body, mailbox);
  if (invalid) return sendGraphError(res, 400, invalid.code, invalid.message);
  // event resource, transactionId ("to avoid redundant POST operations in case of client retries"):
  // a repeated id creates nothing. Exchange answers it with 400 ErrorDuplicateTransactionId naming
  // the event the first request created (`@event.existingEventId`), not with that event.
  const existing = body.transactionId ? findByTransaction(mailbox, body.transactionId) : undefined;
  if (existing) {
    return sendJson(res, 400, {
      error: {
        code: 'ErrorDuplicateTransactionId',
        message:
          "Your request can't be completed. The TransactionId specified in the request has already been used to create a different event.",
        '@event.existingEventId': existing.id,
        innerError: { date: new Date().toISOString(), 'request-id': randomId(8) },
      },
    });
  }
  const event = completeGraphEvent(
    body,
    mailbox,
    cal,
    `AAMkAG${randomId(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}AAA=`,
  );
  if (state.config.conferences === 'pending' && event.onlineMeeting?.joinUrl) {
    // The Teams meeting exists but its join details come later (read the event again).
    event.onlineMeeting = null;
    pendingTeams.set(event, 2);
  }
  cal.events.push(event);
  notifyAttendees(state, cal, event, 'created');
  sendPresented(req, res, 201, event, mailbox, body.start?.timeZone);
}

function patchEvent(
  state: SandboxState,
  req: SandboxRequest,
  res: ServerResponse,
  mailbox: GraphMailbox,
  cal: GraphCalendar,
  event: GraphEvent,
): void {
  if (refusedZone(req, res, preferredZone(req))) return;
  const body = parseJson(req.body) as GraphEvent | undefined;
  if (!body || typeof body !== 'object')
    return sendGraphError(res, 400, 'BadRequest', 'Unable to read JSON request payload.');
  const { id: _id, transactionId: _tx, createdDateTime: _c, ...changes } = body;
  const invalid = validateTimes({ ...event, ...changes }, mailbox);
  if (invalid) return sendGraphError(res, 400, invalid.code, invalid.message);
  Object.assign(event, changes, { lastModifiedDateTime: new Date().toISOString(), changeKey: randomId(12) });
  if (changes.isOnlineMeeting !== undefined || changes.onlineMeetingProvider !== undefined) {
    Object.assign(event, onlineMeetingFor(event, cal));
  }
  notifyAttendees(state, cal, event, 'updated');
  sendPresented(req, res, 200, event, mailbox);
}

function deleteEvent(
  state: SandboxState,
  res: ServerResponse,
  _mailbox: GraphMailbox,
  cal: GraphCalendar,
  event: GraphEvent,
): void {
  cal.events.splice(cal.events.indexOf(event), 1);
  notifyAttendees(state, cal, event, 'cancelled');
  sendEmpty(res, 204);
}

/**
 * event-cancel (learn.microsoft.com/graph/api/event-cancel): the organizer cancels a meeting and
 * the attendees get the cancellation with the optional comment; 202 Accepted, no body. "An
 * attendee calling this action gets an error (HTTP 400 Bad Request)."
 */
function cancelEvent(
  state: SandboxState,
  req: SandboxRequest,
  res: ServerResponse,
  _mailbox: GraphMailbox,
  cal: GraphCalendar,
  event: GraphEvent,
): void {
  if (event.isOrganizer === false) {
    return sendGraphError(
      res,
      400,
      'ErrorInvalidRequest',
      "Your request can't be completed. You need to be an organizer to cancel a meeting.",
    );
  }
  const body = (parseJson(req.body) ?? {}) as { comment?: unknown };
  if (body.comment !== undefined && typeof body.comment !== 'string')
    return sendGraphError(res, 400, 'BadRequest', 'Invalid comment.');
  cal.events.splice(cal.events.indexOf(event), 1);
  notifyAttendees(
    state,
    cal,
    event,
    'cancelled',
    typeof body.comment === 'string' ? body.comment : undefined,
  );
  sendEmpty(res, 202);
}

function getSchedule(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  // calendar-getschedule, Permissions: "Delegated (personal Microsoft account): Not supported".
  // An Outlook.com mailbox refuses the call as access denied, whoever is asked about.
  if (state.config.microsoftAccount === 'personal') {
    return sendGraphError(
      res,
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
  }
  const zone = preferredZone(req);
  if (refusedZone(req, res, zone)) return;
  const body = camelKeys(parseJson(req.body)) as GetScheduleBody | undefined;
  const schedules = body?.schedules ?? [];
  if (!body || schedules.length === 0)
    return sendGraphError(res, 400, 'ErrorInvalidParameter', 'Schedules must be specified.');
  if (schedules.length > MAX_SCHEDULES) {
    return sendGraphError(
      res,
      400,
      'ErrorInvalidParameter',
      `The number of schedules exceeds the maximum of ${MAX_SCHEDULES}.`,
    );
  }
  const interval = Number(body.availabilityViewInterval ?? 30);
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440) {
    return sendGraphError(
      res,
      400,
      'ErrorInvalidParameter',
      'availabilityViewInterval must be between 5 and 1440 minutes.',
    );
  }
  const from = parseGraphTime(body.startTime);
  const to = parseGraphTime(body.endTime);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
    return sendGraphError(
      res,
      400,
      'ErrorInvalidParameter',
      'A valid StartTime and EndTime must be specified.',
    );
  }
  const value = schedules.map((address) => scheduleFor(state, address, from, to, interval, zone));
  sendJson(
    res,
    200,
    {
      '@odata.context': `${requestOrigin(req)}${GRAPH_PREFIX}$metadata#Collection(microsoft.graph.scheduleInformation)`,
      value,
    },
    preferenceApplied(zone),
  );
}

function scheduleFor(
  state: SandboxState,
  address: string,
  from: number,
  to: number,
  interval: number,
  zone: Zone,
): MicrosoftGraph.ScheduleInformation {
  const mailbox = state.mailbox(address);
  if (!mailbox) {
    return {
      scheduleId: address,
      error: {
        message: `Unable to resolve e-mail address ${address} to an Active Directory object.`,
        responseCode: '5009',
      },
    };
  }
  const items = expandGraph(defaultCalendar(mailbox)?.events ?? [], mailbox.timeZone, from, to)
    .filter((event) => !event.isCancelled && (event.showAs ?? 'busy') !== 'free')
    .map((event) => ({ event, span: graphEventSpan(event, mailbox.timeZone) }))
    .filter(({ span }) => overlaps(span.start, span.end, from, to))
    .sort((a, b) => a.span.start - b.span.start);
  const slots = Math.ceil((to - from) / (interval * 60_000));
  let view = '';
  for (let i = 0; i < slots; i++) {
    const slotStart = from + i * interval * 60_000;
    const codes = items
      .filter(({ span }) => overlaps(span.start, span.end, slotStart, slotStart + interval * 60_000))
      .map(({ event }) => VIEW_CODE[event.showAs ?? 'busy'] ?? 2);
    view += String(Math.max(0, ...codes));
  }
  return {
    scheduleId: address,
    availabilityView: view,
    scheduleItems: items.map(({ event, span }) => {
      const isPrivate = event.sensitivity === 'private';
      return {
        isPrivate,
        status: event.showAs ?? 'busy',
        ...(isPrivate ? {} : { subject: event.subject ?? '', location: event.location?.displayName ?? '' }),
        start: dateTimeIn(span.start, zone),
        end: dateTimeIn(span.end, zone),
      };
    }),
    workingHours: mailbox.workingHours,
  };
}

/** Fills in what Exchange adds to a created event; the online meeting only if the calendar allows it. */
export function completeGraphEvent(
  body: GraphEvent,
  mailbox: GraphMailbox,
  cal: GraphCalendar,
  id: string,
): GraphEvent {
  const now = new Date().toISOString();
  const organizer = { emailAddress: { name: mailbox.user.displayName ?? '', address: mailbox.user.mail } };
  const event: GraphEvent = {
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: randomId(12),
    categories: [],
    transactionId: null,
    originalStartTimeZone: body.start?.timeZone ?? 'UTC',
    originalEndTimeZone: body.end?.timeZone ?? 'UTC',
    iCalUId: `040000008200E00074C5B7101A82E008${randomId(24).toUpperCase()}`,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: '',
    bodyPreview: (body.body?.content ?? '').replace(/<[^>]*>/g, '').slice(0, 255),
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
    isOrganizer: true,
    responseRequested: true,
    showAs: 'busy',
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    isDraft: false,
    hideAttendees: false,
    allowNewTimeProposals: true,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: { contentType: 'html', content: '' },
    location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown' },
    locations: [],
    organizer,
    ...body,
    attendees: (body.attendees ?? []).map((a) => ({
      type: 'required',
      ...a,
      status: a.status ?? { response: 'none', time: '0001-01-01T00:00:00Z' },
    })),
  };
  // A body with a recurrence creates a series; calendarView lists its occurrences.
  if (body.recurrence) event.type = 'seriesMaster';
  return { ...event, ...onlineMeetingFor(event, cal) };
}

function onlineMeetingFor(event: GraphEvent, cal: GraphCalendar): Partial<GraphEvent> {
  const provider = event.onlineMeetingProvider ?? cal.calendar.defaultOnlineMeetingProvider ?? 'unknown';
  const allowed = cal.calendar.allowedOnlineMeetingProviders ?? [];
  if (!event.isOnlineMeeting || !allowed.includes(provider)) {
    // What Graph does when the account cannot host the meeting: the event is created without one.
    return {
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown',
      onlineMeeting: null,
      onlineMeetingUrl: null,
    };
  }
  if (event.onlineMeeting?.joinUrl) return { isOnlineMeeting: true, onlineMeetingProvider: provider };
  const thread = `19%3ameeting_${randomId(48, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}%40thread.v2`;
  return {
    isOnlineMeeting: true,
    onlineMeetingProvider: provider,
    onlineMeeting: {
      joinUrl: `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=%7b%22Tid%22%3a%22sandbox%22%7d`,
    },
    onlineMeetingUrl: null,
  };
}

/** Teams meetings whose join details are not filled in yet: reads left before they are. */
const pendingTeams = new WeakMap<GraphEvent, number>();

function findByTransaction(mailbox: GraphMailbox, transactionId: string): GraphEvent | undefined {
  for (const cal of mailbox.calendars) {
    const event = cal.events.find((e) => e.transactionId === transactionId);
    if (event) return event;
  }
  return undefined;
}

function validateTimes(
  event: GraphEvent,
  mailbox: GraphMailbox,
): { code: string; message: string } | undefined {
  for (const zone of [event.start?.timeZone, event.end?.timeZone]) {
    if (zone && !graphZone(zone)) return zoneRefusal(zone);
  }
  if (!event.start?.dateTime || !event.end?.dateTime)
    return { code: 'ErrorInvalidRequest', message: 'Start and End must be specified.' };
  const span = graphEventSpan(event, mailbox.timeZone);
  if (Number.isNaN(span.start) || Number.isNaN(span.end))
    return { code: 'ErrorInvalidRequest', message: 'Start or End is not a valid date.' };
  if (span.end < span.start)
    return { code: 'ErrorInvalidRequest', message: 'The end time must be after the start time.' };
  return undefined;
}

function notifyAttendees(
  state: SandboxState,
  cal: GraphCalendar,
  event: GraphEvent,
  action: 'created' | 'updated' | 'cancelled',
  comment?: string,
): void {
  const recipients = (event.attendees ?? []).map((a) => a.emailAddress?.address ?? '').filter(Boolean);
  if (recipients.length === 0 || !event.isOrganizer) return;
  state.notifications.push({
    provider: 'microsoft',
    calendarId: cal.calendar.id,
    eventId: event.id ?? '',
    action,
    recipients,
    ...(comment ? { comment } : {}),
  });
}

/** A zone as the client named it (kept for the response) and its IANA equivalent (for the maths). */
interface Zone {
  name: string;
  iana: string;
}

/** dateTimeTimeZone resource type: a zone outside Windows' and the documented IANA list is refused. */
function zoneRefusal(zone: string): { code: string; message: string } {
  return {
    code: 'TimeZoneNotSupportedException',
    message: `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
  };
}

/**
 * The zone of `Prefer: outlook.timezone` (learn.microsoft.com/graph/api/user-list-calendarview,
 * "Request headers"), else `fallback`, else UTC. The header takes the same names as
 * dateTimeTimeZone, so an unsupported one is refused like one in a body: undefined here.
 */
function preferredZone(req: SandboxRequest, fallback?: string | null): Zone | undefined {
  const prefer = String(req.headers.prefer ?? '');
  const asked = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer)?.[1];
  const name = asked ?? fallback ?? 'UTC';
  const iana = graphZone(name);
  if (iana) return { name, iana };
  return asked ? undefined : { name: 'UTC', iana: 'UTC' };
}

/** Sends the refusal for an unsupported Prefer zone; true when it did. */
function refusedZone(req: SandboxRequest, res: ServerResponse, zone: Zone | undefined): zone is undefined {
  if (zone) return false;
  const asked = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(String(req.headers.prefer ?? ''))?.[1] ?? '';
  const refusal = zoneRefusal(asked);
  sendGraphError(res, 400, refusal.code, refusal.message);
  return true;
}

function preferenceApplied(zone: Zone): Record<string, string> {
  return { 'preference-applied': `outlook.timezone="${zone.name}"` };
}

function sendPresented(
  req: SandboxRequest,
  res: ServerResponse,
  status: number,
  event: GraphEvent,
  mailbox: GraphMailbox,
  fallbackZone?: string | null,
): void {
  const zone = preferredZone(req, fallbackZone) ?? { name: 'UTC', iana: 'UTC' };
  sendJson(res, status, present(event, mailbox, zone), preferenceApplied(zone));
}

/** The event as Graph returns it: times in the requested zone; all-day events stay on their dates. */
function present(
  event: GraphEvent,
  mailbox: GraphMailbox,
  zone: Zone,
): GraphEvent & { '@odata.etag': string } {
  const span = graphEventSpan(event, mailbox.timeZone);
  const at = (ms: number, stored: MicrosoftGraph.DateTimeTimeZone | null | undefined) =>
    event.isAllDay
      ? { dateTime: `${(stored?.dateTime ?? '').slice(0, 10)}T00:00:00.0000000`, timeZone: zone.name }
      : dateTimeIn(ms, zone);
  return {
    '@odata.etag': `W/"${event.changeKey ?? ''}"`,
    ...event,
    start: at(span.start, event.start),
    end: at(span.end, event.end),
  };
}

function dateTimeIn(ms: number, zone: Zone): MicrosoftGraph.DateTimeTimeZone {
  return { dateTime: graphLocal(ms, zone.iana), timeZone: zone.name };
}

function parseGraphTime(value: MicrosoftGraph.DateTimeTimeZone | null | undefined): number {
  const zone = graphZone(value?.timeZone ?? 'UTC');
  return zone ? parseInstant(value?.dateTime, zone) : NaN;
}

function pick<T extends object>(value: T, fields: string[] | undefined): Partial<T> {
  if (!fields) return value;
  const keep = new Set(['id', '@odata.etag', ...fields.map((f) => f.toLowerCase())]);
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => keep.has(key.toLowerCase())),
  ) as Partial<T>;
}

/** Graph's own docs send `Schedules`/`StartTime`; property names are matched case-insensitively. */
function camelKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]),
  );
}
