import { fromWallTime, isoAtOffset, isoInZone, wallTime } from './zone';
import type { MailAddress } from './types';
import { findEmails, parseNameAddress } from '../email-address';

// Shared by both site adapters: mail HTML (already in the page's DOM) to plain text, quoted
// history and signature apart, and the dates the pages print. Reading only: nothing here writes
// to the page, evaluates anything, or builds markup from mail content.

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG']);
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'PRE',
  'SECTION',
  'UL',
]);
const PARAGRAPH = new Set(['P', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
// Text a mail hides from the reader (pre-headers, "white text" prompt tricks) is not read either:
// what the user sees is what the assistant gets.
const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|font-size\s*:\s*0(?:px|pt|em|rem)?\s*(?:;|$|!))/i;

/** Where a node's text goes when a message body is split. */
export type Part = 'text' | 'quoted' | 'signature';

/**
 * Decides, per element, whether it starts a quoted/signature block. `quote-start` means
 * "this element and everything after it in the body is quoted" (Outlook's reply header).
 */
export type Classify = (el: Element) => Part | 'quote-start' | null;

export interface SplitBody {
  text: string;
  quoted: string;
  signature: string;
}

/**
 * Text built up in pieces. Linear in the body's size: a 5 MB mail with 100,000 paragraphs must not
 * re-scan what was already written (regexes on the whole string per block made it quadratic).
 */
class Buffer {
  private parts: string[] = [];
  /** How many line breaks the text ends with. */
  private breaksAtEnd = 0;
  add(text: string): void {
    // Spaces at the start of a line are layout, not content.
    if (this.parts.length === 0 || this.breaksAtEnd > 0) text = text.replace(/^ +/, '');
    if (!text) return;
    this.parts.push(text);
    const breaks = trailingBreaks(text);
    this.breaksAtEnd = breaks === text.length ? this.breaksAtEnd + breaks : breaks;
  }
  newlines(n: number): void {
    if (this.parts.length === 0) return;
    if (this.breaksAtEnd === 0) this.trimTrailingSpaces();
    if (this.breaksAtEnd < n) {
      this.parts.push('\n'.repeat(n - this.breaksAtEnd));
      this.breaksAtEnd = n;
    }
  }
  value(): string {
    return this.parts
      .join('')
      .split('\n')
      .map((line) => line.replace(/[ \t]+$/, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
  private trimTrailingSpaces(): void {
    while (this.parts.length > 0) {
      const last = this.parts[this.parts.length - 1]!;
      let end = last.length;
      while (end > 0 && last.charCodeAt(end - 1) === 32) end--;
      if (end > 0) {
        this.parts[this.parts.length - 1] = last.slice(0, end);
        break;
      }
      this.parts.pop();
    }
    const last = this.parts[this.parts.length - 1];
    this.breaksAtEnd = last === undefined ? 0 : trailingBreaks(last);
  }
}

function trailingBreaks(text: string): number {
  let n = 0;
  while (n < text.length && text.charCodeAt(text.length - 1 - n) === 10) n++;
  return n;
}

/**
 * Deeper than this, a body is read flat (words only, no layout) without recursion: hostile mail can
 * nest elements far past the call stack (parsers differ; Chromium's caps depth at 512, others not).
 */
const MAX_DEPTH = 400;

function flatText(node: Node): string {
  if (node.nodeType === 3) return (node.nodeValue ?? '').replace(/\s+/g, ' ');
  if (node.nodeType !== 1 || notRead(node as Element)) return '';
  const walker = node.ownerDocument!.createTreeWalker(node, 0x1 | 0x4 /* elements and text */, (n) =>
    n.nodeType === 1 && notRead(n as Element) ? 2 /* FILTER_REJECT: skip the subtree */ : 1,
  );
  const words: string[] = [];
  for (let n: Node | null = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) words.push(n.nodeValue ?? '');
  }
  return words.join(' ').replace(/\s+/g, ' ');
}

/** Elements whose content is never text for the reader: scripts and styles, and hidden ones. */
function notRead(el: Element): boolean {
  return SKIPPED.has(el.tagName.toUpperCase()) || isHidden(el);
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style !== null && HIDDEN_STYLE.test(style)) return true;
  // Only styled elements can hide text by stylesheet or inline tricks; plain ones skip the (costly)
  // computed style, which keeps a 100,000-paragraph body cheap.
  return (style !== null || el.hasAttribute('class')) && hiddenByComputedStyle(el);
}

/**
 * What the reader cannot see although it is in the page: styled away by a class, transparent,
 * tiny, off-screen, a zero-size clipped box, or text the colour of its background. Inherited
 * properties count only where this element changes them, so a site hiding its own UI around a
 * message does not blank the message.
 */
function hiddenByComputedStyle(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view?.getComputedStyle) return false;
  const own = view.getComputedStyle(el);
  const parent = el.parentElement ? view.getComputedStyle(el.parentElement) : null;
  if (own.display === 'none') return true;
  if ((own.visibility === 'hidden' || own.visibility === 'collapse') && parent?.visibility !== own.visibility)
    return true;
  if (Number.parseFloat(own.opacity) < 0.1) return true;
  const size = Number.parseFloat(own.fontSize);
  if (size < 4 && !(parent && Number.parseFloat(parent.fontSize) < 4)) return true;
  if (own.position === 'absolute' || own.position === 'fixed') {
    if (Number.parseFloat(own.left) < -500 || Number.parseFloat(own.top) < -500) return true;
  }
  if (Number.parseFloat(own.textIndent) < -500) return true;
  if (
    own.overflow === 'hidden' &&
    (Number.parseFloat(own.height) === 0 || Number.parseFloat(own.width) === 0)
  )
    return true;
  const color = rgba(own.color);
  if (color && color[3]! < 0.1) return true;
  const background = color && backgroundOf(el, view);
  return Boolean(color && background && sameColour(color, background));
}

/** The first opaque background at or above the element (a few levels up, as mail nests little). */
function backgroundOf(el: Element, view: Window): number[] | null {
  let at: Element | null = el;
  for (let i = 0; at && i < 8; i++, at = at.parentElement) {
    const bg = rgba(view.getComputedStyle(at).backgroundColor);
    if (bg && bg[3]! > 0.9) return bg;
  }
  return null;
}

/** A computed colour (always `rgb()`/`rgba()`, `transparent` included) as [r, g, b, alpha]. */
function rgba(value: string | undefined): number[] | null {
  const m = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+))?\s*\)$/.exec(value ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
}

