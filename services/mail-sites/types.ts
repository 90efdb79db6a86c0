// The thread as read from a mail page. Everything here is untrusted mail content: it is data to
// show as text and to analyse, never markup to inject and never an instruction to follow.

export type MailSite = 'gmail' | 'outlook';

export interface MailAddress {
  name: string;
  email: string;
}

export interface ThreadMessage {
  /** Site's own message id where the page exposes one, else a stable index-based id. */
  id: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  /** ISO 8601 with the offset the page shows (or UTC when the page gives no zone); null if unreadable. */
  date: string | null;
  /** New text of this message: quoted history and signature removed. */
  text: string;
  /** Quoted history found in the message (earlier messages repeated), kept apart. */
  quoted: string;
  signature: string;
  /** True when the sender is the mailbox owner (the user), false for the customer or others. */
  fromUser: boolean;
  /** Collapsed in the page: only a snippet was readable. */
  collapsed: boolean;
}

export interface ThreadSnapshot {
  site: MailSite;
  /** Gmail: legacy hex thread id. Outlook: the item id from the URL. */
  threadId: string;
  url: string;
  subject: string;
  messages: ThreadMessage[];
  /** The signed-in user's address when the page shows it. */
  userEmail: string | null;
  /** Wall-clock time the snapshot was taken (ms since epoch). */
  readAt: number;
}

/** Why a page could not be read; the side panel says so in plain words and offers pasting. */
export type ReadProblem =
  { kind: 'no-thread' } | { kind: 'loading' } | { kind: 'not-understood'; missing: string[] };

export type ReadResult = { ok: true; snapshot: ThreadSnapshot } | { ok: false; problem: ReadProblem };

/** One adapter per mail UI (InboxSDK's driver idea): reads the page, finds the reply editor. */
export interface MailSiteAdapter {
  site: MailSite;
  /** Reads the open thread from `doc`. Pure with respect to the page: never modifies it. */
  readThread(doc: Document, url: string): ReadResult;
  /** The element holding the open (visible) thread, or null: what the watcher observes. */
  threadRoot(doc: Document): Element | null;
  /**
   * A cheap key of what the open thread shows (subject, message ids, count, expanded state, bodies
   * present): equal keys mean a re-read would return the same thread, so it is skipped.
   */
  fingerprint(doc: Document, url: string): string;
  /** Opens the site's own reply (or reply-all) editor for the open thread and resolves with it. */
  openReplyEditor(doc: Document, mode: 'reply' | 'replyAll'): Promise<HTMLElement>;
  /** Where the Assist button goes (the thread toolbar), or null while no thread is open. */
  assistButtonAnchor(doc: Document): Element | null;
}
