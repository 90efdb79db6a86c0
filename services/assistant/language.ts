import { franc } from 'franc-min';
import type { Language } from './types';
import { normalise, tokens } from './text';

// Frequent words that the other language does not share ("no", "me", "a" are in both and left out).
const ES_WORDS = new Set(
  'de la que el en y los se del las un por con una su para es al lo como mas pero sus le ya este si porque esta entre cuando muy sin sobre tambien hasta hay donde desde todo nos durante todos uno les ni otros ese eso ellos esto mi antes unos yo otro otra tanto esa estos mucho nada muchos cual poco ella estar estas algo hola gracias buenos buenas dias saludos saludo pedido quiero queria favor usted ustedes tengo puedo podemos vale hoy manana semana llego recibido todavia aun tienen hacen os vuestro nuestro quisiera necesito soy estoy muchas le ayer cuanto'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the and to of in is it you that was for on are with as they be at have this from or had by but what some we can out were all there when up your how an she which do their if will about then them would my hi hello thanks thank please order could should our its just been has not any get got would im ive dont cant wont did does is am need want like received today yesterday tomorrow week'.split(
    ' ',
  ),
);

// franc answers ISO 639-3; the two product languages get their short codes.
const SHORT: Record<string, string> = {
  spa: 'es',
  eng: 'en',
  por: 'pt',
  fra: 'fr',
  deu: 'de',
  ita: 'it',
  nld: 'nl',
  cat: 'ca',
  glg: 'gl',
};

export interface LanguageGuess {
  language: Language;
  confidence: number;
}

function vote(text: string): { es: number; en: number } {
  let es = 0;
  let en = 0;
  for (const t of tokens(normalise(text))) {
    if (ES_WORDS.has(t)) es++;
    if (EN_WORDS.has(t)) en++;
  }
  return { es, en };
}

/**
 * Language of a customer's own words. franc reads trigrams and is unreliable under ~40 characters,
 * so short texts are decided by a stopword vote, and longer ones use the vote to overrule franc when
 * it drifts to a neighbour (Galician, Portuguese) on Spanish or English written casually.
 */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, 2000);
  const letters = sample.replace(/[^\p{L}]+/gu, '');
  if (letters.length < 2) return { language: 'und', confidence: 0 };
  const { es, en } = vote(sample);
  const leader: 'es' | 'en' | null = es > en ? 'es' : en > es ? 'en' : null;
  const margin = Math.abs(es - en);
  if (letters.length < 40) {
    if (leader) return { language: leader, confidence: Math.min(0.9, 0.5 + 0.15 * margin) };
    const f = franc(sample, { minLength: 3, only: ['spa', 'eng'] });
    const short = SHORT[f];
    return short ? { language: short, confidence: 0.4 } : { language: 'und', confidence: 0 };
  }
  const f = franc(sample, { minLength: 10 });
  const fromFranc = SHORT[f] ?? f;
  const strongVote = leader !== null && margin >= 3 && Math.max(es, en) >= 2 * Math.min(es, en);
  if (fromFranc === 'es' || fromFranc === 'en') {
    if (strongVote && leader !== fromFranc) return { language: leader, confidence: 0.7 };
    return { language: fromFranc, confidence: leader === fromFranc ? 0.95 : 0.75 };
  }
  if (strongVote && leader) return { language: leader, confidence: 0.75 };
  if (fromFranc === 'und') return { language: leader ?? 'und', confidence: leader ? 0.5 : 0 };
  return { language: fromFranc, confidence: 0.6 };
}
