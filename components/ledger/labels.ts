import type { LedgerKind, LedgerStatus } from '../../services/db/db';
import { localeTag, t, type MessageKey } from '../../services/i18n';
import { formatMoney } from '../../services/ledger/money';
import { LedgerError } from '../../services/ledger/store';
import type { InvoiceProblem } from '../../services/ledger/recognise';

// Words for the ledger's codes, in the UI language (codes stay in the records and in the files).

export const STATUSES: LedgerStatus[] = ['to_pay', 'scheduled', 'paid', 'disputed'];
export const PAYMENT_METHODS = ['transfer', 'direct_debit', 'card', 'cash', 'paypal'] as const;

export const kindLabel = (kind: LedgerKind) => t(`ledgerKind_${kind}` as MessageKey);
export const statusLabel = (status: LedgerStatus) => t(`ledgerStatus_${status}` as MessageKey);
export const categoryLabel = (category: string) => {
  const key = `ledgerCategory_${category}` as MessageKey;
  return t(key) === key ? category : t(key);
};
export const paymentLabel = (method: string | null) =>
  method ? t(`ledgerPayment_${method}` as MessageKey) : t('ledgerPayment_none');

export function money(minor: number, currency: string): string {
  return formatMoney({ minor, currency }, localeTag());
}

export function problemLabel(
  problem: InvoiceProblem,
  detail: { computed?: string; total?: string } = {},
): string {
  return t(`ledgerProblem_${problem}` as MessageKey, detail.computed ?? '', detail.total ?? '');
}

export function ledgerErrorMessage(err: unknown): string {
  if (err instanceof LedgerError) return t(`ledgerError_${err.code}` as MessageKey);
  return t('ledgerError_other', err instanceof Error ? err.message : String(err));
}

/** A YYYY-MM-DD day in the UI locale's short form, without a time zone shift. */
export function dayLabel(day: string | null): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(localeTag(), { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}
