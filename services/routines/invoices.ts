import { db } from '../db/db';

// Invoices due, for the brief, behind a small interface: the ledger (issue 19) is read only when
// its table exists in this database, so the brief works the same with or without it.

export interface InvoiceDue {
  id: string;
  supplier: string;
  number: string;
  /** Minor units. */
  total: number;
  currency: string;
  /** Local day "YYYY-MM-DD". */
  dueDate: string;
}

export interface InvoiceSource {
  /** Unpaid invoices due on or before `lastDay` (overdue ones included), earliest first. */
  dueBy(lastDay: string): Promise<InvoiceDue[]>;
}

interface LedgerRow {
  id: string;
  supplierName: string;
  number: string;
  total: number;
  currency: string;
  dueDate: string | null;
  status: string;
}

/** The ledger's unpaid invoices, or null when this build has no ledger. */
export function ledgerInvoices(): InvoiceSource | null {
  if (!db.tables.some((table) => table.name === 'ledger')) return null;
  return {
    async dueBy(lastDay) {
      const rows = await db
        .table<LedgerRow>('ledger')
        .where('[status+dueDate]')
        .between(['to_pay', ''], ['to_pay', lastDay], true, true)
        .toArray();
      return rows
        .filter((row) => row.dueDate !== null)
        .map((row) => ({
          id: row.id,
          supplier: row.supplierName,
          number: row.number,
          total: row.total,
          currency: row.currency,
          dueDate: row.dueDate!,
        }));
    },
  };
}
