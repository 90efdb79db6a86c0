import type { Complaint, Severity } from '../db/db';
import type { ThreadMessage, ThreadSnapshot } from '../mail-sites/types';
import { BUILT_IN_CATEGORIES } from './settings';
import { threatKinds } from '../assistant/threats';
import { isEmailAddress } from '../email-address';

// What the "Log complaint" form starts from. The lead may fill it from the assistant's analysis;
// `prefillFromThread` is the plain fallback (keywords, regexes, first sentences) that needs nothing
// else. Mail text is untrusted: it is only cleaned, cut to size and stored as text.

export interface ComplaintPrefill {
  customerName: string;
  customerEmail: string;
  channel: Complaint['channel'];
  subject: string;
  summary: string;
  category: string;
  severity: Severity;
  orderRef: string | null;
  amount: { value: number; currency: string } | null;
  language: string;
  threadUrl: string;
}

export type PrefillWarning =
  'empty-thread' | 'no-customer-message' | 'missing-sender' | 'odd-address' | 'long-thread';

export const LIMITS = {
  name: 200,
  email: 254,
  subject: 300,
  summary: 600,
  /** Characters of one message read for guessing; the rest of a huge mail adds nothing. */
  messageText: 20_000,
  /** Messages of a thread read for guessing (the latest ones). */
  messages: 200,
  historyNote: 500,
} as const;

// Control and invisible formatting characters (zero-width, bidi overrides) are dropped: they hide
// text in the UI and in exported files.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function cleanText(text: string, max: number): string {
  const clean = text.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

export function cleanLine(text: string, max: number): string {
  return cleanText(text.replace(/\s+/g, ' '), max);
}

