// Issue 9: the whole hostile corpus (the 5 MB and 10,000-level samples too) through the real
// content script on the demo Gmail page and into the real side panel, in Chromium. The page is the
// mail site's own business; what is proven is that nothing from the mail runs in, or is fetched by,
// the extension: a dialog, page-error, CSP-violation and network watcher on the side panel, a trap
// for the corpus's marker function, and no active element rendered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';
import { SEED_THREADS, gmailDemoPath } from '../../sandbox/seed/threads';
import { EXEC, HIDDEN, HOSTILE_SAMPLES, SEEN } from '../security/hostile-corpus';
import type { ReadResult } from '../../services/mail-sites/types';

let s: ExtensionSession;
let mail: Page;
let panel: Page;
let tabId: number;
const dialogs: string[] = [];
const pageErrors: string[] = [];
const cspErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  s = await launchExtension();
  mail = await s.context.newPage();
  await mail.goto(`${s.sandbox}${gmailDemoPath(SEED_THREADS.find((t) => t.key === 'late-delivery')!)}`);
  tabId = await s.tabIdOf(mail);
  panel = await s.context.newPage();
  // Had any sample's code run in the panel, it would have called the marker: make that visible.
  await panel.addInitScript((name) => {
    (globalThis as Record<string, unknown>)[name] = () => {
      (globalThis as Record<string, unknown>).__opsHostileRan = true;
    };
  }, EXEC);
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  panel.on('pageerror', (e) => pageErrors.push(e.message));
  panel.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });
  panel.on('request', (r) => requests.push(r.url()));
  await panel.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId('thread-subject').waitFor();
}, 60_000);
afterAll(async () => {
  await s?.close();
});

/** What the background holds for the tab: the real adapter's reading, as the side panel gets it. */
async function latestText(): Promise<string> {
  const result = await panel.evaluate(
    (id) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<ReadResult | null> } };
        }
      ).chrome.runtime.sendMessage({ type: 'thread:get', data: { tabId: id } }),
    tabId,
  );
  if (!result?.ok) return '';
  return result.snapshot.messages.at(-1)?.text ?? '';
}

describe('every hostile sample, through the real content script into the side panel', () => {
  // Samples that only make sense spliced into a page's source (they break out of the body) are
  // covered by the adapter suite; here each body is set the way a mail site's renderer sets it.
  const samples = HOSTILE_SAMPLES.filter((sample) => !sample.sourceOnly);

  it('has the heavy samples among them', () => {
    expect(samples.filter((sample) => sample.heavy).map((sample) => sample.name)).toEqual([
      'huge body (5 MB)',
      'deeply nested (10,000 levels)',
    ]);
  });

  it.each(samples.map((sample, i) => [sample.name, sample, i] as const))(
    '%s',
    async (_name, sample, i) => {
      const subject = `Hostile sample ${i + 1}`;
      // Each sample arrives as its own thread (its own id), as a hostile mail would: a new subject
      // under the previous thread's id is what the watcher holds back for 1.5 s as a half-drawn
      // thread switch, which is not what this test is about.
      const threadId = `ba5e${String(i + 1).padStart(12, '0')}`;
      await mail.evaluate(
        ({ html, subject, threadId }) => {
          // Parsed inert, then moved into the open message, as a mail app renders a body.
          const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
          // A mail site never keeps a refresh directive in a body; live in this page it would
          // navigate the test away. The adapter suite reads that sample raw.
          parsed.querySelectorAll('meta[http-equiv]').forEach((m) => m.removeAttribute('http-equiv'));
          const bodies = document.querySelectorAll('div.a3s');
          bodies[bodies.length - 1]!.replaceChildren(...Array.from(parsed.body.childNodes));
          const heading = document.querySelector('h2.hP')!;
          heading.textContent = subject;
          heading.setAttribute('data-legacy-thread-id', threadId);
        },
        { html: sample.html, subject, threadId },
      );
      await panel
        .getByTestId('thread-subject')
        .getByText(subject, { exact: true })
        .waitFor({ timeout: 30_000 });

      // Open every folded part of the panel, so each view that shows mail text renders this one.
      await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

      const text = await latestText();
      if (!sample.literal) expect(text).not.toContain(EXEC);
      if (sample.expectSeen) expect(text).toContain(SEEN);
      // The page is live, so text hidden by style (class, opacity, size, colour) is not read either.
      expect(text).not.toContain(HIDDEN);
      expect(
        await panel.evaluate(() => (globalThis as Record<string, unknown>).__opsHostileRan),
      ).toBeUndefined();
      expect(
        await panel
          .locator('script:not([src]), img, iframe, object, embed, form, svg, math, link[href^="http"]')
          .count(),
      ).toBe(0);
    },
    60_000,
  );

  it('raised no dialog, page error or CSP violation in the panel, and fetched nothing elsewhere', async () => {
    await panel.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspErrors).toEqual([]);
    const foreign = requests.filter(
      (u) => !u.startsWith(`chrome-extension://${s.extensionId}/`) && !u.startsWith(s.sandbox),
    );
    expect(foreign).toEqual([]);
  });
});
