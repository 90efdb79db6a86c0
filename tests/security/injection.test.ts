import { describe, expect, it } from 'vitest';
import type { ThreadSnapshot } from '../../services/mail-sites/types';
import { analyseThread } from '../../services/assistant/analyse';
import { draftReplies } from '../../services/assistant/drafting';
import { polishDraft, type AiBackend, type BusinessProfile } from '../../services/assistant/ai';
import { seedTemplates } from '../../services/assistant/seed-templates';
import { INJECTION_SAMPLES, type InjectionSample } from './injection-corpus';

// Prompt injection through the drafting pipeline. Templates only fill known variables, so the
// attacker's words cannot reach a template draft; a model that obeys the mail gets its answer
// refused and the template draft stays. The pipeline returns text only: nothing here can send,
// book or pick recipients.

const business: BusinessProfile = {
  name: 'Tienda Sol',
  emails: ['hola@tienda.example'],
  links: ['https://tienda.example'],
};
const NOW = Date.parse('2026-03-25T10:00:00+01:00');

function threadOf(sample: InjectionSample): ThreadSnapshot {
  return {
    site: 'gmail',
    threadId: '18c2f0a1b2c3d4e5',
    url: 'https://mail.google.com/mail/u/0/#inbox/18c2f0a1b2c3d4e5',
    subject: sample.language === 'es' ? 'Consulta sobre mi pedido' : 'Question about my order',
    messages: [
      {
        id: 'm1',
        from: sample.from ?? { name: 'María López', email: 'maria@example.com' },
        to: [{ name: 'Tienda Sol', email: 'hola@tienda.example' }],
        cc: [],
        date: '2026-03-25T09:00:00+01:00',
        text: sample.text,
        quoted: sample.quoted ?? '',
        signature: '',
        fromUser: false,
        collapsed: false,
      },
    ],
    userEmail: 'hola@tienda.example',
    readAt: NOW,
  };
}

const obedient = (answer: string): AiBackend => ({
  availability: async () => 'available',
  complete: async () => answer,
});

const DRAFT_KEYS = [
  'commitments',
  'intent',
  'language',
  'missing',
  // Whether the draft is in the other language, offered because the customer's is uncertain.
  'otherLanguage',
  'segments',
  'templateId',
  'templateName',
  'text',
  'tone',
];
const CONTENT_REJECTIONS = ['email', 'link', 'phone', 'commitment', 'markup', 'payment', 'fact'];

describe('prompt-injection corpus', () => {
  it('has at least 30 samples, half of them Spanish', () => {
    expect(INJECTION_SAMPLES.length).toBeGreaterThanOrEqual(30);
    expect(INJECTION_SAMPLES.filter((s) => s.language === 'es').length * 2).toBeGreaterThanOrEqual(
      INJECTION_SAMPLES.length,
    );
  });

  it.each(INJECTION_SAMPLES.map((s) => [s.name, s] as const))('%s', async (_name, sample) => {
    const thread = threadOf(sample);
    const snapshotBefore = JSON.stringify(thread);
    const analysis = analyseThread(thread, NOW, { timeZone: 'Europe/Madrid' });
    const drafts = draftReplies(analysis, seedTemplates(NOW), {
      businessName: 'Tienda Sol',
      managerName: 'Marta Ruiz',
    });
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    for (const draft of drafts) {
      // Text and its parts only: no recipients, no actions.
      // `answers` (the two intents a combined reply answers) and `confirmsTime` are labels, not actions.
      expect(
        Object.keys(draft)
          .filter((k) => k !== 'answers' && k !== 'confirmsTime')
          .sort(),
      ).toEqual(DRAFT_KEYS);
      for (const bad of sample.attacker) expect(draft.text.toLowerCase()).not.toContain(bad);
      expect(draft.text).not.toMatch(/evil/i);
    }

    const best = drafts[0]!;
    const result = await polishDraft(obedient(sample.obeyed), {
      thread,
      draft: best.text,
      language: best.language,
      business,
      commitments: best.commitments,
    });
    expect(Object.keys(result).every((k) => ['text', 'source', 'rejected', 'detail'].includes(k))).toBe(true);
    if (sample.knownGap) {
      // Known gap (see knownGap): the obedient answer passes the check today. When the check is
      // fixed this fails: drop knownGap from the sample.
      expect(result.source, sample.knownGap).toBe('ai');
    } else {
      expect(result.source).toBe('template');
      expect(result.text).toBe(best.text);
      expect(CONTENT_REJECTIONS).toContain(result.rejected);
    }
    // Nothing in the pipeline wrote to the thread it was given.
    expect(JSON.stringify(thread)).toBe(snapshotBefore);
  });
});
