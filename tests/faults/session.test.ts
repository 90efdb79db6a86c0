// @vitest-environment node
// Issue 13: a Microsoft session crossing its 24 h cliff. The sandbox's sign-in follows the identity
// platform: refresh tokens for a single-page-app redirect end 24 h after sign-in, rotated ones
// included (AADSTS700084). The product renews silently (prompt=none, no window) before and after the
// end, a passing token-endpoint failure keeps the refresh token, and a booking queued meanwhile goes
// out once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSandbox } from '../../sandbox/testing';
import { createProvider } from '../../services/calendar/provider';
import { buildNewEvent } from '../../services/calendar/booking';
import { db } from '../../services/db/db';
import { processOutbox, type OutboxHandler } from '../../services/outbox/outbox';
import { bookingHandlers, queueBooking } from '../../services/scheduling/bookings';
import { connect, getAccessToken, MICROSOFT_SESSION_MS } from '../../services/auth/flows';
import { clientIdOverrides } from '../../services/auth/clients';
import { microsoftRefreshToken, microsoftSessionEnds, reconnectNeeded } from '../../services/auth/tokens';
import { MICROSOFT_AUTHORITY } from '../../services/config';

const sandbox = useSandbox();
const zone = 'Europe/Madrid';
const TITLE = 'Across the 24 h cliff';
const HOUR = 3_600_000;
const REDIRECT = 'https://extid.chromiumapp.org/';
const realFetch = globalThis.fetch;

/** One clock for the product and the sandbox (they share this process). */
let clock = 0;
/** Every authorization the product launched: prompt and interactive flag. */
let flows: { prompt: string | null; interactive: boolean }[] = [];
/** The browser's cookie for the sign-in site: its Microsoft session, which prompt=none rides on. */
let signInCookie: string | undefined;

const toSandbox = (url: string) => url.replace(MICROSOFT_AUTHORITY, `${sandbox.origin()}/oauth/microsoft`);

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
  clock = Date.parse('2026-03-02T07:00:00Z');
  vi.spyOn(Date, 'now').mockImplementation(() => clock);
  await clientIdOverrides.setValue({ google: '', microsoft: 'sandbox-microsoft-client' });
  flows = [];
  signInCookie = undefined;
  (browser as unknown as { identity: unknown }).identity = {
    getRedirectURL: () => REDIRECT,
    // What Chrome does with the authorize URL: loads it (with the profile's cookies) and hands back
    // the redirect it ends on.
    launchWebAuthFlow: async ({ url, interactive }: { url: string; interactive: boolean }) => {
      flows.push({ prompt: new URL(url).searchParams.get('prompt'), interactive });
      const res = await realFetch(toSandbox(url), {
        redirect: 'manual',
        headers: signInCookie ? { cookie: signInCookie } : {},
      });
      signInCookie = res.headers.get('set-cookie')?.split(';')[0] ?? signInCookie;
      const location = res.headers.get('location');
      if (!location?.startsWith(REDIRECT)) throw new Error('Authorization page could not be loaded.');
      return location;
    },
  };
  // The token endpoint at the sandbox, with the Origin a browser sends from the extension.
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) =>
    realFetch(toSandbox(String(input)), {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), origin: 'chrome-extension://extid' },
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const handlers: OutboxHandler[] = bookingHandlers((kind) =>
  createProvider(kind, {
    baseUrl: `${sandbox.origin()}/graph/`,
    getToken: () => getAccessToken('microsoft'),
    timeZone: zone,
    fetch: realFetch,
  }),
);

/** Runs the outbox, the shared clock jumping to each next due time, until nothing waits. */
async function drain(from: number): Promise<void> {
  let now = from;
  for (let round = 0; round < 30; round++) {
    clock = now;
    const next = await processOutbox(handlers, now);
    if (next === null) return;
    now = Math.max(now + 1, next);
  }
  throw new Error('outbox did not settle');
}

function payload(start: number) {
  const threadUrl = 'https://outlook.office.com/mail/inbox/id/cliff';
  return {
    provider: 'microsoft' as const,
    calendarId: 'primary',
    threadKey: 'outlook:cliff',
    threadUrl,
    customer: {
      name: 'Lucía Gómez',
      email: 'lucia.gomez@example.es',
      language: 'es' as const,
      timeZone: zone,
    },
    event: buildNewEvent({
      slot: { start, end: start + 30 * 60_000 },
      timeZone: zone,
      subject: TITLE,
      attendees: [{ email: 'lucia.gomez@example.es', name: 'Lucía Gómez' }],
      place: { kind: 'online' },
      threadUrl,
    }),
  };
}

