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

/**
 * The moz-extension:// host our extension gets in the test profile. Firefox picks a random UUID per
 * profile; the `extensions.webextensions.uuids` preference fixes it, so tests can open the
 * extension's pages (sidebar page, popup) in tabs.
 */
export const FIREFOX_EXTENSION_UUID = '7c1d2b1e-0a3f-4c6e-9d58-0b2f3e4a5c6d';
export const GECKO_ID = 'ops-assistant@example.org';

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
      `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }))});`,
      // The extension's pages opened in tabs, as a user would see the sidebar and popup.
      'user_pref("browser.tabs.warnOnClose", false);',
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

// ---- Page helpers over BiDi: what the Playwright tests do with locators, done with scripts. ----

export type Context = string;

/** A new tab (its browsing context), optionally loaded with `url`. */
export async function newTab(firefox: BidiFirefox, url?: string): Promise<Context> {
  const { context } = await firefox.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  if (url) await navigate(firefox, context, url);
  return context;
}

export async function navigate(firefox: BidiFirefox, context: Context, url: string): Promise<void> {
  await firefox.send('browsingContext.navigate', { context, url, wait: 'complete' });
}

/** Runs `expression` (awaited) in the page and returns its JSON-able value. */
export async function evaluate<T>(firefox: BidiFirefox, context: Context, expression: string): Promise<T> {
  const { result, exceptionDetails } = await firefox.send<{
    result?: { type: string; value?: unknown };
    exceptionDetails?: { text?: string };
  }>('script.evaluate', {
    // JSON through a string: BiDi's remote values are typed trees; a string comes back as is.
    expression: `(async () => JSON.stringify(await (async () => (${expression}))()))()`,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (exceptionDetails) throw new Error(`In the page: ${exceptionDetails.text ?? 'exception'}`);
  const text = result?.value;
  return (typeof text === 'string' ? JSON.parse(text) : undefined) as T;
}

/** Waits until `expression` is truthy in the page; returns its value. */
export async function waitFor<T>(
  firefox: BidiFirefox,
  context: Context,
  expression: string,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | undefined;
    try {
      value = await evaluate<T>(firefox, context, expression);
    } catch {
      // The page may be navigating; try again.
    }
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Page-side expression: the first enabled button whose accessible text is `name` (exact). */
export const buttonNamed = (name: string) =>
  `[...document.querySelectorAll('button')].find((b) => !b.disabled && ((b.getAttribute('aria-label') || b.textContent || '').trim() === ${JSON.stringify(name)}))`;

export async function clickButton(firefox: BidiFirefox, context: Context, name: string): Promise<void> {
  await waitFor(firefox, context, `!!(${buttonNamed(name)})`, `the button "${name}"`);
  await evaluate(firefox, context, `(${buttonNamed(name)}).click()`);
}

/** Browsing contexts (tabs) and their addresses, top level only. */
export async function tabs(firefox: BidiFirefox): Promise<{ context: Context; url: string }[]> {
  const { contexts } = await firefox.send<{ contexts: { context: string; url: string }[] }>(
    'browsingContext.getTree',
    { maxDepth: 0 },
  );
  return contexts.map(({ context, url }) => ({ context, url }));
}

/**
 * Opens one of the extension's pages in a new tab and returns its context. BiDi may not navigate a
 * tab to moz-extension:// itself ("not allowed in this context"), so an extension page already open
 * (the welcome page the extension opens on install) asks `tabs.create`, as the extension's own
 * "Open dashboard" buttons do.
 */
export async function openExtensionPage(firefox: BidiFirefox, path: string): Promise<Context> {
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  const opener = await waitForValue(
    async () => (await tabs(firefox)).find((t) => t.url.startsWith(origin)),
    'an extension page',
  );
  const url = `${origin}${path}`;
  const before = new Set((await tabs(firefox)).map((t) => t.context));
  await evaluate(
    firefox,
    opener.context,
    `browser.tabs.create({ url: ${JSON.stringify(url)} }).then(() => true)`,
  );
  const opened = await waitForValue(
    async () => (await tabs(firefox)).find((t) => !before.has(t.context) && t.url === url),
    `the page ${path}`,
  );
  await waitFor(firefox, opened.context, `document.readyState === 'complete'`, `${path} loaded`);
  return opened.context;
}

async function waitForValue<T>(
  get: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
