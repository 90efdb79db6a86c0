import { describe, expect, it } from 'vitest';
import { durationFrom, proposalsFrom } from './proposals';

const now = Date.parse('2026-11-27T10:00:00+01:00');

describe('proposalsFrom', () => {
  it('turns sure times into instants and bare days into uncertain whole days, dropping the past', () => {
    const proposals = proposalsFrom(
      [
        {
          text: 'el martes a las 10',
          start: '2026-12-01T10:00:00.000+01:00',
          day: '2026-12-01',
          timeCertain: true,
          zone: 'Europe/Madrid',
        },
        {
          text: 'el jueves',
          start: '2026-12-03T12:00:00.000+01:00',
          day: '2026-12-03',
          timeCertain: false,
          zone: 'Europe/Madrid',
        },
        {
          text: 'ayer a las 9',
          start: '2026-11-26T09:00:00.000+01:00',
          day: '2026-11-26',
          timeCertain: true,
          zone: 'Europe/Madrid',
        },
        {
          text: 'de 16 a 18',
          start: '2026-12-02T16:00:00.000+01:00',
          end: '2026-12-02T18:00:00.000+01:00',
          day: '2026-12-02',
          timeCertain: true,
          zone: 'Europe/Madrid',
        },
      ],
      now,
    );
    expect(proposals).toEqual([
      { start: Date.parse('2026-12-01T09:00:00Z') },
      { start: Date.parse('2026-12-02T23:00:00Z'), end: Date.parse('2026-12-03T23:00:00Z'), uncertain: true },
      { start: Date.parse('2026-12-02T15:00:00Z'), end: Date.parse('2026-12-02T17:00:00Z') },
    ]);
  });
});

describe('durationFrom', () => {
  it('reads durations in both languages', () => {
    expect(durationFrom('una reunión de 45 minutos')).toBe(45);
    expect(durationFrom('¿Tendría media hora el martes?')).toBe(30);
    expect(durationFrom('could we meet for an hour')).toBe(60);
    expect(durationFrom('about 2 hours')).toBe(120);
    expect(durationFrom('call me at 5')).toBeNull();
    expect(durationFrom('30 horas')).toBeNull();
  });
});
