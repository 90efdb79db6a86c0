// Firefox as a first-class browser: the same code, built for Firefox, driven over WebDriver BiDi
// (Playwright cannot drive the stock Firefox ESR). The four everyday flows, as in Chromium: the
// sidebar reads the open thread, inserts a reply into the site's editor, logs a complaint, and the
// popup shows the agenda from the connected calendars. The sidebar and popup pages are opened in
// tabs (`sidepanel.html?tabId=N` binds the sidebar page to the mail tab, as in the Chromium tests).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  FIREFOX_EXTENSION_UUID,
  buttonNamed,
  clickButton,
  evaluate,
  launchFirefox,
  navigate,
  openExtensionPage,
  waitFor,
  type BidiFirefox,
  type Context,
} from './bidi';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT, SANDBOX_BUILD_FIREFOX } from './paths';
import { SEED_THREADS, gmailDemoPath } from '../../sandbox/seed/threads';

// The thread the Chromium insertion test uses too: its drafts have no placeholder left to fill.
const THREAD = SEED_THREADS.find((t) => t.key === 'order-status')!;

let firefox: BidiFirefox;
let mail: Context;
let panel: Context;
const page = (path: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
const text = (selector: string) => `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`;

/** The Firefox sandbox build, made for the e2e port unless one for it is there (npm test makes it). */
function ensureFirefoxBuild(): void {
  const background = join(SANDBOX_BUILD_FIREFOX, 'background.js');
  if (existsSync(background) && readFileSync(background, 'utf8').includes(`127.0.0.1:${E2E_PORT}`)) return;
  const build = spawnSync('node', ['scripts/build-sandbox.mjs', '--firefox'], {
    stdio: 'inherit',
    env: { ...process.env, SANDBOX_PORT: String(E2E_PORT) },
  });
  if (build.status !== 0) throw new Error('Firefox sandbox build failed');
}

beforeAll(async () => {
  ensureFirefoxBuild();
  await fetch(`${inject('sandboxOrigin')}/__sandbox/reset`, { method: 'POST' });
  firefox = await launchFirefox();
  const installed = await firefox.send<{ extension: string }>('webExtension.install', {
    extensionData: { type: 'path', path: SANDBOX_BUILD_FIREFOX },
  });
  expect(installed.extension).toBe('ops-assistant@example.org');
});
afterAll(async () => {
  await firefox?.close();
});

describe('Firefox', () => {
  it('runs the content script on the Gmail demo page (its Assist button in the thread toolbar)', async () => {
    const { contexts } = await firefox.send<{ contexts: { context: string }[] }>(
      'browsingContext.getTree',
      {},
    );
    mail = contexts[0]!.context;
    await navigate(firefox, mail, `${inject('sandboxOrigin')}${gmailDemoPath(THREAD)}`);
    expect(
      await waitFor<boolean>(
        firefox,
        mail,
        'document.querySelector("ops-assist-button") !== null',
        'the Assist button',
      ),
    ).toBe(true);
  });

  it('the sidebar reads the open thread', async () => {
    panel = await openExtensionPage(firefox, 'popup.html');
    // The mail tab as the extension sees it (what `?tabId=` wants).
    const seen = await evaluate<{ id: number; url: string }[]>(
      firefox,
      panel,
      `(await browser.tabs.query({})).map((t) => ({ id: t.id, url: t.url ?? '' }))`,
    );
    // The one tab that is not an extension page (Firefox may hide its address from the extension);
    // the subject check below shows it is the mail tab.
    const others = seen.filter((t) => !t.url.startsWith('moz-extension:'));
    const tabId = others.length === 1 ? others[0]!.id : -1;
    expect(tabId, JSON.stringify(seen)).toBeGreaterThanOrEqual(0);
    // The page itself moves to the sidebar page bound to the mail tab (BiDi may not navigate there).
    await evaluate(
      firefox,
      panel,
      `(location.href = ${JSON.stringify(page(`sidepanel.html?tabId=${tabId}`))}, true)`,
    );
    const subject = await waitFor<string>(
      firefox,
      panel,
      text('[data-testid="thread-subject"]'),
      'the thread',
    );
    expect(subject).toContain(THREAD.subject);
    await waitFor(firefox, panel, `document.querySelector('[data-testid="draft-text"]')?.value`, 'a draft');
  });

  it('inserts the reply into the site’s own editor, sending nothing', async () => {
    const draft = await evaluate<string>(
      firefox,
      panel,
      `document.querySelector('[data-testid="draft-text"]').value`,
    );
    expect(draft.length).toBeGreaterThan(40);
    // The mail tab in front, as when the user works beside it (a hidden tab gets no animation
    // frames, and the site's reply box opens on one).
    await firefox.send('browsingContext.activate', { context: mail });
    await clickButton(firefox, panel, 'Insert reply');
    // A draft that still holds a bracketed placeholder is stopped first; the user chooses to drop it.
    const blocked = await waitFor<string>(
      firefox,
      panel,
      `document.body.innerText.includes('The reply is in the mail editor') ? 'inserted' : ${buttonNamed('Remove them and insert')} ? 'blocked' : ''`,
      'the insertion or its placeholder check',
    );
    if (blocked === 'blocked') await clickButton(firefox, panel, 'Remove them and insert');
    await waitFor(
      firefox,
      panel,
      `document.body.innerText.includes('The reply is in the mail editor')`,
      'the reply inserted',
    ).catch(async (err: Error) => {
      const said = await evaluate<string[]>(
        firefox,
        panel,
        `[document.querySelector('[data-testid="drafts"]')?.innerText ?? document.body.innerText.slice(-600)]`,
      );
      throw new Error(`${err.message}; the panel says: ${JSON.stringify(said)}`);
    });
    const editor = await evaluate<string>(
      firefox,
      mail,
      `document.querySelector('[role=textbox][contenteditable=true]')?.innerText ?? ''`,
    );
    expect(editor).toContain(draft.split('\n')[0]!);
    expect(
      await evaluate<boolean>(firefox, mail, `/Message sent|Mensaje enviado/.test(document.body.innerText)`),
    ).toBe(false);
  });

  it('logs a complaint from the thread, and the dashboard lists it', async () => {
    await clickButton(firefox, panel, 'Log complaint');
    await clickButton(firefox, panel, 'Save complaint');
    await waitFor(
      firefox,
      panel,
      `!!document.querySelector('[data-testid="complaint"]')`,
      'the logged complaint',
    );
    const dashboard = await openExtensionPage(firefox, 'dashboard.html#/complaints');
    const row = await waitFor<string>(
      firefox,
      dashboard,
      text('[data-testid="complaint-row"]'),
      'a complaint row',
    );
    expect(row).toContain(THREAD.subject);
    await firefox.send('browsingContext.close', { context: dashboard });
  });

  it('the popup shows the agenda from the calendars connected in options', async () => {
    const options = await openExtensionPage(firefox, 'options.html#accounts');
    await clickButton(firefox, options, 'Connect Google Calendar');
    await waitFor(
      firefox,
      options,
      `[...document.querySelectorAll('[data-testid="account-google"] button')].some((b) => b.textContent.trim() === 'Sign out')`,
      'Google connected',
      30_000,
    );
    const popup = await openExtensionPage(firefox, 'popup.html');
    const event = await waitFor<string>(
      firefox,
      popup,
      text('[data-testid="agenda-event"]'),
      'an agenda event',
      30_000,
    );
    expect(event.length).toBeGreaterThan(0);
    expect(await evaluate<string>(firefox, popup, text('[data-testid="agenda"]'))).toContain('Google');
  });
});
