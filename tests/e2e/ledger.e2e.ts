// Bookkeeping in real Chromium on both demo mail sites: a Spanish and an English supplier invoice are
// recognised, recorded in one click (number, exact total, due date), listed in the dashboard's
// ledger with their payment reminder tasks, and the CSV and XLSX exports read back equal the ledger.
// The same invoice opened again (on the other site) is recognised as already recorded. A letter and a
// meeting brief render on the letterhead, print alone and download as a .docx that opens.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clearStores,
  launchExtension,
  openMailAndPanel,
  readStore,
  withDb,
  type ExtensionSession,
} from './harness';
import { SEED_THREADS, gmailDemoPath, outlookDemoPath, type SeedThread } from '../../sandbox/seed/threads';
import type { LedgerEntry, Task } from '../../services/db/db';
import { exportedView, readCsv, readXlsx } from '../../services/ledger/export';

const thread = (key: string) => SEED_THREADS.find((t) => t.key === key)!;
const INVOICES = [
  {
    thread: thread('supplier-invoice-es'),
    number: 'F2026/0153',
    total: 121000,
    currency: 'EUR',
    due: '2026-12-28',
  },
  {
    thread: thread('supplier-invoice-en'),
    number: 'INV-30417',
    total: 102000,
    currency: 'GBP',
    due: '2026-12-30',
  },
];
let s: ExtensionSession;
/** Where the documents' screenshots go (copied into docs/ for the README by hand). */
const SHOTS = process.env.LEDGER_SHOTS ?? join(tmpdir(), 'ops-assistant-ledger-shots');
mkdirSync(SHOTS, { recursive: true });

beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
});

async function openMail(pathOf: (t: SeedThread) => string, t: SeedThread) {
  const { mail, panel } = await openMailAndPanel(s, pathOf(t));
  await panel.getByTestId('thread-subject').getByText(t.subject).waitFor();
  return { mail, panel };
}

async function download(page: Page, button: string): Promise<string> {
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return (await (await file).path())!;
}

const byNumber = <T extends { number: string }>(list: T[]) =>
  [...list].sort((a, b) => a.number.localeCompare(b.number));

