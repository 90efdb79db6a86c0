import { BodyCache } from './body-cache';
import type { AdapterOptions } from './gmail';
import { openSiteEditor } from './insert';
import { OUTLOOK, OUTLOOK_ITEM_PARAM, OUTLOOK_LABELS, OUTLOOK_URL_ID } from './outlook.selectors';
import {
  browserZone,
  elementText,
  findEmail,
  parseAddress,
  parseAddressList,
  parseMailDate,
  splitBody,
  type Classify,
  type SplitBody,
} from './text';
import type { MailAddress, MailSiteAdapter, ReadResult, ThreadMessage } from './types';
import { elementKey, firstShown, isShown } from './visible';
import { EMAIL_SOURCE } from '../email-address';

// Outlook web's DOM driver (outlook.office.com, outlook.live.com, …): roles and aria labels only.

type MessageRead = { ok: true; message: ThreadMessage } | { ok: false; missing?: string; loading?: true };

export function createOutlookAdapter(options: AdapterOptions = {}): MailSiteAdapter {
  const zone = options.zone ?? browserZone;
  const now = options.now ?? Date.now;
  const editorTimeoutMs = options.editorTimeoutMs ?? 5000;
  const ours = options.ours ?? (() => new Set<string>());
  const bodies = new BodyCache();

  const classify: Classify = (el) =>
    el.matches(OUTLOOK.quoteStart)
      ? 'quote-start'
      : el.matches(OUTLOOK.quote)
        ? 'quoted'
        : el.matches(OUTLOOK.signature)
          ? 'signature'
          : null;

  const parseBody = (body: Element) => splitBody(body, classify);

  /** The reading pane the user sees (an earlier one may linger in the page, hidden). */
  function readingPane(doc: Document): Element | null {
    return firstShown(doc.querySelectorAll(OUTLOOK.readingPane));
  }

  /**
   * The conversation's messages: by their (localised) label, else, in a UI language not listed,
   * as the largest element around each time stamp that holds no other time stamp.
   */
  function messagesOf(pane: Element): Element[] {
    const labelled = Array.from(pane.querySelectorAll(OUTLOOK.message));
    if (labelled.length > 0) return labelled;
    const stamps = Array.from(pane.querySelectorAll(OUTLOOK.date));
    return stamps.flatMap((stamp) => {
      let el: Element = stamp;
      while (el.parentElement && el.parentElement !== pane) {
        const parent: Element = el.parentElement;
        if (parent.querySelectorAll(OUTLOOK.date).length > 1) break;
        el = parent;
      }
      return el.querySelector(OUTLOOK.from) || el.querySelector(OUTLOOK.addressLabel) ? [el] : [];
    });
  }

  /** Sender element: "From: …" in a listed language, else the first "Label: Name <address>". */
  function senderElement(message: Element): Element | null {
    return (
      message.querySelector(OUTLOOK.from) ??
      Array.from(message.querySelectorAll(OUTLOOK.addressLabel)).find((el) => {
        const label = el.getAttribute('aria-label') ?? '';
        const recipients = [...OUTLOOK_LABELS.to, ...OUTLOOK_LABELS.cc];
        return ADDRESS_LABEL.test(label) && !recipients.some((p) => label.startsWith(p));
      }) ??
      null
    );
  }

  function threadIdFrom(doc: Document, url: string): string | null {
    const parsed = new URL(url);
    const fromPath = OUTLOOK_URL_ID.exec(parsed.pathname)?.[1];
    if (fromPath) return safeDecode(fromPath);
    const fromQuery = parsed.searchParams.get(OUTLOOK_ITEM_PARAM);
    if (fromQuery) return fromQuery;
    return doc.querySelector(OUTLOOK.selectedOption)?.getAttribute('data-convid') ?? null;
  }

  function userEmail(doc: Document): string | null {
    for (const el of Array.from(doc.querySelectorAll(OUTLOOK.account))) {
      const found = findEmail(el.getAttribute('aria-label')) ?? findEmail(el.textContent);
      if (found) return found;
    }
    return null;
  }

  /** Order in which Outlook's UI language writes numeric dates. */
  function dateOrder(doc: Document): 'mdy' | 'dmy' {
    return /^en-us$/i.test(doc.documentElement.lang || '') ? 'mdy' : 'dmy';
  }

  function bodyOf(message: Element): Element | null {
    return (
      Array.from(message.querySelectorAll(OUTLOOK.body)).find(
        (el) => el.getAttribute('contenteditable') !== 'true',
      ) ?? null
    );
  }

  function readMessage(el: Element, index: number, ctx: ReadContext): MessageRead {
    const senderEl = senderElement(el);
    if (!senderEl) return { ok: false, missing: 'sender (aria-label "From: …")' };
    const from = senderOf(senderEl, OUTLOOK_LABELS.from);
    const dateEl = el.querySelector(OUTLOOK.date);
    const date = parseMailDate(dateEl?.getAttribute('title') || dateEl?.textContent, {
      zone: ctx.zone,
      order: ctx.order,
      now: ctx.now,
    });
    const body = bodyOf(el);
    const collapsed =
      !body &&
      (el.getAttribute('aria-expanded') === 'false' ||
        el.querySelector(OUTLOOK.collapsedToggle) !== null ||
        el.closest(OUTLOOK.collapsedToggle) !== null);
    if (!body && !collapsed) return { ok: false, loading: true };

    let content: SplitBody;
    let to: MailAddress[] = [];
    let cc: MailAddress[] = [];
    // Outlook shows no per-message id; sender + time is stable while newer messages are added on top.
    const id = date ? `${from.email}|${date}` : `${ctx.threadId}#${index}`;
    if (body) {
      content = bodies.get(id, body, parseBody);
      to = listOf(el.querySelector(OUTLOOK.to), OUTLOOK_LABELS.to);
      cc = listOf(el.querySelector(OUTLOOK.cc), OUTLOOK_LABELS.cc);
    } else {
      content = { text: snippetOf(el, [senderEl, dateEl]), quoted: '', signature: '' };
    }
    const fromUser = ctx.us.has(from.email);
    return {
      ok: true,
      message: { id, from, to, cc, date, ...content, fromUser, collapsed },
    };
  }

  function readThread(doc: Document, url: string): ReadResult {
    const pane = readingPane(doc);
    if (!pane) {
      return doc.querySelector(OUTLOOK.app)
        ? { ok: false, problem: { kind: 'no-thread' } }
        : notUnderstood(['reading pane ([data-app-section=ConversationContainer])']);
    }
    const subjectEl = pane.querySelector(OUTLOOK.subject);
    const messageEls = messagesOf(pane);
    if (!subjectEl) {
      if (messageEls.length > 0) return notUnderstood(['subject ([role=heading][aria-level=2])']);
      return pane.querySelector(OUTLOOK.loading)
        ? { ok: false, problem: { kind: 'loading' } }
        : { ok: false, problem: { kind: 'no-thread' } };
    }
    if (messageEls.length === 0) {
      // A spinner means the messages are coming; without one they are there in a shape (or a
      // language) the adapter does not know, and waiting would say "loading" forever.
      return pane.querySelector(OUTLOOK.loading)
        ? { ok: false, problem: { kind: 'loading' } }
        : notUnderstood(['messages (aria-label "Email message")']);
    }
    const threadId = threadIdFrom(doc, url);
    if (!threadId) return notUnderstood(['item id (URL /id/… or [data-convid])']);

    const user = userEmail(doc);
    const us = new Set(ours());
    if (user) us.add(user);
    const ctx: ReadContext = { zone: zone(), order: dateOrder(doc), now: now(), user, us, threadId };
    const reads = messageEls.map((el, i) => readMessage(el, i, ctx));
    const missing = new Set(reads.flatMap((r) => (!r.ok && r.missing ? [r.missing] : [])));
    if (missing.size > 0) return notUnderstood([...missing]);
    if (reads.some((r) => !r.ok)) return { ok: false, problem: { kind: 'loading' } };
    const messages = chronological(reads.flatMap((r) => (r.ok ? [r.message] : [])));
    return {
      ok: true,
      snapshot: {
        site: 'outlook',
        threadId,
        url,
        subject: (subjectEl.textContent ?? '').replace(/\s+/g, ' ').trim(),
        messages,
        userEmail: ctx.user,
        readAt: ctx.now,
      },
    };
  }

  /** Only the reply box of the reading pane the user sees: never a draft of another thread. */
  function findEditor(doc: Document): HTMLElement | null {
    const pane = readingPane(doc);
    return pane ? firstShown(pane.querySelectorAll<HTMLElement>(OUTLOOK.editor)) : null;
  }

  /**
   * The Reply control of the newest message (Outlook lists newest first by default), found by
   * name; in a UI language not listed, by position: Reply and Reply all lead the pane's toolbar.
   */
  function replyControl(doc: Document, mode: 'reply' | 'replyAll'): Element | null {
    const pane = readingPane(doc);
    if (!pane) return null;
    const names: readonly string[] = OUTLOOK_LABELS[mode];
    const matches = (el: Element) =>
      names.includes((el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '').trim());
    const inPane = Array.from(pane.querySelectorAll(OUTLOOK.button)).filter(
      (el) => matches(el) && isShown(el),
    );
    if (inPane.length > 0) {
      const options = { zone: zone(), order: dateOrder(doc), now: now() };
      let newest: Element | undefined;
      let newestTime = -Infinity;
      for (const el of messagesOf(pane)) {
        const dateEl = el.querySelector(OUTLOOK.date);
        const iso = parseMailDate(dateEl?.getAttribute('title') || dateEl?.textContent, options);
        const time = iso ? Date.parse(iso) : -Infinity;
        if (time >= newestTime) [newest, newestTime] = [el, time];
      }
      return inPane.find((b) => newest?.contains(b)) ?? inPane[0] ?? null;
    }
    const toolbar = firstShown(pane.querySelectorAll(OUTLOOK.toolbar));
    const buttons = toolbar ? Array.from(toolbar.querySelectorAll(OUTLOOK.button)) : [];
    return buttons[mode === 'reply' ? 0 : 1] ?? null;
  }

  function fingerprint(doc: Document, url: string): string {
    const pane = readingPane(doc);
    if (!pane) return `none\u0000${url}\u0000${doc.querySelector(OUTLOOK.app) ? 1 : 0}`;
    const parts = [url, elementKey(pane), pane.querySelector(OUTLOOK.subject)?.textContent ?? '-'];
    for (const el of messagesOf(pane)) {
      const body = bodyOf(el);
      parts.push(
        senderElement(el)?.getAttribute('aria-label') ?? '',
        el.querySelector(OUTLOOK.date)?.textContent ?? '',
        body ? String(elementKey(body)) : '-',
      );
    }
    parts.push(pane.querySelector(OUTLOOK.loading) ? 'spinner' : '');
    return parts.join('\u0000');
  }

  return {
    site: 'outlook',
    readThread,
    threadRoot: readingPane,
    fingerprint,
    openReplyEditor(doc, mode) {
      return openSiteEditor(doc, {
        name: 'Outlook',
        findEditor: () => findEditor(doc),
        replyControl: () => replyControl(doc, mode),
        timeoutMs: editorTimeoutMs,
      });
    },
    assistButtonAnchor(doc) {
      const pane = readingPane(doc);
      if (!pane || !pane.querySelector(OUTLOOK.subject)) return null;
      return (
        pane.querySelector(OUTLOOK.toolbar) ?? pane.querySelector(OUTLOOK.subject)?.parentElement ?? null
      );
    },
  };
}

