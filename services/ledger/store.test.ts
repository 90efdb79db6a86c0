import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { setLocale } from '../i18n';
import {
  LedgerError,
  entryFields,
  formFromReading,
  overdueEntries,
  overdueInvoiceCount,
  recordInvoice,
  reminderDays,
  supplierTermsDays,
  updateEntry,
  type LedgerForm,
} from './store';
import { recogniseText } from './recognise';
import { attention, paintBadge } from '../background/badge';
import { browser } from 'wxt/browser';

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
});

const SNAPSHOT = {
  site: 'gmail' as const,
  threadId: '193d5a6b7c8d9e0f',
  url: 'https://mail.google.com/mail/u/0/#inbox/193d5a6b7c8d9e0f',
  subject: 'Factura F2026/0153 – Suministros Norte',
};
// Written by hand after the seeded Spanish invoice (sandbox/seed/invoices.ts).
const TEXT =
  'Factura nº F2026/0153\nFecha de emisión: 27/11/2026\nBase imponible: 1.000,00 €\nIVA 21 %: 210,00 €\nTotal factura: 1.210,00 €\nVencimiento: 28/12/2026\nCIF B12345674';
const SUPPLIER = { name: 'Suministros Norte S.L.', email: 'facturacion@suministros-norte.es' };
const NOW = new Date(2026, 10, 30, 10, 0).getTime(); // 30 Nov 2026, 10:00 local

function form(): LedgerForm {
  return formFromReading(recogniseText(TEXT, SUPPLIER));
}

describe('recording an invoice', () => {
  it('stores the number, the exact total and the due date, once per supplier + number', async () => {
    const first = await recordInvoice(form(), { snapshot: SNAPSHOT, messageId: 'm1' }, NOW);
    expect(first.created).toBe(true);
    expect(first.entry).toMatchObject({
      number: 'F2026/0153',
      total: 121000,
      base: 100000,
      currency: 'EUR',
      dueDate: '2026-12-28',
      issueDate: '2026-11-27',
      month: '2026-11',
      status: 'to_pay',
      supplierKey: 'tax:B12345674',
      threadKey: 'gmail:193d5a6b7c8d9e0f',
    });
    // A second click, the same invoice mailed again from another address, or the number spaced
    // differently: the first record comes back, nothing is written.
    const again = await recordInvoice(form(), { snapshot: SNAPSHOT }, NOW);
    const resent = await recordInvoice(
      { ...form(), supplierEmail: 'ana@suministros-norte.es', number: 'F-2026-0153' },
      {},
      NOW,
    );
    expect([again.created, resent.created]).toEqual([false, false]);
    expect(resent.entry.id).toBe(first.entry.id);
    expect(await db.ledger.count()).toBe(1);
    expect(await db.tasks.count()).toBe(1);
  });

  it('adds a reminder task N days before the due date (N configurable, default 3)', async () => {
    const { entry } = await recordInvoice(form(), { snapshot: SNAPSHOT }, NOW);
    const task = (await db.tasks.get(entry.reminderTaskId!))!;
    expect(task.title).toBe('Pay invoice F2026/0153 (Suministros Norte S.L.)');
    expect(new Date(task.dueAt!)).toEqual(new Date(2026, 11, 28, 9, 0));
    expect(new Date(task.remindAt!)).toEqual(new Date(2026, 11, 25, 9, 0));
    expect(task.link).toMatchObject({ kind: 'thread', ref: 'gmail:193d5a6b7c8d9e0f' });

    await reminderDays.setValue(10);
    const other = await recordInvoice({ ...form(), number: 'F2026/0154' }, {}, NOW);
    const task2 = (await db.tasks.get(other.entry.reminderTaskId!))!;
    expect(new Date(task2.remindAt!)).toEqual(new Date(2026, 11, 18, 9, 0));
  });

  it('paying closes the reminder task; disputing reopens it', async () => {
    const { entry } = await recordInvoice(form(), { snapshot: SNAPSHOT }, NOW);
    const paid = await updateEntry(entry.id, { status: 'paid' }, NOW + 1);
    expect(paid.paidAt).toBe(NOW + 1);
    expect((await db.tasks.get(entry.reminderTaskId!))?.status).toBe('done');
    await updateEntry(entry.id, { status: 'disputed' }, NOW + 2);
    expect((await db.tasks.get(entry.reminderTaskId!))?.status).toBe('open');
  });

  it('a new due date moves the reminder task with it', async () => {
    const { entry } = await recordInvoice(form(), { snapshot: SNAPSHOT }, NOW);
    await updateEntry(entry.id, { dueDate: '2027-01-15' }, NOW);
    const task = (await db.tasks.get(entry.reminderTaskId!))!;
    expect(new Date(task.dueAt!)).toEqual(new Date(2027, 0, 15, 9, 0));
    expect(new Date(task.remindAt!)).toEqual(new Date(2027, 0, 12, 9, 0));
    await expect(updateEntry(entry.id, { dueDate: '15/01/2027' }, NOW)).rejects.toThrow(LedgerError);
  });

  it('counts invoices to pay whose due day has passed', async () => {
    await recordInvoice(form(), {}, NOW);
    await recordInvoice({ ...form(), number: 'OLD-1', dueDate: '2026-11-20' }, {}, NOW);
    const paid = await recordInvoice({ ...form(), number: 'OLD-2', dueDate: '2026-11-21' }, {}, NOW);
    await updateEntry(paid.entry.id, { status: 'paid' }, NOW);
    await db.tasks.clear(); // the reminder tasks would count them on the badge instead
    expect(await overdueInvoiceCount(NOW)).toBe(1);
    expect((await overdueEntries(NOW)).map((e) => e.number)).toEqual(['OLD-1']);
    // The due day itself is not overdue yet.
    expect(await overdueInvoiceCount(new Date(2026, 10, 20, 23, 0).getTime())).toBe(0);
  });

  it('overdue invoices count on the toolbar badge', async () => {
    const { entry } = await recordInvoice({ ...form(), number: 'OLD-1', dueDate: '2026-11-20' }, {}, NOW);
    // Its reminder task is overdue too (due 20 Nov, 09:00): the badge counts the unpaid invoice once.
    expect(await attention(NOW)).toMatchObject({ overdueTasks: 1, overdueInvoices: 0 });
    // With the task closed (the user ticked it without paying), the invoice itself counts.
    await db.tasks.update(entry.reminderTaskId!, { status: 'done' });
    const a = await attention(NOW);
    expect(a).toMatchObject({ overdueTasks: 0, overdueInvoices: 1 });
    await paintBadge(a);
    expect(await browser.action.getBadgeText({})).toBe('1');
    expect(await browser.action.getTitle({})).toContain('1 overdue invoice');
  });

  it('a credit note is stored negative, paid, with no reminder', async () => {
    const { entry } = await recordInvoice(
      {
        ...form(),
        kind: 'credit_note',
        number: 'NC-12',
        base: '50.00',
        taxes: [{ kind: 'IVA', rate: '21', amount: '10.50' }],
        total: '60.50',
        dueDate: '',
      },
      {},
      NOW,
    );
    expect([entry.base, entry.taxes[0]!.amount, entry.total, entry.status]).toEqual([
      -5000,
      -1050,
      -6050,
      'paid',
    ]);
    expect(await db.tasks.count()).toBe(0);
  });
});

