import type { MailSite, ThreadSnapshot } from './types';
import { parseNameAddress } from '../email-address';

// The fallback when a page's markup is not understood: the user pastes the thread text and it
// feeds the same pipeline as a page read. Header lines in English or Spanish are honoured.
const FROM = /^(?:from|de)\s*:\s*(.+)$/im;
const DATE = /^(?:date|sent|fecha|enviado)\s*:\s*(.+)$/im;
const SUBJECT = /^(?:subject|asunto)\s*:\s*(.+)$/im;

export function snapshotFromPastedText(
  text: string,
  site: MailSite,
  url: string,
  now = Date.now(),
): ThreadSnapshot {
  const body = text.replace(/\r\n?/g, '\n').trim();
  const fromLine = FROM.exec(body)?.[1] ?? '';
  const from = parseNameAddress(fromLine) ?? { name: fromLine.trim(), email: '' };
  const dateLine = DATE.exec(body)?.[1];
  const parsed = dateLine ? Date.parse(dateLine) : NaN;
  const withoutHeaders = body
    .split('\n')
    .filter(
      (line) =>
        !FROM.test(line) && !DATE.test(line) && !SUBJECT.test(line) && !/^(?:to|para|cc)\s*:/i.test(line),
    )
    .join('\n')
    .trim();
  return {
    site,
    threadId: `pasted-${hash(body)}`,
    url,
    subject: SUBJECT.exec(body)?.[1]?.trim() ?? '',
    messages: [
      {
        id: 'pasted-0',
        from,
        to: [],
        cc: [],
        date: Number.isNaN(parsed) ? null : new Date(parsed).toISOString(),
        text: withoutHeaders,
        quoted: '',
        signature: '',
        fromUser: false,
        collapsed: false,
      },
    ],
    userEmail: null,
    readAt: now,
  };
}

/** FNV-1a: a short stable id for the same pasted text. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}
