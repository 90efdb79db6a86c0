import type { calendar_v3 } from '@googleapis/calendar';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { seedCalendars } from './seed/calendars';
import { dayStart, graphZone, ianaZone, parseInstant } from './timezones';

export type GoogleEvent = calendar_v3.Schema$Event;
export type GraphEvent = MicrosoftGraph.Event;
export type Provider = 'google' | 'microsoft';

/** A Google calendar as the account sees it; `entry` is what calendarList returns for it. */
export interface GoogleCalendar {
  entry: calendar_v3.Schema$CalendarListEntry & { id: string; timeZone: string };
  /** Domain calendars the user never subscribed to still answer freeBusy, as in Workspace. */
  inCalendarList: boolean;
  events: GoogleEvent[];
}

export interface GraphCalendar {
  calendar: MicrosoftGraph.Calendar & { id: string };
  events: GraphEvent[];
}

/** One Exchange mailbox: the signed-in manager or a colleague reachable through getSchedule. */
export interface GraphMailbox {
  user: MicrosoftGraph.User & { id: string; mail: string; userPrincipalName: string };
  /** IANA zone of the mailbox settings; all-day events are days in this zone. */
  timeZone: string;
  workingHours: MicrosoftGraph.WorkingHours;
  calendars: GraphCalendar[];
  /**
   * Other people's calendars shared with this mailbox (with edit rights), listed in its
   * /calendars; their events stay in the owner's mailbox.
   */
  sharedWithMe?: { owner: string; calendarId: string }[];
}

export interface SeedData {
  google: GoogleCalendar[];
  microsoft: { meId: string; mailboxes: GraphMailbox[] };
}

export interface TokenRecord {
  provider: Provider;
  kind: 'access' | 'refresh';
  scope: string;
  clientId: string;
  /** On the sandbox clock (`state.now()`). */
  expiresAt: number;
  revoked: boolean;
  /** The redirect URI of the authorization that issued it (a SPA refresh token is redeemed from its origin). */
  redirectUri?: string;
  /** Microsoft: the id of the mailbox (user) that signed in; absent means the manager (`meId`). */
  user?: string;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  challenge: string;
  expiresAt: number;
  used: boolean;
  /** The mailbox id of the user who signed in. */
  user: string;
}

export interface FaultRule {
  id: number;
  method?: string;
  /** Regular expression matched against the URL path (no query). */
  path: string;
  status?: number;
  /** A documented error reason to answer with (Google `errors[].reason`, Graph `error.code`). */
  reason?: string;
  retryAfter?: number;
  delayMs?: number;
  /** Requests left before the rule expires. */
  times: number;
  dropAfterCommit?: boolean;
  hits: number;
}

/** An invitation/update mail the real service would have sent. */
export interface Notification {
  provider: Provider;
  calendarId: string;
  eventId: string;
  action: 'created' | 'updated' | 'cancelled';
  sendUpdates?: string;
  recipients: string[];
  /** The organizer's message with a Graph /cancel. */
  comment?: string;
}

export interface LogEntry {
  at: string;
  method: string;
  path: string;
  search: string;
  fault?: string;
}

export interface SandboxConfig {
  microsoftAccount: 'work' | 'personal';
  /** The fixed tokens stop working after an expire/revoke switch, until reset. */
  fixedTokensValid: boolean;
  /** 'deny' makes both sign-in pages answer as if the user refused consent. */
  signIn: 'allow' | 'deny';
  /**
   * Google granular consent: scopes (short names, e.g. "calendar.freebusy") the user leaves ticked;
   * the others asked for are not granted. Null: everything asked for is granted.
   */
  googleGrants: string[] | null;
  /**
   * 'pending': Meet and Teams links are made asynchronously, as the providers document they may
   * be: the created event has none yet and a later read of it does.
   */
  conferences: 'immediate' | 'pending';
  /**
   * The account the user picks at the NEXT interactive Microsoft sign-in (a mailbox address of the
   * demo tenant); used once, then back to null. Null: the account already signed in in that
   * browser, else the manager.
   */
  microsoftUser: string | null;
}

export const FIXED_TOKENS: Record<Provider, string> = {
  google: 'sandbox-google-token',
  microsoft: 'sandbox-microsoft-token',
};

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'expired';

