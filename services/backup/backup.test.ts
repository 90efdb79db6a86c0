// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, searchWords, type OpsDb } from '../db/db';
import { useSandbox } from '../../sandbox/testing';
import { FIXED_TOKENS } from '../../sandbox/state';
import { setCloudAuthForTests } from '../sync/http';
import { googleDrive, oneDrive, type BackupCloud } from './cloud';
import {
  backupDue,
  backupNow,
  backupSettings,
  hasBackupKey,
  restoreBackup,
  saveBackupSettings,
  setPassphrase,
} from './backup';
import type { Provider } from '../auth/tokens';

// Backup → a fresh database → restore, against the strict sandbox's Drive app folder and OneDrive
// app folder over real HTTP. A low PBKDF2 work factor keeps the test fast; the product uses 600,000.
const sandbox = useSandbox();
const ITERATIONS = 1_000;
const PASSPHRASE = 'correct horse battery staple';
let opened: OpsDb[] = [];
let tokenCalls = 0;
let token: Record<Provider, string>;

function fresh(): OpsDb {
  const db = openDb(`backup-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

const clouds = (p: Provider): BackupCloud =>
  p === 'google' ? googleDrive(`${sandbox.origin()}/google`) : oneDrive(`${sandbox.origin()}/graph/`);

beforeEach(() => {
  tokenCalls = 0;
  token = { ...FIXED_TOKENS };
  setCloudAuthForTests(
    async (p) => {
      tokenCalls++;
      return token[p];
    },
    async (p) => {
      token[p] = FIXED_TOKENS[p];
    },
    async () => {},
  );
});
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

async function fill(db: OpsDb): Promise<void> {
  await db.lists.put({ id: 'l1', name: 'Tienda', builtIn: null, order: 1, createdAt: 1 });
  for (let i = 0; i < 50; i++) {
    const title = `Llamar al proveedor ${i} — ñandú €`;
    await db.tasks.put({
      id: `t${i}`,
      listId: 'l1',
      title,
      notes: i % 2 ? 'nota' : '',
      dueAt: i % 3 ? 1_760_000_000_000 + i : null,
      dueAllDay: i % 5 === 0,
      remindAt: null,
      priority: 'normal',
      status: i % 4 ? 'open' : 'done',
      link: i % 7 ? null : { kind: 'thread', ref: `gmail:${i}`, url: 'https://mail.google.com/x' },
      order: i,
      createdAt: i,
      completedAt: i % 4 ? null : 99,
      words: searchWords(title),
    });
  }
  await db.settings.put({ key: 'profile', value: { businessName: 'Ferretería López' }, updatedAt: 5 });
  await db.templates.put({ id: 'tp1', intent: 'complaint', language: 'es', updatedAt: 3 } as never);
}

async function everything(db: OpsDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (['vault', 'syncMeta'].includes(table.name)) continue;
    out[table.name] = await table.toArray();
  }
  return out;
}

describe.each(['google', 'microsoft'] as const)('backup to %s', (provider) => {
  it('restores every record into a fresh profile, with the passphrase only', async () => {
    const a = fresh();
    await fill(a);
    const scopes = { google: ['https://www.googleapis.com/auth/tasks'], microsoft: [] };
    await fakeBrowser.storage.local.set({ uiLanguage: 'es', oauthExtraScopes: scopes, 'token:x': 'secret' });
    await setPassphrase(PASSPHRASE, a, ITERATIONS);
    await saveBackupSettings({ provider }, a);
    const result = await backupNow(a, clouds);
    expect(result.records).toBeGreaterThanOrEqual(53);
    expect((await backupSettings(a)).last).toMatchObject({ ok: true, file: { id: result.file.id } });

    // The cloud holds ciphertext only: no record text in the stored file.
    const stored = await clouds(provider).download(result.file.id);
    expect(stored).not.toContain('proveedor');
    expect(stored).not.toContain(PASSPHRASE);

    await fakeBrowser.storage.local.clear();
    const b = fresh();
    expect(await hasBackupKey(b)).toBe(false);
    await restoreBackup(provider, PASSPHRASE, { db: b, cloudFor: clouds });
    expect(await everything(b)).toEqual(await everything(a));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ uiLanguage: 'es', oauthExtraScopes: scopes });
    // The restored profile goes on backing up with the same passphrase, to the same place.
    expect(await hasBackupKey(b)).toBe(true);
    expect((await backupSettings(b)).provider).toBe(provider);
    await backupNow(b, clouds);
    expect(await clouds(provider).list()).toHaveLength(2);
  });

  it('refuses a wrong passphrase before touching local data', async () => {
    const a = fresh();
    await fill(a);
    await setPassphrase(PASSPHRASE, a, ITERATIONS);
    await saveBackupSettings({ provider }, a);
    await backupNow(a, clouds);

    const b = fresh();
    await b.tasks.put({ ...(await a.tasks.get('t1'))!, id: 'mine', title: 'local only' });
    await expect(
      restoreBackup(provider, 'not the passphrase', { db: b, cloudFor: clouds }),
    ).rejects.toMatchObject({
      kind: 'passphrase',
    });
    expect(await b.tasks.toArray()).toHaveLength(1);
  });

  it('waits out a 429 with Retry-After and a 500, and renews a refused token: one file', async () => {
    const a = fresh();
    await fill(a);
    await setPassphrase(PASSPHRASE, a, ITERATIONS);
    await saveBackupSettings({ provider }, a);
    const upload = provider === 'google' ? '/google/upload/' : '/graph/v1.0/me/drive/special/';
    await sandbox.admin('faults', 'POST', [
      { path: upload, status: 429, retryAfter: 1, times: 1 },
      { path: upload, status: 500, times: 1 },
    ]);
    token[provider] = 'stale-token';
    await backupNow(a, clouds);
    expect(await clouds(provider).list()).toHaveLength(1);
    expect(tokenCalls).toBeGreaterThanOrEqual(4);
  });
});

describe("a backup over Drive's 5 MB multipart limit", () => {
  it('goes up as a resumable upload in chunks, survives a chunk whose answer is lost, and restores whole', async () => {
    const a = fresh();
    // 3,000 tasks with 2 KB of random notes each: about 8 MB stored, however well gzip packs text.
    const random = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(1536))));
    await a.lists.put({ id: 'l1', name: 'Tienda', builtIn: null, order: 1, createdAt: 1 });
    await a.tasks.bulkPut(
      Array.from({ length: 3000 }, (_, i) => ({
        id: `big${i}`,
        listId: 'l1',
        title: `Revisar albarán ${i}`,
        notes: random(),
        dueAt: null,
        dueAllDay: false,
        remindAt: null,
        priority: 'normal' as const,
        status: 'open' as const,
        link: null,
        order: i,
        createdAt: i,
        completedAt: null,
        words: ['revisar', 'albaran'],
      })),
    );
    await setPassphrase(PASSPHRASE, a, ITERATIONS);
    await saveBackupSettings({ provider: 'google' }, a);
    // The first chunk arrives, but its answer never comes back.
    await sandbox.admin('faults', 'POST', [
      { method: 'PUT', path: '/google/upload/drive/v3/files', dropAfterCommit: true, times: 1 },
    ]);
    const result = await backupNow(a, clouds);
    expect(result.file.size).toBeGreaterThan(5 * 1024 * 1024);

    const { requests } = await sandbox.snapshot();
    const puts = Object.entries(requests)
      .filter(([k]) => k.startsWith('PUT /google/upload/drive/v3/'))
      .reduce((n, [, v]) => n + v, 0);
    // Two 5 MB chunks, the status question after the lost answer, and the last chunk (the lost
    // one is not sent again: the session said it had arrived).
    expect(puts).toBe(3);
    expect(await clouds('google').list()).toHaveLength(1);

    const b = fresh();
    await restoreBackup('google', PASSPHRASE, { db: b, cloudFor: clouds });
    expect(await b.tasks.count()).toBe(3000);
    expect((await b.tasks.get('big2999'))?.notes).toBe((await a.tasks.get('big2999'))?.notes);
  }, 60_000);
});

describe('backup failures and schedule', () => {
  it('keeps the last good backup visible beside a failure', async () => {
    const a = fresh();
    await fill(a);
    await setPassphrase(PASSPHRASE, a, ITERATIONS);
    await saveBackupSettings({ provider: 'google' }, a);
    const good = await backupNow(a, clouds);
    await sandbox.admin('config', 'POST', { tokens: 'revoke' });
    await expect(backupNow(a, clouds)).rejects.toMatchObject({ kind: 'auth' });
    const last = (await backupSettings(a)).last;
    expect(last).toMatchObject({ ok: false, file: { id: good.file.id }, error: { kind: 'auth' } });
  });

  it('needs a passphrase and a place before backing up', async () => {
    const a = fresh();
    await expect(backupNow(a, clouds)).rejects.toMatchObject({ kind: 'setup' });
    await saveBackupSettings({ provider: 'microsoft' }, a);
    await expect(backupNow(a, clouds)).rejects.toMatchObject({ kind: 'setup' });
    await expect(setPassphrase('short', a, ITERATIONS)).rejects.toMatchObject({ kind: 'passphrase' });
  });

  it('is due once the period since the last good backup has passed', () => {
    const day = 24 * 3_600_000;
    const base = { provider: 'google' as const, schedule: 'daily' as const, salt: 's', iterations: 1 };
    expect(backupDue({ ...base, last: null }, true, day)).toBe(true);
    expect(backupDue({ ...base, last: null }, false, day)).toBe(false);
    expect(backupDue({ ...base, last: { at: day, ok: true, file: {} as never } }, true, 1.5 * day)).toBe(
      false,
    );
    expect(backupDue({ ...base, last: { at: day, ok: true, file: {} as never } }, true, 2 * day)).toBe(true);
    expect(backupDue({ ...base, schedule: 'off', last: null }, true, day)).toBe(false);
  });
});
