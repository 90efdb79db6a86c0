import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemEs } from '@orama/stemmers/spanish';
import { CLOSINGS, NEGATION_SCOPE, NEGATORS, SPELLING, SPELLING_PHRASES, type Lang } from './language-data';
import { normalise } from './text';

// What the intent readers (rules and the statistical model) see of a message: the body apart from
// greeting and closing formulas, normalised and with common misspellings fixed, as tokens with their
// Snowball stems and whether each sits inside a negation ("I never booked anything").

export interface Token {
  word: string;
  stem: string;
  negated: boolean;
}

export interface Prepared {
  lang: Lang;
  /** Normalised, spelling-fixed body without greeting and closing formulas. */
  body: string;
  /** Normalised closing formulas that were set apart ("gracias por todo", "thanks in advance"). */
  closing: string;
  tokens: Token[];
}

// "Hola Marta,", "Hi team!": the greeting and up to three words of name, then a comma or the line end.
const GREETING =
  /^(?:hola|buenas(?: tardes| noches)?|buenos dias|estimad[oa]s?|querid[oa]s?|hi|hello|hey|dear|good (?:morning|afternoon|evening)|che)(?:(?: [a-z]+){0,3}(?:[,:!]+\s*|\s*$)|[,:!]+\s*)/;

export function stem(word: string, lang: Lang): string {
  if (/\d/.test(word) || word.length < 3) return word;
  return lang === 'es' ? stemEs(word) : stemEn(word);
}

export function fixSpelling(norm: string, lang: Lang): string {
  let out = norm;
  for (const [re, to] of SPELLING_PHRASES[lang]) out = out.replace(re, to);
  const dict = SPELLING[lang];
  return out.replace(/[a-z]+/g, (w) => dict[w] ?? w);
}

/** Splits greeting and closing lines (and closing sentences at the end of the last line) off the body. */
// Legal footers and disclaimers under a signature say nothing about the mail.
const DISCLAIMER =
  /\b(confidential|confidencial|disclaimer|aviso legal|privileged|intended (solely|only) for|destinatario|proteccion de datos|rgpd|gdpr|if you (have )?received this|si (usted )?ha recibido este|think before you print|antes de imprimir)\b/;

export function splitClosing(norm: string, lang: Lang): { body: string; closing: string } {
  const all = norm.split('\n').map((l) => l.trim());
  const cut = all.findIndex((l, i) => i > 0 && i >= all.length / 3 && DISCLAIMER.test(l));
  const lines = cut > 0 ? all.slice(0, cut) : all;
  while (lines.length && lines[0] === '') lines.shift();
  if (lines.length) {
    lines[0] = lines[0]!.replace(GREETING, '').trim();
    if (lines[0] === '') lines.shift();
  }
  const closing: string[] = [];
  // From the end: empty lines, closing formulas and the short signature lines after the first closing.
  let seenClosing = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line === '') {
      lines.pop();
      continue;
    }
    if (isClosing(line, lang)) {
      closing.unshift(line);
      lines.pop();
      seenClosing = true;
      continue;
    }
    // A signature under the closing: a name, a company, a phone number.
    if (!seenClosing && i >= lines.length - 4 && lines.length > 1 && isSignatureLine(line) && i > 0) {
      const earlier = lines
        .slice(0, i)
        .reverse()
        .find((l) => l !== '');
      if (earlier && CLOSINGS[lang].test(earlier)) {
        lines.pop();
        continue;
      }
    }
    break;
  }
  // Closing sentences at the end of the last line: "Please cancel my booking. Thanks!"
  if (lines.length) {
    const last = lines[lines.length - 1]!;
    const parts = last.split(/(?<=[.!?])\s+/);
    while (parts.length > 1 && isSignOff(parts[parts.length - 1]!, lang)) closing.unshift(parts.pop()!);
    lines[lines.length - 1] = parts.join(' ');
  }
  return { body: lines.join('\n').trim(), closing: closing.join('\n') };
}

/** A closing line may chain formulas: "Gracias por todo, fue un gusto." */
function isClosing(line: string, lang: Lang): boolean {
  const pieces = line
    .replace(/^[¡!\s]+/, '')
    .split(/[,;]\s*|\s+(?:y|and)\s+/)
    .filter((x) => x.trim() !== '');
  return pieces.length > 0 && pieces.every((x) => CLOSINGS[lang].test(x.trim()));
}

