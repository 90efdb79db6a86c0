// The complaint log through a shared spreadsheet end to end: two Chromium profiles (two people of one
// business) against one sandbox, first through a Google Sheet, then through an Excel table in
// OneDrive. Profile one logs a complaint from a Gmail thread through the side panel (the real path);
// it reaches the sheet by itself — queued through the outbox at the edit, no "Sync now" — and then
// profile two's dashboard. A status changed in profile one's dashboard reaches the sheet the same way;
// a status someone types into the sheet comes back to profile two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, readStore, type ExtensionSession } from './harness';
import { SEED_THREADS, gmailDemoPath } from '../../sandbox/seed/threads';

const THREAD = SEED_THREADS.find((t) => t.key === 'late-delivery')!;
const SUBJECT = THREAD.subject;

type Admin = 'sheets' | 'workbooks';

/** The shared sheet's rows as the sandbox holds them (what a person sees in Sheets / Excel). */
async function sheetRows(s: ExtensionSession, admin: Admin, sheetId: string): Promise<string[][]> {
  const state = (await (await fetch(`${s.sandbox}/__sandbox/${admin}`)).json()) as {
    spreadsheets?: { spreadsheetId: string; sheets: { grid: string[][] }[] }[];
    workbooks?: { itemId: string; worksheets: { grid: string[][] }[] }[];
  };
  if (admin === 'sheets')
    return state.spreadsheets!.find((x) => x.spreadsheetId === sheetId)!.sheets[0]!.grid;
  return state.workbooks!.find((w) => w.itemId === sheetId.split('|')[0])!.worksheets[0]!.grid;
}

async function statusOf(page: Page, id: string): Promise<string | null> {
  const found = (await readStore<{ id: string; status: string }>(page, 'complaints')).find(
    (c) => c.id === id,
  );
  return found?.status ?? null;
}

/** Opens the seeded Gmail thread in the sandbox and the side panel beside it, and logs the complaint. */
async function logFromSidePanel(s: ExtensionSession): Promise<void> {
  const mail = await s.context.newPage();
  await mail.goto(`${s.sandbox}${gmailDemoPath(THREAD)}`);
  const panel = await s.openExtensionPage(`sidepanel.html?tabId=${await s.tabIdOf(mail)}`);
  await panel.getByTestId('thread-subject').waitFor();
  await panel.getByRole('button', { name: 'Log complaint' }).click();
  await panel.getByTestId('complaint-form').waitFor();
  await panel.getByRole('button', { name: 'Save complaint' }).click();
  await panel.getByTestId('complaint').waitFor();
  await panel.close();
  await mail.close();
}

describe.each([
  ['Google Sheets', 'google', 'sheets'],
  ['Excel table in OneDrive', 'microsoft', 'workbooks'],
] as const)('two profiles sharing the complaint log through %s', (service, value, admin) => {
  let one: ExtensionSession;
  let two: ExtensionSession;
  beforeAll(async () => {
    one = await launchExtension();
    two = await launchExtension();
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  it('a complaint logged in the side panel of one shows in the other; statuses travel both ways', async () => {
    const optA = await one.openExtensionPage('options.html#team');
    const groupA = optA.getByTestId('complaint-sheet');
    await groupA.getByLabel('Share through').selectOption(value);
    await groupA.getByRole('button', { name: 'Create a shared log' }).click();
    await groupA.getByText(`The complaint log is now in ${service}.`).waitFor({ timeout: 30_000 });
    const sheetId = (await groupA.getByTestId('sheet-id').innerText()).trim();
    await groupA
      .getByTestId('sheet-last-sync')
      .getByText(/^Last sync/)
      .waitFor({ timeout: 30_000 });
    await optA.close();

    // Logged through the side panel; nobody presses Sync now: the edit queues a pass by itself.
    await logFromSidePanel(one);
    const rowOf = async () => (await sheetRows(one, admin, sheetId)).find((r) => r.includes(SUBJECT));
    await expect.poll(rowOf, { timeout: 30_000, interval: 500 }).toBeDefined();
    const header = (await sheetRows(one, admin, sheetId))[0]!;
    const [idCol, statusCol] = [header.indexOf('ID'), header.indexOf('Status')];
    const row = (await rowOf())!;
    const id = row[idCol]!;
    expect(row[statusCol]).toBe('new');

    const optB = await two.openExtensionPage('options.html#team');
    const groupB = optB.getByTestId('complaint-sheet');
    await groupB.getByLabel('Share through').selectOption(value);
    await groupB.getByTestId('sheet-id-input').fill(sheetId);
    await groupB.getByRole('button', { name: 'Join' }).click();
    await groupB.getByText('Joined the shared complaint log.').waitFor({ timeout: 30_000 });
    const dashB = await two.openExtensionPage('dashboard.html#/complaints');
    await dashB.getByTestId('complaint-row').filter({ hasText: SUBJECT }).waitFor({ timeout: 30_000 });

    // Profile one moves it on in its dashboard; the sheet hears of it without Sync now.
    const dashA = await one.openExtensionPage('dashboard.html#/complaints');
    await dashA.getByTestId('complaint-row').filter({ hasText: SUBJECT }).getByRole('link').first().click();
    await dashA.getByTestId('complaint-detail').waitFor();
    await dashA.getByRole('button', { name: 'Start working', exact: true }).click();
    await dashA.getByTestId('complaint-status').getByText('In progress', { exact: true }).waitFor();
    await expect
      .poll(async () => (await rowOf())?.[statusCol], { timeout: 30_000, interval: 500 })
      .toBe('in_progress');

    // Someone sets the status in the spreadsheet itself; profile two takes it.
    const sheetRow = (await sheetRows(one, admin, sheetId)).findIndex((r) => r[idCol] === id) + 1;
    const edit =
      admin === 'sheets'
        ? { spreadsheetId: sheetId, row: sheetRow, col: statusCol + 1, value: 'Resolved' }
        : { itemId: sheetId.split('|')[0], row: sheetRow, col: statusCol + 1, value: 'Resolved' };
    const edited = await fetch(`${one.sandbox}/__sandbox/${admin}/edit`, {
      method: 'POST',
      body: JSON.stringify(edit),
    });
    expect(edited.status).toBe(200);
    await expect
      .poll(
        async () => {
          await groupB.getByRole('button', { name: 'Sync now' }).click();
          await optB.waitForTimeout(500);
          return statusOf(dashB, id);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('resolved');
    // One row for the complaint, however many passes ran.
    expect((await sheetRows(one, admin, sheetId)).filter((r) => r[idCol] === id)).toHaveLength(1);
  });
});
