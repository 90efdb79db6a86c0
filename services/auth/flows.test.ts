import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import {
  connect,
  disconnect,
  getAccessToken,
  MICROSOFT_RENEW_BEFORE_MS,
  MICROSOFT_SESSION_MS,
  pkceChallenge,
} from './flows';
import {
  accessTokens,
  connected,
  microsoftRefreshToken,
  microsoftSessionEnds,
  reconnectNeeded,
} from './tokens';
import type { CalendarError } from '../calendar/errors';
import { clientIdOverrides } from './clients';

beforeEach(async () => {
  await clientIdOverrides.setValue({ google: 'g-client', microsoft: 'm-client' });
  // fakeBrowser has no identity API; these tests play the provider's side of the redirect.
  (browser as unknown as { identity: unknown }).identity = {
    getRedirectURL: () => 'https://extid.chromiumapp.org/',
    launchWebAuthFlow: vi.fn(),
  };
});

const identity = () => browser.identity as unknown as { launchWebAuthFlow: ReturnType<typeof vi.fn> };

describe('Google sign-in (implicit flow)', () => {
  it('stores the token from the redirect fragment and checks state', async () => {
    identity().launchWebAuthFlow.mockImplementation(async ({ url }: { url: string }) => {
      const q = new URL(url).searchParams;
      expect(q.get('client_id')).toBe('g-client');
      expect(q.get('scope')).toContain('calendar.events');
      return `https://extid.chromiumapp.org/#access_token=tok1&expires_in=3600&state=${q.get('state')}`;
    });
    await connect('google');
    expect((await accessTokens.google.getValue())?.accessToken).toBe('tok1');
    expect(await getAccessToken('google')).toBe('tok1');
  });

  it('refuses an answer whose state does not match', async () => {
    identity().launchWebAuthFlow.mockResolvedValue(
      'https://extid.chromiumapp.org/#access_token=evil&state=forged',
    );
    await expect(connect('google')).rejects.toMatchObject({ kind: 'auth' });
    expect(await accessTokens.google.getValue()).toBeNull();
  });

  it('renews silently when expired, and asks to reconnect when that fails', async () => {
    identity().launchWebAuthFlow.mockImplementation(async ({ url }: { url: string }) => {
      const q = new URL(url).searchParams;
      return `https://extid.chromiumapp.org/#access_token=first&expires_in=3600&state=${q.get('state')}`;
    });
    await connect('google');
    await accessTokens.google.setValue({
      accessToken: 'old',
      expiresAt: Date.now() - 1,
      scope: '',
      account: null,
    });
    identity().launchWebAuthFlow.mockImplementation(
      async ({ url, interactive }: { url: string; interactive: boolean }) => {
        expect(interactive).toBe(false);
        const q = new URL(url).searchParams;
        expect(q.get('prompt')).toBe('none');
        return `https://extid.chromiumapp.org/#access_token=renewed&expires_in=3600&state=${q.get('state')}`;
      },
    );
    expect(await getAccessToken('google')).toBe('renewed');
    await accessTokens.google.setValue(null);
    identity().launchWebAuthFlow.mockRejectedValue(new Error('User interaction required.'));
    await expect(getAccessToken('google')).rejects.toMatchObject({ kind: 'auth' });
    expect((await reconnectNeeded.getValue()).google).not.toBeNull();
    // Google's own answer to prompt=none when the user must act names the reason.
    identity().launchWebAuthFlow.mockImplementation(async ({ url }: { url: string }) => {
      const q = new URL(url).searchParams;
      return `https://extid.chromiumapp.org/#error=interaction_required&state=${q.get('state')}`;
    });
    await expect(getAccessToken('google')).rejects.toMatchObject({
      kind: 'auth',
      reason: 'interaction_required',
    });
    expect((await reconnectNeeded.getValue()).google).toMatchObject({ reason: 'interaction_required' });
  });
});

