// Plain data produced by the assistant. Stored by the side panel (Dexie) as-is, so keep it JSON-safe.

/** ISO 639-1 for Spanish and English; other languages keep franc's ISO 639-3 code; 'und' when unsure. */
export type Language = 'es' | 'en' | (string & {});
export type DraftLanguage = 'es' | 'en';

export const INTENTS = [
  'complaint',
  'question',
  'meeting_request',
  'order_status',
  'cancellation',
  'thanks',
  // Supplier invoices, receipts and credit notes sent to the business (bookkeeping).
  'invoice',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface IntentScore {
  intent: Intent;
  /** 0..1 */
  confidence: number;
}

export interface Amount {
  text: string;
  value: number;
  /** ISO 4217 */
  currency: string;
}

export interface Phone {
  text: string;
  /** Digits with a leading + when the country is known (E.164-like), else the bare digits. */
  normalized: string;
}

export interface ExtractedDate {
  /** The words the date was read from, as written. */
  text: string;
  /** Start as ISO 8601 with the offset of `zone` at that instant. */
  start: string;
  end?: string;
  /** Local calendar day of the start in `zone` (YYYY-MM-DD). */
  day: string;
  /** False when only the day is known ("el martes"): the time part of `start` is a placeholder. */
  timeCertain: boolean;
  /** IANA zone the wall-clock time was read in. */
  zone: string;
  /** Part of the day when the writer named one instead of a time ("por la tarde", "first thing"). */
  part?: 'morning' | 'noon' | 'afternoon' | 'evening';
  /** Before the message was sent: a report of what happened, not a proposal. */
  past?: boolean;
  /** The writer named a weekday that the date does not fall on ("Monday the 4th" when the 4th is a
   * Tuesday): the date is kept as written and flagged for the user to check, never moved. */
  weekdayMismatch?: { written: string };
  /** Message the date came from, when read from a thread. */
  messageId?: string;
}

export interface Facts {
  orders: string[];
  invoices: string[];
  tickets: string[];
  amounts: Amount[];
  dates: ExtractedDate[];
  phones: Phone[];
  customerName: string | null;
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type UrgencyKind =
  | 'urgent_word'
  | 'deadline'
  | 'legal'
  | 'repeat_contact'
  | 'long_wait'
  | 'cancel_threat'
  | 'shouting'
  | 'exclamation';

export interface UrgencySignal {
  kind: UrgencyKind;
  /** The words that triggered it, as written. */
  text: string;
}

export interface Urgency {
  signals: UrgencySignal[];
  severity: Severity;
}

export interface Analysis {
  language: Language;
  languageConfidence: number;
  /** Best first; never empty ('other' when nothing else applies). */
  intents: IntentScore[];
  facts: Facts;
  urgency: Urgency;
  /** 2–3 lines taken from the customer's own words, newline-separated. */
  summary: string;
  customer: { name: string | null; email: string | null };
  /** Id of the customer message the language and intent were read from; null if the thread has none. */
  latestCustomerMessageId: string | null;
  /** IANA zone dates were read in. */
  timeZone: string;
  /** The second thing the mail asks for (complaint + refund, thanks + question), or null. */
  secondaryIntent?: Intent | null;
  /** The reader is not sure of the intent (weak or conflicting evidence, unreadable input): the panel
   * says so and lets the user pick one. `uncertainReason` says why. */
  uncertain?: boolean;
  uncertainReason?:
    | 'empty'
    | 'quoted_only'
    | 'signature_only'
    | 'no_words'
    | 'forwarded'
    | 'too_long'
    | 'mixed_language'
    | 'low_confidence';
  /** A time the customer accepts ("el jueves a las cinco me viene bien"): the meeting flow can confirm
   * it directly. */
  acceptedTime?: ExtractedDate | null;
  /** Praise read as irony ("gracias por el 'servicio express'"): never answered with a thank-you. */
  ironic?: boolean;
  /** A model's reading (cross-checked, see ai-understand.ts) was added to the offline one. */
  aiAssisted?: boolean;
}
