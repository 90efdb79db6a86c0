import { browser } from 'wxt/browser';
// Reads `self` when imported: there in pages and the service worker; Node tests use jsdom.
import { exportDB, importInto } from 'dexie-export-import';
import type { OpsDb } from '../db/db';

// The whole database as one document: every Dexie table (complaints, tasks, lists, templates,
// contacts, settings and the profile, the outbox, and whatever tables later versions add — the
// ledger, routines), enumerated from the open schema rather than listed here, so a table added
// later is in the next backup without touching this file. Plus the preferences kept in
// storage.local. Never included: the vault (the backup key itself) and sign-in tokens.

/** Tables that stay in this profile. */
export const LOCAL_ONLY_TABLES = ['vault'];

/**
 * storage.local keys restored with the data; tokens and session state are not among them. The extra
 * sign-in scopes come along so a restored profile asks for the permissions its shared lists need.
 */
export const PREFERENCE_KEYS = ['uiLanguage', 'aiSettings', 'oauthClientIds', 'oauthExtraScopes'];

export interface Snapshot {
  dexie: unknown;
  preferences: Record<string, unknown>;
  tables: Record<string, number>;
}

export async function takeSnapshot(db: OpsDb): Promise<Snapshot> {
  const blob = await exportDB(db, { skipTables: LOCAL_ONLY_TABLES });
  const dexie = JSON.parse(await blob.text()) as { data: { data: { tableName: string; rows: unknown[] }[] } };
  const tables: Record<string, number> = {};
  for (const table of dexie.data.data) tables[table.tableName] = table.rows.length;
  const preferences = await browser.storage.local.get(PREFERENCE_KEYS);
  return { dexie, preferences, tables };
}

export function snapshotBytes(snapshot: Snapshot): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(snapshot));
}

export function readSnapshot(bytes: Uint8Array<ArrayBuffer>): Snapshot {
  const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Snapshot>;
  if (!value.dexie || typeof value.dexie !== 'object' || !value.tables)
    throw new Error('The backup holds no database');
  return { dexie: value.dexie, preferences: value.preferences ?? {}, tables: value.tables };
}

/**
 * Replaces every table the backup holds with its rows, in one transaction (all or nothing). A
 * backup from a newer version, with tables this one lacks, is refused rather than half-restored.
 */
export async function restoreSnapshot(db: OpsDb, snapshot: Snapshot): Promise<void> {
  const blob = new Blob([JSON.stringify(snapshot.dexie)], { type: 'application/json' });
  await importInto(db, blob, {
    clearTablesBeforeImport: true,
    acceptVersionDiff: true,
    acceptNameDiff: true,
    acceptMissingTables: false,
    skipTables: LOCAL_ONLY_TABLES,
  });
  const preferences = Object.fromEntries(
    Object.entries(snapshot.preferences).filter(([key]) => PREFERENCE_KEYS.includes(key)),
  );
  if (Object.keys(preferences).length > 0) await browser.storage.local.set(preferences);
}