export interface SandboxState {
  google: { calendars: GoogleCalendar[] };
  microsoft: SeedData['microsoft'];
  tokens: Map<string, TokenRecord>;
  codes: Map<string, AuthCode>;
  faults: FaultRule[];
  notifications: Notification[];
  requests: Record<string, number>;
  log: LogEntry[];
  config: SandboxConfig;
  /**
   * The identity platform's sign-in sessions in the browser (its session cookie, by id), each with
   * the mailbox id of the user signed in: made by an interactive authorization, what a
   * `prompt=none` authorization needs.
   */
  microsoftSessions: Map<string, string>;
  /**
   * Scopes the user consented to, per user and application (`consentKey(clientId, user)`), at an
   * interactive authorization.
   */
  microsoftConsents: Map<string, Set<string>>;
  /** How far the sandbox clock is ahead of the real one (ms); moved by POST /__sandbox/clock. */
  clockOffsetMs: number;
  /** Stores of the backup and team-sync APIs (drive, onedrive, gtasks, todo), each owned by its module. */
  clouds: Record<string, unknown>;
  /** The sandbox's time: what token lifetimes are judged by. */
  now(): number;
  /** Restores the seed; `now` anchors the seeded events (default: the real current time). */
  reset(now?: Date): void;
  snapshot(): SandboxSnapshot;
  countRequest(key: string): void;
  googleCalendar(id: string): GoogleCalendar | undefined;
  /** A mailbox by id, address or UPN; `me` is `meId` (the manager) unless `me` names another mailbox id. */
  mailbox(idOrAddress: string, me?: string): GraphMailbox | undefined;
  /**
   * The mailbox id of the Microsoft user an issued token belongs to; the manager (`meId`) for the
   * fixed test token and tokens of a sign-in that named no one else.
   */
  tokenUser(token: string | undefined): string;
  checkToken(provider: Provider, token: string | undefined): TokenCheck;
  /** Scopes granted to an issued access token; undefined for the fixed test tokens (all granted). */
  tokenScopes(provider: Provider, token: string | undefined): string[] | undefined;
  setMicrosoftAccount(kind: SandboxConfig['microsoftAccount']): void;
  /** 'expire': access tokens stop working, refresh tokens still do. 'revoke': both stop. */
  invalidateTokens(how: 'expire' | 'revoke'): void;
}

/** One event of any provider, flattened so tests can search "every event everywhere". */
export interface FlatEvent {
  provider: Provider;
  calendarId: string;
  /** Owner address of the calendar (Google calendar id or mailbox address). */
  owner: string;
  id: string;
  summary: string | null;
  subject?: string | null;
  start: string;
  end: string;
  allDay: boolean;
  status: string;
  /** free | tentative | busy | oof | workingElsewhere, as free/busy queries see it. */
  showAs: string;
  attendees: string[];
  location: string | null;
  onlineMeetingUrl: string | null;
  transactionId?: string | null;
}

export interface SandboxSnapshot {
  anchor: string;
  config: SandboxConfig;
  google: { calendars: (GoogleCalendar['entry'] & { inCalendarList: boolean; events: GoogleEvent[] })[] };
  microsoft: {
    me: string;
    users: (GraphMailbox['user'] & {
      timeZone: string;
      workingHours: MicrosoftGraph.WorkingHours;
      calendars: (GraphCalendar['calendar'] & { events: GraphEvent[] })[];
    })[];
  };
  events: FlatEvent[];
  notifications: Notification[];
  requests: Record<string, number>;
  log: LogEntry[];
  faults: FaultRule[];
  tokens: { issued: number; active: number };
  /** The sandbox clock: its offset from the real one and what it reads now. */
  clock: { offsetMs: number; now: string };
  clouds: Record<string, unknown>;
}

const LOG_LIMIT = 200;
const TEAMS: MicrosoftGraph.OnlineMeetingProviderType[] = ['teamsForBusiness'];

/** Instants covered by a Google event; a `date` is a whole day in the calendar's zone. */
export function googleEventSpan(event: GoogleEvent, calendarZone: string): { start: number; end: number } {
  const at = (value: calendar_v3.Schema$EventDateTime | undefined) =>
    value?.date
      ? dayStart(value.date, calendarZone)
      : parseInstant(value?.dateTime, ianaZone(value?.timeZone) ?? calendarZone);
  return { start: at(event.start), end: at(event.end) };
}

