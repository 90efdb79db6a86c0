import type { Scored, Scores } from './intent-rules';
import { INTENTS } from './types';

// How the rule evidence and the model's probabilities are combined into one calibrated distribution.
// The numbers live in the model file; scripts/train.ts fits them on cross-validated predictions.

export interface Fusion {
  ruleWeight: number;
  modelWeight: number;
  /** Rule evidence 'other' gets: the level the named intents must beat (plus the evidence of the
   * `other` lexicon: auto-replies, newsletters, job applications, phishing, pitches). */
  otherScore: number;
  temperature: number;
  /** Below this confidence the primary intent is shown as a guess and the user is asked. */
  unsureBelow: number;
  /** A second intent is reported from this probability on (with rule evidence of its own). */
  secondaryAbove: number;
}

/** Fused probabilities in INTENTS order, from rule scores and the model's probabilities. */
export function fuse(
  scores: Scores,
  modelProbs: readonly number[],
  f: Fusion,
  classes: readonly string[],
): number[] {
  const z = INTENTS.map((intent) => {
    const rule = intent === 'other' ? f.otherScore + (scores.other ?? 0) : scores[intent as Scored];
    const k = classes.indexOf(intent);
    const pm = k >= 0 ? modelProbs[k]! : 1e-6;
    return (f.ruleWeight * rule + f.modelWeight * Math.log(Math.max(pm, 1e-6))) / f.temperature;
  });
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
