import Papa from 'papaparse';
import type { LedgerEntry, LedgerKind, LedgerStatus, LedgerTax } from '../db/db';
import { fromDecimalString, minorDigits, toDecimalString } from './money';
import type { TaxSummaryRow } from './report';

// The accountant's files. One row per tax line of each document, as Spain's register of invoices
// received (libro registro de facturas recibidas, RD 1619/2012 and the AEAT's SII layout) and the bill
// imports of accounting software lay them out: supplier and tax id, number, dates, base / rate /
// tax per line, total, currency. Amounts are exact decimals with a dot in CSV and numbers in XLSX;
// dates are ISO (YYYY-MM-DD). Headers are fixed codes so an import can be mapped once and the file
// read back (`readCsv`, `readXlsx`) into the same records.

export const COLUMNS = [
  'id',
  'kind',
  'issueDate',
  'dueDate',
  'number',
  'supplierName',
  'supplierTaxId',
  'supplierEmail',
  'category',
  'currency',
  'taxKind',
  'taxRate',
  'taxBase',
  'taxAmount',
  'base',
  'total',
  'status',
  'paymentMethod',
  'iban',
  'paidDate',
  'threadUrl',
] as const;
export type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string>;

/** What the files carry of a record (what reading one back must give again). */
export type ExportedEntry = Pick<
  LedgerEntry,
  | 'id'
  | 'kind'
  | 'issueDate'
  | 'dueDate'
  | 'number'
  | 'supplierName'
  | 'taxId'
  | 'supplierEmail'
  | 'category'
  | 'currency'
  | 'base'
  | 'taxes'
  | 'total'
  | 'status'
  | 'paymentMethod'
  | 'iban'
  | 'threadUrl'
> & { paidDate: string | null };

function isoDay(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().slice(0, 10);
}

export function exportedView(e: LedgerEntry): ExportedEntry {
  return {
    id: e.id,
    kind: e.kind,
    issueDate: e.issueDate,
    dueDate: e.dueDate,
    number: e.number,
    supplierName: e.supplierName,
    taxId: e.taxId,
    supplierEmail: e.supplierEmail,
    category: e.category,
    currency: e.currency,
    base: e.base,
    taxes: e.taxes,
    total: e.total,
    status: e.status,
    paymentMethod: e.paymentMethod,
    iban: e.iban,
    threadUrl: e.threadUrl,
    paidDate: isoDay(e.paidAt),
  };
}

const dec = (minor: number | null, currency: string) =>
  minor === null ? '' : toDecimalString({ minor, currency });

/** The rows of the files: one per tax line (one with empty tax columns for an untaxed document). */
export function ledgerRows(entries: LedgerEntry[]): Row[] {
  const rows: Row[] = [];
  for (const e of entries) {
    const v = exportedView(e);
    const common = {
      id: v.id,
      kind: v.kind,
      issueDate: v.issueDate,
      dueDate: v.dueDate ?? '',
      number: v.number,
      supplierName: v.supplierName,
      supplierTaxId: v.taxId ?? '',
      supplierEmail: v.supplierEmail,
      category: v.category,
      currency: v.currency,
      base: dec(v.base, v.currency),
      total: dec(v.total, v.currency),
      status: v.status,
      paymentMethod: v.paymentMethod ?? '',
      iban: v.iban ?? '',
      paidDate: v.paidDate ?? '',
      threadUrl: v.threadUrl ?? '',
    };
    const lines: (LedgerTax | null)[] = v.taxes.length ? v.taxes : [null];
    for (const x of lines)
      rows.push({
        ...common,
        taxKind: x?.kind ?? '',
        taxRate: x?.rate ?? '',
        taxBase: x ? dec(x.base, v.currency) : '',
        taxAmount: x ? dec(x.amount, v.currency) : '',
      });
  }
  return rows;
}

/** Rows back into records (grouped by id, tax lines in file order). Throws on a row it cannot read. */
export function entriesFromRows(rows: Partial<Row>[]): ExportedEntry[] {
  const byId = new Map<string, ExportedEntry>();
  rows.forEach((r, i) => {
    const currency = r.currency ?? '';
    const amount = (text: string | undefined, required: boolean): number | null => {
      if (!text) {
        if (required) throw new Error(`row ${i + 2}: amount missing`);
        return null;
      }
      const money = fromDecimalString(text, currency);
      if (!money) throw new Error(`row ${i + 2}: "${text}" is not an amount`);
      return money.minor;
    };
    const id = r.id ?? '';
    let entry = byId.get(id);
    if (!entry) {
      entry = {
        id,
        kind: (r.kind ?? 'invoice') as LedgerKind,
        issueDate: r.issueDate ?? '',
        dueDate: r.dueDate || null,
        number: r.number ?? '',
        supplierName: r.supplierName ?? '',
        taxId: r.supplierTaxId || null,
        supplierEmail: r.supplierEmail ?? '',
        category: r.category ?? '',
        currency,
        base: amount(r.base, true)!,
        taxes: [],
        total: amount(r.total, true)!,
        status: (r.status ?? 'to_pay') as LedgerStatus,
        paymentMethod: r.paymentMethod || null,
        iban: r.iban || null,
        threadUrl: r.threadUrl || null,
        paidDate: r.paidDate || null,
      };
      byId.set(id, entry);
    }
    if (r.taxKind || r.taxAmount)
      entry.taxes.push({
        kind: r.taxKind ?? '',
        rate: r.taxRate || null,
        base: amount(r.taxBase, false),
        amount: amount(r.taxAmount, true)!,
      });
  });
  return [...byId.values()];
}

