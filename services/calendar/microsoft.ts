// Microsoft Graph through the official client, with our own two-link middleware chain:
// - the library's AuthenticationHandler only attaches the token to https Graph hosts (its host
//   check ignores http), so the loopback sandbox would get unauthenticated requests;
// - the default chain also has a RetryHandler that sleeps and retries 429/503 by itself, while the
//   outbox owns retries; and a terminal link that calls an injectable fetch makes tests honest.
// The client's ES build needs only fetch and Promise, so it runs in an MV3 service worker
// (microsoft.worker.test.ts checks that in a context without Node or DOM globals).
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import type {
  AuthenticationProvider,
  Context,
  GraphRequest,
  Middleware,
} from '@microsoft/microsoft-graph-client';
import type * as Graph from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import { graphTransactionId } from './booking';
import { CalendarError, errorFromHttp, errorFromThrown } from './errors';
import { graphZone, ianaFromGraph } from './zones';
import type {
  AgendaEvent,
  BusyInterval,
  BusyResult,
  BusyStatus,
  CalendarInfo,
  CalendarProvider,
  CancelOptions,
  CreatedEvent,
  EventAttendee,
  EventPatch,
  NewEvent,
  OnlineMeetingOutcome,
  ProviderConfig,
  ResponseStatus,
  ShowAs,
  TimeRange,
} from './types';

// getSchedule: at most 20 schedules per request, and a bounded window (62 days).
const SCHEDULE_MAX_IDS = 20;
const SCHEDULE_MAX_WINDOW_MS = 62 * 24 * 3600_000;
const MAX_PAGES = 50;
const EVENT_SELECT = [
  'id',
  'subject',
  'start',
  'end',
  'isAllDay',
  'location',
  'isOnlineMeeting',
  'onlineMeeting',
  'onlineMeetingUrl',
  'attendees',
  'responseStatus',
  'showAs',
  'isCancelled',
  'isOrganizer',
  'organizer',
  'webLink',
  'type',
  'seriesMasterId',
].join(',');
const CALENDAR_SELECT =
  'id,name,hexColor,isDefaultCalendar,canEdit,canShare,allowedOnlineMeetingProviders,owner';

class TokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly auth: AuthenticationProvider) {}
  async execute(context: Context): Promise<void> {
    const token = await this.auth.getAccessToken();
    const headers = { ...(context.options?.headers as Record<string, string> | undefined) };
    headers['Authorization'] = `Bearer ${token}`;
    context.options = { ...context.options, headers };
    if (!this.next) throw new Error('TokenMiddleware must not be last');
    await this.next.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

class FetchMiddleware implements Middleware {
  constructor(private readonly doFetch: typeof fetch) {}
  async execute(context: Context): Promise<void> {
    try {
      context.response = await this.doFetch(context.request, context.options as RequestInit);
    } catch (error) {
      // The client wraps whatever we throw into a GraphError; this marker survives as its `code`.
      const wrapped = new Error(error instanceof Error ? error.message : String(error));
      wrapped.name = NETWORK_MARKER;
      throw wrapped;
    }
  }
}

const NETWORK_MARKER = 'OpsAssistantNetworkError';

/** Graph's dateTimeTimeZone → epoch ms. */
export function graphInstant(value: Graph.DateTimeTimeZone | null | undefined, fallbackZone: string): number {
  const zone = ianaFromGraph(value?.timeZone, fallbackZone);
  const dt = DateTime.fromISO(value?.dateTime ?? '', { zone });
  return dt.isValid ? dt.toMillis() : NaN;
}

/** nextLink is absolute; the client wants the part after the version. */
function relativeLink(link: string): string {
  const at = link.indexOf('/v1.0/');
  if (at < 0) throw new CalendarError('server', `Unexpected Graph nextLink: ${link}`);
  return link.slice(at + '/v1.0/'.length);
}

export function createMicrosoftProvider(config: ProviderConfig): CalendarProvider {
  const zone = config.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Graph refuses most IANA names (Europe/Madrid among them): ask in the Windows name.
  const preferZone = `outlook.timezone="${graphZone(zone).name}"`;
  const auth: AuthenticationProvider = { getAccessToken: () => config.getToken() };
  const client = Client.initWithMiddleware({
    baseUrl: config.baseUrl,
    defaultVersion: 'v1.0',
    middleware: [
      new TokenMiddleware(auth),
      new FetchMiddleware(config.fetch ?? globalThis.fetch.bind(globalThis)),
    ],
  });
  const onlineProviders = new Map<string, Graph.OnlineMeetingProviderType[]>();

  // Which mailbox holds each calendar. A calendar someone shared with this user (the manager's,
  // opened by an assistant) keeps its events in the owner's mailbox: they are read, moved and
  // cancelled at /users/{owner}/… ("Get shared or delegated Outlook calendar and its events",
  // learn.microsoft.com/graph/outlook-get-shared-events-calendars); /me/events/{id} finds nothing.
  // Only the owner may share a calendar, so `canShare: false` with an owner marks a shared one.
  const mailboxOf = new Map<string, string>([['primary', 'me']]);

  function remember(c: Graph.Calendar, asked = c.id): void {
    if (!asked) return;
    const owner = c.owner?.address;
    mailboxOf.set(asked, c.canShare === false && owner ? owner : 'me');
    onlineProviders.set(asked, c.allowedOnlineMeetingProviders ?? []);
    if (c.isDefaultCalendar) onlineProviders.set('primary', c.allowedOnlineMeetingProviders ?? []);
  }

  async function calendarInfo(calendarId: string): Promise<void> {
    const path =
      calendarId === 'primary' ? '/me/calendar' : `/me/calendars/${encodeURIComponent(calendarId)}`;
    remember(
      await send<Graph.Calendar>(
        client
          .api(path)
          .query({ $select: 'id,owner,canShare,isDefaultCalendar,allowedOnlineMeetingProviders' }),
        'GET',
      ),
      calendarId,
    );
  }

  async function root(calendarId: string): Promise<string> {
    if (!mailboxOf.has(calendarId)) await calendarInfo(calendarId);
    const mailbox = mailboxOf.get(calendarId) ?? 'me';
    return mailbox === 'me' ? '/me' : `/users/${encodeURIComponent(mailbox)}`;
  }

  const calPath = async (calendarId: string) =>
    calendarId === 'primary'
      ? '/me/calendar'
      : `${await root(calendarId)}/calendars/${encodeURIComponent(calendarId)}`;

  // Graph event ids are unique in a mailbox; {mailbox}/events/{id} does not depend on which of its
  // calendars the caller thinks the event is in.
  const eventPath = async (calendarId: string, eventId: string) =>
    `${await root(calendarId)}/events/${encodeURIComponent(eventId)}`;

  async function send<T>(
    request: GraphRequest,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    body?: unknown,
  ): Promise<T> {
    request.responseType(ResponseType.RAW);
    // The Graph client turns an error thrown while getting the token into statusCode -1, which
    // reads as "network": ask for the token first, so "sign in again" stays itself (the middleware
    // then gets the same stored token).
    await config.getToken();
    let response: Response;
    try {
      if (method === 'GET') response = await request.get();
      else if (method === 'POST') response = await request.post(body ?? {});
      else if (method === 'PATCH') response = await request.patch(body ?? {});
      else response = await request.delete();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === NETWORK_MARKER || (error as { statusCode?: unknown }).statusCode === -1) {
        throw new CalendarError('network', error instanceof Error ? error.message : 'Network error');
      }
      throw errorFromThrown(error);
    }
    const text = response.status === 204 ? '' : await response.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) throw errorFromHttp(response.status, response.headers, parsed);
    return parsed as T;
  }

  async function pages<T>(first: GraphRequest, prefer?: string): Promise<T[]> {
    const out: T[] = [];
    let request: GraphRequest | undefined = first;
    for (let page = 0; request && page < MAX_PAGES; page++) {
      if (prefer) request.header('Prefer', prefer);
      const res: { value?: T[]; '@odata.nextLink'?: string } = await send(request, 'GET');
      out.push(...(res.value ?? []));
      const next = res['@odata.nextLink'];
      request = next ? client.api(relativeLink(next)) : undefined;
    }
    return out;
  }

  async function calendars(): Promise<CalendarInfo[]> {
    const items = await pages<Graph.Calendar>(
      client.api('/me/calendars').query({ $select: CALENDAR_SELECT }),
    );
    return items
      .filter((c) => c.id)
      .map((c) => {
        const allowed = c.allowedOnlineMeetingProviders ?? [];
        remember(c);
        const info: CalendarInfo = {
          id: c.id ?? '',
          provider: 'microsoft',
          name: c.name ?? '',
          primary: c.isDefaultCalendar === true,
          canEdit: c.canEdit !== false,
          onlineMeetings: allowed.includes('teamsForBusiness') ? ['teams'] : [],
        };
        if (c.hexColor) info.color = c.hexColor;
        if (c.owner?.address) info.ownerEmail = c.owner.address;
        return info;
      });
  }

  // calendar-getschedule (learn.microsoft.com/graph/api/calendar-getschedule), Permissions:
  // "Delegated (personal Microsoft account): Not supported". Outlook.com mailboxes refuse it
  // (403 ErrorAccessDenied); once seen, this account reads its own calendar view instead.
  let scheduleUnsupported = false;
  let me: { addresses: Set<string> } | undefined;

  async function myAddresses(): Promise<Set<string>> {
    if (!me) {
      const user = await send<Graph.User>(
        client.api('/me').query({ $select: 'id,mail,userPrincipalName' }),
        'GET',
      );
      me = {
        addresses: new Set(
          [user.mail, user.userPrincipalName]
            .filter((a): a is string => Boolean(a))
            .map((a) => a.toLowerCase()),
        ),
      };
    }
    return me.addresses;
  }

  async function busy(calendarIds: readonly string[], range: TimeRange): Promise<BusyResult> {
    const ids = [...new Set(calendarIds)];
    if (!scheduleUnsupported) {
      try {
        return await scheduleBusy(ids, range);
      } catch (error) {
        if (!(error instanceof CalendarError && error.kind === 'forbidden')) throw error;
        scheduleUnsupported = true;
      }
    }
    return ownBusy(ids, range);
  }

  /** Personal accounts: the signed-in user's own busy time from their calendar view; others unknown. */
  async function ownBusy(ids: string[], range: TimeRange): Promise<BusyResult> {
    const result: BusyResult = new Map();
    result.reasons = new Map();
    const mine = await myAddresses();
    for (const id of ids) {
      const own = mine.has(id.toLowerCase()) || id === 'primary';
      if (!own) {
        result.reasons.set(id, 'personal-account');
        continue;
      }
      const view = client.api('/me/calendar/calendarView').query({
        startDateTime: encodeURIComponent(new Date(range.start).toISOString()),
        endDateTime: encodeURIComponent(new Date(range.end).toISOString()),
        $select: 'id,start,end,isAllDay,showAs,isCancelled',
        $top: '100',
      });
      const list: BusyInterval[] = [];
      for (const item of await pages<Graph.Event>(view, 'outlook.timezone="UTC"')) {
        const status = busyStatus(item.showAs);
        if (!status || item.isCancelled) continue;
        if (item.isAllDay) {
          // Floating dates, as the slot finder expects all-day blocks (UTC midnights).
          const start = Date.parse(`${(item.start?.dateTime ?? '').slice(0, 10)}T00:00:00Z`);
          const end = Date.parse(`${(item.end?.dateTime ?? '').slice(0, 10)}T00:00:00Z`);
          if (end > start) list.push({ start, end, status, allDay: true });
          continue;
        }
        const start = graphInstant(item.start, 'UTC');
        const end = graphInstant(item.end, 'UTC');
        if (Number.isFinite(start) && Number.isFinite(end) && end > start) list.push({ start, end, status });
      }
      result.set(id, list);
    }
    return result;
  }

  async function scheduleBusy(ids: string[], range: TimeRange): Promise<BusyResult> {
    const result: BusyResult = new Map();
    const failed = new Set<string>();
    const utc = (ms: number) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
    for (let i = 0; i < ids.length; i += SCHEDULE_MAX_IDS) {
      const chunk = ids.slice(i, i + SCHEDULE_MAX_IDS);
      for (let from = range.start; from < range.end; from += SCHEDULE_MAX_WINDOW_MS) {
        const to = Math.min(range.end, from + SCHEDULE_MAX_WINDOW_MS);
        const request = client.api('/me/calendar/getSchedule').header('Prefer', 'outlook.timezone="UTC"');
        const res = await send<{ value?: Graph.ScheduleInformation[] }>(request, 'POST', {
          schedules: chunk,
          startTime: utc(from),
          endTime: utc(to),
          availabilityViewInterval: 30,
        });
        const byId = new Map<string, Graph.ScheduleInformation>();
        for (const info of res.value ?? [])
          if (info.scheduleId) byId.set(info.scheduleId.toLowerCase(), info);
        for (const id of chunk) {
          const info = byId.get(id.toLowerCase());
          if (!info || info.error) {
            failed.add(id);
            continue;
          }
          const list = result.get(id) ?? [];
          for (const item of info.scheduleItems ?? []) {
            const status = busyStatus(item.status);
            if (!status) continue;
            const start = graphInstant(item.start, 'UTC');
            const end = graphInstant(item.end, 'UTC');
            if (Number.isFinite(start) && Number.isFinite(end) && end > start)
              list.push({ start, end, status });
          }
          result.set(id, list);
        }
      }
    }
    if (failed.size > 0) result.reasons = new Map();
    for (const id of failed) {
      result.delete(id);
      result.reasons?.set(id, 'no-access');
    }
    return result;
  }

  async function list(calendarId: string, range: TimeRange): Promise<AgendaEvent[]> {
    const first = client.api(`${await calPath(calendarId)}/calendarView`).query({
      startDateTime: encodeURIComponent(new Date(range.start).toISOString()),
      endDateTime: encodeURIComponent(new Date(range.end).toISOString()),
      $select: EVENT_SELECT,
      $orderby: 'start/dateTime',
      $top: '100',
    });
    const items = await pages<Graph.Event>(first, preferZone);
    const out: AgendaEvent[] = [];
    for (const item of items) {
      const event = toAgendaEvent(item, calendarId, zone);
      if (event && event.status !== 'cancelled') out.push(event);
    }
    return out;
  }

  async function allowedProviders(calendarId: string): Promise<Graph.OnlineMeetingProviderType[]> {
    if (!onlineProviders.has(calendarId)) await calendarInfo(calendarId);
    return onlineProviders.get(calendarId) ?? [];
  }

  async function create(calendarId: string, event: NewEvent, idempotencyKey: string): Promise<CreatedEvent> {
    const teams = event.online && (await allowedProviders(calendarId)).includes('teamsForBusiness');
    const transactionId = await graphTransactionId(idempotencyKey);
    const body: Graph.Event = {
      ...eventBody(event, event.timeZone),
      transactionId,
      ...(teams ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
    };
    const request = client.api(`${await calPath(calendarId)}/events`).header('Prefer', preferZone);
    let created: Graph.Event;
    let alreadyExisted = false;
    try {
      created = await send<Graph.Event>(request, 'POST', body);
    } catch (error) {
      // A repeated transactionId creates nothing; Exchange answers 400 ErrorDuplicateTransactionId
      // (naming the first event in `@event.existingEventId`). That is this booking, already made.
      if (!(error instanceof CalendarError && error.reason === 'ErrorDuplicateTransactionId')) throw error;
      created = await existingBooking(calendarId, transactionId, event, error.existingEventId);
      alreadyExisted = true;
    }
    const agenda = requireEvent(created, calendarId, zone);
    let onlineMeeting: OnlineMeetingOutcome = 'none';
    if (event.online) onlineMeeting = !teams ? 'unavailable' : agenda.joinUrl ? 'created' : 'pending';
    // Some mailboxes answer a repeated transactionId with the original event and 201 instead; that
    // retry cannot be told apart from a first booking, and counts as one (same event either way).
    return { event: agenda, onlineMeeting, alreadyExisted };
  }

  /** The event an earlier request with this transactionId created. */
  async function existingBooking(
    calendarId: string,
    transactionId: string,
    event: NewEvent,
    existingId: string | undefined,
  ): Promise<Graph.Event> {
    if (existingId) {
      return send<Graph.Event>(
        client.api(await eventPath(calendarId, existingId)).header('Prefer', preferZone),
        'GET',
      );
    }
    // Without the id, look where the booking must be: its own time window in its calendar.
    const window = client.api(`${await calPath(calendarId)}/calendarView`).query({
      startDateTime: encodeURIComponent(new Date(Date.parse(event.start)).toISOString()),
      endDateTime: encodeURIComponent(new Date(Date.parse(event.end)).toISOString()),
      $select: `${EVENT_SELECT},transactionId`,
      $top: '100',
    });
    const found = (await pages<Graph.Event>(window, preferZone)).find(
      (e) => e.transactionId === transactionId,
    );
    if (!found) {
      throw new CalendarError(
        'conflict',
        'Microsoft reports this booking exists but it is not in the calendar.',
        {
          status: 400,
          reason: 'ErrorDuplicateTransactionId',
        },
      );
    }
    return found;
  }

  async function get(calendarId: string, eventId: string): Promise<AgendaEvent> {
    const request = client
      .api(await eventPath(calendarId, eventId))
      .query({ $select: EVENT_SELECT })
      .header('Prefer', preferZone);
    return requireEvent(await send<Graph.Event>(request, 'GET'), calendarId, zone);
  }

  async function update(calendarId: string, eventId: string, patch: EventPatch): Promise<AgendaEvent> {
    const request = client.api(await eventPath(calendarId, eventId)).header('Prefer', preferZone);
    const updated = await send<Graph.Event>(request, 'PATCH', eventBody(patch, patch.timeZone ?? zone));
    return requireEvent(updated, calendarId, zone);
  }

  // event-cancel (learn.microsoft.com/graph/api/event-cancel): the organizer of a meeting cancels
  // it with a message to the attendees; an attendee calling it gets 400. An event without
  // attendees (or one we only attend) is removed with DELETE (event-delete). Gone already = done.
  async function cancel(calendarId: string, eventId: string, options: CancelOptions = {}): Promise<void> {
    const path = await eventPath(calendarId, eventId);
    let current: Graph.Event;
    try {
      current = await send<Graph.Event>(
        client.api(path).query({ $select: 'id,isOrganizer,attendees' }),
        'GET',
      );
    } catch (error) {
      if (error instanceof CalendarError && error.kind === 'not-found') return;
      throw error;
    }
    const meeting = current.isOrganizer !== false && (current.attendees?.length ?? 0) > 0;
    try {
      if (meeting) {
        await send(client.api(`${path}/cancel`), 'POST', options.comment ? { comment: options.comment } : {});
      } else {
        await send(client.api(path), 'DELETE');
      }
    } catch (error) {
      if (error instanceof CalendarError && error.kind === 'not-found') return;
      throw error;
    }
  }

  return { calendars, busy, list, get, create, update, cancel };
}

