import { describe, expect, it } from 'vitest';
import { analyseThread } from './analyse';
import { decisionDraft, draftReplies } from './drafting';
import { commitmentsIn } from './commitments';
import { findCondition } from './conditions';
import { seedTemplates } from './seed-templates';
import type { Template } from './templates';
import { message, thread } from './testing-fixtures';

const complaintEs = analyseThread(
  thread([message({ text: 'El pedido 4512 llegó roto. Es inaceptable, quiero una solución.' })]),
  undefined,
  { timeZone: 'Europe/Madrid' },
);

describe('draftReplies', () => {
  it('returns 2–3 drafts, best first: intent, then language, then tone', () => {
    const drafts = draftReplies(complaintEs, seedTemplates(1), {
      preferredTone: 'friendly',
      businessName: 'Tienda Sol',
      managerName: 'Marta',
    });
    expect(drafts.length).toBe(3);
    expect(drafts[0]).toMatchObject({ intent: 'complaint', language: 'es', tone: 'friendly' });
    expect(drafts[1]).toMatchObject({ intent: 'complaint', language: 'es', tone: 'formal' });
    expect(drafts[0]!.text).toContain('Hola, María:');
    expect(drafts[0]!.text).toContain('Marta\nTienda Sol');
    expect(drafts[0]!.text).not.toContain('{{');
  });
  it('reports missing variables instead of printing markers', () => {
    const meeting = analyseThread(
      thread([
        message({
          from: { name: '', email: 'x@example.com' },
          text: 'Can we set up a meeting next Tuesday at 3pm?',
        }),
      ]),
      undefined,
      { timeZone: 'Europe/London' },
    );
    const [best] = draftReplies(meeting, seedTemplates(1), { preferredTone: 'formal' });
    expect(best).toMatchObject({ intent: 'meeting_request', language: 'en', tone: 'formal' });
    expect(best!.missing).toEqual(
      expect.arrayContaining(['customer.name', 'manager.name', 'slots', 'signature']),
    );
    expect(best!.text).toContain('[available times]');
    expect(best!.text).not.toMatch(/\{\{|\}\}/);
  });
  it("prefers the business's own template and ranks refund promises after neutral replies", () => {
    const own: Template = {
      id: 'mine',
      name: 'Mi queja',
      language: 'es',
      intent: 'complaint',
      tone: 'friendly',
      body: 'Hola {{customer.firstName}}, lo siento mucho.',
      updatedAt: 2,
      builtIn: false,
    };
    expect(
      draftReplies(complaintEs, [...seedTemplates(1), own], { preferredTone: 'friendly' })[0]!.templateId,
    ).toBe('mine');
    const cancel = analyseThread(thread([message({ text: 'Quiero cancelar el pedido 51230.' })]), undefined, {
      timeZone: 'Europe/Madrid',
    });
    const ids = draftReplies(cancel, seedTemplates(1), { preferredTone: 'formal' }).map((d) => d.templateId);
    expect(ids[0]).toBe('builtin-cancel-es-formal');
    expect(ids.indexOf('builtin-refund-es-formal')).not.toBe(0);
  });
  it('falls back to a language the templates have', () => {
    const fr = analyseThread(
      thread([
        message({
          text: 'Bonjour, je vous écris parce que je voudrais annuler ma commande, merci de me répondre rapidement.',
        }),
      ]),
      undefined,
      { timeZone: 'Europe/Paris' },
    );
    const drafts = draftReplies(fr, seedTemplates(1), { fallbackLanguage: 'es' });
    expect(drafts[0]!.language).toBe('es');
    expect(drafts.length).toBeGreaterThanOrEqual(2);
  });
});

describe('drafts commit the business to nothing', () => {
  const lateText =
    'Hoy es viernes y sigo sin el pedido. Ya van 17 días.\n\nSi no llega el lunes quiero que me devolváis los 156,40 € y cancelo el pedido 48213.\n\nMarta';
  const late = analyseThread(thread([message({ text: lateText })]), undefined, { timeZone: 'Europe/Madrid' });
  const lateEn = analyseThread(
    thread([
      message({
        from: { name: 'James Whitaker', email: 'j@example.co.uk' },
        text: 'Nobody came to collect the saw from order FL-20931. If the replacement is not here by Friday I want my £389.00 back and I will cancel the order.',
      }),
    ]),
    undefined,
    { timeZone: 'Europe/London' },
  );

  it('answers a conditional refund threat as a condition, in distinct drafts that promise nothing', () => {
    for (const [analysis, text, language] of [
      [late, lateText, 'es'],
      [lateEn, 'If the replacement is not here by Friday I want my £389.00 back', 'en'],
    ] as const) {
      const drafts = draftReplies(analysis, seedTemplates(1), {
        preferredTone: 'formal',
        condition: findCondition(text),
        signature: 'Ferretería López',
      });
      expect(drafts.length).toBe(3);
      expect(drafts[0]!.templateId).toMatch(/^builtin-conditional-/);
      for (const d of drafts) {
        expect(d.language).toBe(language);
        expect(commitmentsIn(d.text), d.templateId).toEqual([]);
        expect(d.commitments).toEqual([]);
      }
      expect(new Set(drafts.map((d) => d.templateName)).size).toBe(drafts.length);
    }
  });

  it('makes a decision reply only when asked, with the amount and order of the thread', () => {
    const refund = decisionDraft(late, seedTemplates(1), 'refund', { preferredTone: 'formal' })!;
    expect(refund.text).toContain('156,40');
    expect(refund.text).toContain('48213');
    expect(refund.commitments).toEqual(['refund']);
    const en = decisionDraft(lateEn, seedTemplates(1), 'refund', { preferredTone: 'friendly' })!;
    expect(en.text).toContain('£389.00');
    expect(en.tone).toBe('friendly');
    const decline = decisionDraft(late, seedTemplates(1), 'decline')!;
    expect(decline.missing).toContain('answer');
    expect(decisionDraft(late, seedTemplates(1), 'replacement')!.language).toBe('es');
    // Never among the default drafts.
    const defaults = draftReplies(late, seedTemplates(1), { condition: findCondition(lateText) });
    expect(defaults.some((d) => d.decision)).toBe(false);
  });

  it('drafts in another language only when the language is unsure, and says so', () => {
    const sure = draftReplies(late, seedTemplates(1));
    expect(sure.every((d) => d.language === 'es' && !d.otherLanguage)).toBe(true);
    const unsure = draftReplies({ ...late, languageConfidence: 0.4 }, seedTemplates(1));
    expect(unsure.at(-1)).toMatchObject({ language: 'en', otherLanguage: true });
    expect(unsure.slice(0, -1).every((d) => d.language === 'es' && !d.otherLanguage)).toBe(true);
  });
});
