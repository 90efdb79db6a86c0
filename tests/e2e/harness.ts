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
