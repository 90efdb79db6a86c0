import { GMAIL_LABELS } from './gmail.selectors';
import { OUTLOOK_LABELS } from './outlook.selectors';
import { calendarWords } from './skeleton';

/** UI languages whose month and weekday names a skeleton keeps (the dates' shape tells the locale). */
const UI_LANGUAGES = ['en', 'es', 'pt', 'ca', 'fr', 'de', 'it'];

/** Every string in the selectors' label tables, however they are nested. */
function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, into);
  return into;
}

/** Words a skeleton keeps: the sites' own UI labels and calendar words, never mail content. */
export function skeletonVocabulary(): string[] {
  return [...strings(GMAIL_LABELS), ...strings(OUTLOOK_LABELS), ...calendarWords(UI_LANGUAGES)];
}