describe('the form', () => {
  it('asks for what is missing, naming the field', () => {
    expect(() => entryFields({ ...form(), number: ' ' })).toThrow(LedgerError);
    const code = (changes: Partial<LedgerForm>) => {
      try {
        entryFields({ ...form(), ...changes });
        return null;
      } catch (err) {
        return (err as LedgerError).code;
      }
    };
    expect(code({ dueDate: '' })).toBe('dueDate');
    expect(code({ total: '1.210,00' })).toBe('total');
    expect(code({ total: '12.345' })).toBe('total');
    expect(code({ currency: 'euro' })).toBe('currency');
    expect(code({ issueDate: '27/11/2026' })).toBe('issueDate');
    expect(code({ kind: 'receipt', dueDate: '' })).toBeNull();
  });

  it('takes the due date from the supplier’s usual terms when the mail gives none', async () => {
    await recordInvoice({ ...form(), number: 'A1', issueDate: '2026-09-01', dueDate: '2026-10-01' }, {}, NOW);
    await recordInvoice({ ...form(), number: 'A2', issueDate: '2026-10-01', dueDate: '2026-10-31' }, {}, NOW);
    const days = await supplierTermsDays('tax:B12345674');
    expect(days).toBe(30);
    const reading = recogniseText(TEXT.replace('Vencimiento: 28/12/2026', ''), SUPPLIER);
    expect(reading.dueDate).toBeNull();
    const next = formFromReading(reading, days);
    expect([next.dueDate, next.dueFrom]).toEqual(['2026-12-27', 'history']);
  });
});
