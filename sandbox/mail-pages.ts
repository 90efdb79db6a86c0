import type { Route } from './http';
import { sendHtml } from './http';
import { gmailPage, outlookPage, unknownMarkupPage, type UiLanguage } from './mail/pages';
import type { SandboxState } from './state';

// The demo mail sites. Gmail: /gmail/ and /gmail/mail/u/<n>/ (threads are hash routes).
// Outlook: /outlook/mail/ and any path below it (/outlook/mail/inbox/id/<id>, /outlook/mail/0/…);
// the page script routes on the path. `?hl=es` (Gmail) / `?lang=es` (Outlook) switch the UI to
// Spanish. /gmail/blank and /outlook/mail/blank carry markup no adapter knows (self-check).
const GMAIL_PAGE = /^\/gmail\/(?:mail\/u\/\d+\/?)?$/;
const OUTLOOK_PAGE = /^\/outlook\/mail(?:\/.*)?$/;

function ui(value: string | null): UiLanguage {
  return value?.toLowerCase().startsWith('es') ? 'es' : 'en';
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
      sendHtml(res, 200, gmailPage({ ui: ui(req.url.searchParams.get('hl')) }));
      return true;
    }
    if (OUTLOOK_PAGE.test(path)) {
      sendHtml(res, 200, outlookPage({ ui: ui(req.url.searchParams.get('lang')) }));
      return true;
    }
    return false;
  };
}