/** The last sentence after the body's own: a closing, or a closing formula followed by a few words of
 * goodwill ("¡Gracias por todo, habéis sido geniales!", "Thanks for everything, you've been great").
 * A contrast or a question keeps it in the body ("Thanks for everything, but I want my money back"). */
export function isSignOff(sentence: string, lang: Lang): boolean {
  if (isClosing(sentence, lang)) return true;
  const [first, ...rest] = sentence
    .replace(/^[¡!\s]+/, '')
    .split(/,\s*/)
    .filter((x) => x.trim() !== '');
  if (!first || rest.length === 0 || !CLOSINGS[lang].test(first.trim())) return false;
  const tail = rest.join(' ');
  return (
    !/[?¿]/.test(tail) &&
    !/\b(?:but|however|although|though|pero|aunque|sin embargo|aun asi)\b/.test(tail) &&
    tail.split(/\s+/).filter(Boolean).length <= 5
  );
}

function isSignatureLine(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length <= 5 && !/[?]/.test(line) && !/\b(que|the|and|y|por|for)\b/.test(line);
}

export function tokenise(text: string, lang: Lang): Token[] {
  const out: Token[] = [];
  const negators = NEGATORS[lang];
  let scope = 0;
  // Punctuation ends a negation scope; so does a contrast ("pero", "but").
  for (const m of text.matchAll(/[a-z0-9ñ]+|[.,;:!?\n]/g)) {
    const w = m[0];
    if (/^[.,;:!?\n]$/.test(w)) {
      scope = 0;
      continue;
    }
    if (w === 'pero' || w === 'but' || w === 'aunque' || w === 'although') scope = 0;
    const negated = scope > 0;
    if (scope > 0) scope--;
    // "nada más para agradecerle": "only", not a negation.
    const next = text.slice((m.index ?? 0) + w.length).match(/^\s*([a-z]+)/)?.[1];
    if (negators.includes(w) && !(w === 'nada' && next === 'mas')) scope = NEGATION_SCOPE;
    out.push({ word: w, stem: stem(w, lang), negated });
  }
  return out;
}

export function prepare(text: string, lang: Lang): Prepared {
  const norm = fixSpelling(normalise(text.slice(0, 4000)), lang);
  const split = splitClosing(norm, lang);
  // Nothing but formulas ("Thank you so much for your help!"): then the formula is the message.
  const { body, closing } = split.body === '' ? { body: split.closing, closing: '' } : split;
  return { lang, body, closing, tokens: tokenise(body, lang) };
}

/** Sparse binary features for the statistical model: stems (negation-marked), stem pairs, character
 * n-grams of the words (so a typo keeps most of its grams), and a few shape cues. */
export function features(p: Prepared): string[] {
  const f = new Set<string>();
  const toks = p.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (/^\d+$/.test(t.word)) {
      f.add('num');
      continue;
    }
    f.add(`${t.negated ? 'n' : 's'}:${t.stem}`);
    if (i + 1 < toks.length && !/^\d+$/.test(toks[i + 1]!.word)) f.add(`b:${t.stem}_${toks[i + 1]!.stem}`);
    if (t.word.length >= 4) {
      const padded = ` ${t.word} `;
      for (let k = 0; k + 4 <= padded.length; k++) f.add(`c:${padded.slice(k, k + 4)}`);
    }
  }
  if (p.body.includes('?')) f.add('x:question_mark');
  if (/["“”«»]/.test(p.body)) f.add('x:quotes');
  if (/\b(gracias|thank|thanks)\b/.test(p.closing)) f.add('x:closing_thanks');
  f.add(toks.length < 8 ? 'x:short' : toks.length < 40 ? 'x:medium' : 'x:long');
  f.add(`lang:${p.lang}`);
  return [...f];
}

/** A deterministic misspelt copy of `text` for training: in about `rate` of the words of four letters
 * or more, one inner letter is dropped, swapped with the next or doubled. The same seed gives the
 * same copy, so training stays reproducible. */
export function withTypos(text: string, seed: string, rate: number): string {
  let state = 0;
  for (const c of seed) state = (Math.imul(state, 31) + c.charCodeAt(0)) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return text.replace(/\p{L}{4,}/gu, (word) => {
    if (next() >= rate) return word;
    const i = 1 + Math.floor(next() * (word.length - 2));
    const kind = next();
    if (kind < 0.4) return word.slice(0, i) + word.slice(i + 1);
    if (kind < 0.8) return word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
    return word.slice(0, i) + word[i]! + word.slice(i);
  });
}
