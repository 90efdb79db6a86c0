// Busy mail pages (issue 14), in real Chromium with the sandbox build: long tasks while typing a
// reply in a thread holding a 2 MB mail, with and without the extension, and how soon a thread
// switch is read and reported on a page that changes every 100 ms. Figures only; nothing asserted.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Figure } from '../bench';
import { launchChromium, launchWithExtension } from '../launch-chromium';
import { gmailPage, outlookPage, scriptJson } from '../../sandbox/mail/pages';
import { MAILBOX } from '../../sandbox/seed/threads';
import { sandboxPort } from '../../sandbox/origin';

type Site = 'gmail' | 'outlook';

const SEED_DATA = /(<script type="application\/json" id="seed-data">)([\s\S]*?)(<\/script>)/;

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

const BIG_GMAIL_ID = '18c2f0a9b3d4e200';
const BIG_OUTLOOK_ID = 'AAQkAGI2BigMail2MB+/thread==';

/** A ~2 MB HTML mail: a long price list with styled rows, as supplier mail and newsletters carry. */
function twoMegabyteThread(): unknown {
  const customer = { name: 'Distribuciones Norte', email: 'pedidos@distribuciones-norte.example' };
  const rows: string[] = [];
  for (let i = 0, size = 0; size < 2_000_000; i++) {
    const row = `<p class="row" style="margin:0 0 4px;color:#333"><span class="ref">REF-${10000 + i}</span> Tornillo rosca chapa ${(i % 9) + 2} mm, caja de 200 unidades — <b>${(i % 50) + 3},${String(i % 100).padStart(2, '0')} €</b></p>`;
    rows.push(row);
    size += row.length;
  }
  return {
    key: 'bench-2mb',
    gmailId: BIG_GMAIL_ID,
    outlookId: BIG_OUTLOOK_ID,
    subject: 'Tarifa 2027 y pedido pendiente',
    customer,
    messages: [
      {
        from: customer,
        to: [MAILBOX],
        cc: [],
        date: '2026-11-20T09:00:00+01:00',
        text: '',
        signature: '',
        table: null,
        rawHtml: `<div><p>Buenos días: les adjuntamos la tarifa 2027. ¿Nos confirman el pedido 7781?</p>${rows.join('')}</div>`,
        quote: null,
      },
    ],
  };
}

/** The demo site's page (calm or busy) with the 2 MB thread added first. */
function pageWithBigMail(site: Site, churnMs: number): string {
  const html = site === 'gmail' ? gmailPage({ ui: 'en', churnMs }) : outlookPage({ ui: 'en', churnMs });
  const match = SEED_DATA.exec(html);
  if (!match) throw new Error('The demo page no longer carries its seed data where expected');
  const data = JSON.parse(match[2]!) as { threads: unknown[] };
  data.threads.unshift(twoMegabyteThread());
  return html.replace(
    SEED_DATA,
    (_all, open: string, _json, close: string) => `${open}${scriptJson(data)}${close}`,
  );
}

interface TypingSample {
  longTasks: number[];
  reportedBeforeTyping: boolean;
}

/** Opens the 2 MB thread, waits for the extension's read, then types a 21-key reply. */
async function typeInBigThread(
  page: Page,
  url: string,
  site: Site,
  extension: boolean,
): Promise<TypingSample> {
  await page.goto(url);
  // Let the page and (when loaded) the extension finish with the big mail before measuring.
  const reported = extension
    ? await page
        .waitForFunction(() => performance.getEntriesByName('ops:thread-reported').length > 0, null, {
          timeout: 20_000,
        })
        .then(() => true)
        .catch(() => false)
    : false;
  await page.waitForTimeout(1500);
  if (site === 'gmail') await page.locator('.if:not(.aHU) span.ams.bkH').click();
  else await page.locator('.rpE7:not(.hdn4F) [role=toolbar] button').first().click();
  const box =
    site === 'gmail'
      ? page.locator('.if:not(.aHU) .M9 [role=textbox]')
      : page.locator('.rpE7:not(.hdn4F) [role=textbox][contenteditable=true]');
  await box.waitFor();
  await box.click();
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.keyboard.type('Gracias, lo revisamos.', { delay: 90 });
  // The watcher reads at most ~1 s after a change: wait past that before collecting.
  await page.waitForTimeout(1500);
  const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return { longTasks, reportedBeforeTyping: reported };
}

