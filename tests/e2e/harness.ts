import { rmSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { inject } from 'vitest';
import { launchWithExtension, tabIdOf } from '../../scripts/launch-chromium';
import { SANDBOX_BUILD } from './paths';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  sandbox: string;
  /** Opens one of the extension's pages (e.g. `sidepanel.html?tabId=3`). */
  openExtensionPage(path: string): Promise<Page>;
  /** The browser's tab id of a page (what `?tabId=` wants). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/** The real sandbox build in real headless Chromium, as a user would have it loaded. */
export async function launchExtension(
  options: { locale?: string; alsoLoad?: string[] } = {},
): Promise<ExtensionSession> {
  const { context, worker, extensionId, profile } = await launchWithExtension(SANDBOX_BUILD, {
    headless: true,
    locale: options.locale,
    alsoLoad: options.alsoLoad,
  });
  const sandbox = inject('sandboxOrigin');
  await fetch(`${sandbox}/__sandbox/reset`, { method: 'POST' });

  return {
    context,
    extensionId,
    worker,
    sandbox,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    tabIdOf: (page) => tabIdOf(worker, page.url()),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Books into `bookingCalendar` from now on, with `managerEmail` as the manager (what Options →
 * Profile sets), written straight into the profile record once the sandbox build has seeded it.
 */
export async function setBookingCalendar(
  s: ExtensionSession,
  managerEmail: string,
  bookingCalendar: { provider: 'google' | 'microsoft'; calendarId: string },
): Promise<void> {
  const options = await s.openExtensionPage('options.html');
  await withDb(
    options,
    ['settings'],
    async (db, { managerEmail, bookingCalendar }) => {
      const get = (): Promise<{ key: string; value: Record<string, unknown> } | undefined> =>
        new Promise((r) => {
          const q = db.transaction('settings').objectStore('settings').get('profile');
          q.onsuccess = () => r(q.result);
        });
      // The sandbox build seeds the demo profile at install; wait for it.
      let record = await get();
      for (let i = 0; i < 50 && !record; i++) {
        await new Promise((r) => setTimeout(r, 100));
        record = await get();
      }
      if (!record) throw new Error('demo profile not seeded');
      const store = db.transaction('settings', 'readwrite').objectStore('settings');
      store.put({ ...record, value: { ...record.value, managerEmail, bookingCalendar } });
      // Wait for the commit: closing the page right after would abort the transaction.
      await new Promise((r) => (store.transaction.oncomplete = r));
    },
    { managerEmail, bookingCalendar },
  );
  await options.close();
}

/**
 * Runs `body` in `page` (one of the extension's pages) against the extension's own IndexedDB,
 * with plain IndexedDB as a test reads and writes what the extension stored.
 *
 * It waits until the extension has created the database with every store in `stores`: a bare
 * `indexedDB.open('ops-assistant')` made before the page's Dexie opened it would create an empty
 * version-1 database of its own, and a connection left open would hold up the extension's
 * upgrade (both seen on a loaded CI machine: "One of the specified object stores was not found",
 * then every page waiting). The connection closes when the extension asks to upgrade, and always
 * after `body`.
 */
export async function withDb<A, R>(
  page: Page,
  stores: string[],
  body: (db: IDBDatabase, arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  // Composed in Node, as Playwright itself sends a function's source (extension pages forbid eval):
  // the page runs the waiting loop around `body`.
  // eslint-disable-next-line no-new-func
  const run = new Function(
    'input',
    `return (async ({ stores, arg, timeoutMs }) => {
      const body = ${body.toString()};
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const known = (await indexedDB.databases()).some((d) => d.name === 'ops-assistant');
        if (known) {
          const db = await new Promise((resolve, reject) => {
            const open = indexedDB.open('ops-assistant');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          db.onversionchange = () => db.close();
          if (stores.every((name) => db.objectStoreNames.contains(name))) {
            try {
              return await body(db, arg);
            } finally {
              db.close();
            }
          }
          db.close();
        }
        if (Date.now() > deadline)
          throw new Error('the extension never created its database with ' + stores.join(', '));
        await new Promise((r) => setTimeout(r, 100));
      }
    })(input);`,
  ) as (input: unknown) => Promise<R>;
  return page.evaluate(run, { stores, arg: arg as unknown, timeoutMs: 30_000 });
}

/** Every row of one store of the extension's database. */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return withDb(
    page,
    [store],
    (db, name) =>
      new Promise<T[]>((resolve, reject) => {
        const q = db.transaction(name).objectStore(name).getAll();
        q.onsuccess = () => resolve(q.result as T[]);
        q.onerror = () => reject(q.error);
      }),
    store,
  );
}

/** Puts `records` into one store of the extension's database, resolved once committed. */
export function putRecords(page: Page, store: string, records: unknown[]): Promise<void> {
  return withDb(
    page,
    [store],
    (db, { store, records }) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        for (const record of records) tx.objectStore(store).put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      }),
    { store, records },
  );
}

/** Empties stores of the extension's database, resolved once committed. */
export function clearStores(page: Page, stores: string[]): Promise<void> {
  return withDb(
    page,
    stores,
    (db, names) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(names, 'readwrite');
        for (const name of names) tx.objectStore(name).clear();
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      }),
    stores,
  );
}

let opened = 0;
/**
 * Opens a sandbox mail page (made unique with `?e2e=N`, so its tab is found unambiguously, plus any
 * extra query parameters) and a side panel bound to its tab, as the toolbar button would.
 */
export async function openMailAndPanel(
  s: ExtensionSession,
  path: string,
  params: Record<string, string> = {},
): Promise<{ mail: Page; panel: Page; tabId: number }> {
  const mail = await s.context.newPage();
  const [before, hash = ''] = path.split('#');
  const url = new URL(`${s.sandbox}${before}`);
  url.searchParams.set('e2e', String(++opened));
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  await mail.goto(`${url}${hash ? `#${hash}` : ''}`);
  const tabId = await s.tabIdOf(mail);
  const panel = await s.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  return { mail, panel, tabId };
}

const CONNECT_BUTTON = {
  google: ['account-google', 'Connect Google Calendar'],
  microsoft: ['account-microsoft', 'Connect Microsoft 365 / Outlook.com'],
} as const;

/**
 * Signs in to the sandbox providers through Options → Accounts, as the user does; a provider already
 * connected in this browser is left as it is.
 */
export async function connectAccounts(
  s: ExtensionSession,
  providers: readonly ('google' | 'microsoft')[],
): Promise<void> {
  const options = await s.openExtensionPage('options.html#accounts');
  for (const provider of providers) {
    const [testId, name] = CONNECT_BUTTON[provider];
    const row = options.getByTestId(testId);
    // The row shows no button until it knows whether the account is connected.
    await row.getByRole('button').first().waitFor();
    if (await row.getByRole('button', { name: 'Sign out' }).count()) continue;
    await row.getByRole('button', { name }).click();
    await row.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 20_000 });
  }
  await options.close();
}