/** Colours a reader cannot tell apart (each channel within a few steps). */
function sameColour(a: number[], b: number[]): boolean {
  return [0, 1, 2].every((i) => Math.abs(a[i]! - b[i]!) <= 12);
}

/**
 * Plain text of a mail body as a reader sees it: blocks and `<br>` become line breaks, table rows
 * become lines with cells joined by " | ", images show their alt text, scripts/styles and hidden
 * elements are skipped. Uses only node types and textContent of text nodes.
 */
export function elementText(root: Element): string {
  return collect(root, () => null).text;
}

/** Splits a body into new text / quoted history / signature, by DOM markers then by text markers. */
export function splitBody(root: Element, classify: Classify): SplitBody {
  const found = collect(root, classify);
  const byText = splitPlainText(found.text);
  return {
    text: byText.text,
    quoted: join(byText.quoted, found.quoted),
    signature: join(byText.signature, found.signature),
  };
}

function collect(root: Element, classify: Classify): SplitBody {
  const buffers: Record<Part, Buffer> = { text: new Buffer(), quoted: new Buffer(), signature: new Buffer() };
  let rest: Part | null = null;

  const walk = (node: Node, part: Part, pre: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return buffers[rest ?? part].add(flatText(node));
    if (node.nodeType === 3) {
      const raw = (node.nodeValue ?? '').replace(/[\u00a0\u202f]/g, ' ');
      buffers[rest ?? part].add(pre ? raw : raw.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (notRead(el)) return;
    const tag = el.tagName.toUpperCase();
    let own = part;
    if (rest === null && part === 'text') {
      const kind = classify(el);
      if (kind === 'quote-start') rest = 'quoted';
      else if (kind) own = kind;
    }
    const target = () => buffers[rest ?? own];
    if (tag === 'BR') return target().add('\n');
    if (tag === 'IMG') {
      const alt = (el.getAttribute('alt') ?? '').trim();
      if (alt) target().add(`[${alt}]`);
      return;
    }
    if (tag === 'TR') return row(el, own);
    const block = BLOCK.has(tag) || PARAGRAPH.has(tag);
    const gap = PARAGRAPH.has(tag) ? 2 : 1;
    if (block) target().newlines(gap);
    for (const child of Array.from(el.childNodes)) walk(child, own, pre || tag === 'PRE', depth + 1);
    if (block) target().newlines(gap);
  };

  // Layout tables (one cell per row) read as plain blocks; data tables as "a | b | c" lines.
  const row = (tr: Element, part: Part): void => {
    const texts = Array.from(tr.children)
      .filter((c) => (c.tagName === 'TD' || c.tagName === 'TH') && !isHidden(c))
      .map((cell) => elementText(cell))
      .filter((t) => t !== '');
    const target = buffers[rest ?? part];
    target.newlines(1);
    if (texts.length === 1) target.add(texts[0] ?? '');
    else target.add(texts.map((t) => t.replace(/\s*\n\s*/g, ' ')).join(' | '));
    target.newlines(1);
  };

  for (const child of Array.from(root.childNodes)) walk(child, 'text', false, 0);
  return { text: buffers.text.value(), quoted: buffers.quoted.value(), signature: buffers.signature.value() };
}

function join(a: string, b: string): string {
  return [a, b].filter((s) => s !== '').join('\n\n');
}

const ATTRIBUTION_END = /(?:wrote|escribi[oó])\s*:\s*$/i;
const ATTRIBUTION_START = /^(?:On|El)\s.{4,}/;
const ORIGINAL =
  /^-{2,}\s*(?:Original Message|Mensaje original|Forwarded message|Mensaje reenviado)\s*-{2,}\s*$/i;
const HEADER_FROM = /^\*?(?:From|De)\s*:\*?\s+\S/;
const HEADER_NEXT = /^\*?(?:Sent|Date|Enviado|Fecha|To|Para|Subject|Asunto)\s*:/;
const SIG_DELIMITER = /^--\s?$/;
const MOBILE_FOOTER =
  /^(?:Sent from my \w+|Enviado desde mi \w+|Get Outlook for (?:iOS|Android)|Obtener Outlook para (?:iOS|Android)|Sent from Outlook|Enviado desde Outlook)/i;

/** Text-level fallback for mail without DOM markers (plain-text mail, other clients' replies). */
export function splitPlainText(text: string): SplitBody {
  const lines = text.split('\n');
  let quoteAt = -1;
  for (let i = 0; i < lines.length && quoteAt < 0; i++) {
    const line = (lines[i] ?? '').trim();
    const next = (lines[i + 1] ?? '').trim();
    if (line.startsWith('>') || ORIGINAL.test(line)) quoteAt = i;
    else if (ATTRIBUTION_START.test(line) && ATTRIBUTION_END.test(line)) quoteAt = i;
    else if (ATTRIBUTION_START.test(line) && ATTRIBUTION_END.test(next) && next.length < 40) quoteAt = i;
    else if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => HEADER_NEXT.test(l.trim())))
      quoteAt = i;
  }
  const head = quoteAt < 0 ? lines : lines.slice(0, quoteAt);
  const quoted = quoteAt < 0 ? '' : lines.slice(quoteAt).join('\n').trim();
  let sigAt = head.findIndex((l) => SIG_DELIMITER.test(l));
  if (sigAt < 0) sigAt = head.findIndex((l) => MOBILE_FOOTER.test(l.trim()));
  const body = sigAt < 0 ? head : head.slice(0, sigAt);
  const signature =
    sigAt < 0
      ? ''
      : head
          .slice(sigAt)
          .filter((l, i) => !(i === 0 && SIG_DELIMITER.test(l)))
          .join('\n')
          .trim();
  return { text: body.join('\n').trim(), quoted, signature };
}

