// `npm run demo -- --headless` as a test: the same screenshot run (scripts/demo-shots.ts) on the
// suite's sandbox build, checking that every picture it promises is written and is a real PNG —
// both mail sites with the panel beside them, the popup, the dashboard pages and options.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';
import { pngProblem, takeDemoScreenshots } from '../../scripts/demo-shots';

let s: ExtensionSession;
const out = mkdtempSync(join(tmpdir(), 'ops-demo-'));

beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('headless demo', () => {
  it('writes at least 6 real screenshots, both mail sites among them, and names each path', async () => {
    const logged: string[] = [];
    const written = await takeDemoScreenshots(
      { context: s.context, worker: s.worker, extensionId: s.extensionId, origin: s.sandbox },
      { out, language: 'en', log: (line) => logged.push(line) },
    );
    expect(written.length).toBeGreaterThanOrEqual(6);
    expect(written.map((p) => basename(p)).sort()).toEqual([
      '01-gmail-with-panel.png',
      '02-outlook-with-panel.png',
      '03-popup.png',
      '04-dashboard-tasks.png',
      '05-dashboard-complaints.png',
      '06-dashboard-insights.png',
      '07-options.png',
    ]);
    for (const path of written) {
      expect(pngProblem(readFileSync(path)), path).toBeNull();
      expect(logged.some((line) => line.includes(path))).toBe(true);
    }
  }, 180_000);
});
