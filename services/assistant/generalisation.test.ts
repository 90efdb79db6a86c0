import { describe, expect, it } from 'vitest';
import { extractDates } from './dates';
import { intentScores, readIntent } from './intent';

// Behaviour behind the 2026-12-01 lexicon and date changes (#12), each case worded afresh: not
// sentences of the training/dev sets and not the examples. Reference: Wednesday 15 April
// 2026, Madrid.
const REF = '2026-04-15T10:00:00+02:00';
const dates = (text: string, language: 'es' | 'en') =>
  extractDates(text, { reference: REF, zone: 'Europe/Madrid', language });
const read = (text: string, language: 'es' | 'en') =>
  dates(text, language).map((x) => (x.timeCertain ? x.start.slice(0, 16) : x.day));
const top = (text: string) => readIntent(text).intents[0]!.intent;

describe('tense and weeks around a weekday', () => {
  it('reads "el X pasado" said on that same weekday as a week ago', () => {
    expect(read('El miércoles pasado a las 9 tuve la revisión y sigue haciendo ruido.', 'es')).toEqual([
      '2026-04-08T09:00',
    ]);
    expect(read('Last Wednesday at 9 your fitter came and it still rattles.', 'en')).toEqual([
      '2026-04-08T09:00',
    ]);
  });
  it('reads the tense of the clause next to the date, not of the whole sentence', () => {
    // A past verb beside the weekday, a future word later in the sentence.
    expect(read('Ordered it Monday and paid extra for next-day shipping.', 'en')).toEqual(['2026-04-13']);
    // A past verb earlier in the sentence, "booked for" right before the weekday.
    expect(
      read('I had a message saying my slot is booked for Saturday at 11am, which I never asked for.', 'en'),
    ).toEqual(['2026-04-18T11:00']);
  });
  it('puts a bare weekday named after "next week" in that week', () => {
    expect(read('Next week suits us better, say Thursday or Friday?', 'en')).toEqual([
      '2026-04-23',
      '2026-04-24',
    ]);
    expect(read('La semana que viene podemos el jueves o el viernes, ¿os encaja?', 'es')).toEqual([
      '2026-04-23',
      '2026-04-24',
    ]);
  });
  it('gives "same time" the time of the date named before', () => {
    expect(
      read('No llego a la cita del jueves a las 12, ¿la pasamos al lunes a la misma hora?', 'es'),
    ).toEqual(['2026-04-16T12:00', '2026-04-20T12:00']);
    expect(read('Thursday at 3 is gone for me; could we do Monday, same time?', 'en')).toEqual([
      '2026-04-16T15:00',
      '2026-04-20T15:00',
    ]);
  });
  it('keeps a recent day-month without a year in the past, even in broken English', () => {
    expect(read('I buy it in 9 April and until today nothing arrive, can you check?', 'en')).toEqual([
      '2026-04-09',
    ]);
  });
  it('does not read "cualquier mañana" or a weekday range of opening hours as dates', () => {
    expect(read('Me paso cualquier mañana, cuando os venga bien.', 'es')).toEqual([]);
    expect(read('Google lists you as 8am to 6pm Tuesday to Sunday. Is that right?', 'en')).toEqual([]);
  });
});

describe('intent on wording the lexicon was not written for', () => {
  it('reads "thanks for nothing" and sarcastic praise about waiting as complaints', () => {
    const es = readIntent('Gracias por nada: el técnico volvió a dejar la caldera goteando.');
    expect(es.intents[0]!.intent).toBe('complaint');
    expect(es.secondary).not.toBe('thanks');
    expect(top('Fantastic, another missed delivery. Thanks for nothing.')).toBe('complaint');
    expect(top('Love how your "priority line" keeps me waiting for weeks.')).toBe('complaint');
  });
  it('reads moving a booked time as a meeting request, and not being able to come as no denial', () => {
    expect(top('Could we push it to Thursday instead?')).toBe('meeting_request');
    expect(top('¿Podemos aplazarla al martes?')).toBe('meeting_request');
    expect(['meeting_request', 'cancellation']).toContain(
      top("I won't be able to attend on Friday, could we move it to Monday?"),
    );
  });
  it('reads a service with words between the possessive and its noun as a cancellation', () => {
    expect(top('Please terminate my monthly parking contract.')).toBe('cancellation');
    expect(top('I want to end our weekly cleaning service from May.')).toBe('cancellation');
  });
  it('reads a refund that has not arrived as about the refund', () => {
    expect(['cancellation', 'order_status']).toContain(
      top("I still haven't received the refund for the boots."),
    );
  });
  it('reads non-native and terse order chases as order status', () => {
    expect(top('I not receive the parcel yet, where it is?')).toBe('order_status');
    expect(top('Seguimos sin noticias del envío, ¿ya está en camino?')).toBe('order_status');
  });
  it('reads availability and feasibility questions as questions', () => {
    expect(top('Is the lamp available in brass?')).toBe('question');
    expect(top('We need forty chairs by Friday. Is that doable?')).toBe('question');
  });
});

