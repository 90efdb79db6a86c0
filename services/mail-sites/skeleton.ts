// "Save page skeleton": an anonymised copy of the mail page's structure that a user can attach to a
import { EMAIL_SOURCE } from '../email-address';
// bug report when the adapter does not understand their Gmail or Outlook. It keeps what the
// adapters read (elements, roles, classes, aria-*/data-* attributes, layout visibility) and replaces
// every text and address: nothing the customer or the user wrote survives. Tests load such files
// unchanged as fixtures, so the skeleton must still be a page the adapters can run on.

/** Attributes kept as they are: structure and state, never content. */
const KEEP_AS_IS = new Set([
  'role',
  'class',
  'dir',
  'lang',
  'hidden',
  'tabindex',
  'contenteditable',
  'aria-level',
  'aria-expanded',
  'aria-selected',
  'aria-hidden',
  'aria-checked',
  'aria-disabled',
  'aria-haspopup',
  'data-app-section',
  'data-testid',
  'data-tooltip-align',
  'gh',
  'type',
  'data-smartmail',
]);
/** Attributes whose words are masked (except UI vocabulary): labels, titles, names. */
const MASK_WORDS = new Set(['aria-label', 'title', 'data-tooltip', 'name', 'alt', 'placeholder']);
/** Identifier attributes: replaced by stable pseudonyms so that equal ids stay equal. */
const PSEUDONYM = /^(id|data-.*id|email|data-hovercard-id|aria-labelledby|aria-describedby|aria-controls)$/i;
/** Never copied: content, links, handlers, inline data. */
const DROP_ELEMENTS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'LINK',
  'META',
]);
const WORD = /[\p{L}\p{M}]+|\p{N}+/gu;
/** An address or a word, in one pass so that pseudonyms are not masked again. */
const TOKEN = new RegExp(`(${EMAIL_SOURCE})|[\\p{L}\\p{M}]+|\\p{N}+`, 'gu');

export interface SkeletonOptions {
  /** Words kept as they are (case-insensitive): the sites' UI labels, month and weekday names. */
  vocabulary: Iterable<string>;
  /** True when the element is not rendered (real layout); such elements get `style="display:none"`. */
  isHidden?: (el: Element) => boolean;
  /** Stop after this many elements (a note says so at the end). */
  maxElements?: number;
}

export interface Skeleton {
  html: string;
  elements: number;
  truncated: boolean;
}

/** Month and weekday names (long and short) of the given UI languages, from the browser's Intl data. */
export function calendarWords(locales: readonly string[]): string[] {
  const words = new Set<string>();
  for (const locale of locales) {
    for (const month of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) addWords(words, f.format(Date.UTC(2026, m, 15)));
    }
    for (const weekday of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' });
      for (let d = 0; d < 7; d++) addWords(words, f.format(Date.UTC(2026, 10, 16 + d)));
    }
  }
  return [...words];
}

function addWords(into: Set<string>, text: string) {
  for (const w of text.matchAll(WORD)) into.add(w[0].toLowerCase());
}

/** The anonymised skeleton of `doc`, as an HTML document string. */
export function pageSkeleton(doc: Document, url: string, options: SkeletonOptions): Skeleton {
  const keep = new Set<string>();
  for (const phrase of options.vocabulary) addWords(keep, phrase);
  const pseudonyms = new Map<string, string>();
  const pseudonym = (kind: string, value: string) => {
    const key = `${kind}\u0000${value}`;
    let p = pseudonyms.get(key);
    if (!p) {
      const n = pseudonyms.size + 1;
      p = kind === 'email' ? `person${n}@example.invalid` : `${kind}${n}`;
      pseudonyms.set(key, p);
    }
    return p;
  };
  const maskText = (text: string) =>
    text.replace(TOKEN, (token, address?: string) =>
      address
        ? pseudonym('email', address.toLowerCase())
        : keep.has(token.toLowerCase())
          ? token
          : mask(token),
    );

  const max = options.maxElements ?? 200_000;
  let elements = 0;
  let truncated = false;
  const out: string[] = [];

  // Iterative walk (mail pages nest deeply; recursion overflowed on hostile mail before).
  type Frame = { node: Node; closing?: string };
  const stack: Frame[] = [{ node: doc.documentElement }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.closing !== undefined) {
      out.push(frame.closing);
      continue;
    }
    const node = frame.node;
    if (node.nodeType === 3) {
      out.push(escapeText(maskText(node.nodeValue ?? '')));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (DROP_ELEMENTS.has(el.tagName)) continue;
    if (elements >= max) {
      truncated = true;
      break;
    }
    elements++;
    const tag = el.tagName.toLowerCase();
    const attrs: string[] = [];
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      let value: string | null = null;
      if (name === 'style') continue; // replaced by the computed visibility below
      if (KEEP_AS_IS.has(name)) value = attr.value;
      else if (name === 'id' && /^[A-Za-z_-]+$/.test(attr.value))
        value = attr.value; // a name, not a generated id
      else if (PSEUDONYM.test(name))
        value = attr.value.includes('@')
          ? maskText(attr.value)
          : keepPrefix(attr.value, pseudonym('id', attr.value));
      else if (MASK_WORDS.has(name)) value = maskText(attr.value);
      else if (name.startsWith('aria-')) value = maskText(attr.value);
      if (value !== null) attrs.push(` ${name}="${escapeAttr(value)}"`);
    }
    if (options.isHidden?.(el)) attrs.push(' style="display:none"');
    out.push(`<${tag}${attrs.join('')}>`);
    if (VOID.has(tag)) continue;
    stack.push({ node: el, closing: `</${tag}>` });
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]! });
  }

  const location = new URL(url);
  const maskedUrl = `${location.origin}${location.pathname
    .split('/')
    .map((part) =>
      /^(mail|inbox|id|read|deeplink|u|\d|sent|search|label)$/.test(part) || part === ''
        ? part
        : pseudonym('path', part),
    )
    .join('/')}${location.hash ? maskedHash(location.hash, pseudonym) : ''}`;
  const header = [
    '<!doctype html>',
    '<!--',
    '  Page skeleton saved by Ops Assistant ("Save page skeleton"). Every text and address is',
    '  replaced (letters by x, digits by 0, addresses and ids by pseudonyms); UI words, month and',
    '  weekday names are kept. Elements hidden on the page carry style="display:none".',
    `  url: ${maskedUrl}`,
    `  elements: ${elements}${truncated ? ' (truncated)' : ''}`,
    '-->',
  ].join('\n');
  return { html: `${header}\n${out.join('')}\n`, elements, truncated };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);

function mask(word: string): string {
  return word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}|\p{Lo}|\p{Lt}|\p{Lm}|\p{M}/gu, 'x')
    .replace(/\p{N}/gu, '0');
}

/** Keeps a recognisable id prefix ("UniqueMessageBody_", "#msg-f:") that selectors match on. */
function keepPrefix(value: string, replacement: string): string {
  const prefix = /^[^0-9]*[:_-]/.exec(value)?.[0] ?? '';
  return prefix && prefix.length < value.length ? prefix + replacement : replacement;
}

function maskedHash(hash: string, pseudonym: (kind: string, value: string) => string): string {
  return hash
    .split('/')
    .map((part, i) =>
      i === 0 ? part : /^[A-Za-z0-9_-]{16,}$/.test(part) ? pseudonym('thread', part) : mask(part),
    )
    .join('/');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
