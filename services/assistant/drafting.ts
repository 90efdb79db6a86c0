import { DateTime } from 'luxon';
import type { Analysis, DraftLanguage, Intent } from './types';
import {
  renderTemplate,
  type Commitment,
  type Decision,
  type Segment,
  type Template,
  type TemplateValues,
  type Tone,
} from './templates';

export interface DraftContext {
  businessName?: string;
  managerName?: string;
  /** Sign-off block; defaults to manager and business name on two lines. */
  signature?: string;
  preferredTone?: Tone;
  /** Free slots as text, from the scheduler; may be absent. */
  slots?: string;
  /** Draft language when the customer wrote in neither Spanish nor English. */
  fallbackLanguage?: DraftLanguage;
  /** How many drafts to return (2–3); default 3. */
  limit?: number;
  /** The customer's conditional request, as written (see findCondition); answered as a condition. */
  condition?: string | null;
}

/** Below this the detected language is a guess, and one draft in the other language is offered. */
export const SURE_LANGUAGE = 0.6;

export interface Draft {
  templateId: string;
  templateName: string;
  intent: Intent;
  tone: Tone;
  language: DraftLanguage;
  text: string;
  segments: Segment[];
  /** Variables with no value; the draft shows them as bracketed placeholders. */
  missing: string[];
  commitments: Commitment[];
  decision?: Decision;
  /** A draft in a language other than the customer's, offered because that language is unsure. */
  otherLanguage: boolean;
}

export function draftLanguage(
  analysis: Pick<Analysis, 'language'>,
  fallback: DraftLanguage = 'en',
): DraftLanguage {
  return analysis.language === 'es' ? 'es' : analysis.language === 'en' ? 'en' : fallback;
}

/** Variable values from the analysis and the business context, formatted for `language`. */
export function templateValues(
  analysis: Analysis,
  context: DraftContext,
  language: DraftLanguage,
): TemplateValues {
  const locale = language === 'es' ? 'es-ES' : 'en-GB';
  const name = analysis.customer.name ?? analysis.facts.customerName ?? undefined;
  const amount = analysis.facts.amounts[0];
  const date = analysis.facts.dates[0];
  let amountText: string | undefined;
  if (amount) {
    try {
      amountText = new Intl.NumberFormat(locale, { style: 'currency', currency: amount.currency }).format(
        amount.value,
      );
    } catch {
      amountText = amount.text;
    }
  }
  let dateText: string | undefined;
  if (date) {
    const dt = DateTime.fromISO(date.start, { setZone: true }).setLocale(locale);
    if (dt.isValid)
      dateText = dt.toLocaleString(date.timeCertain ? DateTime.DATETIME_FULL : DateTime.DATE_HUGE);
  }
  const signature =
    context.signature?.trim() ||
    [context.managerName, context.businessName].filter(Boolean).join('\n') ||
    undefined;
  return {
    'customer.firstName': name?.split(/\s+/)[0],
    'customer.name': name,
    'order.ref': analysis.facts.orders[0],
    'invoice.ref': analysis.facts.invoices[0],
    'ticket.ref': analysis.facts.tickets[0],
    'business.name': context.businessName,
    'manager.name': context.managerName,
    slots: context.slots,
    signature,
    amount: amountText,
    date: dateText,
  };
}

function score(
  template: Template,
  analysis: Analysis,
  language: DraftLanguage,
  tone: Tone | undefined,
  conditional: boolean,
): number {
  let s = 0;
  // A conditional request is answered as one whatever its intent ("if not by Monday, refund me").
  if (template.conditional && conditional) s += 130;
  const rank = analysis.intents.findIndex((i) => i.intent === template.intent);
  if (rank === 0) s += 100;
  else if (rank > 0) s += 60 * (analysis.intents[rank]!.confidence || 0.5) - 5 * rank;
  else if (template.intent === 'other') s += 15;
  if (template.language === language) s += 50;
  if (tone && template.tone === tone) s += 20;
  // A template the business wrote or edited beats the stock one it replaces.
  if (!template.builtIn) s += 3;
  return s;
}

function render(
  t: Template,
  analysis: Analysis,
  context: DraftContext,
  values: Map<DraftLanguage, TemplateValues>,
  otherLanguage: boolean,
): Draft {
  let v = values.get(t.language);
  if (!v) {
    v = templateValues(analysis, context, t.language);
    values.set(t.language, v);
  }
  const rendered = renderTemplate(t.body, v, t.language);
  return {
    templateId: t.id,
    templateName: t.name,
    intent: t.intent,
    tone: t.tone,
    language: t.language,
    text: rendered.text,
    segments: rendered.segments,
    missing: rendered.missing,
    commitments: [...(t.commitments ?? [])],
    ...(t.decision ? { decision: t.decision } : {}),
    otherLanguage,
  };
}

/** Whether the customer's language is known well enough to draft only in it. */
export function languageSure(analysis: Pick<Analysis, 'language' | 'languageConfidence'>): boolean {
  return (
    (analysis.language === 'es' || analysis.language === 'en') && analysis.languageConfidence >= SURE_LANGUAGE
  );
}

/**
 * 2–3 drafts, best first, that commit the business to nothing: replies announcing a decision
 * (refund, replacement, refusal) are left to `decisionDraft`, and conditional-request replies come
 * only for a conditional request. All drafts are in the customer's language; when that language is
 * a guess, the last one is in the other language, marked `otherLanguage`. Works with no model.
 */
export function draftReplies(
  analysis: Analysis,
  templates: readonly Template[],
  context: DraftContext = {},
): Draft[] {
  const language = draftLanguage(analysis, context.fallbackLanguage);
  const limit = Math.max(2, Math.min(3, context.limit ?? 3));
  const conditional = Boolean(context.condition);
  const rank = (list: readonly Template[], lang: DraftLanguage) =>
    list
      .filter((t) => !t.decision && (conditional || !t.conditional) && t.language === lang)
      .map((t) => ({ t, s: score(t, analysis, lang, context.preferredTone, conditional) }))
      .sort((a, b) => b.s - a.s || b.t.updatedAt - a.t.updatedAt || a.t.id.localeCompare(b.t.id))
      .map(({ t }) => t);
  const values = new Map<DraftLanguage, TemplateValues>();
  const sure = languageSure(analysis);
  const own = rank(templates, language).slice(0, sure ? limit : limit - 1);
  const drafts = own.map((t) => render(t, analysis, context, values, false));
  if (!sure) {
    const other: DraftLanguage = language === 'es' ? 'en' : 'es';
    const best = rank(templates, other)[0];
    if (best) drafts.push(render(best, analysis, context, values, true));
  }
  return drafts;
}

/**
 * The reply that announces `decision` (approve a refund, offer a replacement, decline), in the
 * customer's language and the preferred tone when there is one, with the amounts and references of
 * the thread. Only ever made because the user asked for it.
 */
export function decisionDraft(
  analysis: Analysis,
  templates: readonly Template[],
  decision: Decision,
  context: DraftContext = {},
): Draft | null {
  const language = draftLanguage(analysis, context.fallbackLanguage);
  const t = templates
    .filter((x) => x.decision === decision && x.language === language)
    .sort(
      (a, b) =>
        Number(b.tone === context.preferredTone) - Number(a.tone === context.preferredTone) ||
        Number(!b.builtIn) - Number(!a.builtIn) ||
        b.updatedAt - a.updatedAt,
    )[0];
  return t ? render(t, analysis, context, new Map(), false) : null;
}