function busyStatus(status: Graph.FreeBusyStatus | null | undefined): BusyStatus | undefined {
  switch (status) {
    case 'free':
      return undefined;
    case 'tentative':
    case 'oof':
    case 'workingElsewhere':
    case 'busy':
      return status;
    default:
      // 'unknown': safer to treat as taken than to book over it.
      return 'busy';
  }
}

/** The wall time of `iso` in `zone`, labelled with the Windows name Graph accepts for it. */
function localIn(iso: string, zone: string): { dateTime: string; timeZone: string } {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw new CalendarError('bad-request', `Invalid date: ${iso}`);
  const target = graphZone(zone);
  return { dateTime: dt.setZone(target.iana).toFormat("yyyy-LL-dd'T'HH:mm:ss"), timeZone: target.name };
}

function eventBody(event: EventPatch, zone: string): Graph.Event {
  const body: Graph.Event = {};
  if (event.title !== undefined) body.subject = event.title;
  if (event.description !== undefined) body.body = { contentType: 'text', content: event.description };
  if (event.location !== undefined) body.location = { displayName: event.location };
  if (event.start !== undefined) body.start = localIn(event.start, zone);
  if (event.end !== undefined) body.end = localIn(event.end, zone);
  if (event.attendees !== undefined) {
    body.attendees = event.attendees.map((a) => ({
      emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) },
      type: a.optional ? 'optional' : 'required',
    }));
  }
  return body;
}

