import { DateTime } from 'luxon';
import { db, type AgendaCacheEntry } from '../db/db';
import type { AgendaEvent, CalendarInfo, CalendarProvider, ProviderKind } from '../calendar/types';
import { errorMessage, isCalendarError, type ErrorMessage } from '../calendar/errors';

// Refreshes the agenda cache: every included calendar of every connected provider, today and the
// next 8 days. A provider that fails keeps its previous events (with the error noted) so the
// popup still shows them, marked stale; the other provider is unaffected.

export const AGENDA_DAYS = 9;

export interface AgendaSource {
  kind: ProviderKind;
  provider: CalendarProvider;
}

export interface RefreshOutcome {
  provider: ProviderKind;
  ok: boolean;
  /** 'auth' means the user has to reconnect; 'scope' that a permission is missing. */
  errorKind?: string;
  error?: string;
  /** What to tell the user, by the provider's documented reason (errors.ts). */
  message?: ErrorMessage;
}

/** Calendars shown by default: the primary one and those the manager can write to. */
export function includedByDefault(calendar: CalendarInfo): boolean {
  return calendar.primary || calendar.canEdit;
}

export async function refreshAgenda(
  sources: AgendaSource[],
  zone: string,
  now = Date.now(),
): Promise<RefreshOutcome[]> {
  const start = DateTime.fromMillis(now, { zone }).startOf('day');
  const range = { start: start.toMillis(), end: start.plus({ days: AGENDA_DAYS }).toMillis() };
  return Promise.all(
    sources.map(async ({ kind, provider }): Promise<RefreshOutcome> => {
      try {
        const calendars = (await provider.calendars()).filter(includedByDefault);
        const lists = await Promise.all(
          calendars.map(async (c) => ({ c, events: await provider.list(c.id, range) })),
        );
        await db.transaction('rw', db.agendaCache, async () => {
          // Calendars no longer included or gone disappear from the cache.
          await db.agendaCache.where('id').startsWith(`${kind}:`).delete();
          await db.agendaCache.bulkPut(
            lists.map(({ c, events }): AgendaCacheEntry => ({
              id: `${kind}:${c.id}`,
              provider: kind,
              calendarId: c.id,
              fetchedAt: now,
              rangeStart: range.start,
              rangeEnd: range.end,
              events,
              error: null,
            })),
          );
        });
        return { provider: kind, ok: true };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await db.agendaCache.where('id').startsWith(`${kind}:`).modify({ error: message });
        return {
          provider: kind,
          ok: false,
          errorKind: isCalendarError(err) ? err.kind : 'unknown',
          error: message,
          message: errorMessage(err),
        };
      }
    }),
  );
}

export async function cachedAgenda(): Promise<{ events: AgendaEvent[]; entries: AgendaCacheEntry[] }> {
  const entries = await db.agendaCache.toArray();
  return { events: entries.flatMap((e) => e.events as AgendaEvent[]), entries };
}

/** The background's refresh: every connected account, in the manager's time zone. */
export async function refreshConnectedAgenda(
  deps: {
    providers: () => Promise<ProviderKind[]>;
    providerFor: (kind: ProviderKind, zone: string) => CalendarProvider;
    zone: () => Promise<string>;
  },
  now = Date.now(),
): Promise<RefreshOutcome[]> {
  const zone = await deps.zone();
  const kinds = await deps.providers();
  return refreshAgenda(
    kinds.map((kind) => ({ kind, provider: deps.providerFor(kind, zone) })),
    zone,
    now,
  );
}
