import type { ThreadMessage, ThreadSnapshot } from '../mail-sites/types';
import { normalise } from '../assistant/text';
import {
  findMoney,
  moneyInLine,
  parseRate,
  taxOf,
  type DecimalHint,
  type FoundMoney,
  type Money,
} from './money';
import { findTaxIds, type TaxId } from './tax-ids';
import { findIbans, type FoundIban } from './iban';
import { addDays, findDates, findTermsDays, type DayOrder } from './dates';
import { EMAIL_SOURCE } from '../email-address';

// Reads a supplier's invoice, receipt or credit note from mail text: who bills, the number, the dates,
// base, tax lines and total as exact minor units, how to pay. Mail text is untrusted: everything here
// is a suggestion the user confirms in the form before anything is stored.

export type DocumentKind = 'invoice' | 'receipt' | 'credit_note';
export type TaxKind = 'IVA' | 'IGIC' | 'IPSI' | 'VAT' | 'sales_tax' | 'IRPF' | 'tax';
export type PaymentMethod = 'transfer' | 'direct_debit' | 'card' | 'cash' | 'paypal';

export interface TaxLine {
  kind: TaxKind;
  /** Exact decimal string of the percentage ("21", "10.5"); null when the line gives none. */
  rate: string | null;
  /** Base this rate applies to (minor units), when the line says. */
  base: number | null;
  /** Tax amount (minor units); negative for withholdings (IRPF) and credit notes. */
  amount: number;
}

export type InvoiceProblem =
  | 'totals_mismatch'
  | 'tax_mismatch'
  | 'no_total'
  | 'no_number'
  | 'no_due_date'
  | 'invalid_tax_id'
  | 'invalid_iban'
  | 'forwarded'
  | 'mixed_currencies';

export interface InvoiceReading {
  kind: DocumentKind;
  /** Points of evidence; `strong` when the mail is clearly a bill (the intent becomes "invoice"). */
  score: number;
  strong: boolean;
  messageId: string | null;
  supplier: { name: string; email: string; taxId: TaxId | null };
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  /** Where the due date came from: written, the payment terms, or nothing yet (ask the user). */
  dueFrom: 'stated' | 'terms' | null;
  termsDays: number | null;
  currency: string | null;
  base: number | null;
  taxes: TaxLine[];
  total: number | null;
  iban: FoundIban | null;
  paymentMethod: PaymentMethod | null;
  attachments: string[];
  /** What the user should look at before recording (the form shows each in words). */
  problems: InvoiceProblem[];
  /** When totals do not add up: base + taxes as read, to show beside the total. */
  computedTotal: number | null;
}

const KIND_WORDS: [DocumentKind, RegExp][] = [
  [
    'credit_note',
    /\b(nota de credito|nota de abono|factura rectificativa|rectificativa|abono|credit note|credit memo)\b/,
  ],
  [
    'receipt',
    /\b(recibo|receipt|ticket de compra|justificante de pago|comprobante de pago|payment received)\b/,
  ],
  ['invoice', /\b(factura|invoice|fra\.|bill|cuenta de cobro|proforma)\b/],
];

const LABEL = {
  total:
    /\b(total(?! (?:iva|vat|tax|impuestos))(?: factura| a pagar| due| amount| importe| eur| usd| mxn)?|importe total|amount due|balance due|grand total|total due|a pagar|amount paid|importe pagado)\b/,
  subtotal: /\b(subtotal|sub-total)\b/,
  base: /\b(base imponible|base|importe neto|importe sin iva|net amount|net total|taxable amount|neto|subtotal|sub-total)\b/,
  tax: /\b(i\.?v\.?a\.?|igic|ipsi|vat|sales tax|tax|irpf|retencion|withholding|impuesto)\b/,
  issue:
    /\b(fecha de (?:emision|expedicion|factura)|fecha factura|fecha|invoice date|date of issue|issue date|issued(?: on)?|date|receipt date)\b/,
  due: /\b(vencimiento|vence|fecha de pago|fecha limite(?: de pago)?|pagar antes del|due date|payment due|due(?: on| by)?|pay by|payable by)\b/,
};

