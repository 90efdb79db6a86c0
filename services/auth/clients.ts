import { storage } from 'wxt/utils/storage';
import { SANDBOX } from '../config';

// OAuth client ids are configuration, not secrets: from the build env (WXT_GOOGLE_CLIENT_ID,
// WXT_MICROSOFT_CLIENT_ID) or typed in the options page, which wins.
export const clientIdOverrides = storage.defineItem<{ google: string; microsoft: string }>(
  'local:oauthClientIds',
  {
    fallback: { google: '', microsoft: '' },
  },
);

const BUILT_IN = {
  google: SANDBOX
    ? 'sandbox-google.apps.googleusercontent.com'
    : String(import.meta.env.WXT_GOOGLE_CLIENT_ID ?? ''),
  microsoft: SANDBOX ? 'sandbox-microsoft-client' : String(import.meta.env.WXT_MICROSOFT_CLIENT_ID ?? ''),
};

export async function clientId(provider: 'google' | 'microsoft'): Promise<string> {
  const override = (await clientIdOverrides.getValue())[provider].trim();
  return override || BUILT_IN[provider];
}

/** Least scopes that do the job (README explains each). */
export const SCOPES = {
  google: [
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.freebusy',
    'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
  ],
  microsoft: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared', 'User.Read', 'offline_access'],
};

/**
 * Scopes that features the user turned on add to the sign-in (incremental authorization: backup,
 * team sharing), kept so silent renewals ask for them too. Google keeps earlier grants with
 * include_granted_scopes; Microsoft's consent adds them to the app's grant.
 */
export const extraScopes = storage.defineItem<{ google: string[]; microsoft: string[] }>(
  'local:oauthExtraScopes',
  { fallback: { google: [], microsoft: [] } },
);

/** What a sign-in asks for: the base scopes and the extras turned on. */
export async function requestedScopes(provider: 'google' | 'microsoft'): Promise<string[]> {
  return [...new Set([...SCOPES[provider], ...(await extraScopes.getValue())[provider]])];
}
