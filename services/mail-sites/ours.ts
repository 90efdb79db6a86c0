import type { ThreadSnapshot } from './types';
import { isEmailAddress } from '../email-address';

// Who "we" are on a mail page. The page shows the signed-in account only (and Outlook not always);
// the business also writes from its manager's address and from aliases (pedidos@ while signed in
// as hola@). Both lists live in the extension's storage.local, which the content script can read:
// the profile's addresses (mirrored there by the extension's pages, as the profile itself is in
// the extension's IndexedDB) and the addresses learnt from our own sent replies.

export const PROFILE_ADDRESSES_KEY = 'mail:profileAddresses';
export const LEARNED_ADDRESSES_KEY = 'mail:learnedAddresses';
/** Addresses the user removed from the learnt ones (Options): never learnt again. */
export const UNLEARNED_ADDRESSES_KEY = 'mail:unlearnedAddresses';
/** Learnt addresses kept at most (oldest dropped): a mailbox has a handful of aliases. */
const LEARNED_LIMIT = 50;

/** Lower-cased, valid, distinct addresses from whatever a stored value holds. */
export function addressList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const address = item.trim().toLowerCase();
    if (isEmailAddress(address)) out.add(address);
  }
  return [...out];
}

/** Adds newly learnt addresses to a stored list, newest last, bounded. */
export function withLearned(stored: unknown, learnt: string[]): string[] {
  const list = addressList(stored).filter((a) => !learnt.includes(a));
  return [...list, ...addressList(learnt)].slice(-LEARNED_LIMIT);
}

/** What identifies a draft we inserted once it comes back as a sent message: its first words. */
export function draftMark(draft: string): string | null {
  const words = normalise(draft).split(' ').filter(Boolean).slice(0, 12).join(' ');
  return words.length >= 20 ? words : null;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Senders of messages that begin with a draft we inserted on this page: the business sent it, so
 * the address it went from is ours (an alias chosen in the From field). Only the message's own
 * text counts (a customer quoting our reply has it in the quoted part), and only near its start.
 */
export function learnFromSent(
  snapshot: ThreadSnapshot,
  marks: readonly string[],
  known: ReadonlySet<string>,
): string[] {
  if (marks.length === 0) return [];
  const found = new Set<string>();
  for (const message of snapshot.messages) {
    const email = message.from.email;
    if (!email || known.has(email) || message.collapsed) continue;
    const start = normalise(message.text).slice(0, 400);
    if (marks.some((mark) => start.includes(mark))) found.add(email);
  }
  return [...found];
}

/** Who wrote last in the thread: `us` when our reply is the newest message. */
export function lastWriter(snapshot: ThreadSnapshot): 'us' | 'customer' | null {
  const last = snapshot.messages.at(-1);
  return last ? (last.fromUser ? 'us' : 'customer') : null;
}
