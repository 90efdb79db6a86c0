// One error type for both providers, classified by the documented reason, so the outbox decides
// from `kind` alone and the user reads what actually happened:
// - auth: the sign-in is no longer valid → reconnect (waits);
// - scope: signed in, but a permission was not granted at consent → grant exactly that (waits);
// - forbidden: the provider refuses this action for this user; retrying or reconnecting cannot
//   help → permanent, with the provider's reason;
// - rate-limit / server / network: try again later (backoff).
// Google: developers.google.com/workspace/calendar/api/guides/errors ("Handle API errors").
// Graph: learn.microsoft.com/graph/errors ("Microsoft Graph error responses and resource types").
import type { MessageKey } from '../i18n';

export type CalendarErrorKind =
  | 'auth'
  | 'scope'
  | 'forbidden'
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'not-found'
  | 'conflict'
  | 'bad-request';

export interface CalendarErrorOptions {
  status?: number;
  retryAfterMs?: number;
  /** The provider's reason code (Google `errors[].reason`, Graph `error.code`). */
  reason?: string;
  /** Graph ErrorDuplicateTransactionId: the event an earlier request created. */
  existingEventId?: string;
  /** Scopes to ask for again (kind 'scope'). */
  missingScopes?: string[];
}

export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly kind: CalendarErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly reason?: string;
  readonly existingEventId?: string;
  readonly missingScopes?: string[];

  constructor(kind: CalendarErrorKind, message: string, options: CalendarErrorOptions = {}) {
    super(message);
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.existingEventId !== undefined) this.existingEventId = options.existingEventId;
    if (options.missingScopes !== undefined) this.missingScopes = options.missingScopes;
  }
}

export function isCalendarError(value: unknown): value is CalendarError {
  return value instanceof CalendarError;
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

// Google "Handle API errors": usage limits are 403 (or 429) with these reasons; the suggested action
// is exponential backoff, never re-authorising. dailyLimitExceeded is the per-day quota.
const GOOGLE_RATE_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'quotaExceeded',
  'dailyLimitExceeded',
]);
// Reasons that name an action this user may not take; the same request will always be refused.
// forbiddenForNonOrganizer: "Shared properties can only be changed by the organizer of the event";
// requiredAccessLevel: "You need to have writer access to this calendar".
const GOOGLE_FORBIDDEN_REASONS = new Set([
  'forbiddenForNonOrganizer',
  'requiredAccessLevel',
  'forbidden',
  'domainPolicy',
  'cannotChangeOrganizer',
  'malformedWorkingLocationEvent',
]);
// A token that lacks a scope: Google "insufficientPermissions" / ACCESS_TOKEN_SCOPE_INSUFFICIENT
// ("Request had insufficient authentication scopes"), the answer after a partial consent.
const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT']);
// Graph 403s: the mailbox refuses this user (no edit right on a calendar, a policy); not the
// sign-in. Learn "Microsoft Graph error responses": ErrorAccessDenied, Authorization_RequestDenied.
const GRAPH_FORBIDDEN_CODES = new Set([
  'ErrorAccessDenied',
  'Authorization_RequestDenied',
  'accessDenied',
  'ErrorFolderNotFound',
  'ErrorSendAsDenied',
]);

interface ErrorBody {
  reasons: string[];
  message?: string;
  existingEventId?: string;
}

function readBody(body: unknown): ErrorBody {
  const out: ErrorBody = { reasons: [] };
  if (typeof body !== 'object' || body === null) return out;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return out;
  const e = error as Record<string, unknown>;
  if (Array.isArray(e.errors)) {
    for (const item of e.errors) {
      const reason = (item as { reason?: unknown } | null)?.reason;
      if (typeof reason === 'string') out.reasons.push(reason);
    }
  }
  // Google's newer shape also carries google.rpc.ErrorInfo details with a reason.
  if (Array.isArray(e.details)) {
    for (const item of e.details) {
      const reason = (item as { reason?: unknown } | null)?.reason;
      if (typeof reason === 'string') out.reasons.push(reason);
    }
  }
  if (typeof e.code === 'string') out.reasons.push(e.code);
  if (typeof e.message === 'string') out.message = e.message;
  const existing = e['@event.existingEventId'];
  if (typeof existing === 'string' && existing) out.existingEventId = existing;
  return out;
}

