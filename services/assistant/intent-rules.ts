import type { Intent } from './types';
import { editDistance } from './text';
import { ACCEPTANCE, BOOKING_STEMS, IRONY } from './language-data';
import { tokenise, type Prepared } from './features';

// Rule lexicon over the prepared body (normalised, spelling fixed, greeting and closing formulas set
// apart). Two kinds of cue: `w` single words (a trailing * makes a prefix), also matched with one typo
// when long enough, and skipped inside a negation ("never booked an appointment"); and `p` phrases as
// regular expressions (negation, where it matters, is part of the phrase). Weights are the evidence
// one cue gives; an intent's score is the sum over distinct cues. Cues are general vocabulary of each
// intent: a cue that only one training message uses is not kept (scripts/train.ts reports them).
type Cue = { w: string; s: number } | { p: RegExp; s: number };
export type Scored = Exclude<Intent, 'other'>;
/** Scored intents, and 'other' for mail that is not a customer writing (see the `other` lexicon). */
type Lexical = Scored | 'other';

const w = (word: string, s: number): Cue => ({ w: word, s });
const p = (re: RegExp, s: number): Cue => ({ p: re, s });

const LEXICON: Record<Lexical, Cue[]> = {
  complaint: [
    // General vocabulary across Spain, Mexico, Argentina, Colombia, the US and the UK.
    w('pesimo', 1.8),
    w('pesima', 1.8),
    w('estafa*', 1.8),
    w('enganad*', 1.5),
    w('enganos*', 1.5),
    w('descompuest*', 1.2),
    w('quebrad*', 1.2),
    w('rajad*', 1.2),
    w('agrietad*', 1.2),
    w('astillad*', 1.2),
    w('abollad*', 1.2),
    w('descosid*', 1),
    w('partid*', 0.8),
    w('rayad*', 1),
    w('manchad*', 1),
    w('podrid*', 1.5),
    w('caducad*', 1.2),
    w('vencid*', 0.6),
    w('malogrado', 1.2),
    w('inconformidad', 1.8),
    w('inconforme', 1.8),
    w('molestia*', 1),
    w('frustra*', 1.5),
    w('enfadad*', 1.5),
    w('enojad*', 1.5),
    w('cabread*', 1.5),
    w('reclamo', 1.5),
    w('chanta*', 1.2),
    w('tomadura', 1.2),
    w('scam', 1.8),
    w('ripoff', 1.8),
    w('useless', 1.5),
    w('furious', 1.8),
    w('angry', 1.5),
    w('annoyed', 1.5),
    w('frustrat*', 1.5),
    w('mouldy', 1.5),
    w('moldy', 1.5),
    w('spoiled', 1.2),
    w('stained', 1.2),
    w('torn', 1.2),
    w('smashed', 1.5),
    w('shattered', 1.5),
    w('dented', 1.2),
    w('poor', 0.8),
    w('dreadful', 1.5),
    w('horrendous', 1.8),
    w('incompetent', 1.8),
    w('negligent', 1.5),
    w('misleading', 1.2),
    w('shameful', 1.8),
    p(
      /\b(on hold|en espera|esperando al telefono) (for |durante )?(\d+|two|three|four|five|six|several|dos|tres|cuatro|cinco|seis|varias) (minutes|minutos|hours|horas)\b|\b((llevo|been|spent) )?(\d+|two|three|four|five|six|several|dos|tres|cuatro|cinco|seis|varias) (minutes|minutos|hours|horas) (on hold|en espera)\b/,
      1.8,
    ),
    p(
      /\bis (anyone|anybody) (actually )?(working|there|reading|listening)\b|\bhay alguien (trabajando|ahi|leyendo|ahi dentro)\b/,
      1.5,
    ),
    p(/\b(poca|falta de|ninguna) (seriedad|profesionalidad|formalidad|respeto|verguenza)\b/, 1.8),
    p(
      /\bnunca (llegaron|vinieron|aparecieron|llamaron|vino|llego|aparecio)\b|\bni (avisaron|llamaron|avisan)\b/,
      1.5,
    ),
    w('vergonzos*', 1.8),
    p(
      /\b(come|came|coming|has come|have come) (away|apart|unstuck|loose|unglued)\b|\bse (ha |han )?(despegado|soltado|descosido|rajado|desprendido)\b/,
      1.2,
    ),
    // The writer apologising ("disculpen las molestias") is not a complaint about the reader.
    p(
      /\b(disculpen|disculpad|disculpe|perdonen|perdonad|sentimos|siento|sorry for|apologies for) (las|los|the|any) (molestias|inconvenientes|inconvenience|hassle|trouble)\b/,
      -1.5,
    ),
    p(
      /\b(let down|waste of (money|time)|rip[- ]off|not good enough|not up to standard|below standard)\b/,
      1.5,
    ),
    p(
      /\b(es|esto es) (el colmo|una burla|una tomadura de pelo|increible)\b|\bme parece (fatal|increible|una verguenza)\b/,
      1.5,
    ),
    p(/\b(nadie|ninguno) (me |nos )?(avisa|aviso|llamo|vino|aparecio|atendio)\b/, 1.2),
    p(
      /\b(sigue|siguen|continua|continuan) (sin (funcionar|arreglar|aparecer|llegar)|igual|fallando|roto|rota)\b/,
      1.2,
    ),
    p(/\b(still|keeps?) (broken|leaking|not working|failing|faulty|happening)\b/, 1.2),
    p(/\bwhat a (joke|shambles|mess|disgrace)\b/, 1.5),
    // Billing errors: "the delivery charge was added twice", "me cobrasteis dos veces"
    p(
      /\b(charged|billed|added|counted|cobrad[oa]s?|cobrasteis|cobraron|facturad[oa]s?) (us |me |nos )?(twice|two times|double|dos veces|por duplicado)\b/,
      2.5,
    ),
    p(/\b(overcharg|double[- ]charg|cobro duplicado|cobro de mas|cobrado de mas)/, 2),
    w('peor', 1.2),
    w('molesto', 1.2),
    w('molesta', 1.2),
    w('solucion', 0.8),
    w('solucionar', 0.8),
    w('solucionen', 0.8),
    w('faltan', 1),
    w('scratched', 1.2),
    w('upset', 1.2),
    w('shocked', 1.2),
    w('broke', 1.2),
    w('missing', 0.8),
    p(/\b(nunca (he|hemos) pedido|que no (pedi|pedimos|contratamos|consumimos))\b/, 1.2),
    p(/\bya no (funciona|carga|enciende|va|arranca)\b/, 1.2),
    p(/\bno me parece (normal|bien|serio|aceptable)\b/, 1.2),
    p(/\b(expected|expect) (much |a lot )?better\b/, 1.5),
    p(/\bnot what (i|we) (paid|ordered|expected)\b/, 1.5),
    p(/\b(nobody|no one|no-one) (called|came|showed|turned up|rang)\b/, 1.5),
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
    w('harto', 1.5),
    w('harta', 1.5),
    w('desastre', 1.5),
    w('sucio', 1.2),
    w('sucia', 1.2),
    w('exijo', 1.5),
    w('abogado', 1.5),
    w('denuncia*', 1.5),
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
    p(
      /\b(charge|cargo|cobro|payment|transaction)\b[^.]{0,25}\b(do not|don'?t|no) (recogni[sz]e|reconozco|reconocemos)\b/,
      1.8,
    ),
    p(
      /\b(have not|haven'?t|never|did not|didn'?t) (signed up|subscribed|agreed to|authori[sz]ed)\b|\bno (he|hemos) contratado\b/,
      1.2,
    ),
    p(/\bmal estado\b/, 1.5),
    p(/\bno (me |nos |le |les )?(funciona|sirve|anda|prende|enciende|carga|arranca|furula)\b/, 1.2),
    p(/\bha dejado de funcionar\b/, 1.5),
    p(/\bmala? (atencion|experiencia|calidad|servicio)\b/, 1.8),
    p(/\b(poco|nada|muy poco) profesional(es)?\b|\bnot (very )?professional\b/, 1.5),
    p(/\b(pierde|pierden|perdia|gotea|gotean) (agua|aceite|aire|gas)\b/, 1.2),
    p(/\b(nadie|nobody|no one) (me |nos )?(da|dan|ha dado|will give|gives|will send|sends)\b/, 1.2),
    p(/\b(that|this) (is not|isn'?t) on\b|\b(esto|eso) no puede ser\b|\b(ya )?me canse\b|\bi'?m done\b/, 1.2),
    p(/\bmuy mal[oa]?\b/, 1.2),
    p(/\b(cobrad[oa]|cobrais|cobran|cobraron|cobrasteis|cobro) (de mas|dos veces|doble)\b/, 1.8),
    p(/\b(doble (cargo|cobro)|cargo duplicado|cobro duplicado)\b/, 1.8),
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
    p(/\b(arrived|arrives?|was|were|came|comes?) (cold|stale|late|open(ed)?|expired)\b/, 1.2),
    p(/\b(very|so|really|too|pretty) bad\b|\b(an? |one |two |\d+ )(hours?|days?|weeks?) late\b/, 1.5),
    // Irony in so many words: "gracias por nada", "thanks for nothing".
    p(/\b(gracias por nada|thanks? (you )?(a lot |so much )?for nothing)\b/, 2.5),
    p(/\b(legal action|trading standards|sue you|small claims|bad review)\b/, 1.5),
    p(/\bnever (again|ordering again|coming back)\b/, 1.5),
  ],
  question: [
    // "I need know if", "quisiera saber si": wanting to know, with or without the "to".
    p(
      /\b(need|want|would like|like|wanted) (to )?know (if|whether|when|how|what|where|which)\b|\b(quisiera|quiero|queria|necesito|me gustaria) saber (si|cuando|como|que|donde|cual|cuanto)\b/,
      0.9,
    ),
    w('pregunt*', 0.8),
    w('inquir*', 1),
    w('enquir*', 1),
    w('cotizacion', 1),
    w('catalogo', 0.6),
    w('requisitos', 0.8),
    p(/\b(queria|quisiera|quiero|necesito|necesitaria) (confirmar|averiguar|consultar|preguntar|saber)\b/, 1),
    p(/\b(i'?d like|i would like|i wanted|just wanted|want) to (know|ask|check|find out|confirm)\b/, 1.2),
    p(/\b(could|can|would) you (please )?(tell|let me know|advise|explain|clarify|confirm)\b/, 1),
    p(/\b(me (podes|podeis|puedes|podria|podrian) (decir|contar|pasar|informar))\b/, 1.2),
    p(/\bme (pasas|pasa|pasan|pasais|dices|decis|das|dan|mandas|mandan)\b[^.?!]*\?/, 1),
    p(/\b(what'?s|what is|which is|cual es) (the|your|el|su|tu) (account|iban|cbu|bank|cuenta)\b/, 1.2),
    p(/\b(tenes|tienen|tendrian|tendras|hay|manejan|trabajan con|venden|hacen) [a-z ]{0,30}\?/, 0.6),
    w('garantia', 0.8),
    w('warranty', 0.8),
    p(/\b(what'?s|what is|cual es) (your|su|vuestra|vuestro|tu)\b/, 1),
    w('duda*', 1),
    w('consulta*', 1),
    w('informacion', 0.8),
    w('presupuesto', 1),
    w('precio', 0.9),
    w('precios', 0.9),
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
    p(/\b(do|does|did) (you|it|they|the)\b/, 0.7),
    p(/\b(is|are) (there|it|you|the)\b[^.!]*\?/, 0.7),
    p(/\b(can|could) (i|we|you tell|you let me know|you confirm)\b/, 0.6),
    p(/\b(would it be|is it) possible\b/, 1),
    p(/\bhow (much|long|many|do i|can i|does)\b/, 1.2),
    p(/\b(opening hours|open on|what time)\b/, 1),
    p(/\bdo you (have|offer|do|sell|deliver|accept|take|ship)\b/, 0.8),
    p(
      /\b(is (that|it|this)|would (that|it) be|es eso|seria|es) (doable|possible|feasible|posible|factible|viable)\b/,
      1,
    ),
    p(
      /\b(esta|estan|is it|is this|are they|are these) (disponibles?|available|in stock|en stock)\b|\b(in|en) stock\b/,
      1.2,
    ),
    p(
      /\b(writing|write|escribo|escribimos) to (enquire|inquire|ask|request)\b|\b(me pongo en contacto|les escribo|os escribo|le escribo) para (solicitar|pedir|consultar|preguntar)\b/,
      1.2,
    ),
    w('rates', 0.9),
    p(
      /\b(wanted|want|wanting|would like|wondering) to (know|ask|check|find out|confirm)\b|\bif (i|we) (can|could|may)\b/,
      0.8,
    ),
    // Before buying: "if I order today, will it arrive…", "si compro hoy, ¿llega…?"
    p(
      /\bif (i|we) (buy|order|purchase|book|pay)\b|\bsi (compro|pido|encargo|reservo|pago|hago el pedido)\b/,
      1.5,
    ),
  ],
  meeting_request: [
    w('platicar', 1),
    w('turno', 0.8),
    w('turnos', 0.8),
    w('visita', 0.6),
    w('consultation', 1),
    w('viewing', 1),
    w('walkthrough', 1),
    p(
      /\b(podriamos|podemos|podes|podrias|puedes|puede|pueden) (vernos|juntarnos|reunirnos|quedar|hablar|pasar|venir|agendar)\b/,
      1.2,
    ),
    p(
      /\b(can|could|shall|should) we (meet|talk|speak|chat|catch up|get together|schedule|book|arrange|set up)\b/,
      1.5,
    ),
    p(/\b(when|what time) (are|would) you (free|available)\b|\b(your|tu|su) disponibilidad\b/, 1.2),
    p(
      /\b(coordinar|agendar|programar|fijar) (una|la|un) (reunion|cita|llamada|visita|videollamada|hora|turno)\b/,
      1.8,
    ),
    w('meet', 1.2),
    p(
      /\b(hablar|vernos|reunirnos|verte|verle|verles)( contigo| con usted| con ustedes| con vosotros)? en persona\b/,
      1.5,
    ),
    p(/\b(hop on|jump on|have|do|get on) a (quick |short |video |phone )?call\b/, 1),
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
    p(
      /\b(tendria|tendrian|tendra|tendras|tendran|tienes|tiene|tienen|teneis) (un )?(hueco|disponibilidad|tiempo|espacio)\b/,
      1.4,
    ),
    // Asking which days they have or whether there is room: "¿qué días tienen?", "what times have you
    // got?", "any availability this Saturday?"
    p(
      /\b(que|cuales) (fechas|dias|horarios|horas|huecos) (tienen|tiene|teneis|tenes|hay|quedan|tendrian|tendrias|tienes)\b|\bwhat (days|dates|times|slots) (do you have|have you got|are free|are available|are open)\b|\b(any|some) (availability|openings?|slots? free|free slots?)\b/,
      1.2,
    ),
    // Asking for the days that suit: "send a few dates that work", "¿qué fechas tendrían disponibles?"
    p(
      /\b(dates?|days?|times?|slots?)\b[^.?!]{0,25}\b(that|which)? ?(work|suit|are free|are available)\b|\b(que|cuales|algunas|unas) (fechas|dias|horarios)( \w+)? (disponibles?|libres?)\b/,
      1.2,
    ),
    p(/\b(presentar(le|les|te|os)?) (nuestros|nuestra|nuestro)\b/, 1),
    p(/\bset up (a |an )?(call|meeting|time|chat|visit)\b/, 1.8),
    p(/\b(book|arrange|organi[sz]e) (a|an|some) (call|meeting|appointment|time|visit|slot|demo)\b/, 1.8),
    p(
      /\b(catch up|get together|meet up|meet with|meet you|meet in person|come in|stop by|drop by|pop in)\b/,
      1.2,
    ),
    p(/\b(a|quick|short|phone|video) call\b/, 1),
    p(/\bare you (free|available|around)\b/, 1.5),
    p(/\b\d+[ -]?min(ute)?s? (call|chat|meeting|catch[ -]?up)\b/, 1.5),
    p(/\b(would|does|will|could) [a-z0-9: ]{1,40} work (for|with) you\b/, 1.5),
    p(/\bworks? for (me|us)\b/, 1.2),
    // "does monday 9:30 work for the visit?", "¿os va bien el lunes a las 9:30?"
    p(
      /\b(does|do|would|will|could|can) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|the \d|\d)[a-z0-9: ]{0,30} work\b/,
      1.8,
    ),
    p(/\b(os|les|te|le) (va|iria|viene|vendria) bien (el|la|que|mañana|manana|a las)\b/, 1.2),
    p(
      /\b(send|sending) (someone|somebody|a technician|an engineer|a plumber)\b|\b(come|pop) (round|over|out) (to|and)\b|\b(mandar|mandarme|enviar|enviarme|enviarnos|mandarnos) (a alguien|un tecnico|una persona)\b/,
      1.2,
    ),
    w('visit', 0.6),
    // A question naming a day or time and asking for someone's time: "¿Tenés un rato el martes?",
    // "Would you have 30 minutes Tuesday afternoon?", "Do you have anything Thursday the 22nd?"
    p(
      /\b(tenes|tienes|tiene|tienen|teneis|tendrias|tendria|tendrian|would you have|do you have|have you got|got)( [a-z]+){0,3} (un rato|un hueco|hueco|tiempo|un momento|\d+ minut\w*|minutes|anything|any time|time|a slot|space|room)\b/,
      1.5,
    ),
    p(/\b(nos vemos|quedamos|meet (at|you at|on)|see you at)\b/, 1.5),
    p(
      /\b(view|see|visit) (it|the (flat|apartment|house|property|place|room|unit|office))\b|\b(ver|visitar|ensenar(me)?) (el|la) (piso|departamento|depa|casa|local|apartamento|oficina)\b|\bse podria ver\b/,
      1.2,
    ),
    p(/\b(have|had) a (quick )?word with\b/, 1.2),
    p(
      /\bgive you a (ring|call|bell)\b|\b(call|ring|phone) you (tomorrow|on|at|later|this|next)\b|\b(te|le|os|les) (llame|llamo|llamamos|llamemos) (manana|el|esta|este|a las|sobre|luego|hoy)\b|\bllamar(te|le|os|les) (manana|el|esta|a las|sobre)\b/,
      1.5,
    ),
    p(
      /\b(i|we) can do (any|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the|tomorrow|mornings?|afternoons?|evenings?)\b|\b(puedo|podemos) (cualquier|el (lunes|martes|miercoles|jueves|viernes|sabado|domingo)|manana|mañana|por la|a partir)\b/,
      1.2,
    ),
    p(/\bbook (me |us )?in\b|\b(necesito|necesitaria|quiero|quisiera) (una|pedir) (cita|hora|turno)\b/, 1.5),
    p(
      /\bbook (a|an|in for a|me in for a|us in for a)( \w+)? (test|appointment|check|check-up|checkup|consultation|session|slot|fitting|haircut|massage|lesson|class|visit|viewing)\b/,
      1.5,
    ),
    // Moving a booked time: "could we move it to Friday?", "¿podemos pasarla al viernes?"
    p(
      /\b(move|moving|change|push|shift|bring|reschedule|rearrange) (it|this|that|the \w+|our \w+|my \w+) (to|till|until|forward to|back to|for) /,
      2,
    ),
    p(
      /\b(pasar|pasarla|pasarlo|cambiar|cambiarla|cambiarlo|mover|moverla|moverlo|aplazar|aplazarla|aplazarlo|posponer|posponerla|adelantar|adelantarla)( la cita| la reunion| la visita)? (al|para el|a la|a las|hasta el)\b/,
      1.5,
    ),
    p(/\b(sounds good|see you (on|at|then))\b/, 0.8),
    p(/\b(google meet|teams call|ms teams|microsoft teams)\b/, 1),
    p(/\b(available|free) (on|next|this|for a|tomorrow)\b/, 1),
  ],
  order_status: [
    // "could you tell me where purchase order 7781 is", "¿sabéis dónde está el paquete?"
    p(
      /\b(where|donde)\b[^.?!]{0,40}\b(order|po|parcel|package|delivery|shipment|pedido|paquete|envio|encargo|compra)\b[^.?!]{0,30}\b(is|are|esta|estan|anda|quedo)\b/,
      2,
    ),
    p(
      /\b(was|were) (due|supposed to (arrive|be delivered|ship|come|be here))\b|\b(tenia|tendria|debia|deberia|iba) que (llegar|haber llegado|estar)\b|\b(debia|iba a) llegar\b/,
      1.2,
    ),
    w('envio*', 0.6),
    w('despach*', 0.8),
    w('shipment', 1),
    w('tracking', 1),
    p(/\b(ya )?(esta|estan) (listo|lista|listos|listas|list[oa]s? para recoger)\b/, 0.8),
    p(/\b(donde|como) (va|anda|esta|quedo) (mi|el|nuestro|lo de)\b/, 1.5),
    p(/\b(no|nunca|aun no|todavia no) (me |nos )?(llego|llega|llegaron|ha llegado|han llegado)\b/, 1.8),
    p(
      /\b(never|still not|not yet) (arrived|received|delivered|came|got)\b|\b(hasn'?t|has not|haven'?t|have not) (turned up|shown up|come|arrived)\b/,
      1.8,
    ),
    p(/\b(any|an) (update|news|eta)\b|\b(chase|chasing) (up )?(my|our|the) (order|delivery|parcel)\b/, 1.5),
    w('entrega*', 0.8),
    w('recoger*', 0.6),
    w('collection', 0.6),
    p(/\b(en )?que estado (esta|tiene|se encuentra)\b/, 2.5),
    p(/\b(alguna|algun|hay) novedad(es)?\b/, 1.8),
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
    // Non-native and terse forms: "I not receive it", "sin noticias del pedido", "ya está en camino?"
    p(/\b(i|we) (not|never|still not) (yet )?(receive|received|get|got|have)\b/, 1.8),
    p(/\b(sin|ninguna) noticias? (de|del)\b|\bno (se|sabemos) nada (de|del)\b/, 1.5),
    p(/\b(en camino|on (its|the) way|out for delivery|en reparto)\b/, 1),
    p(
      /\b(left|dejo|dejaron) (a|an|un|una) (card|note|notice|aviso|nota)\b|\b(haven'?t|have not) heard anything\b|\bno se nada\b/,
      1.2,
    ),
    p(
      /\b(out for delivery|en reparto|on (its|the) way|en camino) (yet|ya)\b|\b(ya )?(esta|estan) en reparto\b/,
      1,
    ),
    p(
      /\b(happening|going on|pasa|pasando|va|anda) (with|con) (my|our|the|mi|el|nuestro|la)? ?(order|delivery|parcel|package|shipment|pedido|envio|paquete|compra)\b|\ben que va (mi|el|nuestro)\b/,
      1.8,
    ),
    p(
      /\b(says|shows|showing|showed|marked( as)?|pone|aparece( como)?|figura( como)?) (as )?(delivered|entregado)\b/,
      1.8,
    ),
    p(/\b(has|have) (my|our|the) \w+ (been )?(sent|shipped|posted|dispatched)( off| out)?\b/, 1.8),
    p(
      /\b(did not|didn'?t|have not|haven'?t|never) (get|got|receive|received) (anything|it|them|my|the)\b/,
      1.5,
    ),
    p(/\b(que onda|que paso|que pasa|como va|como vamos) con (mi|el|la|los|las|nuestro|nuestra) \w+/, 1.5),
    p(
      /\b(sabeis|saben|sabes|sabe) algo (de|del)\b|\b(sabeis|saben|sabes|sabe) como va\b|\bya (quedo|quedaron|esta lista?|estan listos?|la puedo recoger|lo puedo recoger)\b|\b(estatus|status) (de|del|of|on|for) (mi|el|my|the|our)\b/,
      1.5,
    ),
    p(/\b(lo|la|los|las) (pedi|compre|encargue) hace\b/, 1),
    p(
      /\bwhen\b[^.?!]{0,30}\b(send|ship|deliver|dispatch|post)\b|\bcuando\b[^.?!]{0,30}\b(enviar|enviais|envian|enviareis|mandar|mandais|entregar|entregais|servir)\b/,
      1.5,
    ),
    p(
      /\b(my|our|the) (order|parcel|package|item|items)s? (has|have|was|were)( already)? (shipped|been shipped|left|been sent|dispatched|gone out)\b/,
      2,
    ),
    p(
      /\b(it'?s been|it has been|it is been|ya han pasado|han pasado ya) (\w+ ){0,2}(days|weeks|dias|semanas)\b/,
      0.8,
    ),
    p(
      /\bwhere\b[^.?!]{0,40}\b(order|parcel|package|delivery|shipment)\b[^.?!]{0,20}\b(got to|gone to|gone|ended up)\b/,
      2,
    ),
    p(/\bwhen\b[^.?!]{0,40}\b(be in|come in|be back in stock|be back)\b/, 1.2),
    p(
      /\bready (to|for) (pick ?up|collect|collection)\b|\b(estan|esta) (ya )?(listas?|listos?)? ?para recoger\b/,
      1.5,
    ),
  ],
  cancellation: [
    w('reintegro', 2),
    w('reembolsar*', 2),
    w('devuelvan', 1.5),
    w('desuscrib*', 1.8),
    w('suscripcion', 0.5),
    w('contracargo', 1.5),
    p(
      /\b(quiero|queremos|deseo|necesito|quisiera) (cancelar|anular|devolver|dar de baja|la devolucion|el reembolso|mi dinero|que me devuelvan)\b/,
      1.5,
    ),
    p(
      /\b(i|we) (want|would like|need|wish) (to cancel|to return|a refund|my money|to get my money|to unsubscribe|to close)\b/,
      1.5,
    ),
    p(/\b(please )?(cancel|refund|return) (it|this|that|them|my|our|the|everything)\b/, 1),
    w('anul*', 2.2),
    p(/\b(no podre|no puedo|no podemos|no podremos) (ir|venir|asistir|acudir)\b/, 1.5),
    p(/\b(can'?t|cannot|won'?t be able to|unable to) (make|come|attend)\b/, 1.5),
    p(/\bcancel (it|my appointment|the appointment|our booking|my booking|the booking|our table)\b/, 0.8),
    p(/\b(received|recibido) (my |mi |el |the )?(refund|reembolso)\b/, 1),
    w('devolucion', 2),
    w('devolver*', 1.8),
    w('reembols*', 2),
    w('desistimiento', 2),
    w('abono', 0.6),
    w('cancel*', 2.2),
    w('refund*', 2.2),
    w('unsubscribe', 2),
    w('reimburse*', 1.8),
    w('chargeback', 1.5),
    p(
      /\b(de|da|dad|dar|darme|darnos|darle|dame|denme|den|tramitar|tramiten|solicitar|pedir)( de)? (de )?baja\b/,
      2.2,
    ),
    p(
      /\b(close|closing|cancel|terminate|end|stop|deactivate) (my|our|the|this)( [a-z]+){0,2} (account|subscription|membership|contract|plan|service|direct debit)\b/,
      2,
    ),
    p(
      /\b(cerrar|cierren|cerrad|desactivar|anular|terminar|finalizar) (mi|la|nuestra|el|nuestro) (cuenta|suscripcion|membresia|contrato|plan|domiciliacion|servicio)\b/,
      2,
    ),
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
    p(/\bcall (it|this|that|the \w+) off\b|\b(call|calling|called) off (the|my|our|this|that)\b/, 2),
    // Backing out, having something annulled, asking to be taken off: "back out of the trip", "dejar
    // sin efecto el pedido", "¿me podéis quitar?", "no voy a poder seguir yendo".
    p(/\b(back|backing|backed) out\b/, 1.8),
    p(/\b(dejar|dejando|deje|dejen|dejes|dejeis) sin efecto\b/, 2.2),
    w('reintegr*', 1.8),
    p(
      /\b(me|nos|la|lo|le|los|las) (pueden|podeis|puedes|podes|podrian|podriais) (quitar|sacar|borrar|dar de baja)\b/,
      1.5,
    ),
    p(
      /\bno (voy|vamos) a poder (seguir|continuar)\b|\b(can'?t|cannot|won'?t be able to|will not be able to) (keep|continue) (coming|going|attending|using)\b/,
      1.8,
    ),
    p(
      /\b(parar|pausar|detener|frenar|stop|pause|halt)( (la|mi|el|my|the|our|nuestra))?( \w+)? (suscripcion|subscription|membresia|membership|cuota|plan|contrato|domiciliacion|direct debit|standing order|orden permanente|box|boxes|deliveries|caja|cajas|envios)\b/,
      1.8,
    ),
    p(
      /\bya no (vamos a |voy a )?(requerir|requerimos|necesitar|usar|utilizar|contratar)\b|\bwill not be (needing|requiring|using|renewing|continuing)\b/,
      1.5,
    ),
    p(
      /\b(processed|received|got|tramitado|tramitais|recibido|recibisteis) (the|my|mi|la|el) (return|refund|devolucion|reembolso)\b/,
      1.2,
    ),
    p(
      /\bno (renovare|renovaremos|vamos a renovar|voy a renovar|quiero renovar|lo prorroguen|la prorroguen)\b|\b(will not|won'?t) be renewing\b|\b(not|do not|don'?t) (to )?(renew|roll (it |this )?over)\b/,
      1.8,
    ),
    p(
      /\b(pull|pulling|drop|dropping) out of\b|\btake (our|my|us|me|him|her|them)( \w+){0,2} off\b|\b(sacar(nos|me)?|borrar(nos|me)?|quitar(nos|me)?) de la lista\b|\b(nos|me) (pueden|podeis|puedes) (sacar|quitar|borrar) de la lista\b/,
      1.8,
    ),
    // Leaving for someone else: "we've decided to go with another supplier", "nos cambiamos de compañía".
    p(
      /\b(go|going|gone|went|switch|switching|move|moving) (with|to) (another|a different|a new) (supplier|provider|company|firm|gym|agency)\b|\b(nos cambiamos|me cambio|me he cambiado|nos hemos cambiado|cambiarnos|cambiarme) (de|a otra|a otro) (proveedor|compania|empresa|gimnasio|agencia|operador)\b/,
      1.5,
    ),
    // "decided not to continue with the lessons", "no seguir con las clases", "no more bills".
    p(
      /\b(decided|decidido|decidimos|decidi) (not to|no) (continue|carry on|renew|seguir|continuar|renovar)\b/,
      1.8,
    ),
    p(
      /\b(do not|don'?t|stop) (send|sending|charge|charging|bill|billing)( me| us)? (any )?(more|further)?\b|\bno (me|nos) (paseis|pasen|cobreis|cobren|mandeis|manden) mas (recibos|cargos|facturas)\b/,
      1.2,
    ),
    p(
      /\bno (voy|vamos) a poder (ir|venir|asistir|acudir)\b|\b(will not|won'?t) be able to (make|come|attend)\b/,
      1.5,
    ),
    p(/\b(no longer|do not|will not|won'?t) (need|want|require)\b|\bno (vamos|voy) a necesitar\b/, 1.2),
  ],
  thanks: [
    // Praise: with a closing thanks and nothing asked, it is a thank-you mail.
    w('loved', 0.8),
    w('delicious', 0.8),
    w('superb', 0.8),
    w('impeccable', 0.8),
    w('delicios*', 0.8),
    w('riquisim*', 0.8),
    w('impecable', 0.8),
    w('recomend*', 0.5),
    w('recommend*', 0.5),
    p(
      /\b(was|fue) (a hit|un exito|perfect[oa]?|amazing|espectacular|increible)\b|\bspot on\b|\bde lujo\b/,
      0.8,
    ),
    w('agradecid*', 1.5),
    w('enhorabuena', 0.5),
    w('congratulations', 0.5),
    w('kudos', 0.5),
    p(
      /\bhow (impressed|happy|pleased|delighted|chuffed) (i|we) (was|were|am|are)\b|\b(impressed|delighted|chuffed|thrilled) (with|by)\b|\blo (content[oa]s?|satisfech[oa]s?|encantad[oa]s?) que (quede|quedamos|estamos|estoy)\b/,
      1.5,
    ),
    p(
      /\b(genios|genias|cracks|you guys rock|you rock|rock stars|rockstars|sois unos cracks|son unos genios)\b/,
      1.8,
    ),
    p(
      /\b(bien embalad[oa]s?|well packed|well packaged|super fast|rapidisimo|rapidisima|rapidisimos|muy rapido)\b/,
      0.8,
    ),
    p(
      /\b(you|you guys|you all|y'?all|your team|you lot|ustedes|vosotros) (are|were|'re|son|sois|fueron) (the best|amazing|brilliant|stars|legends|fantastic|unos cracks|lo mejor|los mejores|geniales)\b/,
      1.8,
    ),
    p(
      /\b(knocked it out of the park|nailed it|outdid yourselves|above and beyond|blown away|over the moon|se lucieron|os lucisteis|quedo espectacular|les quedo espectacular)\b/,
      1.8,
    ),
    p(
      /\b(works|working|worked) (perfectly|great|fine|a treat|like a charm)\b|\bfunciona (perfecto|perfectamente|de maravilla|genial|de lujo)\b/,
      0.8,
    ),
    w('felicidades', 0.5),
    w('agradezco', 1.8),
    w('cheers', 0.4),
    w('brilliant', 0.4),
    w('encantad*', 0.8),
    w('chevere', 0.6),
    w('barbaro', 0.6),
    w('buenisim*', 0.6),
    p(
      /\b(you'?re|you are) (the best|stars|a star|a legend|a gem|amazing|brilliant|lifesavers?|a lifesaver)\b|\b(sois|son|eres) (geniales|los mejores|unos cracks|un amor)\b/,
      1.2,
    ),
    p(/\b(todo|everything) (perfecto|bien|ok|genial|great|fine|arrived (safely|fine|perfectly))\b/, 0.6),
    p(/\bgracias por [a-z]+/, 1),
    p(
      /\b(ya )?(recibi|he recibido|got|received|arrived)( ya)? (el |mi |my |the )?(reembolso|refund|dinero|money)\b/,
      1.5,
    ),
    w('gracias', 1),
    w('agradec*', 1.8),
    // Writing only to praise: "just wanted to say…", "nada más para agradecer…", "pass that on".
    p(/\b(just|only) (wanted|want|writing|a quick note|a note) to (say|let you know|tell you)\b/, 0.8),
    p(
      /\bpass (that|this|it|my thanks|our thanks) on\b|\bpass on (my|our) (thanks|gratitude|compliments)\b/,
      1.2,
    ),
    p(
      /\b(nada mas|no mas|solo|solamente|unicamente) (para|queria|quiero|quisiera|quise|les escribo para|le escribo para) (agradecer|dar las gracias|felicitar)/,
      1.5,
    ),
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
    p(/^(received|recibido|got it|noted|anotado|perfecto, recibido)\b/, 1),
    // Sign-off thanks say nothing about intent; they cancel the plain "gracias"/"thanks".
    p(
      /\b(gracias (de antemano|por adelantado|anticipadas|por (su|vuestra|tu) (atencion|ayuda|respuesta|tiempo))|thanks? (you )?in advance|thanks for your (help|time|attention)|many thanks)\b/,
      -1,
    ),
  ],
  // Mail that is not a customer writing to the business: automatic replies, newsletters and
  // promotions, job applications, account-phishing and sales pitches, internal notes. Without this,
  // 'other' only won when nothing else fired, and an auto-reply's "Thank you for your email" or a
  // newsletter's unsubscribe line decided the intent. Each cue is the stock wording of one kind of
  // such mail, in both languages.
  other: [
    // Automatic replies.
    p(
      /\b(out of (the )?office|fuera de (la )?oficina|automatic reply|auto-?reply|respuesta automatica|mensaje automatico|this is an automated)\b/,
      2,
    ),
    p(
      /\b(with (no|limited) access to (my )?e-?mail|sin acceso (al|a mi) correo|acceso limitado (al|a mi) correo)\b/,
      2,
    ),
    p(
      /\b((i'?ll|i will|i shall) (be back|return|respond|reply)( to your (e-?mail|message))? (on|upon|when|after)|(regreso|regresare|volvere|estare de vuelta|me reincorporo|me reincorporare|respondere)( a la oficina)? (el|a partir|a mi regreso|cuando|en cuanto))\b/,
      1,
    ),
    p(
      /\b(for (urgent|immediate) (matters|queries|enquiries|inquiries|issues|assistance)|para (asuntos|temas|consultas|casos) urgentes|in my absence|en mi ausencia|durante mi ausencia)\b/,
      1.5,
    ),
    p(/^(thank you for your (e-?mail|message)|gracias por (su|tu) (mensaje|correo))\b/, 0.5),
    // Newsletters and promotions.
    p(
      /\b((click|pulsa|haz clic|haga clic|clic) (here |aqui )?(to|para) (unsubscribe|darte de baja|darse de baja|desuscribirte)|to unsubscribe|unsubscribe (here|at any time)|para (dejar de recibir|darte de baja|darse de baja|desuscribirte)|si (ya )?no (deseas|desea|quieres|quiere|deseais) recibir|you('re| are) receiving this|(recibes|recibe|recibis) este (correo|mensaje|email|boletin) (porque|por))\b/,
      2,
    ),
    p(
      /\b(view (this (email|message) |it )?(in (your|a) browser|online)|ver (este correo |este mensaje )?en (tu|su|el) navegador|no (ves|ve|puedes ver|puede ver) (bien )?este (correo|mensaje)|manage (your )?(email )?preferences|update your preferences|all rights reserved|todos los derechos reservados)\b/,
      2,
    ),
    p(
      /\b(newsletter|boletin|shop now|compra ya|compra ahora|use (the )?(promo )?code|(usa|utiliza|usando|con) el (codigo|cupon)|\d+ ?% (off|de descuento|dto))\b/,
      0.8,
    ),
    // Job applications.
    p(
      /\b(apply(ing)? for the (position|role|job|vacancy|post)|(position|role|vacancy|job opening|job) (of|as|advertised|posted)|hiring manager|cover letter|carta de presentacion|job (offer|opening|posting|advert|ad))\b/,
      2,
    ),
    p(
      /\b((postular(me)?|postulo|postulacion|candidatura|aplicar|presentarme)( \w+){0,2} (a|al|para) (el |la |una |un )?(puesto|vacante|cargo|empleo|oferta|posicion)|(puesto|vacante|cargo|oferta de empleo|oferta de trabajo) de)\b/,
      2,
    ),
    p(
      /\b((my|mi|adjunto|adjunta|anexo|attached|attaching|enclose|adjunto mi) (cv|resume|curriculum|curriculum vitae|hoja de vida)|(cv|resume|curriculum|hoja de vida) (attached|adjunt\w*|anexo))\b/,
      2,
    ),
    p(
      /\b((\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|quince|veinte) (\+ )?(years'?|anos) (of |de )?(experience|experiencia))\b/,
      1,
    ),
    // Account phishing and spam.
    p(
      /\b((verify|confirm|validate|update) (your )?(account|identity|details|information|login|password)|(verifique|verifica|confirme|confirma|valide|valida|actualice|actualiza) (su|tu|sus|tus) (cuenta|identidad|datos|informacion|clave|contrasena))\b/,
      1.5,
    ),
    p(
      /\b((account|cuenta|mailbox|buzon)( \w+){0,2} (has been |will be |ha sido |sera |esta )?(suspended|locked|blocked|deactivated|restricted|suspendida|bloqueada|desactivada|restringida|lleno|full)|unusual (sign-?in|login|activity|access)|(acceso|actividad|inicio de sesion|movimiento) (inusual|sospechos\w*)|mailbox (storage|quota)|password (will )?expir\w*|(contrasena|clave) (caduca|expira|vence))\b/,
      1.5,
    ),
    p(
      /\b(valued (customer|user|member)|you have been selected|has sido seleccionad\w*|ha sido seleccionad\w*|gift card|bitcoin|crypto|first page of google|primera pagina de google|seo|posicionamiento web)\b/,
      1,
    ),
    // Sales pitches.
    p(
      /\b((we|our (team|company|agency|platform|software|app|tool)) helps? (\w+ ){0,2}(businesses|companies|practices|clinics|restaurants|shops|stores|brands|owners)|(ayudamos|ayuda|ayudan) a (\w+ ){0,2}(empresas|negocios|pymes|clinicas|restaurantes|tiendas|marcas|comercios))\b/,
      2,
    ),
    p(
      /\b((businesses|companies|practices|clinics|restaurants|shops|stores) like yours|(negocios|empresas|clinicas|restaurantes|tiendas|comercios) como (el suyo|la suya|el tuyo|la tuya|el vuestro|la vuestra))\b/,
      2,
    ),
    p(
      /\b(i (noticed|came across|was looking at|was browsing|saw) your (website|site|business|page|profile|listing|reviews|shop)|(vi|vimos|revise|revisamos|encontre|estuve viendo|estuvimos viendo) (su|tu|vuestra) (pagina|web|sitio|negocio|perfil|ficha|tienda))\b/,
      1.5,
    ),
    p(
      /\b((free|no-obligation|no obligation|quick) (demo|trial|audit|consultation)|(demo|prueba|auditoria|asesoria) (gratuita|gratis|sin compromiso)|(increase|boost|grow|double) (your )?(sales|bookings|revenue|leads|traffic|reservations)|(aumentar|incrementar|duplicar|impulsar) (sus|tus|vuestras|vuestros) (ventas|reservas|clientes|ingresos))\b/,
      1.5,
    ),
    p(
      /\b(we are an? (\w+ )?(company|agency|firm|startup|consultancy)|somos una? (\w+ )?(empresa|agencia|startup|consultora))\b/,
      1,
    ),
    // Internal notes passed on.
    p(/^(fyi|para (tu|su) (info|informacion|conocimiento)|heads up)\b/, 1),
  ],
  invoice: [
    w('factura*', 1.2),
    w('invoice*', 1.5),
    w('receipt*', 1.2),
    w('recibo', 1),
    w('comprobante*', 1),
    w('abono', 0.8),
    w('statement', 0.8),
    w('vencimiento', 1),
    w('proforma', 1.2),
    p(/\b(nota|notas) de (credito|abono|cargo)\b/, 2),
    p(/\b(credit|debit) (note|memo)\b/, 2),
    p(/\bcuenta de cobro\b/, 2),
    p(/\bpro ?forma\b/, 1),
    p(/\b(net|neto) ?\d{2}\b|\bpayment terms\b|\bterminos de pago\b|\ba \d{2} dias\b/, 1),
    p(
      /\b(adjunt\w*|attached|enclosed|find attached|please find|sending over|te paso|le paso|les paso|os paso|remito|les comparto|te comparto|le envio|os envio|les envio|te envio|te reenvio|here is|here'?s)\b.{0,40}\b(factura|invoice|receipt|recibo|bill|abono|nota de credito|credit|comprobante|statement|cuenta de cobro)/,
      2,
    ),
    p(/\b(vence|due (by|on|date)|payable)\b/, 0.6),
  ],
};

// When two intents score the same, the one that needs the more careful reply comes first.
export const PRIORITY: Scored[] = [
  'complaint',
  'cancellation',
  'order_status',
  'meeting_request',
  'invoice',
  'question',
  'thanks',
];

interface WordCue {
  intent: Lexical;
  stem: string;
  prefix: boolean;
  s: number;
}
const WORDS: WordCue[] = [];
const PHRASES: { intent: Lexical; re: RegExp; s: number }[] = [];
for (const intent of [...PRIORITY, 'other' as const]) {
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
  // One slip is tolerated on words of 8+ letters, two on 10+ ("reembloso", "cancelacoin"); shorter
  // words have too many real neighbours ("precio" / "preciso", "furious" / "curious").
  // Two neighbouring letters swapped ("invocie", "refnud", "cancle") is a slip on words of 5+ letters.
  if (cue.stem.length < 8) return cue.stem.length >= 5 && swapped(cue, token) ? 'fuzzy' : null;
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

function swapped(cue: WordCue, token: string): boolean {
  const t = cue.prefix ? token.slice(0, cue.stem.length) : token;
  if (t.length !== cue.stem.length) return false;
  let i = 0;
  while (i < t.length && t[i] === cue.stem[i]) i++;
  return (
    i < t.length - 1 &&
    t[i] === cue.stem[i + 1] &&
    t[i + 1] === cue.stem[i] &&
    t.slice(i + 2) === cue.stem.slice(i + 2)
  );
}

// A refund that has not arrived is still about the refund ("I haven't seen the refund yet").
const KEEPS_NEGATED = /^(refund|refunds|reembolso|devolucion|reintegro)$/;

/** Evidence per intent; `other` is evidence that the mail is not a customer writing at all. */
export type Scores = Record<Lexical, number>;
export const emptyScores = (): Scores => ({
  other: 0,
  complaint: 0,
  question: 0,
  meeting_request: 0,
  order_status: 0,
  cancellation: 0,
  thanks: 0,
  invoice: 0,
});

/**
 * Which cues of the lexicon fire on a prepared text (for the score and for train.ts's audit).
 * `skip` leaves cues out by name (`w:stem`, `p:source`): train.ts scores each message without the
 * cues that no message outside its cross-validation fold uses.
 */
export function firedCues(
  p: Prepared,
  skip?: (cue: string) => boolean,
): { intent: Lexical; cue: string; s: number }[] {
  const out = firedAll(p);
  return skip ? out.filter((c) => !skip(c.cue)) : out;
}

function firedAll(p: Prepared): { intent: Lexical; cue: string; s: number }[] {
  const out: { intent: Lexical; cue: string; s: number }[] = [];
  const seen = new Set<WordCue>();
  for (const t of p.tokens) {
    for (const cue of WORDS) {
      if (seen.has(cue)) continue;
      // A negated word is not asked for ("I never booked anything", "no quiero cancelar"); complaint
      // words keep their weight (a "no roto" is rare, "not happy" is a phrase).
      if (
        t.negated &&
        cue.intent !== 'complaint' &&
        !(cue.intent === 'cancellation' && KEEPS_NEGATED.test(t.word))
      )
        continue;
      const m = wordMatches(cue, t.word);
      if (m) {
        seen.add(cue);
        out.push({
          intent: cue.intent,
          cue: `w:${cue.stem}${cue.prefix ? '*' : ''}`,
          s: m === 'exact' ? cue.s : cue.s * 0.8,
        });
      }
    }
  }
  // One stretch of text is one piece of evidence: two phrases of the same intent that match at the
  // same place ("podemos hablar" in two meeting patterns) count once, with the larger weight.
  const at = new Map<string, number>();
  for (const { intent, re, s } of PHRASES) {
    const m = re.exec(p.body);
    if (!m) continue;
    // Cancelling cues (sign-off thanks) always apply.
    if (s <= 0) {
      out.push({ intent, cue: `p:${re.source}`, s });
      continue;
    }
    const key = `${intent}@${m.index}`;
    const prev = at.get(key);
    if (prev !== undefined) {
      if (s > out[prev]!.s) out[prev] = { intent, cue: `p:${re.source}`, s };
      continue;
    }
    at.set(key, out.length);
    out.push({ intent, cue: `p:${re.source}`, s });
  }
  return out;
}

export interface RuleReading {
  scores: Scores;
  /** Praise read as irony (quoted praise or praise beside a complaint). */
  ironic: boolean;
  /** The customer accepts a time. */
  accepts: boolean;
  /** Readings the structure of the mail rules out, whatever the wording suggests: a factor on the
   * fused probability of an intent (irony is never thanks, a denied booking is no meeting request, a
   * question before buying is no chase). The model cannot learn these from a few examples. */
  damp: Partial<Record<Scored, number>>;
}

// Harm done, by stem: losing, breaking, ignoring, ruining, forgetting, damaging, wasting; perder,
// romper, ignorar, arruinar, olvidar, estropear, extraviar.
const HARM_STEMS: Record<'es' | 'en', string[]> = {
  en: ['los', 'lost', 'break', 'ignor', 'ruin', 'forget', 'forgot', 'damag', 'wast', 'overcharg', 'mess'],
  es: ['perd', 'perdi', 'romp', 'ignor', 'arruin', 'olvid', 'estrop', 'extravi'],
};
// How a question opens: English inversion or a question word; Spanish question words and the verbs a
// customer opens a question with (over the normalised text: no accents).
const QUESTION_OPENING: Record<'es' | 'en', RegExp> = {
  en: /^(?:(?:are|is|do|does|did|can|could|will|would|have|has|should|may|shall) (?:you|u|it|there|they|we|i|this|that|these|the|my|your|ur)\b|(?:what|when|where|how|why|which|who)\b)/,
  es: /^(?:(?:cuanto|cuanta|cuantos|cuantas|cuando|donde|como|cual|cuales|por que)\b|(?:tienen|teneis|tenes|hay|hacen|haceis|aceptan|aceptais|abren|abris|trabajan|venden|vendeis|se puede|puedo|podria|se podria) )/,
};
const RENEW_STEMS = ['renov', 'renew', 'prorrog'];
const CONTINUE_STEMS = ['continu', 'segu'];

const DAY_OR_TIME =
  /\b((first|second|third|last|other) one|(la|el) (primera|segunda|tercera|ultima|otra)|lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|hoy|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|noon|mediodia|\d{1,2}(:\d{2})? ?(am|pm|h)?|las \w+|at \w+|option|opcion|slot|horario|hora)\b/;

const ALTERNATIVES =
  /\b(o|or) (el |the |on |next |this )?(lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|\d{1,2})\b|\bfailing that\b|\botherwise\b|\bsi no\b|\bif not\b/;
// Written weekdays in full or in their usual English short forms ("can u do sat 10am?").
const PROPOSED_DAY =
  /\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|tomorrow|el \d{1,2}|the \d{1,2}(st|nd|rd|th)?)\b/;
const PROPOSED_TIME = /\b(\d{1,2}([:.]\d{2})? ?(am|pm|h)?|noon|midday|mediodia|a las \w+|at \w+)\b/;
const MODAL =
  /\b(could|can|may|would|shall|podria|podrias|podriamos|podemos|puedo|puede|pueden|se podria|se puede)\b/;

// Where the last paragraph of a mail begins ("…refund the deposit.\n\nThank you so much for
// everything, you have been wonderful!\n\nRyan"), a name or a short sign-off line under it left aside;
// -1 when the mail is a single paragraph.
function lastParagraphAt(body: string): number {
  const paras = [...body.matchAll(/\n\s*\n/g)].map((m) => m.index!);
  let end = body.length;
  while (paras.length) {
    const at = paras[paras.length - 1]!;
    const tail = body.slice(at, end).trim();
    // A paragraph of a few words without a sentence in it is a signature ("ryan", "greg & laura").
    if (tail.split(/\s+/).length <= 4 && !/[.!?]/.test(tail)) {
      end = at;
      paras.pop();
      continue;
    }
    return at;
  }
  return -1;
}

// The end of a mail: its last paragraph when it has several, else its last sentence.
function thanksBeforeEnd(p: Prepared): boolean {
  const para = lastParagraphAt(p.body);
  const m = para > 0 ? { index: para } : /[^.!?\n]+[.!?]*\s*$/.exec(p.body);
  if (!m || m.index === 0) return true;
  return thanksIn(p, p.body.slice(0, m.index));
}

/** Whether a stretch of the mail's body has thanks cues of its own. */
function thanksIn(p: Prepared, text: string): boolean {
  const part: Prepared = { ...p, body: text, closing: '', tokens: tokenise(text, p.lang) };
  return firedCues(part).some((c) => c.intent === 'thanks');
}

/** Evidence per intent from the lexicon, with the irony, politeness and acceptance readings applied. */
export function ruleReading(p: Prepared, skip?: (cue: string) => boolean): RuleReading {
  const scores = emptyScores();
  const damp: RuleReading['damp'] = {};
  for (const c of firedCues(p, skip)) scores[c.intent] += c.s;
  for (const k of PRIORITY) scores[k] = Math.max(0, scores[k]);
  // A closing thanks is politeness: a little evidence when nothing else is said, none otherwise.
  const asked = Math.max(...PRIORITY.filter((i) => i !== 'thanks').map((i) => scores[i]));
  if (
    /\b(gracias|thank|thanks)\b/.test(p.closing) &&
    (p.tokens.length < 6 || (scores.thanks > 0 && asked < 0.9))
  )
    scores.thanks += 0.8;

  const irony = IRONY[p.lang];
  const others = Math.max(scores.complaint, scores.order_status, scores.cancellation);
  const negativeFacts =
    others > 0 ||
    p.tokens.some((t) => t.negated) ||
    /\b(still|todavia|aun|sigo|nadie|nobody|nothing|nada|again|otra vez|de nuevo|weeks?|semanas|months|meses|waiting|esperando|sin arreglar|late|retraso)\b/.test(
      p.body,
    );
  // Thanks for something that went wrong ("thank you so much for losing my parcel", "gracias por
  // dejarme sin luz") is sarcasm: the first word after "for" / "por" is a harm done (by stem).
  const toks = p.tokens;
  const thanksForHarm = toks.some((t, i) => {
    if (!/^(thank|thanks|gracias)$/.test(t.word)) return false;
    const f = toks.slice(i + 1, i + 5).findIndex((n) => n.word === 'for' || n.word === 'por');
    if (f < 0) return false;
    const next = toks[i + 2 + f];
    if (!next) return false;
    if (HARM_STEMS[p.lang].some((h) => next.stem.startsWith(h))) return true;
    return next.stem.startsWith('dej') && toks[i + 3 + f]?.word === 'sin';
  });
  // Praise is a thanks word or an irony marker itself ("love how your 'express' line…").
  const markers = irony.markers.test(p.body);
  // Warm praise that only the last paragraph of a cancellation gives ("…refund the deposit.\n\nGracias
  // gracias, son unos genios, siempre un lujo") is its sign-off, not sarcasm about it.
  const last = lastParagraphAt(p.body);
  const head = last > 0 ? p.body.slice(0, last) : p.body;
  const praiseOnlyAtEnd =
    last > 0 &&
    scores.cancellation >= 1.5 &&
    !irony.markers.test(head) &&
    !irony.quotedPraise.test(head) &&
    !thanksIn(p, head);
  const ironic =
    thanksForHarm ||
    (!praiseOnlyAtEnd &&
      (scores.thanks > 0 || markers) &&
      negativeFacts &&
      (irony.quotedPraise.test(p.body) || markers));
  if (ironic) {
    scores.complaint += 1.5 + scores.thanks;
    scores.thanks = 0;
  }
  // "I never booked anything": a denied booking is a complaint about it, not a meeting request.
  const deniesBooking = p.tokens.some(
    (t) => t.negated && BOOKING_STEMS[p.lang].some((b) => t.stem.startsWith(b)),
  );
  // "no continuaré con el plan", "won't be renewing", "no renovamos": a negated renewal, or a negated
  // continuing *with* something, is ending it, in any tense or person (by stem, not by form).
  const endsService = toks.some(
    (t, i) =>
      t.negated &&
      (RENEW_STEMS.some((s) => t.stem.startsWith(s)) ||
        (CONTINUE_STEMS.some((s) => t.stem.startsWith(s)) &&
          toks.slice(i + 1, i + 3).some((n) => n.word === 'con' || n.word === 'with'))),
  );
  if (endsService) scores.cancellation = Math.max(scores.cancellation, 1.8);
  // "I can't make the appointment" is not being able to come, not a denied booking.
  const cannotAttend =
    /\b(cannot|can'?t|unable to|won'?t be able to|will not be able to) (make|come|attend)\b|\bno (podre|puedo|podemos|podremos|voy a poder) (ir|venir|asistir|acudir)\b/.test(
      p.body,
    );
  if (deniesBooking && !cannotAttend && scores.meeting_request > 0) {
    scores.complaint += 1 + scores.meeting_request * 0.5;
    scores.meeting_request *= 0.2;
    damp.meeting_request = 0.2;
  }
  // A question proposing a day and a time ("Could I view it this Saturday at noon?", "¿Se podría
  // ver este sábado al mediodía?") asks for a meeting, whatever the verb.
  // Only when nothing else already says so: it names the form of the request, not a second one.
  if (scores.meeting_request < 1)
    for (const q of p.body.split(/(?<=\?)/))
      if (/\?/.test(q) && PROPOSED_DAY.test(q) && PROPOSED_TIME.test(q) && MODAL.test(q)) {
        scores.meeting_request += 1.5;
        break;
      }
  // Offering alternatives ("¿el martes a las 10 o el jueves?", "Thursday at 9, or failing that
  // Friday") is proposing times, not accepting one.
  const accepts = ACCEPTANCE[p.lang].test(p.body) && DAY_OR_TIME.test(p.body) && !ALTERNATIVES.test(p.body);
  if (accepts) scores.meeting_request += 2.5;
  // A thanks beside a request is politeness; it leads only when nothing else is asked. A thanks that
  // only the last sentence gives ("…when it ends on the 30th. Thanks for all your hard work over the
  // years") or only the last paragraph gives is the sign-off of that request, however warm.
  const otherTop = Math.max(...PRIORITY.filter((i) => i !== 'thanks').map((i) => scores[i]));
  if (otherTop >= 0.9 && (scores.thanks < 1.5 || !thanksBeforeEnd(p))) scores.thanks *= 0.4;
  // "I got my refund" reports a finished cancellation: it is an acknowledgement, not a request.
  if (
    /\b(recibi|he recibido|got|received|me ha llegado|nos ha llegado|ya ha llegado|llego|came through)( ya)? (el |mi |my |the )?(reembolso|refund|dinero|money)\b/.test(
      p.body,
    ) &&
    !/\b(no|not|n't|haven'?t|sin)\b[^.]{0,20}(recibi|recibido|received|got)/.test(p.body)
  ) {
    scores.cancellation = Math.max(0, scores.cancellation - 3.6);
    scores.thanks += 1;
  }
  // A question typed without its question mark ("r u open sunday", "do you deliver to leeds",
  // "teneis envio gratis"): a sentence that opens the way questions open counts as the mark would.
  const opensAsQuestion = p.body
    .split(/[.!\n]+/)
    .some((x) =>
      QUESTION_OPENING[p.lang].test(
        x.trim().replace(/^(?:hi|hello|hey|hola|buenas|buenos dias)\b[\s,!]*/, ''),
      ),
    );
  if (!p.body.includes('?') && opensAsQuestion) scores.question += 1.5;
  // A question before buying ("if I order today, will it arrive by Saturday?") is not a chase.
  if (
    /\bif (i|we) (buy|order|purchase|book|pay)\b|\bsi (compro|pido|encargo|reservo|pago|hago el pedido)\b/.test(
      p.body,
    )
  ) {
    scores.order_status *= 0.3;
    damp.order_status = 0.1;
  }
  // A question mark inside a more specific request (where is my order?) is that request's form.
  if (Math.max(scores.order_status, scores.meeting_request, scores.cancellation, scores.invoice) >= 2)
    scores.question *= 0.6;
  if (ironic) damp.thanks = 0.05;
  return { scores, ironic, accepts, damp };
}
