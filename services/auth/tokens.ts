import { storage } from 'wxt/utils/storage';

export type Provider = 'google' | 'microsoft';

export interface AccessToken {
  accessToken: string;
  /** ms since epoch */
  expiresAt: number;
  scope: string;
  /** The signed-in account, when known (shown in options). */
  account: string | null;
}

// Access tokens live in storage.session: memory only, gone when the browser closes, never visible
// to content scripts (session storage defaults to trusted contexts). Never in localStorage or logs.
export const accessTokens = {
  google: storage.defineItem<AccessToken | null>('session:token:google', { fallback: null }),
  microsoft: storage.defineItem<AccessToken | null>('session:token:microsoft', { fallback: null }),
};

/**
 * Microsoft's single-page-app refresh token (valid 24 h, rotated on each use) so a browser restart
 * does not ask the user to sign in again the same day. Google's implicit flow has none.
 */
export const microsoftRefreshToken = storage.defineItem<string | null>('local:refresh:microsoft', {
  fallback: null,
});

/**
 * When the Microsoft session's refresh tokens stop working (ms since epoch): 24 h after the sign-in
 * that issued the first one. Rotated refresh tokens keep that end; only a new authorization
 * (interactive, or silent with prompt=none) starts another 24 h.
 */
export const microsoftSessionEnds = storage.defineItem<number | null>('local:refresh:microsoft:ends', {
  fallback: null,
});

/** Which providers the user connected (survives restarts; tokens do not). */
export const connected = storage.defineItem<Record<Provider, { account: string | null; at: number } | null>>(
  'local:connectedAccounts',
  { fallback: { google: null, microsoft: null } },
);

/**
 * Providers whose silent renewal needs the user: the provider answered that it cannot go on without
 * them (Microsoft `login_required` / `interaction_required` to a prompt=none authorization, a dead
 * refresh token, Google's silent flow refused). The account is shown as "reconnect" with the reason
 * until Connect succeeds; queued work keeps waiting meanwhile. A later silent renewal that works
 * (the user signed in to Microsoft again in another tab) clears it as well.
 */
export const reconnectNeeded = storage.defineItem<
  Record<Provider, { reason: string | null; at: number } | null>
>('local:auth:reconnectNeeded', { fallback: { google: null, microsoft: null } });

/** A token is "fresh" with a minute to spare, so a request never leaves with one about to expire. */
export function isFresh(token: AccessToken | null, now = Date.now()): token is AccessToken {
  return token !== null && token.expiresAt - 60_000 > now;
}
