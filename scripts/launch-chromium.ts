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
  options: { headless: boolean; locale?: string; profile?: string },
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string; profile: string }> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'ops-chromium-'));
  const locale = options.locale ?? 'en-US';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    // Extensions need Chromium's "new" headless mode, asked for by flag.
    headless: false,
    locale,
    viewport: { width: 1280, height: 860 },
    args: [
      ...(options.headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
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
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host, profile };
}
