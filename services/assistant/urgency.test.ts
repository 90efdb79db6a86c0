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
      text: 'Llevo dos semanas',
    });
    expect(assessUrgency({ text: "I've been waiting for three weeks for the parts." }).signals[0]?.kind).toBe(
      'long_wait',
    );
    expect(assessUrgency({ text: 'It arrived 10 days late.' }).signals[0]?.kind).toBe('long_wait');
    expect(assessUrgency({ text: 'Llevo dos días esperando.' }).signals).toEqual([]);
    expect(assessUrgency({ text: 'We need it for 3 days in May.' }).signals).toEqual([]);
  });
});

describe("signals keep the customer's words, threats set the severity", () => {
  it('quotes signals as written: accents and case kept, nothing cut or repeated', () => {
    const u = assessUrgency({
      text: 'Hoy es viernes y sigo sin el pedido. Ya van 17 días.\n\nSi no llega el lunes quiero que me devolváis los 156,40 € y cancelo el pedido.',
    });
    expect(u.signals.map((x) => x.text)).toEqual(['Ya van 17 días', 'me devolváis']);
    const angry = assessUrgency({
      text: 'LLEVO TRES SEMANAS ESPERANDO EL PEDIDO 50112 Y NADIE ME CONTESTA AL TELÉFONO NI AL CORREO.\n\nSI MAÑANA NO TENGO EL PEDIDO O MI DINERO OS DENUNCIO EN CONSUMO Y PONGO UNA RESEÑA EN TODOS LOS SITIOS.',
    });
    const texts = angry.signals.map((x) => x.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'LLEVO TRES SEMANAS',
        'OS DENUNCIO',
        'EN CONSUMO',
        'PONGO UNA RESEÑA',
        'LLEVO TRES SEMANAS ESPERANDO EL PEDIDO 50112 Y NADIE ME CONTESTA AL TELÉFONO NI AL CORREO.',
      ]),
    );
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.every((x) => !x.endsWith('…'))).toBe(true);
    expect(angry.severity).toBe('critical');
  });

  it('rates legal, consumer-office and chargeback threats critical, public reviews at least high', () => {
    const cases: [string, string, string][] = [
      [
        'If the replacement is not here by Friday I will ask my solicitor to write to you.',
        'solicitor',
        'critical',
      ],
      ['Si no me contestáis, lo llevaré a los tribunales.', 'tribunales', 'critical'],
      ['I am reporting you to Trading Standards.', 'Trading Standards', 'critical'],
      ['Pediré la hoja de reclamaciones en la tienda.', 'hoja de reclamaciones', 'critical'],
      ['I will raise a chargeback with my card company.', 'chargeback', 'critical'],
      ['Si no me lo solucionáis haré un contracargo.', 'contracargo', 'critical'],
      ["Otherwise I'll leave a one-star review.", 'leave a one-star review', 'high'],
      ['Si no, dejaré una reseña negativa en Google.', 'dejaré una reseña', 'high'],
    ];
    for (const [text, words, severity] of cases) {
      const u = assessUrgency({ text });
      expect(
        u.signals.map((x) => x.text),
        text,
      ).toContain(words);
      expect(u.severity, text).toBe(severity);
    }
    // Words that only look like threats.
    expect(assessUrgency({ text: 'Could we meet to review the winter stock order?' }).signals).toEqual([]);
    expect(
      assessUrgency({ text: 'Hay mucha demanda de este taladro y el consumo es bajo.' }).signals,
    ).toEqual([]);
  });
});
