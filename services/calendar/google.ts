// Google Calendar v3 over plain fetch. Only the types come from @googleapis/calendar: its runtime
// needs Node's process and streams and crashes in an MV3 service worker.
import type { calendar_v3 } from '@googleapis/calendar';
import { DateTime } from 'luxon';
import { googleEventId } from './booking';
import { CalendarError, errorFromHttp, errorFromThrown } from './errors';
import type {
  AgendaEvent,
  BusyResult,
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

type Event = calendar_v3.Schema$Event;

// freeBusy answers at most 50 calendars per query; long windows are split to stay well inside
// the range Google accepts.
const FREEBUSY_MAX_ITEMS = 50;
const FREEBUSY_MAX_WINDOW_MS = 60 * 24 * 3600_000;
const MAX_PAGES = 50;

interface RequestOptions {
  query?: Record<string, string | undefined>;
  body?: unknown;
}

export function createGoogleProvider(config: ProviderConfig): CalendarProvider {
  const base = `${config.baseUrl.replace(/\/+$/, '')}/calendar/v3`;
  // Bound: a detached `fetch` throws "Illegal invocation" in browsers.
  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  const zone = config.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function call<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const token = await config.getToken();
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(url.toString(), {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
    } catch (error) {
      throw errorFromThrown(error);
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) throw errorFromHttp(response.status, response.headers, parsed);
    return parsed as T;
  }

  const cal = (calendarId: string) => `/calendars/${encodeURIComponent(calendarId)}`;

  async function calendars(): Promise<CalendarInfo[]> {
    const out: CalendarInfo[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await call<calendar_v3.Schema$CalendarList>('GET', '/users/me/calendarList', {
        query: { maxResults: '250', pageToken },
      });
      for (const item of res.items ?? []) if (item.id && !item.deleted) out.push(toCalendarInfo(item));
      pageToken = res.nextPageToken ?? undefined;
      if (!pageToken) break;
    }
    return out;
  }

  async function busy(calendarIds: readonly string[], range: TimeRange): Promise<BusyResult> {
    const result: BusyResult = new Map();
    const failed = new Set<string>();
    const ids = [...new Set(calendarIds)];
    for (let i = 0; i < ids.length; i += FREEBUSY_MAX_ITEMS) {
      const chunk = ids.slice(i, i + FREEBUSY_MAX_ITEMS);
      for (let from = range.start; from < range.end; from += FREEBUSY_MAX_WINDOW_MS) {
        const to = Math.min(range.end, from + FREEBUSY_MAX_WINDOW_MS);
        const res = await call<calendar_v3.Schema$FreeBusyResponse>('POST', '/freeBusy', {
          body: {
            timeMin: new Date(from).toISOString(),
            timeMax: new Date(to).toISOString(),
            timeZone: 'UTC',
            items: chunk.map((id) => ({ id })),
          } satisfies calendar_v3.Schema$FreeBusyRequest,
        });
        for (const id of chunk) {
          const entry = res.calendars?.[id];
          if (!entry || (entry.errors?.length ?? 0) > 0) {
            failed.add(id);
            continue;
          }
          const list = result.get(id) ?? [];
          for (const b of entry.busy ?? []) {
            const start = Date.parse(b.start ?? '');
            const end = Date.parse(b.end ?? '');
            if (Number.isFinite(start) && Number.isFinite(end) && end > start)
              list.push({ start, end, status: 'busy' });
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
    const out: AgendaEvent[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await call<calendar_v3.Schema$Events>('GET', `${cal(calendarId)}/events`, {
        query: {
          singleEvents: 'true',
          orderBy: 'startTime',
          timeMin: new Date(range.start).toISOString(),
          timeMax: new Date(range.end).toISOString(),
          timeZone: zone,
          maxResults: '250',
          pageToken,
        },
      });
      for (const item of res.items ?? []) {
        const event = toAgendaEvent(item, calendarId, zone);
        if (event && event.status !== 'cancelled') out.push(event);
      }
      pageToken = res.nextPageToken ?? undefined;
      if (!pageToken) break;
    }
    return out;
  }

  async function create(calendarId: string, event: NewEvent, idempotencyKey: string): Promise<CreatedEvent> {
    const id = await googleEventId(idempotencyKey);
    const body: Event = { id, ...eventBody(event, event.timeZone) };
    const path = `${cal(calendarId)}/events`;
    let created: Event;
    let meetRefused = false;
    try {
      if (event.online) {
        // requestId derived from the key too: a retried insert must not ask for a second Meet.
        body.conferenceData = {
          createRequest: { requestId: id, conferenceSolutionKey: { type: 'hangoutsMeet' } },
        };
        try {
          created = await call<Event>('POST', path, {
            query: { sendUpdates: 'all', conferenceDataVersion: '1' },
            body,
          });
        } catch (error) {
          // A calendar without Meet rejects the conference request itself; nothing was created.
          if (!(error instanceof CalendarError && error.kind === 'bad-request')) throw error;
          delete body.conferenceData;
          meetRefused = true;
          created = await call<Event>('POST', path, { query: { sendUpdates: 'all' }, body });
        }
      } else {
        created = await call<Event>('POST', path, { query: { sendUpdates: 'all' }, body });
      }
    } catch (error) {
      if (!(error instanceof CalendarError && error.kind === 'conflict')) throw error;
      // 409 on insert with our own id: an earlier attempt already created this booking.
      const existing = await call<Event>('GET', `${path}/${encodeURIComponent(id)}`, {
        query: { timeZone: zone },
      });
      if (existing.status === 'cancelled') {
        throw new CalendarError(
          'conflict',
          'This booking was created earlier and has since been cancelled.',
          {
            status: 409,
          },
        );
      }
      return {
        event: requireEvent(existing, calendarId, zone),
        onlineMeeting: meetingOutcome(existing, event.online, false),
        alreadyExisted: true,
      };
    }
    return {
      event: requireEvent(created, calendarId, zone),
      onlineMeeting: meetingOutcome(created, event.online, meetRefused),
      alreadyExisted: false,
    };
  }

  async function get(calendarId: string, eventId: string): Promise<AgendaEvent> {
    const item = await call<Event>('GET', `${cal(calendarId)}/events/${encodeURIComponent(eventId)}`, {
      query: { timeZone: zone },
    });
    return requireEvent(item, calendarId, zone);
  }

  async function update(calendarId: string, eventId: string, patch: EventPatch): Promise<AgendaEvent> {
    const body = eventBody(patch, patch.timeZone ?? zone);
    const updated = await call<Event>('PATCH', `${cal(calendarId)}/events/${encodeURIComponent(eventId)}`, {
      query: { sendUpdates: 'all' },
      body,
    });
    return requireEvent(updated, calendarId, zone);
  }

  async function cancel(calendarId: string, eventId: string, _options?: CancelOptions): Promise<void> {
    try {
      await call('DELETE', `${cal(calendarId)}/events/${encodeURIComponent(eventId)}`, {
        query: { sendUpdates: 'all' },
      });
    } catch (error) {
      if (error instanceof CalendarError && error.kind === 'not-found') return;
      throw error;
    }
  }

  return { calendars, busy, list, get, create, update, cancel };
}

function eventBody(event: EventPatch, timeZone: string): Event {
  const body: Event = {};
  if (event.title !== undefined) body.summary = event.title;
  if (event.description !== undefined) body.description = event.description;
  if (event.location !== undefined) body.location = event.location;
  if (event.start !== undefined) body.start = { dateTime: isoInZone(event.start, timeZone), timeZone };
  if (event.end !== undefined) body.end = { dateTime: isoInZone(event.end, timeZone), timeZone };
  if (event.attendees !== undefined) {
    body.attendees = event.attendees.map((a) => ({
      email: a.email,
      ...(a.name ? { displayName: a.name } : {}),
      ...(a.optional ? { optional: true } : {}),
    }));
  }
  return body;
}

function isoInZone(iso: string, zone: string): string {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw new CalendarError('bad-request', `Invalid date: ${iso}`);
  return dt.setZone(zone).toISO({ suppressMilliseconds: true }) ?? iso;
}

function meetingOutcome(event: Event, wanted: boolean, refused: boolean): OnlineMeetingOutcome {
  if (!wanted) return 'none';
  if (refused) return 'unavailable';
  if (event.hangoutLink) return 'created';
  const status = event.conferenceData?.createRequest?.status?.statusCode;
  if (status === 'pending') return 'pending';
  if (status === 'success') return 'created';
  return 'unavailable';
}

function toCalendarInfo(item: calendar_v3.Schema$CalendarListEntry): CalendarInfo {
  const id = item.id ?? '';
  const info: CalendarInfo = {
    id,
    provider: 'google',
    name: item.summaryOverride || item.summary || id,
    primary: item.primary === true,
    canEdit: item.accessRole === 'owner' || item.accessRole === 'writer',
    onlineMeetings: item.conferenceProperties?.allowedConferenceSolutionTypes?.includes('hangoutsMeet')
      ? ['meet']
      : [],
  };
  if (item.backgroundColor) info.color = item.backgroundColor;
  if (item.timeZone) info.timeZone = item.timeZone;
  // Shared and group calendars have ids like …@group.calendar.google.com that are not people.
  if (id.includes('@') && !id.endsWith('calendar.google.com')) info.ownerEmail = id;
  return info;
}

function requireEvent(item: Event, calendarId: string, zone: string): AgendaEvent {
  const event = toAgendaEvent(item, calendarId, zone);
  if (!event) throw new CalendarError('server', 'Google returned an event without start or end');
  return event;
}

function responseOf(value: string | null | undefined): ResponseStatus {
  switch (value) {
    case 'accepted':
    case 'declined':
    case 'tentative':
    case 'needsAction':
      return value;
    default:
      return 'unknown';
  }
}

/** Google event → AgendaEvent in `zone`; undefined when it has no usable start/end. */
export function toAgendaEvent(item: Event, calendarId: string, zone: string): AgendaEvent | undefined {
  if (!item.id) return undefined;
  const allDay = Boolean(item.start?.date);
  let start: string;
  let end: string;
  let startMs: number;
  let endMs: number;
  if (allDay) {
    start = item.start?.date ?? '';
    end = item.end?.date ?? start;
    const s = DateTime.fromISO(start, { zone });
    const e = DateTime.fromISO(end, { zone });
    if (!s.isValid || !e.isValid) return undefined;
    startMs = s.toMillis();
    endMs = e.toMillis();
  } else {
    const s = DateTime.fromISO(item.start?.dateTime ?? '', { setZone: true });
    const e = DateTime.fromISO(item.end?.dateTime ?? '', { setZone: true });
    if (!s.isValid || !e.isValid) return undefined;
    start = s.setZone(zone).toISO() ?? '';
    end = e.setZone(zone).toISO() ?? '';
    startMs = s.toMillis();
    endMs = e.toMillis();
  }
  const attendees: EventAttendee[] = (item.attendees ?? [])
    .filter((a) => a.email)
    .map((a) => ({
      email: a.email ?? '',
      ...(a.displayName ? { name: a.displayName } : {}),
      response: responseOf(a.responseStatus),
      optional: a.optional === true,
      resource: a.resource === true,
    }));
  const self = item.attendees?.find((a) => a.self);
  const myResponse: ResponseStatus = item.organizer?.self
    ? 'organizer'
    : self
      ? responseOf(self.responseStatus)
      : item.attendees?.length
        ? 'unknown'
        : 'organizer';
  const status = item.status === 'tentative' || item.status === 'cancelled' ? item.status : 'confirmed';
  let showAs: ShowAs =
    item.transparency === 'transparent' ? 'free' : status === 'tentative' ? 'tentative' : 'busy';
  if (item.eventType === 'outOfOffice') showAs = 'oof';
  else if (item.eventType === 'workingLocation') showAs = 'workingElsewhere';
  if (myResponse === 'tentative' && showAs === 'busy') showAs = 'tentative';
  const joinUrl =
    item.hangoutLink ??
    item.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri ??
    undefined;
  const event: AgendaEvent = {
    id: item.id,
    provider: 'google',
    calendarId,
    title: item.summary ?? '',
    start,
    end,
    startMs,
    endMs,
    allDay,
    timeZone: zone,
    attendeeCount: attendees.length,
    attendees,
    myResponse,
    status,
    showAs,
  };
  if (item.location) event.location = item.location;
  if (joinUrl) event.joinUrl = joinUrl;
  if (item.organizer?.email) {
    event.organizer = {
      email: item.organizer.email,
      ...(item.organizer.displayName ? { name: item.organizer.displayName } : {}),
    };
  }
  if (item.htmlLink) event.htmlLink = item.htmlLink;
  if (item.recurringEventId) event.seriesId = item.recurringEventId;
  // events resource, conferenceData.createRequest.status.statusCode: pending | success | failure.
  const conference = item.conferenceData?.createRequest?.status?.statusCode;
  if (!joinUrl && conference === 'pending') event.conference = 'pending';
  if (!joinUrl && conference === 'failure') event.conference = 'failed';
  return event;
}
