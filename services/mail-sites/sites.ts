import type { MailSite } from './types';

const GMAIL_HOSTS = new Set(['mail.google.com']);
const OUTLOOK_HOSTS = new Set([
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
]);

/**
 * Which mail site a URL belongs to. The sandbox build also accepts its loopback demo pages
 * (`/gmail/…`, `/outlook/…`); the production build compiles that branch away.
 */
export function siteForUrl(raw: string | undefined): MailSite | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') {
    if (GMAIL_HOSTS.has(url.hostname)) return 'gmail';
    if (OUTLOOK_HOSTS.has(url.hostname)) return 'outlook';
  }
  if (import.meta.env.MODE === 'sandbox' || import.meta.env.MODE === 'test') {
    if (url.hostname === '127.0.0.1') {
      if (url.pathname.startsWith('/gmail/')) return 'gmail';
      if (url.pathname.startsWith('/outlook/')) return 'outlook';
    }
  }
  return null;
}
