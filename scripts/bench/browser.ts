import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchWithExtension, tabIdOf } from '../launch-chromium';
import { startSandbox } from '../../sandbox/server';
import { sandboxPort } from '../../sandbox/origin';

/**
 * Opens an extension page `runs` times in real Chromium (sandbox build, both calendars connected
 * and the agenda cache filled first) and reads a performance mark's time since navigation start.
 */
export async function paintTimes(page: string, mark: string, runs: number): Promise<number[]> {
  return (await markTimes(page, [mark], runs))[mark]!;
}

/** Like paintTimes, for several marks of the same page loads (each waited for in turn). */
export async function markTimes(
  page: string,
  marks: string[],
  runs: number,
): Promise<Record<string, number[]>> {
  return withSandboxBrowser(async ({ context, extensionId }) => {
    await connectAndFillCache(context, extensionId);
    return sampleMarks(context, () => `chrome-extension://${extensionId}/${page}`, marks, runs);
  });
}

/**
 * Time to the first draft: a sandbox Gmail thread is open in a tab, and the side panel for that tab
 * is opened `runs` times; the panel's `sidepanel:first-draft` mark (the thread read from the page,
 * analysed, drafts rendered) is read, in ms since the panel's navigation start.
 */
export async function firstDraftTimes(
  threadPath: string,
  /** Opens the i-th thread of the back-and-forth in the mail tab as a user would; returns when (epoch ms). */
  open: (mail: Page, i: number) => Promise<number>,
  runs: number,
): Promise<{ panelOpened: number[]; threadSwitched: number[]; readInPage: number[]; toPanel: number[] }> {
  return withSandboxBrowser(async ({ context, extensionId, worker, origin }) => {
    const mail = await context.newPage();
    await mail.goto(`${origin}${threadPath}`);
    await mail.waitForLoadState('load');
    const url = mail.url();
    const tabId = await tabIdOf(worker, url);
    const panelUrl = `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`;
    const marks = await sampleMarks(context, () => panelUrl, ['sidepanel:first-draft'], runs);

    // The panel stays open; the user opens another thread in the mail tab (and back), each time
    // from the hash change in the mail page (epoch ms) to the panel's next first-draft mark.
    const panel = await context.newPage();
    await panel.goto(panelUrl);
    const count = () => panel.evaluate(() => performance.getEntriesByName('sidepanel:first-draft').length);
    await panel.waitForFunction(() => performance.getEntriesByName('sidepanel:first-draft').length > 0);
    const threadSwitched: number[] = [];
    const readInPage: number[] = [];
    const toPanel: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const before = await count();
      const at = await open(mail, i);
      const shown = await panel.waitForFunction(
        (n) => {
          const all = performance.getEntriesByName('sidepanel:first-draft');
          return all.length > n ? performance.timeOrigin + all.at(-1)!.startTime : false;
        },
        before,
        { timeout: 15_000 },
      );
      const reported = await mail.evaluate(() => {
        const all = performance.getEntriesByName('ops:thread-reported');
        return performance.timeOrigin + all.at(-1)!.startTime;
      });
      if (i > 0) {
        const drawn = Number(await shown.jsonValue());
        threadSwitched.push(drawn - at);
        readInPage.push(reported - at);
        toPanel.push(drawn - reported);
      }
    }
    return { panelOpened: marks['sidepanel:first-draft']!, threadSwitched, readInPage, toPanel };
  });
}

async function sampleMarks(
  context: BrowserContext,
  url: () => string,
  marks: string[],
  runs: number,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(marks.map((m) => [m, []]));
  for (let i = 0; i <= runs; i++) {
    const tab = await context.newPage();
    await tab.goto(url());
    for (const mark of marks) {
      const at = await tab.waitForFunction(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? false,
        mark,
        { timeout: 15_000 },
      );
      if (i > 0) samples[mark]!.push(Number(await at.jsonValue())); // the first run warms the caches
    }
    await tab.close();
  }
  return samples;
}

/** The sandbox build in real headless Chromium against a local sandbox, closed afterwards. */
async function withSandboxBrowser<T>(
  run: (session: {
    context: BrowserContext;
    extensionId: string;
    worker: Worker;
    origin: string;
  }) => Promise<T>,
): Promise<T> {
  const dir = resolve('.output/chrome-mv3-sandbox');
  execSync('npm run build:sandbox', {
    stdio: 'ignore',
    env: { ...process.env, SANDBOX_PORT: String(sandboxPort()) },
  });
  const sandbox = await startSandbox(sandboxPort());
  const { context, extensionId, worker, profile } = await launchWithExtension(dir, { headless: true });
  try {
    return await run({ context, extensionId, worker, origin: sandbox.origin });
  } finally {
    await context.close();
    await sandbox.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function connectAndFillCache(context: BrowserContext, extensionId: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#accounts`);
  for (const [row, name] of [
    ['account-google', 'Connect Google Calendar'],
    ['account-microsoft', 'Connect Microsoft 365 / Outlook.com'],
  ] as const) {
    await options.getByRole('button', { name }).click();
    await options.getByTestId(row).getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 20_000 });
  }
  await options.close();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Refresh', exact: true }).waitFor({ timeout: 20_000 });
  await popup.close();
}
