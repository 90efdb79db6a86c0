import { detectLanguage } from './language';
import { normalise, tokens } from './text';
import type { Analysis } from './types';

// Mail the reader cannot honestly label: nothing of the customer's own, only a signature, only
// quoted or forwarded history, emoji, a wall of pasted text, two languages at once. The analysis then
// says "not sure" (and, when there is nothing to read at all, does not guess an intent).

export interface InputProblem {
  reason: NonNullable<Analysis['uncertainReason']>;
  /** Nothing to read: no intent is guessed. */
  blank: boolean;
}

/** Past this the mail is a paste, a newsletter or a log; only the start is read. */
export const LONG_MAIL = 20_000;

const FORWARD =
  /^\s*-{2,}\s*(Forwarded message|Mensaje reenviado|Mensaje original|Original Message)\s*-{2,}|^\s*(Fwd?|RV|Rv|Reenv):/im;
// Lines a signature is made of: a name, a role or company in capitals, contact details, a sign-off.
const NAME_LINE = /^(?:\p{Lu}[\p{L}'.&-]*\s?){1,5}$/u;
const CONTACT_LINE =
  /^(?:[-–—_]{2,}|(?:tel|tfno|tel[eé]fono|phone|mobile|m[oó]vil|cel|fax|www|https?|e-?mail|correo|web)\b.*|[+()\d\s.-]{7,}|\S+@\S+|\S+\.(?:com|es|mx|ar|co|net|org)\S*)$/iu;
const SIGN_OFF =
  /^(?:(?:un )?saludos?|regards|best|cheers|atentamente|cordialmente|kind regards)\b[^?]{0,30}$/iu;
const isSignatureLine = (l: string) => NAME_LINE.test(l) || CONTACT_LINE.test(l) || SIGN_OFF.test(l);

export function inputProblem(fullText: string, own: string, language: string): InputProblem | null {
  if (fullText.trim() === '') return { reason: 'empty', blank: true };
  if (own.trim() === '') {
    return { reason: FORWARD.test(fullText) ? 'forwarded' : 'quoted_only', blank: true };
  }
  const letters = own.replace(/[^\p{L}]+/gu, '');
  if (letters.length < 2) return { reason: 'no_words', blank: true };
  const lines = own
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (
    lines.length > 0 &&
    lines.length <= 6 &&
    lines.every(isSignatureLine) &&
    lines.some((l) => CONTACT_LINE.test(l)) &&
    letters.length < 120
  )
    return { reason: 'signature_only', blank: true };
  if (FORWARD.test(fullText) && tokens(normalise(own)).length < 8)
    return { reason: 'forwarded', blank: false };
  if (fullText.length > LONG_MAIL) return { reason: 'too_long', blank: false };
  if (mixed(own, language)) return { reason: 'mixed_language', blank: false };
  return null;
}

/** Two languages in earnest: each half of the mail reads as a different one. */
function mixed(own: string, language: string): boolean {
  if (own.length < 80) return false;
  const parts = own.split(/\n\s*\n|(?<=[.!?])\s+/).filter((p) => p.replace(/[^\p{L}]/gu, '').length >= 25);
  if (parts.length < 2) return false;
  let other = 0;
  let same = 0;
  for (const p of parts) {
    const g = detectLanguage(p);
    if (g.confidence < 0.7) continue;
    if (g.language === language) same++;
    else if (g.language === 'es' || g.language === 'en') other++;
  }
  return other >= 1 && same >= 1 && other / (other + same) >= 0.34;
}
