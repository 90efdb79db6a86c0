import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../launch-chromium';
import { ensureBuild } from '../bench';

/** Opens an extension page `runs` times in real Chromium and reads a performance mark. */
export async function paintTimes(page: string, mark: string, runs: number): Promise<number[]> {
  const dir = resolve('.output/chrome-mv3-sandbox');
  ensureBuild(dir, 'npm run build:sandbox');
  const { context, extensionId, profile } = await launchWithExtension(dir, { headless: true });
  try {
    const samples: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      const at = await tab.waitForFunction(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? false,
        mark,
        { timeout: 10_000 },
      );
      if (i > 0) samples.push(Number(await at.jsonValue())); // the first run warms the disk cache
      await tab.close();
    }
    return samples;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
