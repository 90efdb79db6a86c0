import type { DraftLanguage, Intent } from './types';

export type Tone = 'formal' | 'friendly';
/** Promises a reply may make only when its template says so; the AI output check enforces it. */
export type Commitment = 'refund' | 'compensation' | 'replacement';
/**
 * A reply that states a decision of the business. Never offered as a default draft: the user picks
 * it explicitly ("Approve refund", "Offer replacement", "Decline").
 */
export type Decision = 'refund' | 'replacement' | 'decline';
export const DECISIONS: readonly Decision[] = ['refund', 'replacement', 'decline'];

export interface Template {
  id: string;
  name: string;
  language: DraftLanguage;
  intent: Intent;
  tone: Tone;
  /** Text with `{{variable}}` markers; see TEMPLATE_VARIABLES. */
  body: string;
  /** ms since epoch */
  updatedAt: number;
  builtIn: boolean;
  /** What the business allows this reply to promise; none when absent. */
  commitments?: Commitment[];
  /** Set on replies that announce a decision; they are offered only when the user asks for one. */
  decision?: Decision;
  /** Answers a conditional request ("if it is not here by Monday…"); offered only for those. */
  conditional?: boolean;
}

export const TEMPLATE_VARIABLES = [
  'customer.firstName',
  'customer.name',
  'order.ref',
  'invoice.ref',
  'ticket.ref',
  'business.name',
  'manager.name',
  'slots',
  'signature',
  'amount',
  'date',
  'answer',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const PLACEHOLDERS: Record<TemplateVariable, Record<DraftLanguage, string>> = {
  'customer.firstName': { es: 'nombre', en: 'name' },
  'customer.name': { es: 'nombre del cliente', en: 'customer name' },
  'order.ref': { es: 'número de pedido', en: 'order number' },
  'invoice.ref': { es: 'número de factura', en: 'invoice number' },
  'ticket.ref': { es: 'número de incidencia', en: 'ticket number' },
  'business.name': { es: 'nombre del negocio', en: 'business name' },
  'manager.name': { es: 'nombre del responsable', en: 'manager name' },
  slots: { es: 'horarios disponibles', en: 'available times' },
  signature: { es: 'firma', en: 'signature' },
  amount: { es: 'importe', en: 'amount' },
  date: { es: 'fecha', en: 'date' },
  answer: { es: 'su respuesta aquí', en: 'your answer here' },
};

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; text: string }
  /** A variable with no value: `text` is the bracketed placeholder shown in the draft, e.g. "[order number]". */
  | { kind: 'missing'; name: string; text: string };

export interface Rendered {
  /** Plain text of the reply; missing variables appear as their bracketed placeholder, never as `{{…}}`. */
  text: string;
  segments: Segment[];
  /** Variable names with no value, in order of first use. */
  missing: string[];
}

const MARKER = /\{\{\s*([\w.]+)\s*\}\}/g;

export function isKnownVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/** "[order number]" / "[número de pedido]"; unknown names show as themselves. */
export function placeholderFor(name: string, language: DraftLanguage): string {
  return `[${isKnownVariable(name) ? PLACEHOLDERS[name][language] : name}]`;
}

/** Variable names a template body uses, in order, without repeats. */
export function templateVariables(body: string): string[] {
  const names: string[] = [];
  for (const m of body.matchAll(MARKER)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/**
 * Fills a template in one pass: values are inserted as text and never re-read, so a customer name
 * containing "{{…}}" stays literal. Stray braces left in the body are removed from the output.
 */
export function renderTemplate(body: string, values: TemplateValues, language: DraftLanguage): Rendered {
  const segments: Segment[] = [];
  const missing: string[] = [];
  let last = 0;
  const pushText = (text: string) => {
    const clean = text.replace(/\{\{|\}\}/g, '');
    if (clean) segments.push({ kind: 'text', text: clean });
  };
  for (const m of body.matchAll(MARKER)) {
    pushText(body.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[1]!;
    const raw = isKnownVariable(name) ? values[name] : undefined;
    const value = raw?.trim();
    if (value) {
      segments.push({ kind: 'value', name, text: value });
    } else {
      segments.push({ kind: 'missing', name, text: placeholderFor(name, language) });
      if (!missing.includes(name)) missing.push(name);
    }
  }
  pushText(body.slice(last));
  return { text: segments.map((s) => s.text).join(''), segments, missing };
}
