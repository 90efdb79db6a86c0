import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MICROSOFT_RENEW_BEFORE_MS, MICROSOFT_SESSION_MS } from './flows';
import { MICROSOFT_RENEW_ALARM, planMicrosoftRenewal, renewMicrosoftSession } from './renewal';
import { accessTokens, connected, microsoftRefreshToken, microsoftSessionEnds } from './tokens';
import { clientIdOverrides } from './clients';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-27T08:00:00Z');
const alarm = () => fakeBrowser.alarms.get(MICROSOFT_RENEW_ALARM);

beforeEach(async () => {
  fakeBrowser.reset();
  await clientIdOverrides.setValue({ google: '', microsoft: 'm-client' });
  await connected.setValue({ google: null, microsoft: { account: null, at: T0 } });
  await microsoftRefreshToken.setValue('rt0');
  await microsoftSessionEnds.setValue(T0 + MICROSOFT_SESSION_MS);
  (browser as unknown as { identity: unknown }).identity = {
    getRedirectURL: () => 'https://extid.chromiumapp.org/',
    // Microsoft with the user still signed in in the browser: prompt=none answers with a code.
    launchWebAuthFlow: vi.fn(async ({ url }: { url: string }) => {
      const q = new URL(url).searchParams;
      if (q.get('prompt') !== 'none') throw new Error('expected a silent authorization');
      return `https://extid.chromiumapp.org/?code=c2&state=${q.get('state')}`;
    }),
  };
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Microsoft session renewal alarm', () => {
  it('is set before the 24 h end and cleared without a session', async () => {
    expect(await planMicrosoftRenewal(T0)).toBe(T0 + MICROSOFT_SESSION_MS - MICROSOFT_RENEW_BEFORE_MS);
    expect((await alarm())?.scheduledTime).toBe(T0 + MICROSOFT_SESSION_MS - MICROSOFT_RENEW_BEFORE_MS);
    await microsoftSessionEnds.setValue(null);
    expect(await planMicrosoftRenewal(T0)).toBeNull();
    expect(await alarm()).toBeUndefined();
  });

  it('renews silently when it fires, then plans the next renewal from the new end', async () => {
    const firing = T0 + 22 * HOUR;
    vi.spyOn(Date, 'now').mockReturnValue(firing);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_u: string, init: RequestInit) => {
        expect(new URLSearchParams(init.body as URLSearchParams).get('grant_type')).toBe(
          'authorization_code',
        );
        return new Response(JSON.stringify({ access_token: 'at2', refresh_token: 'rt2', expires_in: 3600 }));
      }),
    );
    expect(await renewMicrosoftSession(firing)).toBe('renewed');
    expect((await accessTokens.microsoft.getValue())?.accessToken).toBe('at2');
    expect(await microsoftSessionEnds.getValue()).toBe(firing + MICROSOFT_SESSION_MS);
    expect((await alarm())?.scheduledTime).toBe(firing + MICROSOFT_SESSION_MS - MICROSOFT_RENEW_BEFORE_MS);
  });

  it('tries again later after a passing failure, refresh token kept', async () => {
    const firing = T0 + 22 * HOUR;
    vi.spyOn(Date, 'now').mockReturnValue(firing);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: 'temporarily_unavailable' }), { status: 503 })),
    );
    expect(await renewMicrosoftSession(firing)).toBe('retry');
    expect(await microsoftRefreshToken.getValue()).toBe('rt0');
    expect((await alarm())?.scheduledTime).toBe(firing + 15 * 60_000);
  });
});
