import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Route, SandboxRequest } from './http';
import { sendJson } from './http';
import { compileEndpoints, findEndpoint, type Endpoint } from './routing';
import type { Provider, SandboxState } from './state';

// Sign-in stand-ins: Google's implicit flow (what launchWebAuthFlow gets from accounts.google.com)
// and the Microsoft identity platform's authorization code + PKCE flow for single-page apps.

export const OAUTH_PREFIX = '/oauth/';
const ACCESS_LIFETIME_S = 3600;
const CODE_LIFETIME_MS = 10 * 60_000;
/** The identity platform's sign-in session cookie (login.microsoftonline.com sets ESTSAUTH). */
export const MICROSOFT_SESSION_COOKIE = 'ESTSAUTH';
const MICROSOFT_PROMPTS = new Set(['none', 'login', 'consent', 'select_account']);

export function oauthRoutes(state: SandboxState): Route {
  const endpoints = compileEndpoints(oauthEndpoints(state));
  return async (req, res) => {
    if (!req.url.pathname.startsWith(OAUTH_PREFIX)) return false;
    const found = findEndpoint(endpoints, req.method, req.url.pathname.slice(OAUTH_PREFIX.length));
    if (!found) return false;
    state.countRequest(`${req.method} ${OAUTH_PREFIX}${found.endpoint.pattern}`);
    await found.endpoint.handle(req, res, found.params);
    return true;
  };
}

function oauthEndpoints(state: SandboxState): Endpoint[] {
  return [
    { method: 'GET', pattern: 'google/authorize', handle: (req, res) => googleAuthorize(state, req, res) },
    { method: 'POST', pattern: 'google/revoke', handle: (req, res) => googleRevoke(state, req, res) },
    {
      method: 'GET',
      pattern: 'microsoft/authorize',
      handle: (req, res) => microsoftAuthorize(state, req, res),
    },
    { method: 'POST', pattern: 'microsoft/token', handle: (req, res) => microsoftToken(state, req, res) },
  ];
}

function googleAuthorize(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const q = req.url.searchParams;
  const redirect = validRedirect(q.get('redirect_uri'));
  const clientId = q.get('client_id');
  if (!redirect || !clientId) {
    return sendJson(res, 400, {
      error: 'invalid_request',
      error_description: 'Missing required parameter: client_id or redirect_uri',
    });
  }
  const answer = new URLSearchParams();
  if (q.get('response_type') !== 'token') answer.set('error', 'unsupported_response_type');
  else if (state.config.signIn === 'deny') answer.set('error', 'access_denied');
  else {
    // Granular consent (config.googleGrants): only the scopes the user left ticked are granted,
    // and the answer's `scope` says which (developers.google.com/identity/protocols/oauth2/resources/granular-permissions).
    const grants = state.config.googleGrants;
    const scope = (q.get('scope') ?? '')
      .split(/\s+/)
      .filter((s) => s && (!grants || grants.some((g) => s.endsWith(`/auth/${g}`))))
      .join(' ');
    answer.set('access_token', issue(state, 'google', 'access', clientId, scope, `ya29.sandbox-`));
    answer.set('token_type', 'Bearer');
    answer.set('expires_in', String(ACCESS_LIFETIME_S - 1));
    answer.set('scope', scope);
  }
  if (q.has('state')) answer.set('state', q.get('state') ?? '');
  // The implicit flow returns the token in the fragment so it never reaches a server.
  redirect.hash = answer.toString();
  res.writeHead(302, { location: redirect.toString() }).end();
}

