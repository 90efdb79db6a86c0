import type { Template } from './templates';

// How the library tells a built-in template the user never touched from one they edited: the
// fingerprint of what was seeded. A stored built-in whose fingerprint is one this code ever seeded
// can be replaced by the current text; any other was edited by the business and is kept.

/** FNV-1a (32 bit) of the parts of a template a user can edit, as 8 hex digits. */
export function templateFingerprint(
  t: Pick<Template, 'name' | 'language' | 'intent' | 'tone' | 'body' | 'commitments'>,
): string {
  const text = JSON.stringify([
    t.name,
    t.language,
    t.intent,
    t.tone,
    t.body,
    [...(t.commitments ?? [])].sort(),
  ]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Fingerprints of built-in texts shipped before (ids → fingerprints), for libraries seeded before
 * fingerprints were recorded. Add the old fingerprint here whenever a seed's text changes.
 */
export const EARLIER_SEEDS: Readonly<Record<string, readonly string[]>> = {
  // Texts of the first release (cancellations that said they were already processed, refunds
  // offered beside the neutral replies).
  'builtin-complaint-es-formal': ['49634877'],
  'builtin-complaint-es-friendly': ['1c1fa2e7'],
  'builtin-complaint-en-formal': ['138a08a6'],
  'builtin-complaint-en-friendly': ['15854e0a'],
  'builtin-question-es-formal': ['10a750ec'],
  'builtin-question-es-friendly': ['6c2ba8f6'],
  'builtin-question-en-formal': ['06577955'],
  'builtin-question-en-friendly': ['593bf428'],
  'builtin-meeting-es-formal': ['89b51b2f'],
  'builtin-meeting-es-friendly': ['887cf9b7'],
  'builtin-meeting-en-formal': ['06eb5b90'],
  'builtin-meeting-en-friendly': ['3b276783'],
  'builtin-order-es-formal': ['cd217697'],
  'builtin-order-es-friendly': ['110af5ea'],
  'builtin-order-en-formal': ['f124a016'],
  'builtin-order-en-friendly': ['0b426de3'],
  'builtin-cancel-es-formal': ['f0ef681b'],
  'builtin-cancel-es-friendly': ['101a7761'],
  'builtin-cancel-en-formal': ['f70737c9'],
  'builtin-cancel-en-friendly': ['95e2f4dc'],
  'builtin-refund-es-formal': ['482cc188'],
  'builtin-refund-en-formal': ['b193e3aa'],
  'builtin-thanks-es-formal': ['ab57ecf1'],
  'builtin-thanks-es-friendly': ['c19fcaba'],
  'builtin-thanks-en-formal': ['dadd6f75'],
  'builtin-thanks-en-friendly': ['35a8dd06'],
  'builtin-other-es-formal': ['7c8b671d'],
  'builtin-other-es-friendly': ['a8df6057'],
  'builtin-other-en-formal': ['c02decf8'],
  'builtin-other-en-friendly': ['9be8a88b'],
};