const NUMBER_RES = [
  /\b(?:n[ºo°.]*|num(?:ero|\.)?|number|no\.?)\s*(?:de\s+)?(?:factura|invoice|recibo|receipt|abono)\s*[:#]?\s*([A-Z0-9][A-Z0-9/._-]{1,24})/i,
  /\b(?:factura|fra\.|invoice|receipt|recibo|nota de cr[eé]dito|nota de abono|credit note|credit memo|rectificativa|abono)\s*(?:[ABCEM]\s+)?(?:(?:n[ºo°.]*|num(?:ero|\.)?|number|no\.?|#|id)\s*)?[:#]?\s*([A-Z]{0,5}[-/]?\d[A-Z0-9/._-]{0,22})/i,
];

const ATTACHMENT_RE =
  /(?<![\w.-])([\p{L}\d][\p{L}\d _().-]{0,80}\.(?:pdf|xml|xlsx?|docx?|jpe?g|png|zip))\b/giu;
const FORWARD_RE =
  /-{2,}\s*(?:forwarded message|mensaje reenviado)\s*-{2,}|^\s*(?:begin forwarded message|inicio del mensaje reenviado)/im;

function kindOf(text: string): DocumentKind | null {
  for (const [kind, re] of KIND_WORDS) if (re.test(text)) return kind;
  return null;
}

function dollarOf(text: string): string {
  if (/\b(mxn|rfc|mexico|cdmx|pesos mexicanos|iva 16)\b/.test(text)) return 'MXN';
  if (/\b(ars|cuit|argentina|afip)\b/.test(text)) return 'ARS';
  return 'USD';
}

/** The number written right after a label; digits required, trailing dots/commas dropped. */
function findNumber(text: string): string | null {
  for (const re of NUMBER_RES) {
    for (const m of text.matchAll(new RegExp(re.source, 'gi'))) {
      const value = m[1]!.replace(/[.,/_-]+$/, '');
      if (/\d/.test(value) && value.length >= 2 && !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(value))
        return value;
    }
  }
  return null;
}

function taxKindOf(label: string): TaxKind {
  if (/\bigic\b/.test(label)) return 'IGIC';
  if (/\bipsi\b/.test(label)) return 'IPSI';
  if (/\b(irpf|retencion|withholding)\b/.test(label)) return 'IRPF';
  if (/\bi\.?v\.?a\.?\b/.test(label)) return 'IVA';
  if (/\bvat\b/.test(label)) return 'VAT';
  if (/\bsales tax\b/.test(label)) return 'sales_tax';
  return 'tax';
}

interface Lines {
  raw: string[];
  normal: string[];
}

function splitLines(text: string): Lines {
  // Table cells come as tabs or runs of spaces; both sides of a "label  value" row stay one line.
  const raw = text.split(/\r?\n/).map((l) => l.replace(/\t+/g, '  ').trim());
  return { raw, normal: raw.map((l) => normalise(l)) };
}

/** Amounts on a labelled line, or on the next line when the value sits under its label. */
function lineMoney(lines: Lines, i: number, ctx: Parameters<typeof moneyInLine>[1]): FoundMoney[] {
  const own = moneyInLine(lines.raw[i]!, ctx);
  if (own.length) return own;
  const next = lines.raw[i + 1];
  if (next !== undefined && !/\p{L}{3,}/u.test(next.replace(/\b(eur|usd|mxn|ars|gbp|euros?)\b/gi, '')))
    return moneyInLine(next, ctx);
  return [];
}

function dateOnLine(lines: Lines, i: number, order: DayOrder): string | null {
  const own = findDates(lines.raw[i]!, order);
  if (own.length) return own[0]!.day;
  const next = lines.raw[i + 1];
  return next !== undefined ? (findDates(next, order)[0]?.day ?? null) : null;
}

function paymentMethodOf(text: string, iban: FoundIban | null): PaymentMethod | null {
  if (/\b(domiciliacion|domiciliado|direct debit|adeudo (?:directo|sepa)|cargo en cuenta)\b/.test(text))
    return 'direct_debit';
  if (/\b(tarjeta|card|visa|mastercard|amex)\b/.test(text)) return 'card';
  if (/\bpaypal\b/.test(text)) return 'paypal';
  if (iban || /\b(transferencia|bank transfer|wire transfer|transfer to)\b/.test(text)) return 'transfer';
  if (/\b(efectivo|cash|contado)\b/.test(text)) return 'cash';
  return null;
}

/** "From: Name <address>" / "De: …" of a forwarded message: the supplier, not the colleague. */
const FORWARDED_FROM = new RegExp(
  `^\\s*(?:from|de):\\s*(?:"?([^"<\\n]*?)"?\\s*)?<?(${EMAIL_SOURCE})>?\\s*$`,
  'imu',
);
function forwardedSender(text: string): { name: string; email: string } | null {
  const m = FORWARDED_FROM.exec(text);
  return m ? { name: (m[1] ?? '').trim(), email: m[2]!.toLowerCase() } : null;
}

function scoreOf(
  normal: string,
  found: {
    number: boolean;
    total: boolean;
    taxes: number;
    iban: boolean;
    taxId: boolean;
    due: boolean;
    attachment: boolean;
  },
): number {
  let score = 0;
  if (kindOf(normal)) score += 2;
  if (found.number) score += 2;
  if (found.total) score += 1.5;
  if (found.taxes) score += 1;
  if (found.iban) score += 1;
  if (found.taxId) score += 1;
  if (found.due) score += 0.5;
  if (found.attachment) score += 1;
  return score;
}

export interface RecogniseOptions {
  /** The business's own tax ids: an invoice lists the customer's too, and that is not the supplier. */
  ownTaxIds?: string[];
}

/** Reads one message (its own text and what it forwards) as an invoice, receipt or credit note. */
export function recogniseText(
  text: string,
  sender: { name: string; email: string },
  options: RecogniseOptions & { subject?: string; sentDay?: string | null; messageId?: string | null } = {},
): InvoiceReading {
  const all = `${options.subject ?? ''}\n${text}`.slice(0, 20_000);
  const normal = normalise(all);
  const lines = splitLines(all);
  const dollar = dollarOf(normal);
  const spanish = /\b(factura|importe|base imponible|vencimiento|recibo|iva)\b/.test(normal);
  const hint: DecimalHint = spanish ? 'comma' : 'dot';
  const order: DayOrder = !spanish && dollar === 'USD' && /\$|usd/i.test(all) ? 'mdy' : 'dmy';

  // The currency of the document: the most written one among its amounts.
  const everyAmount = findMoney(all, { dollar, hint });
  const counts = new Map<string, number>();
  for (const a of everyAmount) counts.set(a.currency, (counts.get(a.currency) ?? 0) + 1);
  const currency = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const ctx = { dollar, hint, currency };

  let total: number | null = null;
  let base: number | null = null;
  const taxes: TaxLine[] = [];
  let issueDate: string | null = null;
  let dueDate: string | null = null;
  for (let i = 0; i < lines.raw.length; i++) {
    const label = lines.normal[i]!;
    if (!label) continue;
    const isTax = LABEL.tax.test(label) && !LABEL.total.test(label.replace(/\btotal (iva|vat|tax)\b/, ''));
    if (LABEL.due.test(label) && !dueDate) dueDate = dateOnLine(lines, i, order);
    else if (LABEL.issue.test(label) && !issueDate && !LABEL.total.test(label))
      issueDate = dateOnLine(lines, i, order);
    const rate = parseRate(lines.raw[i]!);
    if (isTax && (rate !== null || !LABEL.base.test(label))) {
      const money = lineMoney(lines, i, ctx).filter((m) => m.currency === currency);
      if (!money.length) continue;
      const kind = taxKindOf(label);
      // "IVA 21% s/ 1.000,00: 210,00" → base then amount; one amount → the tax itself.
      const amount = money.at(-1)!.minor;
      const lineBase = money.length > 1 ? money[0]!.minor : null;
      const signed = kind === 'IRPF' && amount > 0 ? -amount : amount;
      if (!taxes.some((t) => t.kind === kind && t.rate === rate && t.amount === signed))
        taxes.push({ kind, rate, base: lineBase, amount: signed });
      continue;
    }
    if (LABEL.total.test(label) && !LABEL.subtotal.test(label)) {
      const money = lineMoney(lines, i, ctx).filter((m) => m.currency === currency);
      if (money.length) total = money.at(-1)!.minor;
    } else if (LABEL.base.test(label) && base === null) {
      const money = lineMoney(lines, i, ctx).filter((m) => m.currency === currency);
      if (money.length) base = money.at(-1)!.minor;
    }
  }
  // A mail that says only "the invoice for 1.234,56 €" has its amount as the total.
  if (total === null && everyAmount.length === 1) total = everyAmount[0]!.minor;

  let kind = kindOf(normal) ?? 'invoice';
  // Credit notes are negative amounts however the supplier writes them; a negative total is one.
  if (total !== null && total < 0) kind = 'credit_note';
  if (kind === 'credit_note') {
    if (total !== null && total > 0) total = -total;
    if (base !== null && base > 0) base = -base;
    for (const t of taxes) if (t.kind !== 'IRPF' && t.amount > 0) t.amount = -t.amount;
  }

  const termsDays = findTermsDays(normal);
  if (!issueDate) issueDate = options.sentDay ?? null;
  let dueFrom: InvoiceReading['dueFrom'] = dueDate ? 'stated' : null;
  if (!dueDate && termsDays !== null && issueDate) {
    dueDate = addDays(issueDate, termsDays);
    dueFrom = 'terms';
  }

  const own = new Set((options.ownTaxIds ?? []).map((x) => x.toUpperCase().replace(/[\s.-]/g, '')));
  const taxIds = findTaxIds(all).filter((id) => !own.has(id.value));
  const taxId = taxIds[0] ?? null;
  const ibans = findIbans(all);
  const iban = ibans[0] ?? null;
  const attachments = [...new Set([...all.matchAll(ATTACHMENT_RE)].map((m) => m[1]!.trim()))];
  const number = findNumber(all);

  const problems: InvoiceProblem[] = [];
  let computedTotal: number | null = null;
  if (total === null) problems.push('no_total');
  if (base !== null && total !== null && taxes.length) {
    computedTotal = base + taxes.reduce((sum, t) => sum + t.amount, 0);
    // One minor unit per tax line is rounding, anything more does not add up.
    if (Math.abs(computedTotal - total) > taxes.length) problems.push('totals_mismatch');
  }
  const ownTaxes = taxes.filter((t) => t.kind !== 'IRPF');
  for (const t of taxes) {
    // Without its own base, a rate applies to the document's base only when it is the only one.
    const taxBase = t.base ?? (t.kind === 'IRPF' || ownTaxes.length === 1 ? base : null);
    if (t.rate === null || taxBase === null) continue;
    if (Math.abs(taxOf(Math.abs(taxBase), t.rate) - Math.abs(t.amount)) > 1) {
      problems.push('tax_mismatch');
      break;
    }
  }
  if (!number) problems.push('no_number');
  if (!dueDate && kind === 'invoice') problems.push('no_due_date');
  if (taxId && !taxId.valid) problems.push('invalid_tax_id');
  if (iban && !iban.valid) problems.push('invalid_iban');
  if (counts.size > 1 && total !== null) problems.push('mixed_currencies');

  const forwarded = FORWARD_RE.test(text);
  if (forwarded) problems.push('forwarded');
  const supplier = (forwarded ? forwardedSender(text.slice(text.search(FORWARD_RE))) : null) ?? sender;

  const score = scoreOf(normal, {
    number: !!number,
    total: total !== null,
    taxes: taxes.length,
    iban: !!iban,
    taxId: !!taxId,
    due: !!dueDate,
    attachment: attachments.some((a) => /factura|invoice|fra|recibo|receipt|abono/i.test(a)),
  });
  return {
    kind,
    score,
    strong: !!kindOf(normal) && score >= 5 && (!!number || total !== null),
    messageId: options.messageId ?? null,
    supplier: { name: supplier.name, email: supplier.email, taxId },
    number,
    issueDate,
    dueDate,
    dueFrom,
    termsDays,
    currency,
    base,
    taxes,
    total,
    iban,
    paymentMethod: paymentMethodOf(normal, iban),
    attachments,
    problems,
    computedTotal,
  };
}

function messageText(m: ThreadMessage): string {
  // A forwarded invoice sits in what the site calls quoted history: read both.
  return m.quoted ? `${m.text}\n${m.quoted}` : m.text;
}

/**
 * The invoice in a thread: the newest message from someone else that reads as one (a supplier's
 * reminder quotes the invoice, a colleague forwards it). Null when no message has any evidence.
 */
export function recogniseInvoice(
  snapshot: ThreadSnapshot,
  options: RecogniseOptions = {},
): InvoiceReading | null {
  let best: InvoiceReading | null = null;
  for (let i = snapshot.messages.length - 1; i >= 0; i--) {
    const m = snapshot.messages[i]!;
    if (m.fromUser) continue;
    const reading = recogniseText(messageText(m), m.from, {
      ...options,
      subject: snapshot.subject,
      sentDay: m.date ? m.date.slice(0, 10) : null,
      messageId: m.id,
    });
    if (!best || reading.score > best.score) best = reading;
    if (reading.strong) break;
  }
  return best && best.score >= 2 ? best : null;
}

/** Money of a reading, for display. */
export function moneyOf(minor: number | null, reading: Pick<InvoiceReading, 'currency'>): Money | null {
  return minor === null || !reading.currency ? null : { minor, currency: reading.currency };
}
