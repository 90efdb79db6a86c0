// One reading of e-mail addresses for the whole product: the mail-site adapters, pasted threads, the
// ledger, the AI output check, the drafts, staff and booking forms, calendar invitations and the
// profile all decide here whether a string is an address and where the addresses in a text are, so
// no two parts of the product disagree about the same string (issue 12 found eight that did).
//
// What is accepted: a local part without white space, brackets, quotes, separators or backslashes
// (they could break out of a header, a CSV cell or an iCalendar property; RFC 5322 quoted local parts
// are not accepted on purpose), "@", and a domain of letter/digit labels ending in a top-level domain
// of two or more letters (internationalised names included).

const NOT_IN_ADDRESS = '\\s@<>()\\[\\]\\\\,;:"';
/** An apostrophe may sit inside a local part (o'brien@…) but not at its ends (quoted text). */
const LOCAL = `[^${NOT_IN_ADDRESS}']+(?:'[^${NOT_IN_ADDRESS}']+)*`;
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]*[\\p{L}\\p{N}])?';
const DOMAIN = `(?:${LABEL}\\.)+\\p{L}{2,63}`;

/** The address pattern as regex source (Unicode mode: use it with the `u` flag). */
export const EMAIL_SOURCE = `${LOCAL}@${DOMAIN}`;

const WHOLE = new RegExp(`^${EMAIL_SOURCE}$`, 'u');
/** Anything shaped like local@host, top-level domain or not ("boss@intranet"). */
const LIKE_SOURCE = `[^${NOT_IN_ADDRESS}']+@[\\p{L}\\p{N}_-]+(?:\\.[\\p{L}\\p{N}_-]+)*`;

/** Whether `value` (trimmed) is one address and nothing else. */
export function isEmailAddress(value: string): boolean {
  return WHOLE.test(value.trim());
}

/** A fresh global regex for addresses in free text (its own lastIndex, safe to reuse in loops). */
export function emailPattern(): RegExp {
  return new RegExp(EMAIL_SOURCE, 'gu');
}

/** The addresses written in a text, in order, as written. */
export function findEmails(text: string): string[] {
  return text.match(emailPattern()) ?? [];
}

/**
 * Everything in a text shaped like an address, valid or not: what a check on untrusted output treats
 * as an address ("write to boss@intranet" is still refused).
 */
export function findAddressLike(text: string): string[] {
  return text.match(new RegExp(LIKE_SOURCE, 'gu')) ?? [];
}

/** The text with everything shaped like an address replaced by a space. */
export function withoutAddresses(text: string): string {
  return text.replace(new RegExp(LIKE_SOURCE, 'gu'), ' ');
}

/** Lower case, trimmed: how two addresses are compared. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * "Name <a@b.c>", "\"Name\" <a@b.c>", "<a@b.c>" or "a@b.c" → the name (unquoted) and the address in
 * lower case; null when the text is not one of those shapes or the address is not valid.
 */
export function parseNameAddress(raw: string): { name: string; email: string } | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  const angle = /^(.*?)\s*<\s*([^<>\s]+)\s*>$/.exec(text);
  if (angle) {
    if (!isEmailAddress(angle[2]!)) return null;
    return { name: unquote(angle[1] ?? ''), email: normaliseEmail(angle[2]!) };
  }
  return isEmailAddress(text) ? { name: '', email: normaliseEmail(text) } : null;
}

function unquote(s: string): string {
  const t = s.trim();
  return (t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t).trim();
}
