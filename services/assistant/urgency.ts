import { DateTime } from 'luxon';
import type { ExtractedDate, Severity, Urgency, UrgencySignal } from './types';
import { normalise } from './text';

const URGENT =
  /\b(urgente|urgentemente|urgencia|cuanto antes|lo antes posible|inmediatamente|de inmediato|ya mismo|sin falta|urgent|urgently|asap|a\.s\.a\.p|immediately|right away|as soon as possible|emergency|emergencia)\b/i;
const LEGAL =
  /\b(abogad[oa]s?|denuncia(r|re|remos)?|demanda(r|re)?|ocu|consumo|juzgado|tribunales?|hoja de reclamaciones|facua|lawyers?|attorneys?|solicitors?|sue|suing|lawsuit|legal action|small claims|trading standards|better business bureau|bbb|chargeback|dispute it with my bank)\b/i;
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
  // A week or more of waiting is urgent whatever the tone.
  const wait = LONG_WAIT.exec(norm);
  if (wait) {
    const [count, unit] = [wait[1] ?? wait[3] ?? wait[5], wait[2] ?? wait[4] ?? wait[6]];
    if (count && unit && waitDays(count, unit) >= 7) signals.push({ kind: 'long_wait', text: wait[0] });
  }
  const cancel = pick(CANCEL, norm);
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
    signals.push({ kind: 'shouting', text: text.slice(0, 40) });
  }
  const bangs = /!{2,}|(?:![^!]{0,40}){3,}/.exec(text);
  if (bangs) signals.push({ kind: 'exclamation', text: bangs[0].slice(0, 10) });

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
  const severity: Severity = score >= 5 ? 'critical' : score >= 3 ? 'high' : score >= 1 ? 'medium' : 'low';
  return { signals, severity };
}
