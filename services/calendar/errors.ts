// One error type for both providers, so the outbox decides retries from `kind` alone.

export type CalendarErrorKind =
  'auth' | 'rate-limit' | 'server' | 'network' | 'not-found' | 'conflict' | 'bad-request';

export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly kind: CalendarErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    kind: CalendarErrorKind,
    message: string,
    options: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
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

// Google reports quota exhaustion as 403 with these reasons; retrying later helps, re-auth does not.
const GOOGLE_RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

function reasonsIn(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return [];
  const out: string[] = [];
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) {
    for (const e of errors) {
      const reason = (e as { reason?: unknown } | null)?.reason;
      if (typeof reason === 'string') out.push(reason);
    }
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out.push(code);
  return out;
}

function messageIn(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return undefined;
}

/** Maps an HTTP failure (status, headers, parsed JSON body if any) to a CalendarError. */
export function errorFromHttp(
  status: number,
  headers: { get(name: string): string | null } | undefined,
  body: unknown,
  now: number = Date.now(),
): CalendarError {
  const retryAfterMs = parseRetryAfter(headers?.get('Retry-After'), now);
  const detail = messageIn(body) ?? `HTTP ${status}`;
  const opts = retryAfterMs === undefined ? { status } : { status, retryAfterMs };
  if (status === 429) return new CalendarError('rate-limit', detail, opts);
  if (status === 403 && reasonsIn(body).some((r) => GOOGLE_RATE_REASONS.has(r))) {
    return new CalendarError('rate-limit', detail, opts);
  }
  if (status === 401 || status === 403) return new CalendarError('auth', detail, opts);
  if (status === 404 || status === 410) return new CalendarError('not-found', detail, opts);
  if (status === 409 || status === 412) return new CalendarError('conflict', detail, opts);
  if (status >= 500) return new CalendarError('server', detail, opts);
  return new CalendarError('bad-request', detail, opts);
}

/** fetch rejects (TypeError) when the request never got a response: offline, DNS, CORS, abort. */
export function errorFromThrown(error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CalendarError('network', message || 'Network error');
}
