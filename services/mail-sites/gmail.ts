import { GMAIL, GMAIL_HASH_THREAD, GMAIL_LABELS } from './gmail.selectors';
import { openSiteEditor } from './insert';
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
}

type MessageRead = { ok: true; message: ThreadMessage } | { ok: false; missing?: string; loading?: true };

export function createGmailAdapter(options: AdapterOptions = {}): MailSiteAdapter {
  const zone = options.zone ?? browserZone;
  const now = options.now ?? Date.now;
  const editorTimeoutMs = options.editorTimeoutMs ?? 5000;

  const classify: Classify = (el) =>
    el.matches(GMAIL.quote) ? 'quoted' : el.matches(GMAIL.signature) ? 'signature' : null;

  function openSubject(doc: Document): HTMLElement | null {
    const subjects = Array.from(doc.querySelectorAll<HTMLElement>(GMAIL.subject));
    return subjects.find((el) => !hiddenByAncestor(el)) ?? null;
  }

  /** The smallest ancestor of the subject that also holds the messages. */
  function conversationRoot(subject: Element): Element | null {
    for (let el = subject.parentElement; el; el = el.parentElement) {
      if (el.querySelector(GMAIL.messageItem) || el.querySelector(GMAIL.messageFallback)) return el;
    }
    return null;
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

  function readMessage(
    item: Element,
    index: number,
    user: string | null,
    clock: { zone: string; now: number },
  ): MessageRead {
    const hidden = GMAIL.hiddenClasses.some((c) => item.classList.contains(c));
    const collapsed = hidden || item.classList.contains(GMAIL.collapsedClass);
    const idHolder = item.matches(GMAIL.messageId) ? item : item.querySelector(GMAIL.messageId);
    const id =
      idHolder?.getAttribute(GMAIL.legacyMessageIdAttr) ||
      idHolder?.getAttribute(GMAIL.messageIdAttr)?.replace(/^#/, '') ||
      `gmail-${index}`;

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
      content = splitBody(body, classify);
      ({ to, cc } = recipients(item, senderEl));
    }
    const fromUser = user !== null && from.email === user;
    return { ok: true, message: { id, from, to, cc, date, ...content, fromUser, collapsed } };
  }

  function recipients(item: Element, senderEl: Element | null): { to: MailAddress[]; cc: MailAddress[] } {
    const to: MailAddress[] = [];
    const cc: MailAddress[] = [];
    const rows = Array.from(item.querySelectorAll(GMAIL.recipientRows));
    if (rows.length > 0) {
      for (const row of rows) {
        const label = (row.firstElementChild?.textContent ?? '').trim().toLowerCase();
        const target = /^cc/.test(label) ? cc : /^(?:to|para)/.test(label) ? to : null;
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
    // Once per read: resolving the browser's zone costs more than reading a message.
    const clock = { zone: zone(), now: now() };
    const messages: ThreadMessage[] = [];
    const missing = new Set<string>();
    let loading = false;
    messageElements(root).forEach((item, index) => {
      const read = readMessage(item, index, user, clock);
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

  function findEditor(doc: Document): HTMLElement | null {
    const subject = openSubject(doc);
    const root = subject ? conversationRoot(subject) : null;
    return (
      (root ?? doc).querySelector<HTMLElement>(GMAIL.editor) ?? doc.querySelector<HTMLElement>(GMAIL.editor)
    );
  }

  function replyControl(doc: Document, mode: 'reply' | 'replyAll'): Element | null {
    const subject = openSubject(doc);
    const root = subject ? conversationRoot(subject) : null;
    if (!root) return null;
    const links = Array.from(root.querySelectorAll(mode === 'reply' ? GMAIL.replyLink : GMAIL.replyAllLink));
    if (links.length > 0) return links.at(-1) ?? null;
    const names: readonly string[] = GMAIL_LABELS[mode];
    const labelled = Array.from(root.querySelectorAll(GMAIL.labelled)).filter((el) => {
      const name = (el.getAttribute('aria-label') ?? el.getAttribute('data-tooltip') ?? '').trim();
      return names.includes(name);
    });
    return labelled.at(-1) ?? null;
  }

  return {
    site: 'gmail',
    readThread,
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
      const toolbars = Array.from(doc.querySelectorAll(GMAIL.toolbar)).filter((el) => !hiddenByAncestor(el));
      return toolbars[0] ?? subject.parentElement;
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

/**
 * Gmail keeps previously opened threads in the DOM, hidden. Only inline markers are checked
 * (no layout: this runs on every page change and must stay cheap and work in saved pages).
 */
export function hiddenByAncestor(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const style = node.getAttribute('style');
    if (style && /display\s*:\s*none/i.test(style)) return true;
  }
  return false;
}
