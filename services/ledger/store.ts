import { Dexie } from 'dexie';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { db, type LedgerEntry, type LedgerKind, type LedgerTax } from '../db/db';
import { addTask, setTaskDone, updateTask } from '../db/tasks';
import type { ThreadSnapshot } from '../mail-sites/types';
import { t } from '../i18n';
import { fromDecimalString, toDecimalString } from './money';
import { addDays, localDay } from './dates';
import type { InvoiceReading } from './recognise';

// The ledger table: one record per supplier + document number, whatever mail it came from. The
// unique index [supplierKey+number] makes a second save of the same invoice (a second click, the same
// invoice mailed twice, a forward of it) find the first record instead of writing another.

/** Days before the due date the payment reminder fires (options: 0–60). */
export const reminderDays = storage.defineItem<number>('local:ledgerReminderDays', {
  fallback: 3,
  version: 1,
});

export type LedgerErrorCode =
  'number' | 'issueDate' | 'dueDate' | 'currency' | 'total' | 'base' | 'tax' | 'supplier' | 'notFound';

export class LedgerError extends Error {
  constructor(readonly code: LedgerErrorCode) {
    super(code);
    this.name = 'LedgerError';
  }
}

/** What the form edits: amounts as the user types them (exact decimals, "1210.00"). */
export interface LedgerForm {
  kind: LedgerKind;
  supplierName: string;
  supplierEmail: string;
  taxId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  base: string;
  taxes: { kind: string; rate: string; amount: string }[];
  total: string;
  category: string;
  paymentMethod: string;
  iban: string;
  notes: string;
  attachments: string[];
}

export const CATEGORIES = ['supplies', 'services', 'utilities', 'rent', 'transport', 'other'] as const;

/** Tax id when known (the same company mails from many addresses), else the sender's domain. */
export function supplierKeyOf(form: Pick<LedgerForm, 'taxId' | 'supplierEmail' | 'supplierName'>): string {
  const tax = form.taxId.toUpperCase().replace(/[\s.-]/g, '');
  if (tax) return `tax:${tax}`;
  const domain = form.supplierEmail.toLowerCase().split('@')[1]?.trim();
  if (domain) return `mail:${domain}`;
  return `name:${form.supplierName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\W+/gu, ' ').trim()}`;
}

/** Number as a key: case and separators ("F2026/0153" = "f-2026-0153") do not make another invoice. */
export function numberKey(number: string): string {
  return number.toUpperCase().replace(/[\s/._-]+/g, '');
}

const amountText = (minor: number | null, currency: string | null) =>
  minor === null || !currency ? '' : toDecimalString({ minor, currency });