describe.each([
  ['Gmail', gmailDemoPath],
  ['Outlook', outlookDemoPath],
] as const)('%s', (site, pathOf) => {
  it('records both supplier invoices in one click each, with a reminder task, and exports them back whole', async () => {
    const dashboard = await s.openExtensionPage('dashboard.html#/ledger');
    await clearStores(dashboard, ['ledger', 'tasks']);

    for (const inv of INVOICES) {
      const { mail, panel } = await openMail(pathOf, inv.thread);
      expect(await panel.getByTestId('intent').innerText()).toMatch(/^Invoice/);
      await panel.getByTestId('ledger-form').waitFor();
      expect(await panel.getByTestId('ledger-due').innerText()).not.toBe('—');
      await panel.getByRole('button', { name: 'Record invoice' }).click();
      await panel.getByTestId('ledger-entry').getByText(inv.number, { exact: false }).waitFor();
      await panel.getByText('Payment reminder task added').waitFor();
      // A second look at the same mail shows the record, never a second one.
      await panel.reload();
      await panel.getByTestId('ledger-entry').waitFor();
      expect(await panel.getByRole('button', { name: 'Record invoice' }).count()).toBe(0);
      await mail.close();
      await panel.close();
    }

    const ledger = byNumber(await readStore<LedgerEntry>(dashboard, 'ledger'));
    expect(ledger.map((e) => [e.number, e.total, e.currency, e.dueDate, e.status])).toEqual(
      byNumber(INVOICES).map((i) => [i.number, i.total, i.currency, i.due, 'to_pay']),
    );
    expect(ledger.every((e) => e.threadUrl?.includes(site === 'Gmail' ? '/gmail/' : '/outlook/'))).toBe(true);
    const tasks = await readStore<Task>(dashboard, 'tasks');
    expect(tasks.map((t) => t.id).sort()).toEqual(ledger.map((e) => e.reminderTaskId).sort());
    expect(tasks.map((t) => t.title).sort()).toEqual([
      'Pay invoice F2026/0153 (Suministros Norte S.L.)',
      'Pay invoice INV-30417 (Brightline Tools Ltd)',
    ]);

    await dashboard.reload();
    const rows = dashboard.getByTestId('ledger-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const table = await dashboard.getByTestId('ledger-table').innerText();
    expect(table).toContain('€1,210.00');
    expect(table).toContain('£1,020.00');

    const csv = await download(dashboard, 'Export CSV');
    expect(byNumber(readCsv(readFileSync(csv, 'utf8')))).toEqual(ledger.map(exportedView));
    const xlsx = await download(dashboard, 'Export XLSX');
    expect(byNumber(await readXlsx(readFileSync(xlsx)))).toEqual(ledger.map(exportedView));
    await dashboard.close();
  });
});

describe('the same invoice twice', () => {
  it('opened on the other mail site, the recorded invoice is recognised and nothing is added', async () => {
    const dashboard = await s.openExtensionPage('dashboard.html#/ledger');
    await clearStores(dashboard, ['ledger', 'tasks']);
    const inv = INVOICES[0]!;
    const first = await openMail(gmailDemoPath, inv.thread);
    await first.panel.getByRole('button', { name: 'Record invoice' }).click();
    await first.panel.getByTestId('ledger-entry').waitFor();
    const second = await openMail(outlookDemoPath, inv.thread);
    await second.panel.getByText('This invoice was already recorded').waitFor();
    expect(await second.panel.getByRole('button', { name: 'Record invoice' }).count()).toBe(0);
    expect(await readStore(dashboard, 'ledger')).toHaveLength(1);
    expect(await readStore(dashboard, 'tasks')).toHaveLength(1);
    for (const p of [first.mail, first.panel, second.mail, second.panel, dashboard]) await p.close();
  });
});

describe('documents', () => {
  it('a letter and a meeting brief render on the letterhead, print alone, and download as a .docx that opens', async () => {
    const page = await s.openExtensionPage('dashboard.html#/ledger');
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    // The demo business's profile and a meeting booked from a thread, as the extension stores them.
    const stores = ['settings', 'outbox', 'complaints', 'tasks'];
    await withDb(
      page,
      stores,
      async (db, stores) => {
        const tx = db.transaction(stores, 'readwrite');
        // What is open with that customer: the late-delivery complaint and its follow-up task.
        tx.objectStore('complaints').put({
          id: 'complaint-1',
          threadKey: 'gmail:193d4a5b6c7d8e9f',
          customerEmail: 'marta.gil@correo.es',
          customerName: 'Marta Gil',
          subject: 'Pedido 48213 sin entregar',
          summary: 'El pedido 48213 lleva diez días de retraso y pide la devolución si no llega el viernes.',
          category: 'delivery',
          severity: 'high',
          status: 'in_progress',
          createdAt: Date.now(),
          dueAt: null,
          words: [],
        });
        tx.objectStore('tasks').put({
          id: 'task-1',
          listId: 'followups',
          title: 'Llamar a Marta Gil con la fecha de entrega',
          notes: '',
          dueAt: Date.parse('2026-12-02T09:00:00+01:00'),
          dueAllDay: false,
          remindAt: null,
          priority: 'high',
          status: 'open',
          link: { kind: 'complaint', ref: 'complaint-1' },
          order: 1,
          createdAt: Date.now(),
          completedAt: null,
          words: [],
        });
        tx.objectStore('settings').put({
          key: 'profile',
          value: {
            businessName: 'Ferretería López',
            managerName: 'Lucía Martín',
            managerEmail: 'ops@demo-ferreteria.es',
            timeZone: 'Europe/Madrid',
            places: [{ id: 'shop', label: 'Tienda', detail: 'C/ Toledo 42, Madrid', kind: 'address' }],
          },
          updatedAt: Date.now(),
        });
        tx.objectStore('outbox').put({
          id: 'booking-1',
          key: 'booking-1',
          kind: 'calendar:create',
          status: 'done',
          attempts: 1,
          nextAttemptAt: 0,
          lastError: null,
          createdAt: Date.now(),
          updatedAt: Date.now(),
          result: { eventId: 'e1', joinUrl: null },
          payload: {
            provider: 'google',
            calendarId: 'primary',
            threadKey: 'gmail:193d4a5b6c7d8e9f',
            threadUrl: 'https://mail.google.com/mail/u/0/#inbox/193d4a5b6c7d8e9f',
            customer: {
              name: 'Marta Gil',
              email: 'marta.gil@correo.es',
              language: 'es',
              timeZone: 'Europe/Madrid',
            },
            event: {
              title: 'Reunión con Marta Gil: pedido 48213',
              description: 'Revisar el retraso del pedido 48213',
              start: '2026-12-03T10:00:00+01:00',
              end: '2026-12-03T10:30:00+01:00',
              timeZone: 'Europe/Madrid',
              location: 'C/ Toledo 42, Madrid',
              attendees: [{ email: 'marta.gil@correo.es', name: 'Marta Gil' }],
              online: false,
            },
          },
        });
        await new Promise((r) => (tx.oncomplete = r));
      },
      stores,
    );

    // To the documents as a user goes there (a page.goto that changed only the fragment left the
    // ledger on screen under the new URL in 2 of about 8 loaded CI runs).
    await page.getByRole('navigation').getByRole('link', { name: 'Documents' }).click();
    // If the letter form does not appear, say what the page showed.
    await page
      .getByLabel('Language of the letter')
      .waitFor()
      .catch(async (err: Error) => {
        const body = (await page.locator('body').innerText()).slice(0, 1500);
        throw new Error(
          `${err.message}\nat ${page.url()}, after page errors [${pageErrors.join(' | ')}], showing:\n${body}`,
        );
      });
    await page.getByLabel('Language of the letter').selectOption('es');
    await page.getByLabel('Recipient').fill('Obras Norte S.L.');
    await page.getByLabel('Address').fill('Av. de América 10\n28028 Madrid');
    await page.getByLabel('Invoice number').fill('F-2026-0412');
    await page.getByLabel('Amount').fill('1.210,00 €');
    await page.getByLabel('Due date').fill('2026-11-15');
    const letter = page.getByTestId('letter');
    await letter.getByText('Recordatorio de pago: factura F-2026-0412').waitFor();
    expect(await letter.innerText()).toMatch(
      /Ferretería López[\s\S]*C\/ Toledo 42, Madrid[\s\S]*Estimado\/a Obras Norte S\.L\.:/,
    );
    await letter.screenshot({ path: join(SHOTS, 'screenshot-letter.png') });

    // Printing shows the letter alone (the print stylesheet hides the dashboard around it).
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await letter.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const docx = await download(page, 'Download .docx');
    const files = unzipSync(new Uint8Array(readFileSync(docx)));
    expect(strFromU8(files['word/document.xml']!)).toContain('Recordatorio de pago: factura F-2026-0412');

    await page.getByRole('combobox', { name: 'Document', exact: true }).selectOption('meeting_brief');
    await letter.getByText('Meeting brief: Reunión con Marta Gil: pedido 48213').waitFor();
    const brief = await letter.innerText();
    expect(brief).toContain('Where: C/ Toledo 42, Madrid');
    expect(brief).toContain('About: El pedido 48213 lleva diez días de retraso');
    expect(brief).toContain('Open complaints: Pedido 48213 sin entregar');
    expect(brief).toContain('Open tasks: Llamar a Marta Gil con la fecha de entrega');
    await letter.screenshot({ path: join(SHOTS, 'screenshot-meeting-brief.png') });
    await page.close();
  });
});
