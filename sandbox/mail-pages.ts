import type { Route } from './http';
import { sendHtml } from './http';
import { UI_LANGUAGES, gmailPage, outlookPage, unknownMarkupPage, type UiLanguage } from './mail/pages';
import type { SandboxState } from './state';

// The demo mail sites. Gmail: /gmail/ and /gmail/mail/u/<n>/ (threads are hash routes).
// Outlook: /outlook/mail/ and any path below it (/outlook/mail/inbox/id/<id>, /outlook/mail/0/…);
// the page script routes on the path. `?hl=es|fr|de` (Gmail) / `?lang=es|fr|de` (Outlook) switch
// the UI language; `?churn=<ms>` makes the page busy like the real ones (a presence dot and a
// relative time changing every <ms>, 20–5000). /gmail/blank and /outlook/mail/blank carry markup
// no adapter knows (self-check).
const GMAIL_PAGE = /^\/gmail\/(?:mail\/u\/\d+\/?)?$/;
const OUTLOOK_PAGE = /^\/outlook\/mail(?:\/.*)?$/;

function ui(value: string | null): UiLanguage {
  const code = value?.toLowerCase().slice(0, 2);
  return UI_LANGUAGES.find((l) => l === code) ?? 'en';
}

function churn(value: string | null): number {
  const ms = Number(value);
  return Number.isFinite(ms) && ms >= 20 ? Math.min(ms, 5000) : 0;
}

export function mailRoutes(_state: SandboxState): Route {
  return (req, res) => {
    if (req.method !== 'GET') return false;
    const path = req.url.pathname;
    if (path === '/gmail/blank') {
      sendHtml(res, 200, unknownMarkupPage('gmail'));
      return true;
    }
    if (path === '/outlook/mail/blank') {
      sendHtml(res, 200, unknownMarkupPage('outlook'));
      return true;
    }
    if (GMAIL_PAGE.test(path)) {
      const q = req.url.searchParams;
      sendHtml(res, 200, gmailPage({ ui: ui(q.get('hl')), churnMs: churn(q.get('churn')) }));
      return true;
    }
    if (OUTLOOK_PAGE.test(path)) {
      const q = req.url.searchParams;
      sendHtml(res, 200, outlookPage({ ui: ui(q.get('lang')), churnMs: churn(q.get('churn')) }));
      return true;
    }
    return false;
  };
}
