import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { assessUrgency } from './urgency';

describe('assessUrgency', () => {
  it('is low for a calm message', () => {
    expect(assessUrgency({ text: '¿Tienen menú sin gluten?' })).toEqual({ signals: [], severity: 'low' });
  });
  it('rates urgent words, repeats, legal threats and shouting', () => {
    expect(assessUrgency({ text: 'Please send it ASAP.' }).severity).toBe('medium');
    const repeat = assessUrgency({ text: 'Es la tercera vez que escribo, es urgente.' });
    expect(repeat.signals.map((s) => s.kind).sort()).toEqual(['repeat_contact', 'urgent_word']);
    expect(repeat.severity).toBe('high');
    const legal = assessUrgency({
      text: 'ES LA TERCERA VEZ QUE ESCRIBO. SI NO ME LO DEVOLVEIS IRE A LA OCU!!!',
    });
    expect(legal.signals.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['legal', 'repeat_contact', 'shouting', 'exclamation']),
    );
    expect(legal.severity).toBe('critical');
    expect(assessUrgency({ text: 'I will contact my lawyer.' }).signals[0]!.kind).toBe('legal');
  });
  it('counts a near deadline', () => {
    const sentAt = DateTime.fromISO('2026-03-12T10:00:00+01:00', { setZone: true });
    const u = assessUrgency({
      text: 'Lo necesito antes del viernes.',
      sentAt,
      dates: [
        {
          text: 'viernes',
          start: '2026-03-13T12:00:00+01:00',
          day: '2026-03-13',
          timeCertain: false,
          zone: 'Europe/Madrid',
        },
      ],
    });
    expect(u.signals).toEqual([{ kind: 'deadline', text: 'viernes' }]);
    expect(u.severity).toBe('medium');
  });
});

describe('long waits and cancellation threats', () => {
  it('rates a customer waiting 17 days who threatens to cancel as high', () => {
    const u = assessUrgency({
      text: 'Hoy es viernes y sigo sin el pedido. Ya van 17 días. Si no llega el lunes quiero que me devolváis los 156,40 € y cancelo el pedido.',
    });
    expect(u.signals.map((s) => s.kind).sort()).toEqual(['cancel_threat', 'long_wait']);
    expect(u.severity).toBe('high');
  });

  it('reads waits written in words, in both languages, and ignores short ones', () => {
    expect(assessUrgency({ text: 'Llevo dos semanas esperando la factura.' }).signals[0]).toEqual({
      kind: 'long_wait',
      text: 'llevo dos semanas',
    });
    expect(assessUrgency({ text: "I've been waiting for three weeks for the parts." }).signals[0]?.kind).toBe(
      'long_wait',
    );
    expect(assessUrgency({ text: 'It arrived 10 days late.' }).signals[0]?.kind).toBe('long_wait');
    expect(assessUrgency({ text: 'Llevo dos días esperando.' }).signals).toEqual([]);
    expect(assessUrgency({ text: 'We need it for 3 days in May.' }).signals).toEqual([]);
  });
});