// ---------- CSV ----------

const FORMULA = /^(?:[=+@\t\r]|-(?!\d+(?:\.\d+)?$))/;

export function toCsv(entries: LedgerEntry[]): string {
  // CRLF as RFC 4180 says; a BOM so Excel opens accents right; a cell from mail text that would start
  // a formula (= + - @) gets a leading quote (CSV injection), a plain negative amount does not.
  return `\ufeff${Papa.unparse(ledgerRows(entries), { columns: [...COLUMNS], newline: '\r\n', escapeFormulae: FORMULA })}\r\n`;
}

export function readCsv(text: string): ExportedEntry[] {
  const parsed = Papa.parse<Partial<Row>>(text.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length) throw new Error(parsed.errors[0]!.message);
  // The quote written before a formula-like cell is ours: taken off again.
  const rows = parsed.data.map((row) => {
    const clean: Partial<Row> = {};
    for (const [k, v] of Object.entries(row))
      clean[k as Column] = typeof v === 'string' && /^'/.test(v) && FORMULA.test(v.slice(1)) ? v.slice(1) : v;
    return clean;
  });
  return entriesFromRows(rows);
}

// ---------- XLSX ----------

const AMOUNT_COLUMNS = new Set<Column>(['taxBase', 'taxAmount', 'base', 'total']);
const DATE_COLUMNS = new Set<Column>(['issueDate', 'dueDate', 'paidDate']);

async function excel() {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}

/**
 * An .xlsx workbook: the ledger rows (numbers and real dates, so the sheet can be summed) and, when
 * given, the quarter's tax summary on a second sheet.
 */
export async function toXlsx(
  entries: LedgerEntry[],
  summary?: { quarter: string; rows: TaxSummaryRow[]; headers: string[] },
): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const book = new ExcelJS.Workbook();
  book.creator = 'Ops Assistant';
  const sheet = book.addWorksheet('Ledger');
  sheet.columns = COLUMNS.map((key) => ({
    header: key,
    key,
    width: AMOUNT_COLUMNS.has(key) ? 12 : DATE_COLUMNS.has(key) ? 12 : 18,
  }));
  for (const row of ledgerRows(entries)) {
    const values: Record<string, string | number | Date | null> = {};
    for (const key of COLUMNS) {
      const text = row[key];
      if (AMOUNT_COLUMNS.has(key)) values[key] = text === '' ? null : Number(text);
      else if (DATE_COLUMNS.has(key)) values[key] = text === '' ? null : new Date(`${text}T00:00:00Z`);
      else values[key] = text;
    }
    const added = sheet.addRow(values);
    for (const key of AMOUNT_COLUMNS) added.getCell(key).numFmt = '#,##0.00';
    for (const key of DATE_COLUMNS) added.getCell(key).numFmt = 'yyyy-mm-dd';
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  if (summary) {
    const tax = book.addWorksheet(`Tax ${summary.quarter}`);
    tax.addRow(summary.headers).font = { bold: true };
    for (const r of summary.rows)
      tax.addRow([
        r.currency,
        r.kind,
        r.rate === null ? null : Number(r.rate),
        r.count,
        Number(toDecimalString({ minor: r.base, currency: r.currency })),
        Number(toDecimalString({ minor: r.tax, currency: r.currency })),
      ]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function cellText(value: unknown, key: Column, currency: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && AMOUNT_COLUMNS.has(key)) {
    // Spreadsheet numbers are binary floats: round back to the currency's minor unit.
    const digits = minorDigits(currency);
    return toDecimalString({ minor: Math.round(value * 10 ** digits), currency });
  }
  if (typeof value === 'object' && value && 'text' in value) return String((value as { text: unknown }).text);
  return String(value);
}

export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<ExportedEntry[]> {
  const ExcelJS = await excel();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data instanceof Uint8Array ? data.slice().buffer : data);
  const sheet = book.getWorksheet('Ledger');
  if (!sheet) throw new Error('no Ledger sheet');
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String) as Column[];
  const rows: Partial<Row>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    const currency = String(values[header.indexOf('currency')] ?? '');
    const out: Partial<Row> = {};
    header.forEach((key, i) => (out[key] = cellText(values[i], key, currency)));
    rows.push(out);
  });
  return entriesFromRows(rows);
}
