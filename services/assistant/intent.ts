import { predict, type LinearModel } from './classifier';
import { features, prepare, type Prepared } from './features';
import { fuse, type Fusion } from './fusion';
import { PRIORITY, ruleReading, type Scored } from './intent-rules';
import type { Lang } from './language-data';
import { detectLanguage } from './language';
import modelFile from './model/intent-model.json';
import { INTENTS, type Intent, type IntentScore } from './types';

// The intent of a customer's own words: the rule lexicon (intent-rules.ts) and a small linear model
// over stems and character n-grams (classifier.ts, trained by scripts/train.ts on the training set
// only) vote together. How much each counts, the temperature that turns the vote into a confidence and
// the confidence under which the reader says it is unsure were all fitted on cross-validated
// development predictions, never set by hand (see the model file's `fusion` and `dev` fields).

export type { Fusion };

export interface IntentModelFile {
  model: LinearModel;
  fusion: Fusion;
  dev: Record<string, number>;
}

const MODEL = modelFile as IntentModelFile;

export interface IntentReading {
  /** Best first, with calibrated confidences; never empty. */
  intents: IntentScore[];
  secondary: Intent | null;
  uncertain: boolean;
  /** Praise read as irony: never answer with a thank-you. */
  ironic: boolean;
  /** The customer accepts a time. */
  accepts: boolean;
}

export interface ReadOptions {
  /** The customer's previous message, read only when the latest says too little ("??"). */
  context?: string;
  language?: string;
}

function toLang(language: string | undefined, text: string): Lang {
  if (language === 'es' || language === 'en') return language;
  const guess = detectLanguage(text).language;
  return guess === 'es' ? 'es' : 'en';
}

/** Rules and model on one prepared text: the raw parts train.ts fits the fusion on. */
export function readParts(p: Prepared, model: LinearModel = MODEL.model) {
  const rules = ruleReading(p);
  return { rules, modelProbs: predict(model, features(p)) };
}

const round = (x: number) => Math.round(x * 100) / 100;

export function readIntent(text: string, options: ReadOptions = {}): IntentReading {
  const lang = toLang(options.language, text);
  const p = prepare(text, lang);
  const { rules, modelProbs } = readParts(p);
  const scores = { ...rules.scores };
  let probs = modelProbs;
  const ruleTop = Math.max(...PRIORITY.map((i) => scores[i]));
  // Too little to go on: a couple of words without a clear cue ("??", "any news?"), or no cue and no
  // clear model reading. Then the earlier text is read with it.
  const thin = p.tokens.length < 3 && ruleTop < 1.5;
  const vague = ruleTop < 1 && Math.max(...modelProbs) < 0.6;
  if (options.context && (thin || vague)) {
    const earlier = readParts(prepare(options.context, toLang(undefined, options.context)));
    for (const i of PRIORITY) scores[i] += earlier.rules.scores[i] * 0.7;
    // A couple of words asking again ("??", "any news?") chase the earlier text: its model reading
    // stands. Anything else (an emoji, "ok") is read with it, averaged.
    probs =
      thin && text.includes('?') ? earlier.modelProbs : probs.map((v, k) => (v + earlier.modelProbs[k]!) / 2);
  }
  const fused = fuse(scores, probs, MODEL.fusion, MODEL.model.classes, p.tokens.length, rules.damp);
  const ranked = INTENTS.map((intent, k) => ({ intent, p: fused[k]! })).sort(
    (a, b) => b.p - a.p || rank(a.intent) - rank(b.intent),
  );
  const best = ranked[0]!;
  const intents: IntentScore[] = [{ intent: best.intent, confidence: round(best.p) }];
  // A second intent is one the mail also asks for, with evidence of its own ("llegó roto... quiero la
  // devolución"): either the fused vote leaves room for it or the lexicon finds a clear cue. Its
  // confidence is how sure the reader is that it is asked too, not the chance it is the main one.
  const second = ranked.slice(1).find(
    (r) =>
      r.intent !== 'other' &&
      scores[r.intent as Scored] >= 0.9 &&
      (r.p >= MODEL.fusion.secondaryAbove || scores[r.intent as Scored] >= 1.2) &&
      // A question mark is mostly the form of the main request: a second question needs more.
      (r.intent !== 'question' || scores.question >= 2),
  );
  const secondary = second && !(second.intent === 'thanks' && rules.ironic) ? second.intent : null;
  if (second && secondary)
    intents.push({
      intent: second.intent,
      // Never above the main intent's: the list is best first.
      confidence: round(
        Math.min(best.p, Math.max(second.p, 1 - Math.exp(-scores[second.intent as Scored] / 1.5))),
      ),
    });
  for (const r of ranked.slice(1, 3))
    if (r.p >= 0.15 && !intents.some((i) => i.intent === r.intent))
      intents.push({ intent: r.intent, confidence: round(r.p) });
  return {
    intents,
    secondary,
    uncertain: best.p < MODEL.fusion.unsureBelow || p.tokens.length === 0,
    ironic: rules.ironic,
    accepts: rules.accepts,
  };
}

function rank(intent: Intent): number {
  const i = PRIORITY.indexOf(intent as Scored);
  return i < 0 ? PRIORITY.length : i;
}

/** Intents of a customer's own words, best first, with confidences (see readIntent for the rest). */
export function classifyIntents(text: string, context?: string, language?: string): IntentScore[] {
  return readIntent(text, { context, language }).intents;
}

/** Rule evidence per intent for one piece of text (summary.ts picks the sentences that carry it). */
export function intentScores(text: string, language?: string): Record<Scored, number> {
  return ruleReading(prepare(text, toLang(language, text))).scores;
}
