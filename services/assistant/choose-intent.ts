import type { Analysis, Intent } from './types';
import { sameSource } from './analyse';

/**
 * The analysis as if the reader had been sure of `intent`: the user's one-click choice when the
 * reader said it was unsure. The chosen intent leads (confidence 1); what the reader found otherwise
 * stays behind it, so drafting still sees a second intent.
 */
export function withChosenIntent(analysis: Analysis, intent: Intent): Analysis {
  const rest = analysis.intents.filter((i) => i.intent !== intent && i.intent !== 'other');
  return sameSource(analysis, {
    ...analysis,
    intents: [{ intent, confidence: 1 }, ...rest],
    secondaryIntent: analysis.secondaryIntent === intent ? null : (analysis.secondaryIntent ?? null),
    uncertain: false,
    uncertainReason: undefined,
  });
}
