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

/** Dates and times shown to the user, in the UI language. */
export function formatDateTime(
  value: Date | number,
  options: Intl.DateTimeFormatOptions,
  timeZone?: string,
): string {
  return new Intl.DateTimeFormat(locale.value, { ...options, timeZone }).format(value);
}
