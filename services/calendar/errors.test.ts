import { describe, expect, it } from 'vitest';
import { CalendarError, errorFromHttp, errorFromThrown, parseRetryAfter } from './errors';

const headers = (h: Record<string, string>) => new Headers(h);

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
    expect(errorFromHttp(403, undefined, { error: { code: 'ErrorAccessDenied', message: 'no' } }).kind).toBe(
      'auth',
    );
    expect(errorFromHttp(404, undefined, undefined).kind).toBe('not-found');
    expect(errorFromHttp(410, undefined, undefined).kind).toBe('not-found');
    expect(errorFromHttp(409, undefined, undefined).kind).toBe('conflict');
    expect(errorFromHttp(400, undefined, undefined).kind).toBe('bad-request');
    expect(errorFromHttp(503, undefined, undefined).kind).toBe('server');
  });

  it('maps 429 with Retry-After, and Google 403 quota reasons, to rate-limit', () => {
    const e = errorFromHttp(429, headers({ 'Retry-After': '7' }), undefined);
    expect(e).toBeInstanceOf(CalendarError);
    expect(e).toMatchObject({ kind: 'rate-limit', status: 429, retryAfterMs: 7000 });
    const google = errorFromHttp(403, undefined, {
      error: { code: 403, message: 'Rate Limit Exceeded', errors: [{ reason: 'rateLimitExceeded' }] },
    });
    expect(google.kind).toBe('rate-limit');
    expect(google.message).toBe('Rate Limit Exceeded');
  });

  it('maps a thrown fetch TypeError to network', () => {
    expect(errorFromThrown(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'network' });
  });
});
