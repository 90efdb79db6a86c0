import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import es from '../public/_locales/es/messages.json';
import { dayFirst, formatNumber, locale, setLocale, t, tn } from './i18n';

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

  it('has both plural forms of every counted phrase, with the count as $1, in both languages', () => {
    for (const table of [en, es] as Table[]) {
      const bases = Object.keys(table)
        .filter((k) => /__(one|other)$/.test(k))
        .map((k) => k.replace(/__(one|other)$/, ''));
      for (const base of new Set(bases)) {
        expect(table[`${base}__one`]?.message, base).toContain('$1');
        expect(table[`${base}__other`]?.message, base).toContain('$1');
      }
    }
  });

  it('chooses the plural form by count and formats numbers in the UI locale', () => {
    setLocale('en');
    expect(tn('complaintCount', 1)).toBe('1 complaint');
    expect(tn('complaintCount', 2)).toBe('2 complaints');
    expect(tn('complaintCount', 0)).toBe('0 complaints');
    expect(tn('overdueTaskCount', 1)).toBe('1 overdue task');
    expect(tn('complaintCount', 1234)).toBe('1,234 complaints');
    expect(formatNumber(74.85)).toBe('74.85');
    setLocale('es');
    expect(tn('complaintCount', 1)).toBe('1 queja');
    expect(tn('complaintCount', 0)).toBe('0 quejas');
    expect(tn('overdueTaskCount', 1)).toBe('1 tarea vencida');
    expect(tn('overdueTaskCount', 3)).toBe('3 tareas vencidas');
    expect(formatNumber(74.85)).toBe('74,85');
    setLocale('en');
  });

  it('reads numeric dates as the UI locale writes them', () => {
    setLocale('es');
    expect(dayFirst()).toBe(true);
    // jsdom's browser language is en-US: month first.
    setLocale('en');
    expect(navigator.language).toBe('en-US');
    expect(dayFirst()).toBe(false);
  });

  it('uses one word per concept in Spanish: "queja", never "reclamación"; no bare "SLA"', () => {
    // intentComplaint is still pinned to "Reclamación" by the side panel's IntentChooser test (not
    // this change's to edit); it is the one word left to switch.
    const pinned = new Set(['intentComplaint']);
    for (const [key, entry] of Object.entries(es as Table)) {
      if (!pinned.has(key)) expect(entry.message, key).not.toMatch(/reclamaci[oó]n/i);
      expect(entry.message, key).not.toMatch(/\bSLA\b/);
    }
  });
});
