// Browser benchmarks on the demo mail pages (issue 9): what the extension adds to the mail page's
// own scripting time, read from Chromium traces, and how long our adapters take to read a
// 100-message thread in real Chromium's DOM. Figures only; nothing here is asserted.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Figure } from '../bench';
import { CHROME_PATH, launchChromium, launchWithExtension } from '../launch-chromium';
import { bundleForPage } from './page-bundle';
import { gmailPage, outlookPage, scriptJson } from '../../sandbox/mail/pages';
import { MAILBOX } from '../../sandbox/seed/threads';
import { sandboxPort } from '../../sandbox/origin';
import { startSandbox } from '../../sandbox/server';
import type { ThreadReadSample } from './thread-entry';
import { busyPageFigures } from './busy-pages';

type Site = 'gmail' | 'outlook';

// ---------------------------------------------------------------------------------------------
// Thread read: a 100-message thread on the demo pages, read by the real adapters in the page.

const LONG_GMAIL_ID = '18c2f0a9b3d4e100';
const LONG_OUTLOOK_ID = 'AAQkAGI2LongBench100+/thread==';

/** One thread in the shape the demo pages' scripts render (sandbox/mail/pages.ts). */
function hundredMessageThread(): unknown {
  const customer = { name: 'Lucía Gómez', email: 'lucia.gomez@example.es' };
  const base = Date.parse('2026-09-01T07:00:00Z');
  const texts = Array.from({ length: 100 }, (_, i) =>
    i % 2 === 0
      ? `Hola:\n\nSigo sin recibir el pedido 4512 (45,90 €); es la ${i / 2 + 1}ª vez que escribo.\n\n¿Podrían llamarme al 612 345 678 el martes a las 10? Es urgente, la obra empieza el lunes y sin los sacos de cemento cola no podemos avanzar.\n\nUn saludo,\nLucía`
      : `Buenos días, Lucía:\n\nLo estamos revisando con el transportista (envío 99-${4000 + i}) y le diremos algo mañana antes de las 12:00.\n\nDisculpe las molestias.`,
  );
  const messages = texts.map((text, i) => {
    const fromCustomer = i % 2 === 0;
    const from = fromCustomer ? customer : MAILBOX;
    const to = [fromCustomer ? MAILBOX : customer];
    const previous = i > 0 ? texts[i - 1]! : null;
    return {
      from,
      to,
      cc: [],
      date: new Date(base + i * 3_600_000).toISOString(),
      text,
      signature: fromCustomer ? '' : 'Lucía Martín\nAtención al cliente · Ferretería López',
      table: null,
      rawHtml: null,
      // Replies carry the previous message as quoted history, as most mail clients send them.
      quote: previous
        ? {
            from: fromCustomer ? MAILBOX : customer,
            to: [fromCustomer ? customer : MAILBOX],
            date: new Date(base + (i - 1) * 3_600_000).toISOString(),
            text: previous,
          }
        : null,
    };
  });
  return {
    key: 'bench-100',
    gmailId: LONG_GMAIL_ID,
    outlookId: LONG_OUTLOOK_ID,
    subject: 'Pedido 4512: entrega pendiente',
    customer,
    messages,
  };
}

const SEED_DATA = /(<script type="application\/json" id="seed-data">)([\s\S]*?)(<\/script>)/;

/** The demo site's own page (its CSS and script), with the long thread added and our bundle. */
function pageWithLongThread(site: Site): string {
  const html = site === 'gmail' ? gmailPage({ ui: 'en' }) : outlookPage({ ui: 'en' });
  const match = SEED_DATA.exec(html);
  if (!match) throw new Error('The demo page no longer carries its seed data where expected');
  const data = JSON.parse(match[2]!) as { threads: unknown[] };
  data.threads.unshift(hundredMessageThread());
  return html
    .replace(SEED_DATA, (_all, open: string, _json, close: string) => `${open}${scriptJson(data)}${close}`)
    .replace('</body>', '<script src="/thread-bench.js"></script>\n</body>');
}

