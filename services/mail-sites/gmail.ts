import { BodyCache } from './body-cache';
import { GMAIL, GMAIL_HASH_THREAD, GMAIL_LABELS, GMAIL_RECIPIENT_ROW } from './gmail.selectors';
import { openSiteEditor } from './insert';
import { elementKey, firstShown, isShown } from './visible';
import {
  browserZone,
  elementText,
  findEmail,
  parseAddress,
  parseMailDate,
  splitBody,
  type Classify,
  type SplitBody,
} from './text';
import type { MailAddress, MailSiteAdapter, ReadResult, ThreadMessage } from './types';

// Gmail's DOM driver: reads the open conversation from the page the user sees.

export interface AdapterOptions {
  /** Zone of the printed dates (default: the browser's). Tests pin it. */
  zone?: () => string;
  /** Clock for "today"/"yesterday" dates and `readAt`. */
  now?: () => number;
  /** How long to wait for the reply editor after pressing Reply (ms). */
  editorTimeoutMs?: number;
  /**
   * The business's own addresses beyond the page's signed-in account (manager, aliases, learnt
   * ones), lower-case: a message from any of them is ours, not the customer's.
   */
  ours?: () => ReadonlySet<string>;
}

type MessageRead = { ok: true; message: ThreadMessage } | { ok: false; missing?: string; loading?: true };

