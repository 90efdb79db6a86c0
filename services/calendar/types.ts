// Small capability interfaces in front of Google Calendar and Microsoft Graph. Callers that only
// need free/busy depend on AvailabilityProvider; the agenda and booking depend on EventsProvider.
// Only `createProvider` (provider.ts) knows which implementation sits behind them.

export type ProviderKind = 'google' | 'microsoft';

/** Half-open instant range [start, end), epoch milliseconds. */
export interface TimeRange {
  start: number;
  end: number;
}

export type BusyStatus = 'busy' | 'tentative' | 'oof' | 'workingElsewhere';

export interface BusyInterval {
  /** Epoch ms. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
  status: BusyStatus;
  /**
   * A floating all-day block: `start`/`end` are UTC midnights of the first day and of the day after
   * the last one. The slot finder maps those dates onto the business time zone's days.
   */
  allDay?: boolean;
}

/**
 * Why an id's availability is unknown: the calendar does not share it with this account, or the
 * account is a personal Microsoft one, which can read only its own calendar (no getSchedule).
 */
export type UnknownReason = 'no-access' | 'personal-account';

/** Busy intervals per id; ids left out are unknown, with the reason when the provider knows it. */
export type BusyResult = Map<string, BusyInterval[]> & { reasons?: Map<string, UnknownReason> };

export interface AvailabilityProvider {
  /**
   * Busy intervals per requested id (Google: calendar id, usually the person's address;
   * Microsoft: the person's SMTP address). An id whose availability could not be read (no access,
   * unknown address) is ABSENT from the map, so "no busy time" and "unknown" never look alike.
   */
  busy(calendarIds: readonly string[], range: TimeRange): Promise<BusyResult>;
}

export interface EventPerson {
  email: string;
  name?: string;
}

export type ResponseStatus = 'accepted' | 'declined' | 'tentative' | 'needsAction' | 'organizer' | 'unknown';

export interface EventAttendee extends EventPerson {
  response: ResponseStatus;
  optional: boolean;
  resource: boolean;
}

export type ShowAs = 'busy' | 'free' | 'tentative' | 'oof' | 'workingElsewhere' | 'unknown';

/** One event, the same shape whichever provider it came from. */
export interface AgendaEvent {
  id: string;
  provider: ProviderKind;
  calendarId: string;
  /** May be empty: private events and untitled events exist. */
  title: string;
  /**
   * Timed events: ISO 8601 with offset in `timeZone` (e.g. 2026-03-10T10:00:00.000+01:00).
   * All-day events: the date only (2026-03-10); `end` is the day after the last day.
   */
  start: string;
  end: string;
  /** Epoch ms of start/end; for all-day events, midnight in `timeZone`. */
  startMs: number;
  endMs: number;
  allDay: boolean;
  /** IANA zone the start/end strings are expressed in. */
  timeZone: string;
  location?: string;
  joinUrl?: string;
  attendeeCount: number;
  attendees: EventAttendee[];
  myResponse: ResponseStatus;
  status: 'confirmed' | 'tentative' | 'cancelled';
  showAs: ShowAs;
  organizer?: EventPerson;
  htmlLink?: string;
  /**
   * An online meeting asked for but not there yet: Google `conferenceData.createRequest.status`
   * pending / failure; a Teams meeting whose join details Exchange has not filled in yet.
   */
  conference?: 'pending' | 'failed';
  /** An occurrence of a recurring series: the series' id (Google recurringEventId, Graph seriesMasterId). */
  seriesId?: string;
}

export interface NewEventAttendee extends EventPerson {
  optional?: boolean;
}

/** What to book. Built by `buildNewEvent` (booking.ts). */
export interface NewEvent {
  title: string;
  /** Plain text. */
  description: string;
  /** ISO instants (any offset). */
  start: string;
  end: string;
  /** IANA zone the organizer thinks in; the event is stored in it. */
  timeZone: string;
  location?: string;
  attendees: NewEventAttendee[];
  /** Ask the provider for a Meet / Teams link. */
  online: boolean;
}

export type EventPatch = Partial<Omit<NewEvent, 'online'>>;

/**
 * created: the link exists; pending: the provider is still making it (Google Meet may be async);
 * unavailable: asked for, but this calendar cannot make one (offer a Meet link, phone or place);
 * none: not asked for.
 */
export type OnlineMeetingOutcome = 'created' | 'pending' | 'unavailable' | 'none';

export interface CreatedEvent {
  event: AgendaEvent;
  onlineMeeting: OnlineMeetingOutcome;
  /** The provider already had this booking (an idempotent retry); nothing new was created. */
  alreadyExisted: boolean;
}

export interface CancelOptions {
  /** Sent to attendees with the cancellation where the provider supports it. */
  comment?: string;
}

export interface EventsProvider {
  list(calendarId: string, range: TimeRange): Promise<AgendaEvent[]>;
  /** One event as it is now (to see whether a pending meeting link exists yet). */
  get(calendarId: string, eventId: string): Promise<AgendaEvent>;
  create(calendarId: string, event: NewEvent, idempotencyKey: string): Promise<CreatedEvent>;
  update(calendarId: string, eventId: string, patch: EventPatch): Promise<AgendaEvent>;
  /** Cancelling an event that is already gone succeeds. */
  cancel(calendarId: string, eventId: string, options?: CancelOptions): Promise<void>;
}

export type OnlineMeetingKind = 'meet' | 'teams';

export interface CalendarInfo {
  id: string;
  provider: ProviderKind;
  name: string;
  primary: boolean;
  canEdit: boolean;
  /** Hex colour like #1a73e8, when the provider gives one. */
  color?: string;
  /** IANA zone, when the provider gives one (Google does, Graph calendars do not). */
  timeZone?: string;
  /** Address to use for free/busy of this calendar's owner, when known. */
  ownerEmail?: string;
  /** Online meetings this calendar can attach to a new event. */
  onlineMeetings: OnlineMeetingKind[];
}

export interface CalendarListProvider {
  calendars(): Promise<CalendarInfo[]>;
}

export type CalendarProvider = AvailabilityProvider & EventsProvider & CalendarListProvider;

export interface ProviderConfig {
  /**
   * Google: https://www.googleapis.com (sandbox http://127.0.0.1:PORT/google).
   * Microsoft: https://graph.microsoft.com/ (sandbox http://127.0.0.1:PORT/graph/).
   */
  baseUrl: string;
  /** A current access token; the auth module refreshes it. */
  getToken: () => Promise<string>;
  /** IANA zone agenda times are expressed in; defaults to the runtime's zone. */
  timeZone?: string;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}
