import { createProvider } from './calendar/provider';
import type { CalendarProvider, ProviderKind } from './calendar/types';
import { CalendarError, isCalendarError } from './calendar/errors';
import { scopeError, scopeLabel } from './auth/scopes';
import { dropAccessToken, getAccessToken } from './auth/flows';
import { accessTokens, connected } from './auth/tokens';
import { GOOGLE_API_BASE, GRAPH_API_BASE } from './config';

/** Providers the user has connected, in a stable order. */
export async function connectedProviders(): Promise<ProviderKind[]> {
  const state = await connected.getValue();
  return (['google', 'microsoft'] as const).filter((p) => state[p] !== null);
}

/**
 * The address of a connected account: its primary calendar's owner (Google's primary calendar id is
 * the account's address; Graph gives the default calendar's owner). No scope beyond the calendar
 * list the product already asks for.
 */
export async function accountAddress(kind: ProviderKind): Promise<string | null> {
  const primary = (await calendarProvider(kind).calendars()).find((c) => c.primary);
  return primary?.ownerEmail ?? null;
}

/**
 * A calendar provider for a connected account. A 401 drops the cached token and tries once more
 * with a renewed one; a second refusal surfaces as `CalendarError('auth')` ("reconnect").
 */
export function calendarProvider(kind: ProviderKind, timeZone?: string): CalendarProvider {
  const inner = createProvider(kind, {
    baseUrl: kind === 'google' ? GOOGLE_API_BASE : GRAPH_API_BASE,
    getToken: () => getAccessToken(kind),
    ...(timeZone ? { timeZone } : {}),
  });
  const retryOnce =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (err) {
        if (isCalendarError(err) && err.kind === 'scope') throw await namingMissing(kind, err);
        if (!isCalendarError(err) || err.kind !== 'auth') throw err;
        await dropAccessToken(kind);
        return call(...args);
      }
    };
  return {
    busy: retryOnce(inner.busy.bind(inner)),
    list: retryOnce(inner.list.bind(inner)),
    get: retryOnce(inner.get.bind(inner)),
    create: retryOnce(inner.create.bind(inner)),
    update: retryOnce(inner.update.bind(inner)),
    cancel: retryOnce(inner.cancel.bind(inner)),
    calendars: retryOnce(inner.calendars.bind(inner)),
  };
}

/**
 * A refusal for a missing permission, naming what the granted scopes lack (compared with what
 * the product asks for), so the user is asked for exactly that.
 */
async function namingMissing(kind: ProviderKind, err: CalendarError): Promise<CalendarError> {
  if (err.missingScopes?.length) return err;
  const granted = (await accessTokens[kind].getValue())?.scope ?? '';
  const named = granted ? scopeError(kind, granted) : null;
  if (!named?.missingScopes) return err;
  return new CalendarError('scope', err.message, {
    ...(err.status !== undefined ? { status: err.status } : {}),
    ...(err.reason !== undefined ? { reason: err.reason } : {}),
    missingScopes: named.missingScopes.map(scopeLabel),
  });
}
