import { normalise, sentences } from './text';

// A conditional request names what the customer will do or want *if* something does not happen
// ("si no llega el lunes quiero que me devolváis…", "if the replacement is not here by Friday I
// will…"). A reply must answer it as a condition, never as a done deal. Patterns run on normalised
// text (lower case, no accents); the sentence is returned as the customer wrote it.

const CONDITION_ES = [
  /\bsi (para [\w ]{1,20} )?(no|ni) (me )?(llega|llegan|llegara|llegase|esta|estan|recibo|tengo|lo tengo|se soluciona|se resuelve|me contesta|me contestais|me responden|me respondeis|me lo|me la|aparece|hay)\b/,
  /\bsi (manana|hoy|el \w+|antes del? [\w ]{1,20}|esta semana|este mes) no\b/,
  /\b(de lo contrario|en caso contrario|o si no|si no es asi)\b/,
];
const CONDITION_EN = [
  /\bif (it|they|the \w+|my \w+|this|that|i|we|nobody|no one)( \w+){0,3} (is not|isn't|are not|aren't|does not|doesn't|do not|don't|has not|hasn't|have not|haven't|cannot|can't|won't|will not|never)\b/,
  /\bif (i|we) (do not|don't) (get|receive|hear)\b/,
  /\b(otherwise|or else)\b/,
];

/** The customer's sentence that sets a condition, as written; null when there is none. */
export function findCondition(text: string): string | null {
  for (const s of sentences(text)) {
    const norm = normalise(s.text);
    if ([...CONDITION_ES, ...CONDITION_EN].some((re) => re.test(norm))) return s.text;
  }
  return null;
}
