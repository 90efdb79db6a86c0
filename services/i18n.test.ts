import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import es from '../public/_locales/es/messages.json';
import { locale, setLocale, t } from './i18n';

type Table = Record<string, { message: string }>;
const placeholders = (s: string) => (s.match(/\$\d/g) ?? []).sort().join(',');

describe('i18n', () => {
  it('has every key in both languages with the same placeholders', () => {
    const enTable = en as Table;
    const esTable = es as Table;
    expect(Object.keys(esTable).sort()).toEqual(Object.keys(enTable).sort());
    for (const key of Object.keys(enTable)) {
      expect(placeholders(esTable[key]!.message), key).toBe(placeholders(enTable[key]!.message));
      expect(esTable[key]!.message.trim(), key).not.toBe('');
    }
  });

  it('follows the override and substitutes placeholders', () => {
    setLocale('es');
    expect(locale.value).toBe('es');
    expect(t('messageCount', 3)).toBe('3 mensajes');
    setLocale('en');
    expect(t('messageCount', 3)).toBe('3 messages');
    expect(t('notUnderstood', 'subject')).toContain('(missing: subject)');
  });
});
