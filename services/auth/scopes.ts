// Google's granular consent lets the user untick some of the scopes asked for; the token answer's
// `scope` then lists only what was granted (developers.google.com/identity/protocols/oauth2/
// resources/granular-permissions). Comparing it with what the product needs tells the user
// exactly which permission is missing, before a booking fails on it.
import { SCOPES } from './clients';
import { CalendarError } from '../calendar/errors';

/** Scopes in `needed` that `granted` (space-separated, as token answers carry it) lacks. */
export function missingScopes(granted: string, needed: readonly string[]): string[] {
  // Microsoft answers may spell Graph scopes as resource URLs; offline_access is never echoed back.
  const have = new Set(
    granted
      .split(/\s+/)
      .filter(Boolean)
      .map((s) => s.replace(/^https:\/\/graph\.microsoft\.com\//i, '')),
  );
  have.add('offline_access');
  // A broader scope covers the narrower ones: full calendar access includes events and free/busy.
  const covers: Record<string, string[]> = {
    'https://www.googleapis.com/auth/calendar': [
      'https://www.googleapis.com/auth/calendar.events',
      'https://www.googleapis.com/auth/calendar.freebusy',
      'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
    ],
    'Calendars.ReadWrite.Shared': ['Calendars.ReadWrite'],
  };
  for (const scope of [...have]) for (const narrower of covers[scope] ?? []) have.add(narrower);
  return needed.filter((s) => !have.has(s));
}

/** Missing Google scopes after a sign-in, or [] when everything needed was granted. */
export function missingGoogleScopes(granted: string): string[] {
  return missingScopes(granted, SCOPES.google);
}

/** A 'scope' CalendarError naming what to grant, or null when nothing is missing. */
export function scopeError(provider: 'google' | 'microsoft', granted: string): CalendarError | null {
  const missing = missingScopes(granted, SCOPES[provider]);
  if (missing.length === 0) return null;
  return new CalendarError('scope', `Permission not granted: ${missing.join(' ')}`, {
    reason: 'insufficientPermissions',
    missingScopes: missing,
  });
}

/** Short names for the UI ("calendar.events"), from the scope URLs Google uses. */
export function scopeLabel(scope: string): string {
  return scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}
