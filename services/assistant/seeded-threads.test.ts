// The demo's seeded threads (what a new user sees first) are understood as a careful assistant would:
// the right intent, language and facts, and a best draft in the customer's language without
// template markers.
import { describe, expect, it } from 'vitest';
import { SEED_THREADS, MAILBOX, senderOf, type SeedThread } from '../../sandbox/seed/threads';
import type { ThreadSnapshot } from '../mail-sites/types';
import { analyseThread } from './analyse';
import { draftReplies } from './drafting';
import { seedTemplates } from './seed-templates';

function snapshotOf(t: SeedThread): ThreadSnapshot {
  return {
    site: 'gmail',
    threadId: t.gmailId,
    url: `https://mail.google.com/mail/u/0/#inbox/${t.gmailId}`,
    subject: t.subject,
    userEmail: MAILBOX.email,
    readAt: Date.parse(t.messages.at(-1)!.date) + 60_000,
    messages: t.messages.map((m, i) => {
      const from = senderOf(t, m);
      return {
        id: `m${i}`,
        from,
        to: [],
        cc: [],
        date: m.date,
        text: m.text,
        quoted: '',
        signature: m.signature ?? '',
        fromUser: from.email === MAILBOX.email,
        collapsed: false,
      };
    }),
  };
}

const EXPECTED: Record<string, { intents: string[]; facts?: RegExp[] }> = {
  'late-delivery': { intents: ['complaint', 'cancellation'], facts: [/48213/, /156[.,]40/] },
  'damaged-legal': { intents: ['complaint'], facts: [/FL-20931/] },
  'meeting-es': { intents: ['meeting_request'] },
  'meeting-en': { intents: ['meeting_request'] },
  'order-status': { intents: ['order_status'] },
  cancellation: { intents: ['cancellation'] },
  thanks: { intents: ['thanks'] },
  angry: { intents: ['complaint', 'order_status'], facts: [/50112/, /212/] },
  // A billing error (a charge added twice) to sort out before paying: a complaint, or a question.
  invoice: { intents: ['complaint', 'question'], facts: [/INV-2026-0117/] },
};

describe('seeded demo threads', () => {
  for (const thread of SEED_THREADS.filter((t) => EXPECTED[t.key])) {
    it(`${thread.key}: intent, language, facts and a clean draft`, () => {
      const expected = EXPECTED[thread.key]!;
      const snapshot = snapshotOf(thread);
      const analysis = analyseThread(snapshot, snapshot.readAt, { timeZone: 'Europe/Madrid' });
      expect(expected.intents).toContain(analysis.intents[0]!.intent);
      expect(analysis.language).toBe(thread.language);
      const facts = JSON.stringify(analysis.facts);
      for (const pattern of expected.facts ?? []) expect(facts).toMatch(pattern);
      const [best] = draftReplies(analysis, seedTemplates(), {
        businessName: 'Ferretería López',
        managerName: 'María López',
      });
      expect(best!.language).toBe(thread.language);
      expect(best!.text).not.toMatch(/\{\{|\}\}/);
    });
  }
});
