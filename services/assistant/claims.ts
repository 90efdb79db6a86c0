import type { Commitment } from './templates';
import { normalise } from './text';

// What a model's reply may not say on the business's behalf, read by meaning rather than by a list
// of the checker's own words: payment instructions and account numbers the business never gave,
// statements of fact nobody confirmed (shipped, delivered, refunded, cancelled) and promises the
// template does not allow (refund, compensation, replacement), each in Spanish and English and in
// the usual paraphrases. Everything runs on normalised text (lower case, no accents).

export type FactKind = 'shipped' | 'delivered' | 'refunded' | 'cancelled';
export const FACT_KINDS: readonly FactKind[] = ['shipped', 'delivered', 'refunded', 'cancelled'];

// ---------- payment details ----------

/** IBAN (ES91 2100 0418 4502 0005 1332), with or without spaces. */
const IBAN = /\b[a-z]{2}\d{2}(?:[ -]?[a-z0-9]{4}){3,7}(?:[ -]?[a-z0-9]{1,4})?\b/gi;
/** UK sort code and account, US routing/account, Argentine CBU/CVU (22), Mexican CLABE (18), plain
 * long digit runs that read as account numbers. */
const ACCOUNT_NUMBER = /\b\d{2}-\d{2}-\d{2}\b|\b\d{8,26}\b|\b\d{4}(?:[ -]\d{4}){2,5}\b/g;
/** Words that ask the reader to move money somewhere, in any phrasing. */
const PAY_INSTRUCTION =
  /\b(via|through|by|using|with|por|con|a traves de|mediante) (zelle|venmo|cash ?app|paypal|revolut|wise|western union|moneygram|crypto|bitcoin|btc|usdt|bizum|mercado pago|nequi|daviplata|oxxo|spei)\b|\b(transfer|wire|send|pay|deposit|remit|move|lodge|pay in|paying in|settle|clear|top up)\b[^.!?\n]{0,40}\b(to|into|in|on|via|through)\b[^.!?\n]{0,30}\b(account|iban|bank|sort code|routing|paypal|revolut|wise|zelle|venmo|cash ?app|crypto|bitcoin|btc|usdt|wallet)\b|\b(bank details|account details|payment details|new account|updated account|our new bank|beneficiary|sort code|routing number|swift|bic)\b|\b(transfiera|transferir|transfiere|transferencia|ingrese|ingresar|ingresa|ingreso|deposite|depositar|deposita|deposito|envie|enviar el dinero|mande|pague|pagar|abone|abonar|haga un bizum|bizum|mercado pago|nequi|daviplata|oxxo|spei)\b[^.!?\n]{0,50}\b(cuenta|iban|cbu|cvu|clabe|alias|banco|numero|wallet|monedero)\b|\b(datos bancarios|cuenta bancaria|nueva cuenta|numero de cuenta|cuenta nueva|beneficiario)\b/;
/** Crypto wallet addresses. */
const WALLET = /\b(bc1|[13])[a-km-zA-HJ-NP-Z1-9]{25,39}\b|\b0x[a-fA-F0-9]{40}\b/;

/** Words that make a number beside them a bank or payment reference. */
const BANK_WORD =
  /\b(iban|cbu|cvu|clabe|alias|sort code|account|acct|routing|swift|bic|bizum|paypal|zelle|venmo|cuenta|cta|pago|payment|deposit|deposito|senal|sena|anticipo|transferencia|transfer)\b/;

/** Whether `n` (bare digits) is written within a few words of a bank word in `norm`. */
function besideBankWord(norm: string, n: string): boolean {
  const flat = norm.replace(/[ -](?=\d)/g, '');
  const at = flat.indexOf(n);
  return at >= 0 && BANK_WORD.test(flat.slice(Math.max(0, at - 40), at));
}

const digits = (s: string) => s.replace(/[^a-z0-9]/gi, '').toLowerCase();

/** Account-like numbers and IBANs in a text, as bare digits/letters. */
export function accountNumbers(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.match(IBAN) ?? []) if (/\d{6}/.test(digits(m))) out.add(digits(m));
  for (const m of text.match(ACCOUNT_NUMBER) ?? []) out.add(digits(m));
  return [...out];
}

/**
 * A payment instruction or account number that neither the business profile nor the template draft
 * gave. `known` holds the business's own payment details (as written in its profile).
 */