function requireEvent(item: Graph.Event, calendarId: string, zone: string): AgendaEvent {
  const event = toAgendaEvent(item, calendarId, zone);
  if (!event) throw new CalendarError('server', 'Graph returned an event without start or end');
  return event;
}

function responseOf(value: Graph.ResponseType | null | undefined): ResponseStatus {
  switch (value) {
    case 'accepted':
    case 'declined':
    case 'organizer':
      return value;
    case 'tentativelyAccepted':
      return 'tentative';
    case 'notResponded':
    case 'none':
      return 'needsAction';
    default:
      return 'unknown';
  }
}

function showAsOf(value: Graph.FreeBusyStatus | null | undefined): ShowAs {
  switch (value) {
    case 'busy':
    case 'free':
    case 'tentative':
    case 'oof':
    case 'workingElsewhere':
      return value;
    default:
      return 'unknown';
  }
}

/** Graph event → AgendaEvent in `zone`; undefined when it has no usable start/end. */
export function toAgendaEvent(item: Graph.Event, calendarId: string, zone: string): AgendaEvent | undefined {
  if (!item.id) return undefined;
  const allDay = item.isAllDay === true;
  let start: string;
  let end: string;
  let startMs: number;
  let endMs: number;
  if (allDay) {
    // All-day events are floating dates; only the date part means anything.
    start = (item.start?.dateTime ?? '').slice(0, 10);
    end = (item.end?.dateTime ?? '').slice(0, 10);
    const s = DateTime.fromISO(start, { zone });
    const e = DateTime.fromISO(end, { zone });
    if (!s.isValid || !e.isValid) return undefined;
    startMs = s.toMillis();
    endMs = e.toMillis();
  } else {
    startMs = graphInstant(item.start, zone);
    endMs = graphInstant(item.end, zone);
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return undefined;
    start = DateTime.fromMillis(startMs, { zone }).toISO() ?? '';
    end = DateTime.fromMillis(endMs, { zone }).toISO() ?? '';
  }
  const attendees: EventAttendee[] = (item.attendees ?? [])
    .filter((a) => a.emailAddress?.address)
    .map((a) => ({
      email: a.emailAddress?.address ?? '',
      ...(a.emailAddress?.name ? { name: a.emailAddress.name } : {}),
      response: responseOf(a.status?.response),
      optional: a.type === 'optional',
      resource: a.type === 'resource',
    }));
  const myResponse: ResponseStatus = item.isOrganizer
    ? 'organizer'
    : responseOf(item.responseStatus?.response);
  const showAs = showAsOf(item.showAs);
  const event: AgendaEvent = {
    id: item.id,
    provider: 'microsoft',
    calendarId,
    title: item.subject ?? '',
    start,
    end,
    startMs,
    endMs,
    allDay,
    timeZone: zone,
    attendeeCount: attendees.length,
    attendees,
    myResponse,
    status: item.isCancelled ? 'cancelled' : showAs === 'tentative' ? 'tentative' : 'confirmed',
    showAs,
  };
  if (item.location?.displayName) event.location = item.location.displayName;
  const joinUrl = item.onlineMeeting?.joinUrl ?? item.onlineMeetingUrl;
  if (joinUrl) event.joinUrl = joinUrl;
  const organizer = item.organizer?.emailAddress;
  if (organizer?.address) {
    event.organizer = { email: organizer.address, ...(organizer.name ? { name: organizer.name } : {}) };
  }
  if (item.webLink) event.htmlLink = item.webLink;
  if (item.seriesMasterId) event.seriesId = item.seriesMasterId;
  // Exchange fills in a Teams meeting's join details after creating the event.
  if (item.isOnlineMeeting && !joinUrl) event.conference = 'pending';
  return event;
}