async function threadReadFigures(): Promise<Figure[]> {
  const js = await bundleForPage('scripts/bench/thread-entry.ts');
  const pages = { gmail: pageWithLongThread('gmail'), outlook: pageWithLongThread('outlook') };
  // Served on the demo sites' own paths: both adapters take the thread id from the URL.
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/thread-bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else if (path.startsWith('/gmail/')) res.writeHead(200, { 'content-type': 'text/html' }).end(pages.gmail);
    else if (path.startsWith('/outlook/'))
      res.writeHead(200, { 'content-type': 'text/html' }).end(pages.outlook);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const urls: Record<Site, string> = {
    gmail: `${origin}/gmail/mail/u/0/#inbox/${LONG_GMAIL_ID}`,
    outlook: `${origin}/outlook/mail/inbox/id/${encodeURIComponent(LONG_OUTLOOK_ID)}`,
  };
  const figures: Figure[] = [];
  try {
    for (const site of ['gmail', 'outlook'] as const) {
      for (const expand of [false, true]) {
        const page = await browser.newPage();
        await page.goto(urls[site]);
        await page.waitForFunction(() => 'runThreadRead' in globalThis);
        const r = (await page.evaluate(
          ([s, e]) =>
            (
              globalThis as unknown as {
                runThreadRead(site: Site, runs: number, expand: boolean): ThreadReadSample;
              }
            ).runThreadRead(s, 25, e),
          [site, expand] as const,
        )) as ThreadReadSample;
        await page.close();
        if (r.problem) throw new Error(`${site}: the adapter did not read the thread: ${r.problem}`);
        figures.push({
          name: `${site === 'gmail' ? 'Gmail' : 'Outlook'}: readThread, 100 messages, ${expand ? 'all opened' : 'as the site shows it'}`,
          value: r.medianMs,
          unit: 'ms',
          note: `${r.messages} messages read, ${r.full} with full body; median of 25`,
        });
      }
    }
    return figures;
  } finally {
    await browser.close();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Mail page cost: one scripted user session on a demo mail page, traced with and without the
// extension, and the scripting time of the page's renderer main thread compared.

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread-clock duration (CPU time of the thread), µs. */
  tdur?: number;
  args?: {
    name?: string;
    fileName?: string;
    worldName?: string;
    data?: { url?: string; processId?: number; frames?: { url?: string; processId?: number }[] };
  };
}

// What DevTools' Performance panel files under "Scripting" (script compile/run, the callbacks that
// enter script, microtasks, garbage collection).
const SCRIPTING = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.run',
  'v8.callFunction',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'HandlePostMessage',
  'XHRReadyStateChange',
  'XHRLoad',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MARK_COMPACTOR',
]);
// Browser work that can run inside a script call (a forced layout) or around one (the parser
// running an inline script), and is not scripting.
const NOT_SCRIPTING = new Set([
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'UpdateLayer',
]);

type Owner = 'page' | 'extension' | 'driver';

/** Whose code an event runs, when the event says so (children inherit it). */
function ownerOf(e: TraceEvent): Owner | undefined {
  const a = e.args;
  const url = a?.data?.url || a?.fileName;
  if (url) return url.startsWith('chrome-extension://') ? 'extension' : 'page';
  if (a?.worldName) return a.worldName.startsWith('__playwright') ? 'driver' : 'extension';
  // Playwright's own evaluations (CDP Runtime.evaluate / callFunctionOn) carry no script URL.
  if ((e.name === 'EvaluateScript' || e.name === 'FunctionCall') && a?.data?.url !== undefined)
    return 'driver';
  if (e.name === 'EvaluateScript' && !a?.data) return 'driver';
  return undefined;
}

