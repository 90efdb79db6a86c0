import { DateTime } from 'luxon';
import type { ExtractedDate, Severity, Urgency, UrgencySignal } from './types';
import { normalise, sentences } from './text';
import { findThreats, normaliseMapped, originalMatch } from './threats';

const URGENT =
  /\b(urgente|urgentemente|urgencia|cuanto antes|lo antes posible|inmediatamente|de inmediato|ya mismo|sin falta|urgent|urgently|asap|a\.s\.a\.p|immediately|right away|as soon as possible|emergency|emergencia)\b/i;
const REPEAT =
  /\b((es|esta es) la (segunda|tercera|cuarta|quinta|enesima) vez|otra vez|de nuevo (os|les|le) escribo|ya (os|les|le) (escribi|llame|he escrito|he llamado)|vuelvo a escribir|sigo sin respuesta|(second|third|fourth|fifth|3rd|4th|5th) time|once again|(i'?ve|i have) (already )?(written|emailed|called|contacted) (you )?(several|multiple|many|three|two)|still no (reply|response|answer)|no (one|body) (has )?(replied|answered|responded))\b/i;
// Counts written as words, both languages (after normalise: no accents, lower case).
const COUNT =
  '\\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|quince|veinte|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty';
const UNIT = 'dias|semanas?|mes|meses|days|weeks?|months?';
/** "ya van 17 días", "llevo dos semanas esperando", "waiting for three weeks", "10 days now". */
const LONG_WAIT = new RegExp(
  `\\b(?:(?:ya )?(?:van|llevo|llevamos|lleva|hace|desde hace|son ya|mas de)\\s+(${COUNT})\\s+(${UNIT})` +
    `|(?:for|it'?s been|been waiting|waited|waiting(?: for)?|over|more than)\\s+(${COUNT})\\s+(${UNIT})` +
    `|(${COUNT})\\s+(${UNIT})\\s+(?:now|already|late|and still|waiting|esperando|de retraso|sin (?:respuesta|el pedido|noticias)))\\b`,
  'i',
);
const WORD_NUMBERS: Record<string, number> = {
  un: 1,
  una: 1,
  a: 1,
  an: 1,
  one: 1,
  dos: 2,
  two: 2,
  tres: 3,
  three: 3,
  cuatro: 4,
  four: 4,
  cinco: 5,
  five: 5,
  seis: 6,
  six: 6,
  siete: 7,
  seven: 7,
  ocho: 8,
  eight: 8,
  nueve: 9,
  nine: 9,
  diez: 10,
  ten: 10,
  quince: 15,
  fifteen: 15,
  veinte: 20,
  twenty: 20,
};
const CANCEL =
  /\b(cancelo|cancelare|cancelar(e)? el pedido|anulo el pedido|me devolv(ais|eis|ain|an)|devolvedme|quiero (mi|el) dinero|quiero el reembolso|cancel (my|the) order|i('ll| will) cancel|want (a|my) refund|money back)\b/i;

/** Days a "17 días" / "three weeks" phrase stands for. */
function waitDays(count: string, unit: string): number {
  const n = /^\d+$/.test(count) ? Number(count) : (WORD_NUMBERS[count] ?? 0);
  if (unit.startsWith('sem') || unit.startsWith('week')) return n * 7;
  if (unit.startsWith('mes') || unit.startsWith('month')) return n * 30;
  return n;
}

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
  // Signals quote the customer's own words (accents and case kept), never the normalised form.
  const mapped = normaliseMapped(text);
  const pick = (re: RegExp): string | null => originalMatch(text, re, mapped)?.text ?? null;
  const urgent = pick(URGENT);
  if (urgent) signals.push({ kind: 'urgent_word', text: urgent });
  const threats = findThreats(text);
  for (const threat of threats) signals.push({ kind: 'legal', text: threat.text });
  const repeat = pick(REPEAT);
  if (repeat) signals.push({ kind: 'repeat_contact', text: repeat });
  // A week or more of waiting is urgent whatever the tone.
  const wait = LONG_WAIT.exec(norm);
  if (wait) {
    const [count, unit] = [wait[1] ?? wait[3] ?? wait[5], wait[2] ?? wait[4] ?? wait[6]];
    if (count && unit && waitDays(count, unit) >= 7)
      signals.push({ kind: 'long_wait', text: pick(LONG_WAIT) ?? wait[0] });
  }
  const cancel = pick(CANCEL);
  if (cancel) signals.push({ kind: 'cancel_threat', text: cancel });

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
    // The first shouted sentence, whole: a cut fragment reads as something else.
    const shouted = sentences(text).find((x) => /\p{Lu}{3,}/u.test(x.text))?.text ?? text.trim();
    signals.push({ kind: 'shouting', text: shouted });
  }
  const bangs = /!{2,}|(?:![^!]{0,40}){3,}/.exec(text);
  if (bangs) {
    const inside = sentences(text).find(
      (x) => x.index + x.text.length >= bangs.index + 1 && x.index <= bangs.index,
    );
    const said = inside?.text ?? bangs[0];
    if (!signals.some((x) => x.text === said)) signals.push({ kind: 'exclamation', text: said });
  }

  let score = 0;
  for (const s of signals) {
    score += {
      urgent_word: 2,
      legal: 3,
      repeat_contact: 2,
      long_wait: 2,
      cancel_threat: 1,
      deadline: 1,
      shouting: 1,
      exclamation: 1,
    }[s.kind];
  }
  if (deadlineSoon) score += 1;
  let severity: Severity = score >= 5 ? 'critical' : score >= 3 ? 'high' : score >= 1 ? 'medium' : 'low';
  // A threat of court, the consumer office or a chargeback is critical on its own; one of public
  // reviews is at least high.
  if (threats.some((x) => x.kind !== 'public_review')) severity = 'critical';
  else if (threats.length > 0 && severity !== 'critical') severity = 'high';
  return { signals, severity };
}
