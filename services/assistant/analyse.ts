import { DateTime } from 'luxon';
import type { ThreadMessage, ThreadSnapshot } from '../mail-sites/types';
import type { Analysis, Amount, ExtractedDate, Language, Phone } from './types';
import { detectLanguage } from './language';
import { readIntent } from './intent';
import { inputProblem } from './input-check';
import { findAmounts, findPhones, findReferences, nameFromText, personFromDisplayName } from './entities';
import { extractDates, sameDate } from './dates';
import { assessUrgency } from './urgency';
import { summarise } from './summary';
import { ownText } from './text';
import { recogniseInvoice } from '../ledger/recognise';

/** The thread each analysis was read from, as it was read or pasted (see `analysedThread`). Held
 * beside the analysis, not in it, so an analysis stays plain data. */
const SOURCES = new WeakMap<Analysis, ThreadSnapshot>();

/** The thread `analysis` was read from, when it came from `analyseThread` (or was derived from such
 * an analysis with `sameSource`): what the AI polish is shown, never a thread rebuilt from a summary. */
export function analysedThread(analysis: Analysis): ThreadSnapshot | undefined {
  return SOURCES.get(analysis);
}

/** Marks `derived` (e.g. the analysis with a chosen intent) as read from the same thread as `from`. */
export function sameSource<T extends Analysis>(from: Analysis, derived: T): T {
  const source = SOURCES.get(from);
  if (source) SOURCES.set(derived, source);
  return derived;
}

/** Customer messages whose facts are read (newest first); older ones are history. */
const FACT_MESSAGES = 3;

export interface AnalyseOptions {
  /** IANA zone the customer's times are read in; defaults to this browser's zone. */
  timeZone?: string;
}

function defaultZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The one entry point: who wrote, in what language, what they want, the facts and how urgent it is.
 * Only the newest customer messages are read (a 100-message thread costs the same as a 3-message
 * one), and only their own words, never the quoted history.
 */
export function analyseThread(
  snapshot: ThreadSnapshot,
  now?: number | Date,
  options: AnalyseOptions = {},
): Analysis {
  const zone = options.timeZone ?? defaultZone();
  const nowMs = now === undefined ? snapshot.readAt : typeof now === 'number' ? now : now.getTime();
  const customerMessages: ThreadMessage[] = [];
  for (let i = snapshot.messages.length - 1; i >= 0 && customerMessages.length < FACT_MESSAGES; i--) {
    const m = snapshot.messages[i]!;
    if (!m.fromUser) customerMessages.push(m);
  }
  const latest = customerMessages[0];
  const texts = customerMessages.map((m) => ownText(m.text));
  const own = texts[0] ?? '';

  let lang = detectLanguage(own);
  if (lang.language === 'und') {
    const fallback = detectLanguage([...texts.slice(1), snapshot.subject].join('\n'));
    if (fallback.language !== 'und')
      lang = { language: fallback.language, confidence: fallback.confidence * 0.6 };
  }
  const language: Language = lang.language;

  // When the latest words say too little ("??", "ok"), the previous customer message, else the subject
  // (without its Re:/Fwd:), is read as context.
  const subject = snapshot.subject.replace(/^\s*((re|fwd?|rv|reenv|aw)\s*:\s*)+/i, '').trim();
  const context = texts[1] ?? (subject || undefined);
  const reading = readIntent(own, { context, language });
  const problem = latest ? inputProblem(latest.text, own, language) : null;
  // Unreadable input gets a clear "not sure", not a confident label read from noise; a bare "??" or
  // emoji after an earlier request (or under a subject) keeps that request as the guess, still unsure.
  const blank = !!problem?.blank && !(problem.reason === 'no_words' && context);
  // A supplier's bill (its number, total, tax lines, IBAN read by the ledger's recogniser) is an
  // invoice whatever else its words suggest, except a customer disputing a bill ("charged twice on
  // invoice INV-…", "cancel and refund invoice …"): that is their complaint or cancellation.
  const bill = blank ? null : recogniseInvoice(snapshot);
  const intents = blank
    ? [{ intent: 'other' as const, confidence: 0.2 }]
    : bill?.strong && !['invoice', 'complaint', 'cancellation'].includes(reading.intents[0]!.intent)
      ? [
          { intent: 'invoice' as const, confidence: 0.9 },
          ...reading.intents.filter((i) => i.intent !== 'invoice'),
        ]
      : reading.intents;
  const uncertainReason = problem?.reason ?? (reading.uncertain ? 'low_confidence' : undefined);

  const orders: string[] = [];
  const invoices: string[] = [];
  const tickets: string[] = [];
  const amounts: Amount[] = [];
  const phones: Phone[] = [];
  const dates: ExtractedDate[] = [];
  const addUnique = (list: string[], values: string[]) => {
    for (const v of values) if (!list.includes(v)) list.push(v);
  };
  customerMessages.forEach((message, i) => {
    const text = texts[i]!;
    const refs = findReferences(text);
    const money = findAmounts(text);
    const tel = findPhones(text);
    addUnique(
      orders,
      refs.orders.map((f) => f.value),
    );
    addUnique(
      invoices,
      refs.invoices.map((f) => f.value),
    );
    addUnique(
      tickets,
      refs.tickets.map((f) => f.value),
    );
    for (const a of money)
      if (!amounts.some((x) => x.value === a.value.value && x.currency === a.value.currency))
        amounts.push(a.value);
    for (const p of tel) if (!phones.some((x) => x.normalized === p.value.normalized)) phones.push(p.value);
    const msgLanguage = i === 0 ? language : detectLanguage(text).language;
    const found = extractDates(text, {
      reference: message.date ?? nowMs,
      zone,
      language: msgLanguage,
      exclude: [...refs.orders, ...refs.invoices, ...refs.tickets, ...money, ...tel],
    });
    for (const d of found)
      if (!dates.some((x) => sameDate(x, d))) dates.push({ ...d, messageId: message.id });
  });
  const subjectRefs = findReferences(snapshot.subject);
  addUnique(
    orders,
    subjectRefs.orders.map((f) => f.value),
  );
  addUnique(
    invoices,
    subjectRefs.invoices.map((f) => f.value),
  );
  addUnique(
    tickets,
    subjectRefs.tickets.map((f) => f.value),
  );

  const customerName = latest
    ? (personFromDisplayName(latest.from.name) ?? nameFromText(own, latest.signature))
    : null;
  const latestDates = latest ? dates.filter((d) => d.messageId === latest.id) : [];
  const sentAt = latest?.date ? DateTime.fromISO(latest.date, { setZone: true }) : DateTime.fromMillis(nowMs);
  const urgency = assessUrgency({ text: own, dates: latestDates, sentAt });
  const acceptedTime =
    reading.accepts && intents[0]!.intent === 'meeting_request'
      ? (latestDates.find((d) => d.timeCertain && !d.past) ?? latestDates.find((d) => !d.past) ?? null)
      : null;
  const facts = { orders, invoices, tickets, amounts, dates, phones, customerName };
  const analysis: Analysis = {
    language,
    languageConfidence: lang.confidence,
    intents,
    facts,
    urgency,
    summary: own ? summarise(own, intents[0]!.intent, facts) : '',
    customer: { name: customerName, email: latest?.from.email || null },
    latestCustomerMessageId: latest?.id ?? null,
    timeZone: zone,
    secondaryIntent: blank ? null : reading.secondary,
    uncertain: uncertainReason !== undefined,
    ...(uncertainReason ? { uncertainReason } : {}),
    acceptedTime,
    ironic: reading.ironic,
  };
  SOURCES.set(analysis, snapshot);
  return analysis;
}
