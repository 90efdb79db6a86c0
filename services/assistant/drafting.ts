import { DateTime } from 'luxon';
import type { Analysis, DraftLanguage, Intent } from './types';
import {
  renderTemplate,
  type Commitment,
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
}

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
): number {
  let s = 0;
  const rank = analysis.intents.findIndex((i) => i.intent === template.intent);
  if (rank === 0) s += 100;
  else if (rank > 0) s += 60 * (analysis.intents[rank]!.confidence || 0.5) - 5 * rank;
  else if (template.intent === 'other') s += 15;
  if (template.language === language) s += 50;
  if (tone && template.tone === tone) s += 20;
  // Replies that promise money are offered only after the neutral ones of the same kind.
  s -= 25 * (template.commitments?.length ?? 0);
  // A template the business wrote or edited beats the stock one it replaces.
  if (!template.builtIn) s += 3;
  return s;
}

/**
 * 2–3 drafts, best first: the template for the main intent in the customer's language and the
 * preferred tone, then the nearest alternatives. Works with no model; the AI step is separate.
 */
export function draftReplies(
  analysis: Analysis,
  templates: readonly Template[],
  context: DraftContext = {},
): Draft[] {
  const language = draftLanguage(analysis, context.fallbackLanguage);
  const limit = Math.max(2, Math.min(3, context.limit ?? 3));
  const ranked = templates
    .map((t) => ({ t, s: score(t, analysis, language, context.preferredTone) }))
    .sort((a, b) => b.s - a.s || b.t.updatedAt - a.t.updatedAt || a.t.id.localeCompare(b.t.id));
  const values = new Map<DraftLanguage, TemplateValues>();
  return ranked.slice(0, limit).map(({ t }) => {
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
    };
  });
}