describe('Microsoft sign-in (code + PKCE)', () => {
  it('exchanges the code with the verifier matching the challenge, keeps the refresh token', async () => {
    let challenge = '';
    identity().launchWebAuthFlow.mockImplementation(async ({ url }: { url: string }) => {
      const q = new URL(url).searchParams;
      challenge = q.get('code_challenge')!;
      expect(q.get('code_challenge_method')).toBe('S256');
      expect(q.get('scope')).toContain('offline_access');
      return `https://extid.chromiumapp.org/?code=c1&state=${q.get('state')}`;
    });
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const body = new URLSearchParams(init.body as URLSearchParams);
      expect(body.get('grant_type')).toBe('authorization_code');
      expect(await pkceChallenge(body.get('code_verifier')!)).toBe(challenge);
      return new Response(
        JSON.stringify({ access_token: 'at1', refresh_token: 'rt1', expires_in: 3600, scope: 'x' }),
      );
    });
    vi.stubGlobal('fetch', fetchMock);
    await connect('microsoft');
    expect(await getAccessToken('microsoft')).toBe('at1');
    expect(await microsoftRefreshToken.getValue()).toBe('rt1');
    vi.unstubAllGlobals();
  });

  it('renews with the refresh token, and sign-out forgets everything', async () => {
    await microsoftRefreshToken.setValue('rt1');
    identity().launchWebAuthFlow.mockImplementation(async ({ url }: { url: string }) => {
      const q = new URL(url).searchParams;
      return `https://extid.chromiumapp.org/?code=c1&state=${q.get('state')}`;
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_u: string, init: RequestInit) => {
        const body = new URLSearchParams(init.body as URLSearchParams);
        const rotated = body.get('grant_type') === 'refresh_token' ? 'rt2' : 'rt1';
        return new Response(
          JSON.stringify({ access_token: `at-${rotated}`, refresh_token: rotated, expires_in: 3600 }),
        );
      }),
    );
    await connect('microsoft');
    expect(await getAccessToken('microsoft')).toBe('at-rt2');
    expect(await microsoftRefreshToken.getValue()).toBe('rt2');
    await disconnect('microsoft');
    expect(await microsoftRefreshToken.getValue()).toBeNull();
    await expect(getAccessToken('microsoft')).rejects.toMatchObject({ kind: 'auth' });
    vi.unstubAllGlobals();
  });
});

