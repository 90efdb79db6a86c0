import {
  MAILBOX,
  SEED_THREADS,
  recipientsOf,
  senderOf,
  type SeedPerson,
  type SeedThread,
} from '../seed/threads';
import { GMAIL_CLIENT } from './gmail.client';
import { OUTLOOK_CLIENT } from './outlook.client';

// HTML shells of the demo mail pages. The thread data travels as JSON inside a
// <script type="application/json"> (escaped so no mail text can close the tag); each page's own
// small script (gmail.client.ts / outlook.client.ts) renders it with textContent, except the
// hostile thread's raw HTML, which the "site" inserts as markup on purpose.

/** The demo pages' interface languages (the adapters read more; these show it in e2e). */
export const UI_LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** BCP 47 tag each UI language is printed in (Outlook's <html lang> decides its date order). */
const LOCALE: Record<UiLanguage, string> = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', de: 'de-DE' };

/**
 * Another address the demo business sends from (Gmail's "send mail as"), offered in the reply
 * box's From choice, as real Gmail does for a mailbox with aliases.
 */
export const DEMO_ALIAS: SeedPerson = {
  name: 'Ferretería López – Pedidos',
  email: 'pedidos@demo-ferreteria.es',
};

/** What the page scripts receive: one entry per thread, messages oldest first, senders resolved. */
interface PageThread {
  key: string;
  gmailId: string;
  outlookId: string;
  subject: string;
  customer: SeedPerson;
  messages: {
    from: SeedPerson;
    to: SeedPerson[];
    cc: SeedPerson[];
    date: string;
    text: string;
    signature: string;
    table: string[][] | null;
    rawHtml: string | null;
    quote: { from: SeedPerson; to: SeedPerson[]; date: string; text: string } | null;
  }[];
}

function pageThread(thread: SeedThread): PageThread {
  return {
    key: thread.key,
    gmailId: thread.gmailId,
    outlookId: thread.outlookId,
    subject: thread.subject,
    customer: thread.customer,
    messages: thread.messages.map((m, i) => {
      const previous = i > 0 ? thread.messages[i - 1] : undefined;
      return {
        from: senderOf(thread, m),
        to: recipientsOf(thread, m),
        cc: m.cc ?? [],
        date: m.date,
        text: m.text,
        signature: m.signature ?? '',
        table: m.table ?? null,
        rawHtml: m.rawHtml ?? null,
        quote:
          m.quotePrevious && previous
            ? {
                from: senderOf(thread, previous),
                to: recipientsOf(thread, previous),
                date: previous.date,
                text: previous.text,
              }
            : null,
      };
    }),
  };
}

/** JSON safe inside a <script> element: no "<", ">", "&" or line separators survive literally. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function shell(options: { lang: string; title: string; css: string; data: unknown; script: string }): string {
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<style>${options.css}</style>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="seed-data">${scriptJson(options.data)}</script>
<script>${options.script}</script>
</body>
</html>
`;
}

const BASE_CSS = `
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#202124;background:#f6f8fc}
button,[role=button],[role=link],[role=option]{cursor:pointer}
table{border-collapse:collapse}
td,th{padding:2px 6px}
[contenteditable]{min-height:120px;border:1px solid #c4c7c5;border-radius:8px;padding:10px;background:#fff;outline:none}
.demo-note{font-size:12px;color:#5f6368;padding:4px 16px;background:#fef7e0}
`;

const GMAIL_CSS = `${BASE_CSS}
header[role=banner]{display:flex;align-items:center;gap:12px;padding:8px 16px;background:#fff;border-bottom:1px solid #e0e0e0}
header .logo{font-weight:600;font-size:20px;color:#c5221f}
header a.gb_A{margin-left:auto;width:32px;height:32px;border-radius:50%;background:#1a73e8;color:#fff;display:grid;place-items:center;text-decoration:none}
div[role=main]{margin:12px;background:#fff;border-radius:16px;padding:8px 16px;min-height:70vh}
tr.zA td{padding:8px;border-bottom:1px solid #eee}
tr.zA.zE{font-weight:600}
.G-atb{display:flex;gap:8px;padding:6px 0;min-height:32px;align-items:center}
.G-atb [role=button]{padding:4px 10px;border-radius:16px;background:#f1f3f4}
h2.hP{font-size:22px;font-weight:400;margin:8px 0 16px}
.kv,.h7{border-top:1px solid #eee;padding:8px 0}
.kQ{display:none}
.aHU{display:none}
.gb_presence{font-size:10px;color:#188038}
.demo-from{display:block;margin-bottom:6px}
.bAq{color:#188038;padding:4px 0}
.adv{padding:6px;color:#1a73e8}
.gD{font-weight:600}
.gE h3.iw{display:inline;font-size:14px;margin:0}
.gE>[role=button]{float:right;font-size:12px;padding:2px 10px;border:1px solid #c4c7c5;border-radius:12px}
.ajw{color:#5f6368;font-size:12px}
.g3{color:#5f6368;font-size:12px;margin-left:8px}
.iA.g6{color:#5f6368}
.a3s{margin-top:8px}
.gmail_signature{color:#5f6368}
.gmail_quote{color:#5f6368;margin-top:8px}
blockquote.gmail_quote{margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex}
.amn{display:flex;gap:8px;padding:16px 0}
.ams{border:1px solid #747775;border-radius:18px;padding:6px 18px}
.oG{color:#5f6368;font-size:12px}
`;

const OUTLOOK_CSS = `${BASE_CSS}
#O365_NavHeader{display:flex;align-items:center;height:48px;background:#0f6cbd;color:#fff;padding:0 16px}
#O365_NavHeader .brand{font-weight:600}
#O365_HeaderRightRegion{margin-left:auto}
#mectrl_main_body{position:absolute;left:-9999px}
#MainModule{display:grid;grid-template-columns:340px 1fr;gap:8px;padding:8px;height:calc(100vh - 64px)}
[role=listbox]{background:#fff;overflow:auto;border-radius:4px}
[role=option]{padding:10px 12px;border-bottom:1px solid #edebe9}
[role=option][aria-selected=true]{background:#cfe4fa}
.hcL1{display:block;font-weight:600}
.hcL2{display:block;color:#616161;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.rpE7{background:#fff;border-radius:4px;padding:12px 20px;overflow:auto}
[role=heading]{font-size:20px;font-weight:600;margin:4px 0 12px}
[role=toolbar]{display:flex;gap:6px;margin:6px 0}
[role=toolbar] button{border:1px solid #d1d1d1;background:#fff;border-radius:4px;padding:4px 10px}
.mMsg{border:1px solid #edebe9;border-radius:6px;padding:10px 14px;margin-bottom:10px}
.mFrom{font-weight:600}
.mTime{color:#616161;font-size:12px}
.mHdr{color:#616161;font-size:12px}
.mPrev{color:#616161}
#x_Signature{color:#616161}
#x_divRplyFwdMsg{color:#616161;margin-top:6px}
.emptyPane{display:grid;place-items:center;color:#616161;background:#fff}
.hdn4F{display:none}
.presence{font-size:10px;margin-right:8px}
.mSent{color:#107c10;padding:4px 0}
`;

export interface PageOptions {
  ui: UiLanguage;
  /**
   * Background churn: a small element in the header and the open thread's relative time change
   * every `churnMs` (0 = a calm page, the default, so the demo stays quiet).
   */
  churnMs?: number;
}

