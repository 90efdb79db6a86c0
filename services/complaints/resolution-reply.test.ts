import { describe, expect, it } from 'vitest';
import { makeComplaint } from './test-helpers';
import { resolutionReply } from './resolution-reply';

const profile = {
  tone: 'formal' as const,
  signature: 'María López\nFerretería López',
  businessName: 'Ferretería López',
  managerName: 'María López',
};

describe('the reply proposed on resolving', () => {
  it('tells a Spanish customer the resolution in Spanish, with the reference and our signature', () => {
    const c = makeComplaint({
      orderRef: '48213',
      resolution: 'Le hemos enviado un taladro nuevo; llega el jueves.',
    });
    const { language, text } = resolutionReply(c, profile);
    expect(language).toBe('es');
    expect(text).toBe(
      [
        'Estimado/a Lucía Pérez:',
        '',
        'Le escribimos sobre su reclamación «Pedido roto» (pedido 48213).',
        'Le hemos enviado un taladro nuevo; llega el jueves.',
        '',
        'Si necesita algo más, puede responder a este mismo correo.',
        '',
        'Un saludo,',
        'María López\nFerretería López',
      ].join('\n'),
    );
  });

  it('uses tú with a friendly tone and English for other customers', () => {
    const friendly = resolutionReply(makeComplaint({ resolution: 'Reembolso hecho.' }), {
      ...profile,
      tone: 'friendly',
    });
    expect(friendly.text).toMatch(/^Hola, Lucía:\n\nTe escribimos sobre tu reclamación/);
    const en = resolutionReply(
      makeComplaint({
        language: 'en',
        customerName: 'Tom Baker',
        subject: 'Late parcel',
        resolution: 'Refund sent.',
      }),
      profile,
    );
    expect(en.language).toBe('en');
    expect(en.text).toContain(
      'Dear Tom Baker,\n\nWe are writing about your complaint "Late parcel".\nRefund sent.',
    );
  });
});
