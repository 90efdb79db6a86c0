import { signal } from '@preact/signals';
import en from '../public/_locales/en/messages.json';
import es from '../public/_locales/es/messages.json';

// Extension pages carry both message tables (a few KB) so the UI can follow an override in options;
// `browser.i18n.getMessage` can only follow the browser's language.
export type Locale = 'en' | 'es';
type Table = Record<string, { message: string; description?: string }>;
const TABLES: Record<Locale, Table> = { en, es };
export type MessageKey = keyof typeof en & string;

export function browserLocale(): Locale {
  const ui = (globalThis.navigator?.language ?? 'en').toLowerCase();
  return ui.startsWith('es') ? 'es' : 'en';
}

export const locale = signal<Locale>(browserLocale());

/** Sets the UI language; `auto` follows the browser. */
export function setLocale(choice: Locale | 'auto'): void {
  locale.value = choice === 'auto' ? browserLocale() : choice;
  if (globalThis.document) document.documentElement.lang = locale.value;
}

/** A UI string; `$1`…`$9` are replaced by `subs`, as in Chrome's messages.json. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const entry = TABLES[locale.value][key] ?? TABLES.en[key];
  if (!entry) return String(key);
  return entry.message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/**
 * Message keys that come in plural forms: `base__one`, `base__other` (and `__many`… where a language has
 * them). Two underscores: one is already taken by codes such as `category_other`.
 */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}__other` ? Base : never }[MessageKey];

/**
 * A count in words, in the form the UI language uses for that number ("1 complaint", "2 complaints";
 * "1 queja", "0 quejas"), chosen by `Intl.PluralRules`. `$1` is the count (formatted for the locale),
 * `$2`… are `subs`.
 */
export function tn(base: PluralKey, count: number, ...subs: (string | number)[]): string {
  const category = new Intl.PluralRules(localeTag()).select(count);
  const table = TABLES[locale.value];
  const key = (`${base}__${category}` in table ? `${base}__${category}` : `${base}__other`) as MessageKey;
  return t(key, formatNumber(count), ...subs);
}

/**
 * The BCP 47 tag for `Intl`: the browser's own regional variant when it speaks the UI language
 * (en-GB, es-MX), otherwise en-US / es-ES.
 */
export function localeTag(): string {
  const browser = globalThis.navigator?.language ?? '';
  if (browser.toLowerCase().split('-')[0] === locale.value) return browser;
  return locale.value === 'es' ? 'es-ES' : 'en-US';
}

/** Whether the UI locale writes numeric dates day first ("12/10" is 12 October) rather than month first. */
export function dayFirst(): boolean {
  const parts = new Intl.DateTimeFormat(localeTag(), { day: 'numeric', month: 'numeric' }).formatToParts(
    new Date(2000, 11, 31),
  );
  return parts.findIndex((p) => p.type === 'day') < parts.findIndex((p) => p.type === 'month');
}

/** Numbers shown to the user: "74,85" in Spanish, "74.85" in English. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeTag(), options).format(value);
}

/** Dates and times shown to the user, in the UI language. */
export function formatDateTime(
  value: Date | number,
  options: Intl.DateTimeFormatOptions,
  timeZone?: string,
): string {
  return new Intl.DateTimeFormat(localeTag(), { ...options, timeZone }).format(value);
}