function googleRevoke(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const token = req.url.searchParams.get('token') ?? new URLSearchParams(req.body).get('token') ?? '';
  const record = state.tokens.get(token);
  if (!record || record.provider !== 'google' || record.revoked) {
    return sendJson(res, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
  }
  record.revoked = true;
  sendJson(res, 200, {});
}

function microsoftAuthorize(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const q = req.url.searchParams;
  const redirect = validRedirect(q.get('redirect_uri'));
  const clientId = q.get('client_id');
  if (!redirect || !clientId) {
    return sendJson(
      res,
      400,
      aadError(
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'client_id' or 'redirect_uri'.",
      ),
    );
  }
  const answer = new URLSearchParams();
  const challenge = q.get('code_challenge');
  const prompt = q.get('prompt');
  const session = microsoftSession(state, req);
  // prompt=none rides the browser's session as it is; an interactive sign-in is whoever the user picks.
  const user = prompt === 'none' ? session?.user : pickMicrosoftUser(state, q.get('login_hint'), session);
  let newSession: string | undefined;
  if (q.get('response_type') !== 'code') answer.set('error', 'unsupported_response_type');
  else if (prompt !== null && !MICROSOFT_PROMPTS.has(prompt)) {
    answer.set('error', 'invalid_request');
    answer.set('error_description', `AADSTS90023: Invalid prompt value '${prompt}'.`);
  } else if (!challenge || q.get('code_challenge_method') !== 'S256') {
    answer.set('error', 'invalid_request');
    answer.set(
      'error_description',
      'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
    );
  } else if (prompt === 'none' && !session) {
    // Learn "Microsoft identity platform and OAuth 2.0 authorization code flow", `prompt`: "prompt=none
    // ensures that the user isn't presented with any interactive prompt"; with no sign-in session in
    // the browser the answer is an error in the redirect (AADSTS50058, login_required; the
    // OpenID Connect Core §3.1.2.6 code), which the app meets by asking the user.
    answer.set('error', 'login_required');
    answer.set(
      'error_description',
      "AADSTS50058: A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Azure AD.",
    );
  } else if (prompt === 'none' && unconsented(state, clientId, user!, q.get('scope')).length > 0) {
    // Same page, error table: consent_required / interaction_required when the request needs the
    // user; a scope the user never agreed to (a feature turned on since) cannot be granted silently.
    answer.set('error', 'consent_required');
    answer.set(
      'error_description',
      `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`,
    );
  } else if (prompt !== 'none' && state.config.signIn === 'deny') {
    answer.set('error', 'access_denied');
    answer.set('error_description', 'AADSTS65004: User declined to consent to access the app.');
  } else {
    // An interactive sign-in leaves a session in the browser (a cookie of the sign-in site), which
    // later prompt=none authorizations from the same browser ride on.
    // The session is then the picked account's (the browser's next prompt=none signs in as them).
    const signedIn = user ?? state.microsoft.meId;
    if (!session) {
      newSession = randomBytes(16).toString('base64url');
      state.microsoftSessions.set(newSession, signedIn);
    } else state.microsoftSessions.set(session.id, signedIn);
    if (prompt !== 'none') {
      // The account was picked: a pending choice (POST /__sandbox/config { microsoftUser }) is used up.
      state.config.microsoftUser = null;
      const key = consentKey(clientId, signedIn);
      const consented = state.microsoftConsents.get(key) ?? new Set<string>();
      for (const scope of scopeNames(q.get('scope'))) consented.add(scope);
      state.microsoftConsents.set(key, consented);
    }
    const code = `M.C5_SB.2.U.${randomBytes(24).toString('base64url')}`;
    state.codes.set(code, {
      clientId,
      redirectUri: q.get('redirect_uri') ?? '',
      scope: q.get('scope') ?? '',
      challenge,
      expiresAt: state.now() + CODE_LIFETIME_MS,
      used: false,
      user: signedIn,
    });
    answer.set('code', code);
  }
  if (q.has('state')) answer.set('state', q.get('state') ?? '');
  if (q.get('response_mode') === 'fragment') redirect.hash = answer.toString();
  else answer.forEach((value, key) => redirect.searchParams.set(key, value));
  const headers: Record<string, string> = { location: redirect.toString() };
  if (newSession)
    headers['set-cookie'] =
      `${MICROSOFT_SESSION_COOKIE}=${newSession}; Path=${OAUTH_PREFIX}microsoft/; HttpOnly; SameSite=Lax`;
  res.writeHead(302, headers).end();
}

/** Scope names as consent knows them: case-insensitive, without the Graph resource prefix. */
function scopeNames(scope: string | null): string[] {
  return (scope ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => s.replace(/^https:\/\/graph\.microsoft\.com\//i, '').toLowerCase());
}

/** Consent is a user's, given to one application (Learn "Permissions and consent overview"). */
export function consentKey(clientId: string, user: string): string {
  return `${clientId} ${user.toLowerCase()}`;
}

function unconsented(state: SandboxState, clientId: string, user: string, scope: string | null): string[] {
  const consented = state.microsoftConsents.get(consentKey(clientId, user));
  return scopeNames(scope).filter((s) => !consented?.has(s));
}

/** The browser's sign-in session, from the cookie the request carries (if the sandbox still knows it). */
function microsoftSession(
  state: SandboxState,
  req: SandboxRequest,
): { id: string; user: string } | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    const user = value ? state.microsoftSessions.get(value) : undefined;
    if (name === MICROSOFT_SESSION_COOKIE && value && user) return { id: value, user };
  }
  return undefined;
}

/**
 * Which account an interactive sign-in ends as (a mailbox id of the demo tenant). The sign-in page
 * lets the user pick: Learn "Microsoft identity platform and OAuth 2.0 authorization code flow" —
 * `login_hint` "can be used to pre-fill the username/email address field of the sign-in page", and
 * `prompt=select_account` (what the extension sends) "interrupts single sign-on providing account
 * selection experience listing all the accounts either in session or any remembered account or an
 * option to choose to use a different account altogether" (also Learn "Prompt behavior in MSAL.js").
 * The sandbox stands in for that choice with POST /__sandbox/config { microsoftUser } (the next
 * interactive sign-in only); without it a `login_hint` naming a mailbox of the tenant, else the
 * account already signed in in this browser, else the manager.
 */
function pickMicrosoftUser(
  state: SandboxState,
  loginHint: string | null,
  session: { user: string } | undefined,
): string {
  const picked = state.config.microsoftUser ? state.mailbox(state.config.microsoftUser) : undefined;
  const hinted = loginHint ? state.mailbox(loginHint) : undefined;
  return picked?.user.id ?? hinted?.user.id ?? session?.user ?? state.microsoft.meId;
}

function microsoftToken(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const form = new URLSearchParams(req.body);
  const clientId = form.get('client_id') ?? '';
  const grant = form.get('grant_type');
  const redeem = { state, req, res, form, clientId };
  if (grant === 'authorization_code') return redeemCode(redeem);
  if (grant === 'refresh_token') return redeemRefresh(redeem);
  sendJson(
    res,
    400,
    aadError('unsupported_grant_type', 70003, 'The app requested an unsupported grant type.'),
  );
}

interface Redemption {
  state: SandboxState;
  req: SandboxRequest;
  res: ServerResponse;
  form: URLSearchParams;
  clientId: string;
}

/**
 * Every redirect URI here is registered as a single-page application (README: Microsoft 365), and
 * codes and refresh tokens issued to one may only be redeemed cross-origin. Learn "Microsoft identity
 * platform and OAuth 2.0 authorization code flow", "Redirect URIs for single-page apps": the platform
 * "returns an error if you attempt to use a spa redirect URI without an Origin header" — AADSTS9002327
 * ("Learn: Microsoft Entra authentication and authorization error codes"). The token endpoint answers
 * CORS for the origin of the registered SPA redirect URI; a browser extension's redirect URI
 * (https://<id>.chromiumapp.org/, Firefox's https://<hash>.extensions.allizom.org/) belongs to the
 * extension whose pages and worker send `Origin: chrome-extension://<id>` (moz-extension://<uuid>).
 * False when refused (the answer is sent).
 */
function crossOrigin({ req, res }: Redemption, redirectUri: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) {
    sendJson(
      res,
      400,
      aadError(
        'invalid_request',
        9002327,
        "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
      ),
    );
    return false;
  }
  if (redirectUri && spaOriginAllowed(redirectUri, origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
  } else res.removeHeader('access-control-allow-origin');
  return true;
}

/** Whether `origin` may redeem what was issued to the SPA redirect URI `redirectUri`. */
export function spaOriginAllowed(redirectUri: string, origin: string): boolean {
  const url = validRedirect(redirectUri);
  if (!url) return false;
  if (origin === url.origin) return true;
  const chrome = /^([a-z0-9]+)\.chromiumapp\.org$/i.exec(url.hostname);
  if (chrome) return origin === `chrome-extension://${chrome[1]!.toLowerCase()}`;
  // Firefox's redirect host is a hash of the add-on id; its pages' origin is a per-install UUID.
  if (url.hostname.endsWith('.extensions.allizom.org')) return /^moz-extension:\/\/[0-9a-f-]+$/i.test(origin);
  return false;
}

function redeemCode(redemption: Redemption): void {
  const { state, res, form, clientId } = redemption;
  const code = state.codes.get(form.get('code') ?? '');
  if (code && !crossOrigin(redemption, code.redirectUri)) return;
  if (!code || code.expiresAt < state.now()) {
    return sendJson(
      res,
      400,
      aadError(
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired due to inactivity.',
      ),
    );
  }
  if (code.used)
    return sendJson(
      res,
      400,
      aadError('invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed.'),
    );
  if (code.clientId !== clientId || code.redirectUri !== (form.get('redirect_uri') ?? '')) {
    return sendJson(
      res,
      400,
      aadError(
        'invalid_grant',
        50148,
        'The redirect_uri or client_id does not match the authorization request.',
      ),
    );
  }
  const verifier = form.get('code_verifier') ?? '';
  if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
    return sendJson(
      res,
      400,
      aadError(
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      ),
    );
  }
  code.used = true;
  sendTokens(state, res, { clientId, scope: code.scope, redirectUri: code.redirectUri, user: code.user });
}

