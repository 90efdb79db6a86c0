import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension } from '../launch-chromium';
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
  const dir = resolve('.output/chrome-mv3-sandbox');
  execSync('npm run build:sandbox', {
    stdio: 'ignore',
    env: { ...process.env, SANDBOX_PORT: String(sandboxPort()) },
  });
  const sandbox = await startSandbox(sandboxPort());
  const { context, extensionId, profile } = await launchWithExtension(dir, { headless: true });
  try {
    await connectAndFillCache(context, extensionId);
    const samples: Record<string, number[]> = Object.fromEntries(marks.map((m) => [m, []]));
    for (let i = 0; i <= runs; i++) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
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
