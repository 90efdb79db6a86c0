import type { Scored, Scores } from './intent-rules';
import { INTENTS } from './types';

// How the rule evidence and the model's probabilities are combined into one calibrated distribution.
// The numbers live in the model file; scripts/train.ts fits them on cross-validated predictions.

export interface Fusion {
  ruleWeight: number;
  /** The rules' weight on short mail (fewer than `shortBelow` words), where the model has little to go
   * on; absent in older model files (then `ruleWeight`). */
  shortRuleWeight?: number;
  shortBelow?: number;
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
  words = Infinity,
  damp: Partial<Record<Scored, number>> = {},
): number[] {
  const rw = words < (f.shortBelow ?? 0) ? (f.shortRuleWeight ?? f.ruleWeight) : f.ruleWeight;
  const z = INTENTS.map((intent) => {
    const rule = intent === 'other' ? f.otherScore + (scores.other ?? 0) : scores[intent as Scored];
    const k = classes.indexOf(intent);
    const pm = k >= 0 ? modelProbs[k]! : 1e-6;
    const d = intent === 'other' ? 1 : (damp[intent as Scored] ?? 1);
    return (rw * rule + f.modelWeight * Math.log(Math.max(pm, 1e-6))) / f.temperature + Math.log(d);
  });
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
