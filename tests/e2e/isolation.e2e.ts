// Issue 9: another extension installed in the same browser cannot reach ours. It can name our id,
// but without `externally_connectable` Chromium delivers nothing to our background, and our
// content script only ever hears from our own extension. A positive control shows the same
// message from our own page really would have answered with the customer's thread.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';
import { SEED_THREADS, gmailDemoPath } from '../../sandbox/seed/threads';

const UNRELATED = resolve('tests/e2e/fixtures/unrelated-extension');
const thread = SEED_THREADS.find((t) => t.key === 'late-delivery')!;

let s: ExtensionSession;
let unrelated: Worker;
let mail: Page;
let tabId: number;

type Runtime = {
  runtime: {
    sendMessage(id: string, message: unknown): Promise<unknown>;
    connect(id: string): {
      onDisconnect: { addListener(f: () => void): void };
      onMessage: { addListener(f: (m: unknown) => void): void };
      postMessage(m: unknown): void;
    };
    lastError?: { message?: string };
  };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

beforeAll(async () => {
  s = await launchExtension({ alsoLoad: [UNRELATED] });
  const isUnrelated = (w: Worker) => w.url().endsWith('/unrelated-worker.js');
  unrelated =
    s.context.serviceWorkers().find(isUnrelated) ??
    (await s.context.waitForEvent('serviceworker', { predicate: isUnrelated }));
  mail = await s.context.newPage();
  await mail.goto(`${s.sandbox}${gmailDemoPath(thread)}`);
  tabId = await s.tabIdOf(mail);
});
afterAll(async () => {
  await s?.close();
});

describe('another extension in the same browser', () => {
  it('is a different extension, and our own page does get the thread with the same message', async () => {
    expect(new URL(unrelated.url()).host).not.toBe(s.extensionId);
    const panel = await s.openExtensionPage('popup.html');
    // The content script reports the thread once the page settles; ask until it has.
    await expect
      .poll(
        () =>
          panel.evaluate(
            (id) =>
              (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage(undefined as never, {
                type: 'thread:get',
                data: { tabId: id },
              }) as Promise<{ ok?: boolean; snapshot?: { subject?: string } } | null>,
            tabId,
          ),
        { timeout: 15_000 },
      )
      .toMatchObject({ ok: true, snapshot: { subject: thread.subject } });
    await panel.close();
  });

  it('gets no answer from our background, by message or by port', async () => {
    const outcome = await unrelated.evaluate(
      async ({ ourId, tab }) => {
        const chrome = (globalThis as unknown as { chrome: Runtime }).chrome;
        const attempts: Record<string, string> = {};
        for (const message of [
          { type: 'thread:get', data: { tabId: tab } },
          { type: 'tab:read', data: { tabId: tab } },
          { type: 'auth:connect', data: { provider: 'google' } },
          { type: 'thread:report', data: { result: { kind: 'no-thread' } } },
        ]) {
          try {
            attempts[message.type] =
              `answered: ${JSON.stringify(await chrome.runtime.sendMessage(ourId, message))}`;
          } catch (err) {
            attempts[message.type] = `refused: ${String(err)}`;
          }
        }
        attempts.port = await new Promise<string>((done) => {
          const port = chrome.runtime.connect(ourId);
          port.onMessage.addListener((m) => done(`answered: ${JSON.stringify(m)}`));
          port.onDisconnect.addListener(() =>
            done(`disconnected: ${chrome.runtime.lastError?.message ?? ''}`),
          );
          port.postMessage({ type: 'thread:get', data: { tabId: tab } });
        });
        return attempts;
      },
      { ourId: s.extensionId, tab: tabId },
    );
    for (const type of ['thread:get', 'tab:read', 'auth:connect', 'thread:report']) {
      expect(outcome[type]).toMatch(/^refused: .*Receiving end does not exist/);
    }
    expect(outcome.port).toMatch(/^disconnected: .*Receiving end does not exist/);
  });

  it('cannot ask our content script in the mail tab for the thread', async () => {
    const outcome = await unrelated.evaluate(async (tab) => {
      const chrome = (globalThis as unknown as { chrome: Runtime }).chrome;
      try {
        return `answered: ${JSON.stringify(await chrome.tabs.sendMessage(tab, { type: 'tab:read', data: {} }))}`;
      } catch (err) {
        return `refused: ${String(err)}`;
      }
    }, tabId);
    expect(outcome).toMatch(/^refused: .*Receiving end does not exist/);
  });

  it('leaves nothing behind: no sign-in window opened, no account connected', async () => {
    const pages = s.context.pages().map((p) => p.url());
    expect(pages.some((u) => /oauth|authorize|login/i.test(u))).toBe(false);
    // Had `auth:connect` been delivered, the sandbox's sign-in would have connected Google by now.
    const stored = await s.worker.evaluate(async () => {
      type Area = { get(k: string | null): Promise<Record<string, unknown>> };
      const { storage } = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } })
        .chrome;
      return {
        sessionKeys: Object.keys(await storage.session.get(null)),
        connected: (await storage.local.get('connectedAccounts')).connectedAccounts ?? null,
      };
    });
    expect(stored.sessionKeys.filter((k) => k.startsWith('token:'))).toEqual([]);
    expect(stored.connected === null || Object.values(stored.connected).every((v) => v === null)).toBe(true);
  });
});
