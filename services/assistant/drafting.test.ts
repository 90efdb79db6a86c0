import { describe, expect, it } from 'vitest';
import { analyseThread } from './analyse';
import { draftReplies } from './drafting';
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
