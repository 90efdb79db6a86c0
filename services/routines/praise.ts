import { db, type PraiseRecord } from '../db/db';
import type { Analysis } from '../assistant/types';
import type { ThreadSnapshot } from '../mail-sites/types';

// Thanks read in customer threads, kept so the weekly report can say what customers thank us for.
// One record per thread (a thread read again updates it); the quote is the customer's own sentence
// of thanks, shortened, stored and shown only as text.

const QUOTE_MAX = 160;
const THANKS = /gracias|agradec|thank|grateful|appreciat/i;

export function shortQuote(text: string, max = QUOTE_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`;
}

/** The sentence of the customer's own text that says thank you. */
function thanksSentence(text: string): string | undefined {
  return text.split(/(?<=[.!?])\s+|\n+/).find((sentence) => THANKS.test(sentence));
}

/** Records a thanks when the analysis reads one (first or secondary intent); otherwise nothing. */
export async function recordPraise(snapshot: ThreadSnapshot, analysis: Analysis): Promise<boolean> {
  const thanks = analysis.intents[0]?.intent === 'thanks' || analysis.secondaryIntent === 'thanks';
  if (!thanks || !analysis.latestCustomerMessageId) return false;
  const message = snapshot.messages.find((m) => m.id === analysis.latestCustomerMessageId);
  const record: PraiseRecord = {
    id: `${snapshot.site}:${snapshot.threadId}`,
    at: message?.date ? Date.parse(message.date) || snapshot.readAt : snapshot.readAt,
    customerName: analysis.customer.name ?? '',
    customerEmail: analysis.customer.email ?? '',
    quote: shortQuote(thanksSentence(message?.text ?? '') ?? analysis.summary.split('\n')[0] ?? ''),
    language: analysis.language,
  };
  await db.praise.put(record);
  return true;
}

export function praiseBetween(from: number, to: number): Promise<PraiseRecord[]> {
  return db.praise.where('at').between(from, to, true, true).toArray();
}
