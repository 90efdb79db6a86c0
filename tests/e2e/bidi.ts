import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A minimal WebDriver BiDi client for Firefox ESR: Playwright cannot drive the stock Firefox, but
// Firefox speaks BiDi itself (`--remote-debugging-port`), including `webExtension.install`.

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export interface BidiFirefox {
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function launchFirefox(
  binary = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
): Promise<BidiFirefox> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'ops-ff-'));
  // Keep Firefox off the network (this machine has none) and quiet at start.
  writeFileSync(
    join(profile, 'user.js'),
    [
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("app.update.enabled", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("toolkit.telemetry.enabled", false);',
      'user_pref("extensions.update.enabled", false);',
      'user_pref("browser.startup.homepage_override.mstone", "ignore");',
      'user_pref("network.captive-portal-service.enabled", false);',
      'user_pref("browser.safebrowsing.update.enabled", false);',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    binary,
    ['--headless', '--no-remote', '--profile', profile, `--remote-debugging-port=${port}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_HEADLESS: '1' } },
  );
  const socket = await connect(`ws://127.0.0.1:${port}/session`, 30_000);
  let nextId = 1;
  const pending = new Map<number, Pending>();
  socket.addEventListener('message', (event) => {
    const data = JSON.parse(String(event.data)) as {
      id?: number;
      type: string;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (data.id === undefined) return;
    const waiter = pending.get(data.id);
    pending.delete(data.id);
    if (data.type === 'error') waiter?.reject(new Error(`${data.error}: ${data.message}`));
    else waiter?.resolve(data.result);
  });
  const send = <T>(method: string, params: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  return {
    send,
    async close() {
      try {
        await send('session.end', {});
      } catch {
        // Firefox may already be going away.
      }
      socket.close();
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function connect(url: string, timeoutMs: number): Promise<WebSocket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.addEventListener('open', () => resolve(ws));
        ws.addEventListener('error', () => reject(new Error('connect failed')));
      });
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
