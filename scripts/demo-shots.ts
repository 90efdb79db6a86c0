import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import en from '../public/_locales/en/messages.json';
import es from '../public/_locales/es/messages.json';
import { DEMO_THREAD } from '../sandbox/seed/demo';
import { demoComplaintHistory } from './demo-history';

// The headless demo's screenshots: the product at work, in the UI language asked for. Each step is
// what a user does (open a thread beside the panel, log the complaint, connect the sandbox
// calendars, import a complaints backup, add tasks), driven through the real pages.
// Used by `npm run demo -- --headless [--es]` and by the e2e test that checks the files.

type Messages = Record<string, { message: string }>;
const MESSAGES: Record<'en' | 'es', Messages> = { en, es };

/** The side panel's real size (Chrome's default side panel width, a laptop's height). */
const PANEL = { width: 360, height: 725 };
const MAIL = { width: 1000, height: 725 };

export interface DemoSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The sandbox origin serving the demo mail pages. */
  origin: string;
}

export async function takeDemoScreenshots(
  session: DemoSession,
  options: { out: string; language: 'en' | 'es'; log?: (line: string) => void },
): Promise<string[]> {
  const { context, worker, extensionId, origin } = session;
  const msg = (key: string, ...subs: string[]) =>
    (MESSAGES[options.language][key]?.message ?? key).replace(
      /\$(\d)/g,
      (_, n: string) => subs[Number(n) - 1] ?? '',
    );
  const url = (path: string) => `chrome-extension://${extensionId}/${path}`;
  mkdirSync(options.out, { recursive: true });
  const written: string[] = [];
  const save = (name: string, png: Buffer) => {
    const path = join(options.out, `${name}.png`);
    writeFileSync(path, png);
    written.push(path);
    options.log?.(`  ${name}: ${path}`);
  };
  const open = async (path: string, viewport: { width: number; height: number }) => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(url(path));
    return page;
  };
  const tabIdOf = (page: Page) =>
    worker.evaluate(async (u) => {
      type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
      const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
      return tabs.find((t) => t.url === u)?.id ?? -1;
    }, page.url());

  /** The mail page with the side panel beside it, as one picture (a browser window with the panel open). */
  async function mailWithPanel(name: string, mailPath: string, afterShot?: (panel: Page) => Promise<void>) {
    const mail = await context.newPage();
    await mail.setViewportSize(MAIL);
    await mail.goto(`${origin}${mailPath}`);
    await mail.getByText(DEMO_THREAD.subject).first().waitFor();
    const panel = await open(`sidepanel.html?tabId=${await tabIdOf(mail)}`, PANEL);
    await panel.getByTestId('thread-subject').waitFor({ timeout: 20_000 });
    await panel.waitForTimeout(500);
    const [left, right] = [await mail.screenshot(), await panel.screenshot()];
    const frame = await context.newPage();
    await frame.setViewportSize({ width: MAIL.width + PANEL.width + 1, height: MAIL.height });
    const img = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await frame.setContent(
      `<body style="margin:0;display:flex;background:#c0c0c0;gap:1px">` +
        `<img src="${img(left)}" width="${MAIL.width}"><img src="${img(right)}" width="${PANEL.width}"></body>`,
    );
    await frame.waitForFunction(() => [...document.images].every((i) => i.complete));
    save(name, await frame.screenshot());
    await frame.close();
    await afterShot?.(panel);
    await panel.close();
    await mail.close();
  }

  // 1–2. Both mail sites with the panel open on the demo complaint; the first one logs it.
  await mailWithPanel('01-gmail-with-panel', DEMO_THREAD.gmailPath, async (panel) => {
    await panel
      .getByRole('button', { name: msg('logComplaint') })
      .first()
      .click();
    await panel.getByRole('button', { name: msg('saveComplaint') }).click();
    await panel.getByTestId('complaint').waitFor();
  });
  await mailWithPanel('02-outlook-with-panel', DEMO_THREAD.outlookPath);

  // The sandbox calendars, connected through their sign-in flows as a user would.
  const settings = await open('options.html#accounts', { width: 1000, height: 800 });
  for (const [testId, account] of [
    ['account-google', 'accountGoogle'],
    ['account-microsoft', 'accountMicrosoft'],
  ] as const) {
    await settings.getByRole('button', { name: msg('connect', msg(account)) }).click();
    await settings
      .getByTestId(testId)
      .getByRole('button', { name: msg('disconnect') })
      .waitFor({ timeout: 20_000 });
  }
  await settings.goto(url('options.html'));
  await settings.waitForTimeout(500);
  save('07-options', await settings.screenshot());
  await settings.close();

  // 3. The popup's agenda from those calendars.
  const popup = await open('popup.html', { width: 400, height: 600 });
  await popup.getByTestId('agenda-event').first().waitFor({ timeout: 20_000 });
  await popup.waitForTimeout(500);
  save('03-popup', await popup.screenshot());
  await popup.close();

  // Weeks of complaints from a backup file, then a few tasks typed in plain words.
  const dashboard = await open('dashboard.html#/complaints', { width: 1200, height: 860 });
  await dashboard.getByLabel(msg('importJson')).setInputFiles({
    name: 'complaints-demo.json',
    mimeType: 'application/json',
    buffer: Buffer.from(demoComplaintHistory(Date.now(), 'María López')),
  });
  const imported = dashboard.getByTestId('transfer-message');
  await imported.waitFor();
  options.log?.(`  (imported: ${await imported.innerText()})`);
  await dashboard.goto(url('dashboard.html#/tasks'));
  const quickAdd = dashboard.getByLabel(msg('taskTitle'), { exact: true }).first();
  for (const text of options.language === 'es'
    ? [
        'Confirmar a Marta Gil la nueva entrega hoy',
        'Llamar al proveedor de tornillos mañana 10:00',
        'Revisar la factura de luz el viernes',
      ]
    : [
        'Confirm the new delivery date to Marta Gil today',
        'Call the screw supplier tomorrow 10:00',
        'Check the electricity invoice on Friday',
      ]) {
    await quickAdd.fill(text);
    await quickAdd.press('Enter');
    // Saved: the box empties (the task lands in the list or view its date belongs to).
    for (let i = 0; i < 100 && (await quickAdd.inputValue()) !== ''; i++) await dashboard.waitForTimeout(100);
  }

  // 4–6. The dashboard's pages.
  for (const [name, hash] of [
    ['04-dashboard-tasks', '#/tasks'],
    ['05-dashboard-complaints', '#/complaints'],
    ['06-dashboard-insights', '#/insights'],
  ] as const) {
    await dashboard.goto(url(`dashboard.html${hash}`));
    if (hash === '#/insights') await dashboard.locator('[data-testid="weekly-chart"] canvas').waitFor();
    else if (hash === '#/complaints') await dashboard.getByTestId('complaint-row').first().waitFor();
    await dashboard.waitForTimeout(500);
    save(name, await dashboard.screenshot({ fullPage: hash === '#/insights' }));
  }
  await dashboard.close();
  return written;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Why a written screenshot is not a usable picture, or null: a PNG with a real size and content. */
export function pngProblem(file: Buffer): string | null {
  if (file.length < 1000) return `only ${file.length} bytes`;
  if (!file.subarray(0, 8).equals(PNG_SIGNATURE)) return 'not a PNG';
  if (file.subarray(12, 16).toString('latin1') !== 'IHDR') return 'no PNG header chunk';
  const [width, height] = [file.readUInt32BE(16), file.readUInt32BE(20)];
  return width >= 300 && height >= 300 ? null : `only ${width}×${height} pixels`;
}
