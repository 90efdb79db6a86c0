// Repeating alarms across a real MV3 worker restart. Chrome stops an idle extension worker after
// ~30 s and runs its start-up code again at the next event; an alarm created again there restarts
// its schedule. Here the worker is stopped through the DevTools protocol (what Chrome's idle timer
// does), woken by a message, and the alarms must still be due when they were before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

interface AlarmInfo {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

type Chrome = {
  alarms: { getAll(): Promise<AlarmInfo[]> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};
// Evaluated in the browser, so each call spells out its own access to `chrome`.
const getAlarms = () => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.getAll();

let s: ExtensionSession;

beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 50));
}

const repeating = (alarms: AlarmInfo[]) =>
  alarms
    .filter((a) => a.periodInMinutes !== undefined)
    .map((a) => ({ name: a.name, scheduledTime: a.scheduledTime, periodInMinutes: a.periodInMinutes }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('alarms across a service-worker restart', () => {
  it('keep their scheduled time and period', async () => {
    // The first worker has set its alarms once its start-up has settled: the list stays the same
    // over three reads (features add repeating alarms of their own, asynchronously).
    let before: ReturnType<typeof repeating> = [];
    for (let i = 0, same = 0; i < 50 && same < 3; i++) {
      const now = repeating(await s.worker.evaluate(getAlarms));
      same = now.length >= 2 && JSON.stringify(now) === JSON.stringify(before) ? same + 1 : 0;
      before = now;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(before.map((a) => [a.name, a.periodInMinutes])).toEqual(
      expect.arrayContaining([
        ['agenda-refresh', 15],
        ['badge', 5],
      ]),
    );
    const page = await s.openExtensionPage('dashboard.html');
    // DevTools on a page of its own; its ServiceWorker domain reports every worker's running status
    // (Playwright keeps one Worker object across a restart and says nothing of it).
    const devtools = await s.context.newPage();
    const cdp = await s.context.newCDPSession(devtools);
    const seen: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions)
        if (v.scriptURL.startsWith(`chrome-extension://${s.extensionId}/`)) seen.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until(() => seen.at(-1) === 'stopped');

    // Waking it as any page would: a message starts a new worker, which runs its start-up again.
    await page.evaluate(() => {
      void (globalThis as unknown as { chrome: Chrome }).chrome.runtime
        .sendMessage({ type: 'outbox:kick', data: {} })
        .catch(() => undefined);
    });
    await until(() => seen.at(-1) === 'running');
    expect(seen.slice(seen.lastIndexOf('stopped'))).toContain('starting');

    // Start-up sets alarms asynchronously; watch them for a while rather than at one instant, so a
    // re-creation (which would move scheduledTime to "now + delay") cannot slip past unseen.
    for (let i = 0; i < 15; i++) {
      expect(repeating(await page.evaluate(getAlarms))).toEqual(before);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
