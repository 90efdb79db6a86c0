// @vitest-environment node
// Issue 13: reading another user's calendar that is no longer shared is a refusal for that calendar
// (Graph 403 ErrorAccessDenied), not a dead sign-in: the account stays connected, the token is kept,
// and the user is told what was refused, never "reconnect".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSandbox } from '../sandbox/testing';
import { accountAddress, calendarProvider } from './accounts';
import { rememberAccount } from './auth/flows';
import { GOOGLE_MANAGER, MS_MANAGER } from '../sandbox/seed/calendars';
import { accessTokens, connected } from './auth/tokens';
import { errorMessage, type CalendarError } from './calendar/errors';
import { GOOGLE_API_BASE, GRAPH_API_BASE } from './config';

const sandbox = useSandbox();
const realFetch = globalThis.fetch;
const ANA_CALENDAR = 'AAMkAGFuYWdhcmNpYWNhbGVuZGFy';
const WEEK = { start: Date.parse('2026-03-02T00:00:00Z'), end: Date.parse('2026-03-09T00:00:00Z') };

beforeEach(async () => {
  fakeBrowser.reset();
  await connected.setValue({ google: null, microsoft: { account: null, at: Date.now() } });
  await accessTokens.microsoft.setValue({
    accessToken: 'sandbox-microsoft-token',
    expiresAt: Date.now() + 3_600_000,
    scope: 'Calendars.ReadWrite Calendars.ReadWrite.Shared User.Read offline_access',
    account: null,
  });
  // Graph at the sandbox.
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const target = url.replace(GRAPH_API_BASE, `${sandbox.origin()}/graph/`);
    return input instanceof Request ? realFetch(new Request(target, input), init) : realFetch(target, init);
  });
});
afterEach(() => vi.unstubAllGlobals());

describe("a colleague's calendar", () => {
  it('is read from its owner while shared; once unshared it is refused, never "reconnect"', async () => {
    const provider = calendarProvider('microsoft', 'Europe/Madrid');
    const shared = (await provider.calendars()).find((c) => c.id === ANA_CALENDAR);
    expect(shared?.ownerEmail).toMatch(/^ana\.garcia@/);
    expect((await provider.list(ANA_CALENDAR, WEEK)).length).toBeGreaterThan(0);

    await sandbox.admin('config', 'POST', { microsoftShares: 'withdrawn' });
    const error = (await provider.list(ANA_CALENDAR, WEEK).catch((e: unknown) => e)) as CalendarError;
    expect(error).toMatchObject({ kind: 'forbidden', reason: 'ErrorAccessDenied', status: 403 });
    expect(errorMessage(error).key).not.toBe('calendarErrorReconnect');
    // The sign-in is untouched: same token, still connected.
    expect((await accessTokens.microsoft.getValue())?.accessToken).toBe('sandbox-microsoft-token');
    expect((await connected.getValue()).microsoft).not.toBeNull();
  });
});

describe('which account was connected', () => {
  it("is the primary calendar's owner on both providers, and Options is told", async () => {
    await connected.setValue({
      google: { account: null, at: 1 },
      microsoft: { account: null, at: 1 },
    });
    await accessTokens.google.setValue({
      accessToken: 'sandbox-google-token',
      expiresAt: Date.now() + 3_600_000,
      scope: 'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
      account: null,
    });
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      const target = url
        .replace(GRAPH_API_BASE, `${sandbox.origin()}/graph/`)
        .replace(GOOGLE_API_BASE, `${sandbox.origin()}/google`);
      return input instanceof Request ? realFetch(new Request(target, input), init) : realFetch(target, init);
    });
    expect(await accountAddress('google')).toBe(GOOGLE_MANAGER);
    expect(await accountAddress('microsoft')).toBe(MS_MANAGER);

    await rememberAccount('microsoft', MS_MANAGER);
    expect((await connected.getValue()).microsoft).toEqual({ account: MS_MANAGER, at: 1 });
    expect((await accessTokens.microsoft.getValue())?.account).toBe(MS_MANAGER);
  });
});
