// Every selector the Gmail adapter uses, in one place. Gmail's class names are obfuscated but
// have been stable for years (InboxSDK and gmail.js rely on the same ones); where an attribute or
// role exists it is preferred. Checked against the saved pages in tests/fixtures/gmail (2026-11).
// When Gmail changes its markup, this file and the fixtures are what change.

export const GMAIL = {
  /** The app's main column; present on every signed-in Gmail view (list, thread, settings). */
  main: 'div[role="main"]',
  /** Open thread's subject. Gmail keeps earlier threads hidden in the DOM, so visibility is checked. */
  subject: 'h2.hP',
  /** On the subject: the hex thread id the Gmail API uses. */
  legacyThreadIdAttr: 'data-legacy-thread-id',
  /** On the subject: "thread-f:…" id; Gmail sometimes writes the string "undefined" here. */
  permThreadIdAttr: 'data-thread-perm-id',
  /**
   * One message of the conversation, by view state (InboxSDK's getViewState):
   * `.h7` expanded, `.kv` collapsed (header + snippet), `.kQ`/`.kx` folded away behind
   * "N older messages".
   */
  messageItem: '.h7, .kv, .kQ, .kx',
  collapsedClass: 'kv',
  hiddenClasses: ['kQ', 'kx'],
  /** Older markup / print view: message blocks without the view-state wrapper. */
  messageFallback: 'div.adn[data-message-id]',
  /** Inside a message: `div.adn` (expanded) / `div.adf` (collapsed) with the message ids. */
  messageId: '[data-message-id]',
  legacyMessageIdAttr: 'data-legacy-message-id',
  messageIdAttr: 'data-message-id',
  /** Sender of an expanded message: `span.gD` carries `email` and `name` attributes. */
  sender: 'span.gD[email]',
  /** Sender in a collapsed header (`span.zF`/`span.yP` also carry `email`). */
  senderAny: 'span[email]',
  /** Recipients line "to me, Ana" of an expanded message. */
  recipients: 'span.g2',
  /** The details popup (hidden table) with "to:" / "cc:" rows when Gmail has rendered it. */
  recipientRows: 'table.ajC tr',
  /** Date: its `title` holds the full date in the user's locale ("lun, 23 nov 2026, 9:12"). */
  date: 'span.g3[title]',
  /** Body of an expanded message; absent while Gmail is still fetching it. */
  body: 'div.a3s',
  /** Snippet of a collapsed message. */
  snippet: '.iA.g6',
  /** Quoted history Gmail (and clients that copy its markup) put in replies. */
  quote: '.gmail_quote, blockquote',
  /** Signature blocks Gmail inserts for its users. */
  signature: '.gmail_signature, [data-smartmail="gmail_signature"]',
  /** Thread toolbar (archive, spam, delete…) above the open conversation. */
  toolbar: 'div[gh="mtb"]',
  /** Reply links under the last message ("Reply" / "Reply all"). */
  replyLink: 'span.ams.bkH[role="link"]',
  replyAllLink: 'span.ams.bkI[role="link"]',
  /** Reply icons in the message header, by accessible name. */
  labelled: '[role="button"][aria-label], [role="link"][aria-label], [data-tooltip]',
  /** The inline reply editor (in `.M9`) or a popped-out compose window (`.AD`). */
  editor: '.M9 div[role="textbox"][contenteditable="true"], .AD div[role="textbox"][contenteditable="true"]',
  /** Account switcher link: aria-label "Google Account: Name (x@y)" / "Cuenta de Google: …". */
  account: 'a[aria-label*="@"]',
} as const;

/**
 * Accessible names of the header reply icons, per UI language (en, es/pt, ca, fr, de, it). Only a
 * fallback: the reply links under the last message are found by class in every language. Names as
 * Gmail's own menus word them; a language whose names differ is added here.
 */
export const GMAIL_LABELS = {
  reply: ['Reply', 'Responder', 'Respon', 'Répondre', 'Antworten', 'Rispondi'],
  replyAll: [
    'Reply all',
    'Responder a todos',
    'Respon a tots',
    'Répondre à tous',
    'Allen antworten',
    'Rispondi a tutti',
  ],
} as const;

/**
 * First cell of the rows in a message's details table ("to:", "para:", "à :", "an:", "a:",
 * "per a:" / "cc:"), lower-cased, per UI language.
 */
export const GMAIL_RECIPIENT_ROW = {
  to: /^(?:to|para|per a|a|à|an)\s*:/,
  cc: /^c\.?c\.?\s*:/,
} as const;

/** Thread ids in the URL hash: "#inbox/FMfcgz…", "#label/Clientes/FMfc…", "#search/q/…". */
export const GMAIL_HASH_THREAD = /^#(?:[^/]+\/)+([A-Za-z0-9_-]{16,})$/;
