import { describe, expect, it } from 'vitest';
import { commitmentsIn } from './commitments';
import { DECISIONS, isKnownVariable, placeholderFor, renderTemplate, templateVariables } from './templates';
import { seedTemplates } from './seed-templates';
import { INTENTS } from './types';

describe('renderTemplate', () => {
  it('fills values and marks missing ones with a placeholder in the draft language', () => {
    const r = renderTemplate(
      'Hola {{customer.firstName}}, tu pedido {{order.ref}} sale hoy.',
      { 'customer.firstName': 'Ana' },
      'es',
    );
    expect(r.text).toBe('Hola Ana, tu pedido [número de pedido] sale hoy.');
    expect(r.missing).toEqual(['order.ref']);
    expect(r.segments).toEqual([
      { kind: 'text', text: 'Hola ' },
      { kind: 'value', name: 'customer.firstName', text: 'Ana' },
      { kind: 'text', text: ', tu pedido ' },
      { kind: 'missing', name: 'order.ref', text: '[número de pedido]' },
      { kind: 'text', text: ' sale hoy.' },
    ]);
    expect(renderTemplate('Order {{order.ref}}', {}, 'en').text).toBe('Order [order number]');
  });
  it('never prints template markers, even from values or unknown names', () => {
    const r = renderTemplate(
      'Hi {{customer.firstName}} {{ mystery }} {{',
      { 'customer.firstName': '{{signature}}' },
      'en',
    );
    expect(r.text).toBe('Hi {{signature}} [mystery] ');
    expect(r.missing).toEqual(['mystery']);
    expect(renderTemplate('{{signature}}', { signature: '   ' }, 'en').missing).toEqual(['signature']);
  });
  it('lists variables and placeholders', () => {
    expect(templateVariables('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
    expect(placeholderFor('slots', 'es')).toBe('[horarios disponibles]');
  });
});

describe('seed templates', () => {
  const seeds = seedTemplates(1);
  it('cover every intent × language × tone', () => {
    for (const intent of INTENTS)
      for (const language of ['es', 'en'] as const)
        for (const tone of ['formal', 'friendly'] as const)
          expect(
            seeds.some((t) => t.intent === intent && t.language === language && t.tone === tone),
            `${intent}/${language}/${tone}`,
          ).toBe(true);
    expect(new Set(seeds.map((t) => t.id)).size).toBe(seeds.length);
  });
  it('use only known variables, "usted" when formal and "tú" when friendly in Spanish', () => {
    for (const t of seeds) {
      for (const v of templateVariables(t.body)) expect(isKnownVariable(v), `${t.id}: ${v}`).toBe(true);
      expect(t.builtIn).toBe(true);
      if (t.language === 'es' && t.tone === 'formal')
        expect(t.body, t.id).not.toMatch(/\b(tu|te|tienes|dime)\b/);
      if (t.language === 'es' && t.tone === 'friendly')
        expect(t.body, t.id).not.toMatch(/\b(usted|su pedido|le confirmaremos)\b/);
    }
  });
  it('promise refunds only where the template declares it', () => {
    for (const t of seeds) {
      const promises = /reembolso de|refund of/i.test(t.body);
      expect(promises, t.id).toBe((t.commitments ?? []).includes('refund'));
    }
  });
  it('commit the business to nothing unless they announce a decision the user picks', () => {
    for (const t of seeds) {
      const said = commitmentsIn(t.body).map((c) => c.kind);
      if (t.decision) expect(t.commitments ?? [], t.id).toEqual(t.decision === 'decline' ? [] : [t.decision]);
      else expect(said, t.id).toEqual([]);
    }
    for (const decision of DECISIONS)
      for (const language of ['es', 'en'] as const)
        expect(seeds.filter((t) => t.decision === decision && t.language === language)).toHaveLength(2);
  });
});
