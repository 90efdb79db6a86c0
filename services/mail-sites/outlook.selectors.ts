// Every selector the Outlook web adapter uses, in one place. Outlook (Fluent UI) hashes its class
// names and changes them with each release, so only roles, aria labels, ids and data-* attributes
// are used. Labels are localised, so they are data per UI language (en, es, pt, ca, fr, de, it) and
// the adapter falls back on language-independent hooks (the time stamp's data-testid, the message
// body's id, toolbar positions) where a language is missing. The es/en labels were checked against
// the saved pages in tests/fixtures/outlook (2026-11); the others follow Microsoft's translations of
// the same strings and are to be confirmed on a live page (French puts a space before the colon).

export const OUTLOOK_LABELS = {
  /** `aria-label` of each message of the conversation. */
  message: [
    'Email message',
    'Mensaje de correo electrónico',
    'Mensagem de email',
    'Missatge de correu electrònic',
    'Message électronique',
    'E-Mail-Nachricht',
    'Messaggio di posta elettronica',
  ],
  /** `aria-label` prefix of the sender element: "From: Ana <ana@x.es>". */
  from: ['From:', 'De:', 'De :', 'Von:', 'Da:'],
  to: ['To:', 'Para:', 'Per a:', 'À :', 'An:', 'A:'],
  cc: ['Cc:', 'CC:', 'Cc :'],
  /** `aria-label` of a rendered message body (the compose box starts with the same words). */
  body: [
    'Message body',
    'Cuerpo del mensaje',
    'Corpo da mensagem',
    'Cos del missatge',
    'Corps du message',
    'Nachrichtentext',
    'Corpo del messaggio',
  ],
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

function labelStarts(prefixes: readonly string[]): string {
  return prefixes.map((p) => `[aria-label^="${p}"]`).join(', ');
}

function labelIs(labels: readonly string[]): string {
  return labels.map((l) => `[aria-label="${l}"]`).join(', ');
}

export const OUTLOOK = {
  /** Any part of the Outlook app shell; absent on pages that are not Outlook's mail UI. */
  app: '[data-app-section], [role="listbox"], #app, #MainModule',
  /**
   * The reading pane: `ConversationContainer` in conversation view, `MailReadCompose` when a
   * single message (or a full-page read) is shown.
   */
  readingPane: '[data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"]',
  /** Subject of the open conversation. */
  subject: '[role="heading"][aria-level="2"]',
  /** Each message of the conversation (localised aria-label). */
  message: labelIs(OUTLOOK_LABELS.message),
  /** Sender element: aria-label "From: Name <address>" / "De: …". */
  from: labelStarts(OUTLOOK_LABELS.from),
  to: labelStarts(OUTLOOK_LABELS.to),
  cc: labelStarts(OUTLOOK_LABELS.cc),
  /** Sent/received time; text "Mon 11/23/2026 9:12 AM" / "lun 23/11/2026 9:12", sometimes a title. */
  date: '[data-testid="SentReceivedSavedTime"]',
  /** Rendered body (never the compose box, which also says "Message body" but is editable). */
  body: `[id^="UniqueMessageBody"], ${labelIs(OUTLOOK_LABELS.body)}`,
  /** Collapsed conversation items are toggles with aria-expanded="false". */
  collapsedToggle: '[aria-expanded="false"]',
  /** Outlook's spinners while a message or the pane loads. */
  loading: '[role="progressbar"], .ms-Spinner',
  /**
   * Quoted history. Outlook prefixes ids/classes inside rendered mail with "x_": the reply header
   * `divRplyFwdMsg` (everything from it on is history), `appendonsend`, Gmail's quote class.
   */
  quoteStart: '[id$="divRplyFwdMsg"], [id$="appendonsend"]',
  quote: '.gmail_quote, .x_gmail_quote, blockquote',
  /** Signatures Outlook inserts ("Signature", "x_Signature") and Gmail's, when copied along. */
  signature: '[id^="Signature"], [id^="x_Signature"], .gmail_signature, .x_gmail_signature',
  /** Message list item of the open conversation (fallback thread id). */
  selectedOption: '[role="option"][aria-selected="true"][data-convid]',
  /** Action bars; the first one in the reading pane holds Reply / Reply all / Forward. */
  toolbar: '[role="toolbar"]',
  /** Buttons by accessible name (aria-label or title). */
  button: 'button, [role="button"], [role="menuitem"]',
  /** The compose/reply editor (looked for inside the open reading pane only, in any language). */
  editor: '[role="textbox"][contenteditable="true"]',
  /**
   * Language-independent fallback for the sender: an aria-label shaped "Label: Name <address>";
   * the first one in a message is the sender (Outlook puts From before To and Cc).
   */
  addressLabel: '[aria-label*="@"]',
  /** Signed-in account: the account manager's secondary line holds the address. */
  account:
    '#mectrl_currentAccount_secondary, #O365_MainLink_Me [aria-label*="@"], [role="banner"] [aria-label*="@"]',
} as const;

/**
 * Item id of the open message in the URL: "/mail/inbox/id/<id>", "/mail/0/inbox/id/<id>",
 * "/mail/deeplink/read/<id>", or the deeplink query "?ItemID=<id>".
 */
export const OUTLOOK_URL_ID = /\/mail\/(?:[^?#]*\/)?(?:id|read)\/([^/?#]+)/;
export const OUTLOOK_ITEM_PARAM = 'ItemID';
