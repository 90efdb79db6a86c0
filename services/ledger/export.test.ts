import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../db/db';
import { COLUMNS, exportedView, readCsv, readXlsx, toCsv, toXlsx } from './export';
import { quarterlyTaxSummary, quartersIn, totalsBy } from './report';

// Records written by hand after the documents in recognise.test.ts (a Spanish invoice with IVA 21 %,
// an English one in pounds with VAT 20 %, a credit note, an Argentine invoice with two IVA rates, a
// Canary invoice with IGIC and IRPF) plus a supplier name that would start a spreadsheet formula.
function entry(partial: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'number'>): LedgerEntry {
  return {
    kind: 'invoice',
    supplierKey: `tax:${partial.id}`,
    supplierName: 'Suministros Norte S.L.',
    supplierEmail: 'facturacion@suministros-norte.es',
    taxId: 'B12345674',
    issueDate: '2026-11-27',
    dueDate: '2026-12-28',
    month: (partial.issueDate ?? '2026-11-27').slice(0, 7),
    currency: 'EUR',
    base: 100000,
    taxes: [{ kind: 'IVA', rate: '21', base: null, amount: 21000 }],
    total: 121000,
    category: 'supplies',
    status: 'to_pay',
    paymentMethod: 'transfer',
    iban: 'ES9121000418450200051332',
    attachments: [],
    threadKey: 'gmail:193d5a6b7c8d9e0f',
    threadUrl: 'https://mail.google.com/mail/u/0/#inbox/193d5a6b7c8d9e0f',
    messageId: 'm1',
    subject: 'Factura',
    notes: '',
    reminderTaskId: null,
    paidAt: null,
    createdAt: 1,
    updatedAt: 1,
    ...partial,
  };
}

const LEDGER: LedgerEntry[] = [
  entry({ id: 'a', number: 'F2026/0153' }),
  entry({
    id: 'b',
    number: 'INV-30417',
    supplierName: 'Brightline Tools Ltd',
    supplierEmail: 'accounts@brightline-tools.co.uk',
    taxId: null,
    issueDate: '2026-11-30',
    dueDate: '2026-12-30',
    currency: 'GBP',
    base: 85000,
    taxes: [{ kind: 'VAT', rate: '20', base: null, amount: 17000 }],
    total: 102000,
    iban: 'GB82WEST12345698765432',
    status: 'scheduled',
  }),
  entry({
    id: 'c',
    kind: 'credit_note',
    number: 'NC-12',
    issueDate: '2026-12-02',
    dueDate: null,
    base: -5000,
    taxes: [{ kind: 'IVA', rate: '21', base: null, amount: -1050 }],
    total: -6050,
    status: 'paid',
    paidAt: Date.parse('2026-12-02T10:00:00Z'),
    threadUrl: null,
  }),
  entry({
    id: 'd',
    number: '0003-00012345',
    supplierName: '=HYPERLINK("http://evil.example")',
    currency: 'ARS',
    issueDate: '2026-10-02',
    base: 1500000,
    taxes: [
      { kind: 'IVA', rate: '21', base: 1000000, amount: 210000 },
      { kind: 'IVA', rate: '10.5', base: 500000, amount: 52500 },
    ],
    total: 1762500,
    category: 'services',
  }),
  entry({
    id: 'e',
    number: '2026-044',
    issueDate: '2026-11-03',
    base: 50000,
    taxes: [
      { kind: 'IGIC', rate: '7', base: null, amount: 3500 },
      { kind: 'IRPF', rate: '15', base: null, amount: -7500 },
    ],
    total: 46000,
    status: 'disputed',
    paymentMethod: null,
    iban: null,
  }),
];

describe('export for the accountant', () => {
  it('CSV: one row per tax line, fixed headers, exact decimals; read back equals the ledger', () => {
    const csv = toCsv(LEDGER);
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 7);
    expect(lines[1]).toContain(',IVA,21,,210.00,1000.00,1210.00,to_pay,');
    expect(csv).toContain(',-60.50,'); // a negative amount stays a number
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`); // never a live formula
    expect(readCsv(csv)).toEqual(LEDGER.map(exportedView));
  });

  it('XLSX: numbers and dates in cells, the quarter’s tax summary on its own sheet; read back equals the ledger', async () => {
    const rows = quarterlyTaxSummary(LEDGER, '2026-Q4');
    const file = await toXlsx(LEDGER, { quarter: '2026-Q4', rows, headers: ['c', 'k', 'r', 'n', 'b', 't'] });
    expect(file.byteLength).toBeGreaterThan(1000);
    expect(await readXlsx(file)).toEqual(LEDGER.map(exportedView));
  });

  it('refuses a file whose amounts are not amounts', () => {
    const csv = toCsv([LEDGER[0]!]).replace('1210.00', '1.210.00');
    expect(() => readCsv(csv)).toThrow(/not an amount/);
  });
});

describe('totals and the quarterly tax summary', () => {
  it('totals by month, supplier and category keep currencies apart', () => {
    expect(totalsBy(LEDGER, (e) => e.month)).toEqual([
      { group: '2026-10', currency: 'ARS', count: 1, base: 1500000, tax: 262500, total: 1762500 },
      { group: '2026-11', currency: 'EUR', count: 2, base: 150000, tax: 17000, total: 167000 },
      { group: '2026-11', currency: 'GBP', count: 1, base: 85000, tax: 17000, total: 102000 },
      { group: '2026-12', currency: 'EUR', count: 1, base: -5000, tax: -1050, total: -6050 },
    ]);
    expect(totalsBy(LEDGER, (e) => e.category).map((r) => [r.group, r.currency, r.total])).toEqual([
      ['services', 'ARS', 1762500],
      ['supplies', 'EUR', 160950],
      ['supplies', 'GBP', 102000],
    ]);
  });

  it('base and tax per rate for the quarter, credit notes subtracting', () => {
    expect(quartersIn(LEDGER)).toEqual(['2026-Q4']);
    expect(quarterlyTaxSummary(LEDGER, '2026-Q4')).toEqual([
      { currency: 'ARS', kind: 'IVA', rate: '21', count: 1, base: 1000000, tax: 210000 },
      { currency: 'ARS', kind: 'IVA', rate: '10.5', count: 1, base: 500000, tax: 52500 },
      { currency: 'EUR', kind: 'IGIC', rate: '7', count: 1, base: 50000, tax: 3500 },
      { currency: 'EUR', kind: 'IRPF', rate: '15', count: 1, base: 50000, tax: -7500 },
      { currency: 'EUR', kind: 'IVA', rate: '21', count: 2, base: 95000, tax: 19950 },
      { currency: 'GBP', kind: 'VAT', rate: '20', count: 1, base: 85000, tax: 17000 },
    ]);
    expect(quarterlyTaxSummary(LEDGER, '2026-Q3')).toEqual([]);
  });
});