export interface ScriptingTotals {
  /**
   * Scripting on the page's main thread, ms of thread CPU time (the trace's thread clock: time the
   * thread was descheduled on a busy machine is not counted), Playwright's own evaluations left out.
   */
  page: number;
  /** The part run by the extension's content script (its URL or its isolated world). */
  extension: number;
  /** Playwright driving the session (left out of `page`). */
  driver: number;
  /** `page` in wall-clock time, as DevTools' summary shows it. */
  pageWall: number;
}

/**
 * Sums scripting time on the main thread of the renderer(s) that showed `origin`. Every event's
 * self time (its duration minus its children's) goes to the category and owner of its nearest
 * categorised ancestor, so nested events are never counted twice and a forced layout inside a
 * script call is not scripting.
 */
export function scriptingTime(events: TraceEvent[], origin: string): ScriptingTotals {
  const pids = new Set<number>();
  for (const e of events) {
    const d = e.args?.data;
    for (const f of d?.frames ?? []) if (f.url?.startsWith(origin) && f.processId) pids.add(f.processId);
    if (e.name === 'FrameCommittedInBrowser' && d?.url?.startsWith(origin) && d.processId)
      pids.add(d.processId);
  }
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .filter((e) => pids.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.pid - b.pid || a.tid - b.tid || a.ts - b.ts || b.dur! - a.dur!);
  interface Open {
    end: number;
    thread: string;
    scripting: boolean | undefined;
    owner: Owner | undefined;
    /** Self time, wall clock and thread clock (µs). */
    wall: number;
    cpu: number;
  }
  const totals: ScriptingTotals = { page: 0, extension: 0, driver: 0, pageWall: 0 };
  const close = (o: Open) => {
    if (!o.scripting) return;
    const ms = Math.max(0, o.cpu) / 1000;
    if (o.owner === 'driver') totals.driver += ms;
    else {
      totals.page += ms;
      totals.pageWall += Math.max(0, o.wall) / 1000;
      if (o.owner === 'extension') totals.extension += ms;
    }
  };
  const stack: Open[] = [];
  for (const e of spans) {
    const thread = `${e.pid}:${e.tid}`;
    while (stack.length && (stack.at(-1)!.thread !== thread || stack.at(-1)!.end <= e.ts))
      close(stack.pop()!);
    const parent = stack.at(-1);
    const end = parent ? Math.min(e.ts + e.dur!, parent.end) : e.ts + e.dur!;
    // A few events (hit tests) carry no thread clock; their wall time is the best estimate.
    const cpu = Math.min(e.tdur ?? end - e.ts, end - e.ts);
    if (parent) {
      parent.wall -= end - e.ts;
      parent.cpu -= cpu;
    }
    stack.push({
      end,
      thread,
      scripting: SCRIPTING.has(e.name) ? true : NOT_SCRIPTING.has(e.name) ? false : parent?.scripting,
      owner: ownerOf(e) ?? parent?.owner,
      wall: end - e.ts,
      cpu,
    });
  }
  while (stack.length) close(stack.pop()!);
  return totals;
}

const TRACE_CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
];

