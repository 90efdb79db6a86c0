import type { AgendaCacheEntry } from '../../services/db/db';

// The popup's first paint reads the agenda cache and the business profile straight from IndexedDB:
// two `get`s in one read-only transaction, without loading Dexie (≈ 100 KB of script to parse before
// anything shows). Only reads, only stores that already exist: the database belongs to Dexie
// (services/db/db.ts), which creates and upgrades it; everything after the first paint goes through it.

const DB_NAME = 'ops-assistant'; // services/db/db.ts DB_NAME (importing it would load Dexie)

export interface CacheSnapshot {
  entries: AgendaCacheEntry[];
  /** The stored business profile record's value, unvalidated (null when none is stored). */
  profile: unknown;
}

/** The cache as stored, or null when the database is not there yet or not in the expected shape. */
export function readCacheSnapshot(factory: IDBFactory = indexedDB): Promise<CacheSnapshot | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      // No version: opens whatever version Dexie left, never upgrades it.
      request = factory.open(DB_NAME);
    } catch {
      resolve(null);
      return;
    }
    // Only a database that does not exist yet is "upgraded" by a version-less open: abort, so that
    // creating it stays Dexie's job (an empty version-1 database would confuse its first upgrade).
    request.onupgradeneeded = () => {
      request.transaction?.abort();
    };
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of Dexie's upgrade in another page.
      db.onversionchange = () => db.close();
      const stores = ['agendaCache', 'settings'];
      if (!stores.every((s) => db.objectStoreNames.contains(s))) {
        db.close();
        resolve(null);
        return;
      }
      const tx = db.transaction(stores, 'readonly');
      const entries = tx.objectStore('agendaCache').getAll();
      const profile = tx.objectStore('settings').get('profile');
      tx.oncomplete = () => {
        db.close();
        const record = profile.result as { value?: unknown } | undefined;
        resolve({ entries: entries.result as AgendaCacheEntry[], profile: record?.value ?? null });
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        resolve(null);
      };
    };
  });
}
