import { describe, expect, it } from 'vitest';
import { analyseThread } from './analyse';
import { draftReplies } from './drafting';
import { seedTemplates } from './seed-templates';
import { message, thread } from './testing-fixtures';

// Drafts that fit the mail (#12 items 4 and 7): a mail asking two things gets a reply that answers
// both, an ironic or plain complaint never gets a thank-you, and a customer accepting an offered
// time gets that time confirmed first. Wording of its own, not from the training sets.
const NOW = Date.parse('2026-04-15T10:00:00+02:00');
const templates = seedTemplates(NOW);
const context = { businessName: 'Tienda Sol', managerName: 'Marta Ruiz' };
const analyse = (text: string, previous?: string) =>
  analyseThread(
    thread([
      ...(previous
        ? [message({ id: 'b1', text: previous, fromUser: true, date: '2026-04-14T09:00:00+02:00' })]
        : []),
      message({ id: 'c1', text, date: '2026-04-15T09:30:00+02:00' }),
    ]),
    NOW,
    { timeZone: 'Europe/Madrid' },
  );

describe('two intents in one mail', () => {
  it('answers a complaint and the refund it asks for in one draft, first', () => {
    const a = analyse(
      'La batidora llegó con la jarra rajada y no hay forma de que encaje la tapa. Quiero que me devolváis el dinero.',
    );
    expect(a.intents[0]!.intent).toBe('complaint');
    expect(a.secondaryIntent).toBe('cancellation');
    const drafts = draftReplies(a, templates, context);
    const both = drafts[0]!;
    expect(both.answers).toEqual(['complaint', 'cancellation']);
    // The complaint's apology and the refund request's acknowledgement are both there.
    const complaint = templates.find((t) => t.id === both.templateId.split('+')[0])!;
    const refund = templates.find((t) => t.id === both.templateId.split('+')[1])!;
    expect(complaint.intent).toBe('complaint');
    expect(refund.intent).toBe('cancellation');
    expect(both.text).toMatch(/disculpa|siento|lamentamos/i);
    expect(both.text.length).toBeGreaterThan(drafts[drafts.length - 1]!.text.length * 0.9);
    // It still promises nothing.
    expect(both.commitments).toEqual([]);
    expect(drafts.length).toBeLessThanOrEqual(3);
  });
  it('answers a thank-you with a question in it: the thanks and the question', () => {
    const a = analyse(
      'Thanks a million for squeezing us in on Saturday, the cake was a hit. One thing: do you deliver to Brighton?',
    );
    expect(a.intents.map((i) => i.intent)).toContain('question');
    const both = draftReplies(a, templates, context).find((d) => d.answers);
    expect(both).toBeDefined();
    expect(both!.answers).toContain('question');
    expect(both!.answers).toContain('thanks');
    // The question's answer placeholder is in the reply, so the question is not ignored.
    expect(both!.missing).toContain('answer');
  });
});

describe('never a thank-you for a complaint', () => {
  it('offers no thank-you draft for an ironic complaint that opens with thanks', () => {
    const a = analyse('Gracias, de verdad, por el "envío en 24 horas": diez días y el paquete sin aparecer.');
    expect(a.intents[0]!.intent).not.toBe('thanks');
    expect(a.ironic).toBe(true);
    for (const d of draftReplies(a, templates, context)) {
      expect(d.intent).not.toBe('thanks');
      expect(d.answers ?? []).not.toContain('thanks');
    }
  });
  it('offers no thank-you draft for a cancellation that ends with thanks for everything', () => {
    const a = analyse(
      'Please close our account at the end of the month, we are moving suppliers.\n\nThanks for everything.',
    );
    expect(a.intents[0]!.intent).toBe('cancellation');
    for (const d of draftReplies(a, templates, context)) expect(d.intent).not.toBe('thanks');
  });
});

describe('an accepted time', () => {
  it('leads with a confirmation of the time the customer accepted', () => {
    const a = analyse(
      'El jueves a las cinco nos cuadra perfecto, allí estaremos.',
      'Podemos el jueves 16 a las 17:00 o el viernes 17 a las 10:00.',
    );
    expect(a.acceptedTime?.start).toBe('2026-04-16T17:00:00+02:00');
    const [first] = draftReplies(a, templates, context);
    expect(first!.confirmsTime).toBe(true);
    expect(first!.intent).toBe('meeting_request');
    expect(first!.text).toMatch(/16 de abril de 2026.*17:00/);
    expect(first!.missing).toEqual([]);
  });
  it('confirms an English acceptance in English', () => {
    const a = analyse(
      'Thursday 4pm is great for us, see you then.',
      'We could do Thursday at 4pm or Friday at 11am.',
    );
    const [first] = draftReplies(a, templates, context);
    expect(first!.confirmsTime).toBe(true);
    expect(first!.language).toBe('en');
    expect(first!.text).toMatch(/16 April 2026/);
  });
  it('does not take a customer proposing alternatives for an acceptance', () => {
    const es = analyse(
      '¿Podríamos vernos el martes a las 10 o el jueves por la tarde? Nos vendría bien en la tienda.',
    );
    expect(es.acceptedTime ?? null).toBeNull();
    expect(draftReplies(es, templates, context)[0]!.confirmsTime).toBeUndefined();
    const en = analyse(
      'Could we talk on Thursday at 9am, or failing that Friday morning? A video call is fine.',
    );
    expect(en.acceptedTime ?? null).toBeNull();
  });
  it('does not add a second question to a chase whose only question is its own form', () => {
    const a = analyse('Could you tell me where order 7781 is? It was due on Monday.');
    expect(a.intents[0]!.intent).toBe('order_status');
    expect(draftReplies(a, templates, context)[0]!.missing).not.toContain('answer');
  });
});
