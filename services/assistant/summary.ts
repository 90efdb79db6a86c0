import type { Facts, Intent } from './types';
import { intentScores } from './intent';
import { normalise, sentences } from './text';

const GREETING =
  /^(hola|buenas|buenos dias|buenas tardes|buenas noches|estimad[oa]s?|querid[oa]|hi|hello|hey|dear|good (morning|afternoon|evening))\b[^.!?]{0,40}[,:!.]?$/i;
const CLOSING =
  /^(un saludo|saludos|atentamente|gracias|muchas gracias|un abrazo|cordialmente|best|regards|kind regards|thanks|thank you|cheers|sincerely|enviado desde|sent from)\b/i;

/**
 * Two or three of the customer's own sentences: the ones carrying the intent and the facts, in the
 * order written. Extractive, so it is always in the customer's language and never invents anything.
 */
export function summarise(
  text: string,
  primary: Intent,
  facts: Pick<Facts, 'orders' | 'invoices' | 'tickets' | 'amounts' | 'dates'>,
): string {
  const all = sentences(text).filter((s) => s.text.length > 2);
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
    const norm = normalise(s.text);
    const scores = intentScores(norm);
    let score = primary !== 'other' ? scores[primary] * 2 : 0;
    score += Object.values(scores).reduce((a, b) => a + b, 0) * 0.5;
    score += refs.filter((r) => s.text.includes(r)).length * 1.5;
    // The opening sentence usually states the matter.
    if (order === 0) score += 0.8;
    return { ...s, score };
  });
  const picked = [...scored]
    .sort((a, b) => b.score - a.score)
    .slice(0, scored.length > 4 ? 3 : 2)
    .sort((a, b) => a.index - b.index);
  return picked.map((s) => (s.text.length > 180 ? `${s.text.slice(0, 177).trimEnd()}…` : s.text)).join('\n');
}
