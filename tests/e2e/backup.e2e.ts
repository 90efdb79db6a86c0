// Backup and restore end to end, in real Chromium against the strict sandbox's Google Drive app data
// folder and OneDrive app folder: one browser profile fills its database, allows backups (a
// consent with the backup scope), sets a passphrase and backs up from Options → Backup; a second,
// fresh profile allows the same cloud, types the passphrase and restores. Every record of every
// table is then identical. The agenda cache is left out of the comparison: each profile refreshes
// it from the calendar by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, readStore, withDb, type ExtensionSession } from './harness';

const PASSPHRASE = 'cuaderno de la tienda 2026';
const NOT_COMPARED = ['agendaCache', 'syncMeta', 'vault'];

type Dump = Record<string, unknown[]>;

/** Every object store of the extension's database, read with plain IndexedDB. */
function dump(page: Page): Promise<Dump> {
  return withDb(
    page,
    ['settings'],
    async (idb, skip) => {
      const out: Record<string, unknown[]> = {};
      for (const name of [...idb.objectStoreNames]) {
        if (skip.includes(name)) continue;
        out[name] = await new Promise((resolve) => {
          const q = idb.transaction(name).objectStore(name).getAll();
          q.onsuccess = () => resolve(q.result as unknown[]);
        });
      }
      return out;
    },
    NOT_COMPARED,
  );
}

/** Waits for the sandbox demo's profile (seeded at install) so nothing is written after the restore. */
async function waitForSeed(page: Page): Promise<void> {
  await expect
    .poll(async () => (await readStore<{ key: string }>(page, 'settings')).some((r) => r.key === 'profile'), {
      timeout: 30_000,
    })
    .toBe(true);
}

/** Tasks (with a thread link, accents, a completed one) and a complaint, as the user's own data. */
async function fill(page: Page): Promise<void> {
  const stores = ['lists', 'tasks', 'complaints'];
  await withDb(
    page,
    stores,
    async (db, stores) => {
      const tx = db.transaction(stores, 'readwrite');
      tx.objectStore('lists').put({ id: 'l-shop', name: 'Tienda', builtIn: null, order: 5, createdAt: 1 });
      for (let i = 0; i < 300; i++) {
        tx.objectStore('tasks').put({
          id: `task-${i}`,
          listId: 'l-shop',
          title: `Llamar a la ferretería Núñez nº ${i}`,
          notes: i % 2 ? 'Pedido 7781 — «urgente»' : '',
          dueAt: i % 3 ? 1_770_000_000_000 + i * 60_000 : null,
          dueAllDay: i % 5 === 0,
          remindAt: null,
          priority: i % 4 === 0 ? 'high' : 'normal',
          status: i % 6 === 0 ? 'done' : 'open',
          link:
            i % 10 === 0
              ? { kind: 'thread', ref: `gmail:18c${i}`, url: 'https://mail.google.com/mail/u/0/#inbox/18c' }
              : null,
          order: i,
          createdAt: 1_769_000_000_000 + i,
          completedAt: i % 6 === 0 ? 1_769_500_000_000 : null,
          words: ['llamar', 'ferreteria', 'nunez'],
        });
      }
      tx.objectStore('complaints').put({
        id: 'c-1',
        threadKey: 'gmail:18c0',
        threadUrl: 'https://mail.google.com/mail/u/0/#inbox/18c0',
        channel: 'gmail',
        customerName: 'Lucía Gómez',
        customerEmail: 'lucia@example.es',
        subject: 'Entrega tardía',
        summary: 'El pedido llegó con 5 días de retraso',
        category: 'delivery',
        severity: 'high',
        status: 'in_progress',
        orderRef: 'PO 7781',
        amount: { value: 129.5, currency: 'EUR' },
        language: 'es',
        assignee: null,
        resolution: '',
        compensation: '',
        firstResponseAt: null,
        resolvedAt: null,
        dueAt: 1_770_100_000_000,
        createdAt: 1_769_000_000_000,
        updatedAt: 1_769_000_000_500,
        history: [{ at: 1_769_000_000_000, kind: 'created' }],
        seenMessageIds: ['m1'],
        taskId: 'task-0',
        words: ['entrega', 'tardia'],
      });
      await new Promise((r) => (tx.oncomplete = r));
    },
    stores,
  );
}

async function allow(page: Page, cloud: string): Promise<void> {
  await page.getByLabel('Back up to').selectOption(cloud === 'Google Drive' ? 'google' : 'microsoft');
  await page.getByRole('button', { name: `Allow backups to ${cloud}` }).click();
  await page.getByText(`Backups to ${cloud} allowed.`).waitFor({ timeout: 30_000 });
}

describe.each([
  ['google', 'Google Drive'],
  ['microsoft', 'OneDrive'],
] as const)('backup to %s', (provider, cloud) => {
  let first: ExtensionSession;
  let second: ExtensionSession;

  beforeAll(async () => {
    // Both profiles start before anything is stored: each launch resets the sandbox.
    first = await launchExtension();
    second = await launchExtension();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('backs up, and a fresh profile restores every record', async () => {
    const a = await first.openExtensionPage('options.html#backup');
    await waitForSeed(a);
    await fill(a);
    await allow(a, cloud);
    await a.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await a.getByLabel('Passphrase again').fill(PASSPHRASE);
    await a.getByRole('button', { name: 'Set passphrase' }).click();
    await a.getByText('Passphrase set. Backups can run now.').waitFor();
    await a.getByRole('button', { name: 'Back up now' }).click();
    await a.getByText(/^Backed up \d[\d,]* records\.$/).waitFor({ timeout: 30_000 });
    await expect(a.getByTestId('backup-last').textContent()).resolves.toContain(`Last backup:`);
    const before = await dump(a);
    expect(before.tasks).toHaveLength(300);
    expect(before.complaints).toHaveLength(1);

    // The cloud holds one file, and no readable record in it.
    const state = (await (await fetch(`${first.sandbox}/__sandbox/state`)).json()) as {
      clouds: { drive?: { files: { content: string }[] }; onedrive?: { approot: { content: string }[] } };
    };
    const files = provider === 'google' ? state.clouds.drive?.files : state.clouds.onedrive?.approot;
    expect(files).toHaveLength(1);
    expect(files?.[0]?.content).not.toContain('ferretería');
    expect(files?.[0]?.content).not.toContain(PASSPHRASE);

    const b = await second.openExtensionPage('options.html#backup');
    await waitForSeed(b);
    expect((await dump(b)).tasks).toHaveLength(0);
    await allow(b, cloud);
    await b.getByLabel('Passphrase of the backup').fill('not my passphrase');
    await b.getByRole('button', { name: `Restore from ${cloud}` }).click();
    await b.getByRole('button', { name: "Replace this browser's data" }).click();
    await b.getByText(/^Wrong passphrase/).waitFor({ timeout: 30_000 });
    expect((await dump(b)).tasks).toHaveLength(0);

    await b.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
    await b.getByRole('button', { name: `Restore from ${cloud}` }).click();
    await b.getByRole('button', { name: "Replace this browser's data" }).click();
    await b.getByText(/^Restored \d[\d,]* records from the backup of /).waitFor({ timeout: 30_000 });
    expect(await dump(b)).toEqual(before);
    // The restored profile keeps backing up with the same passphrase.
    await b.getByRole('button', { name: 'Back up now' }).click();
    await b.getByText(/^Backed up \d[\d,]* records\.$/).waitFor({ timeout: 30_000 });
  });
});
