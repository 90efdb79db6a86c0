import { db as sharedDb, type OpsDb } from '../db/db';
import type { Provider } from '../auth/tokens';
import { isCalendarError } from '../calendar/errors';
import { backupCloud, BACKUP_PREFIX, type BackupCloud, type BackupFile } from './cloud';
import {
  BackupCryptoError,
  deriveKey,
  KDF_ITERATIONS,
  MIN_PASSPHRASE,
  newSalt,
  open,
  parseEnvelope,
  seal,
} from './crypto';
import { readSnapshot, restoreSnapshot, snapshotBytes, takeSnapshot } from './snapshot';

// Backup and restore of the whole database to the user's own cloud (issue 18, item 7). One
// encrypted file per backup; the newest KEEP stay, older ones are removed after a good upload.

export type Schedule = 'off' | 'daily' | 'weekly';

export interface LastBackup {
  at: number;
  ok: boolean;
  file?: BackupFile;
  /** What went wrong, as the error's kind and text (shown in Options). */
  error?: { kind: string; message: string };
  records?: number;
}

export interface BackupSettings {
  provider: Provider | null;
  schedule: Schedule;
  /** Salt and work factor of the key the vault holds; null until a passphrase is set. */
  salt: string | null;
  iterations: number;
  last: LastBackup | null;
}

const META_KEY = 'backup';
const VAULT_KEY = 'backup-key';
export const KEEP = 7;
export const SCHEDULE_MS: Record<Exclude<Schedule, 'off'>, number> = {
  daily: 24 * 3_600_000,
  weekly: 7 * 24 * 3_600_000,
};

export const DEFAULT_SETTINGS: BackupSettings = {
  provider: null,
  schedule: 'daily',
  salt: null,
  iterations: KDF_ITERATIONS,
  last: null,
};

export async function backupSettings(db: OpsDb = sharedDb): Promise<BackupSettings> {
  const record = await db.syncMeta.get(META_KEY);
  return { ...DEFAULT_SETTINGS, ...(record?.value as Partial<BackupSettings> | undefined) };
}

export async function saveBackupSettings(
  changes: Partial<BackupSettings>,
  db: OpsDb = sharedDb,
): Promise<BackupSettings> {
  return db.transaction('rw', db.syncMeta, async () => {
    const value = { ...(await backupSettings(db)), ...changes };
    await db.syncMeta.put({ key: META_KEY, value, updatedAt: Date.now() });
    return value;
  });
}

export async function hasBackupKey(db: OpsDb = sharedDb): Promise<boolean> {
  return (await db.vault.get(VAULT_KEY)) !== undefined;
}

/** Sets (or changes) the passphrase: a new salt, and the key derived from both kept in the vault. */
export async function setPassphrase(
  passphrase: string,
  db: OpsDb = sharedDb,
  iterations = KDF_ITERATIONS,
): Promise<void> {
  if (passphrase.length < MIN_PASSPHRASE)
    throw new BackupCryptoError('passphrase', `At least ${MIN_PASSPHRASE} characters`);
  const salt = newSalt();
  await keepKey(await deriveKey(passphrase, salt, iterations), salt, iterations, db);
}

async function keepKey(key: CryptoKey, salt: string, iterations: number, db: OpsDb): Promise<void> {
  await db.vault.put({ id: VAULT_KEY, key, createdAt: Date.now() });
  await saveBackupSettings({ salt, iterations }, db);
}

export interface BackupResult {
  file: BackupFile;
  records: number;
}

let running: Promise<BackupResult> | null = null;

/** Backs up now; a second call while one runs shares it. Records the outcome as "last backup". */
export function backupNow(
  db: OpsDb = sharedDb,
  cloudFor: (p: Provider) => BackupCloud = backupCloud,
): Promise<BackupResult> {
  running ??= runBackup(db, cloudFor).finally(() => {
    running = null;
  });
  return running;
}

