import type { Facts, Intent } from './types';
import { intentScores } from './intent';
import { PRIORITY, type Scored } from './intent-rules';
import { findThreats } from './threats';

const GREETING =
  /^(hola|buenas|buenos d[ií]as|buenas tardes|buenas noches|estimad[oa]s?|querid[oa]|hi|hello|hey|dear|good (morning|afternoon|evening))\b[^.!?]{0,40}[,:!.]?$/i;
const CLOSING =
  /^(un saludo|saludos|atentamente|gracias|muchas gracias|un abrazo|cordialmente|best|regards|kind regards|thanks|thank you|cheers|sincerely|enviado desde|sent from)\b/i;

/** Past this a sentence is shortened at a word, with an ellipsis; never inside a number. */
const LONGEST = 240;

/**
 * The customer's sentences as written. A full stop ends a sentence only before a space or the end
 * of the text, never inside a number ("8.000 €", "1,245.60") or an abbreviation glued to the next
 * word; a line break ends one too (mail is written in lines).
 */
export function summarySentences(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  const re = /[^\n]*?(?:[.!?…]+(?=\s|$)|\n|$)/gu;
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    const trimmed = m[0].trim();
    if (trimmed) out.push({ text: trimmed, index: m.index + m[0].indexOf(trimmed) });
  }
  return out;
}

function shorten(sentence: string): string {
  if (sentence.length <= LONGEST) return sentence;
  const cut = sentence.slice(0, LONGEST - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > LONGEST / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(–-]+$/u, '')}…`;
}

/**
 * Two or three of the customer's own sentences: the ones carrying the intent and the facts, in the
 * order written, plus any sentence with a threat (court, consumer office, reviews, chargeback).
 * Extractive, so it is always in the customer's language, with their numbers, accents and case,
 * and never invents anything.
 */
export function summarise(
  text: string,
  primary: Intent,
  facts: Pick<Facts, 'orders' | 'invoices' | 'tickets' | 'amounts' | 'dates'>,
): string {
  const all = summarySentences(text).filter((s) => s.text.length > 2);
  const candidates = all.filter(
    (s) => !GREETING.test(s.text) && !CLOSING.test(s.text) && /\p{L}{2,}/u.test(s.text),
  );
  const pool = candidates.length > 0 ? candidates : all;
  const refs = [
    ...facts.orders,
    ...facts.invoices,
    ...facts.tickets,
    ...facts.amounts.map((a) => a.text),
    ...facts.dates.map((d) => d.text),
  ];
  const scored = pool.map((s, order) => {
    // A sentence carries an intent by its words (the lexicon's evidence), not by the statistical
    // model's guess on a few words out of context.
    const evidence = intentScores(s.text);
    const strength = (i: Scored) => 1 - Math.exp(-Math.max(0, evidence[i]) / 1.5);
    let score = primary !== 'other' ? strength(primary as Scored) * 2 : 0;
    score += PRIORITY.reduce((a, i) => a + strength(i), 0) * 0.5;
    score += refs.filter((r) => s.text.includes(r)).length * 2;
    // The opening sentence usually states the matter.
    if (order === 0) score += 0.5;
    return { ...s, score, threat: findThreats(s.text).length > 0 };
  });
  const size = scored.length > 4 ? 3 : 2;
  const threats = scored.filter((s) => s.threat);
  const rest = scored.filter((s) => !s.threat).sort((a, b) => b.score - a.score);
  const picked = [...threats.slice(0, 3), ...rest.slice(0, Math.max(0, size - threats.length))].sort(
    (a, b) => a.index - b.index,
  );
  return picked.map((s) => shorten(s.text)).join('\n');
}
