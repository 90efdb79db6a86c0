import { DateTime } from 'luxon';
import type { ThreadMessage, ThreadSnapshot } from '../mail-sites/types';
import { analyseThread } from './analyse';
import { sameDate } from './dates';
import { INTENTS, type Analysis, type ExtractedDate, type Intent } from './types';

// Scores the analysis against the hand-labelled messages in tests/eval. Shared by scripts/eval.ts
// (the printed report) and eval.test.ts (the floor that must not regress).

export interface EvalMessage {
  id: string;
  language: string;
  /** Primary first. */
  intents: Intent[];
  sentAt: string;
  zone: string;
  text: string;
  fromName?: string;
  quoted?: string;
  /** Earlier messages of the thread, oldest first. */
  previous?: { fromUser: boolean; text: string }[];
  /** `start` for a moment, `date` (YYYY-MM-DD) for a day without a time. */
  dates: ({ start: string } | { date: string })[];
  note?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalReport {
  total: number;
  intentAccuracy: number;
  intentAccuracyByLanguage: Record<string, number>;
  secondaryRecall: number;
  languageAccuracy: number;
  /** language → intent → F1 of the primary intent. */
  intentF1: Record<string, Partial<Record<Intent, number>>>;
  dates: Record<string, { precision: number; recall: number } & Counts>;
  errors: { id: string; kind: 'intent' | 'language' | 'date'; expected: string; got: string }[];
}

export function snapshotFor(m: EvalMessage): ThreadSnapshot {
  const sent = DateTime.fromISO(m.sentAt, { setZone: true });
  const customer = { name: m.fromName ?? '', email: 'customer@example.com' };
  const business = { name: 'Shop', email: 'hello@shop.example' };
  const messages: ThreadMessage[] = (m.previous ?? []).map((p, i, all) => ({
    id: `p${i}`,
    from: p.fromUser ? business : customer,
    to: [p.fromUser ? customer : business],
    cc: [],
    date: sent.minus({ hours: all.length - i }).toISO(),
    text: p.text,
    quoted: '',
    signature: '',
    fromUser: p.fromUser,
    collapsed: false,
  }));
  messages.push({
    id: m.id,
    from: customer,
    to: [business],
    cc: [],
    date: m.sentAt,
    text: m.text,
    quoted: m.quoted ?? '',
    signature: '',
    fromUser: false,
    collapsed: false,
  });
  return {
    site: 'gmail',
    threadId: m.id,
    url: `https://mail.google.com/mail/u/0/#inbox/${m.id}`,
    subject: '',
    messages,
    userEmail: business.email,
    readAt: sent.toMillis(),
  };
}

function expectedDate(
  d: EvalMessage['dates'][number],
  zone: string,
): Pick<ExtractedDate, 'day' | 'start' | 'timeCertain'> {
  if ('start' in d) {
    const dt = DateTime.fromISO(d.start, { setZone: true }).setZone(zone);
    return { day: dt.toISODate()!, start: d.start, timeCertain: true };
  }
  return { day: d.date, start: `${d.date}T12:00:00`, timeCertain: false };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f1 = (c: Counts) => (c.tp === 0 ? (c.fp + c.fn === 0 ? 1 : 0) : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

export function runEval(messages: readonly EvalMessage[]): EvalReport {
  const errors: EvalReport['errors'] = [];
  let correct = 0;
  let langCorrect = 0;
  let secondaryFound = 0;
  let secondaryTotal = 0;
  const byLang: Record<string, { n: number; ok: number }> = {};
  const intentCounts: Record<string, Record<Intent, Counts>> = {};
  const dateCounts: Record<string, Counts> = { all: { tp: 0, fp: 0, fn: 0 } };

  for (const m of messages) {
    const analysis: Analysis = analyseThread(snapshotFor(m), undefined, { timeZone: m.zone });
    const predicted = analysis.intents[0]!.intent;
    const expected = m.intents[0]!;
    const lang = m.language;
    byLang[lang] ??= { n: 0, ok: 0 };
    byLang[lang].n++;
    intentCounts[lang] ??= Object.fromEntries(INTENTS.map((i) => [i, { tp: 0, fp: 0, fn: 0 }])) as Record<
      Intent,
      Counts
    >;
    const counts = intentCounts[lang];
    if (predicted === expected) {
      correct++;
      byLang[lang].ok++;
      counts[expected].tp++;
    } else {
      counts[expected].fn++;
      counts[predicted].fp++;
      errors.push({
        id: m.id,
        kind: 'intent',
        expected: m.intents.join(','),
        got: analysis.intents.map((i) => `${i.intent}:${i.confidence}`).join(','),
      });
    }
    for (const s of m.intents.slice(1)) {
      secondaryTotal++;
      if (analysis.intents.some((i) => i.intent === s)) secondaryFound++;
    }
    if (analysis.language === lang) langCorrect++;
    else errors.push({ id: m.id, kind: 'language', expected: lang, got: analysis.language });

    // Dates: one-to-one matching; a labelled day matches any extracted date on that day.
    const got = analysis.facts.dates.filter((d) => d.messageId === m.id);
    const want = m.dates.map((d) => expectedDate(d, m.zone));
    const used = new Set<number>();
    let tp = 0;
    for (const w of want) {
      const i = got.findIndex((g, k) => !used.has(k) && sameDate(g, w));
      if (i >= 0) {
        used.add(i);
        tp++;
      }
    }
    const c = { tp, fp: got.length - tp, fn: want.length - tp };
    dateCounts[lang] ??= { tp: 0, fp: 0, fn: 0 };
    for (const key of ['all', lang]) {
      dateCounts[key]!.tp += c.tp;
      dateCounts[key]!.fp += c.fp;
      dateCounts[key]!.fn += c.fn;
    }
    if (c.fp || c.fn) {
      errors.push({
        id: m.id,
        kind: 'date',
        expected: want.map((w) => (w.timeCertain ? w.start : w.day)).join(' | '),
        got: got.map((g) => `${g.text} → ${g.timeCertain ? g.start : g.day}`).join(' | '),
      });
    }
  }

  const intentF1: EvalReport['intentF1'] = {};
  for (const [lang, counts] of Object.entries(intentCounts)) {
    intentF1[lang] = {};
    for (const i of INTENTS) {
      const c = counts[i];
      if (c.tp + c.fp + c.fn > 0) intentF1[lang]![i] = Math.round(f1(c) * 1000) / 1000;
    }
  }
  const dates: EvalReport['dates'] = {};
  for (const [key, c] of Object.entries(dateCounts)) {
    dates[key] = { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
  }
  return {
    total: messages.length,
    intentAccuracy: ratio(correct, messages.length),
    intentAccuracyByLanguage: Object.fromEntries(
      Object.entries(byLang).map(([l, v]) => [l, ratio(v.ok, v.n)]),
    ),
    secondaryRecall: ratio(secondaryFound, secondaryTotal),
    languageAccuracy: ratio(langCorrect, messages.length),
    intentF1,
    dates,
    errors,
  };
}
