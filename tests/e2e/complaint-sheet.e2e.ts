// The complaint log through a shared spreadsheet end to end: two Chromium profiles (two people of one
// business) against one sandbox, first through a Google Sheet, then through an Excel table in
// OneDrive. A complaint in profile one (stored as the side panel stores it) reaches profile two's
// dashboard via the sheet; a status someone types into the sheet comes back to profile two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, putRecords, readStore, type ExtensionSession } from './harness';

const SUBJECT = 'Pedido 7781 llegó con la caja rota';
const STATUS_COLUMN = 7; // "Status" in the header the extension writes (services/complaint-log/sheet.ts)

async function storeComplaint(page: Page): Promise<void> {
  const now = Date.now();
  await putRecords(page, 'complaints', [
    {
      id: 'cmp-7781',
      threadKey: 'gmail:thread-7781',
      threadUrl: 'https://mail.google.com/mail/u/0/#inbox/thread-7781',
      channel: 'gmail',
      customerName: 'Lucía Pérez',
      customerEmail: 'lucia@example.com',
      subject: SUBJECT,
      summary: '=HYPERLINK("http://evil.example","pulsa")',
      category: 'damaged',
      severity: 'high',
      status: 'new',
      orderRef: '7781',
      amount: null,
      language: 'es',
      assignee: null,
      resolution: '',
      compensation: '',
      firstResponseAt: null,
      receivedAt: now,
      resolvedAt: null,
      dueAt: null,
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, kind: 'created' }],
      seenMessageIds: [],
      taskId: null,
      words: ['pedido', 'caja', 'rota'],
    },
  ]);
}

async function statusOf(page: Page): Promise<string | null> {
  const found = (await readStore<{ id: string; status: string }>(page, 'complaints')).find(
    (c) => c.id === 'cmp-7781',
  );
  return found?.status ?? null;
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

  it('a complaint logged in one shows in the other; a status changed in the sheet comes back', async () => {
    const dashA = await one.openExtensionPage('dashboard.html#/complaints');
    await storeComplaint(dashA);

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

    // The row is in the sheet, and the formula-like summary stayed text.
    const stored = JSON.stringify(await (await fetch(`${one.sandbox}/__sandbox/${admin}`)).json());
    expect(stored).toContain(SUBJECT);
    expect(stored).not.toContain('#FORMULA');

    const optB = await two.openExtensionPage('options.html#team');
    const groupB = optB.getByTestId('complaint-sheet');
    await groupB.getByLabel('Share through').selectOption(value);
    await groupB.getByTestId('sheet-id-input').fill(sheetId);
    await groupB.getByRole('button', { name: 'Join' }).click();
    await groupB.getByText('Joined the shared complaint log.').waitFor({ timeout: 30_000 });
    const dashB = await two.openExtensionPage('dashboard.html#/complaints');
    await dashB.getByTestId('complaint-row').filter({ hasText: SUBJECT }).waitFor({ timeout: 30_000 });

    // Someone sets the status in the spreadsheet itself.
    const edit =
      admin === 'sheets'
        ? { spreadsheetId: sheetId, row: 2, col: STATUS_COLUMN, value: 'Resolved' }
        : { itemId: sheetId.split('|')[0], row: 2, col: STATUS_COLUMN, value: 'Resolved' };
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
          return statusOf(dashB);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('resolved');
    // One row for the complaint, however many passes ran.
    const after = (await (await fetch(`${one.sandbox}/__sandbox/${admin}`)).json()) as unknown;
    expect(JSON.stringify(after).split('cmp-7781').length - 1).toBe(1);
  });
});