export function createGmailAdapter(options: AdapterOptions = {}): MailSiteAdapter {
  const zone = options.zone ?? browserZone;
  const now = options.now ?? Date.now;
  const editorTimeoutMs = options.editorTimeoutMs ?? 5000;
  const ours = options.ours ?? (() => new Set<string>());
  const bodies = new BodyCache();

  const classify: Classify = (el) =>
    el.matches(GMAIL.quote) ? 'quoted' : el.matches(GMAIL.signature) ? 'signature' : null;
  const parseBody = (body: Element) => splitBody(body, classify);

  function openSubject(doc: Document): HTMLElement | null {
    return firstShown(doc.querySelectorAll<HTMLElement>(GMAIL.subject));
  }

  /**
   * The smallest ancestor of the subject that also holds the messages, never one that holds
   * another thread's subject too: while the open thread is still being drawn, climbing further
   * would take a hidden earlier thread's messages for this one's.
   */
  function conversationRoot(subject: Element): Element | null {
    for (let el = subject.parentElement; el; el = el.parentElement) {
      if (el.querySelectorAll(GMAIL.subject).length > 1) return null;
      if (el.querySelector(GMAIL.messageItem) || el.querySelector(GMAIL.messageFallback)) return el;
    }
    return null;
  }

  function threadRoot(doc: Document): Element | null {
    const subject = openSubject(doc);
    return subject ? conversationRoot(subject) : null;
  }

  function messageElements(root: ParentNode): Element[] {
    const items = Array.from(root.querySelectorAll(GMAIL.messageItem));
    return items.length > 0 ? items : Array.from(root.querySelectorAll(GMAIL.messageFallback));
  }

  function userEmail(doc: Document): string | null {
    // The title is "<view or subject> - <address> - Gmail": the address is the last part that is one
    // (a subject can contain an address too).
    const fromTitle = doc.title
      .split(' - ')
      .reverse()
      .map((part) => part.trim())
      .find((part) => findEmail(part) === part.toLowerCase());
    return (
      fromTitle?.toLowerCase() ?? findEmail(doc.querySelector(GMAIL.account)?.getAttribute('aria-label'))
    );
  }

  function messageIdOf(item: Element, index: number): string {
    const idHolder = item.matches(GMAIL.messageId) ? item : item.querySelector(GMAIL.messageId);
    return (
      idHolder?.getAttribute(GMAIL.legacyMessageIdAttr) ||
      idHolder?.getAttribute(GMAIL.messageIdAttr)?.replace(/^#/, '') ||
      `gmail-${index}`
    );
  }

  function readMessage(
    item: Element,
    index: number,
    us: ReadonlySet<string>,
    clock: { zone: string; now: number },
  ): MessageRead {
    const hidden = GMAIL.hiddenClasses.some((c) => item.classList.contains(c));
    const collapsed = hidden || item.classList.contains(GMAIL.collapsedClass);
    const id = messageIdOf(item, index);

    // Only collapsed headers may fall back to any [email] span: in an expanded message that would
    // pick a recipient and misattribute the message.
    const senderEl =
      item.querySelector(GMAIL.sender) ?? (collapsed ? item.querySelector(GMAIL.senderAny) : null);
    if (!senderEl && !hidden) return { ok: false, missing: 'sender (span.gD[email])' };
    const from: MailAddress = senderEl
      ? {
          name: senderEl.getAttribute('name') ?? '',
          email: (senderEl.getAttribute('email') ?? '').toLowerCase(),
        }
      : { name: '', email: '' };
    const dateTitle = item.querySelector(GMAIL.date)?.getAttribute('title') ?? null;
    const date = parseMailDate(dateTitle, clock);

    let content: SplitBody;
    let to: MailAddress[] = [];
    let cc: MailAddress[] = [];
    if (collapsed) {
      const snippet = item.querySelector(GMAIL.snippet);
      content = { text: snippet ? elementText(snippet) : '', quoted: '', signature: '' };
    } else {
      const body = item.querySelector(GMAIL.body);
      if (!body) return { ok: false, loading: true };
      content = bodies.get(id, body, parseBody);
      ({ to, cc } = recipients(item, senderEl));
    }
    const fromUser = us.has(from.email);
    return { ok: true, message: { id, from, to, cc, date, ...content, fromUser, collapsed } };
  }

  function recipients(item: Element, senderEl: Element | null): { to: MailAddress[]; cc: MailAddress[] } {
    const to: MailAddress[] = [];
    const cc: MailAddress[] = [];
    const rows = Array.from(item.querySelectorAll(GMAIL.recipientRows));
    if (rows.length > 0) {
      for (const row of rows) {
        const label = (row.firstElementChild?.textContent ?? '').trim().toLowerCase();
        const target = GMAIL_RECIPIENT_ROW.cc.test(label)
          ? cc
          : GMAIL_RECIPIENT_ROW.to.test(label)
            ? to
            : null;
        if (!target) continue;
        for (const span of Array.from(row.querySelectorAll(GMAIL.senderAny))) target.push(addressOf(span));
      }
      if (to.length + cc.length > 0) return { to, cc };
    }
    for (const span of Array.from(item.querySelectorAll(GMAIL.recipients))) {
      if (span === senderEl) continue;
      const holder = span.hasAttribute('email') ? span : span.querySelector('[email]');
      if (holder) to.push(addressOf(holder));
    }
    return { to, cc };
  }

  function readThread(doc: Document, url: string): ReadResult {
    if (!doc.querySelector(GMAIL.main)) return notUnderstood(['main view (div[role=main])']);
    const subject = openSubject(doc);
    const hashThread = GMAIL_HASH_THREAD.exec(new URL(url).hash)?.[1] ?? null;
    if (!subject) {
      const main = doc.querySelector(GMAIL.main)!;
      if (messageElements(main).length > 0) return notUnderstood(['subject (h2.hP)']);
      return hashThread
        ? { ok: false, problem: { kind: 'loading' } }
        : { ok: false, problem: { kind: 'no-thread' } };
    }
    const perm = subject.getAttribute(GMAIL.permThreadIdAttr);
    const threadId =
      subject.getAttribute(GMAIL.legacyThreadIdAttr) ||
      (perm && perm !== 'undefined' ? perm.replace(/^#?thread-f:/, '') : '') ||
      hashThread;
    if (!threadId) return notUnderstood(['thread id (h2.hP[data-legacy-thread-id])']);
    const root = conversationRoot(subject);
    if (!root) return { ok: false, problem: { kind: 'loading' } };

    const user = userEmail(doc);
    const us = new Set(ours());
    if (user) us.add(user);
    // Once per read: resolving the browser's zone costs more than reading a message.
    const clock = { zone: zone(), now: now() };
    const messages: ThreadMessage[] = [];
    const missing = new Set<string>();
    let loading = false;
    messageElements(root).forEach((item, index) => {
      const read = readMessage(item, index, us, clock);
      if (read.ok) messages.push(read.message);
      else if (read.loading) loading = true;
      else if (read.missing) missing.add(read.missing);
    });
    if (missing.size > 0) return notUnderstood([...missing]);
    if (loading || messages.length === 0) return { ok: false, problem: { kind: 'loading' } };
    return {
      ok: true,
      snapshot: {
        site: 'gmail',
        threadId,
        url,
        subject: (subject.textContent ?? '').replace(/\s+/g, ' ').trim(),
        messages,
        userEmail: user,
        readAt: now(),
      },
    };
  }

  /**
   * The reply box of the thread the user sees, and only that one: a draft open in a hidden earlier
   * thread or a compose window to someone else is another customer's mail.
   */
  function findEditor(doc: Document): HTMLElement | null {
    const root = threadRoot(doc);
    return root ? firstShown(root.querySelectorAll<HTMLElement>(GMAIL.editor)) : null;
  }

  function replyControl(doc: Document, mode: 'reply' | 'replyAll'): Element | null {
    const root = threadRoot(doc);
    if (!root) return null;
    const links = Array.from(
      root.querySelectorAll(mode === 'reply' ? GMAIL.replyLink : GMAIL.replyAllLink),
    ).filter(isShown);
    if (links.length > 0) return links.at(-1) ?? null;
    const names: readonly string[] = GMAIL_LABELS[mode];
    const labelled = Array.from(root.querySelectorAll(GMAIL.labelled)).filter((el) => {
      const name = (el.getAttribute('aria-label') ?? el.getAttribute('data-tooltip') ?? '').trim();
      return names.includes(name) && isShown(el);
    });
    return labelled.at(-1) ?? null;
  }

  function fingerprint(doc: Document, url: string): string {
    const subject = openSubject(doc);
    const root = subject ? conversationRoot(subject) : null;
    if (!subject || !root) return `none\u0000${url}\u0000${doc.querySelector(GMAIL.main) ? 1 : 0}`;
    const parts = [
      url,
      elementKey(root),
      subject.getAttribute(GMAIL.legacyThreadIdAttr) ?? '',
      subject.textContent ?? '',
    ];
    messageElements(root).forEach((item, index) => {
      const body = item.querySelector(GMAIL.body);
      parts.push(messageIdOf(item, index), item.className, body ? String(elementKey(body)) : '-');
    });
    return parts.join('\u0000');
  }

  return {
    site: 'gmail',
    readThread,
    threadRoot,
    fingerprint,
    openReplyEditor(doc, mode) {
      return openSiteEditor(doc, {
        name: 'Gmail',
        findEditor: () => findEditor(doc),
        replyControl: () => replyControl(doc, mode),
        timeoutMs: editorTimeoutMs,
      });
    },
    assistButtonAnchor(doc) {
      const subject = openSubject(doc);
      if (!subject) return null;
      return firstShown(doc.querySelectorAll(GMAIL.toolbar)) ?? subject.parentElement;
    },
  };
}

function addressOf(el: Element): MailAddress {
  const email = (el.getAttribute('email') ?? '').toLowerCase();
  const name = el.getAttribute('name') ?? el.textContent?.trim() ?? '';
  return email ? { name, email } : parseAddress(name);
}

function notUnderstood(missing: string[]): ReadResult {
  return { ok: false, problem: { kind: 'not-understood', missing } };
}