/** Outlook changes the URL this long after drawing the conversation it opens. */
const OUTLOOK_URL_DELAY_MS = 150;
/** Both sites' reply boxes appear this long after Reply is pressed. */
const EDITOR_DELAY_MS = 120;

function data(options: PageOptions) {
  return {
    ui: options.ui,
    mailbox: MAILBOX,
    aliases: [DEMO_ALIAS],
    churnMs: options.churnMs ?? 0,
    urlDelayMs: OUTLOOK_URL_DELAY_MS,
    editorDelayMs: EDITOR_DELAY_MS,
    threads: SEED_THREADS.map(pageThread),
  };
}

export function gmailPage(options: PageOptions): string {
  return shell({
    lang: options.ui,
    title: 'Gmail',
    css: GMAIL_CSS,
    data: data(options),
    script: GMAIL_CLIENT,
  });
}

export function outlookPage(options: PageOptions): string {
  return shell({
    lang: LOCALE[options.ui],
    title: 'Outlook',
    css: OUTLOOK_CSS,
    data: data(options),
    script: OUTLOOK_CLIENT,
  });
}

/**
 * A page on a mail site's path whose markup the adapters do not know (a redesign, an interstitial):
 * the extension's self-check must say "not understood" here rather than read garbage.
 */
export function unknownMarkupPage(site: 'gmail' | 'outlook'): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${site === 'gmail' ? 'Gmail' : 'Outlook'} (new look)</title></head>
<body>
<div class="app-shell-v9">
  <section class="conv-x1"><h1 class="subj-x1">Re: Your order</h1>
    <article class="msg-x1"><p class="who-x1">Someone &lt;someone@example.com&gt;</p><p>Where is my order?</p></article>
  </section>
</div>
</body>
</html>
`;
}