/** Maps an HTTP failure (status, headers, parsed JSON body if any) to a CalendarError. */
export function errorFromHttp(
  status: number,
  headers: { get(name: string): string | null } | undefined,
  body: unknown,
  now: number = Date.now(),
): CalendarError {
  const retryAfterMs = parseRetryAfter(headers?.get('Retry-After'), now);
  const parsed = readBody(body);
  const detail = parsed.message ?? `HTTP ${status}`;
  const reason = parsed.reasons[0];
  const opts: CalendarErrorOptions = { status };
  if (retryAfterMs !== undefined) opts.retryAfterMs = retryAfterMs;
  const has = (set: Set<string>) => parsed.reasons.find((r) => set.has(r));

  if (parsed.reasons.includes('ErrorDuplicateTransactionId')) {
    const dup: CalendarErrorOptions = { ...opts, reason: 'ErrorDuplicateTransactionId' };
    if (parsed.existingEventId) dup.existingEventId = parsed.existingEventId;
    return new CalendarError('conflict', detail, dup);
  }
  if (status === 429)
    return new CalendarError('rate-limit', detail, { ...opts, ...(reason ? { reason } : {}) });
  if (status === 403 || status === 401) {
    const rate = has(GOOGLE_RATE_REASONS);
    if (rate) return new CalendarError('rate-limit', detail, { ...opts, reason: rate });
    const scope = has(SCOPE_REASONS);
    if (scope) return new CalendarError('scope', detail, { ...opts, reason: scope });
    const forbidden = has(GOOGLE_FORBIDDEN_REASONS) ?? has(GRAPH_FORBIDDEN_CODES);
    if (status === 403 && forbidden)
      return new CalendarError('forbidden', detail, { ...opts, reason: forbidden });
    return new CalendarError('auth', detail, { ...opts, ...(reason ? { reason } : {}) });
  }
  const withReason = reason ? { ...opts, reason } : opts;
  if (status === 404 || status === 410) return new CalendarError('not-found', detail, withReason);
  if (status === 409 || status === 412) return new CalendarError('conflict', detail, withReason);
  if (status >= 500) return new CalendarError('server', detail, withReason);
  return new CalendarError('bad-request', detail, withReason);
}

/** fetch rejects (TypeError) when the request never got a response: offline, DNS, CORS, abort. */
export function errorFromThrown(error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CalendarError('network', message || 'Network error');
}

/** An i18n message key and its substitutions: what the user is told about a calendar error. */
export interface ErrorMessage {
  key: MessageKey;
  args: string[];
}

/**
 * What to tell the user, one message per documented cause. The provider's own text is kept in
 * the messages that need it (a permanent refusal), so support can look the reason up.
 */
export function errorMessage(error: unknown): ErrorMessage {
  if (!isCalendarError(error)) {
    return { key: 'calendarErrorOther', args: [error instanceof Error ? error.message : String(error)] };
  }
  switch (error.kind) {
    case 'auth':
      return { key: 'calendarErrorReconnect', args: [] };
    case 'scope':
      return { key: 'calendarErrorScope', args: [(error.missingScopes ?? []).join(', ')] };
    case 'forbidden':
      if (error.reason === 'forbiddenForNonOrganizer') return { key: 'calendarErrorNotOrganizer', args: [] };
      if (error.reason === 'requiredAccessLevel') return { key: 'calendarErrorNoWriteAccess', args: [] };
      return {
        key: 'calendarErrorForbidden',
        args: [error.reason ?? String(error.status ?? ''), error.message],
      };
    case 'rate-limit':
      return {
        key: error.reason === 'dailyLimitExceeded' ? 'calendarErrorDailyLimit' : 'calendarErrorRateLimit',
        args: [],
      };
    case 'server':
      return { key: 'calendarErrorServer', args: [] };
    case 'network':
      return { key: 'calendarErrorNetwork', args: [] };
    case 'not-found':
      return { key: 'calendarErrorNotFound', args: [] };
    case 'conflict':
      return { key: 'calendarErrorConflict', args: [error.message] };
    case 'bad-request':
      if (error.reason === 'TimeZoneNotSupportedException')
        return { key: 'calendarErrorZone', args: [error.message] };
      return {
        key: 'calendarErrorRefused',
        args: [error.reason ?? String(error.status ?? ''), error.message],
      };
  }
}

const OUTBOX_TAG = 'calendar-error:';

/**
 * The same error with a message the outbox can store and the UI can turn back into the user's
 * message in the UI language (the background does not know the language the panel shows).
 */
export function forOutbox(error: unknown): unknown {
  if (!isCalendarError(error)) return error;
  const text = `${OUTBOX_TAG}${JSON.stringify({ ...errorMessage(error), detail: error.message })}`;
  const options: CalendarErrorOptions = {};
  if (error.status !== undefined) options.status = error.status;
  if (error.retryAfterMs !== undefined) options.retryAfterMs = error.retryAfterMs;
  if (error.reason !== undefined) options.reason = error.reason;
  if (error.existingEventId !== undefined) options.existingEventId = error.existingEventId;
  if (error.missingScopes !== undefined) options.missingScopes = error.missingScopes;
  return new CalendarError(error.kind, text, options);
}

/** The user message stored by `forOutbox`, or null for any other text. */
export function fromOutbox(text: string | null | undefined): ErrorMessage | null {
  if (!text?.startsWith(OUTBOX_TAG)) return null;
  try {
    const parsed = JSON.parse(text.slice(OUTBOX_TAG.length)) as Partial<ErrorMessage>;
    if (typeof parsed.key !== 'string' || !Array.isArray(parsed.args)) return null;
    return { key: parsed.key as MessageKey, args: parsed.args.map(String) };
  } catch {
    return null;
  }
}
