import { DateTime } from 'luxon';
import type { ExtractedDate, Severity, Urgency, UrgencySignal } from './types';
import { normalise } from './text';

const URGENT =
  /\b(urgente|urgentemente|urgencia|cuanto antes|lo antes posible|inmediatamente|de inmediato|ya mismo|sin falta|urgent|urgently|asap|a\.s\.a\.p|immediately|right away|as soon as possible|emergency|emergencia)\b/i;
const LEGAL =
  /\b(abogad[oa]s?|denuncia(r|re|remos)?|demanda(r|re)?|ocu|consumo|juzgado|tribunales?|hoja de reclamaciones|facua|lawyers?|attorneys?|solicitors?|sue|suing|lawsuit|legal action|small claims|trading standards|better business bureau|bbb|chargeback|dispute it with my bank)\b/i;
const REPEAT =
  /\b((es|esta es) la (segunda|tercera|cuarta|quinta|enesima) vez|otra vez|de nuevo (os|les|le) escribo|ya (os|les|le) (escribi|llame|he escrito|he llamado)|vuelvo a escribir|sigo sin respuesta|(second|third|fourth|fifth|3rd|4th|5th) time|once again|(i'?ve|i have) (already )?(written|emailed|called|contacted) (you )?(several|multiple|many|three|two)|still no (reply|response|answer)|no (one|body) (has )?(replied|answered|responded))\b/i;
const DEADLINE =
  /\b(antes del?|para el|como tarde|a m[aá]s tardar|hasta el|by|before|no later than|until|deadline|plazo)\b/i;

export interface UrgencyInput {
  /** The customer's own words (latest message). */
  text: string;
  dates?: readonly ExtractedDate[];
  /** When the message was sent; deadlines are measured from here. */
  sentAt?: DateTime;
}

/** Urgency signals of a customer's message and the severity they add up to. */
export function assessUrgency({ text, dates = [], sentAt }: UrgencyInput): Urgency {
  const signals: UrgencySignal[] = [];
  const norm = normalise(text);
  const pick = (re: RegExp, source: string): string | null => {
    const m = re.exec(source);
    return m ? m[0] : null;
  };
  const urgent = pick(URGENT, norm);
  if (urgent) signals.push({ kind: 'urgent_word', text: urgent });
  const legal = pick(LEGAL, norm);
  if (legal) signals.push({ kind: 'legal', text: legal });
  const repeat = pick(REPEAT, norm);
  if (repeat) signals.push({ kind: 'repeat_contact', text: repeat });

  let deadlineSoon = false;
  for (const d of dates) {
    const before = norm.slice(0, Math.max(0, norm.indexOf(normalise(d.text)))).slice(-25);
    if (!DEADLINE.test(before)) continue;
    signals.push({ kind: 'deadline', text: d.text });
    if (sentAt) {
      const hours = DateTime.fromISO(d.start).diff(sentAt, 'hours').hours;
      if (hours <= 72) deadlineSoon = true;
    }
    break;
  }

  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = text.replace(/[^\p{Lu}]/gu, '');
  if (letters.length >= 20 && upper.length / letters.length > 0.6) {
    signals.push({ kind: 'shouting', text: text.slice(0, 40) });
  }
  const bangs = /!{2,}|(?:![^!]{0,40}){3,}/.exec(text);
  if (bangs) signals.push({ kind: 'exclamation', text: bangs[0].slice(0, 10) });

  let score = 0;
  for (const s of signals) {
    score += { urgent_word: 2, legal: 3, repeat_contact: 2, deadline: 1, shouting: 1, exclamation: 1 }[
      s.kind
    ];
  }
  if (deadlineSoon) score += 1;
  const severity: Severity = score >= 5 ? 'critical' : score >= 3 ? 'high' : score >= 1 ? 'medium' : 'low';
  return { signals, severity };
}
