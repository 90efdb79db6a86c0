// `npm run demo`: the product working with no account. Builds the sandbox extension, starts the
// sandbox (fake Google Calendar, Microsoft Graph, Gmail and Outlook pages) and opens Chromium with
// the extension on the demo mailbox. `npm run demo -- --headless` writes screenshots instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { sandboxPort } from '../sandbox/origin';
import { DEMO_THREAD } from '../sandbox/seed/demo';
import { launchWithExtension } from './launch-chromium';

const headless = process.argv.includes('--headless');
const locale = process.argv.includes('--es') ? 'es-ES' : 'en-US';
const port = sandboxPort();
const extensionDir = resolve('.output/chrome-mv3-sandbox');

const build = spawnSync('node', ['scripts/build-sandbox.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, SANDBOX_PORT: String(port) },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const sandbox = await startSandbox(port);
const { context, worker, extensionId } = await launchWithExtension(extensionDir, { headless, locale });
const gmail = context.pages()[0] ?? (await context.newPage());
await gmail.goto(`${sandbox.origin}${DEMO_THREAD.gmailPath}`);

if (!headless) {
  console.log(`\nOps Assistant demo is running (sandbox ${sandbox.origin}).`);
  console.log('  • Click "Assist" in the demo Gmail toolbar to open the side panel.');
  console.log(`  • Outlook demo: ${sandbox.origin}${DEMO_THREAD.outlookPath}`);
  console.log('  • The toolbar button opens the agenda popup.');
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await context.close().catch(() => undefined);
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  context.on('close', () => void stop());
} else {
  const out = resolve('demo-screenshots');
  mkdirSync(out, { recursive: true });
  const tabId = await worker.evaluate(async (url) => {
    type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
    const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
    return tabs.find((t) => t.url === url)?.id ?? -1;
  }, gmail.url());
  await gmail.getByText(DEMO_THREAD.subject).first().waitFor();
  await gmail.screenshot({ path: `${out}/gmail.png` });
  const shots: [string, string, { width: number; height: number }][] = [
    ['sidepanel', `sidepanel.html?tabId=${tabId}`, { width: 420, height: 900 }],
    ['popup', 'popup.html', { width: 400, height: 600 }],
    ['options', 'options.html', { width: 900, height: 700 }],
    ['dashboard', 'dashboard.html', { width: 1100, height: 800 }],
  ];
  for (const [name, path, viewport] of shots) {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    if (name === 'sidepanel') await page.getByTestId('thread-subject').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`  ${name}: ${out}/${name}.png`);
  }
  console.log(`Screenshots written to ${out}`);
  await context.close();
  await sandbox.close();
}
