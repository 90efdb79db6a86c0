import { DateTime } from 'luxon';
import { INTENTS, type Intent } from './types';

// The labelled-set format (see evaluate.ts and the README) and its checks. Kept apart from the
// evaluator so the training script can read the sets without loading the trained model.

/** Intent names accepted in a file: the product's own plus the issue's `cancellation_refund`. */
const INTENT_ALIASES: Record<string, Intent> = {
  cancellation_refund: 'cancellation',
  refund: 'cancellation',
  meeting: 'meeting_request',
};

export interface EvalDate {
  text?: string;
  start: string;
}

export interface EvalMessage {
  id: string;
  lang: string;
  subject?: string;
  body: string;
  sentAt: string;
  intent: string;
  alt?: string | null;
  dates: EvalDate[];
  zone?: string;
  fromName?: string;
  previous?: { fromUser: boolean; body: string }[];
  note?: string;
}

export function toIntent(name: string): Intent {
  const n = name.trim().toLowerCase();
  const mapped = INTENT_ALIASES[n] ?? n;
  if (!(INTENTS as readonly string[]).includes(mapped)) throw new Error(`unknown intent "${name}"`);
  return mapped as Intent;
}

/** Checks one file's content and says what is wrong with it, message by message. */
export function parseEvalSet(data: unknown): EvalMessage[] {
  if (!Array.isArray(data)) throw new Error('the set must be a JSON array of messages');
  return data.map((raw: unknown, i) => {
    const m = raw as Partial<EvalMessage> | null;
    const where = `message ${i}${m && typeof m.id === 'string' ? ` (${m.id})` : ''}`;
    if (!m || typeof m !== 'object') throw new Error(`${where}: not an object`);
    for (const key of ['id', 'lang', 'body', 'sentAt', 'intent'] as const)
      if (typeof m[key] !== 'string') throw new Error(`${where}: "${key}" must be a string`);
    if (!DateTime.fromISO(m.sentAt!, { setZone: true }).isValid)
      throw new Error(`${where}: "sentAt" must be ISO 8601 with an offset`);
    toIntent(m.intent!);
    if (m.alt) toIntent(m.alt);
    if (!Array.isArray(m.dates)) throw new Error(`${where}: "dates" must be an array`);
    for (const d of m.dates)
      if (!d || typeof d.start !== 'string' || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/.test(d.start))
        throw new Error(`${where}: each date needs "start" as YYYY-MM-DD or YYYY-MM-DDTHH:mm`);
    return m as EvalMessage;
  });
}