/** Instants covered by a Graph event; all-day events are days in the mailbox's zone. */
export function graphEventSpan(event: GraphEvent, mailboxZone: string): { start: number; end: number } {
  const at = (value: MicrosoftGraph.DateTimeTimeZone | null | undefined) =>
    event.isAllDay
      ? dayStart((value?.dateTime ?? '').slice(0, 10), mailboxZone)
      : parseInstant(value?.dateTime, graphZone(value?.timeZone) ?? 'UTC');
  return { start: at(event.start), end: at(event.end) };
}

/** What Google's free/busy makes of an event for the calendar's owner. */
export function googleShowAs(event: GoogleEvent, owner: string): string {
  if (event.status === 'cancelled' || event.transparency === 'transparent') return 'free';
  const self = event.attendees?.find((a) => a.self || a.email === owner);
  if (self?.responseStatus === 'declined') return 'free';
  return event.eventType === 'outOfOffice' ? 'oof' : 'busy';
}

export function createState(): SandboxState {
  let anchor = new Date();
  const state: SandboxState = {
    google: { calendars: [] },
    microsoft: { meId: '', mailboxes: [] },
    tokens: new Map(),
    codes: new Map(),
    faults: [],
    notifications: [],
    requests: {},
    log: [],
    clouds: {},
    config: {
      microsoftAccount: 'work',
      fixedTokensValid: true,
      signIn: 'allow',
      conferences: 'immediate',
      googleGrants: null,
      microsoftUser: null,
    },
    microsoftSessions: new Map(),
    microsoftConsents: new Map(),
    clockOffsetMs: 0,
    now: () => Date.now() + state.clockOffsetMs,

    reset(now = new Date()) {
      anchor = now;
      const seed = seedCalendars(now);
      state.google = { calendars: seed.google };
      state.microsoft = seed.microsoft;
      state.tokens.clear();
      state.codes.clear();
      state.microsoftSessions.clear();
      state.microsoftConsents.clear();
      state.clockOffsetMs = 0;
      state.faults = [];
      state.notifications = [];
      state.requests = {};
      state.log = [];
      state.clouds = {};
      state.config = {
        microsoftAccount: 'work',
        fixedTokensValid: true,
        signIn: 'allow',
        conferences: 'immediate',
        googleGrants: null,
        microsoftUser: null,
      };
    },

    snapshot: () => buildSnapshot(state, anchor),

    countRequest(key) {
      state.requests[key] = (state.requests[key] ?? 0) + 1;
    },

    googleCalendar(id) {
      if (id === 'primary') return state.google.calendars.find((c) => c.entry.primary);
      return state.google.calendars.find((c) => c.entry.id.toLowerCase() === id.toLowerCase());
    },

    mailbox(idOrAddress, me) {
      const key = (idOrAddress === 'me' ? (me ?? state.microsoft.meId) : idOrAddress).toLowerCase();
      return state.microsoft.mailboxes.find(
        ({ user }) =>
          user.id.toLowerCase() === key ||
          user.mail.toLowerCase() === key ||
          user.userPrincipalName.toLowerCase() === key,
      );
    },

    tokenUser(token) {
      const record = token ? state.tokens.get(token) : undefined;
      return (record?.provider === 'microsoft' && record.user) || state.microsoft.meId;
    },

    checkToken(provider, token) {
      if (!token) return 'missing';
      if (token === FIXED_TOKENS[provider]) return state.config.fixedTokensValid ? 'ok' : 'expired';
      const record = state.tokens.get(token);
      if (!record || record.provider !== provider || record.kind !== 'access') return 'invalid';
      if (record.revoked) return 'invalid';
      return record.expiresAt > state.now() ? 'ok' : 'expired';
    },

    tokenScopes(provider, token) {
      const record = token ? state.tokens.get(token) : undefined;
      if (!record || record.provider !== provider) return undefined;
      return record.scope.split(/\s+/).filter(Boolean);
    },

    setMicrosoftAccount(kind) {
      state.config.microsoftAccount = kind;
      // Personal Microsoft accounts cannot create Teams meetings through Graph.
      const me = state.mailbox('me');
      for (const { calendar } of me?.calendars ?? []) {
        if (calendar.canEdit === false) continue;
        calendar.allowedOnlineMeetingProviders = kind === 'work' ? [...TEAMS] : [];
        calendar.defaultOnlineMeetingProvider = kind === 'work' ? 'teamsForBusiness' : 'unknown';
      }
    },

    invalidateTokens(how) {
      state.config.fixedTokensValid = false;
      for (const record of state.tokens.values()) {
        if (record.kind === 'access') record.expiresAt = Math.min(record.expiresAt, state.now() - 1);
        else if (how === 'revoke') record.revoked = true;
      }
    },
  };
  state.reset();
  return state;
}