describe('second round: general availability, exclusions, approximate times', () => {
  it('reads an approximate hour as a time on the day named', () => {
    expect(read('¿Hablamos el lunes tipo 4?', 'es')).toEqual(['2026-04-20T16:00']);
    expect(read('Ring me tomorrow around 9?', 'en')).toEqual(['2026-04-16T09:00']);
  });
  it('does not read general availability, exclusions or recurring slots as dates', () => {
    expect(read('Puedo cualquier tarde a partir de las 5, menos el jueves.', 'es')).toEqual([]);
    expect(read('Any morning after 8 is fine, except Monday.', 'en')).toEqual([]);
    expect(read('¿Los turnos del domingo son solo de mañana?', 'es')).toEqual([]);
    expect(read('Are Sunday deliveries possible in your area?', 'en')).toEqual([]);
  });
  it('keeps "since the 3rd" and "llevo desde el 3" in the past', () => {
    expect(read("I've been chasing this since the 3rd.", 'en')).toEqual(['2026-04-03']);
    expect(read('Llevo desde el 3 esperando una respuesta.', 'es')).toEqual(['2026-04-03']);
  });
  it('drops a bare noon that has already passed when the mail was sent', () => {
    const late = extractDates('See you at noon by the gate?', {
      reference: '2026-04-15T15:00:00+02:00',
      zone: 'Europe/Madrid',
      language: 'en',
    });
    expect(late).toEqual([]);
  });
});

describe('second round: intent', () => {
  it("reads a question asking for someone's time on a named day as a meeting request", () => {
    expect(top('Would you have twenty minutes on Thursday to go over the figures?')).toBe('meeting_request');
    expect(top('¿Tienes un hueco el viernes para ver lo del local?')).toBe('meeting_request');
  });
  it('reads short acceptances of an offered time', () => {
    expect(readIntent('Great, Wednesday at 3 at the studio it is.').accepts).toBe(true);
    expect(readIntent('Happy to confirm Friday at 10 is fine for the survey.').accepts).toBe(true);
    // "it is" inside a sentence is not an acceptance.
    expect(readIntent('It is my first time at the clinic on Monday, is there parking?').accepts).toBe(false);
  });
  it('reads chasing wording as order status', () => {
    expect(top("What's going on with my parcel? Nothing since last week.")).toBe('order_status');
    expect(top('El seguimiento pone entregado y aquí no ha llegado nada.')).toBe('order_status');
  });
  it('reads calling off and no longer needing as a cancellation', () => {
    expect(top("We'll have to call the party off, sorry.")).toBe('cancellation');
    expect(top('Ya no vamos a necesitar la furgoneta del sábado.')).toBe('cancellation');
  });
  it('reads a refund that has arrived as a thank-you, not a refund request', () => {
    expect(top('Nos ha llegado el reembolso hoy. ¡Gracias por la rapidez!')).toBe('thanks');
  });
  it('reads "poco profesional" and "nobody gives me" as complaint vocabulary', () => {
    expect(top('El trato del encargado fue muy poco profesional y nadie me da una explicación.')).toBe(
      'complaint',
    );
  });
});

