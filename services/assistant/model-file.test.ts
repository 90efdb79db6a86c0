import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { train, predict } from './classifier';
import type { IntentModelFile } from './intent';

// The shipped model (scripts/train.ts writes it): small enough to load with the side panel, and with
// a fitted "unsure" line that flags some messages without flagging most.
const url = new URL('./model/intent-model.json', import.meta.url);
const file = JSON.parse(readFileSync(url, 'utf8')) as IntentModelFile;

describe('shipped intent model', () => {
  it('stays under 350 KB', () => {
    expect(readFileSync(url).length).toBeLessThan(350_000);
  });
  it('has an unsure line that flags between 2% and 25% of cross-validated messages', () => {
    expect(file.fusion.unsureBelow).toBeGreaterThan(0.3);
    expect(file.fusion.unsureBelow).toBeLessThan(0.99);
    expect(file.dev.unsureShare).toBeGreaterThanOrEqual(0.02);
    expect(file.dev.unsureShare).toBeLessThanOrEqual(0.25);
    // Measured on batches no rule was written from (honest, so below the old in-sample 98%): the
    // flagged messages are the ones it gets wrong more often.
    expect(file.dev.accuracyWhenSure).toBeGreaterThanOrEqual(0.92);
    expect(file.dev.accuracyWhenSure).toBeGreaterThan(file.dev.freshAccuracy!);
  });
});

describe('linear model training', () => {
  it('learns a class from a feature shared by its examples and drops features seen too rarely', () => {
    const docs = [
      ...['a', 'b', 'c', 'd'].map((x) => ({ feats: ['s:late', `w:${x}`], label: 'complaint' })),
      ...['e', 'f', 'g', 'h'].map((x) => ({ feats: ['s:thank', `w:${x}`], label: 'thanks' })),
    ];
    const model = train(docs, ['complaint', 'thanks'], {
      epochs: 400,
      learningRate: 3,
      l2: 0.0001,
      minCount: 2,
    });
    expect(Object.keys(model.weights).sort()).toEqual(['s:late', 's:thank']);
    expect(predict(model, ['s:late', 'w:z'])[0]).toBeGreaterThan(0.9);
    expect(predict(model, ['s:thank'])[1]).toBeGreaterThan(0.9);
  });
});
