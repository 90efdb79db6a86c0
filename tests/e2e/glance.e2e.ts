// The popup and the side panel as a user meets them, at their real sizes (popup 380 px wide, side
// panel 360 × 725): what sits where, what the agenda claims, and axe-core on every extension page in
// the light and the dark colour scheme (emulated with Playwright's emulateMedia).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectAccounts, launchExtension, type ExtensionSession } from './harness';
import { SEED_THREADS, gmailDemoPath } from '../../sandbox/seed/threads';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const thread = (key: string) => SEED_THREADS.find((t) => t.key === key)!;
let s: ExtensionSession;

beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
});

async function openAt(path: string, size: { width: number; height: number }): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${s.extensionId}/${path}`);
  return page;
}

const POPUP = { width: 380, height: 600 };

/** Nothing wider than the page: no horizontal scrollbar. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    return root.scrollWidth - root.clientWidth;
  });
}

const connectBothCalendars = () => connectAccounts(s, ['google', 'microsoft']);

/** axe-core's violations on the page as it is, one line each (rule, impact, first target). */
async function axeViolations(page: Page): Promise<string[]> {
  // Through CDP evaluation: the extension pages' CSP would refuse an injected <script>.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(c: Document): Promise<{ violations: unknown[] }> } })
      .axe;
    const { violations } = await axe.run(document);
    return (violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

describe('popup at a glance (380 px)', () => {
  it('fresh profile, no calendar: quick add on top and focused, no free time claimed, no horizontal scroll', async () => {
    const popup = await openAt('popup.html', POPUP);
    const quickAdd = popup.getByRole('textbox', { name: 'Task' });
    await quickAdd.waitFor();
    await popup.getByTestId('agenda-empty').waitFor();
    // The empty agenda offers the next step, not a warning.
    await popup.getByTestId('agenda-empty').getByRole('button', { name: 'Connect a calendar' }).waitFor();
    expect(await popup.getByTestId('free-gap').count()).toBe(0);
    expect(await popup.getByTestId('next-meeting').count()).toBe(0);
    const inputBox = (await quickAdd.boundingBox())!;
    const agendaBox = (await popup.getByTestId('agenda').boundingBox())!;
    expect(inputBox.y + inputBox.height).toBeLessThanOrEqual(agendaBox.y);
    expect(await quickAdd.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await horizontalOverflow(popup)).toBeLessThanOrEqual(0);
    await popup.close();
  });

  it('with both calendars: next meeting in words, today first and the rest folded, gaps in hours and in order', async () => {
    await connectBothCalendars();
    const popup = await openAt('popup.html', POPUP);
    await popup.getByRole('button', { name: 'Refresh', exact: true }).waitFor({ timeout: 20_000 });
    await popup.getByTestId('agenda-day').first().waitFor();
    const quickAdd = (await popup.getByRole('textbox', { name: 'Task' }).boundingBox())!;
    const agenda = (await popup.getByTestId('agenda').boundingBox())!;
    expect(quickAdd.y).toBeLessThan(agenda.y);

    // The seeded calendars always hold a meeting ahead, so the line is there.
    const next = await popup.getByTestId('next-meeting').innerText();
    expect(next).toMatch(
      /^(Now: |Next meeting (in \d+ min|in \d+ h( \d+ min)?|at \S+\s?[AP]?M? (today|tomorrow)|on .+ at .+): )/,
    );
    expect(next).not.toMatch(/\d{3,} min/);

    // Today is open; the coming days are folded behind one summary.
    const later = popup.getByTestId('agenda-later');
    expect(await later.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const today = popup.getByTestId('agenda-day').first();
    expect(await today.getByRole('heading', { name: 'Today' }).count()).toBe(1);

    // Free gaps: within the default working hours (09:00–14:00, 16:00–19:00 in the profile's zone, the
    // browser's), never in the midday closure, listed among the events in time order.
    const rows = await today.locator('li[data-start]').evaluateAll((items) =>
      items.map((li) => ({
        gap: li.getAttribute('data-testid') === 'free-gap',
        start: Number(li.getAttribute('data-start')),
        end: Number(li.getAttribute('data-end') ?? li.getAttribute('data-start')),
      })),
    );
    const starts = rows.map((r) => r.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const minutesOfDay = (ms: number) => {
      const d = new Date(ms);
      return d.getHours() * 60 + d.getMinutes();
    };
    for (const gap of rows.filter((r) => r.gap)) {
      const [from, to] = [minutesOfDay(gap.start), minutesOfDay(gap.end)];
      const inMorning = from >= 9 * 60 && to <= 14 * 60;
      const inAfternoon = from >= 16 * 60 && to <= 19 * 60;
      expect(inMorning || inAfternoon, `gap ${from}–${to} outside working hours`).toBe(true);
    }
    expect(await horizontalOverflow(popup)).toBeLessThanOrEqual(0);
    await later.locator('summary').click();
    expect(await horizontalOverflow(popup)).toBeLessThanOrEqual(0);
    await popup.close();
  });
});

describe('popup shortcut', () => {
  it('the manifest gives the toolbar popup (quick add focused) a keyboard shortcut', async () => {
    const commands = await s.worker.evaluate(
      () =>
        (
          globalThis as unknown as {
            chrome: { runtime: { getManifest(): { commands?: Record<string, unknown> } } };
          }
        ).chrome.runtime.getManifest().commands,
    );
    expect(commands?._execute_action).toMatchObject({ suggested_key: { default: 'Alt+Shift+A' } });
  });
});

describe('side panel at 360 × 725', () => {
  it('shows the draft without scrolling on a fresh profile, with the actions side by side at one width', async () => {
    const mail = await s.context.newPage();
    await mail.goto(`${s.sandbox}${gmailDemoPath(thread('late-delivery'))}`);
    const tabId = await s.tabIdOf(mail);
    const panel = await openAt(`sidepanel.html?tabId=${tabId}`, { width: 360, height: 725 });
    const draft = panel.getByTestId('draft-text');
    await draft.waitFor({ timeout: 20_000 });
    expect(await panel.evaluate(() => window.scrollY)).toBe(0);
    const box = (await draft.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    // At least the first lines of the draft are on the first screen.
    expect(box.y + Math.min(box.height, 80)).toBeLessThanOrEqual(725);
    const insert = (await panel.getByRole('button', { name: 'Insert reply' }).boundingBox())!;
    expect(insert.y + insert.height).toBeLessThanOrEqual(725);

    const widths = await Promise.all(
      ['Add task', 'Log complaint', 'Schedule meeting'].map(
        async (name) => (await panel.getByRole('button', { name, exact: true }).boundingBox())!.width,
      ),
    );
    for (const w of widths) expect(Math.abs(w - widths[0]!)).toBeLessThanOrEqual(1);
    expect(await horizontalOverflow(panel)).toBeLessThanOrEqual(0);

    // A finished action is shown as done and cannot run twice.
    await panel.getByRole('button', { name: 'Add task', exact: true }).click();
    await panel.locator('.success[role=status]').first().waitFor();
    expect(await panel.getByRole('button', { name: 'Add task', exact: true }).isDisabled()).toBe(true);
    await panel.close();
    await mail.close();
  });
});

describe('axe-core in both colour schemes', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no violations on the popup, side panel, options and dashboard (${colorScheme})`, async () => {
      const mail = await s.context.newPage();
      await mail.goto(`${s.sandbox}${gmailDemoPath(thread('late-delivery'))}`);
      const tabId = await s.tabIdOf(mail);
      const pages: [string, (p: Page) => Promise<unknown>][] = [
        ['popup.html', (p) => p.getByRole('heading', { name: 'Tasks due today' }).waitFor()],
        [`sidepanel.html?tabId=${tabId}`, (p) => p.getByTestId('draft-text').waitFor({ timeout: 20_000 })],
        ['options.html', (p) => p.getByText('Interface language').waitFor()],
        ['dashboard.html', (p) => p.getByRole('link', { name: 'Complaints' }).waitFor()],
      ];
      const found: string[] = [];
      for (const [path, ready] of pages) {
        const page = await s.context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.goto(`chrome-extension://${s.extensionId}/${path}`);
        await ready(page);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          colorScheme === 'dark',
        );
        found.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
        await page.close();
      }
      await mail.close();
      expect(found).toEqual([]);
    });
  }
});
