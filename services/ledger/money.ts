// Money as exact integers: every amount of the ledger is a count of the currency's minor units
// (cents for EUR/USD/MXN/ARS/GBP, none for JPY), never a float, so totals add up to the cent.
// Amounts are read as mail writes them in Spanish and English: 1.234,56 € · €1,234.56 · $1,234.56 ·
// 1 234,56 · 1234.56 MXN · USD 1,234 · (1,234.56) · −45,00 €.

export interface Money {
  /** Integer count of minor units; negative for credit notes and refunds. */
  minor: number;
  /** ISO 4217 code. */
  currency: string;
}

/** Minor-unit digits of a currency, as `Intl` knows them (ISO 4217); 2 when unknown. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** "1234.56" (a dot, no grouping, a leading minus): the exact decimal of an amount, for files. */
export function toDecimalString(money: Money): string {
  const digits = minorDigits(money.currency);
  const sign = money.minor < 0 ? '-' : '';
  const abs = String(Math.abs(money.minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Parses "1234.56" / "-12" / "1234,5" back into minor units; null when it is not a plain decimal. */
export function fromDecimalString(text: string, currency: string): Money | null {
  const m = /^\s*(-)?(\d+)(?:[.,](\d+))?\s*$/.exec(text);
  if (!m) return null;
  const digits = minorDigits(currency);
  const frac = (m[3] ?? '').padEnd(digits, '0');
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) return null;
  const minor = Number(m[2]) * 10 ** digits + Number(frac.slice(0, digits) || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return { minor: m[1] ? -minor : minor, currency };
}

/** The amount for people, in the UI locale's way ("1.234,56 €", "€1,234.56"). */
export function formatMoney(money: Money, localeTag: string): string {
  const digits = minorDigits(money.currency);
  // Through the decimal string so the formatter never sees a float that is not exactly the amount.
  const value = Number(toDecimalString(money));
  try {
    return new Intl.NumberFormat(localeTag, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${toDecimalString(money)} ${money.currency}`;
  }
}

export function addMoney(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('amount too large');
  return sum;
}

// ---------- reading amounts from text ----------

/** Symbols and words → ISO code. `$` alone is settled by the caller's context (USD, MXN, ARS…). */
const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(?:€|eur|euros?)$/i, 'EUR'],
  [/^(?:us\$|usd|u\$s|dólares|dolares|dollars?)$/i, 'USD'],
  [/^(?:mx\$|mxn|pesos mexicanos)$/i, 'MXN'],
  [/^(?:ar\$|ars|pesos argentinos)$/i, 'ARS'],
  [/^(?:£|gbp|pounds?|libras?)$/i, 'GBP'],
  [/^(?:chf|fr\.)$/i, 'CHF'],
  [/^(?:cop|col\$)$/i, 'COP'],
  [/^(?:clp)$/i, 'CLP'],
  [/^(?:¥|jpy|yen)$/i, 'JPY'],
  [/^(?:c\$|cad)$/i, 'CAD'],
  [/^(?:a\$|aud)$/i, 'AUD'],
];

export function currencyFromWord(word: string, dollar = 'USD'): string | null {
  const w = word.trim();
  if (w === '$' || /^pesos?$/i.test(w)) return /^pesos?$/i.test(w) && dollar === 'USD' ? null : dollar;
  for (const [re, code] of CURRENCY_WORDS) if (re.test(w)) return code;
  return null;
}

const CUR_BEFORE = String.raw`(?:US\$|MX\$|AR\$|COL\$|C\$|A\$|U\$S|EUR|USD|MXN|ARS|GBP|CHF|COP|CLP|JPY|CAD|AUD|€|£|¥|\$)`;
const CUR_AFTER = String.raw`(?:EUR|USD|MXN|ARS|GBP|CHF|COP|CLP|JPY|CAD|AUD|€|£|¥|\$|euros?|dólares|dolares|dollars?|pesos(?: mexicanos| argentinos)?|libras?|pounds?)`;
// A number with optional grouping (dot, comma, space, no-break spaces, apostrophe) and decimals.
const NUMBER = String.raw`\d{1,3}(?:[.,' \u00a0\u202f]\d{3})+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?`;
const SIGN = String.raw`[-−–]`;

/** Amounts with a currency before or after them ("€1,234.56", "1.234,56 €", "USD 10"). */
export const MONEY_RE = new RegExp(
  String.raw`(\()?(${SIGN})?\s?(?:(${CUR_BEFORE})\s?(${SIGN})?\s?(${NUMBER})|(${NUMBER})\s?(${CUR_AFTER}))(?![\p{L}\d])(\))?(${SIGN})?`,
  'giu',
);
/** A bare number that may be an amount in a labelled line ("Total: 1.234,56"). */
export const BARE_NUMBER_RE = new RegExp(String.raw`(\()?(${SIGN})?(${NUMBER})(?![\d%])(\))?`, 'gu');

export type DecimalHint = 'comma' | 'dot' | null;

/**
 * The value of a written number in minor units. The decimal mark is read from the number itself when
 * it can be (both marks present, or a mark followed by other than three digits); a lone mark before
 * exactly three digits is a thousands separator ("1.234 €", "$1,234"), as money is written, unless
 * `hint` says the writer uses it as the decimal mark.
 */
export function parseNumber(raw: string, digits: number, hint: DecimalHint = null): number | null {
  const text = raw.replace(/[\u00a0\u202f']/g, ' ').trim();
  const compact = text.replace(/ /g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const occurrences = compact.split(mark).length - 1;
    const after = compact.length - compact.lastIndexOf(mark) - 1;
    if (occurrences > 1)
      decimalMark = null; // 1.234.567 — grouping only
    else if (after !== 3) decimalMark = mark;
    else if ((hint === 'comma' && mark === ',') || (hint === 'dot' && mark === '.')) decimalMark = mark;
    else decimalMark = null;
  }
  let intPart = compact;
  let frac = '';
  if (decimalMark) {
    const at = compact.lastIndexOf(decimalMark);
    intPart = compact.slice(0, at);
    frac = compact.slice(at + 1);
  }
  intPart = intPart.replace(/[.,]/g, '');
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return null;
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) return null;
  const minor = Number(intPart) * 10 ** digits + Number(frac.padEnd(digits, '0').slice(0, digits) || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

export interface FoundMoney extends Money {
  text: string;
  index: number;
}

export interface MoneyContext {
  /** What a bare `$` means here (USD unless the mail is Mexican, Argentine…). */
  dollar?: string;
  /** The currency of numbers written without one (a labelled line in an invoice already in €). */
  currency?: string | null;
  hint?: DecimalHint;
}

/** Every amount with a currency in `text`, in order. */
export function findMoney(text: string, context: MoneyContext = {}): FoundMoney[] {
  const out: FoundMoney[] = [];
  for (const m of text.matchAll(MONEY_RE)) {
    const [, open, sign1, curBefore, sign2, numBefore, numAfter, curAfter, close, trailing] = m;
    const currency = currencyFromWord((curBefore ?? curAfter)!, context.dollar);
    if (!currency) continue;
    const digits = minorDigits(currency);
    const value = parseNumber((numBefore ?? numAfter)!, digits, context.hint ?? null);
    if (value === null) continue;
    const negative = !!(sign1 || sign2 || trailing || (open && close));
    out.push({ minor: negative ? -value : value, currency, text: m[0].trim(), index: m.index });
  }
  return out;
}

/** The amounts of a labelled line: with a currency if written, else bare numbers in `context.currency`. */
export function moneyInLine(line: string, context: MoneyContext = {}): FoundMoney[] {
  const withCurrency = findMoney(line, context);
  if (withCurrency.length || !context.currency) return withCurrency;
  const digits = minorDigits(context.currency);
  const out: FoundMoney[] = [];
  for (const m of line.matchAll(BARE_NUMBER_RE)) {
    const [, open, sign, num, close] = m;
    // A percentage or a year-like integer is not the amount of a line.
    if (/^\s*%/.test(line.slice(m.index + m[0].length))) continue;
    if (!/[.,]\d{1,2}$/.test(num!)) continue;
    const value = parseNumber(num!, digits, context.hint ?? null);
    if (value === null) continue;
    const negative = !!(sign || (open && close));
    out.push({ minor: negative ? -value : value, currency: context.currency, text: m[0], index: m.index });
  }
  return out;
}

/** A rate as written ("21 %", "10,5%", "8.875 %") → its exact decimal string ("21", "10.5", "8.875"). */
export function parseRate(text: string): string | null {
  const m = /(\d{1,2}(?:[.,]\d{1,3})?)\s?%/.exec(text);
  if (!m) return null;
  let normal = m[1]!.replace(',', '.');
  if (normal.includes('.')) normal = normal.replace(/0+$/, '').replace(/\.$/, '');
  return normal;
}

/** base × rate / 100, rounded half away from zero to the minor unit, without floats. */
export function taxOf(baseMinor: number, rate: string): number {
  const [whole, frac = ''] = rate.split('.');
  const scale = 10 ** frac.length;
  const rateScaled = Number(whole) * scale + Number(frac || '0'); // rate × scale, an integer
  const numerator = BigInt(baseMinor) * BigInt(rateScaled);
  const denominator = BigInt(100 * scale);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (2n * denominator);
  return Number(negative ? -rounded : rounded);
}