// ---- Addresses ----------------------------------------------------------------------------------

/** "Name <a@b.c>", "a@b.c", "Name" → a MailAddress (email '' when the text has none). Addresses are
 * read by services/email-address.ts, the product's one address reader. */
export function parseAddress(raw: string): MailAddress {
  const text = raw.replace(/\s+/g, ' ').trim();
  const parsed = parseNameAddress(text);
  if (parsed) return parsed;
  const bare = findEmails(text)[0];
  if (bare && bare.length >= text.length - 2) return { name: '', email: bare.toLowerCase() };
  return { name: unquote(text), email: '' };
}

/** A list separated by ";" (Outlook) or "," outside angle brackets/quotes. */
export function parseAddressList(raw: string): MailAddress[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const ch of raw) {
    if (ch === '"') quoted = !quoted;
    if (ch === '<') depth++;
    if (ch === '>') depth = Math.max(0, depth - 1);
    if ((ch === ';' || ch === ',') && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(parseAddress);
}

/** First e-mail address found in a string (account labels, titles). */
export function findEmail(raw: string | null | undefined): string | null {
  const match = raw ? findEmails(raw)[0] : undefined;
  return match ? match.toLowerCase() : null;
}

function unquote(s: string): string {
  return s.replace(/^["'\s]+|["'\s]+$/g, '');
}

// ---- Dates --------------------------------------------------------------------------------------

/** The browser's own zone: mail pages print local wall-clock times without saying which zone. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The UI languages whose printed dates are read. Month and weekday names come from the browser's
 * own `Intl` data for each (long and short forms, standalone and next to a day number), so no
 * hand-written list drifts from what the sites print with the same data.
 */
const DATE_LOCALES = ['en', 'es', 'pt', 'ca', 'fr', 'de', 'it'];

interface DateWords {
  /** Folded month name (any form) → month number. */
  months: Map<string, number>;
  /** First three letters → month, where no two months share them. */
  prefixes: Map<string, number>;
  weekdays: Set<string>;
}

let dateWordsCache: DateWords | null = null;

/** Lower case, no accents, no dots, no Catalan "de "/"d’" article: how names are compared. */
function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/^(?:de\s+|d['’])/, '')
    .trim();
}

function dateWords(): DateWords {
  if (dateWordsCache) return dateWordsCache;
  const months = new Map<string, number>();
  const weekdays = new Set<string>();
  const prefixes = new Map<string, number>();
  const ambiguous = new Set<string>();
  for (const locale of DATE_LOCALES) {
    for (const style of ['long', 'short'] as const) {
      const alone = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      const withDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: style, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) {
        const at = Date.UTC(2026, m - 1, 15);
        const inDate = withDay.formatToParts(at).find((p) => p.type === 'month')?.value ?? '';
        for (const name of [alone.format(at), inDate]) {
          const folded = foldName(name);
          if (!/^[a-z]+$/.test(folded)) continue;
          months.set(folded, m);
          const prefix = folded.slice(0, 3);
          if (folded.length < 3 || ambiguous.has(prefix)) continue;
          if (prefixes.has(prefix) && prefixes.get(prefix) !== m) {
            prefixes.delete(prefix);
            ambiguous.add(prefix);
          } else prefixes.set(prefix, m);
        }
      }
      const weekday = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
      for (let d = 0; d < 7; d++) weekdays.add(foldName(weekday.format(Date.UTC(2026, 10, 22 + d))));
    }
  }
  dateWordsCache = { months, prefixes, weekdays };
  return dateWordsCache;
}

function monthOf(word: string): number | undefined {
  const { months, prefixes } = dateWords();
  return months.get(word) ?? (word.length >= 3 ? prefixes.get(word.slice(0, 3)) : undefined);
}

const YESTERDAY = /\b(?:yesterday|ayer|ontem|ahir|hier|gestern|ieri)\b/;
const TODAY = /^\s*(?:today|hoy|hoje|avui|aujourd'hui|heute|oggi)?\s*,?\s*\d{1,2}[:.]\d{2}/;
/** A day number just before the month: "23 ", "23 de ", "23 d’", "23. ". */
const DAY_BEFORE = /(\d{1,2})\s*(?:de\s*|d['’]\s*)?\.?$/;

export interface DateOptions {
  /** IANA zone the printed wall-clock time is in. */
  zone: string;
  /** How to read all-numeric dates like 03/04/2026 ('dmy' for es and en-GB, 'mdy' for en-US). */
  order?: 'dmy' | 'mdy';
  /** Reference time for dates printed without a year or as a bare time (today). */
  now?: number;
}

/**
 * Reads the dates Gmail and Outlook print in the UI languages of DATE_LOCALES: "Mon, Nov 23, 2026,
 * 9:12 AM", "lun, 23 nov 2026, 9:12", "lunes, 23 de noviembre de 2026, 9:12", "Mo., 23. Nov. 2026,
 * 09:12", "dl., 23 de nov. 2026, 9:12", "Mon 11/23/2026 9:12 AM", "Mo 23.11.2026 09:12", ISO
 * strings. Returns ISO 8601 with the zone's offset, or null.
 */
export function parseMailDate(raw: string | null | undefined, options: DateOptions): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const offset = /([zZ])$|([+-])(\d{2}):?(\d{2})$/.exec(trimmed);
    if (offset) {
      // The string says its own offset: keep it.
      const ms = Date.parse(trimmed);
      if (Number.isNaN(ms)) return null;
      const minutes = offset[1]
        ? 0
        : (offset[2] === '-' ? -1 : 1) * (Number(offset[3]) * 60 + Number(offset[4]));
      return isoAtOffset(ms, minutes, Boolean(offset[1]));
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(trimmed);
    const ms = m
      ? fromWallTime(
          { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +(m[6] ?? 0) },
          options.zone,
        )
      : null;
    return ms === null ? null : isoInZone(ms, options.zone);
  }
  let s = trimmed
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, ' ');
  const nowMs = options.now ?? Date.now();
  const now = wallTime(nowMs, options.zone);

  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;

  const numeric = /(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})/.exec(s);
  if (numeric) {
    const [a, b, c] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (a > 31) [year, month, day] = [a, b, c];
    else {
      year = c < 100 ? 2000 + c : c;
      const mdy = a > 12 ? false : b > 12 ? true : options.order === 'mdy';
      [month, day] = mdy ? [a, b] : [b, a];
    }
    s = s.replace(numeric[0], ' ');
  } else {
    const words = Array.from(s.matchAll(/[a-z]+/g));
    // "mar" is Tuesday's short name and March's in several languages: a leading weekday is skipped
    // only when another month name follows it.
    const first = words[0];
    const skip =
      first && dateWords().weekdays.has(first[0]) && words.slice(1).some((w) => monthOf(w[0]) !== undefined)
        ? 1
        : 0;
    const monthWord = words.slice(skip).find((w) => monthOf(w[0]) !== undefined);
    if (monthWord) {
      month = monthOf(monthWord[0]);
      const before = s.slice(0, monthWord.index);
      const after = s.slice((monthWord.index ?? 0) + monthWord[0].length);
      const dayBefore = DAY_BEFORE.exec(before.trim());
      const dayAfter = /^\.?\s*(\d{1,2})(?!\d|:)/.exec(after);
      day = Number(dayBefore?.[1] ?? dayAfter?.[1] ?? NaN);
      const yearMatch = /\b(\d{4})\b/.exec(after);
      year = yearMatch ? Number(yearMatch[1]) : now.year;
      s = before.trim().replace(DAY_BEFORE, ' ') + ' ' + after.replace(/^\.?\s*\d{1,2}(?!\d|:)/, ' ');
      if (yearMatch) s = s.replace(yearMatch[1] ?? '', ' ');
    } else if (YESTERDAY.test(s)) {
      const y = new Date(Date.UTC(now.year, now.month - 1, now.day - 1));
      [year, month, day] = [y.getUTCFullYear(), y.getUTCMonth() + 1, y.getUTCDate()];
    } else if (TODAY.test(s)) {
      [year, month, day] = [now.year, now.month, now.day];
    }
  }
  if (year === undefined || month === undefined || day === undefined || Number.isNaN(day)) return null;

  let hour = 0;
  let minute = 0;
  const time = /(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|h\b)?/.exec(s);
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    const meridiem = (time[4] ?? '').replace(/[.\s]/g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59) return null;
  const ms = fromWallTime({ year, month, day, hour, minute }, options.zone);
  return ms === null ? null : isoInZone(ms, options.zone);
}
