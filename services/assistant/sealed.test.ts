import { describe, expect, it } from 'vitest';
import es from '../../tests/eval/sealed/es.json';
import en from '../../tests/eval/sealed/en.json';
import { parseEvalSet, runEval } from './evaluate';

// A floor on the sealed test set (tests/eval/sealed, written by a separate session from the issue's
// list of variants, without access to the rules or the training set). This test only scores: nobody
// reads the set's messages or its misses to change the rules or the model. The floors sit a little
// under the figures of the single measured run reported in the README (2026-12-01); raise them when a
// new measured run is reported, never lower them to make a change pass.
// Second run (6ba7f64): es 78.4 / 100 / 87.8 / 92.9 %, en 82.9 / 98.3 / 83.1 / 84.4 %.
// Third run (89e3857): es 81.9 / 100 / 89.0 / 92.9 %, en 87.2 / 98.3 / 88.9 / 87.5 %.
// Sixth run (451b96c): es 87.9 / 100 / 90.1 / 91.4 %, en 89.7 / 98.3 / 88.9 / 87.5 %.
// Seventh run (b8f7f09): es 87.9 / 100 / 91.4 / 91.4 %, en 88.9 / 98.3 / 87.7 / 89.1 %.
// Eighth run (8ec82d8): es 90.5 / 100 / 91.4 / 91.4 %, en 89.7 / 98.3 / 90.6 / 90.6 %.
// Ninth run (5060a9e): es 91.4 / 100 / 91.4 / 91.4 %, en 91.5 / 98.3 / 90.6 / 90.6 %.
const FLOORS = {
  es: { intentAccuracy: 0.9, languageAccuracy: 0.98, datePrecision: 0.9, dateRecall: 0.9 },
  en: { intentAccuracy: 0.9, languageAccuracy: 0.96, datePrecision: 0.89, dateRecall: 0.89 },
} as const;

describe('sealed test set', () => {
  const report = runEval(parseEvalSet([...es, ...en]));
  it('holds at least 100 messages per language', () => {
    expect(report.languages.es!.n).toBeGreaterThanOrEqual(100);
    expect(report.languages.en!.n).toBeGreaterThanOrEqual(100);
  });
  for (const lang of ['es', 'en'] as const)
    it(`keeps the measured floor in ${lang}`, () => {
      const got = report.languages[lang]!;
      for (const [key, floor] of Object.entries(FLOORS[lang]))
        expect(got[key as keyof typeof got], `${lang} ${key}`).toBeGreaterThanOrEqual(floor);
    });
});
