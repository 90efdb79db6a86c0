import type { LedgerEntry } from '../db/db';
import { taxOf } from './money';

// Totals for the dashboard and the accountant. Currencies are never added together: every total is
// per currency, as the documents were issued.

export interface Total {
  group: string;
  currency: string;
  count: number;
  base: number;
  tax: number;
  total: number;
}

function taxSum(entry: LedgerEntry): number {
  return entry.taxes.reduce((sum, x) => sum + x.amount, 0);
}

/** Totals by `groupOf(entry)` and currency, sorted by group then currency. */
export function totalsBy(entries: LedgerEntry[], groupOf: (e: LedgerEntry) => string): Total[] {
  const map = new Map<string, Total>();
  for (const e of entries) {
    const group = groupOf(e);
    const key = `${group}\u0000${e.currency}`;
    const row = map.get(key) ?? { group, currency: e.currency, count: 0, base: 0, tax: 0, total: 0 };
    row.count++;
    row.base += e.base;
    row.tax += taxSum(e);
    row.total += e.total;
    map.set(key, row);
  }
  return [...map.values()].sort(
    (a, b) => a.group.localeCompare(b.group) || a.currency.localeCompare(b.currency),
  );
}

/** YYYY-Qn of a YYYY-MM-DD day. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

export interface TaxSummaryRow {
  currency: string;
  /** IVA, IGIC, VAT… ('' for documents with no tax line: exempt or not subject). */
  kind: string;
  /** "21", "10.5"; null when the document gave no rate. */
  rate: string | null;
  count: number;
  base: number;
  tax: number;
}

/**
 * Base and tax per rate for one quarter (the figures the quarterly VAT return asks for: in Spain
 * modelo 303's deductible IVA by rate). A tax line without its own base takes the document's base
 * when it is the document's only tax of its own (a withholding does not share it); with several
 * rates and no bases written, the base is worked back from the tax and the rate.
 */
export function quarterlyTaxSummary(entries: LedgerEntry[], quarter: string): TaxSummaryRow[] {
  const map = new Map<string, TaxSummaryRow>();
  const add = (currency: string, kind: string, rate: string | null, base: number, tax: number) => {
    const key = [currency, kind, rate ?? ''].join('\u0000');
    const row = map.get(key) ?? { currency, kind, rate, count: 0, base: 0, tax: 0 };
    row.count++;
    row.base += base;
    row.tax += tax;
    map.set(key, row);
  };
  for (const e of entries) {
    if (quarterOf(e.issueDate) !== quarter) continue;
    if (e.taxes.length === 0) {
      add(e.currency, '', null, e.base, 0);
      continue;
    }
    const own = e.taxes.filter((x) => x.kind !== 'IRPF');
    for (const x of e.taxes) {
      let base = x.base;
      if (base === null && (x.kind === 'IRPF' || own.length === 1)) base = e.base;
      if (base === null && x.rate && Number(x.rate) > 0) base = baseFromTax(x.amount, x.rate);
      add(e.currency, x.kind, x.rate, base ?? 0, x.amount);
    }
  }
  return [...map.values()].sort(
    (a, b) =>
      a.currency.localeCompare(b.currency) ||
      a.kind.localeCompare(b.kind) ||
      Number(b.rate ?? -1) - Number(a.rate ?? -1),
  );
}

/** The base whose tax at `rate` is `tax`, to the minor unit (searching ±1 around the division). */
function baseFromTax(tax: number, rate: string): number {
  const guess = Math.round((tax * 100) / Number(rate));
  for (const delta of [0, -1, 1, -2, 2]) if (taxOf(guess + delta, rate) === tax) return guess + delta;
  return guess;
}

/** The quarters that have documents, newest first. */
export function quartersIn(entries: LedgerEntry[]): string[] {
  return [...new Set(entries.map((e) => quarterOf(e.issueDate)))].sort().reverse();
}
