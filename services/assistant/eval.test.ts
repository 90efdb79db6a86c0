import { describe, expect, it } from 'vitest';
import messages from '../../tests/eval/messages.json';
import { runEval, type EvalMessage } from './evaluate';

// Floors at the level reached on the development set (97% intent accuracy, ~97% date precision);
// a change that loses more than a couple of messages fails here. The held-out set is not used.
describe('eval set', () => {
  const report = runEval(messages as EvalMessage[]);
  it('has enough varied, labelled messages', () => {
    expect(report.total).toBeGreaterThanOrEqual(130);
    expect((messages as EvalMessage[]).filter((m) => m.language === 'es').length * 2).toBeGreaterThanOrEqual(
      report.total,
    );
  });
  it('keeps intent and language accuracy', () => {
    expect(report.intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.intentAccuracyByLanguage.es).toBeGreaterThanOrEqual(0.9);
    expect(report.intentAccuracyByLanguage.en).toBeGreaterThanOrEqual(0.9);
    expect(report.languageAccuracy).toBeGreaterThanOrEqual(0.98);
  });
  it('keeps date precision and recall in both languages', () => {
    for (const lang of ['es', 'en']) {
      expect(report.dates[lang]!.precision, lang).toBeGreaterThanOrEqual(0.9);
      expect(report.dates[lang]!.recall, lang).toBeGreaterThanOrEqual(0.9);
    }
  });
});
