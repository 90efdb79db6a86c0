import { DateTime, FixedOffsetZone } from 'luxon';
import type { ThreadMessage, ThreadSnapshot } from '../mail-sites/types';
import { analyseThread } from './analyse';
import { toIntent, type EvalDate, type EvalMessage } from './eval-format';
import type { Analysis, ExtractedDate } from './types';

export { parseEvalSet, toIntent, type EvalDate, type EvalMessage } from './eval-format';

// Scores the analysis on a labelled set of mail. One format for every set (training, development,
// sealed, a business's own mail), documented in the README:
//
//   { "id", "lang": "es"|"en", "subject", "body", "sentAt": ISO with offset, "intent", "alt"?,
//     "dates": [{ "text", "start": "YYYY-MM-DD" | "YYYY-MM-DDTHH:mm" }] }
//
// `start` is wall-clock time at sentAt's offset (or in `zone`, an optional IANA zone, when given).
// Optional extensions used by the training set: `zone`, `fromName`, `previous` (earlier messages of
// the thread, oldest first). An intent is right when it equals `intent` or `alt`; a date is right when
// its start matches to the minute, or to the day for a date-only label. Matching is one-to-one: a date
// found twice counts once right and once wrong.

export interface LanguageFigures {
  n: number;
  languageAccuracy: number;
  intentAccuracy: number;
  datePrecision: number;
  dateRecall: number;
}

export interface Miss {
  id: string;
  lang: string;
  kind: 'intent' | 'language' | 'date';
  expected: string;
  got: string;
  /** First words of the body, for a readable report. */
  excerpt: string;
}

export interface EvalReport {
  languages: Record<string, LanguageFigures>;
  /** Counts behind the date figures, per language. */
  dateCounts: Record<string, { tp: number; fp: number; fn: number }>;
  /** Share of messages the analysis marked as uncertain, and the intent accuracy on the others. */
  uncertain: Record<string, { share: number; accuracyWhenSure: number }>;
  misses: Miss[];
}

/** The zone a message's labels are written in: its own IANA zone, else sentAt's fixed offset. */
export function zoneOf(m: EvalMessage): string {
  if (m.zone) return m.zone;
  const sent = DateTime.fromISO(m.sentAt, { setZone: true });
  return FixedOffsetZone.instance(sent.offset).name;
}

export function snapshotFor(m: EvalMessage): ThreadSnapshot {
  const sent = DateTime.fromISO(m.sentAt, { setZone: true });
  const customer = { name: m.fromName ?? '', email: 'customer@example.com' };
  const business = { name: 'Shop', email: 'hello@shop.example' };
  const messages: ThreadMessage[] = (m.previous ?? []).map((p, i, all) => ({
    id: `${m.id}-p${i}`,
    from: p.fromUser ? business : customer,
    to: [p.fromUser ? customer : business],
    cc: [],
    date: sent.minus({ hours: all.length - i }).toISO(),
    text: p.body,
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
    text: m.body,
    quoted: '',
    signature: '',
    fromUser: false,
    collapsed: false,
  });
  return {
    site: 'gmail',
    threadId: m.id,
    url: `https://mail.google.com/mail/u/0/#inbox/${m.id}`,
    subject: m.subject ?? '',
    messages,
    userEmail: business.email,
    readAt: sent.toMillis(),
  };
}

/** True when a found date is the labelled one: same minute, or same day for a date-only label. */
export function dateMatches(found: ExtractedDate, label: EvalDate, zone: string): boolean {
  const local = DateTime.fromISO(found.start, { setZone: true }).setZone(zone);
  const day = label.start.slice(0, 10);
  if (local.toISODate() !== day && found.day !== day) return false;
  if (label.start.length <= 10) return true;
  return found.timeCertain && local.toFormat("yyyy-MM-dd'T'HH:mm") === label.start.slice(0, 16);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function runEval(messages: readonly EvalMessage[]): EvalReport {
  const misses: Miss[] = [];
  const acc: Record<
    string,
    {
      n: number;
      lang: number;
      intent: number;
      tp: number;
      fp: number;
      fn: number;
      unsure: number;
      sureOk: number;
    }
  > = {};

  for (const m of messages) {
    const zone = zoneOf(m);
    const analysis: Analysis = analyseThread(snapshotFor(m), undefined, { timeZone: zone });
    const a = (acc[m.lang] ??= { n: 0, lang: 0, intent: 0, tp: 0, fp: 0, fn: 0, unsure: 0, sureOk: 0 });
    const excerpt = m.body.replace(/\s+/g, ' ').slice(0, 90);
    a.n++;
    const predicted = analysis.intents[0]!.intent;
    const accepted = [toIntent(m.intent), ...(m.alt ? [toIntent(m.alt)] : [])];
    const ok = accepted.includes(predicted);
    if (ok) a.intent++;
    if (analysis.uncertain) a.unsure++;
    else if (ok) a.sureOk++;
    if (!ok)
      misses.push({
        id: m.id,
        lang: m.lang,
        kind: 'intent',
        expected: accepted.join(' or '),
        got: `${analysis.intents.map((i) => `${i.intent} ${i.confidence}`).join(', ')}${analysis.uncertain ? ' (unsure)' : ''}`,
        excerpt,
      });
    if (analysis.language === m.lang) a.lang++;
    else
      misses.push({
        id: m.id,
        lang: m.lang,
        kind: 'language',
        expected: m.lang,
        got: analysis.language,
        excerpt,
      });

    const found = analysis.facts.dates.filter((d) => d.messageId === m.id);
    const used = new Set<number>();
    let tp = 0;
    for (const label of m.dates) {
      const i = found.findIndex((f, k) => !used.has(k) && dateMatches(f, label, zone));
      if (i >= 0) {
        used.add(i);
        tp++;
      }
    }
    a.tp += tp;
    a.fp += found.length - tp;
    a.fn += m.dates.length - tp;
    if (tp < found.length || tp < m.dates.length) {
      const show = (d: ExtractedDate) =>
        `${d.text} → ${DateTime.fromISO(d.start, { setZone: true })
          .setZone(zone)
          .toFormat(d.timeCertain ? "yyyy-MM-dd'T'HH:mm" : 'yyyy-MM-dd')}`;
      misses.push({
        id: m.id,
        lang: m.lang,
        kind: 'date',
        expected: m.dates.map((d) => `${d.text ? `${d.text} → ` : ''}${d.start}`).join(' | ') || '(none)',
        got: found.map(show).join(' | ') || '(none)',
        excerpt,
      });
    }
  }

  const languages: EvalReport['languages'] = {};
  const dateCounts: EvalReport['dateCounts'] = {};
  const uncertain: EvalReport['uncertain'] = {};
  for (const [lang, a] of Object.entries(acc)) {
    languages[lang] = {
      n: a.n,
      languageAccuracy: ratio(a.lang, a.n),
      intentAccuracy: ratio(a.intent, a.n),
      datePrecision: ratio(a.tp, a.tp + a.fp),
      dateRecall: ratio(a.tp, a.tp + a.fn),
    };
    dateCounts[lang] = { tp: a.tp, fp: a.fp, fn: a.fn };
    uncertain[lang] = { share: ratio(a.unsure, a.n), accuracyWhenSure: ratio(a.sureOk, a.n - a.unsure) };
  }
  return { languages, dateCounts, uncertain, misses };
}