export function appendLog(state: SandboxState, entry: LogEntry): void {
  state.log.push(entry);
  if (state.log.length > LOG_LIMIT) state.log.splice(0, state.log.length - LOG_LIMIT);
}

function buildSnapshot(state: SandboxState, anchor: Date): SandboxSnapshot {
  const activeTokens = [...state.tokens.values()].filter((t) => !t.revoked && t.expiresAt > state.now());
  return {
    anchor: anchor.toISOString(),
    config: { ...state.config },
    google: {
      calendars: state.google.calendars.map((c) => ({
        ...c.entry,
        inCalendarList: c.inCalendarList,
        events: c.events,
      })),
    },
    microsoft: {
      me: state.microsoft.meId,
      users: state.microsoft.mailboxes.map((m) => ({
        ...m.user,
        timeZone: m.timeZone,
        workingHours: m.workingHours,
        calendars: m.calendars.map((c) => ({ ...c.calendar, events: c.events })),
      })),
    },
    events: flatEvents(state),
    notifications: state.notifications,
    requests: { ...state.requests },
    log: state.log,
    faults: state.faults,
    tokens: { issued: state.tokens.size, active: activeTokens.length },
    clouds: state.clouds,
    clock: { offsetMs: state.clockOffsetMs, now: new Date(state.now()).toISOString() },
  };
}

function flatEvents(state: SandboxState): FlatEvent[] {
  const google = state.google.calendars.flatMap((c) =>
    c.events.map((event) => flatGoogle(event, c.entry.id, c.entry.timeZone)),
  );
  const microsoft = state.microsoft.mailboxes.flatMap((m) =>
    m.calendars.flatMap((c) => c.events.map((event) => flatGraph(event, c.calendar.id, m))),
  );
  return [...google, ...microsoft];
}

function flatGoogle(event: GoogleEvent, calendarId: string, zone: string): FlatEvent {
  const span = googleEventSpan(event, zone);
  return {
    provider: 'google',
    calendarId,
    owner: calendarId,
    id: event.id ?? '',
    summary: event.summary ?? null,
    start: new Date(span.start).toISOString(),
    end: new Date(span.end).toISOString(),
    allDay: Boolean(event.start?.date),
    status: event.status ?? 'confirmed',
    showAs: googleShowAs(event, calendarId),
    attendees: (event.attendees ?? []).map((a) => a.email ?? ''),
    location: event.location ?? null,
    onlineMeetingUrl: event.hangoutLink ?? null,
  };
}

function flatGraph(event: GraphEvent, calendarId: string, mailbox: GraphMailbox): FlatEvent {
  const span = graphEventSpan(event, mailbox.timeZone);
  return {
    provider: 'microsoft',
    calendarId,
    owner: mailbox.user.mail,
    id: event.id ?? '',
    summary: event.subject ?? null,
    subject: event.subject ?? null,
    start: new Date(span.start).toISOString(),
    end: new Date(span.end).toISOString(),
    allDay: Boolean(event.isAllDay),
    status: event.isCancelled ? 'cancelled' : 'confirmed',
    showAs: event.showAs ?? 'busy',
    attendees: (event.attendees ?? []).map((a) => a.emailAddress?.address ?? ''),
    location: event.location?.displayName ?? null,
    onlineMeetingUrl: event.onlineMeeting?.joinUrl ?? null,
    transactionId: event.transactionId ?? null,
  };
}
