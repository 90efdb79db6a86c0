// Builds the sandbox flavour of the extension (API base URLs, sign-in and mail-site matches point
// at the local sandbox) and prints where it is. SANDBOX_PORT chooses the port it points at.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const browser = process.argv.includes('--firefox') ? 'firefox' : 'chrome';
const port = process.env.SANDBOX_PORT ?? '8787';
const args = ['wxt', 'build', '--mode', 'sandbox', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])];
const run = spawnSync('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, SANDBOX_PORT: port, WXT_SANDBOX_ORIGIN: `http://127.0.0.1:${port}` },
});
if (run.status !== 0) process.exit(run.status ?? 1);
const dir = resolve('.output', browser === 'firefox' ? 'firefox-mv2-sandbox' : 'chrome-mv3-sandbox');
console.log(`Sandbox build (${browser}, sandbox at http://127.0.0.1:${port}): ${dir}`);
