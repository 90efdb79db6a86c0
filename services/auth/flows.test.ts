import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { connect, disconnect, getAccessToken, pkceChallenge } from './flows';
import { accessTokens, microsoftRefreshToken } from './tokens';
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