describe('third round', () => {
  it('does not read a greeting or a bare part of the day as a date', () => {
    expect(read('Good afternoon, could you send me the price list?', 'en')).toEqual([]);
    expect(read('Any slot works, ideally evening.', 'en')).toEqual([]);
    expect(read('Can we talk tomorrow afternoon?', 'en')).toEqual(['2026-04-16']);
  });
  it('does not read recurring weekdays or the time of writing as dates', () => {
    expect(read('¿Los jueves abrís hasta tarde?', 'es')).toEqual([]);
    expect(read('Do you still run the Thursday yoga classes in August?', 'en')).toEqual([]);
    expect(read('Are you open on Sundays?', 'en')).toEqual([]);
    expect(read('The plumber was due at 8 and it is now 11am.', 'en')).toEqual([]);
    expect(read('El repartidor venía a las 8 y ya son las 11.', 'es')).toEqual([]);
  });
  it('reads irregular past verbs and "the email of the 3rd" as the past', () => {
    expect(read('I paid on Monday and heard nothing since.', 'en')).toEqual(['2026-04-13']);
    expect(read('Nadie contesta al correo del día 3 sobre el cargo.', 'es')).toEqual(['2026-04-03']);
  });
  it('reads not being able to attend, in either language form, as a cancellation cue', () => {
    expect(top("I won't be able to attend the tasting, please take us off the list.")).toBe('cancellation');
    expect(top('No voy a poder acudir a la revisión del jueves, anuladla por favor.')).toBe('cancellation');
  });
  it('reads a short "perfect, <day> … then" as accepting the time', () => {
    expect(readIntent('Perfect, Tuesday at 9 at the showroom then.').accepts).toBe(true);
  });
  it('reads "as usual" praise beside waiting as irony', () => {
    const r = readIntent('Lovely punctuality as usual: still waiting for the courier since this morning.');
    expect(r.ironic).toBe(true);
    expect(r.intents[0]!.intent).not.toBe('thanks');
  });
  it('reads chasing a dispatch and a collection as order status, and a pre-purchase question as a question', () => {
    expect(top('When do you plan to dispatch the sofa from order 5512? It has been two weeks.')).toBe(
      'order_status',
    );
    expect(top('Ordered the frames last week. Are they ready to collect?')).toBe('order_status');
    expect(top('If I order the lamp now, will it arrive by the weekend?')).toBe('question');
  });
});

describe('fourth round', () => {
  it('does not read the weekday of an opening-hours question as a date', () => {
    expect(read('What are your hours on Saturday? Do you close for lunch?', 'en')).toEqual([]);
    expect(read('¿Qué horario tenéis el sábado?', 'es')).toEqual([]);
  });
  it('reads "the 20th to the 22nd" and "del 20 al 22" as one stay from its first day', () => {
    expect(read('We would like the room for the 20th to the 22nd.', 'en')).toEqual(['2026-04-20']);
    expect(read('Queremos la habitación del 20 al 22.', 'es')).toEqual(['2026-04-20']);
  });
  it('reads "desde el viernes" as a past Friday and keeps a weekday before "to <verb>"', () => {
    expect(read('La web no se actualiza desde el viernes.', 'es')).toEqual(['2026-04-10']);
    expect(read('The fitter who came on Monday to measure up never sent the quote.', 'en')).toEqual([
      '2026-04-13',
    ]);
  });
  it('reads deciding not to continue and "no more bills" as a cancellation', () => {
    expect(top('We have decided not to renew the cleaning contract. Please stop billing us from May.')).toBe(
      'cancellation',
    );
    expect(top('Hemos decidido no continuar con el mantenimiento, no nos paséis más recibos.')).toBe(
      'cancellation',
    );
  });
  it('reads a question proposing a day and an hour as a meeting request, whatever the verb', () => {
    expect(top('Could I see the studio on Friday at 5?')).toBe('meeting_request');
    expect(top('¿Se podría ver el local el lunes a las 12?')).toBe('meeting_request');
  });
  it('reads an unrecognised charge as a complaint and a bare "received, thanks" as thanks', () => {
    expect(top("There's a £12 charge on my statement I don't recognise and I never authorised it.")).toBe(
      'complaint',
    );
    expect(top('Received, many thanks.')).toBe('thanks');
  });
  it('counts one phrase once: two patterns matching the same words are one piece of evidence', () => {
    const text = 'Es la segunda vez que el pedido llega roto. ¿Podemos hablar mañana a las 10?';
    // The lexicon: the complaint outweighs the one meeting phrase, counted once.
    const evidence = intentScores(text, 'es');
    expect(evidence.complaint).toBeGreaterThan(evidence.meeting_request);
    expect(evidence.meeting_request).toBeLessThan(2);
    // The whole reading (rules and model) answers both halves of the mail.
    const r = readIntent(text);
    expect([r.intents[0]!.intent, r.secondary].sort()).toEqual(['complaint', 'meeting_request']);
  });
});

