import { browser } from 'wxt/browser';
import { GOOGLE_AUTH_URL, MICROSOFT_AUTHORITY } from '../config';
import { CalendarError, isCalendarError, parseRetryAfter } from '../calendar/errors';
import { clientId, requestedScopes } from './clients';
import {
  accessTokens,
  connected,
  isFresh,
  microsoftRefreshToken,
  microsoftSessionEnds,
  reconnectNeeded,
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
    const message = err instanceof Error ? err.message : String(err);
    // Chrome's "Authorization page could not be loaded." is the sign-in site out of reach (offline),
    // not a refusal: a silent renewal tries again later rather than asking the user to reconnect.
    if (!interactive && /could not be loaded/i.test(message)) throw new CalendarError('network', message);
    throw new CalendarError('auth', message);
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
    scope: (await requestedScopes('google')).join(' '),
    state,
    include_granted_scopes: 'true',
    ...(interactive ? {} : { prompt: 'none' }),
  }).toString();
  const answer = new URLSearchParams((await webAuth(url, interactive)).hash.slice(1));
  if (answer.get('state') !== state)
    throw new CalendarError('auth', 'Sign-in answer did not match the request');
  const token = answer.get('access_token');
  if (!token) {
    // Silent: interaction_required / login_required / consent_required (OpenID Connect errors).
    const error = answer.get('error');
    throw new CalendarError('auth', error ?? 'Google did not return a token', error ? { reason: error } : {});
  }
  return {
    accessToken: token,
    expiresAt: Date.now() + Number(answer.get('expires_in') ?? 3600) * 1000,
    scope: answer.get('scope') ?? '',
    account: null,
  };
}

/**
 * Microsoft's refresh tokens for a single-page-app redirect end 24 h after the sign-in, however often
 * they are rotated (Learn, "Refresh tokens in the Microsoft identity platform": "a fixed, limited
 * lifetime of 1.00:00:00, which cannot be extended").
 */
export const MICROSOFT_SESSION_MS = 24 * 3_600_000;
/**
 * How long before that end a fresh authorization is asked for without UI (`prompt=none`), so the
 * session goes on while the user's Microsoft sign-in in the browser is still valid.
 */
export const MICROSOFT_RENEW_BEFORE_MS = 2 * 3_600_000;

/**
 * One call to the token endpoint. Only `invalid_grant` means the refresh token is dead (expired,
 * revoked, password changed); a 429, a 5xx or no network is passing and keeps it, so a hiccup of
 * the sign-in service never logs the user out.
 */
