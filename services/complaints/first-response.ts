import type { ThreadSnapshot } from '../mail-sites/types';

// When the business actually answered. The thread reader marks each message `fromUser` when it
// was sent from one of our addresses (the signed-in account, the manager, the profile's aliases and
// the addresses learnt from our own sent replies), so the first response is the first of those
// that comes after the customer wrote — not a click on "Start working", which sends nothing.

export interface ThreadTimes {
  /** The customer's first message in the thread (ms), or null when none has a readable date. */
  receivedAt: number | null;
  /** Our first message sent after it (ms), or null while we have not answered. */
  firstReplyAt: number | null;
}

const dateOf = (iso: string | null): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
};

export function threadTimes(snapshot: Pick<ThreadSnapshot, 'messages'>): ThreadTimes {
  const dated = snapshot.messages
    .map((m) => ({ at: dateOf(m.date), ours: m.fromUser }))
    .filter((m): m is { at: number; ours: boolean } => m.at !== null)
    .sort((a, b) => a.at - b.at);
  const first = dated.find((m) => !m.ours);
  if (!first) return { receivedAt: null, firstReplyAt: null };
  // A message of ours before the customer wrote (our own announcement they answered) is no reply.
  const reply = dated.find((m) => m.ours && m.at >= first.at);
  return { receivedAt: first.at, firstReplyAt: reply?.at ?? null };
}

/**
 * What a complaint learns from its thread: the first response once we have sent one (kept once
 * known: a later read that no longer shows the message does not undo it) and when the customer
 * wrote. Returns only the fields that change.
 */
export function responseFields(
  complaint: { firstResponseAt: number | null; receivedAt?: number | null },
  snapshot: Pick<ThreadSnapshot, 'messages'>,
): { firstResponseAt?: number; receivedAt?: number } {
  const times = threadTimes(snapshot);
  const out: { firstResponseAt?: number; receivedAt?: number } = {};
  if (complaint.firstResponseAt === null && times.firstReplyAt !== null)
    out.firstResponseAt = times.firstReplyAt;
  if ((complaint.receivedAt ?? null) === null && times.receivedAt !== null) out.receivedAt = times.receivedAt;
  return out;
}

/** Where the response time counts from: the customer's message when known, else the logging. */
export function responseStart(c: { createdAt: number; receivedAt?: number | null }): number {
  return c.receivedAt ?? c.createdAt;
}
