// `npm run demo`: the product working with no account. Builds the sandbox extension, starts the
// sandbox (fake Google Calendar, Microsoft Graph, Gmail and Outlook pages) and opens Chromium with
// the extension on the demo mailbox. `npm run demo -- --headless [--es]` writes screenshots instead
// (scripts/demo-shots.ts) and prints the path of each.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { sandboxPort } from '../sandbox/origin';
import { DEMO_THREAD } from '../sandbox/seed/demo';
import { launchWithExtension } from './launch-chromium';
import { pngProblem, takeDemoScreenshots } from './demo-shots';

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
if (!headless) {
  const gmail = context.pages()[0] ?? (await context.newPage());
  await gmail.goto(`${sandbox.origin}${DEMO_THREAD.gmailPath}`);
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
  const out = resolve(process.argv.includes('--es') ? 'demo-screenshots/es' : 'demo-screenshots/en');
  console.log('Writing screenshots (the panel beside both mail sites, popup, dashboard, options):');
  try {
    const written = await takeDemoScreenshots(
      { context, worker, extensionId, origin: sandbox.origin },
      { out, language: locale.startsWith('es') ? 'es' : 'en', log: (line) => console.log(line) },
    );
    // The demo checks its own pictures: enough of them, both mail sites, each a real PNG.
    const problems = written
      .map((path) => [path, pngProblem(readFileSync(path))] as const)
      .filter(([, problem]) => problem !== null)
      .map(([path, problem]) => `${path}: ${problem}`);
    if (written.length < 6) problems.push(`only ${written.length} screenshots`);
    for (const site of ['gmail', 'outlook'])
      if (!written.some((p) => p.includes(site))) problems.push(`no ${site} screenshot`);
    if (problems.length) throw new Error(problems.join('; '));
    console.log(`${written.length} screenshots written to ${out}`);
  } catch (err) {
    console.error('The demo failed:', err);
    process.exitCode = 1;
  } finally {
    await context.close();
    await sandbox.close();
  }
}
