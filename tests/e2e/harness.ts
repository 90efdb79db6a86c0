import { rmSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { inject } from 'vitest';
import { launchWithExtension } from '../../scripts/launch-chromium';
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
    async tabIdOf(page) {
      const url = page.url();
      const id = await worker.evaluate(async (u) => {
        type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
        const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? null;
      }, url);
      if (id === null) throw new Error(`No tab found for ${url}`);
      return id;
    },
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
  await options.evaluate(
    async ({ managerEmail, bookingCalendar }) => {
      const open = indexedDB.open('ops-assistant');
      await new Promise((r) => (open.onsuccess = r));
      const get = (): Promise<{ key: string; value: Record<string, unknown> } | undefined> =>
        new Promise((r) => {
          const q = open.result.transaction('settings').objectStore('settings').get('profile');
          q.onsuccess = () => r(q.result);
        });
      // The sandbox build seeds the demo profile at install; wait for it.
      let record = await get();
      for (let i = 0; i < 50 && !record; i++) {
        await new Promise((r) => setTimeout(r, 100));
        record = await get();
      }
      if (!record) throw new Error('demo profile not seeded');
      const store = open.result.transaction('settings', 'readwrite').objectStore('settings');
      store.put({ ...record, value: { ...record.value, managerEmail, bookingCalendar } });
      // Wait for the commit: closing the page right after would abort the transaction.
      await new Promise((r) => (store.transaction.oncomplete = r));
    },
    { managerEmail, bookingCalendar },
  );
  await options.close();
}
