import { storage } from 'wxt/utils/storage';

// Simple preferences live in extension storage (synchronous-feeling, watched by every page);
// records (business profile, templates…) live in Dexie.
export type UiLanguage = 'auto' | 'en' | 'es';

export const uiLanguage = storage.defineItem<UiLanguage>('local:uiLanguage', {
  fallback: 'auto',
  version: 1,
});