export function unknownPayment(output: string, draft: string, known: readonly string[]): string | null {
  const norm = normalise(output);
  const knownNumbers = new Set([...known.flatMap(accountNumbers), ...accountNumbers(draft)]);
  for (const n of accountNumbers(output)) {
    // Plain long digit runs may be order numbers the draft already had; a number is refused only
    // when it is new and the text around it is about paying.
    if (knownNumbers.has(n)) continue;
    const isIban = /^[a-z]{2}\d{2}/.test(n);
    if (isIban || PAY_INSTRUCTION.test(norm) || besideBankWord(norm, n)) return n;
  }
  if (WALLET.test(output) && !known.some((k) => WALLET.test(k))) return output.match(WALLET)![0];
  if (PAY_INSTRUCTION.test(norm) && !PAY_INSTRUCTION.test(normalise(draft)) && known.length === 0) {
    return norm.match(PAY_INSTRUCTION)![0];
  }
  return null;
}

// ---------- statements of fact ----------

// A claim is stated when it is not hedged: "once it has shipped", "if it was delivered", "we will
// let you know when it is refunded" describe a condition, not a fact.
const HEDGE =
  /\b(once|when|whenever|if|as soon as|after|until|whether|cuando|en cuanto|si|una vez|tan pronto|hasta que|apenas|check|comprobar|comprobamos|confirm|confirmar|confirmaremos|verify|verificar|will|we'?ll|let you know|le avisaremos|te avisaremos|le informaremos|te informaremos)\b/;

const FACTS: Record<FactKind, RegExp> = {
  shipped:
    /\b(has|have|was|were|had|is|are|got|been)( already| now| just)? (been )?(shipped|dispatched|sent( out)?|posted|mailed|handed (over )?to the courier|picked up by|collected by the courier)\b|\b(we|i)( have| ve|'ve)?( already| just)? (shipped|dispatched|posted|sent (it|them|your))\b|\b(is|are) (on (its|their|the) way|in transit|out for delivery|with the courier)\b|\b(left|has left|have left) (our|the) (warehouse|depot|store|shop|facility)\b|\b(ya )?(se ha|se han|ha sido|han sido|fue|fueron|se) (enviad[oa]s?|despachad[oa]s?|mandad[oa]s?|expedid[oa]s?|enviado|envio|despacho)\b|\b(ya )?(hemos|he) (enviado|despachado|mandado|expedido|entregado al transportista)\b|\b(esta|estan|va|van) (en camino|de camino|en transito|en reparto)\b|\b(ha|han) salido (de )?(nuestro|el) (almacen|deposito)\b|\bsalio (ayer|hoy|esta manana)\b/,
  delivered:
    /\b(has|have|was|were) (already )?(been )?delivered\b|\b(we|i) (have |'ve )?(already )?delivered\b|\b(ya )?(se ha|se han|ha sido|han sido|fue|fueron) entregad[oa]s?\b|\b(ya )?(hemos|he) entregado\b|\bconsta como entregado\b|\bshows as delivered\b/,
  refunded:
    /\b(has|have|was|were) (already )?(been )?(refunded|reimbursed|credited|reversed|returned to your)\b|\b(we|i) (have |'ve )?(already |just )?(refunded|reimbursed|credited|reversed|processed (your|the|a) (refund|return))\b|\b(refund|money|amount|payment) (has been|was|is) (processed|issued|sent|credited|on its way|back)\b|\b(should|will) (already )?(see|have) (the )?(money|refund|amount) (back|in your)\b|\b(ya )?(se ha|se han|ha sido|han sido|fue) (reembolsad[oa]s?|devuelt[oa]s?|abonad[oa]s?|reintegrad[oa]s?|ingresad[oa]s?)\b|\b(ya )?(hemos|he) (reembolsado|devuelto|abonado|reintegrado|ingresado|procesado (el|su|tu) (reembolso|devolucion|abono))\b|\b(el|su|tu) (reembolso|dinero|importe|abono) (ya )?(esta|se ha|ha sido) (procesado|emitido|en camino|en (su|tu) cuenta|ingresado|enviado)\b|\bya (tiene|tienes) (el|su|tu) dinero\b/,
  cancelled:
    /\b(has|have|was|were|is|are) (already |now )?(been )?(cancel+ed|terminated|closed|deactivated|stopped|voided)\b|\b(we|i) (have |'ve )?(already |just )?(cancel+ed|terminated|closed|deactivated|stopped|voided)\b|\b(ya )?(se ha|se han|ha sido|han sido|fue|fueron|queda|quedan|esta|estan) (cancelad[oa]s?|anulad[oa]s?|dad[oa]s? de baja|cerrad[oa]s?|desactivad[oa]s?)\b|\b(ya )?(hemos|he) (cancelado|anulado|dado de baja|cerrado|desactivado)\b/,
};

/** Sentences of a text (normalised), so a hedge in one sentence does not excuse another. */
function sentencesOf(norm: string): string[] {
  return norm.split(/(?<=[.!?\n])\s+|[;\n]/).filter((s) => s.trim());
}

/** Facts a text states as done (not hedged, not asked). */
export function statedFacts(text: string): FactKind[] {
  const out = new Set<FactKind>();
  for (const s of sentencesOf(normalise(text))) {
    if (/\?\s*$/.test(s)) continue;
    for (const kind of FACT_KINDS) {
      const m = FACTS[kind].exec(s);
      if (!m) continue;
      const before = s.slice(0, m.index);
      if (HEDGE.test(before)) continue;
      // "it has not been shipped yet" states a fact too, and nobody confirmed that either.
      out.add(kind);
    }
  }
  return [...out];
}

/** A fact the reply states that the draft did not state and the business did not confirm. */
export function unconfirmedFact(
  output: string,
  draft: string,
  confirmed: readonly FactKind[],
): FactKind | null {
  const allowed = new Set([...confirmed, ...statedFacts(draft)]);
  return statedFacts(output).find((f) => !allowed.has(f)) ?? null;
}

// ---------- promises ----------

const PROMISES: Record<Commitment, RegExp> = {
  refund:
    /\b(refund|reimburs|money back|repay|pay you back|credit (your|the|it back)|reverse the (charge|payment)|chargeback|(return|give|send|pay|get|have|transfer|wire)( you| it)? (back )?(the |your |all |full |a )?(full )?(money|amount|payment|price|cost|charge|sum|balance|deposit|\d+ ?(eur|euros|usd|dollars|pounds|gbp))( back)?|(get|have) (it|that|\d+[^ ]*|your \w+) back|reembols|reintegr|devolver(le|te|emos|os|les)?( a usted| a ti)? (el|su|tu|la|todo el|todo|los|las|lo) ?(dinero|importe|pago|cantidad|cargo|total|precio|coste|deposito|senal|anticipo|\d+)|devolvemos (el|su|tu) (dinero|importe)|le devolvemos el importe|(le|te|les|os) (devolvemos|devolveremos|devolvere|abonamos|abonaremos|ingresamos|ingresaremos|reintegramos|retornamos) |abonar(le|te|les|os)? (el|la|su|tu) (importe|cantidad|dinero|diferencia|cargo)|anular el cargo|recuperara (su|tu|el) dinero|recibira (su|tu|el) dinero|(su|tu) dinero de vuelta)/,
  compensation:
    /\b(compensat|indemni|discount|\d+ ?% off|off your next|money off|knock \w+ off|voucher|coupon|promo code|store credit|credit note|goodwill (gesture|payment)|free of charge|for free|on the house|at no (extra )?(cost|charge)|complimentary|gift card|we'?ll waive|waive the|compensacion|compensar|descuento|rebaja|\d+ ?% de descuento|vale (de|por|descuento|regalo)|cupon|codigo promocional|gratis|gratuit|sin coste|sin cargo|cortesia de la casa|invita la casa|cheque regalo|tarjeta regalo|le regalamos|te regalamos|bonificacion|bonificar)/,
  replacement:
    /\b(replacement|replace (it|them|the|your)|send (you )?(a |an )?(new|another|fresh|second)( one)?|swap (it|them) for|exchange (it|them) for|sustitu|reemplaz|repondre|reponemos|cambiar(lo|la|los|las|selo|sela)? por (uno|una|otro|otra) nuev|cambiamos (el|la|su|tu) \w+ por|(le|te|les|os) (enviaremos|enviamos|mandaremos|mandamos|mando|envio) (uno|una|otro|otra)( nuev[oa])?|otro nuevo|otra nueva|uno nuevo|una nueva unidad)/,
};

/** A promise of `kind` in the reply that the draft does not make. */
export function newPromises(output: string, draft: string): Commitment[] {
  const o = normalise(output);
  const d = normalise(draft);
  return (Object.keys(PROMISES) as Commitment[]).filter((k) => PROMISES[k].test(o) && !PROMISES[k].test(d));
}
