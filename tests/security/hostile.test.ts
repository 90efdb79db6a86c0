// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGmailAdapter } from '../../services/mail-sites/gmail';
import { createOutlookAdapter } from '../../services/mail-sites/outlook';
import type { MailSiteAdapter, ReadResult } from '../../services/mail-sites/types';
import { EXEC, HIDDEN, HOSTILE_SAMPLES, SEEN, type HostileSample } from './hostile-corpus';

// Every hostile body, in a saved Gmail and a saved Outlook page, through the site adapter. jsdom
// runs no scripts and loads no resources here, so what is proven is the adapters' own behaviour:
// reading never throws, never writes to the page, never turns markup into text, never reads
// hidden text, and never fetches anything.

interface Site {
  name: 'gmail' | 'outlook';
  fixture: string;
  url: string;
  adapter: () => MailSiteAdapter;
  /** The customer's message body in the parsed page. */
  body: (doc: Document) => Element;
  /** Where in the page source a body starts (the sample is spliced in right after). */
  bodyOpen: string;
}

const options = { zone: () => 'Europe/Madrid', now: () => Date.parse('2026-12-04T12:00:00Z') };
const SITES: Site[] = [
  {
    name: 'gmail',
    fixture: 'tests/fixtures/gmail/thread-en-full.html',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWdGpMbqFnKrZTmhvHpCbmbz',
    adapter: () => createGmailAdapter(options),
    body: (doc) => Array.from(doc.querySelectorAll('div.a3s')).at(-1)!,
    bodyOpen: '<div class="a3s aiL ">',
  },
  {
    name: 'outlook',
    fixture: 'tests/fixtures/outlook/reading-pane-en.html',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAEm%2Bq9hVnLtDtn7FmkX1hNw%3D',
    adapter: () => createOutlookAdapter(options),
    body: (doc) => doc.querySelector('[id^="UniqueMessageBody"]')!,
    bodyOpen: 'aria-label="Message body">',
  },
];

const sources = new Map(SITES.map((site) => [site.name, readFileSync(site.fixture, 'utf8')]));
const source = (site: Site) => sources.get(site.name)!;
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** The page with the sample set as the body's content, as the mail site's own renderer does. */
function pageWithBody(site: Site, sample: HostileSample): Document {
  const doc = parse(source(site));
  site.body(doc).innerHTML = sample.html;
  return doc;
}

/** The page source with the sample spliced in raw, for shapes that break out of their element. */
function pageWithSplicedSource(site: Site, sample: HostileSample): Document {
  const html = source(site);
  const at = html.lastIndexOf(site.bodyOpen);
  expect(at).toBeGreaterThan(0);
  const cut = at + site.bodyOpen.length;
  return parse(html.slice(0, cut) + sample.html + html.slice(cut));
}

function allText(result: ReadResult): string {
  if (!result.ok) return '';
  const { snapshot } = result;
  return [
    snapshot.subject,
    ...snapshot.messages.flatMap((m) => [m.from.name, m.from.email, m.text, m.quoted, m.signature]),
  ].join('\n');
}

let fetchSpy: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchSpy = vi.fn(() => Promise.reject(new Error('no network in the hostile corpus')));
  vi.stubGlobal('fetch', fetchSpy);
});
afterEach(() => {
  vi.unstubAllGlobals();
  // Nothing in a sample may have run in the test's own window either.
  expect((globalThis as Record<string, unknown>)[EXEC]).toBeUndefined();
  expect(fetchSpy).not.toHaveBeenCalled();
});

// The full-size heavy samples (5 MB, 10,000 levels) run once, in Chromium through the real content
// script (tests/e2e/hostile.e2e.ts), where they once hung the mail tab; jsdom parses them 20–100×
// slower. Here they run scaled down, as bodies only (splicing them adds nothing): 1,500 levels is
// still past the 400 where the flat reader takes over; 200 KB keeps a large body in the unit suite.
const UNIT_SAMPLES: (HostileSample & { scaled?: boolean })[] = [
  ...HOSTILE_SAMPLES.filter((sample) => !sample.heavy),
  {
    name: 'large body (200 KB)',
    html:
      `<p>${SEEN}</p>` + `<p>Relleno del pedido 12345, línea de texto normal.</p>`.repeat((200 * 1024) / 55),
    expectSeen: true,
    scaled: true,
  },
  {
    name: 'deeply nested (1,500 levels)',
    html:
      `<p>${SEEN}</p>` + '<div>'.repeat(1_500) + `deep <script>${EXEC}()</script>` + '</div>'.repeat(1_500),
    expectSeen: true,
    scaled: true,
  },
];

describe.each(SITES.map((site) => [site.name, site] as const))('%s adapter', (_name, site) => {
  const bodySamples = UNIT_SAMPLES.filter((sample) => !sample.sourceOnly);

  it('corpus is large enough', () => {
    expect(HOSTILE_SAMPLES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(bodySamples.map((sample) => [sample.name, sample] as const))('body: %s', (_sample, sample) => {
    const doc = pageWithBody(site, sample);
    const before = doc.documentElement.outerHTML;
    const result = site.adapter().readThread(doc, site.url);
    // Reading is pure with respect to the page, whatever the mail contains.
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(result.ok).toBe(true);
    const text = allText(result);
    if (!sample.literal) expect(text).not.toContain(EXEC);
    if (sample.expectSeen) expect(text).toContain(SEEN);
    // Text hidden only by computed style is checked in the live page below.
    if (!sample.hiddenByStyle) expect(text).not.toContain(HIDDEN);
  });

  it.each(UNIT_SAMPLES.filter((sample) => !sample.scaled).map((sample) => [sample.name, sample] as const))(
    'spliced source: %s',
    (_sample, sample) => {
      const doc = pageWithSplicedSource(site, sample);
      const before = doc.documentElement.outerHTML;
      let result: ReadResult | undefined;
      expect(() => {
        result = site.adapter().readThread(doc, site.url);
      }).not.toThrow();
      expect(doc.documentElement.outerHTML).toBe(before);
      // A broken page may be not understood (the side panel then offers pasting), never a crash.
      if (!result!.ok) {
        expect(['not-understood', 'loading', 'no-thread']).toContain(result!.problem.kind);
        return;
      }
      const text = allText(result!);
      if (!sample.literal) expect(text).not.toContain(EXEC);
      if (!sample.hiddenByStyle) expect(text).not.toContain(HIDDEN);
    },
  );

  // A mail site's page is live: styles apply, so text hidden by a class, opacity, size, position or
  // colour can be recognised. These samples carry no active content, so a live frame is safe here.
  it.each(
    HOSTILE_SAMPLES.filter((sample) => sample.hiddenByStyle).map((sample) => [sample.name, sample] as const),
  )('live page, hidden by style: %s', (_sample, sample) => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const doc = frame.contentDocument!;
      doc.documentElement.innerHTML = source(site).replace(/^[\s\S]*?<html[^>]*>/i, '');
      site.body(doc).innerHTML = sample.html;
      const result = site.adapter().readThread(doc, site.url);
      expect(result.ok).toBe(true);
      const text = allText(result);
      expect(text).toContain(SEEN);
      expect(text).not.toContain(HIDDEN);
    } finally {
      frame.remove();
    }
  });
});
