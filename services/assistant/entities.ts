import type { Amount, Phone } from './types';
import { normalise, type Span } from './text';

export type { Span };
export interface Found<T> extends Span {
  value: T;
}

// A reference token: letters, digits and dashes/slashes with at least one digit, e.g. 4512, A-10293,
// F-2026-118, MX/2026/77.
const REF = String.raw`#?\s?((?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{1,24}[A-Z0-9])`;
const SEP = String.raw`(?:\s*(?:n[ºo°.]+|num(?:ero)?\.?|number|no\.?|nr\.?|ref(?:erencia)?\.?|id)?\s*[:#]?\s*)`;

const ORDER_WORDS = String.raw`pedidos?|pedio|order|orders|orden|compra|encargo|reserva|booking|n[ºo°] de pedido|numero de pedido|order number|order no`;
const INVOICE_WORDS = String.raw`facturas?|invoices?|fra\.|recibo|receipt|albar[aá]n`;
const TICKET_WORDS = String.raw`ticket|incidencia|incidente|caso|case|issue|reclamaci[oó]n|expediente|solicitud`;

function refRegex(words: string): RegExp {
  return new RegExp(String.raw`\b(?:${words})(?:\s+(?:de\s+compra|del?|with|for))?${SEP}${REF}`, 'giu');
}
const ORDER_RE = refRegex(ORDER_WORDS);
const INVOICE_RE = refRegex(INVOICE_WORDS);
const TICKET_RE = refRegex(TICKET_WORDS);
// Invoice numbers are often written alone ("INV-2026-0417", "F-2026-118").
const BARE_INVOICE_RE = /\b((?:INV|FRA|FAC|F)-\d{2,4}(?:-\d{1,6})?)\b/g;