/** Page-side time from a thread switch (click / hash change) to the extension's report of it. */
async function switchLatencies(page: Page, url: string, site: Site, switches: number): Promise<number[]> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('ops:thread-reported').length > 0, null, {
    timeout: 20_000,
  });
  await page.waitForTimeout(1000);
  const out: number[] = [];
  for (let i = 0; i < switches; i++) {
    const target = 1 + (i % 6);
    const delta = await page.evaluate(
      async ([s, n]) => {
        // No named helpers in here: tsx would wrap them in a __name() the page does not have.
        const before = performance.getEntriesByName('ops:thread-reported').length;
        const started = performance.now();
        if (s === 'gmail') {
          const row = document.querySelectorAll<HTMLElement>('tr.zA')[n];
          if (!row) {
            // From a thread back to the list first.
            location.hash = '#inbox';
            return -1;
          }
          row.click();
        } else document.querySelectorAll<HTMLElement>('[role=option]')[n]!.click();
        for (let waited = 0; waited < 10_000; waited += 20) {
          await new Promise((r) => setTimeout(r, 20));
          const all = performance.getEntriesByName('ops:thread-reported');
          if (all.length > before) return all.at(-1)!.startTime - started;
        }
        return Number.NaN;
      },
      [site, target] as const,
    );
    if (delta >= 0) out.push(delta);
    if (site === 'gmail') {
      await page.evaluate(() => void (location.hash = '#inbox'));
      await page.waitForTimeout(600);
    } else await page.waitForTimeout(600);
  }
  return out;
}

export async function busyPageFigures(): Promise<Figure[]> {
  execSync('npm run build:sandbox', {
    stdio: 'ignore',
    env: { ...process.env, SANDBOX_PORT: String(sandboxPort()) },
  });
  const pages = {
    gmail: pageWithBigMail('gmail', 0),
    outlook: pageWithBigMail('outlook', 0),
    gmailBusy: pageWithBigMail('gmail', 100),
    outlookBusy: pageWithBigMail('outlook', 100),
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const busy = url.searchParams.has('busy');
    const html = url.pathname.startsWith('/gmail/')
      ? busy
        ? pages.gmailBusy
        : pages.gmail
      : url.pathname.startsWith('/outlook/')
        ? busy
          ? pages.outlookBusy
          : pages.outlook
        : null;
    if (html) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bigUrl: Record<Site, string> = {
    gmail: `${origin}/gmail/mail/u/0/#inbox/${BIG_GMAIL_ID}`,
    outlook: `${origin}/outlook/mail/inbox/id/${encodeURIComponent(BIG_OUTLOOK_ID)}`,
  };
  const listUrl: Record<Site, string> = {
    gmail: `${origin}/gmail/mail/u/0/?busy=1#inbox`,
    outlook: `${origin}/outlook/mail/inbox?busy=1`,
  };
  const figures: Figure[] = [];
  // Chromium exactly as launchWithExtension starts it, minus the extension.
  const plain = await launchChromium({ headless: true, extensions: [] });
  const ext = await launchWithExtension(resolve('.output/chrome-mv3-sandbox'), { headless: true });
  try {
    for (const site of ['gmail', 'outlook'] as const) {
      const label = site === 'gmail' ? 'Gmail demo' : 'Outlook demo';
      const typed: Record<'without' | 'with', TypingSample> = {} as never;
      for (const [key, context] of [
        ['without', plain.context],
        ['with', ext.context],
      ] as const) {
        const page = await context.newPage();
        typed[key] = await typeInBigThread(page, bigUrl[site], site, key === 'with');
        await page.close();
      }
      if (!typed.with.reportedBeforeTyping)
        throw new Error(`${label}: the extension never read the 2 MB thread`);
      const describe = (t: number[]) =>
        t.length ? `${t.length} task(s): ${t.map((d) => d.toFixed(0)).join(', ')} ms` : 'none';
      figures.push(
        {
          name: `${label}: long tasks typing 22 keys, 2 MB mail, without`,
          value: typed.without.longTasks.length,
          unit: 'tasks',
          note: describe(typed.without.longTasks),
        },
        {
          name: `${label}: long tasks typing 22 keys, 2 MB mail, with`,
          value: typed.with.longTasks.length,
          unit: 'tasks',
          budget: typed.without.longTasks.length,
          note: describe(typed.with.longTasks),
        },
        {
          name: '  longest task while typing, with the extension',
          value: Math.max(0, ...typed.with.longTasks),
          unit: 'ms',
          budget: 50,
        },
      );
      const page = await ext.context.newPage();
      const latencies = await switchLatencies(page, listUrl[site], site, 8);
      await page.close();
      figures.push({
        name: `${label}: thread switch read and reported, 100 ms churn`,
        value: medianOf(latencies),
        unit: 'ms',
        budget: 1000,
        note: `page time from the click to the report; ${latencies.length} switches, max ${Math.max(...latencies).toFixed(0)} ms`,
      });
    }
    return figures;
  } finally {
    await plain.context.close();
    await ext.context.close();
    rmSync(plain.profile, { recursive: true, force: true });
    rmSync(ext.profile, { recursive: true, force: true });
    server.close();
  }
}