/** An address as pasted or read: brackets, quotes, `mailto:` and invisible characters removed. */
export function normalizeEmail(raw: string): { email: string; valid: boolean } {
  const email = cleanLine(raw, 1000)
    .replace(/^[<"'\s]+|[>"'\s]+$/g, '')
    .replace(/^mailto:/i, '')
    .toLowerCase()
    .slice(0, LIMITS.email);
  return { email, valid: isEmailAddress(email) };
}

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The latest message not written by the user: the customer. */
export function customerMessage(snapshot: ThreadSnapshot): ThreadMessage | null {
  const user = snapshot.userEmail?.toLowerCase() ?? null;
  for (let i = snapshot.messages.length - 1; i >= 0; i--) {
    const m = snapshot.messages[i]!;
    if (m.fromUser || (user && m.from.email.toLowerCase() === user)) continue;
    return m;
  }
  return null;
}

// Keyword stems per built-in category, Spanish and English, matched on accent-folded words.
const CATEGORY_WORDS: Record<Exclude<(typeof BUILT_IN_CATEGORIES)[number], 'other'>, RegExp> = {
  delivery:
    /\b(entreg|envio|enviad|paquet|llego|llegado|retras|transportist|repart|mensajer|seguimiento|deliver|shipping|shipment|shipped|package|parcel|courier|arriv|tracking|late)\w*/g,
  billing:
    /\b(factur|cobr|cargo|reembols|pago|pagad|tarjeta|precio|importe|invoice|charg|billing|billed|refund|payment|paid|overcharg|price)\w*/g,
  product:
    /\b(rot[oa]s?|defectuos|danad|averiad|no funciona|calidad|producto|talla|caducad|broken|defect|damaged|faulty|doesn.t work|not working|quality|product|wrong (item|size)|expired)\w*/g,
  staff:
    /\b(emplead|dependient|camarer|recepcionista|trato|grosero|maleducad|borde|personal|staff|employee|rude|waiter|waitress|receptionist|attitude|impolite)\w*/g,
  service:
    /\b(servicio|atencion|esper|cita|nadie contesta|telefono|service|support|wait|appointment|no answer|no one answered|nobody answered)\w*/g,
};

export function guessCategory(text: string, categories: readonly string[] = BUILT_IN_CATEGORIES): string {
  const folded = fold(text);
  let best: string | null = null;
  let bestScore = 0;
  for (const [category, pattern] of Object.entries(CATEGORY_WORDS)) {
    if (!categories.includes(category)) continue;
    const score = folded.match(pattern)?.length ?? 0;
    if (score > bestScore) [best, bestScore] = [category, score];
  }
  return best ?? (categories.includes('other') ? 'other' : (categories.at(-1) ?? 'other'));
}

const LEGAL =
  /\b(abogad|denuncia|demanda|ocu|consumo|hoja de reclamaciones|lawyer|attorney|legal action|sue|court|trading standards)\w*/;
const URGENT = /\b(urgent|inmediat|ya mismo|cuanto antes|asap|immediately|right now|today|hoy)\w*/;
const REPEAT =
  /\b(otra vez|de nuevo|tercera vez|segunda vez|ya (os|les|le) (escribi|llame)|again|third time|second time|still (no|not)|todavia no|sigo sin)/;

export function guessSeverity(text: string): Severity {
  const folded = fold(text);
  const threats = threatKinds(folded);
  // Court, lawyers, the consumer office or a chargeback: critical whatever else the mail says.
  if (LEGAL.test(folded) || threats.some((kind) => kind !== 'public_review')) return 'critical';
  const shouting = (text.match(/\b\p{Lu}{4,}\b/gu)?.length ?? 0) >= 3 || /!{3,}/.test(text);
  const signals = [URGENT.test(folded), REPEAT.test(folded), shouting].filter(Boolean).length;
  if (signals >= 2) return 'critical';
  if (signals === 1 || threats.length > 0) return 'high';
  return 'medium';
}

const ORDER_REF =
  /\b(?:pedido|order|orden|compra|ref(?:erencia)?|reserva|booking)\s*(?:n(?:[úu]mero|o|º|°)?\.?\s*|no\.?\s*|number\s*|#\s*)?[:#]?\s*([A-Z]{0,4}-?\d[\dA-Z-]{3,19})\b|#\s?([A-Z]{0,4}-?\d{4,12})\b/i;

export function findOrderRef(text: string): string | null {
  const m = ORDER_REF.exec(text);
  const ref = m?.[1] ?? m?.[2];
  return ref ? ref.toUpperCase() : null;
}

const CURRENCIES: Record<string, string> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  usd: 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  libra: 'GBP',
  libras: 'GBP',
  dollar: 'USD',
  dollars: 'USD',
  dólar: 'USD',
  dolar: 'USD',
  dólares: 'USD',
  dolares: 'USD',
  mxn: 'MXN',
};
const NUMBER = String.raw`(\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const AMOUNT_AFTER = new RegExp(
  `${NUMBER}\\s?(€|eur(?:os?)?\\b|usd\\b|gbp\\b|mxn\\b|pounds?\\b|quid\\b|libras?\\b|dollars?\\b|d[oó]lar(?:es)?(?![\\p{L}])|\\$|£)`,
  'iu',
);
const AMOUNT_BEFORE = new RegExp(`(€|\\$|£|eur\\b|usd\\b|gbp\\b)\\s?${NUMBER}`, 'i');

/** "1.234,56 €", "€1,234.56", "45 euros": the last separator followed by 1–2 digits is the decimal one. */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/\s/g, '');
  const m = /^(.*?)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!m) return null;
  const whole = m[1]!.replace(/[.,]/g, '');
  const value = Number(`${whole}.${m[2] ?? '0'}`);
  return Number.isFinite(value) ? value : null;
}

export function findAmount(text: string): { value: number; currency: string } | null {
  const after = AMOUNT_AFTER.exec(text);
  const before = AMOUNT_BEFORE.exec(text);
  const pick =
    after && (!before || after.index <= before.index)
      ? [after[1], after[2]]
      : before
        ? [before[2], before[1]]
        : null;
  if (!pick) return null;
  const value = parseNumber(pick[0]!);
  const currency = CURRENCIES[pick[1]!.toLowerCase()];
  return value !== null && currency ? { value, currency } : null;
}

const ES = /\b(el|la|los|las|que|de|del|por|para|con|pero|mi|su|no|es|un|una|muy|hola|gracias|pedido)\b/g;
const EN = /\b(the|and|that|of|for|with|but|my|your|not|is|a|an|very|hello|hi|thanks|order)\b/g;

export function guessLanguage(text: string): string {
  const folded = fold(text);
  const es = (folded.match(ES)?.length ?? 0) + (/[ñ¿¡]/.test(text) ? 3 : 0);
  const en = folded.match(EN)?.length ?? 0;
  if (es === 0 && en === 0) return 'und';
  return es >= en ? 'es' : 'en';
}

/** The first sentences of a text, up to about `max` characters. */
export function firstSentences(text: string, count = 2, max = 280): string {
  const flat = cleanLine(text, LIMITS.messageText);
  const sentences = flat.split(/(?<=[.!?…])\s+/u).filter(Boolean);
  let out = '';
  for (const s of sentences.slice(0, count)) {
    if (out && out.length + s.length + 1 > max) break;
    out = out ? `${out} ${s}` : s;
  }
  return cleanLine(out, max);
}

function customerText(snapshot: ThreadSnapshot): string {
  return snapshot.messages
    .slice(-LIMITS.messages)
    .filter((m) => !m.fromUser)
    .map((m) => m.text.slice(0, LIMITS.messageText))
    .join('\n');
}

export function prefillFromThread(
  snapshot: ThreadSnapshot,
  categories: readonly string[] = BUILT_IN_CATEGORIES,
): ComplaintPrefill {
  const customer = customerMessage(snapshot);
  const firstCustomer = snapshot.messages.find((m) => !m.fromUser && m.text.trim()) ?? customer;
  const text = customerText(snapshot);
  const subject = cleanLine(snapshot.subject, LIMITS.subject);
  const all = `${subject}\n${text}`;
  return {
    customerName: cleanLine(customer?.from.name ?? '', LIMITS.name),
    customerEmail: normalizeEmail(customer?.from.email ?? '').email,
    channel: snapshot.site,
    subject,
    summary: firstSentences(firstCustomer?.text ?? '') || subject,
    category: guessCategory(all, categories),
    severity: guessSeverity(all),
    orderRef: findOrderRef(all),
    amount: findAmount(text),
    language: guessLanguage(all),
    threadUrl: snapshot.url,
  };
}

/** What the form should tell the user about the thread before saving. */
export function prefillWarnings(snapshot: ThreadSnapshot, prefill: ComplaintPrefill): PrefillWarning[] {
  const warnings: PrefillWarning[] = [];
  if (snapshot.messages.length === 0 || snapshot.messages.every((m) => !m.text.trim()))
    warnings.push('empty-thread');
  else if (!customerMessage(snapshot)) warnings.push('no-customer-message');
  if (!prefill.customerEmail && !prefill.customerName) warnings.push('missing-sender');
  else if (prefill.customerEmail && !normalizeEmail(prefill.customerEmail).valid)
    warnings.push('odd-address');
  const size = snapshot.messages.reduce((n, m) => n + m.text.length, 0);
  if (snapshot.messages.length > LIMITS.messages || size > LIMITS.messageText * 10)
    warnings.push('long-thread');
  return warnings;
}