function collectRefs(text: string, re: RegExp, minDigits: number): Found<string>[] {
  const out: Found<string>[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const ref = m[1]!.replace(/^#/, '').toUpperCase();
    const digits = ref.replace(/\D/g, '').length;
    // Years and small counts ("pedido de 2 cajas", "order 2026") are not references.
    if (digits < minDigits || /^(19|20)\d\d$/.test(ref)) continue;
    out.push({ index: m.index, length: m[0].length, value: ref });
  }
  return out;
}

export interface References {
  orders: Found<string>[];
  invoices: Found<string>[];
  tickets: Found<string>[];
}

export function findReferences(text: string): References {
  const invoices = [...collectRefs(text, INVOICE_RE, 2), ...collectRefs(text, BARE_INVOICE_RE, 3)];
  const tickets = collectRefs(text, TICKET_RE, 3);
  const taken = [...invoices, ...tickets];
  const orders = collectRefs(text, ORDER_RE, 3).filter((o) => !taken.some((t) => t.value === o.value));
  // "(número 88213)" after the word order/pedido earlier in the text.
  if (/\b(pedido|order|compra)\b/i.test(text)) {
    for (const m of text.matchAll(/\b(?:n[úu]mero|number|n[ºo°])\s*[:#]?\s*(\d{4,12})\b/giu)) {
      const value = m[1]!;
      if (![...orders, ...taken].some((f) => f.value === value)) {
        orders.push({ index: m.index, length: m[0].length, value });
      }
    }
  }
  // A purchase order is named by its letters: "PO 7781", "P.O. #7781", "purchase order 7781".
  for (const m of text.matchAll(/\b(?:P\.?O\.?|purchase order)\s*(?:#|no\.?|number)?\s*(\d{3,12})\b/gi)) {
    const value = `PO ${m[1]!}`;
    if (/^(19|20)\d\d$/.test(m[1]!)) continue;
    if (![...orders, ...taken].some((f) => f.value === value || f.value === m[1])) {
      orders.push({ index: m.index, length: m[0].length, value });
    }
  }
  // "#12345" alone in a shop mail is an order number.
  for (const m of text.matchAll(/(?<![\w#])#(\d{4,10})\b/g)) {
    const value = m[1]!;
    if (![...orders, ...taken].some((f) => f.value === value || f.value === `PO ${value}`)) {
      orders.push({ index: m.index, length: m[0].length, value });
    }
  }
  return { orders: dedupe(orders), invoices: dedupe(invoices), tickets: dedupe(tickets) };
}

function dedupe<T>(found: Found<T>[]): Found<T>[] {
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.index - b.index)
    .filter((f) => {
      const key = JSON.stringify(f.value);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

// ---------- amounts ----------

const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(€|eur|euros?|eurs)$/i, 'EUR'],
  [/^(us\$|usd|dollars?|d[oó]lares?|d[oó]lar)$/i, 'USD'],
  [/^\$$/, 'USD'],
  [/^(£|gbp|pounds?|libras?)$/i, 'GBP'],
  [/^(mxn|pesos?( mexicanos)?|mx\$)$/i, 'MXN'],
];
const CUR = String.raw`(?:€|US\$|MX\$|\$|£|EUR|USD|GBP|MXN|euros?|eurs|d[oó]lares|d[oó]lar|dollars?|pounds?|libras?|pesos?)`;
const NUM = String.raw`(\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const AMOUNT_RE = new RegExp(String.raw`(?<![\w.,])(?:(${CUR})\s?${NUM}|${NUM}\s?(${CUR}))(?![\w])`, 'giu');

/** "1.250,00", "1,250.00", "45,90", "120.50", "1.250" → a number; the last separator followed by 1–2 digits is the decimal one. */
export function parseNumber(raw: string): number | null {
  const s = raw.replace(/\s/g, '');
  const last = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
  let intPart = s;
  let frac = '';
  if (last >= 0 && s.length - last - 1 <= 2) {
    intPart = s.slice(0, last);
    frac = s.slice(last + 1);
  }
  intPart = intPart.replace(/[.,]/g, '');
  if (!/^\d+$/.test(intPart) || (frac && !/^\d+$/.test(frac))) return null;
  const n = Number(frac ? `${intPart}.${frac}` : intPart);
  return Number.isFinite(n) ? n : null;
}

function currencyOf(word: string): string | null {
  for (const [re, code] of CURRENCY_WORDS) if (re.test(word.trim())) return code;
  return null;
}

export function findAmounts(text: string): Found<Amount>[] {
  const out: Found<Amount>[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const cur = currencyOf(m[1] ?? m[4] ?? '');
    const value = parseNumber(m[2] ?? m[3] ?? '');
    if (!cur || value === null) continue;
    out.push({ index: m.index, length: m[0].length, value: { text: m[0].trim(), value, currency: cur } });
  }
  return out;
}

// ---------- phones ----------

const PHONE_RE =
  /(?<![\w+])(\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,4}|00\d{2}[\s.-]?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4}|[6789]\d{2}(?:[\s.]?\d{2,3}){2,3}|[6789]\d{8}|\d{10})(?![\w])/g;
const PHONE_CUE = /(tel[eé]fono|tel\.?|m[oó]vil|movil|llam|whatsapp|phone|call|cell|mobile|contact)/i;

/** Phone numbers: Spanish (+34 / 9 digits starting 6–9), US (NANP formats), other "+country" numbers. */
export function findPhones(text: string): Found<Phone>[] {
  const out: Found<Phone>[] = [];
  for (const m of text.matchAll(PHONE_RE)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '');
    let normalized: string | null = null;
    if (raw.startsWith('+')) {
      if (digits.length >= 8 && digits.length <= 15) normalized = `+${digits}`;
    } else if (raw.startsWith('00')) {
      if (digits.length >= 10 && digits.length <= 17) normalized = `+${digits.slice(2)}`;
    } else if (digits.length === 9 && /^[6789]/.test(digits)) {
      normalized = `+34${digits}`;
    } else if (digits.length === 10 && /[().-]/.test(raw)) {
      normalized = `+1${digits}`;
    } else if (digits.length === 10) {
      // Ten bare digits are a US number only when the words around say it is a phone.
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (PHONE_CUE.test(before)) normalized = `+1${digits}`;
    }
    if (normalized) out.push({ index: m.index, length: raw.length, value: { text: raw, normalized } });
  }
  return out;
}

// ---------- names ----------

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’-]+`;
const NAME = String.raw`(${NAME_WORD}(?:\s+(?:de\s+(?:la\s+)?|del\s+|van\s+|von\s+)?${NAME_WORD}){0,2})`;
const INTRO_RE = new RegExp(
  String.raw`(?:^|[\s,.;:!¡])(?:[Ss]oy|[Mm]e llamo|[Mm]i nombre es|[Mm]y name is|[Tt]his is|I am|I'm)\s+${NAME}`,
  'u',
);
const CLOSING_RE =
  /^(un saludo|saludos|saludos cordiales|un abrazo|atentamente|gracias|muchas gracias|cordialmente|best|best regards|regards|kind regards|many thanks|thanks|thank you|cheers|sincerely|all the best|warm regards|un cordial saludo|quedo a la espera)[\s,.!]*$/i;
const NOT_NAMES = new Set(
  'hola buenas buenos gracias saludos hello thanks regards cheers team equipo info admin administracion customer cliente sorry urgent urgente'.split(
    ' ',
  ),
);

function cleanName(raw: string): string | null {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.length < 2 || name.length > 60) return null;
  const first = normalise(name.split(' ')[0] ?? '');
  if (NOT_NAMES.has(first)) return null;
  if (!new RegExp(`^${NAME}$`, 'u').test(name)) return null;
  return name;
}

/** A sender display name that is a person ("María López"), not an address or a mailbox ("Info Shop"). */
export function personFromDisplayName(display: string): string | null {
  const trimmed = display.replace(/["']/g, '').trim();
  if (!trimmed || trimmed.includes('@')) return null;
  // "López, María" → "María López"
  const swapped = /^([^,]+),\s*([^,]+)$/.exec(trimmed);
  const candidate = swapped ? `${swapped[2]} ${swapped[1]}` : trimmed;
  const words = candidate.split(/\s+/);
  if (words.length > 4) return null;
  const titled = words.map((w) =>
    w === w.toLowerCase() || w === w.toUpperCase() ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w,
  );
  return cleanName(titled.join(' '));
}

/** The customer's name from what they wrote: "soy X", "my name is X", or the line after a closing. */
export function nameFromText(text: string, signature = ''): string | null {
  const intro = INTRO_RE.exec(text);
  if (intro?.[1]) {
    const n = cleanName(intro[1]);
    if (n) return n;
  }
  const lines = `${text}\n${signature}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 6; i--) {
    const line = lines[i]!.replace(/^[-–—]+\s*/, '');
    const prev = lines[i - 1] ?? '';
    // "Gracias, Pablo" / "Cheers, Megan" on one line.
    const inline =
      /^(?:gracias|muchas gracias|saludos|un saludo|thanks|cheers|regards|best|thank you)[,!.]?\s+(.+?)[.!]?$/i.exec(
        line,
      );
    if (inline?.[1]) {
      const n = cleanName(inline[1]);
      if (n) return n;
    }
    if (CLOSING_RE.test(prev) || i === lines.length - 1) {
      const n = cleanName(line.split(/[,(]/)[0]!.trim());
      if (n && (CLOSING_RE.test(prev) || /^[-–—]/.test(lines[i]!))) return n;
    }
  }
  // A sign-off at the end of the last sentence: "... Saludos, Diego" / "... Cheers, Megan".
  const tail =
    /(?:saludos|un saludo|gracias|thanks|cheers|regards|best)[,!.]?\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)[.!]?\s*$/iu.exec(
      text.trim(),
    );
  if (tail?.[1]) return cleanName(tail[1]);
  return null;
}
