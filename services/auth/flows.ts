import { browser } from 'wxt/browser';
import { GOOGLE_AUTH_URL, MICROSOFT_AUTHORITY } from '../config';
import { CalendarError } from '../calendar/errors';
import { clientId, SCOPES } from './clients';
import {
  accessTokens,
  connected,
  isFresh,
  microsoftRefreshToken,
  type AccessToken,
  type Provider,
} from './tokens';

// Sign-in flows (DESIGN.md): Google by the implicit flow through launchWebAuthFlow (works in Chrome,
// Edge and Firefox alike); Microsoft by authorization code + PKCE for a single-page-app redirect.
// `interactive: false` is the silent renewal; it fails quietly when the user must act.

function redirectUri(): string {
  return browser.identity.getRedirectURL();
}

function randomString(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(data: Uint8Array): string {
  let s = '';
  for (const b of data) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function webAuth(url: URL, interactive: boolean): Promise<URL> {
  let answer: string | undefined;
  try {
    answer = await browser.identity.launchWebAuthFlow({ url: url.toString(), interactive });
  } catch (err) {
    throw new CalendarError('auth', err instanceof Error ? err.message : String(err));
  }
  if (!answer) throw new CalendarError('auth', 'Sign-in was closed');
  return new URL(answer);
}

async function signInGoogle(interactive: boolean): Promise<AccessToken> {
  const id = await clientId('google');
  if (!id)
    throw new CalendarError('auth', 'No Google OAuth client id is configured (see Options → Accounts)');
  const state = randomString(16);
  const url = new URL(GOOGLE_AUTH_URL);
  url.search = new URLSearchParams({
    client_id: id,
    redirect_uri: redirectUri(),
    response_type: 'token',
    scope: SCOPES.google.join(' '),
    state,
    include_granted_scopes: 'true',
    ...(interactive ? {} : { prompt: 'none' }),
  }).toString();
  const answer = new URLSearchParams((await webAuth(url, interactive)).hash.slice(1));
  if (answer.get('state') !== state)
    throw new CalendarError('auth', 'Sign-in answer did not match the request');
  const token = answer.get('access_token');
  if (!token) throw new CalendarError('auth', answer.get('error') ?? 'Google did not return a token');
  return {
    accessToken: token,
    expiresAt: Date.now() + Number(answer.get('expires_in') ?? 3600) * 1000,
    scope: answer.get('scope') ?? '',
    account: null,
  };
}

async function microsoftTokenRequest(body: Record<string, string>): Promise<AccessToken> {
  let response: Response;
  try {
    response = await fetch(`${MICROSOFT_AUTHORITY}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
  } catch {
    throw new CalendarError('network', 'Could not reach Microsoft sign-in');
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, string | number | undefined>;
  if (!response.ok || typeof json.access_token !== 'string') {
    await microsoftRefreshToken.setValue(null);
    throw new CalendarError(
      'auth',
      String(json.error_description ?? json.error ?? `Sign-in failed (${response.status})`),
    );
  }
  if (typeof json.refresh_token === 'string') await microsoftRefreshToken.setValue(json.refresh_token);
  return {
    accessToken: json.access_token,
    expiresAt: Date.now() + Number(json.expires_in ?? 3600) * 1000,
    scope: String(json.scope ?? ''),
    account: null,
  };
}

async function signInMicrosoft(interactive: boolean): Promise<AccessToken> {
  const id = await clientId('microsoft');
  if (!id)
    throw new CalendarError(
      'auth',
      'No Microsoft application (client) id is configured (see Options → Accounts)',
    );
  const refresh = await microsoftRefreshToken.getValue();
  if (refresh) {
    try {
      return await microsoftTokenRequest({
        client_id: id,
        grant_type: 'refresh_token',
        refresh_token: refresh,
        scope: SCOPES.microsoft.join(' '),
      });
    } catch (err) {
      if (!interactive) throw err;
    }
  }
  if (!interactive) throw new CalendarError('auth', 'Microsoft sign-in has expired');
  const verifier = randomString(48);
  const state = randomString(16);
  const url = new URL(`${MICROSOFT_AUTHORITY}/authorize`);
  url.search = new URLSearchParams({
    client_id: id,
    response_type: 'code',
    redirect_uri: redirectUri(),
    response_mode: 'query',
    scope: SCOPES.microsoft.join(' '),
    state,
    code_challenge: await pkceChallenge(verifier),
    code_challenge_method: 'S256',
    prompt: 'select_account',
  }).toString();
  const answer = (await webAuth(url, true)).searchParams;
  if (answer.get('state') !== state)
    throw new CalendarError('auth', 'Sign-in answer did not match the request');
  const code = answer.get('code');
  if (!code)
    throw new CalendarError('auth', answer.get('error_description') ?? answer.get('error') ?? 'No code');
  return microsoftTokenRequest({
    client_id: id,
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(),
    code_verifier: verifier,
    scope: SCOPES.microsoft.join(' '),
  });
}

const SIGN_IN: Record<Provider, (interactive: boolean) => Promise<AccessToken>> = {
  google: signInGoogle,
  microsoft: signInMicrosoft,
};

/** Interactive sign-in (from the options page's Connect button). */
export async function connect(provider: Provider, account: string | null = null): Promise<AccessToken> {
  const token = { ...(await SIGN_IN[provider](true)), account };
  await accessTokens[provider].setValue(token);
  await connected.setValue({ ...(await connected.getValue()), [provider]: { account, at: Date.now() } });
  return token;
}

/**
 * A usable access token: the cached one, else a silent renewal. Throws `CalendarError('auth')`
 * when the user has to reconnect; callers show "reconnect" and keep their work queued.
 */
export async function getAccessToken(provider: Provider): Promise<string> {
  const cached: AccessToken | null = await accessTokens[provider].getValue();
  if (isFresh(cached)) return cached.accessToken;
  const account = (cached as AccessToken | null)?.account ?? null;
  if (!(await connected.getValue())[provider])
    throw new CalendarError('auth', `${provider} is not connected`);
  const renewed = { ...(await SIGN_IN[provider](false)), account };
  await accessTokens[provider].setValue(renewed);
  return renewed.accessToken;
}

/** Drops a token the provider refused (401), so the next call renews it. */
export async function dropAccessToken(provider: Provider): Promise<void> {
  await accessTokens[provider].setValue(null);
}

export async function disconnect(provider: Provider): Promise<void> {
  await accessTokens[provider].setValue(null);
  if (provider === 'microsoft') await microsoftRefreshToken.setValue(null);
  await connected.setValue({ ...(await connected.getValue()), [provider]: null });
}
