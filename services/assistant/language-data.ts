// Per-language data the intent reader works from: spelling fixes, negators, closing formulas, irony
// cues. Everything here is matched on normalised text (lowercase, no accents, repeats collapsed).
// Data, not code: a new spelling or formula is one more entry, not a new rule.

export type Lang = 'es' | 'en';

/** Common misspellings and chat shorthand, rewritten word by word before anything is read. */
export const SPELLING: Record<Lang, Record<string, string>> = {
  es: {
    kiero: 'quiero',
    kero: 'quiero',
    q: 'que',
    k: 'que',
    xq: 'porque',
    pq: 'porque',
    porq: 'porque',
    tb: 'tambien',
    tmb: 'tambien',
    xfa: 'por favor',
    porfa: 'por favor',
    pls: 'por favor',
    echo: 'hecho',
    saver: 'saber',
    aver: 'a ver',
    ola: 'hola',
    nadien: 'nadie',
    resivido: 'recibido',
    recivido: 'recibido',
    resibido: 'recibido',
    reembloso: 'reembolso',
    rembolso: 'reembolso',
    devolusion: 'devolucion',
    cancelasion: 'cancelacion',
    factua: 'factura',
    grasias: 'gracias',
    gracais: 'gracias',
    vien: 'bien',
  },
  en: {
    u: 'you',
    ur: 'your',
    r: 'are',
    pls: 'please',
    plz: 'please',
    thx: 'thanks',
    thnx: 'thanks',
    ty: 'thanks',
    recieved: 'received',
    recieve: 'receive',
    ordred: 'ordered',
    oder: 'order',
    refound: 'refund',
    cancle: 'cancel',
    cancell: 'cancel',
    apointment: 'appointment',
    appoinment: 'appointment',
    adress: 'address',
    untill: 'until',
    tommorow: 'tomorrow',
    tomorow: 'tomorrow',
    wensday: 'wednesday',
    wendsday: 'wednesday',
    im: 'i am',
    dont: 'do not',
    didnt: 'did not',
    doesnt: 'does not',
    havent: 'have not',
    hasnt: 'has not',
    cant: 'cannot',
    wont: 'will not',
    isnt: 'is not',
    wasnt: 'was not',
  },
};

