import { extraScopes } from '../auth/clients';
import { accessTokens, type Provider } from '../auth/tokens';
import { missingScopes } from '../auth/scopes';
import { sendToBackground } from '../messaging';

// Incremental authorization for backup and team sharing: the feature's scope is added to what
// sign-in asks for only when the user turns the feature on (Google "Use incremental
// authorization", developers.google.com/identity/protocols/oauth2/web-server#incrementalAuth;
// Microsoft "Permissions and consent": scopes asked for dynamically are consented to when asked).

export type AccessOutcome = { ok: true } | { ok: false; error: string } | { ok: false; missing: string[] };

/** Adds `scopes` to the sign-in, signs in (a consent screen names them), and checks they were granted. */
export async function grantAccess(provider: Provider, scopes: string[]): Promise<AccessOutcome> {
  const extra = await extraScopes.getValue();
  await extraScopes.setValue({ ...extra, [provider]: [...new Set([...extra[provider], ...scopes])] });
  const answer = await sendToBackground({ type: 'auth:connect', data: { provider } });
  if (!answer.ok) return { ok: false, error: answer.error };
  const granted = (await accessTokens[provider].getValue())?.scope ?? '';
  const missing = missingScopes(granted, scopes);
  return missing.length > 0 ? { ok: false, missing } : { ok: true };
}

/** Whether the current sign-in already carries `scopes` (false when signed out). */
export async function hasAccess(provider: Provider, scopes: string[]): Promise<boolean> {
  const token = await accessTokens[provider].getValue();
  if (!token) return false;
  // A token answer without `scope` (some renewals) is taken as carrying what was asked.
  return token.scope === '' || missingScopes(token.scope, scopes).length === 0;
}