async function microsoftTokenRequest(
  body: Record<string, string>,
  grant: 'code' | 'refresh',
): Promise<AccessToken> {
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
    const error = typeof json.error === 'string' ? json.error : '';
    const text = String(json.error_description ?? (error || `Sign-in failed (${response.status})`));
    const options = { status: response.status, ...(error ? { reason: error } : {}) };
    if (error === 'invalid_grant') {
      if (grant === 'refresh') {
        await microsoftRefreshToken.setValue(null);
        await microsoftSessionEnds.setValue(null);
      }
      throw new CalendarError('auth', text, options);
    }
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
      throw new CalendarError('rate-limit', text, {
        ...options,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    if (response.status >= 500 || error === 'temporarily_unavailable' || error === 'server_error')
      throw new CalendarError('server', text, options);
    // interaction_required, consent_required…: the user must act, yet the token may still serve.
    throw new CalendarError('auth', text, options);
  }
  if (typeof json.refresh_token === 'string') await microsoftRefreshToken.setValue(json.refresh_token);
  if (grant === 'code') {
    const lifetime = Number(json.refresh_token_expires_in) * 1000 || MICROSOFT_SESSION_MS;
    await microsoftSessionEnds.setValue(Date.now() + Math.min(lifetime, MICROSOFT_SESSION_MS));
  }
  return {
    accessToken: json.access_token,
    expiresAt: Date.now() + Number(json.expires_in ?? 3600) * 1000,
    scope: String(json.scope ?? ''),
    account: null,
  };
}

async function microsoftClientId(): Promise<string> {
  const id = await clientId('microsoft');
  if (!id)
    throw new CalendarError(
      'auth',
      'No Microsoft application (client) id is configured (see Options → Accounts)',
    );
  return id;
}

async function refreshGrant(id: string, refreshToken: string): Promise<AccessToken> {
  return microsoftTokenRequest(
    {
      client_id: id,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: (await requestedScopes('microsoft')).join(' '),
    },
    'refresh',
  );
}

/**
 * Authorization code + PKCE. Silent (`prompt=none`, no window) answers at once from the user's
 * Microsoft session in the browser, or with `login_required`/`interaction_required`.
 */
async function authorizeMicrosoft(id: string, interactive: boolean): Promise<AccessToken> {
  const verifier = randomString(48);
  const state = randomString(16);
  const url = new URL(`${MICROSOFT_AUTHORITY}/authorize`);
  url.search = new URLSearchParams({
    client_id: id,
    response_type: 'code',
    redirect_uri: redirectUri(),
    response_mode: 'query',
    scope: (await requestedScopes('microsoft')).join(' '),
    state,
    code_challenge: await pkceChallenge(verifier),
    code_challenge_method: 'S256',
    prompt: interactive ? 'select_account' : 'none',
  }).toString();
  const answer = (await webAuth(url, interactive)).searchParams;
  if (answer.get('state') !== state)
    throw new CalendarError('auth', 'Sign-in answer did not match the request');
  const code = answer.get('code');
  if (!code) {
    const error = answer.get('error');
    throw new CalendarError('auth', answer.get('error_description') ?? error ?? 'No code', {
      ...(error ? { reason: error } : {}),
    });
  }
  return microsoftTokenRequest(
    {
      client_id: id,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      code_verifier: verifier,
      scope: (await requestedScopes('microsoft')).join(' '),
    },
    'code',
  );
}

const deadRefresh = (err: unknown) =>
  isCalendarError(err) && err.kind === 'auth' && err.reason === 'invalid_grant';

/**
 * A new access token without the user: the refresh token while its session has time left; near
 * the 24 h end (or once the refresh token is refused) a silent authorization that starts a new
 * session. Passing failures are thrown as they are, refresh token kept.
 */
export async function renewMicrosoft(now = Date.now()): Promise<AccessToken> {
  const id = await microsoftClientId();
  const refresh = await microsoftRefreshToken.getValue();
  const ends = await microsoftSessionEnds.getValue();
  const nearEnd = ends !== null && ends - now <= MICROSOFT_RENEW_BEFORE_MS;
  if (refresh && !nearEnd) {
    try {
      return await refreshGrant(id, refresh);
    } catch (err) {
      if (!deadRefresh(err)) throw err;
    }
  }
  try {
    return await authorizeMicrosoft(id, false);
  } catch (err) {
    // The browser's Microsoft session needs the user; the old refresh token still serves until its end.
    const stillValid = await microsoftRefreshToken.getValue();
    if (stillValid && nearEnd && ends > now) return refreshGrant(id, stillValid);
    if (!isCalendarError(err) || err.kind === 'auth')
      throw new CalendarError('auth', 'Microsoft sign-in has expired', {
        ...(isCalendarError(err) && err.reason ? { reason: err.reason } : {}),
      });
    throw err;
  }
}

async function signInMicrosoft(interactive: boolean): Promise<AccessToken> {
  if (!interactive) return renewMicrosoft();
  const id = await microsoftClientId();
  const refresh = await microsoftRefreshToken.getValue();
  const ends = await microsoftSessionEnds.getValue();
  // Connect with a session hours from its end starts a new one rather than reusing the old.
  if (refresh && (ends === null || ends - Date.now() > MICROSOFT_RENEW_BEFORE_MS)) {
    try {
      return await refreshGrant(id, refresh);
    } catch {
      // Connect was pressed: whatever the refresh token's trouble, the user is here to sign in.
    }
  }
  return authorizeMicrosoft(id, true);
}

const SIGN_IN: Record<Provider, (interactive: boolean) => Promise<AccessToken>> = {
  google: signInGoogle,
  microsoft: signInMicrosoft,
};

/** Records which address a connected account is (shown in Options beside the provider). */
export async function rememberAccount(provider: Provider, account: string): Promise<void> {
  const state = await connected.getValue();
  const row = state[provider];
  if (!row) return;
  await connected.setValue({ ...state, [provider]: { ...row, account } });
  const token = await accessTokens[provider].getValue();
  if (token) await accessTokens[provider].setValue({ ...token, account });
}

/** Interactive sign-in (from the options page's Connect button). */
export async function connect(provider: Provider, account: string | null = null): Promise<AccessToken> {
  const token = { ...(await SIGN_IN[provider](true)), account };
  await accessTokens[provider].setValue(token);
  await connected.setValue({ ...(await connected.getValue()), [provider]: { account, at: Date.now() } });
  await markReconnect(provider, null);
  return token;
}

async function markReconnect(provider: Provider, value: { reason: string | null; at: number } | null) {
  const current = await reconnectNeeded.getValue();
  // Written only when it changes (null ↔ set, or another reason), so watchers are not woken for nothing.
  if (current[provider] === null ? value === null : current[provider]?.reason === value?.reason) return;
  await reconnectNeeded.setValue({ ...current, [provider]: value });
}

const renewing: Partial<Record<Provider, Promise<string>>> = {};

/**
 * Renews without the user and keeps the result; concurrent callers share one renewal (a silent
 * authorization is a browser flow, and the refresh token rotates on each use).
 */
export function renewAccessToken(provider: Provider): Promise<string> {
  renewing[provider] ??= (async () => {
    const account = (await accessTokens[provider].getValue())?.account ?? null;
    let renewed: AccessToken;
    try {
      renewed = { ...(await SIGN_IN[provider](false)), account };
    } catch (err) {
      // Only a refusal that needs the user marks the account; a passing failure is tried again.
      if (isCalendarError(err) && err.kind === 'auth' && (await connected.getValue())[provider])
        await markReconnect(provider, { reason: err.reason ?? null, at: Date.now() });
      throw err;
    }
    await accessTokens[provider].setValue(renewed);
    await markReconnect(provider, null);
    return renewed.accessToken;
  })().finally(() => {
    delete renewing[provider];
  });
  return renewing[provider];
}

/**
 * A usable access token: the cached one, else a silent renewal. Throws `CalendarError('auth')`
 * when the user has to reconnect; callers show "reconnect" and keep their work queued.
 */
export async function getAccessToken(provider: Provider): Promise<string> {
  const cached: AccessToken | null = await accessTokens[provider].getValue();
  if (isFresh(cached)) return cached.accessToken;
  if (!(await connected.getValue())[provider])
    throw new CalendarError('auth', `${provider} is not connected`);
  return renewAccessToken(provider);
}

/** Drops a token the provider refused (401), so the next call renews it. */
export async function dropAccessToken(provider: Provider): Promise<void> {
  await accessTokens[provider].setValue(null);
}

export async function disconnect(provider: Provider): Promise<void> {
  await accessTokens[provider].setValue(null);
  if (provider === 'microsoft') {
    await microsoftRefreshToken.setValue(null);
    await microsoftSessionEnds.setValue(null);
  }
  await connected.setValue({ ...(await connected.getValue()), [provider]: null });
  await markReconnect(provider, null);
}