/** Multi-word misspellings ("a llegado" for "ha llegado"); regexes over normalised text. */
export const SPELLING_PHRASES: Record<Lang, [RegExp, string][]> = {
  es: [
    [/\ba (llegado|recibido|sido|pasado|enviado|salido|dicho|cobrado|contestado)\b/g, 'ha $1'],
    [/\bhan (echo)\b/g, 'han hecho'],
    [/\bvalla\b/g, 'vaya'],
  ],
  en: [
    [/\b(where|what|it|that|there|who|how|when)'s\b/g, '$1 is'],
    [/\bcan'?t\b/g, 'cannot'],
    [/\bwon'?t\b/g, 'will not'],
    [/\b(\w+)n't\b/g, '$1 not'],
  ],
};

/** Words that open a negation scope; the scope closes at punctuation or after a few words. */
export const NEGATORS: Record<Lang, string[]> = {
  es: ['no', 'nunca', 'jamas', 'ni', 'sin', 'tampoco', 'nadie', 'nada'],
  en: ['not', 'no', 'never', 'without', 'nobody', 'nothing', 'neither', 'nor', 'cannot'],
};
export const NEGATION_SCOPE = 4;

/**
 * Closing formulas: a line made only of these says nothing about what the mail wants ("Gracias de
 * antemano", "Thanks for everything", "Un saludo"). They are read apart from the body, so thanks and
 * politeness never decide the intent alone when something else is asked.
 */
export const CLOSINGS: Record<Lang, RegExp> = {
  es: /^(?:(?:muchas |mil |muchisimas |de nuevo |otra vez )?gracias(?: de antemano| por adelantado| por (?:todo|su|tu|vuestra|la|el) ?\w*(?: \w+)?)?|un (?:cordial )?saludo|saludos(?: cordiales)?|atentamente|cordialmente|quedo atent[oa]\w*(?: a \w+(?: \w+)?)?|espero (?:su|tu|vuestra) respuesta|un abrazo|besos|abrazos|fue un gusto|ha sido un placer|buen dia|buena tarde|que tengas? buen dia)[\s!.,:;)-]*$/,
  en: /^(?:(?:many |big )?thanks?(?: you)?(?: (?:so|very) much)?(?: (?:in advance|again|for (?:everything|all(?: the \w+)?|your \w+|the \w+|reading|listening)))?|cheers|regards|kind regards|best(?: regards| wishes)?|warm regards|sincerely|yours(?: sincerely| faithfully)?|take care|have a (?:good|great|nice) (?:day|one|weekend)|thank you for (?:your time|your help|everything over the years|everything)|looking forward to (?:hearing from you|your reply))[\s!.,:;)-]*$/,
};

/**
 * Irony: praise in quotes, or praise beside the negative facts it is about ("Thanks for the 'fast'
 * shipping, two weeks and nothing"). Praise alone is thanks; praise with these cues is a complaint.
 */
// A minimiser before a long wait ("only took three weeks", "solo tardaron tres semanas") beside praise
// is sarcasm whatever the praise word (weeks or months: "only took two days" may be real praise).
export const IRONY: Record<Lang, { quotedPraise: RegExp; markers: RegExp }> = {
  es: {
    quotedPraise: /["“«'‘][^"”»'’]{2,40}["”»'’]/,
    markers:
      /\b((?:solo|apenas) (?:(?:nos |me |les |os )?(?:tardaron|tardo|tardasteis|tardaste|han tardado|ha tardado|habeis tardado|llevo|tomo)(?: \w+)? )?(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|diez|quince|varias|varios) (?:semanas|meses)|de primera|genial todo|que maravilla|que bien todo|muy profesional(es)?,? si|todo un detalle|para enmarcar|como siempre|que eficiencia|enhorabuena|bravo|un lujo|kudos|(re|super|tan) (atentos|atentas|amables|rapidos|eficientes|profesionales)|gracias por nada|(genial|perfecto|estupendo|que bien),? otra vez|vaya (servicio|atencion))\b/,
  },
  en: {
    quotedPraise: /["“'‘][^"”'’]{2,40}["”'’]/,
    markers:
      /\b((?:only|just) (?:(?:took|taking|takes|needed)(?: you| them| us)? )?(?:\d+|two|three|four|five|six|seven|eight|ten|a few|several) (?:weeks|months)|as always|great job,? (really|guys|everyone|team)|well done,? really|brilliant customer|top notch|just brilliant|how lovely|what a (?:great|lovely|fantastic)|love (that|how)|(thanks|thank you)( a lot| so much)? for nothing|cheers for|really impressive|kudos to|as usual|impressive stuff|(brilliant|great|perfect|fantastic),? (again|another|the \w+ is)|(?<!(?:thanks|thank you)[\s,so]{0,8})so much for)\b/,
  },
};

/** Booking words that, negated, deny an appointment rather than ask for one ("I never booked
 * anything", "yo no pedí ninguna cita"): the mail is about a booking the customer did not make. */
export const BOOKING_STEMS: Record<Lang, string[]> = {
  es: ['reserv', 'ped', 'pedi', 'agend', 'concert', 'solicit', 'cit', 'contrat', 'apunt'],
  en: ['book', 'schedul', 'arrang', 'request', 'ask', 'order', 'sign', 'appoint', 'make', 'made'],
};

/** Accepting a time the business offered or the customer names ("el jueves a las cinco me viene bien"). */
export const ACCEPTANCE: Record<Lang, RegExp> = {
  es: /\b(me|nos) (quedo|quedamos) con (el|la|lo|los|las|esa|ese|esta|este)\b|\b(apuntame|apuntanos|reservame|reservanos|agendame|agendanos)\b|\b(me|nos) (viene|vendria|va|iria|queda|quedaria|sirve|cuadra|encaja) (perfecto|genial|bien|de maravilla|estupendo)\b|\b(perfecto|genial|de acuerdo|vale|ok|okey|listo|dale),? (el|para el|entonces el|a las) |\ballí estare\b|\balli estare\b|\bahi estare\b|\bconfirm[oa]\w* (la cita|el|para)\b|\b(nos vemos|te veo|le veo) (el|entonces|manana|a las)\b|\b(me|nos) (viene|va|queda|sirve|cuadra|conviene|acomoda|funciona) mejor\b|\b(la|el) (primera|segunda|tercera|ultima|otra) (opcion|fecha|hora|propuesta|alternativa)?\s?(me |nos )?(sirve|viene|va|queda|funciona|esta (perfecta|perfecto|bien|genial))\b|\bel de las \w+( \w+)? (me|nos) (sirve|viene|va|queda)\b|\b(de|entre) (las|los) (opciones|fechas|horas|horarios|alternativas|turnos|dias) que (me|nos) (da|das|dan|dio|dieron|envio|enviaron|envias|mando|mandaron|mandas|propuso|propusieron|ofrecio|ofrecieron|pasaste|pasaron|paso|dais|habeis)\b|\b(le|te|les|os) confirmo (que )?(la|el|para|nuestra|mi|nuestro|asistencia)\b|\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|\d{1,2}(:\d{2})?|opcion|fecha|hora)\b[^.?!\n]{0,30}\b(me|nos) (sirve|viene bien|va bien|queda bien|cuadra|conviene|acomoda)\b/,
  en: /\b((i'?ll|we'?ll|i will|we will) (take|go for|go with) (the|that|option|your)|put (me|us) down for|suits? (me|us)|works? (for|with) (me|us)|is fine (by|with|for) (me|us)|fine by (me|us)|(i'?ll|i will|we'?ll|we will) be there|see you (then|on|at)|(let'?s|lets) (go with|do|say|book)|(i|we) (can|will) (do|make) (it|that|the)|(book|confirm|lock) (me|us|it|that) in|it is(?= *[.!]| *$)|(perfect|great|lovely|brilliant|fine|ok|okay|excellent|sounds good),? (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the \d)|(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)[a-z0-9: ]{0,40} then(?= *[.!]| *$)|it'?s a date|(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|\d{1,2}(:\d{2})? ?(am|pm)?|noon)( \w+){0,3} is (perfect|great|fine|good|ideal)|sounds (good|great|perfect|fine)|happy to confirm|(i|we) confirm)\b|\b(first|second|third|last|earlier|later|morning|afternoon|evening|other) (one|option|slot|time|date|choice)\b[^.?!\n]{0,20}\b(works|suits|is (fine|good|great|perfect|best|better|ideal)|would be (fine|good|great|perfect|best|better|ideal)|please|for (me|us))\b|\b(works|suits|would work) (best|better)\b|\bof the (slots|times|options|dates|days) (you|that you)\b|\bas (proposed|suggested|offered) by you\b|\bok(ay)? for (me|us)\b|\b(go|going) (ahead )?with (the )?(first|second|third|last|earlier|later|morning|afternoon|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)/,
};
