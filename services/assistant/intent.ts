import type { Intent, IntentScore } from './types';
import { editDistance, normalise, tokens } from './text';

// Rule lexicon over normalised text (lowercase, no accents, repeats collapsed). Two kinds of cue:
// `w` single words (a trailing * makes a stem), also matched with one typo when long enough; and `p`
// phrases as regular expressions. Weights are the evidence one cue gives; an intent's score is the
// sum over distinct cues.
type Cue = { w: string; s: number } | { p: RegExp; s: number };
type Scored = Exclude<Intent, 'other'>;

const w = (word: string, s: number): Cue => ({ w: word, s });
const p = (re: RegExp, s: number): Cue => ({ p: re, s });

const LEXICON: Record<Scored, Cue[]> = {
  complaint: [
    // Billing errors: "the delivery charge was added twice", "me cobrasteis dos veces"
    p(
      /\b(charged|billed|added|counted|cobrad[oa]s?|cobrasteis|cobraron|facturad[oa]s?) (us |me |nos )?(twice|two times|double|dos veces|por duplicado)\b/,
      2.5,
    ),
    p(/\b(overcharg|double[- ]charg|cobro duplicado|cobro de mas|cobrado de mas)/, 2),
    w('raja', 1.2),
    w('rajad*', 1.2),
    w('desportillad*', 1.5),
    w('aplastad*', 1.2),
    w('crudo', 1.2),
    w('quemad*', 1),
    w('gotea*', 1),
    w('peor', 1.2),
    w('grave', 0.8),
    w('molesto', 1.2),
    w('molesta', 1.2),
    w('solucion', 0.8),
    w('solucionar', 0.8),
    w('solucionen', 0.8),
    w('faltan', 1),
    w('frio', 0.8),
    w('fria', 0.8),
    w('suelto', 0.6),
    w('wobble*', 1),
    w('scratched', 1.2),
    w('wilted', 1.5),
    w('stale', 1),
    w('upset', 1.2),
    w('shocked', 1.2),
    w('dirtier', 1),
    w('broke', 1.2),
    w('missing', 0.8),
    p(/\bfalta de respeto\b/, 2),
    p(/\b(no (es|era) lo que (esperaba|esperabamos|pedi|pedimos|compre))\b/, 1.5),
    p(/\b(nunca (he|hemos) pedido|que no (pedi|pedimos|contratamos|consumimos))\b/, 1.2),
    p(/\bno se corresponde\b/, 1),
    p(/\b(sigue igual|vuelve a (gotear|fallar|romperse|estropearse|pasar))\b/, 1.5),
    p(/\bya no (funciona|carga|enciende|va|arranca)\b/, 1.2),
    p(/\bno entiendo como\b/, 1),
    p(/\bsin (ser )?atendid[oa]s?\b/, 1.2),
    p(/\b(es|fue) (vuestro|su|tu) error\b|\bel error es (vuestro|suyo|tuyo)\b/, 1.2),
    p(/\bno me parece (normal|bien|serio|aceptable)\b/, 1.2),
    p(/\b(expected|expect) (much |a lot )?better\b/, 1.5),
    p(/\bnot what (i|we) (paid|ordered|expected)\b/, 1.5),
    p(/\b(nobody|no one|no-one) (called|came|showed|turned up|rang)\b/, 1.5),
    p(/\b(hair|bug|insect|glass) in (the|my)\b/, 1.2),
    p(/\blocked out\b/, 0.8),
    w('queja*', 2),
    w('quejarme', 2),
    w('reclamacion*', 1.5),
    w('reclamar', 1.2),
    w('inaceptable', 2),
    w('verguenza', 2),
    w('indignad*', 2),
    w('decepcion*', 1.8),
    w('fatal', 1.2),
    w('pesim*', 1.8),
    w('horrible', 1.5),
    w('lamentable', 1.8),
    w('defectuos*', 1.8),
    w('estropead*', 1.5),
    w('danad*', 1.5),
    w('grosero', 1.5),
    w('maleducad*', 1.5),
    w('borde', 0.8),
    w('harto', 1.5),
    w('harta', 1.5),
    w('desastre', 1.5),
    w('sucio', 1.2),
    w('sucia', 1.2),
    w('anicos', 1.5),
    w('exijo', 1.5),
    w('abogado', 1.5),
    w('denuncia*', 1.5),
    w('ocu', 1.5),
    w('complain*', 2),
    w('unacceptable', 2),
    w('disappoint*', 1.8),
    w('terrible', 1.5),
    w('awful', 1.5),
    w('rude', 1.5),
    w('broken', 1.5),
    w('cracked', 1.5),
    w('damaged', 1.5),
    w('defective', 1.8),
    w('faulty', 1.8),
    w('leaks', 1),
    w('leaking', 1),
    w('ridiculous', 1.5),
    w('disgust*', 1.8),
    w('worst', 1.5),
    w('unhappy', 1.5),
    w('dirty', 1.2),
    w('lawyer', 1.5),
    w('solicitor', 1.5),
    w('unprofessional', 1.5),
    w('appalling', 1.8),
    w('shocking', 1.2),
    w('overcharged', 1.8),
    p(/\b(rot[oa]s?|roto)\b/, 1.5),
    p(/\bhoja de reclamaciones\b/, 2),
    p(/\bmal estado\b/, 1.5),
    p(/\bno funciona\b/, 1.2),
    p(/\bha dejado de funcionar\b/, 1.5),
    p(/\bmala? (atencion|experiencia|calidad|servicio)\b/, 1.8),
    p(/\bmuy mal[oa]?\b/, 1.2),
    p(/\b(cobrad[oa]|cobrais|cobran|cobraron|cobrasteis|cobro) (de mas|dos veces|doble)\b/, 1.8),
    p(/\b(doble (cargo|cobro)|cargo duplicado|cobro duplicado)\b/, 1.8),
    p(/\bnos cobraron\b.*\bno (pedimos|consumimos)\b/, 1.5),
    p(/\bnadie (me |nos )?(contesta|responde|atiende|ha contestado|ha respondido|dice nada)\b/, 1.8),
    p(/\b(es|esta es) la (segunda|tercera|cuarta|quinta|enesima) vez\b/, 1.5),
    p(/\bno es normal\b/, 1.2),
    p(/\bdeja(n)? mucho que desear\b/, 1.5),
    p(
      /\b(lleg[oa]|llegaron|estaba|estaban|vino|vinieron) (frio|fria|frios|frias|caducad[oa]s?|abiert[oa]s?)\b/,
      1.2,
    ),
    p(/\b(equivocad[oa]s?|incorrect[oa]s?)\b/, 1),
    p(/\bespero una solucion\b/, 1.2),
    p(/\b(no (estoy|estamos) (nada )?(contento|contenta|contentos|satisfech[oa]s?))\b/, 1.5),
    p(/\bpongo una (denuncia|reclamacion)\b/, 1),
    p(/\b(no|nunca) (volvere|volveremos)\b/, 1.5),
    p(/\b(poor|bad) (service|quality|experience|customer service)\b/, 1.8),
    p(/\b(doesn'?t|does not|didn'?t|did not|isn'?t|is not) work(ing)?\b/, 1.2),
    p(/\b(not|stopped) working\b/, 1.2),
    p(/\bwrong (item|size|order|colou?r|product|address|one)\b/, 1.5),
    p(/\b(charged (me |us )?(twice|double)|double[- ]charged|duplicate charge)\b/, 1.8),
    p(/\bfed up\b/, 1.8),
    p(/\bnot (happy|impressed|acceptable|good enough)\b/, 1.5),
    p(/\b(nobody|no one|no-one) (has|is|answers|replied|responded|got back|gets back)\b/, 1.5),
    p(/\b(the )?(second|third|fourth|fifth|3rd|4th) time\b/, 1.5),
    p(/\b(arrived|was|were|came) (cold|stale|late|open(ed)?|expired)\b/, 1.2),
    p(/\b(legal action|trading standards|sue you|small claims|bad review)\b/, 1.5),
    p(/\bnever (again|ordering again|coming back)\b/, 1.5),
    p(/\bvery disappointed\b/, 0.5),
  ],
  question: [
    w('garantia', 0.8),
    w('warranty', 0.8),
    p(/\b(what'?s|what is|cual es) (your|su|vuestra|vuestro|tu)\b/, 1),
    w('duda*', 1),
    w('consulta*', 1),
    w('informacion', 0.8),
    w('presupuesto', 1),
    w('precio*', 0.9),
    w('tarifa*', 0.9),
    w('horario*', 1),
    w('disponibilidad', 0.5),
    w('aceptan', 0.8),
    w('admiten', 0.8),
    w('wondering', 1.2),
    w('question*', 1),
    w('information', 0.8),
    w('price*', 0.9),
    w('pricing', 0.9),
    w('quote', 0.9),
    w('cost', 0.7),
    p(/\?/, 1),
    p(
      /\b(queria|quiero|queriamos|quisiera|me gustaria|nos gustaria) (saber|preguntar(le|les|os)?|consultar(le|les|os)?|informacion)\b/,
      1.4,
    ),
    p(
      /\b(podria|podrian|podrias|podeis|pueden|puede|puedes) (decir|indicar|informar|explicar|aclarar|confirmar)(me|nos)?\b/,
      1,
    ),
    p(/\b(tienen|teneis|tiene|hacen|haceis|abren|abris|cierran|trabajan|ofrecen|venden|hay) /, 0.5),
    p(/\bcuanto (cuesta|vale|sale|cobran|costaria|tarda)\b/, 1.4),
    p(/\b(se puede|es posible|seria posible|hay posibilidad|puedo|podria) /, 0.5),
    p(/\b(como|donde|cuando|cual|cuales|que) (puedo|hago|se|tengo|funciona|incluye)\b/, 0.7),
    p(/\bque precio\b/, 1),
    p(/\b(do|does|did) (you|it|they|the)\b/, 0.7),
    p(/\b(is|are) (there|it|you|the)\b[^.!]*\?/, 0.7),
    p(/\b(can|could) (i|we|you tell|you let me know|you confirm)\b/, 0.6),
    p(/\b(would it be|is it) possible\b/, 1),
    p(/\bhow (much|long|many|do i|can i|does)\b/, 1.2),
    p(/\b(opening hours|open on|what time)\b/, 1),
    p(/\bdo you (have|offer|do|sell|deliver|accept|take|ship)\b/, 0.8),
  ],
  meeting_request: [
    w('meet', 1.2),
    p(
      /\b(hablar|vernos|reunirnos|verte|verle|verles)( contigo| con usted| con ustedes| con vosotros)? en persona\b/,
      1.5,
    ),
    p(/\b(tendria|tendrias|tendrian|tienes|tiene|tienen|teneis) (un )?rato\b/, 1.4),
    p(/\bme adapto\b/, 0.8),
    p(/\b(hop on|jump on|have|do|get on) a (quick |short |video |phone )?call\b/, 1),
    p(/\b(would|do|will|could) you have (\d+|a few|some|half an hour|an hour) ?(minutes|mins|min)?\b/, 1.5),
    p(/\b(talk it through|talk through|go over|go through|walk you through)\b/, 0.6),
    p(/\b(i'?m|i am|we'?re|we are) (free|available)\b/, 1.2),
    p(/\bcome by\b/, 1),
    w('reunion*', 2),
    w('reunirnos', 2),
    w('reunirme', 2),
    w('vernos', 1.5),
    w('agendar', 1.5),
    w('videollamada', 2),
    w('concertar', 1.2),
    w('meeting', 2),
    w('appointment*', 1.8),
    w('schedule', 1),
    w('zoom', 1),
    w('demo', 1),
    w('rebook', 1),
    w('reschedule', 1.2),
    p(/\b(pedir|solicitar|reservar|concertar|tener|una|la|mi) cita\b/, 1.8),
    p(/\bcita (con|para)\b/, 1.2),
    p(
      /\b(podemos|podriamos|podemos|puedo|podria|quiero|querria|me gustaria|nos gustaria) (quedar|vernos|hablar|reunirnos|pasar(me)?|ir)\b/,
      1.4,
    ),
    p(/\bquedar (el|para|un|una|en|a)\b/, 1),
    p(/\b(una|la) llamada\b/, 1),
    p(/\bllamada (de|con|para)\b/, 0.8),
    p(/\b(hablar|vernos|reunirnos) en persona\b/, 1),
    p(/\bpasar(me|nos)? por\b/, 0.8),
    p(/\b(me|nos|te|le|les|os) (viene|vendria|va|iria) bien\b/, 1.2),
    p(/\b(tendria|tendrian|tienes|tiene|tienen|teneis) (un )?(hueco|disponibilidad|tiempo)\b/, 1.4),
    p(/\b(presentar(le|les|te|os)?) (nuestros|nuestra|nuestro)\b/, 1),
    p(/\bset up (a |an )?(call|meeting|time|chat|visit)\b/, 1.8),
    p(/\b(book|arrange|organi[sz]e) (a|an|some) (call|meeting|appointment|time|visit|slot|demo)\b/, 1.8),
    p(
      /\b(catch up|get together|meet up|meet with|meet you|meet in person|come in|stop by|drop by|pop in)\b/,
      1.2,
    ),
    p(/\b(a|quick|short|phone|video) call\b/, 1),
    p(/\bare you (free|available)\b/, 1.5),
    p(/\b(would|does|will|could) [a-z0-9: ]{1,40} work (for|with) you\b/, 1.5),
    p(/\bworks? for (me|us)\b/, 1.2),
    p(/\b(sounds good|see you (on|at|then))\b/, 0.8),
    p(/\b(google meet|teams call|ms teams|microsoft teams)\b/, 1),
    p(/\b(available|free) (on|next|this|for a|tomorrow)\b/, 1),
  ],
  order_status: [
    w('entrega*', 0.8),
    w('encargu*', 0.8),
    w('resguardo', 0.8),
    w('recoger*', 0.6),
    w('collection', 0.6),
    p(/\b(en )?que estado (esta|tiene|se encuentra)\b/, 2.5),
    p(/\b(alguna|algun|hay) novedad(es)?\b/, 1.8),
    p(/\b(todo en marcha|in hand|on track)\b/, 1.2),
    p(/\b(esta|estara|estaria) (ya|listo|lista|reparad[oa]|terminad[oa])\b/, 1),
    p(/\bwhen\b.{0,40}\b(be delivered|arrive|be shipped|be ready|get here)\b/, 1.8),
    p(/\bcuando\b.{0,40}\b(llega|llegara|llegan|entregan|entregareis|estara listo)\b/, 1.8),
    p(/\bwill (it|they|my order|the order|my parcel|my package) (arrive|be delivered|ship|get here)\b/, 2),
    p(/\b(has|have) (my|our|the) (order|parcel|package|item)s? (shipped|been shipped|left|been sent)\b/, 2),
    p(/\bse entrega(n)?\b/, 1),
    w('seguimiento', 1.5),
    w('tracking', 1.5),
    w('repartidor', 1.2),
    w('mensajero', 1.2),
    w('transportista', 1.2),
    w('paquete', 0.8),
    w('envio', 0.8),
    w('enviado', 0.8),
    w('shipped', 1),
    w('shipping', 0.8),
    w('dispatched', 1),
    w('delivery', 0.8),
    w('parcel', 0.8),
    w('package', 0.8),
    w('courier', 1),
    w('pedido', 0.4),
    w('order', 0.4),
    p(/\bdonde (esta|estan|anda|queda) (mi|el|nuestro|nuestra|la|los|mis)\b/, 2.5),
    p(/\b(estado|situacion) (de|del) (mi |el |nuestro |la )?(pedido|envio|paquete|compra|reserva)\b/, 2.5),
    p(/\bno (me |nos )?(ha|han|hay) (llegado|llegado nada|recibido)\b/, 2),
    p(/\bno (lo |la |los |las )?(he|hemos) recibido\b/, 2),
    p(
      /\b(todavia|aun|sigo sin|seguimos sin) (no )?(ha llegado|han llegado|llega|recibido|recibir|lo he recibido|tenerlo|nada)\b/,
      1.5,
    ),
    p(
      /\bcuando (me |nos )?(llega|llegara|llegan|llegaran|recibire|recibiremos|lo recibo|enviais|envian|lo envian|sale|saldra)\b/,
      2,
    ),
    p(/\b(me|nos) llega\b/, 0.8),
    p(/\b(ya )?(salio|ha salido|han enviado|habeis enviado)\b/, 1),
    p(/\bplazo de entrega\b/, 1),
    p(/\b(correos|seur|mrw|gls|nacex|dhl|ups|fedex|usps|estafeta)\b/, 0.8),
    p(/\bwhere (is|are) (my|our|the)\b/, 2.5),
    // "where purchase order PO 7781 is", "donde esta el pedido 4512"
    p(/\bwhere\b.{0,30}\b(order|po|parcel|package|delivery|shipment)\b.{0,25}\b(is|are)\b/, 2.5),
    p(/\b(it|they|the order) (was|were) due\b/, 1),
    p(/\b(order|delivery|shipping|shipment) status\b/, 2.5),
    p(/\bstatus of (my|our|the)\b/, 2.5),
    p(
      /\b(hasn'?t|haven'?t|has not|have not|still not|not yet|never) (arrived|shipped|been shipped|been delivered|received|come|turned up|showed up)\b/,
      2,
    ),
    p(/\bstill (waiting|haven'?t|has not|hasn'?t|not)\b/, 1.2),
    p(/\bwhen (will|can|do|should) (it|my|i|we|you|the)\b/, 1.2),
    p(/\b(any|an) (update|news) (on|about|regarding)\b/, 1.8),
    p(/\b(eta|arrive|arrival)\b/, 0.8),
  ],
  cancellation: [
    w('anul*', 2.2),
    p(/\b(no podre|no puedo|no podemos|no podremos) (ir|venir|asistir|acudir)\b/, 1.5),
    p(/\b(can'?t|cannot|won'?t be able to|unable to) (make|come|attend)\b/, 1.5),
    p(/\bcancel (it|my appointment|the appointment|our booking|my booking|the booking|our table)\b/, 0.8),
    p(/\b(received|recibido) (my |mi |el |the )?(refund|reembolso)\b/, 1),
    p(/\b(regresen|regresar|devuelvan) el (anticipo|dinero|deposito)\b/, 1.5),
    w('devolucion', 2),
    w('devolver*', 1.8),
    w('reembols*', 2),
    w('desistimiento', 2),
    w('abono', 1.2),
    w('cancel*', 2.2),
    w('refund*', 2.2),
    w('unsubscribe', 2),
    w('reimburse*', 1.8),
    w('chargeback', 1.5),
    p(/\b(dar|darme|darnos|den|tramitar|solicitar)( de)? (de )?baja\b/, 2.2),
    p(/\bla baja\b/, 1.5),
    p(/\b(me|nos) (devuelvan|devolvais|devuelvas|reembolsen|abonen)\b/, 1.8),
    p(/\b(devuelvan|devolved|devolvedme|devuelvanme) (el|mi) dinero\b/, 1.5),
    p(/\bya no (lo|la|los|las|me|nos)? ?(quiero|necesito|queremos|necesitamos|interesa)\b/, 1.5),
    p(/\bmoney back\b/, 2),
    p(/\breturn (it|them|the|this|my|an|a)\b/, 1.5),
    p(/\b(returning|a return)\b/, 1.2),
    p(/\b(terminate|end) (my|our|the) (contract|subscription|membership|account)\b/, 2),
    p(/\b(no longer|don'?t) (need|want) (it|this|the|them)\b/, 1.2),
    p(/\b(reverse|reversed|refunded)\b/, 1),
  ],
  thanks: [
    p(/\bgracias por [a-z]+/, 1),
    p(
      /\b(ya )?(recibi|he recibido|got|received|arrived)( ya)? (el |mi |my |the )?(reembolso|refund|dinero|money)\b/,
      1.5,
    ),
    w('gracias', 1),
    w('agradec*', 1.8),
    w('thank*', 1),
    w('thx', 0.8),
    w('grateful', 1.5),
    w('appreciate*', 1),
    w('genial*', 0.5),
    w('perfecto', 0.5),
    w('estupendo', 0.5),
    w('excelente', 0.5),
    w('perfect', 0.5),
    w('great', 0.3),
    w('amazing', 0.5),
    w('fantastic', 0.5),
    w('wonderful', 0.6),
    p(/\b(muchas|muchisimas|mil|infinitas) gracias\b/, 0.8),
    p(/\bgracias (por (todo|la|el|vuestra|su|tu|haber|ser)|de (nuevo|verdad|corazon))\b/, 1.2),
    p(/\b(thank you|thanks) (so|very) much\b/, 0.8),
    p(/\b(huge|big|massive|special) thank/, 1.5),
    p(
      /\b(thank you|thanks) (for|again) (all|everything|looking|the|your|a|such|being|making|sorting|helping)\b/,
      1.2,
    ),
    p(/\b(wanted|want) to (say )?(thank|say thank)/, 1.5),
    p(
      /\b(un exito|de diez|buenisim[oa]|encantad[oa]s?|muy amables|todo (correcto|perfecto)|volveremos)\b/,
      0.8,
    ),
    p(/\b(well done|great job|great service|so helpful|at ease|lovely|love it|loved it)\b/, 0.8),
    p(/\b(got it|received it|all good|recibido|ok gracias|vale gracias)\b/, 0.6),
    // Sign-off thanks say nothing about intent; they cancel the plain "gracias"/"thanks".
    p(
      /\b(gracias (de antemano|por adelantado|anticipadas|por (su|vuestra|tu) (atencion|ayuda|respuesta|tiempo))|thanks? (you )?in advance|thanks for your (help|time|attention)|many thanks)\b/,
      -1,
    ),
  ],
};

// When two intents score the same, the one that needs the more careful reply comes first.
const PRIORITY: Scored[] = [
  'complaint',
  'cancellation',
  'order_status',
  'meeting_request',
  'question',
  'thanks',
];

interface WordCue {
  intent: Scored;
  stem: string;
  prefix: boolean;
  s: number;
}
const WORDS: WordCue[] = [];
const PHRASES: { intent: Scored; re: RegExp; s: number }[] = [];
for (const intent of PRIORITY) {
  for (const cue of LEXICON[intent]) {
    if ('w' in cue) {
      const prefix = cue.w.endsWith('*');
      WORDS.push({ intent, stem: prefix ? cue.w.slice(0, -1) : cue.w, prefix, s: cue.s });
    } else {
      PHRASES.push({ intent, re: cue.p, s: cue.s });
    }
  }
}

function wordMatches(cue: WordCue, token: string): 'exact' | 'fuzzy' | null {
  if (cue.prefix ? token.startsWith(cue.stem) : token === cue.stem) return 'exact';
  // One slip is tolerated on words of 7+ letters, two on 10+ ("reembloso", "cancelacoin"); shorter
  // words have too many real neighbours ("precio" / "preciso").
  if (cue.stem.length < 7) return null;
  const max = cue.stem.length >= 10 ? 2 : 1;
  const candidate = cue.prefix ? token.slice(0, cue.stem.length + 1) : token;
  if (Math.abs(candidate.length - cue.stem.length) > max + (cue.prefix ? 1 : 0)) return null;
  if (cue.prefix) {
    for (const len of [cue.stem.length - 1, cue.stem.length, cue.stem.length + 1]) {
      if (editDistance(token.slice(0, len), cue.stem, max) <= max) return 'fuzzy';
    }
    return null;
  }
  return editDistance(candidate, cue.stem, max) <= max ? 'fuzzy' : null;
}

/** Raw evidence per intent for already normalised text. Exposed for tests and the eval. */
export function intentScores(normalised: string): Record<Scored, number> {
  const scores: Record<Scored, number> = {
    complaint: 0,
    question: 0,
    meeting_request: 0,
    order_status: 0,
    cancellation: 0,
    thanks: 0,
  };
  const seen = new Set<WordCue>();
  const toks = new Set(tokens(normalised));
  for (const token of toks) {
    for (const cue of WORDS) {
      if (seen.has(cue)) continue;
      const m = wordMatches(cue, token);
      if (m) {
        seen.add(cue);
        scores[cue.intent] += m === 'exact' ? cue.s : cue.s * 0.8;
      }
    }
  }
  for (const { intent, re, s } of PHRASES) {
    if (re.test(normalised)) scores[intent] += s;
  }
  for (const intent of PRIORITY) scores[intent] = Math.max(0, scores[intent]);
  return scores;
}

const toConfidence = (score: number): number => Math.round((1 - Math.exp(-score / 1.5)) * 100) / 100;

/**
 * Intents of a customer's own words, best first, with confidences. `context` is the customer's
 * previous message, consulted at reduced weight only when the latest one says too little ("??").
 */
export function classifyIntents(text: string, context?: string): IntentScore[] {
  const norm = normalise(text);
  const scores = intentScores(norm);
  const top = Math.max(...Object.values(scores));
  if ((top < 1 || tokens(norm).length < 3) && context) {
    const earlier = intentScores(normalise(context));
    for (const intent of PRIORITY) scores[intent] += earlier[intent] * 0.7;
  }
  // A thanks at the end of a request is politeness; it leads only when nothing else is asked.
  const others = PRIORITY.filter((i) => i !== 'thanks').map((i) => scores[i]);
  const otherTop = Math.max(...others);
  if (otherTop >= 0.9 && scores.thanks < 2) scores.thanks *= 0.4;
  // "I got my refund" reports a finished cancellation: it is an acknowledgement, not a request.
  if (
    /\b(recibi|he recibido|got|received)( ya)? (el |mi |my |the )?(reembolso|refund)\b/.test(norm) &&
    !/\b(no|not|n't|haven'?t|sin)\b[^.]{0,20}(recibi|recibido|received|got)/.test(norm)
  ) {
    scores.cancellation = Math.max(0, scores.cancellation - 2.2);
  }
  // A question mark inside a more specific request (where is my order?) is that request's form.
  if (Math.max(scores.order_status, scores.meeting_request, scores.cancellation) >= 2) scores.question *= 0.6;

  const ranked = PRIORITY.map((intent) => ({ intent, score: scores[intent] }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || PRIORITY.indexOf(a.intent) - PRIORITY.indexOf(b.intent));
  const best = ranked[0];
  const out: IntentScore[] = [];
  if (!best || best.score < 1) {
    out.push({
      intent: 'other',
      confidence: best ? Math.round((1 - toConfidence(best.score)) * 100) / 100 : 0.8,
    });
  }
  for (const r of ranked) {
    if (r.score < 0.9 || (best && r.score < best.score * 0.35)) continue;
    out.push({ intent: r.intent, confidence: toConfidence(r.score) });
  }
  return out;
}