async function runBackup(db: OpsDb, cloudFor: (p: Provider) => BackupCloud): Promise<BackupResult> {
  const settings = await backupSettings(db);
  try {
    if (!settings.provider) throw new BackupError('setup', 'Choose where backups go first');
    const vault = await db.vault.get(VAULT_KEY);
    if (!vault || !settings.salt) throw new BackupError('setup', 'Set a backup passphrase first');
    const snapshot = await takeSnapshot(db);
    const now = new Date();
    const envelope = await seal(snapshotBytes(snapshot), vault.key, {
      salt: settings.salt,
      iterations: settings.iterations,
    });
    const cloud = cloudFor(settings.provider);
    const name = `${BACKUP_PREFIX}${now.toISOString().replace(/[:.]/g, '-')}.json`;
    const file = await cloud.upload(name, JSON.stringify(envelope));
    const records = Object.values(snapshot.tables).reduce((a, b) => a + b, 0);
    await saveBackupSettings({ last: { at: now.getTime(), ok: true, file, records } }, db);
    await prune(cloud, file).catch(() => undefined);
    return { file, records };
  } catch (err) {
    await saveBackupSettings({ last: { at: 0, ...settings.last, ...failure(err) } }, db);
    throw err;
  }
}

/** A failed run keeps the last good backup's file and time; `ok: false` and the error show beside it. */
function failure(err: unknown): Pick<LastBackup, 'ok' | 'error'> {
  const kind =
    isCalendarError(err) || err instanceof BackupError || err instanceof BackupCryptoError
      ? err.kind
      : 'other';
  return { ok: false, error: { kind, message: err instanceof Error ? err.message : String(err) } };
}

async function prune(cloud: BackupCloud, keep: BackupFile): Promise<void> {
  const files = await cloud.list();
  for (const old of files.slice(KEEP)) if (old.id !== keep.id) await cloud.remove(old.id);
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly kind: 'setup' | 'empty',
    message: string,
  ) {
    super(message);
  }
}

/** The backups in the chosen cloud, newest first. */
export function listBackups(provider: Provider, cloudFor = backupCloud): Promise<BackupFile[]> {
  return cloudFor(provider).list();
}

/**
 * Restores a backup (the newest when `fileId` is not given) over this profile's data. The
 * passphrase is checked by decrypting before anything local changes; afterwards the key is kept,
 * so this profile goes on backing up to the same place with the same passphrase.
 */
export async function restoreBackup(
  provider: Provider,
  passphrase: string,
  options: { fileId?: string; db?: OpsDb; cloudFor?: (p: Provider) => BackupCloud } = {},
): Promise<{ file: BackupFile; tables: Record<string, number> }> {
  const { db = sharedDb, cloudFor = backupCloud } = options;
  const cloud = cloudFor(provider);
  const files = await cloud.list();
  const file = options.fileId ? files.find((f) => f.id === options.fileId) : files[0];
  if (!file) throw new BackupError('empty', 'No backup found in this account');
  const envelope = parseEnvelope(await cloud.download(file.id));
  const key = await deriveKey(passphrase, envelope.kdf.salt, envelope.kdf.iterations);
  const snapshot = readSnapshot(await open(envelope, key));
  await restoreSnapshot(db, snapshot);
  await keepKey(key, envelope.kdf.salt, envelope.kdf.iterations, db);
  await saveBackupSettings(
    {
      provider,
      last: {
        at: Date.parse(envelope.createdAt),
        ok: true,
        file,
        records: Object.values(snapshot.tables).reduce((a, b) => a + b, 0),
      },
    },
    db,
  );
  return { file, tables: snapshot.tables };
}

/** Whether a scheduled backup is due now. */
export function backupDue(settings: BackupSettings, hasKey: boolean, now = Date.now()): boolean {
  if (settings.schedule === 'off' || !settings.provider || !hasKey || !settings.salt) return false;
  // A failed run keeps the last good file and time, so it is tried again at each check until one works.
  const lastGood = settings.last?.file ? settings.last.at : 0;
  return now - lastGood >= SCHEDULE_MS[settings.schedule];
}