describe('Microsoft session (24 h single-page-app refresh tokens)', () => {
  const HOUR = 3_600_000;
  const T0 = Date.parse('2026-03-27T08:00:00Z');
  type Answer = { status?: number; json: Record<string, unknown>; headers?: Record<string, string> };
  let grants: string[];

  /** The token endpoint: one answer per call, in order; the last one repeats. */
  function tokenEndpoint(answers: (Answer | 'offline')[]) {
    grants = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_u: string, init: RequestInit) => {
        grants.push(new URLSearchParams(init.body as URLSearchParams).get('grant_type') ?? '');
        const answer = answers[Math.min(grants.length - 1, answers.length - 1)]!;
        if (answer === 'offline') throw new TypeError('Failed to fetch');
        return new Response(JSON.stringify(answer.json), {
          status: answer.status ?? 200,
          headers: answer.headers ?? {},
        });
      }),
    );
  }
  const tokens = (n: number) => ({
    json: { access_token: `at${n}`, refresh_token: `rt${n}`, expires_in: 3600 },
  });
  /** The authorize page as Microsoft answers prompt=none: a code, or an error, at once. */
  function silentAuthorize(answer: 'code' | 'login_required') {
    identity().launchWebAuthFlow.mockImplementation(
      async ({ url, interactive }: { url: string; interactive: boolean }) => {
        const q = new URL(url).searchParams;
        expect(interactive).toBe(false);
        expect(q.get('prompt')).toBe('none');
        expect(q.get('code_challenge_method')).toBe('S256');
        const result = answer === 'code' ? 'code=silent1' : 'error=login_required';
        return `https://extid.chromiumapp.org/?${result}&state=${q.get('state')}`;
      },
    );
  }
  async function signedInAt(at: number) {
    await connected.setValue({ google: null, microsoft: { account: null, at } });
    await microsoftRefreshToken.setValue('rt0');
    await microsoftSessionEnds.setValue(at + MICROSOFT_SESSION_MS);
    await accessTokens.microsoft.setValue(null);
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('keeps the refresh token through a 429, a 500 and no network; only invalid_grant ends it', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(T0 + HOUR);
    await signedInAt(T0);
    const passing: [Answer | 'offline', Partial<CalendarError>][] = [
      [
        { status: 429, json: { error: 'temporarily_unavailable' }, headers: { 'Retry-After': '30' } },
        { kind: 'rate-limit', retryAfterMs: 30_000 },
      ],
      [
        { status: 500, json: { error: 'server_error', error_description: 'AADSTS90033' } },
        { kind: 'server' },
      ],
      ['offline', { kind: 'network' }],
    ];
    for (const [answer, error] of passing) {
      tokenEndpoint([answer]);
      await expect(getAccessToken('microsoft')).rejects.toMatchObject(error);
      expect(await microsoftRefreshToken.getValue()).toBe('rt0');
      expect(identity().launchWebAuthFlow).not.toHaveBeenCalled();
    }

    // Refused for good, and the browser's Microsoft session needs the user too: reconnect.
    tokenEndpoint([{ status: 400, json: { error: 'invalid_grant', error_description: 'AADSTS70000' } }]);
    silentAuthorize('login_required');
    await expect(getAccessToken('microsoft')).rejects.toMatchObject({ kind: 'auth' });
    expect(await microsoftRefreshToken.getValue()).toBeNull();
    expect(await microsoftSessionEnds.getValue()).toBeNull();
  });

  it('renews silently (prompt=none) near the 24 h end, starting a new 24 h', async () => {
    await signedInAt(T0);
    // Mid-session: the refresh token, which does not move the end.
    vi.spyOn(Date, 'now').mockReturnValue(T0 + 12 * HOUR);
    tokenEndpoint([tokens(1)]);
    expect(await getAccessToken('microsoft')).toBe('at1');
    expect(grants).toEqual(['refresh_token']);
    expect(await microsoftSessionEnds.getValue()).toBe(T0 + MICROSOFT_SESSION_MS);

    // Within the renewal window: a silent authorization, not the refresh token.
    const late = T0 + MICROSOFT_SESSION_MS - MICROSOFT_RENEW_BEFORE_MS + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(late);
    await accessTokens.microsoft.setValue(null);
    tokenEndpoint([tokens(2)]);
    silentAuthorize('code');
    expect(await getAccessToken('microsoft')).toBe('at2');
    expect(grants).toEqual(['authorization_code']);
    expect(await microsoftRefreshToken.getValue()).toBe('rt2');
    expect(await microsoftSessionEnds.getValue()).toBe(late + MICROSOFT_SESSION_MS);
  });

  it('past the end, a refused refresh token is replaced by a silent authorization', async () => {
    await signedInAt(T0);
    await microsoftSessionEnds.setValue(null); // signed in before the end was recorded
    vi.spyOn(Date, 'now').mockReturnValue(T0 + 25 * HOUR);
    tokenEndpoint([
      { status: 400, json: { error: 'invalid_grant', error_description: 'AADSTS700084' } },
      tokens(3),
    ]);
    silentAuthorize('code');
    expect(await getAccessToken('microsoft')).toBe('at3');
    expect(grants).toEqual(['refresh_token', 'authorization_code']);
    expect(await microsoftRefreshToken.getValue()).toBe('rt3');
  });

  it('near the end with the browser session gone, the refresh token serves until its end', async () => {
    await signedInAt(T0);
    vi.spyOn(Date, 'now').mockReturnValue(T0 + 23 * HOUR);
    tokenEndpoint([tokens(4)]);
    silentAuthorize('login_required');
    expect(await getAccessToken('microsoft')).toBe('at4');
    expect(grants).toEqual(['refresh_token']);
    expect(await microsoftSessionEnds.getValue()).toBe(T0 + MICROSOFT_SESSION_MS);
  });

  it('past the end with the browser session gone: login_required marks the account "reconnect"', async () => {
    await signedInAt(T0);
    await reconnectNeeded.setValue({ google: null, microsoft: null });
    vi.spyOn(Date, 'now').mockReturnValue(T0 + 25 * HOUR);
    tokenEndpoint([{ status: 400, json: { error: 'invalid_grant', error_description: 'AADSTS700084' } }]);
    silentAuthorize('login_required');
    const error = (await getAccessToken('microsoft').catch((e: unknown) => e)) as CalendarError;
    expect(error.kind).toBe('auth');
    expect(error.reason).toBe('login_required');
    expect((await reconnectNeeded.getValue()).microsoft).toMatchObject({ reason: 'login_required' });
    expect((await connected.getValue()).microsoft).not.toBeNull();

    // Reconnect: the interactive authorization clears it.
    identity().launchWebAuthFlow.mockImplementation(async ({ url }: { url: string }) => {
      const q = new URL(url).searchParams;
      expect(q.get('prompt')).toBe('select_account');
      return `https://extid.chromiumapp.org/?code=again&state=${q.get('state')}`;
    });
    tokenEndpoint([tokens(6)]);
    await connect('microsoft');
    expect((await reconnectNeeded.getValue()).microsoft).toBeNull();
  });

  it('a sign-in page out of reach during silent renewal is passing, not "reconnect"', async () => {
    await signedInAt(T0);
    await reconnectNeeded.setValue({ google: null, microsoft: null });
    vi.spyOn(Date, 'now').mockReturnValue(T0 + 25 * HOUR);
    tokenEndpoint([{ status: 400, json: { error: 'invalid_grant' } }]);
    identity().launchWebAuthFlow.mockRejectedValue(new Error('Authorization page could not be loaded.'));
    const error = (await getAccessToken('microsoft').catch((e: unknown) => e)) as CalendarError;
    expect(error.kind).toBe('network');
    expect((await reconnectNeeded.getValue()).microsoft).toBeNull();
  });

  it('shares one renewal between concurrent callers', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(T0 + HOUR);
    await signedInAt(T0);
    tokenEndpoint([tokens(5)]);
    const all = await Promise.all([1, 2, 3].map(() => getAccessToken('microsoft')));
    expect(all).toEqual(['at5', 'at5', 'at5']);
    expect(grants).toEqual(['refresh_token']);
  });
});
