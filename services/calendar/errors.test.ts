import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  errorFromHttp,
  errorFromThrown,
  errorMessage,
  forOutbox,
  fromOutbox,
  parseRetryAfter,
} from './errors';

const headers = (h: Record<string, string>) => new Headers(h);
const google = (status: number, reason: string, message = reason) => ({
  error: { code: status, message, errors: [{ domain: 'calendar', reason, message }] },
});
const graph = (code: string, message = code, extra: Record<string, unknown> = {}) => ({
  error: { code, message, ...extra },
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-10T09:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 10 Mar 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 10 Mar 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('errorFromHttp', () => {
  it('maps statuses to kinds', () => {
    expect(errorFromHttp(401, undefined, undefined).kind).toBe('auth');
    expect(errorFromHttp(403, undefined, undefined).kind).toBe('auth');
    expect(errorFromHttp(404, undefined, undefined).kind).toBe('not-found');
    expect(errorFromHttp(410, undefined, undefined).kind).toBe('not-found');
    expect(errorFromHttp(409, undefined, undefined).kind).toBe('conflict');
    expect(errorFromHttp(400, undefined, undefined).kind).toBe('bad-request');
    expect(errorFromHttp(503, undefined, undefined).kind).toBe('server');
  });

  it('maps 429 with Retry-After, and Google 403 usage-limit reasons (daily included), to rate-limit', () => {
    const e = errorFromHttp(429, headers({ 'Retry-After': '7' }), undefined);
    expect(e).toBeInstanceOf(CalendarError);
    expect(e).toMatchObject({ kind: 'rate-limit', status: 429, retryAfterMs: 7000 });
    for (const reason of [
      'rateLimitExceeded',
      'userRateLimitExceeded',
      'quotaExceeded',
      'dailyLimitExceeded',
    ]) {
      expect(errorFromHttp(403, undefined, google(403, reason, 'Rate Limit Exceeded'))).toMatchObject({
        kind: 'rate-limit',
        reason,
        message: 'Rate Limit Exceeded',
      });
    }
  });

  it('keeps refusals that reconnecting cannot fix apart from sign-in failures', () => {
    expect(errorFromHttp(403, undefined, google(403, 'forbiddenForNonOrganizer'))).toMatchObject({
      kind: 'forbidden',
      reason: 'forbiddenForNonOrganizer',
    });
    expect(errorFromHttp(403, undefined, google(403, 'requiredAccessLevel'))).toMatchObject({
      kind: 'forbidden',
      reason: 'requiredAccessLevel',
    });
    expect(errorFromHttp(403, undefined, graph('ErrorAccessDenied', 'Access is denied.'))).toMatchObject({
      kind: 'forbidden',
      reason: 'ErrorAccessDenied',
    });
    expect(errorFromHttp(403, undefined, google(403, 'insufficientPermissions'))).toMatchObject({
      kind: 'scope',
    });
    expect(
      errorFromHttp(403, undefined, {
        error: {
          code: 403,
          status: 'PERMISSION_DENIED',
          details: [{ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }],
        },
      }).kind,
    ).toBe('scope');
    expect(errorFromHttp(401, undefined, graph('InvalidAuthenticationToken')).kind).toBe('auth');
  });

  it('reads the existing event of a Graph ErrorDuplicateTransactionId (400 or 409)', () => {
    for (const status of [400, 409]) {
      expect(
        errorFromHttp(
          status,
          undefined,
          graph('ErrorDuplicateTransactionId', 'dup', { '@event.existingEventId': 'AAMk1' }),
        ),
      ).toMatchObject({ kind: 'conflict', reason: 'ErrorDuplicateTransactionId', existingEventId: 'AAMk1' });
    }
  });

  it('keeps the provider reason of other failures', () => {
    expect(errorFromHttp(400, undefined, graph('TimeZoneNotSupportedException'))).toMatchObject({
      kind: 'bad-request',
      reason: 'TimeZoneNotSupportedException',
    });
  });

  it('maps a thrown fetch TypeError to network', () => {
    expect(errorFromThrown(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'network' });
  });
});

describe('errorMessage', () => {
  const key = (status: number, body: unknown) => errorMessage(errorFromHttp(status, undefined, body)).key;
  it('gives each documented cause its own message', () => {
    expect(key(401, undefined)).toBe('calendarErrorReconnect');
    expect(key(403, google(403, 'insufficientPermissions'))).toBe('calendarErrorScope');
    expect(key(403, google(403, 'forbiddenForNonOrganizer'))).toBe('calendarErrorNotOrganizer');
    expect(key(403, google(403, 'requiredAccessLevel'))).toBe('calendarErrorNoWriteAccess');
    expect(key(403, google(403, 'dailyLimitExceeded'))).toBe('calendarErrorDailyLimit');
    expect(key(403, google(403, 'rateLimitExceeded'))).toBe('calendarErrorRateLimit');
    expect(key(503, undefined)).toBe('calendarErrorServer');
    expect(key(400, graph('TimeZoneNotSupportedException'))).toBe('calendarErrorZone');
    expect(errorMessage(errorFromThrown(new TypeError('x'))).key).toBe('calendarErrorNetwork');
  });

  it('passes the provider reason and text for a permanent refusal, and the missing scopes', () => {
    expect(
      errorMessage(errorFromHttp(403, undefined, graph('ErrorAccessDenied', 'Access is denied.'))),
    ).toEqual({
      key: 'calendarErrorForbidden',
      args: ['ErrorAccessDenied', 'Access is denied.'],
    });
    const scope = new CalendarError('scope', 'x', {
      missingScopes: ['calendar.events', 'calendar.freebusy'],
    });
    expect(errorMessage(scope)).toEqual({
      key: 'calendarErrorScope',
      args: ['calendar.events, calendar.freebusy'],
    });
  });
});

describe('outbox error text', () => {
  it('keeps kind and timing for the outbox and the user message for the panel', () => {
    const original = errorFromHttp(
      403,
      new Headers({ 'Retry-After': '9' }),
      google(403, 'dailyLimitExceeded'),
    );
    const stored = forOutbox(original) as CalendarError;
    expect(stored).toMatchObject({ kind: 'rate-limit', retryAfterMs: 9000, reason: 'dailyLimitExceeded' });
    expect(fromOutbox(stored.message)).toEqual({ key: 'calendarErrorDailyLimit', args: [] });
    expect(fromOutbox('HTTP 500')).toBeNull();
    expect(fromOutbox(null)).toBeNull();
    const plain = new Error('x');
    expect(forOutbox(plain)).toBe(plain);
  });
});
