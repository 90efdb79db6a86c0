import { describe, expect, it } from 'vitest';
import { dateMatches, parseEvalSet, runEval, zoneOf, type EvalMessage } from './evaluate';
import type { ExtractedDate } from './types';

// The scoring rules of `npm run eval` (README, "Measuring on your own mail"). The figures of the
// training set are not checked here: they are what the rules and the model were fitted on.

const base: EvalMessage = {
  id: 'a',
  lang: 'es',
  subject: '',
  body: '¿Podemos quedar el jueves 16 a las 17:00 para ver el presupuesto?',
  sentAt: '2026-04-15T10:00:00+02:00',
  intent: 'meeting_request',
  dates: [{ text: 'jueves 16 a las 17:00', start: '2026-04-16T17:00' }],
};
const found = (start: string, timeCertain: boolean): ExtractedDate => ({
  text: 'x',
  start,
  day: start.slice(0, 10),
  timeCertain,
  zone: 'UTC+2',
});

describe('labelled-set format', () => {
  it('accepts the documented fields and the issue names of intents', () => {
    const [m] = parseEvalSet([{ ...base, intent: 'cancellation_refund', alt: 'complaint' }]);
    expect(m!.intent).toBe('cancellation_refund');
    expect(() => parseEvalSet([{ ...base, intent: 'refundz' }])).toThrow(/unknown intent/);
    expect(() => parseEvalSet([{ ...base, sentAt: 'yesterday' }])).toThrow(/sentAt/);
    expect(() => parseEvalSet([{ ...base, dates: [{ start: '16/04' }] }])).toThrow(/YYYY-MM-DD/);
    expect(() => parseEvalSet({})).toThrow(/array/);
  });
  it("reads labels at sentAt's offset unless the message names its zone", () => {
    expect(zoneOf(base)).toBe('UTC+2');
    expect(zoneOf({ ...base, zone: 'Europe/Madrid' })).toBe('Europe/Madrid');
  });
  it('matches a timed label to the minute and a date-only label to the day', () => {
    const label = { start: '2026-04-16T17:00' };
    expect(dateMatches(found('2026-04-16T17:00:00+02:00', true), label, 'UTC+2')).toBe(true);
    expect(dateMatches(found('2026-04-16T15:00:00Z', true), label, 'UTC+2')).toBe(true);
    expect(dateMatches(found('2026-04-16T17:30:00+02:00', true), label, 'UTC+2')).toBe(false);
    expect(dateMatches(found('2026-04-16T12:00:00+02:00', false), label, 'UTC+2')).toBe(false);
    expect(dateMatches(found('2026-04-16T09:00:00+02:00', true), { start: '2026-04-16' }, 'UTC+2')).toBe(
      true,
    );
    expect(dateMatches(found('2026-04-17T09:00:00+02:00', true), { start: '2026-04-16' }, 'UTC+2')).toBe(
      false,
    );
  });
  it('scores intent with `alt`, and dates one-to-one, per language', () => {
    const report = runEval([
      base,
      { ...base, id: 'b', intent: 'question', alt: 'meeting_request' },
      { ...base, id: 'c', intent: 'complaint' },
      {
        ...base,
        id: 'd',
        lang: 'en',
        body: 'Where is my parcel? It has not arrived.',
        intent: 'order_status',
        dates: [{ start: '2026-04-20' }],
      },
    ]);
    expect(Object.keys(report.languages).sort()).toEqual(['en', 'es']);
    expect(report.languages.es).toMatchObject({ n: 3, languageAccuracy: 1, datePrecision: 1, dateRecall: 1 });
    expect(report.languages.es!.intentAccuracy).toBeCloseTo(2 / 3);
    expect(report.languages.en).toMatchObject({ n: 1, intentAccuracy: 1, dateRecall: 0 });
    expect(report.misses.map((m) => `${m.id}:${m.kind}`)).toEqual(['c:intent', 'd:date']);
  });
});
