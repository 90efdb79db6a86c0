import { liveQuery } from 'dexie';
import { cachedAgenda, type RefreshOutcome } from '../../services/agenda/refresh';
import type { AgendaCacheEntry } from '../../services/db/db';
import { db } from '../../services/db/db';
import { sendToBackground } from '../../services/messaging';

// The agenda's second stage, loaded after the first paint (a dynamic import from Agenda.tsx): Dexie's
// live query over the cache and the profile, and the background refresh.

/** Calls back with the cache and the stored profile now and after every change; returns the stop. */
export function watchAgenda(onChange: (entries: AgendaCacheEntry[], profile: unknown) => void): () => void {
  const subscription = liveQuery(async () => {
    const [{ entries }, record] = await Promise.all([cachedAgenda(), db.settings.get('profile')]);
    return { entries, profile: record?.value ?? null };
  }).subscribe({
    next: ({ entries, profile }) => onChange(entries, profile),
    error: (err: unknown) => console.error('Live query failed', err),
  });
  return () => subscription.unsubscribe();
}

export async function refreshNow(): Promise<RefreshOutcome[]> {
  try {
    return await sendToBackground({ type: 'agenda:refresh', data: {} });
  } catch (err) {
    return [{ provider: 'google', ok: false, errorKind: 'network', error: String(err) }];
  }
}