describe('fifth round', () => {
  it('reads pulling out and being taken off a list as a cancellation', () => {
    expect(top("We'll have to drop out of Sunday's tour, please take us off the list.")).toBe('cancellation');
    expect(top('¿Nos podéis quitar de la lista del curso del sábado? No llegamos.')).toBe('cancellation');
  });
  it('reads praise idioms and "works perfectly" as thanks', () => {
    expect(top('The new oven works perfectly. You lot are brilliant!')).toBe('thanks');
    expect(top('Your team nailed it at the wedding, everyone asked who did the flowers.')).toBe('thanks');
  });
  it('reads "has my X been sent off", "showing delivered" and "did not get anything" as order status', () => {
    expect(top('Has my refill been sent off yet?')).toBe('order_status');
    expect(top('Tracking showing delivered but I did not get anything.')).toBe('order_status');
    expect(top('¿Qué pasa con mi pedido? Lo pedí hace diez días.')).toBe('order_status');
  });
  it('reads the weekday of something thanked for as past', () => {
    expect(read('Thank you for fitting us in on Tuesday, the car runs like new.', 'en')).toEqual([
      '2026-04-14',
    ]);
    expect(read('Gracias por atendernos el lunes, todo perfecto.', 'es')).toEqual(['2026-04-13']);
  });
});

describe('sixth round', () => {
  it('does not read the day of writing, "today" in an opening-hours question or mid-morning as dates', () => {
    expect(read("Still no sign of the table and it's Friday already.", 'en')).toEqual([]);
    expect(read('Sigo esperando la mesa y ya es viernes.', 'es')).toEqual([]);
    expect(read('What time do you close today?', 'en')).toEqual([]);
    expect(read('¿A qué hora cerráis hoy?', 'es')).toEqual([]);
    expect(read('¿Os viene bien el jueves 16 a media mañana?', 'es')).toEqual(['2026-04-16']);
  });
  it('reads not renewing as a cancellation', () => {
    expect(top("We won't be renewing the alarm contract when it ends.")).toBe('cancellation');
    expect(top('No renovaremos la póliza del local, no la prorroguen.')).toBe('cancellation');
  });
  it('reads "sabéis algo del…" and "estatus de mi pedido" as order status', () => {
    expect(top('¿Sabéis algo del colchón? Lo pagué hace dos semanas.')).toBe('order_status');
    expect(top('¿Me informan el estatus de mi pedido 4411?')).toBe('order_status');
  });
  it('reads a writer apologising for the trouble as no complaint, and things coming apart as one', () => {
    expect(
      top('Les recordamos que el almacén cierra el día 30 por inventario. Disculpen las molestias.'),
    ).not.toBe('complaint');
    expect(top('The handle came away after two days. Shameful for the price.')).toBe('complaint');
  });
  it('reads booking a named service as a meeting request', () => {
    expect(top("I'd like to book a hearing test. Anything on Thursday?")).toBe('meeting_request');
  });
  it('reads "re atentos" beside nothing happening as irony', () => {
    const r = readIntent('Gracias, re atentos: pedí tres veces que me llamen y nada.');
    expect(r.ironic).toBe(true);
    expect(r.intents[0]!.intent).toBe('complaint');
  });
});

describe('seventh round', () => {
  it('reads a day after "until" / "hasta el" as ahead, and keeps it beside yesterday', () => {
    expect(read('I phoned yesterday at 6pm and was told nothing happens until Thursday.', 'en')).toEqual([
      '2026-04-14T18:00',
      '2026-04-16',
    ]);
    expect(read('Llamé ayer y me dijeron que hasta el jueves nada.', 'es')).toEqual([
      '2026-04-14',
      '2026-04-16',
    ]);
  });
  it('reads taking someone off a service as a cancellation', () => {
    expect(top('Please take my son off the Saturday swimming club from next month.')).toBe('cancellation');
  });
});

describe('eighth round', () => {
  it('does not read 24/7 as a date, and reads a one-off closure on a weekday as one', () => {
    expect(read('Your 24/7 helpline never answers.', 'en')).toEqual([]);
    expect(read('Heads-up: the car park will be closed on Saturday for resurfacing.', 'en')).toEqual([
      '2026-04-18',
    ]);
  });
  it('reads the day of a trip being cancelled as ahead even when the reason is in the past', () => {
    expect(read('Tenemos que anular la visita guiada del viernes, mi hijo se ha puesto malo.', 'es')).toEqual(
      ['2026-04-17'],
    );
  });
  it('reads "poca seriedad" and no-shows as a complaint, "genios" and "you rock" as thanks', () => {
    expect(top('Muy poca seriedad: quedaron el lunes y nunca vinieron.')).toBe('complaint');
    expect(top('¡Sois unos genios! Todo bien embalado y rapidísimo.')).toBe('thanks');
    expect(top('You rock, everything came super fast.')).toBe('thanks');
  });
  it('reads "will not be needing" as a cancellation, with thanks for all the years as a closing', () => {
    expect(top("We won't be needing the window cleaning from next month. Thanks for all the years.")).toBe(
      'cancellation',
    );
  });
});