/** "Label: Name <address>" in any language. */
const ADDRESS_LABEL = new RegExp(`^[^:<>@]{1,20}:\\s*[^<>]*<${EMAIL_SOURCE}>`, 'u');

interface ReadContext {
  zone: string;
  order: 'mdy' | 'dmy';
  now: number;
  user: string | null;
  /** Every address that is the business's (the signed-in account included). */
  us: ReadonlySet<string>;
  threadId: string;
}

/** Oldest first, as the analysis expects; DOM order when a date could not be read. */
function chronological(messages: ThreadMessage[]): ThreadMessage[] {
  if (messages.some((m) => m.date === null)) return messages;
  return messages
    .map((m, i) => ({ m, i, t: Date.parse(m.date!) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ m }) => m);
}

function stripLabel(label: string, prefixes: readonly string[]): string {
  const prefix = prefixes.find((p) => label.startsWith(p));
  return prefix ? label.slice(prefix.length).trim() : label.trim();
}

function senderOf(el: Element, prefixes: readonly string[]): MailAddress {
  const parsed = parseAddress(stripLabel(el.getAttribute('aria-label') ?? '', prefixes));
  if (parsed.email) return parsed;
  // Some builds label only the name; the address is then in the title or the visible text.
  const email = findEmail(el.getAttribute('title')) ?? findEmail(el.textContent);
  return { name: parsed.name, email: email ?? '' };
}

function listOf(el: Element | null, prefixes: readonly string[]): MailAddress[] {
  return el ? parseAddressList(stripLabel(el.getAttribute('aria-label') ?? '', prefixes)) : [];
}

/** A collapsed item shows sender, time and a one-line preview: the preview is what is left. */
function snippetOf(el: Element, header: (Element | null)[]): string {
  const parts: string[] = [];
  const walk = (node: Element) => {
    for (const child of Array.from(node.children)) {
      if (header.includes(child) || child.matches('button, [role="toolbar"]')) continue;
      if (header.some((h) => h && child.contains(h))) walk(child);
      else {
        const text = elementText(child);
        if (text) parts.push(text);
      }
    }
  };
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function notUnderstood(missing: string[]): ReadResult {
  return { ok: false, problem: { kind: 'not-understood', missing } };
}
