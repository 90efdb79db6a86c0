import { electronicFormatIBAN, friendlyFormatIBAN, isValidIBAN } from 'ibantools';

// IBANs from invoices, checked by ISO 13616 (country length and BBAN format per the SWIFT IBAN
// registry, then mod 97 = 1) through ibantools, a maintained implementation of both.

export interface FoundIban {
  /** Electronic form: upper case, no spaces. */
  value: string;
  /** Grouped by four, as printed. */
  friendly: string;
  valid: boolean;
}

// Two letters, two check digits, then 10–30 letters/digits, possibly in groups of four.
const IBAN_RE = /\b([A-Z]{2}\d{2}(?:[ \u00a0-]?[A-Z0-9]{2,4}){3,8})\b/g;

export function checkIban(raw: string): FoundIban | null {
  const value = electronicFormatIBAN(raw.toUpperCase());
  if (!value || !/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value)) return null;
  return { value, friendly: friendlyFormatIBAN(value) ?? value, valid: isValidIBAN(value) };
}

/**
 * IBANs written in `text` (valid first, so a typo'd second copy never wins over the right one). A
 * printed IBAN is often followed by more capitals ("… 1332 BIC CAIXESBB"): groups are dropped from
 * the end until the rest is a valid IBAN.
 */
export function findIbans(text: string): FoundIban[] {
  const out: FoundIban[] = [];
  for (const m of text.toUpperCase().matchAll(IBAN_RE)) {
    const groups = m[1]!.split(/[ \u00a0-]/);
    let found: FoundIban | null = null;
    for (let k = groups.length; k >= 3 && !found?.valid; k--) {
      const candidate = checkIban(groups.slice(0, k).join(''));
      if (candidate && (candidate.valid || !found)) found = candidate;
    }
    if (found && !out.some((x) => x.value === found.value)) out.push(found);
  }
  return out.sort((a, b) => Number(b.valid) - Number(a.valid));
}
