import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium (or CHROME_PATH) with an unpacked extension loaded, in a fresh profile.
 * Used by the demo and the end-to-end tests alike.
 */
export async function launchWithExtension(
  extensionDir: string,
  options: {
    headless: boolean;
    locale?: string;
    profile?: string;
    /** More unpacked extensions to load beside ours (the security tests load an unrelated one). */
    alsoLoad?: string[];
  },
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string; profile: string }> {
  const { context, profile } = await launchChromium({
    ...options,
    extensions: [extensionDir, ...(options.alsoLoad ?? [])],
  });
  // Ours is the worker WXT names background.js (another loaded extension's worker is named otherwise).
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  const worker =
    context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  return { context, worker, extensionId: new URL(worker.url()).host, profile };
}

/** Debian's Chromium in a fresh profile with the flags every run uses; `extensions` may be empty. */
export async function launchChromium(options: {
  headless: boolean;
  locale?: string;
  profile?: string;
  extensions: string[];
}): Promise<{ context: BrowserContext; profile: string }> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'ops-chromium-'));
  const locale = options.locale ?? 'en-US';
  const extensions = options.extensions.join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    // Extensions need Chromium's "new" headless mode, asked for by flag.
    headless: false,
    locale,
    viewport: { width: 1280, height: 860 },
    args: [
      ...(options.headless ? ['--headless=new'] : []),
      ...(extensions ? [`--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${locale}`,
    ],
  });
  return { context, profile };
}

/** The browser's tab id of the tab showing `url` (what the side panel's `?tabId=` wants), asked of the extension's worker. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => {
    type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
    const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab found for ${url}`);
  return id;
}