function redeemRefresh(redemption: Redemption): void {
  const { state, res, form, clientId } = redemption;
  const record = state.tokens.get(form.get('refresh_token') ?? '');
  if (record?.redirectUri !== undefined && !crossOrigin(redemption, record.redirectUri)) return;
  if (
    !record ||
    record.provider !== 'microsoft' ||
    record.kind !== 'refresh' ||
    record.revoked ||
    record.clientId !== clientId
  ) {
    return sendJson(
      res,
      400,
      aadError('invalid_grant', 70000, "The provided value for the 'refresh_token' is not valid."),
    );
  }
  // Learn "Refresh tokens in the Microsoft identity platform": refresh tokens sent to a redirect URI
  // registered as spa expire after 24 hours, and "additional refresh tokens acquired using the
  // initial refresh token carry over that expiration time" — the app must sign in again (AADSTS700084).
  // Judged on the sandbox clock, which tests move past the 24 h (POST /__sandbox/clock).
  if (record.expiresAt <= state.now()) {
    return sendJson(
      res,
      400,
      aadError(
        'invalid_grant',
        700084,
        'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.',
      ),
    );
  }
  // A refresh token can be exchanged for any scope the user consented to, and no other (Learn
  // "Refresh tokens in the Microsoft identity platform"; the refusal is AADSTS65001, consent_required).
  const scope = form.get('scope') ?? record.scope;
  const user = state.tokenUser(form.get('refresh_token') ?? '');
  if (
    state.microsoftConsents.has(consentKey(clientId, user)) &&
    unconsented(state, clientId, user, scope).length > 0
  ) {
    return sendJson(res, 400, {
      ...aadError(
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`,
      ),
      suberror: 'consent_required',
    });
  }
  sendTokens(state, res, {
    clientId,
    scope,
    redirectUri: record.redirectUri,
    user,
    refreshExpiresAt: record.expiresAt,
  });
}

interface Grant {
  clientId: string;
  scope: string;
  redirectUri: string | undefined;
  /** The mailbox id of the user who signed in: both tokens are theirs. */
  user: string;
  refreshExpiresAt?: number;
}

function sendTokens(state: SandboxState, res: ServerResponse, grant: Grant): void {
  const { clientId, scope, redirectUri, user, refreshExpiresAt } = grant;
  const refresh = issue(state, 'microsoft', 'refresh', clientId, scope, '1.AQ-sandbox-');
  const record = state.tokens.get(refresh)!;
  record.user = user;
  if (redirectUri !== undefined) record.redirectUri = redirectUri;
  // A rotated refresh token keeps the first one's end (see redeemRefresh).
  if (refreshExpiresAt !== undefined) record.expiresAt = refreshExpiresAt;
  const access = issue(state, 'microsoft', 'access', clientId, scope, 'eyJ0eXAiOiJKV1Qi.sandbox.');
  state.tokens.get(access)!.user = user;
  sendJson(res, 200, {
    token_type: 'Bearer',
    scope,
    expires_in: ACCESS_LIFETIME_S,
    ext_expires_in: ACCESS_LIFETIME_S,
    access_token: access,
    refresh_token: refresh,
  });
}

function issue(
  state: SandboxState,
  provider: Provider,
  kind: 'access' | 'refresh',
  clientId: string,
  scope: string,
  prefix: string,
): string {
  const token = `${prefix}${randomBytes(24).toString('base64url')}`;
  const lifetimeMs = kind === 'access' ? ACCESS_LIFETIME_S * 1000 : 24 * 3600_000;
  state.tokens.set(token, {
    provider,
    kind,
    scope,
    clientId,
    expiresAt: state.now() + lifetimeMs,
    revoked: false,
  });
  return token;
}

/** The identity platform's error JSON. */
function aadError(error: string, code: number, description: string): Record<string, unknown> {
  return {
    error,
    error_description: `AADSTS${code}: ${description}`,
    error_codes: [code],
    timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
    trace_id: randomBytes(16).toString('hex'),
    correlation_id: randomBytes(16).toString('hex'),
  };
}

function validRedirect(value: string | null): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
