import validateRfc from 'validate-rfc';
// Tax identification numbers printed on supplier invoices, checked the way each tax office defines
// them. A failed check is reported (a typo, or not a tax id at all), never silently accepted.

export type TaxIdKind = 'es_nif' | 'es_nie' | 'es_cif' | 'mx_rfc' | 'ar_cuit' | 'us_ein';

export interface TaxId {
  kind: TaxIdKind;
  /** Compact form: upper case, no spaces or dashes (CUIT and EIN keep none either). */
  value: string;
  /** True when the check digit / letter / format rule holds. */
  valid: boolean;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/**
 * Spanish NIF of a person (DNI): 8 digits and a control letter, the number mod 23 into
 * TRWAGMYFPDXBNJZSQVHLCKE (Real Decreto 1553/2005, art. 11; Ministerio del Interior's algorithm).
 * NIE: X/Y/Z read as 0/1/2 in front of the 7 digits, then the same letter rule (Orden INT/2058/2008).
 */
function dniLetterOk(digits: string, letter: string): boolean {
  return DNI_LETTERS[Number(digits) % 23] === letter;
}

/**
 * Spanish CIF / NIF of an entity (Orden EHA/451/2008): a letter for the kind of entity, 7 digits and
 * a control character. Digits in odd places are doubled (their digits summed), even places added; the
 * control is (10 − sum mod 10) mod 10, as a digit or as the letter JABCDEFGHI[control]. Entities
 * P, Q, R, S, N, W carry the letter; A, B, E, H the digit; the others either.
 */
function cifOk(body: string): boolean {
  const kind = body[0]!;
  const digits = body.slice(1, 8);
  const control = body[8]!;
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(digits[i]);
    if (i % 2 === 0) {
      const doubled = d * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  const letter = 'JABCDEFGHI'[check]!;
  if ('PQRSNW'.includes(kind)) return control === letter;
  if ('ABEH'.includes(kind)) return control === String(check);
  return control === letter || control === String(check);
}

/** A Spanish NIF (person), NIE or CIF, with its check. */
export function checkSpanishTaxId(raw: string): TaxId | null {
  const value = raw
    .toUpperCase()
    .replace(/[\s.-]/g, '')
    .replace(/^ES/, '');
  if (/^\d{8}[A-Z]$/.test(value))
    return { kind: 'es_nif', value, valid: dniLetterOk(value.slice(0, 8), value[8]!) };
  if (/^[XYZ]\d{7}[A-Z]$/.test(value)) {
    const digits = String('XYZ'.indexOf(value[0]!)) + value.slice(1, 8);
    return { kind: 'es_nie', value, valid: dniLetterOk(digits, value[8]!) };
  }
  if (/^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/.test(value)) return { kind: 'es_cif', value, valid: cifOk(value) };
  return null;
}

/**
 * Argentine CUIT/CUIL (AFIP, RG 10/97): 2-digit type (20, 23, 24, 27 people; 30, 33, 34 companies),
 * 8 digits and a check digit: weights 5,4,3,2,7,6,5,4,3,2, check = 11 − sum mod 11 (11 → 0; 10 means
 * the number is not issued with that type).
 */
export function checkCuit(raw: string): TaxId | null {
  const value = raw.replace(/[\s.-]/g, '');
  if (!/^(20|23|24|25|26|27|30|33|34)\d{9}$/.test(value)) return null;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  const rest = 11 - (sum % 11);
  const check = rest === 11 ? 0 : rest;
  return { kind: 'ar_cuit', value, valid: check !== 10 && check === Number(value[10]) };
}

/**
 * Mexican RFC (SAT): 3 letters (companies) or 4 (people), the date of constitution or birth as
 * YYMMDD, and a 3-character homoclave whose last character is a check digit (mod 11 over the other
 * eleven or twelve characters). Checked with `validate-rfc`, which also knows the RFCs SAT issued
 * with an irregular check digit and the generic XAXX010101000 / XEXX010101000.
 */
export function checkRfc(raw: string): TaxId | null {
  const value = raw.toUpperCase().replace(/[\s-]/g, '');
  const m = /^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z\d]{2}[A\d])$/.exec(value);
  if (!m) return null;
  // The date by its own calendar check: the library's `new Date('20YY-02-30')` rolls over instead.
  const [year, month, day] = [Number(m[2]), Number(m[3]), Number(m[4])];
  // Any century works for the check: 2000 and 1900 differ only for 29 February in '00.
  const date = new Date(Date.UTC(year === 0 ? 2000 : 1900 + year, month - 1, day));
  const dateOk = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return { kind: 'mx_rfc', value, valid: dateOk && validateRfc(value).isValid };
}

/**
 * US EIN: NN-NNNNNNN whose two-digit prefix is one the IRS assigns ("How EINs are assigned and valid
 * EIN prefixes", IRS). There is no check digit.
 */
const EIN_PREFIXES = new Set(
  ['01-06', '10-16', '20-27', '30-48', '50-68', '71-77', '80-88', '90-95', '98-99'].flatMap((range) => {
    const [a, b] = range.split('-').map(Number) as [number, number];
    return Array.from({ length: b - a + 1 }, (_, i) => String(a + i).padStart(2, '0'));
  }),
);

export function checkEin(raw: string): TaxId | null {
  const m = /^(\d{2})-?(\d{7})$/.exec(raw.trim());
  if (!m) return null;
  return { kind: 'us_ein', value: `${m[1]}${m[2]}`, valid: EIN_PREFIXES.has(m[1]!) };
}

// Where a tax id is written: after its label, or on its own in a supplier's header.
const LABELLED = [
  {
    re: /\b(?:C\.?I\.?F\.?|N\.?I\.?F\.?|N\.?I\.?E\.?|NIF-IVA|VAT(?: (?:no|number|reg(?:istration)?(?: no)?))?\.?)\s*[:.]?\s*((?:ES\s?)?(?:[A-Z]-?\d{2}\.?\d{3}\.?\d{2}|[XYZ]-?\d{7}|\d{2}\.?\d{3}\.?\d{3})-?[A-Z0-9])\b/gi,
    check: checkSpanishTaxId,
  },
  { re: /\bR\.?F\.?C\.?\s*[:.]?\s*([A-ZÑ&]{3,4}-?\d{6}-?[A-Z\d]{3})\b/gi, check: checkRfc },
  { re: /\bCUI[TL]\s*(?:N[°ºo.]*)?\s*[:.]?\s*(\d{2}-?\d{8}-?\d)\b/gi, check: checkCuit },
  {
    re: /\b(?:EIN|FEIN|Federal (?:Tax )?ID|Tax ID|TIN)\s*(?:#|No\.?|number)?\s*[:.]?\s*(\d{2}-\d{7})\b/gi,
    check: checkEin,
  },
];

/** Tax ids written with their label in `text`, each checked. */
export function findTaxIds(text: string): TaxId[] {
  const out: TaxId[] = [];
  for (const { re, check } of LABELLED)
    for (const m of text.matchAll(re)) {
      const id = check(m[1]!.replace(/[\s.]+$/, ''));
      if (id && !out.some((x) => x.value === id.value)) out.push(id);
    }
  return out;
}