/** The form as the mail suggests it. `termsDays` is what this supplier's past invoices gave. */
export function formFromReading(
  reading: InvoiceReading,
  termsDays: number | null = null,
): LedgerForm & { dueFrom: 'stated' | 'terms' | 'history' | null } {
  let dueDate = reading.dueDate ?? '';
  let dueFrom: 'stated' | 'terms' | 'history' | null = reading.dueFrom;
  if (!dueDate && reading.kind === 'invoice' && termsDays !== null && reading.issueDate) {
    dueDate = addDays(reading.issueDate, termsDays);
    dueFrom = 'history';
  }
  return {
    kind: reading.kind,
    supplierName: reading.supplier.name,
    supplierEmail: reading.supplier.email,
    taxId: reading.supplier.taxId?.value ?? '',
    number: reading.number ?? '',
    issueDate: reading.issueDate ?? '',
    dueDate,
    currency: reading.currency ?? '',
    base: amountText(reading.base, reading.currency),
    taxes: reading.taxes.map((x) => ({
      kind: x.kind,
      rate: x.rate ?? '',
      amount: amountText(x.amount, reading.currency),
    })),
    total: amountText(reading.total, reading.currency),
    category: 'supplies',
    paymentMethod: reading.paymentMethod ?? '',
    iban: reading.iban?.value ?? '',
    notes: '',
    attachments: reading.attachments,
    dueFrom,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseAmount(text: string, currency: string, code: LedgerErrorCode, negative: boolean): number {
  const money = fromDecimalString(text.trim().replace(/^\+/, ''), currency);
  if (!money) throw new LedgerError(code);
  // Credit notes are stored negative even when typed without the minus.
  return negative && money.minor > 0 ? -money.minor : money.minor;
}

/** Checks the form and turns it into the stored fields; throws LedgerError naming the bad field. */
export function entryFields(form: LedgerForm) {
  const number = form.number.trim();
  if (!number) throw new LedgerError('number');
  if (!form.supplierName.trim() && !form.supplierEmail.trim() && !form.taxId.trim())
    throw new LedgerError('supplier');
  if (!DAY.test(form.issueDate)) throw new LedgerError('issueDate');
  if (form.dueDate && !DAY.test(form.dueDate)) throw new LedgerError('dueDate');
  // An invoice to pay needs its due date: the user is asked rather than a date invented.
  if (!form.dueDate && form.kind === 'invoice') throw new LedgerError('dueDate');
  const currency = form.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new LedgerError('currency');
  const negative = form.kind === 'credit_note';
  const total = parseAmount(form.total, currency, 'total', negative);
  const taxes: LedgerTax[] = form.taxes
    .filter((x) => x.amount.trim())
    .map((x) => {
      const rate = x.rate.trim().replace(',', '.');
      if (rate && !/^\d{1,2}(\.\d{1,3})?$/.test(rate)) throw new LedgerError('tax');
      const irpf = x.kind === 'IRPF';
      const amount = parseAmount(x.amount, currency, 'tax', negative && !irpf);
      return {
        kind: x.kind || 'tax',
        rate: rate || null,
        base: null,
        amount: irpf && amount > 0 ? -amount : amount,
      };
    });
  const base = form.base.trim()
    ? parseAmount(form.base, currency, 'base', negative)
    : total - taxes.reduce((sum, x) => sum + x.amount, 0);
  return {
    kind: form.kind,
    supplierKey: supplierKeyOf(form),
    supplierName: form.supplierName.trim(),
    supplierEmail: form.supplierEmail.trim().toLowerCase(),
    taxId:
      form.taxId
        .trim()
        .toUpperCase()
        .replace(/[\s.-]/g, '') || null,
    number,
    issueDate: form.issueDate,
    dueDate: form.dueDate || null,
    month: form.issueDate.slice(0, 7),
    currency,
    base,
    taxes,
    total,
    category: form.category || 'other',
    paymentMethod: form.paymentMethod || null,
    iban: form.iban.replace(/\s+/g, '').toUpperCase() || null,
    attachments: form.attachments,
    notes: form.notes,
  };
}

/** Whether base + taxes ≠ total by more than rounding (shown, not refused: the paper rules). */
export function totalsDisagree(entry: Pick<LedgerEntry, 'base' | 'taxes' | 'total'>): boolean {
  const sum = entry.base + entry.taxes.reduce((s, x) => s + x.amount, 0);
  return Math.abs(sum - entry.total) > Math.max(1, entry.taxes.length);
}

export function threadKeyOf(snapshot: Pick<ThreadSnapshot, 'site' | 'threadId'>): string {
  return `${snapshot.site}:${snapshot.threadId}`;
}

/** The record for this supplier + number, written however the number is spaced or cased. */
export async function findEntry(supplierKey: string, number: string): Promise<LedgerEntry | undefined> {
  const exact = await db.ledger.where('[supplierKey+number]').equals([supplierKey, number]).first();
  if (exact) return exact;
  const key = numberKey(number);
  return db.ledger
    .where('supplierKey')
    .equals(supplierKey)
    .filter((e) => numberKey(e.number) === key)
    .first();
}

/** Records already made from this thread (a thread may hold several invoices). */
export function entriesForThread(threadKey: string): Promise<LedgerEntry[]> {
  return db.ledger.where('threadKey').equals(threadKey).toArray();
}

/** The record in the dashboard's ledger. */
export function ledgerUrl(id: string): string {
  return browser.runtime.getURL(`/dashboard.html#/ledger/${encodeURIComponent(id)}`);
}

export function getEntry(id: string): Promise<LedgerEntry | undefined> {
  return db.ledger.get(id);
}

/** Days this supplier usually gives (median of past invoices), for an invoice that states none. */
export async function supplierTermsDays(supplierKey: string): Promise<number | null> {
  const past = await db.ledger.where('supplierKey').equals(supplierKey).toArray();
  const days = past
    .filter((e) => e.kind === 'invoice' && e.dueDate)
    .map((e) => Math.round((Date.parse(e.dueDate!) - Date.parse(e.issueDate)) / 86_400_000))
    .filter((d) => d >= 0 && d <= 180)
    .sort((a, b) => a - b);
  return days.length ? days[Math.floor(days.length / 2)]! : null;
}

export interface RecordResult {
  entry: LedgerEntry;
  /** False when this supplier + number was already in the ledger: nothing was written. */
  created: boolean;
}

/** 09:00 local on `day` minus `before` days (never in the past: then today's next quarter hour). */
function reminderInstant(day: string, before: number, now: number): number {
  const [y, m, d] = addDays(day, -before).split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d, 9, 0, 0, 0).getTime();
  return at > now ? at : Math.ceil(now / 900_000) * 900_000;
}

/**
 * Saves the form as a ledger record, once per supplier + number, and for an invoice with a due date a
 * reminder task (through the tasks service) that fires `reminderDays` before it.
 */
export async function recordInvoice(
  form: LedgerForm,
  source: {
    snapshot?: Pick<ThreadSnapshot, 'site' | 'threadId' | 'url' | 'subject'>;
    messageId?: string | null;
  } = {},
  now = Date.now(),
): Promise<RecordResult> {
  const fields = entryFields(form);
  const { snapshot } = source;
  const result = await db.transaction('rw', db.ledger, async (): Promise<RecordResult> => {
    const existing = await findEntry(fields.supplierKey, fields.number);
    if (existing) return { entry: existing, created: false };
    const entry: LedgerEntry = {
      id: crypto.randomUUID(),
      ...fields,
      status: fields.kind === 'invoice' ? 'to_pay' : 'paid',
      threadKey: snapshot ? threadKeyOf(snapshot) : null,
      threadUrl: snapshot?.url ?? null,
      messageId: source.messageId ?? null,
      subject: snapshot?.subject ?? '',
      reminderTaskId: null,
      paidAt: fields.kind === 'invoice' ? null : now,
      createdAt: now,
      updatedAt: now,
    };
    await db.ledger.add(entry);
    return { entry, created: true };
  });
  if (!result.created || result.entry.status !== 'to_pay' || !result.entry.dueDate) return result;
  const entry = result.entry;
  const before = await reminderDays.getValue();
  const [y, m, d] = entry.dueDate!.split('-').map(Number) as [number, number, number];
  const task = await addTask({
    title: t('ledgerReminderTitle', entry.number, entry.supplierName || entry.supplierEmail),
    notes: t(
      'ledgerReminderNotes',
      toDecimalString({ minor: entry.total, currency: entry.currency }),
      entry.currency,
      entry.dueDate!,
    ),
    dueAt: new Date(y, m - 1, d, 9, 0, 0, 0).getTime(),
    remindAt: reminderInstant(entry.dueDate!, before, now),
    link: snapshot
      ? { kind: 'thread', ref: threadKeyOf(snapshot), url: snapshot.url, label: snapshot.subject }
      : null,
  });
  await db.ledger.update(entry.id, { reminderTaskId: task.id });
  return { entry: { ...entry, reminderTaskId: task.id }, created: true };
}

export type LedgerChanges = Partial<Pick<LedgerEntry, 'status' | 'category' | 'notes' | 'dueDate'>>;

/** Status and small edits; paying closes the reminder task, un-paying reopens it. */
export async function updateEntry(
  id: string,
  changes: LedgerChanges,
  now = Date.now(),
): Promise<LedgerEntry> {
  const next = await db.transaction('rw', db.ledger, async () => {
    const entry = await db.ledger.get(id);
    if (!entry) throw new LedgerError('notFound');
    if (changes.dueDate !== undefined && changes.dueDate !== null && !DAY.test(changes.dueDate))
      throw new LedgerError('dueDate');
    const updated: LedgerEntry = { ...entry, ...changes, updatedAt: now };
    if (changes.status === 'paid' && entry.status !== 'paid') updated.paidAt = now;
    if (changes.status && changes.status !== 'paid') updated.paidAt = null;
    await db.ledger.put(updated);
    return updated;
  });
  if (next.reminderTaskId && changes.status) {
    const done = next.status === 'paid' || next.status === 'scheduled';
    await setTaskDone(next.reminderTaskId, done).catch(() => undefined); // the user may have deleted it
  }
  // A new due date moves the reminder with it (same N days before).
  if (next.reminderTaskId && changes.dueDate) {
    const before = await reminderDays.getValue();
    const [y, m, d] = changes.dueDate.split('-').map(Number) as [number, number, number];
    await updateTask(next.reminderTaskId, {
      dueAt: new Date(y, m - 1, d, 9, 0, 0, 0).getTime(),
      remindAt: reminderInstant(changes.dueDate, before, now),
    }).catch(() => undefined);
  }
  return next;
}

/** Every record, newest document first. */
export async function allEntries(): Promise<LedgerEntry[]> {
  const all = await db.ledger.toArray();
  return all.sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.createdAt - a.createdAt);
}

/** Invoices still to pay whose due day has passed (local calendar). */
export function overdueEntries(now = Date.now()): Promise<LedgerEntry[]> {
  return db.ledger
    .where('[status+dueDate]')
    .between(['to_pay', Dexie.minKey], ['to_pay', localDay(now)], true, false)
    .toArray();
}

/**
 * For the badge: overdue invoices not already counted there through their reminder task (an open
 * task past its due time is an overdue task): one unpaid invoice is one on the badge, not two.
 */
export async function overdueInvoiceCount(now = Date.now()): Promise<number> {
  const overdue = await overdueEntries(now);
  const tasks = await db.tasks.bulkGet(overdue.map((e) => e.reminderTaskId ?? ''));
  return overdue.filter((_, i) => {
    const task = tasks[i];
    return !(task && task.status === 'open' && task.dueAt !== null && task.dueAt < now);
  }).length;
}
