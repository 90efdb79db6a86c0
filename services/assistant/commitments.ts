import { normalise } from './text';

// Ways a reply can commit the business (a refund, a cancellation, a replacement, a discount, a
// delivery date) stated as done or promised, in both languages and in paraphrase. Default drafts
// must say none of them; the checks of drafts and the end-to-end tests read this one list. Patterns
// run on normalised text (lower case, no accents).

export type CommitmentKind = 'refund' | 'cancellation' | 'replacement' | 'discount' | 'date';

const PHRASES: Record<CommitmentKind, RegExp[]> = {
  refund: [
    /\b(hemos|he|ya) (tramitado|procesado|realizado|emitido|aprobado|hecho|ordenado)( ya)? (el|su|tu) (reembolso|abono|devolucion del importe)/,
    /\b(le|te|os) (devolveremos|devolvemos|devuelvo|reembolsaremos|reembolsamos|abonaremos|abonamos|ingresaremos|ingresamos)\b/,
    /\b(recibira|recibiras|recibiran) (el|su|tu) (reembolso|dinero|importe)/,
    /\breembolso (aprobado|confirmado|tramitado|en camino)/,
    /\bwe(('| ha)ve| will|'ll)? (issued|processed|approved|refunded|refund|send back|pay back|return your money)/,
    /\b(a|your|the) (full )?refund (has been|was|is being|will be) (issued|processed|approved|sent|made)/,
    /\byou('ll| will) (receive|get|see) (a|your|the) (full )?(refund|money)/,
    /\b(has|have) been refunded\b/,
  ],
  cancellation: [
    /\b(le|te|os) confirm(amos|o) (la )?cancelacion/,
    /\b(queda|ha quedado|esta|ha sido) (ya )?(cancelad|anulad)/,
    /\b(hemos|he) (cancelado|anulado)\b/,
    /\b(estamos|estoy|ya (la|lo) estamos|ya (la|lo) estoy) (tramitando|procesando) (la|su|tu) cancelacion/,
    /\bya (la|lo) (estamos|estoy) tramitando\b/,
    /\b(cancelamos|cancelo|anulamos) (el|su|tu) pedido\b/,
    /\b(has|have) been cancel+ed\b/,
    /\bwe(('| ha)ve| will|'ll)? cancel+(ed)? (it|your|the|order)/,
    /\bi('m| am) cancel+ing\b/,
    /\bwe('re| are) cancel+ing\b/,
    /\bthis confirms (the |your )?cancel+ation/,
  ],
  replacement: [
    /\b(le|te|os) (enviaremos|enviamos|mandaremos|mandamos|mando) (uno|una|otro|otra|un|el) (nuev|de sustitucion|sustitut|repuesto)/,
    /\b(sale|saldra|ha salido) (hoy |ya )?(un|el|su|tu) (nuevo|sustituto|repuesto)/,
    /\b(a|your|the) replacement (is on its way|has been sent|will be sent|leaves|has left|ships)/,
    /\bwe(('| ha)ve| will|'ll)? (send|sent|ship|shipped|dispatch|dispatched) (you )?(a|the|your) (new|replacement)/,
  ],
  discount: [
    /\b(le|te|os) (aplicaremos|aplicamos|hacemos|haremos|ofrecemos) (un|el) descuento/,
    /\bdescuento del? \d+/,
    /\bwe('ll| will|'ve| have)? (apply|applied|give|offer) (you )?(a|an) (\d+ ?% )?(discount|credit)/,
    /\b\d+ ?% (off|discount)\b/,
  ],
  date: [
    /\b(le|te|os) llegara (el|mañana|manana|hoy|antes)/,
    /\b(llegara|se entregara|lo recibira|lo recibiras) (el (lunes|martes|miercoles|jueves|viernes|sabado|domingo|dia)|manana)/,
    /\bwill (arrive|be delivered|reach you) (on|by|tomorrow)\b/,
    /\byou('ll| will) (have|receive|get) it (on|by|tomorrow)\b/,
  ],
};

/** The commitments a text makes, each with the words that make it. */
export function commitmentsIn(text: string): { kind: CommitmentKind; text: string }[] {
  const norm = normalise(text);
  const out: { kind: CommitmentKind; text: string }[] = [];
  for (const kind of Object.keys(PHRASES) as CommitmentKind[]) {
    for (const re of PHRASES[kind]) {
      const m = re.exec(norm);
      if (m) {
        out.push({ kind, text: m[0] });
        break;
      }
    }
  }
  return out;
}
