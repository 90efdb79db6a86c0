import { createProvider } from './calendar/provider';
import type { CalendarProvider, ProviderKind } from './calendar/types';
import { isCalendarError } from './calendar/errors';
import { dropAccessToken, getAccessToken } from './auth/flows';
import { connected } from './auth/tokens';
import { GOOGLE_API_BASE, GRAPH_API_BASE } from './config';

/** Providers the user has connected, in a stable order. */
export async function connectedProviders(): Promise<ProviderKind[]> {
  const state = await connected.getValue();
  return (['google', 'microsoft'] as const).filter((p) => state[p] !== null);
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