const refreshWith = (token: string) =>
  realFetch(`${sandbox.origin()}/oauth/microsoft/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'chrome-extension://extid' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: 'sandbox-microsoft-client',
      refresh_token: token,
    }),
  });

describe('a Microsoft session crossing the 24 h cliff', () => {
  it('renews silently and the booking queued meanwhile goes out once', async () => {
    const signIn = clock;
    await connect('microsoft');
    expect(flows).toEqual([{ prompt: 'select_account', interactive: true }]);
    expect(await microsoftSessionEnds.getValue()).toBe(signIn + MICROSOFT_SESSION_MS);
    const firstRefresh = (await microsoftRefreshToken.getValue())!;

    // 23 h 30 later the access token is long gone; a booking is queued while the sign-in service
    // has a bad moment (both the silent code and the refresh fallback get a 503).
    clock = signIn + 23.5 * HOUR;
    const item = await queueBooking(payload(Date.parse('2026-03-10T09:00:00Z')));
    await sandbox.admin('faults', 'POST', [
      { method: 'POST', path: '/oauth/microsoft/token$', status: 503, times: 2 },
    ]);
    await processOutbox(handlers, clock);
    const waiting = (await db.outbox.get(item.id))!;
    expect(waiting.status).toBe('pending');
    expect(await microsoftRefreshToken.getValue()).toBeTruthy();
    expect(flows.slice(1)).toEqual([{ prompt: 'none', interactive: false }]);

    // Past the end the sandbox refuses every refresh token of that sign-in, rotated ones too.
    const past = signIn + 24 * HOUR + 10 * 60_000;
    clock = past;
    const refused = await refreshWith(firstRefresh);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant', error_codes: [700084] });

    await drain(Math.max(past, waiting.nextAttemptAt));
    const done = (await db.outbox.get(item.id))!;
    expect(done).toMatchObject({ status: 'done', lastError: null });
    // Only silent authorizations after the first sign-in: the user was never asked.
    expect(flows.slice(1).every((f) => f.prompt === 'none' && !f.interactive)).toBe(true);
    expect(await microsoftSessionEnds.getValue()).toBeGreaterThan(past + MICROSOFT_SESSION_MS - HOUR);

    const state = await sandbox.snapshot();
    const events = state.events.filter((e) => e.subject === TITLE && e.status !== 'cancelled');
    expect(events).toHaveLength(1);
    expect(Date.parse(events[0]!.start)).toBe(Date.parse('2026-03-10T09:00:00Z'));
  });

  it('with the browser session ended, the account asks to reconnect and the booking waits, then goes once', async () => {
    const signIn = clock;
    await connect('microsoft');
    // The user signed out of Microsoft in the browser; a day later the refresh token is over too.
    await sandbox.admin('config', 'POST', { microsoftSession: 'end' });
    clock = signIn + 25 * HOUR;
    const item = await queueBooking(payload(Date.parse('2026-03-11T09:00:00Z')));
    for (let run = 0; run < 3; run++) await processOutbox(handlers, clock + run * HOUR);
    const waiting = (await db.outbox.get(item.id))!;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0, waiting: { reason: 'sign-in' } });
    expect((await reconnectNeeded.getValue()).microsoft).toMatchObject({ reason: 'login_required' });
    expect(flows.slice(1).every((f) => f.prompt === 'none' && !f.interactive)).toBe(true);
    expect((await sandbox.snapshot()).events.filter((e) => e.subject === TITLE)).toHaveLength(0);

    // Reconnect (interactive): the mark goes and the queued booking goes out, once.
    clock = signIn + 28 * HOUR;
    await connect('microsoft');
    expect((await reconnectNeeded.getValue()).microsoft).toBeNull();
    await drain(clock);
    expect((await db.outbox.get(item.id))!.status).toBe('done');
    const events = (await sandbox.snapshot()).events.filter((e) => e.subject === TITLE);
    expect(events).toHaveLength(1);
  });
});
