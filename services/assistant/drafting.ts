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
  /** Set on a draft that answers both things the mail asks (primary and secondary intent). */
  answers?: [Intent, Intent];
  /** Set on the draft that confirms the time the customer accepted. */
  confirmsTime?: true;
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
  // The time the customer accepted is the date the reply is about; else the first one named.
  const date = analysis.acceptedTime ?? analysis.facts.dates[0];
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
  const noThanks = thanksIsWrong(analysis);
  const rank = (list: readonly Template[], lang: DraftLanguage) =>
    list
      .filter(
        (t) =>
          !t.decision &&
          (conditional || !t.conditional) &&
          t.language === lang &&
          !(noThanks && t.intent === 'thanks'),
      )
      .map((t) => ({ t, s: score(t, analysis, lang, context.preferredTone, conditional) }))
      .sort((a, b) => b.s - a.s || b.t.updatedAt - a.t.updatedAt || a.t.id.localeCompare(b.t.id))
      .map(({ t }) => t);
  const values = new Map<DraftLanguage, TemplateValues>();
  const sure = languageSure(analysis);
  const ranked = rank(templates, language);
  const room = sure ? limit : limit - 1;
  // First what answers the whole mail: the accepted time confirmed, or both intents in one reply.
  const lead: Draft[] = [];
  const confirmation = analysis.acceptedTime ? confirmationDraft(ranked, analysis, context, values) : null;
  if (confirmation) lead.push(confirmation);
  const second = secondIntent(analysis, conditional);
  if (second) {
    const primary = analysis.intents[0]!.intent;
    const firsts = ranked.filter((t) => t.intent === primary);
    for (const p of firsts.slice(0, 2)) {
      const s =
        ranked.find((t) => t.intent === second && t.tone === p.tone) ??
        ranked.find((t) => t.intent === second);
      if (s && lead.length < room) lead.push(composite(p, s, analysis, context, values));
    }
  }
  const own = ranked.slice(0, Math.max(0, room - lead.length));
  const drafts = [...lead, ...own.map((t) => render(t, analysis, context, values, false))];
  if (!sure) {
    const other: DraftLanguage = language === 'es' ? 'en' : 'es';
    const best = rank(templates, other)[0];
    if (best) drafts.push(render(best, analysis, context, values, true));
  }
  return drafts;
}

/** Irony, a complaint or a cancellation is never answered with a thank-you for it. */
export function thanksIsWrong(analysis: Analysis): boolean {
  const primary = analysis.intents[0]?.intent;
  return Boolean(analysis.ironic) || primary === 'complaint' || primary === 'cancellation';
}

/** The second intent a reply must also answer, when it needs a paragraph of its own. */
function secondIntent(analysis: Analysis, conditional: boolean): Intent | null {
  const second = analysis.secondaryIntent;
  const primary = analysis.intents[0]?.intent;
  if (!second || !primary || second === primary || second === 'other' || conditional) return null;
  if (second === 'thanks' && thanksIsWrong(analysis)) return null;
  return second;
}

const paragraphs = (body: string) => body.split(/\n\s*\n/);
const OPENER = /^[¡!]?\s*(muchas gracias|muchísimas gracias|gracias|thank you|thanks|many thanks)\b/i;
const CLOSER =
  /^(si (necesita|te queda|tiene|tienes|le queda)|if (you need|anything|you have)|será un placer|we look forward|hope to see|¡esperamos)/i;

/**
 * One reply for two intents: the primary template whole, with the secondary template's own
 * paragraphs (not its greeting, thank-you opener, closing line or sign-off) before the sign-off.
 */
function composite(
  p: Template,
  s: Template,
  analysis: Analysis,
  context: DraftContext,
  values: Map<DraftLanguage, TemplateValues>,
): Draft {
  const mine = paragraphs(p.body);
  const theirs = paragraphs(s.body)
    .slice(1, -1)
    .filter((x) => !OPENER.test(x.trim()) && !CLOSER.test(x.trim()));
  const closeAt = mine.length - 1 - (mine.length > 2 && CLOSER.test(mine[mine.length - 2]!.trim()) ? 1 : 0);
  const body = [...mine.slice(0, closeAt), ...theirs, ...mine.slice(closeAt)].join('\n\n');
  const allowed = (p.commitments ?? []).filter((c) => (s.commitments ?? []).includes(c));
  const draft = render(
    { ...p, id: `${p.id}+${s.id}`, name: `${p.name} + ${s.name}`, body, commitments: allowed },
    analysis,
    context,
    values,
    false,
  );
  return { ...draft, answers: [p.intent, s.intent] };
}

const CONFIRM: Record<DraftLanguage, Record<Tone, { name: string; text: string }>> = {
  es: {
    formal: {
      name: 'Confirmar la hora aceptada',
      text: 'Perfecto, le esperamos el {{date}}. Le enviaremos la invitación con todos los detalles.',
    },
    friendly: {
      name: 'Confirmar la hora (cercano)',
      text: '¡Genial! Te esperamos el {{date}}. Te mando la invitación con todos los detalles.',
    },
  },
  en: {
    formal: {
      name: 'Confirm the accepted time',
      text: 'Thank you for confirming. We look forward to seeing you on {{date}} and will send you an invitation with all the details.',
    },
    friendly: {
      name: 'Confirm the time (friendly)',
      text: "Great, {{date}} it is! I'll send over an invite with all the details.",
    },
  },
};

/** The reply confirming the time the customer accepted, in the greeting and sign-off of the
 * business's meeting template. */
function confirmationDraft(
  ranked: readonly Template[],
  analysis: Analysis,
  context: DraftContext,
  values: Map<DraftLanguage, TemplateValues>,
): Draft | null {
  const meeting = ranked.find((t) => t.intent === 'meeting_request');
  if (!meeting) return null;
  const mine = paragraphs(meeting.body);
  if (mine.length < 2) return null;
  const c = CONFIRM[meeting.language][meeting.tone];
  const body = [mine[0], c.text, mine[mine.length - 1]].join('\n\n');
  const draft = render(
    { ...meeting, id: `${meeting.id}+accepted`, name: c.name, body, commitments: [] },
    analysis,
    context,
    values,
    false,
  );
  return { ...draft, confirmsTime: true };
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
