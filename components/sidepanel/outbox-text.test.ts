import { beforeEach, describe, expect, it } from 'vitest';
import { outboxText } from './outbox-text';
import { errorFromHttp, forOutbox } from '../../services/calendar/errors';
import { setLocale } from '../../services/i18n';

/** What the outbox stores for a calendar error (the same path the background takes). */
const stored = (status: number, body: unknown) =>
  (forOutbox(errorFromHttp(status, undefined, body)) as Error).message;
const UNAUTHENTICATED = {
  error: { code: 401, message: 'Invalid Credentials', errors: [{ reason: 'authError' }] },
};
const SERVER = { error: { code: 503, message: 'Backend Error', errors: [{ reason: 'backendError' }] } };

beforeEach(() => setLocale('en'));

describe('why a booking has not gone out yet', () => {
  it('says "retrying" only while it is retrying; a failed write asks for Retry', () => {
    const pending = outboxText({ status: 'pending', lastError: stored(503, SERVER), waiting: null })!;
    const failed = outboxText({ status: 'failed', lastError: stored(503, SERVER), waiting: null })!;
    expect(pending).toMatch(/Retrying automatically/);
    expect(failed).not.toMatch(/Retrying automatically/);
    expect(failed).toMatch(/^Not sent: .*Retry when ready\.$/);
    // The calendar's documented cause, never the storage tag.
    for (const text of [pending, failed]) expect(text).not.toContain('calendar-error:');
  });

  it('waiting for a sign-in says what it waits for and keeps the cause', () => {
    const text = outboxText({
      status: 'pending',
      lastError: stored(401, UNAUTHENTICATED),
      waiting: { reason: 'sign-in', since: 0, tries: 2 },
    })!;
    expect(text).toMatch(/sign-in has expired/);
    expect(text).toMatch(/once the account is reconnected/);
  });

  it('no network: no raw browser error, it goes out when the connection is back', () => {
    const text = outboxText({
      status: 'pending',
      lastError: 'TypeError: Failed to fetch',
      waiting: { reason: 'network', since: 0, tries: 1 },
    })!;
    expect(text).not.toContain('Failed to fetch');
    expect(text).toMatch(/connection is back/);
  });

  it("the outbox's own bookkeeping reads as words, in Spanish too", () => {
    setLocale('es');
    const text = outboxText({ status: 'failed', lastError: 'Stopped mid-way 3 times', waiting: null })!;
    expect(text).not.toContain('Stopped mid-way');
    expect(text).toMatch(/^No enviado: el navegador lo detuvo/);
  });

  it('nothing to say for a done write or one not tried yet', () => {
    expect(outboxText({ status: 'done', lastError: 'old', waiting: null })).toBeNull();
    expect(outboxText({ status: 'pending', lastError: null, waiting: null })).toBeNull();
  });
});