describe('ninth round', () => {
  it('reads "where has my order got to" and "when will the part be in" as order status', () => {
    expect(top("Any idea where my parcel's got to? It was due Friday.")).toBe('order_status');
    expect(top('When will the spare part be in? The fitter said a week.')).toBe('order_status');
  });
  it('reads praise of how happy the writer was as thanks', () => {
    expect(top('Just to say how pleased we were with the decorators. Spotless work.')).toBe('thanks');
    expect(top('Quería contaros lo contentos que quedamos con la mudanza.')).toBe('thanks');
  });
  it('reads waiting on hold and "is anyone working there" as a complaint', () => {
    expect(top('Spent 40 minutes on hold this morning. Is anybody actually there?')).toBe('complaint');
  });
  it('reads asking for a short call and rescheduling as a meeting request, stopping a subscription as cancellation', () => {
    expect(top('Are you around on Monday for a 10 minute call?')).toBe('meeting_request');
    expect(top('I need to reschedule my fitting for next week if possible.')).toBe('meeting_request');
    expect(top('¿Podéis pausar mi suscripción de fruta? Nos vamos de viaje.')).toBe('cancellation');
  });
});

describe('tenth round: mail that is not a customer writing, offered options, warm endings', () => {
  const reading = (text: string) => readIntent(text);
  it('reads automatic replies as other, not as a thank-you', () => {
    expect(
      top(
        'Thanks for your message. I am away on holiday with limited access to email until Monday. For anything urgent, call the front desk.',
      ),
    ).toBe('other');
    expect(
      top(
        'Gracias por tu correo. Estoy fuera de la oficina hasta el día 9; en mi ausencia puedes escribir a administración.',
      ),
    ).toBe('other');
  });
  it('reads newsletters and promotions as other, not as a cancellation', () => {
    expect(
      top(
        'Spring is here! Our garden range is back with 15% off this week only. Shop now.\nYou are receiving this email because you signed up at our store. Unsubscribe here.',
      ),
    ).toBe('other');
    expect(
      top(
        '¡Novedades de marzo! Nuevos sabores de helado y 2x1 los jueves.\nSi no deseas recibir más correos, pulsa aquí para darte de baja.',
      ),
    ).toBe('other');
  });
  it('reads job applications, account phishing and sales pitches as other', () => {
    expect(
      top(
        'Buenas tardes, quisiera postularme para el puesto de repartidor. Tengo tres años de experiencia y adjunto mi hoja de vida.',
      ),
    ).toBe('other');
    expect(
      top(
        'Dear valued member, unusual sign-in activity was detected. Confirm your account details today or access will be restricted.',
      ),
    ).toBe('other');
    expect(
      top(
        'Hi! We help independent bakeries like yours double their online orders. Fancy a free demo this week?',
      ),
    ).toBe('other');
    expect(
      top(
        'Hola, vimos su página web y creemos que podemos ayudarle. Ayudamos a restaurantes a aumentar sus reservas con nuestra plataforma.',
      ),
    ).toBe('other');
  });
  it('reads choosing one of the offered options as accepting a meeting', () => {
    const en = reading('The first one works for us, thanks.');
    expect(en.intents[0]!.intent).toBe('meeting_request');
    expect(en.accepts).toBe(true);
    expect(reading('De los horarios que nos pasaste, nos viene mejor el del miércoles.').accepts).toBe(true);
    expect(top('La primera opción me sirve, ahí estaré.')).toBe('meeting_request');
    expect(reading('Of the times you suggested, Friday would work best.').accepts).toBe(true);
  });
  it('reads a cancellation that ends with a warm paragraph as a cancellation, never as irony or thanks', () => {
    const r = reading(
      'We have to call off the anniversary dinner on the 12th, my mother is in hospital. Could you return the deposit?\n\nYou have all been so kind, honestly the best team as always. Thank you!\n\nMaria',
    );
    expect(r.intents[0]!.intent).toBe('cancellation');
    expect(r.ironic).toBe(false);
    expect(top('Les pido dejar sin efecto la reserva del salón. Muchas gracias.')).toBe('cancellation');
    expect(top('Sorry, I have to back out of the pottery course, something came up at work.')).toBe(
      'cancellation',
    );
  });
  it('does not read "nada más para…" as a negation, nor "precioso" as asking a price', () => {
    expect(top('Nada más para agradecerles la paciencia con la reforma; quedó todo precioso.')).toBe(
      'thanks',
    );
  });
});