async function traced(page: Page, session: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES },
    transferMode: 'ReportEvents',
  });
  try {
    await session();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

/** Long enough for the extension's thread watcher (at most ~1 s on a busy page) to read and report. */
const DWELL_MS = 600;
const THREADS_VISITED = [0, 2, 5, 8];

/** Inbox → a thread → scroll → back, for four threads: what an assistant does all day. */
async function gmailSession(page: Page, origin: string, run: number): Promise<void> {
  await page.goto(`${origin}/gmail/mail/u/0/?bench=${run}#inbox`);
  await page.waitForTimeout(DWELL_MS);
  for (const i of THREADS_VISITED) {
    await page.locator('tr.zA').nth(i).click();
    await page.waitForTimeout(DWELL_MS);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(250);
    await page.mouse.wheel(0, -800);
    await page.waitForTimeout(250);
    await page.locator('.G-atb [role=button]').first().click();
    await page.waitForTimeout(DWELL_MS);
  }
}

/** Inbox → one conversation after another in the reading pane, scrolling each. */
async function outlookSession(page: Page, origin: string, run: number): Promise<void> {
  await page.goto(`${origin}/outlook/mail/inbox?bench=${run}`);
  await page.waitForTimeout(DWELL_MS);
  for (const i of THREADS_VISITED) {
    await page.locator('[role=option]').nth(i).click();
    await page.waitForTimeout(DWELL_MS);
    await page.mouse.move(800, 500);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(250);
    await page.mouse.wheel(0, -800);
    await page.waitForTimeout(250);
  }
}

/** Chromium exactly as `launchWithExtension` starts it, minus the extension. */
function launchPlain(): Promise<{ context: BrowserContext; profile: string }> {
  return launchChromium({ headless: true, extensions: [] });
}

const RUNS = 5;

async function sessionTotals(
  withExtension: boolean,
  origin: string,
): Promise<Record<Site, ScriptingTotals[]>> {
  const { context, profile } = withExtension
    ? await launchWithExtension(resolve('.output/chrome-mv3-sandbox'), { headless: true })
    : await launchPlain();
  const out: Record<Site, ScriptingTotals[]> = { gmail: [], outlook: [] };
  try {
    for (const site of ['gmail', 'outlook'] as const) {
      const session = site === 'gmail' ? gmailSession : outlookSession;
      // The first session warms the browser (ICU data, code caches) and is not counted.
      for (let run = 0; run <= RUNS; run++) {
        const page = await context.newPage();
        const events = await traced(page, () => session(page, origin, run));
        await page.close();
        if (run > 0) out[site].push(scriptingTime(events, origin));
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function pageCostFigures(): Promise<Figure[]> {
  execSync('npm run build:sandbox', {
    stdio: 'ignore',
    env: { ...process.env, SANDBOX_PORT: String(sandboxPort()) },
  });
  const sandbox = await startSandbox(sandboxPort());
  try {
    const without = await sessionTotals(false, sandbox.origin);
    const withExt = await sessionTotals(true, sandbox.origin);
    const figures: Figure[] = [];
    for (const site of ['gmail', 'outlook'] as const) {
      const label = site === 'gmail' ? 'Gmail demo' : 'Outlook demo';
      const a = without[site].map((t) => t.page);
      const b = withExt[site].map((t) => t.page);
      const ext = medianOf(withExt[site].map((t) => t.extension));
      const wallA = medianOf(without[site].map((t) => t.pageWall));
      const wallB = medianOf(withExt[site].map((t) => t.pageWall));
      const spread = (v: number[]) =>
        `median of ${RUNS} traces, range ${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)} ms`;
      figures.push(
        {
          name: `${label}: page scripting (CPU) without the extension`,
          value: medianOf(a),
          unit: 'ms',
          note: `${THREADS_VISITED.length} threads opened and scrolled; ${spread(a)}`,
        },
        {
          name: `${label}: page scripting (CPU) with the extension`,
          value: medianOf(b),
          unit: 'ms',
          note: spread(b),
        },
        { name: '  added by the extension', value: medianOf(b) - medianOf(a), unit: 'ms' },
        { name: '  with / without', value: medianOf(b) / medianOf(a), unit: '×' },
        {
          name: '  of which in the content script itself',
          value: ext,
          unit: 'ms',
          note: 'events carrying its URL or isolated world; its promise continuations are not',
        },
        {
          name: '  with / without, wall clock (as DevTools sums it)',
          value: wallB / wallA,
          unit: '×',
          note: `${wallA.toFixed(0)} → ${wallB.toFixed(0)} ms; swings with the machine's load`,
        },
      );
    }
    return figures;
  } finally {
    await sandbox.close();
  }
}

export const traceSections: Record<string, () => Promise<Figure[]>> = {
  'mail page cost with and without the extension': pageCostFigures,
  'thread read, 100-message thread (real Chromium)': threadReadFigures,
  'busy mail pages: typing beside a 2 MB mail, thread switch under churn': busyPageFigures,
};
