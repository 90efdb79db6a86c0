import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { extractDates } from './dates';

const es = (text: string, reference: string) =>
  extractDates(text, { reference, zone: 'Europe/Madrid', language: 'es' });
const en = (text: string, reference: string, zone = 'America/New_York') =>
  extractDates(text, { reference, zone, language: 'en' });

describe('extractDates', () => {
  it('reads Spanish relative dates from the message date', () => {
    const d = es(
      '¿Podemos vernos mañana a las 10 o el martes que viene? Si no, pasado mañana.',
      '2026-03-25T09:00:00+01:00',
    );
    expect(d.map((x) => (x.timeCertain ? x.start : x.day))).toEqual([
      '2026-03-26T10:00:00+01:00',
      '2026-03-31',
      '2026-03-27',
    ]);
    expect(d[0]).toMatchObject({ text: 'mañana a las 10', timeCertain: true, zone: 'Europe/Madrid' });
  });
  it('reads 15/12 as day/month in Spanish and 3/12 as month/day in US English', () => {
    expect(es('¿Le va bien el 15/12?', '2026-11-02T10:00:00+01:00')[0]!.day).toBe('2026-12-15');
    expect(en('I ordered on 3/12.', '2026-03-25T09:00:00-04:00')[0]!.day).toBe('2026-03-12');
  });
  it('gets the offset right in the DST change week', () => {
    // Europe moves to summer time on 29 March 2026: Friday is +01:00, the next Tuesday +02:00.
    const d = es('¿Podríamos quedar el martes 31 a las 17:30?', '2026-03-27T12:00:00+01:00');
    expect(d[0]!.start).toBe('2026-03-31T17:30:00+02:00');
    const ny = en('Would next Tue 3pm work?', '2026-03-05T09:00:00-05:00');
    expect(ny[0]!.start).toBe('2026-03-10T15:00:00-04:00');
  });
  it('reads afternoon times and Spanish ranges', () => {
    const d = es(
      'El viernes a las 5 de la tarde. Del 3 al 5 de abril estoy fuera.',
      '2026-03-25T09:00:00+01:00',
    );
    expect(d[0]!.start).toBe('2026-03-27T17:00:00+01:00');
    expect(d[1]).toMatchObject({ day: '2026-04-03', timeCertain: false });
    expect(d[1]!.end?.startsWith('2026-04-05')).toBe(true);
  });
  it('points bare weekdays forward for proposals and back for reports', () => {
    expect(es('¿Te va bien el jueves?', '2026-03-27T12:00:00+01:00')[0]!.day).toBe('2026-04-02');
    expect(es('La cena del sábado fue un éxito.', '2026-03-23T20:00:00+01:00')[0]!.day).toBe('2026-03-21');
  });
  it('drops vague mentions, durations and counts, and never throws on nonsense', () => {
    expect(
      en('Next week is fine. It stopped after 3 weeks. We are a group of 10.', '2026-03-25T09:00:00-04:00'),
    ).toEqual([]);
    expect(es('el 31/02', '2026-03-25T09:00:00+01:00')).toEqual([]);
    expect(
      extractDates('mañana', { reference: 'not a date', zone: 'Europe/Madrid', language: 'es' }),
    ).toEqual([]);
    expect(extractDates('tomorrow', { reference: Date.now(), zone: 'Not/AZone', language: 'en' })).toEqual(
      [],
    );
  });
  it('keeps order numbers out of dates when told where they are', () => {
    const text = 'factura F-2026-118 del 12 de marzo';
    const d = extractDates(text, {
      reference: '2026-03-25T09:00:00+01:00',
      zone: 'Europe/Madrid',
      language: 'es',
      exclude: [{ index: 8, length: 10 }],
    });
    expect(d.map((x) => x.day)).toEqual(['2026-03-12']);
  });
});

describe('extractDates: general cases (issue 12, tenth dev batch)', () => {
  it('reads an ordinal standing alone as a day of the month, but not one before a noun', () => {
    const d = en(
      'Any of those is fine, though 28th at 2:30 would suit me best.',
      '2026-05-12T09:00:00-04:00',
    );
    expect(d.map((x) => x.start)).toEqual(['2026-05-28T14:30:00-04:00']);
    expect(
      en('This is my 3rd attempt to reach you, we are at 12th Avenue.', '2026-05-12T09:00:00-04:00'),
    ).toEqual([]);
  });
  it('does not take "have got" for a past tense: a day ahead stays ahead', () => {
    const ahead = en("I've got the painters starting on the 4th.", '2026-05-12T09:00:00-04:00');
    expect(ahead[0]!.day).toBe('2026-06-04');
    const past = en('We got the invoice on the 4th and paid it straight away.', '2026-05-12T09:00:00-04:00');
    expect(past[0]!.day).toBe('2026-05-04');
  });
  it('takes a range of weekdays beside a range of hours for a timetable, whatever words frame it', () => {
    expect(
      es('Según el cartel de la puerta es de lunes a sábado de 10:00 a 13:30.', '2026-05-12T09:00:00+02:00'),
    ).toEqual([]);
    const d = en(
      'The leaflet says Tue–Sat 10am–4pm. Could I drop by Friday at 11?',
      '2026-05-12T09:00:00+01:00',
      'Europe/London',
    );
    expect(d.map((x) => x.start)).toEqual(['2026-05-15T11:00:00+01:00']);
  });
  it('reads "la mañana" with its article as the morning, never as tomorrow', () => {
    expect(
      es('Estuve esperando toda la semana y ayer perdí la mañana otra vez.', '2026-05-12T09:00:00+02:00').map(
        (x) => x.day,
      ),
    ).toEqual(['2026-05-11']);
    expect(
      es('Para la mañana del viernes no tengo hueco.', '2026-05-12T09:00:00+02:00').map((x) => x.day),
    ).toEqual(['2026-05-15']);
    expect(es('¿Te viene bien mañana por la mañana?', '2026-05-12T09:00:00+02:00')[0]!.day).toBe(
      '2026-05-13',
    );
  });
  it('reads a date inside a reference as part of the reference', () => {
    expect(en('Ticket 2025-11-30-0042 is still open, any news?', '2026-05-12T09:00:00-04:00')).toEqual([]);
    expect(en('Please quote PO-2026-03-17 on the delivery note.', '2026-05-12T09:00:00-04:00')).toEqual([]);
    expect(en('Can you come on 2026-05-20?', '2026-05-12T09:00:00-04:00')[0]!.day).toBe('2026-05-20');
  });
  it('reads British "Tuesday week" and "a week on Sunday" a week past the next such day', () => {
    const ref = '2026-05-12T09:00:00+01:00'; // a Tuesday
    const uk = (t: string) => en(t, ref, 'Europe/London').map((x) => x.day);
    expect(uk('Could the fitter come Tuesday week?')).toEqual(['2026-05-26']);
    expect(uk("We're back a week on Sunday.")).toEqual(['2026-05-24']);
  });
  it('reads clock times in words: "half past three", "quarter to ten"', () => {
    const ref = '2026-05-12T09:00:00+01:00';
    expect(en('Shall we meet on Friday at half past three?', ref, 'Europe/London')[0]!.start).toBe(
      '2026-05-15T15:30:00+01:00',
    );
    expect(en('Could you ring me tomorrow at quarter to ten?', ref, 'Europe/London')[0]!.start).toBe(
      '2026-05-13T09:45:00+01:00',
    );
  });
  it('reads a bare weekday that is the day of writing as next week, "today" being the word for today', () => {
    const thu = '2026-05-14T09:00:00-04:00'; // a Thursday
    expect(en('Could the engineer come Thursday?', thu).map((x) => x.day)).toEqual(['2026-05-21']);
    expect(en('Could the engineer come today?', thu).map((x) => x.day)).toEqual(['2026-05-14']);
    expect(es('¿Puede venir el jueves el técnico?', '2026-05-14T09:00:00+02:00').map((x) => x.day)).toEqual([
      '2026-05-21',
    ]);
  });
  it('drops a bare time in a sentence about the past (its day is unknown)', () => {
    expect(en('We got to the depot at 4 and the van had already gone.', '2026-05-12T09:00:00-04:00')).toEqual(
      [],
    );
    expect(en('Can you ring me at 4?', '2026-05-12T09:00:00-04:00')[0]!.start).toBe(
      '2026-05-12T16:00:00-04:00',
    );
  });
  it('reads fractions and a month with its year as no date', () => {
    const ref = '2026-05-12T09:00:00+02:00';
    expect(en('About 2/3 of the tiles were cracked; ref 11/2025.', ref, 'Europe/London')).toEqual([]);
    expect(es('Faltaba 1/4 de la mercancía del lote 03/2026.', ref)).toEqual([]);
  });
  it('keeps the start of a window of hours and a time written before its day', () => {
    const ref = '2026-05-12T09:00:00+02:00';
    expect(es('El viernes entre las 10 y las 12 estoy en la tienda.', ref).map((x) => x.start)).toEqual([
      '2026-05-15T10:00:00+02:00',
    ]);
    expect(es('¿Hay hueco a las 18:15 del jueves?', ref).map((x) => x.start)).toEqual([
      '2026-05-14T18:15:00+02:00',
    ]);
  });
  it('reads the time a business opens or closes at as no date', () => {
    expect(en('Just so you know, the depot closes at 4 on Fridays.', '2026-05-12T09:00:00-04:00')).toEqual(
      [],
    );
    expect(es('Os recuerdo que abrimos a las 9:30 de lunes a sábado.', '2026-05-12T09:00:00+02:00')).toEqual(
      [],
    );
  });
  it('reads "dentro de 15 días" / "in two weeks\' time" asked for as that day, delivery terms as durations', () => {
    const ref = '2026-05-12T09:00:00+02:00';
    expect(es('¿Le parece que lo revisemos dentro de 10 días?', ref).map((x) => x.day)).toEqual([
      '2026-05-22',
    ]);
    expect(
      en("Shall we pick this up again in three weeks' time?", ref, 'Europe/London').map((x) => x.day),
    ).toEqual(['2026-06-02']);
    expect(en('Invoices are payable within 14 days.', ref, 'Europe/London')).toEqual([]);
    expect(es('Dijeron que tardaría en 4 días laborables.', ref)).toEqual([]);
  });
  it('reads a range of weekdays "next week" in next week, after a future tense', () => {
    const mon = '2026-09-14T09:00:00-04:00'; // a Monday
    expect(en("We're around Tuesday through Thursday next week if that helps.", mon)[0]!.day).toBe(
      '2026-09-22',
    );
    expect(
      es('Iré a la feria de martes a jueves de la semana que viene.', '2026-09-14T09:00:00+02:00').map(
        (x) => x.day,
      ),
    ).toEqual(['2026-09-22', '2026-09-24']);
  });
  it('reads durations in ranges, counts of things and "open from" hours as no date; "de 4 a 6" starts at 4', () => {
    const ref = '2026-09-14T09:00:00+02:00';
    expect(en('Delivery takes 5-7 business days, they said.', ref, 'Europe/London')).toEqual([]);
    expect(en("I see you're open 9am-5pm weekdays.", ref, 'Europe/London')).toEqual([]);
    expect(es('¿Cuánto sale pintar las 4 habitaciones?', ref)).toEqual([]);
    expect(es('El jueves puedo de 4 a 6.', ref)[0]!.start).toBe('2026-09-17T16:00:00+02:00');
  });
  it('reads no date in an identifier or a place named as such (order number, flat, invoice)', () => {
    const ref = '2026-10-20T10:00:00+01:00';
    expect(en('My order number is 10/2231 and it still has not come.', ref, 'Europe/London')).toEqual([]);
    expect(en("We're on the 2nd floor, flat 4/12, the buzzer doesn't work.", ref, 'Europe/London')).toEqual(
      [],
    );
    expect(es('La factura nº 12-10 sigue sin pagar.', ref)).toEqual([]);
    // A date beside the number is still read.
    expect(en('Order #4512 placed 10/14, still not shipped.', ref)[0]!.day).toBe('2026-10-14');
  });
  it('reads no date in a Spanish ordinal (floor, door) unless a month follows', () => {
    const ref = '2026-10-20T10:00:00+02:00';
    expect(es('Vivo en el 3º 2ª, el portero no funciona.', ref)).toEqual([]);
    expect(es('¿Podéis venir el 1º de noviembre?', ref)[0]!.day).toBe('2026-11-01');
  });
  it('reads no hour in a range of amounts, also when the price was set apart', () => {
    const ref = '2026-10-20T10:00:00+02:00';
    expect(es('Compré 2 packs de 6 a 12,50 € cada uno.', ref)).toEqual([]);
    const text = 'Compré 2 packs de 6 a 12,50 € cada uno.';
    const at = text.indexOf('12,50');
    const d = extractDates(text, {
      reference: ref,
      zone: 'Europe/Madrid',
      language: 'es',
      exclude: [{ index: at, length: '12,50 €'.length }],
    });
    expect(d).toEqual([]);
    expect(es('El jueves puedo de 4 a 6.', ref)[0]!.start).toBe('2026-10-22T16:00:00+02:00');
  });
  it('reads no hour in a percentage, a decimal with a comma or a range of people', () => {
    const ref = '2026-10-20T10:00:00+02:00';
    expect(es('Subieron el interés al 4,5% sin avisar.', ref)).toEqual([]);
    expect(es('Somos de 4 a 6 personas, ¿cabemos?', ref)).toEqual([]);
    expect(es('Seremos entre 10 y 12 invitados el sábado.', ref).map((d) => d.day)).toEqual(['2026-10-24']);
  });
  it('reads no date in office hours written with points, nor in a recurring weekday', () => {
    const ref = '2026-10-20T10:00:00+01:00';
    expect(en('Best wishes,\nJane\nOffice hours: 9.00am - 5.30pm', ref, 'Europe/London')).toEqual([]);
    expect(
      en("Can you come this Friday? I'm out of office every Friday after that.", ref).map((d) => d.day),
    ).toEqual(['2026-10-23']);
    expect(es('Nos vemos el lunes, todos los martes cierro.', ref).map((d) => d.day)).toEqual(['2026-10-26']);
  });
  it('reads no date in a named sale, a greeting with a weekday or the writer own working week', () => {
    const ref = '2026-10-20T10:00:00-04:00';
    expect(en('I bought it in the Black Friday sale and it broke already.', ref)).toEqual([]);
    expect(en('Happy Monday! Quick question: do you ship to Canada?', ref)).toEqual([]);
    expect(en('I work Monday to Friday so could you deliver Saturday?', ref).map((d) => d.day)).toEqual([
      '2026-10-24',
    ]);
    const mx = (t: string) =>
      extractDates(t, {
        reference: '2026-10-20T10:00:00-06:00',
        zone: 'America/Mexico_City',
        language: 'es',
      });
    expect(mx('Lo compré en el Buen Fin y ya se descompuso.')).toEqual([]);
    expect(mx('¡Feliz lunes! Una pregunta, ¿envían a Monterrey?')).toEqual([]);
    expect(mx('Trabajo de lunes a viernes, ¿pueden entregar el sábado?').map((d) => d.day)).toEqual([
      '2026-10-24',
    ]);
  });
  it('reads "between 1 and 3pm" as a window from 1pm, and leaves a count alone', () => {
    const ref = '2026-10-05T09:50:00-04:00';
    const d = en("She's free Thursday between 1 and 3pm Eastern, or Friday morning.", ref);
    expect(d[0]).toMatchObject({ start: '2026-10-08T13:00:00-04:00', timeCertain: true });
    expect(en('We need between 10 and 12 chairs.', ref)).toEqual([]);
  });
});

describe('extractDates: kinds found on fresh probes (issue 12, round 5)', () => {
  it('reads a bare hour by the morning or evening named nearest it; 7 with minutes is the morning one', () => {
    const ref = '2026-12-01T10:00:00+01:00'; // a Tuesday
    const at = (d: { start: string }[]) => d.map((x) => x.start);
    expect(at(es('Tengo cita en la clínica mañana a las 7:40, ¿podéis pasar antes?', ref))).toEqual([
      '2026-12-02T07:40:00+01:00',
    ]);
    expect(at(es('El jueves a las 7:30 desayuno con el equipo, ¿nos vemos allí?', ref))).toEqual([
      '2026-12-03T07:30:00+01:00',
    ]);
    expect(at(es('Reserva para cenar el sábado 5 a las 9:30, somos cuatro.', ref))).toEqual([
      '2026-12-05T21:30:00+01:00',
    ]);
    // "a las 7" on the hour stays dinner time; a cue after an alternative day is that day's.
    expect(at(es('¿Podéis venir el viernes a las 7?', ref))).toEqual(['2026-12-04T19:00:00+01:00']);
    expect(at(es('¿El miércoles a las 10 o el jueves por la tarde?', ref))[0]).toBe(
      '2026-12-02T10:00:00+01:00',
    );
    const ny = '2026-12-01T10:00:00-05:00';
    expect(at(en('Could we meet Thursday at 7:40 for breakfast before my shift?', ny))).toEqual([
      '2026-12-03T07:40:00-05:00',
    ]);
    expect(at(en('Could we book dinner for Saturday at 8:30?', ny))).toEqual(['2026-12-05T20:30:00-05:00']);
    expect(at(en('Can the plumber come Friday at 8:30?', ny))).toEqual(['2026-12-04T08:30:00-05:00']);
    expect(at(en('Drinks on Friday at 6:45 then?', ny))).toEqual(['2026-12-04T18:45:00-05:00']);
  });
  it('reads a time that is a standing fact (a doorman, a cut-off, a habit) as no date, unless a day is beside it', () => {
    const ny = '2026-12-01T10:00:00-05:00';
    const days = (d: { day: string; timeCertain: boolean; start: string }[]) =>
      d.map((x) => (x.timeCertain ? x.start : x.day));
    expect(days(en('The doorman is there until 11pm, so deliver any time on Thursday.', ny))).toEqual([
      '2026-12-03',
    ]);
    expect(en('Our cut-off for same-day dispatch is 2pm, right?', ny)).toEqual([]);
    expect(en('Orders placed before 2pm ship the same day, I was told.', ny)).toEqual([]);
    expect(days(en('Check-in is at 3pm and check-out at 11am; we arrive Friday.', ny))).toEqual([
      '2026-12-04',
    ]);
    expect(days(en('The courier usually comes around 3, so Wednesday is fine.', ny))).toEqual(['2026-12-02']);
    // A day beside it makes it a plan.
    expect(days(en('The fitter is there from 9am tomorrow, is that ok?', ny))).toEqual([
      '2026-12-02T09:00:00-05:00',
    ]);
    const ref = '2026-12-01T10:00:00+01:00';
    expect(
      es('El corte para envíos en el día es a las 2, ¿lo podéis sacar hoy?', ref).map((x) => x.start),
    ).toEqual(['2026-12-01T12:00:00+01:00']);
    expect(days(es('El portero está hasta las 11 de la noche, podéis dejarlo el jueves.', ref))).toEqual([
      '2026-12-03',
    ]);
    expect(
      es('Última recogida es a las 17:00 y los pedidos hechos antes de las 14:00 salen hoy mismo.', ref).map(
        (x) => x.timeCertain,
      ),
    ).toEqual([false]);
    expect(days(es('¿Me llamas a las 4? Mi marido está en casa hasta las 6.', ref))).toEqual([
      '2026-12-01T16:00:00+01:00',
    ]);
    expect(days(es('Mañana el técnico está en la obra desde las 9.', ref))).toEqual([
      '2026-12-02T09:00:00+01:00',
    ]);
  });
  it('keeps a weekday proposed in its own clause of a sentence about opening hours', () => {
    const ny = '2026-12-01T10:00:00-05:00'; // a Tuesday
    const days = (d: { day: string; timeCertain: boolean; start: string }[]) =>
      d.map((x) => (x.timeCertain ? x.start : x.day));
    expect(days(en('We are open 9-5, could you come Tuesday?', ny))).toEqual(['2026-12-08']);
    expect(days(en('Our office hours are 8:30 to 5 but I can meet on Thursday at 10.', ny))).toEqual([
      '2026-12-03T10:00:00-05:00',
    ]);
    // The weekday the hours are asked about stays the hours' weekday.
    expect(en('What are your hours on Saturday?', ny)).toEqual([]);
    expect(en('Are you open Saturday, and could I collect then?', ny)).toEqual([]);
    const ref = '2026-12-01T10:00:00+01:00';
    expect(days(es('Abrimos de 9 a 14, ¿podría pasar el martes?', ref))).toEqual(['2026-12-08']);
    expect(days(es('Los domingos cerramos, ¿pueden traerlo el lunes?', ref))).toEqual(['2026-12-07']);
    expect(es('El horario del sábado es de 10 a 2.', ref)).toEqual([]);
  });
  it('reads a holiday named as a day as its date, and a greeting, a thing or a purpose as none', () => {
    const ny = '2026-12-01T10:00:00-05:00';
    const days = (d: { day: string; timeCertain: boolean; start: string }[]) =>
      d.map((x) => (x.timeCertain ? x.start : x.day));
    expect(days(en('Could you deliver on Christmas Eve?', ny))).toEqual(['2026-12-24']);
    expect(days(en('Christmas Eve at 6 works for the pickup.', ny))).toEqual(['2026-12-24T18:00:00-05:00']);
    expect(days(en('I need the cake by Christmas.', ny))).toEqual(['2026-12-25']);
    expect(days(en('We came in on Boxing Day and the shop was shut.', ny))).toEqual(['2025-12-26']);
    expect(days(en('Can the order arrive before Thanksgiving?', '2026-11-01T10:00:00-05:00'))).toEqual([
      '2026-11-26',
    ]);
    expect(days(en('Is the bakery open on Good Friday?', '2026-03-01T10:00:00-05:00'))).toEqual([
      '2026-04-03',
    ]);
    expect(en('Merry Christmas from all of us! Your Christmas orders page is broken.', ny)).toEqual([]);
    expect(en('My Halloween costume arrived torn.', '2026-10-20T10:00:00-04:00')).toEqual([]);
    expect(en('I bought it for Christmas and it is already broken.', ny)).toEqual([]);
    const ref = '2026-12-01T10:00:00+01:00';
    expect(days(es('¿Podéis traerlo en Nochebuena por la mañana?', ref))).toEqual(['2026-12-24']);
    expect(days(es('Necesito el regalo antes de Navidad.', ref))).toEqual(['2026-12-25']);
    expect(days(es('Para la cena de Nochebuena somos doce, ¿tenéis mesa?', ref))).toEqual(['2026-12-24']);
    const mx = extractDates('Queremos el pan de muerto para el Día de Muertos.', {
      reference: '2026-10-01T10:00:00-06:00',
      zone: 'America/Mexico_City',
      language: 'es',
    });
    expect(mx.map((x) => x.day)).toEqual(['2026-11-02']);
    expect(es('¡Feliz Navidad! La tarta de Reyes estaba buenísima.', ref)).toEqual([]);
    expect(es('El menú de Nochevieja, ¿cuánto cuesta? Es para Navidad.', ref)).toEqual([]);
    // A stretch of days is no day.
    expect(es('Nos vamos el puente de diciembre, ¿lo dejamos para después?', ref)).toEqual([]);
  });
  it('reads "a. m." / "p. m." as the meridiem and a shop line with abbreviated days or a dashed phone as no date', () => {
    const co = (t: string) =>
      extractDates(t, { reference: '2026-05-06T07:55:00-05:00', zone: 'America/Bogota', language: 'es' });
    const at = (d: { day: string; timeCertain: boolean; start: string }[]) =>
      d.map((x) => (x.timeCertain ? x.start : x.day));
    expect(at(co('¿Me confirma la visita del jueves 7 a las 3:30 p. m.?'))).toEqual([
      '2026-05-07T15:30:00-05:00',
    ]);
    expect(at(co('La reunión fue a las 9:15 a. m. del martes pasado.'))).toEqual([
      '2026-05-05T09:15:00-05:00',
    ]);
    expect(co('La recepción atiende de 7:00 a. m. a 4:00 p. m.')).toEqual([]);
    expect(co('Soporte: lunes a sábado 8:00 a. m. – 6:00 p. m.')).toEqual([]);
    expect(co('Ventas · Lun a vie de 8 a 17 h · Sáb de 9 a 13 h')).toEqual([]);
    expect(co('Horario: L-S de 10:00 a 19:00.')).toEqual([]);
    expect(co('Cualquier duda escribime al 11 4021-7789 o al (011) 4773-9910.')).toEqual([]);
  });
  it('reads 7 written with minutes ("7:00") as the morning one, a bare 7 as the evening one', () => {
    const ny = '2026-10-26T09:05:00-04:00';
    expect(en('The stocktake is Saturday at 7:00 sharp.', ny)[0]!.start).toBe('2026-10-31T07:00:00-04:00');
    expect(en('Can you come Saturday at 7?', ny)[0]!.start).toBe('2026-10-31T19:00:00-04:00');
    expect(en('Dinner Saturday at 7:00?', ny)[0]!.start).toBe('2026-10-31T19:00:00-04:00');
    expect(
      es('El recuento es el sábado 31 a las 7:00, como cada año.', '2026-10-26T09:05:00+01:00')[0]!.start,
    ).toBe('2026-10-31T07:00:00+01:00');
  });
  it('does not let a morning named for another day make a bare hour a morning one', () => {
    const ny = '2026-03-06T20:15:00-05:00';
    expect(en('I could do Tuesday from 4:15, or else Wednesday morning.', ny)[0]!.start).toBe(
      '2026-03-10T16:15:00-04:00',
    );
    expect(
      es('Puedo el martes a las 5 o el miércoles por la mañana.', '2026-03-06T20:15:00+01:00')[0]!.start,
    ).toBe('2026-03-10T17:00:00+01:00');
  });
  it('reads the tense of a clause from its own words, also near the start of a mail; "I am disappointed" is no past', () => {
    const ref = '2025-11-19T21:05:00+08:00';
    const sg = (t: string) => extractDates(t, { reference: ref, zone: 'Asia/Singapore', language: 'en' });
    expect(sg("I'm very worried, the ring is for our anniversary on the 27th.").map((x) => x.day)).toEqual([
      '2025-11-27',
    ]);
    expect(sg('So annoyed, it is a gift for her recital on 30th.').map((x) => x.day)).toEqual(['2025-11-30']);
    expect(sg('We checked and it shipped on the 12th.').map((x) => x.day)).toEqual(['2025-11-12']);
  });
  it('reads no day in a rating, nor in "it’s now Monday", "hoy ya es viernes", "a hoy no ha llegado"', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-11-09T18:40:00+00:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    expect(uk('Arrived in pieces. 10/10, would not buy again. I’d rate the courier 2/10.')).toEqual([]);
    expect(uk('It was promised for Friday. It’s now Monday and still nothing.')).toEqual(['2026-11-06']);
    const mx = (t: string) =>
      extractDates(t, {
        reference: '2025-10-31T13:15:00-06:00',
        zone: 'America/Mexico_City',
        language: 'es',
      }).map((x) => x.day);
    expect(mx('Quedaron de traerlo el miércoles y hoy ya es viernes.')).toEqual(['2025-10-29']);
    expect(mx('Lo enviaron el 27 y a hoy no ha llegado nada.')).toEqual(['2025-10-27']);
  });
  it('reads dotted day-months, typed short days ("tmrw", "this arvo") and o’clock times', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-11-09T18:40:00+00:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk('Could the fitter come Thursday 19.11 from 9 o’clock?')).toEqual(['2026-11-19T09:00:00+00:00']);
    expect(uk('I must withdraw from the workshop (begins 03.12.) for health reasons.')).toEqual([
      '2026-12-03',
    ]);
    // A dotted pair that is not the weekday's date is a time.
    expect(uk('Shall we say Friday 10.15 then?')).toEqual(['2026-11-13T10:15:00+00:00']);
    expect(uk('Since version 2.10. the app crashes; I’d give it 4.5. at best.')).toEqual([]);
    expect(uk('can we push tmrw’s call to wednesday?')).toEqual(['2026-11-10', '2026-11-11']);
    expect(uk('Any chance of someone this arvo?')).toEqual(['2026-11-09']);
  });
  it('reads a stay or a period as one date, its start, however its two ends are written', () => {
    const days = (d: { day: string }[]) => d.map((x) => x.day);
    const ref = '2026-01-10T10:00:00+01:00';
    expect(days(es('Tenemos reserva del jueves 22 al domingo 25 de enero, ¿hay parking?', ref))).toEqual([
      '2026-01-22',
    ]);
    expect(days(es('La tienda estará cerrada desde el 2 de febrero hasta el 9 de marzo.', ref))).toEqual([
      '2026-02-02',
    ]);
    expect(days(es('Vigencia de la póliza: 15/01/2026 – 14/01/2027.', ref))).toEqual(['2026-01-15']);
    const uk = (t: string) =>
      extractDates(t, { reference: '2025-04-07T21:48:00+01:00', zone: 'Europe/London', language: 'en' });
    // An English stay named by its two days keeps both (the English dev batches label the last day).
    expect(
      days(uk('We were with you from Thursday the 3rd to Sunday and the heating never worked.')),
    ).toEqual(['2025-04-03', '2025-04-06']);
    expect(days(uk('Subscription period: 01/06/2025 – 31/05/2026.'))).toEqual(['2025-06-01']);
    expect(days(uk("We're away from 14 May to 21 May, could you deliver after that?"))).toEqual([
      '2025-05-14',
    ]);
  });
  it('reads the tense from a choice, a causal "since" and thanks in any wording, and from preterites typed without accents', () => {
    const ny = (t: string, ref = '2026-07-29T10:00:00-04:00') => en(t, ref).map((x) => x.day);
    expect(ny('Thanks a bunch for fixing the boiler on Friday, it works great.')).toEqual(['2026-07-24']);
    expect(ny("Could we meet next week? Tuesday afternoon is best since I'm off that day.")).toEqual([
      '2026-08-04',
    ]);
    expect(ny('Of the options you sent, I prefer Thursday.', '2026-07-31T10:00:00-04:00')).toEqual([
      '2026-08-06',
    ]);
    const md = (t: string, ref = '2026-07-29T10:00:00+02:00') => es(t, ref).map((x) => x.day);
    expect(md('De las fechas que me pasaste, prefiero el jueves.', '2026-07-31T10:00:00+02:00')).toEqual([
      '2026-08-06',
    ]);
    expect(md('Lo pague el lunes y sigue sin salir.')).toEqual(['2026-07-27']);
  });
  it('reads "since the 9th" as gone by, a morning shift as no tomorrow and a code like A4 as no hour', () => {
    const md = (t: string) => es(t, '2025-06-18T16:05:00+02:00').map((x) => x.day);
    expect(md('El seguimiento marca "entregado" desde el 9 y aquí no ha llegado nada.')).toEqual([
      '2025-06-09',
    ]);
    expect(md('Estoy de mañana toda la semana, ¿me llamáis el jueves por la tarde?')).toEqual(['2025-06-19']);
    expect(md('Necesito 200 hojas A4 y 3 cajas de sobres C5 para el viernes.')).toEqual(['2025-06-20']);
    expect(
      en('Tracking has said delivered since the 9th, nothing here.', '2025-06-18T16:05:00-04:00')[0]!.day,
    ).toBe('2025-06-09');
  });
  it('reads a bare weekday reported on that same weekday as last week’s', () => {
    const tue = '2026-03-10T18:00:00+00:00'; // a Tuesday
    expect(en('I waited in for two hours on Tuesday and nobody came.', tue, 'Europe/London')[0]!.day).toBe(
      '2026-03-03',
    );
    expect(es('El martes esperé dos horas y no vino nadie.', '2026-03-10T18:00:00+01:00')[0]!.day).toBe(
      '2026-03-03',
    );
    expect(en('I waited in for two hours today and nobody came.', tue, 'Europe/London')[0]!.day).toBe(
      '2026-03-10',
    );
    // A duration in words is no date ("a few days", "dos horas").
    expect(en('It took a few days and three hours of calls.', tue, 'Europe/London')).toEqual([]);
  });
  it('reads a bare hour at a restaurant table as the evening one, and a match score as no hour', () => {
    const ref = '2026-03-10T08:00:00+01:00';
    expect(es('Somos 4 a las 9, ¿tenéis mesa?', ref).map((x) => x.start)).toEqual([
      '2026-03-10T21:00:00+01:00',
    ]);
    // Furniture is no table booking.
    expect(es('La mesa llega a las 9 del jueves.', ref).map((x) => x.start)).toEqual([
      '2026-03-12T09:00:00+01:00',
    ]);
    expect(en('Have you got a table for six at 8:30 on Friday?', '2026-03-10T08:00:00-05:00')[0]!.start).toBe(
      '2026-03-13T20:30:00-04:00',
    );
    expect(es('Ganamos 3 a 1 y queremos una tarta para el sábado.', ref).map((x) => x.day)).toEqual([
      '2026-03-14',
    ]);
  });
  it('reads "is on until 10pm" as a standing fact like "is there until"', () => {
    const ny = '2026-04-14T09:10:00-04:00';
    expect(
      en('The doorman is on until 10pm, so Thursday is fine for the delivery.', ny).map((x) => x.day),
    ).toEqual(['2026-04-16']);
    expect(en('The night porter is on until 6am.', ny)).toEqual([]);
  });
  it('reads "Monday after 5", "after 5 tomorrow", "Thursday from 2" as an hour on that day', () => {
    const ny = '2026-04-14T09:10:00-04:00';
    const at = (t: string) => en(t, ny).map((x) => (x.timeCertain ? x.start : x.day));
    expect(at('Could someone come round after 5 tomorrow?')).toEqual(['2026-04-15T17:00:00-04:00']);
    expect(at('Could we do Monday after 4?')).toEqual(['2026-04-20T16:00:00-04:00']);
    expect(at('Thursday from 2 works for us.')).toEqual(['2026-04-16T14:00:00-04:00']);
    expect(at('Could we do Monday after 5 people leave?')).toEqual(['2026-04-20']);
  });
  it('reads no day in a card expiry, a day of every month or a weekday dish ("the Sunday roast")', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-04T10:00:00+01:00', zone: 'Europe/London', language: 'en' });
    expect(uk('My card expires 08/28, can you take a new one?')).toEqual([]);
    expect(uk('The rent goes out on the 3rd of every month.')).toEqual([]);
    expect(uk('Do you do Sunday lunch for a group of twelve?')).toEqual([]);
    expect(uk('Could we book Sunday lunch for twelve?').map((x) => x.day)).toEqual(['2026-05-10']);
    const ref = '2026-05-04T10:00:00+02:00';
    expect(es('La tarjeta caduca el 11/29, os paso otra.', ref)).toEqual([]);
    expect(es('Nos cobran el día 3 de cada mes y los días 10 y 25.', ref)).toEqual([]);
    // An invoice's due day stays a day.
    expect(es('Factura con vencimiento 30/05, importe 120 €.', ref).map((x) => x.day)).toEqual([
      '2026-05-30',
    ]);
  });
  it('reads "9h30", "the 15th of next month" and "between 12 and 15 May" (its first day)', () => {
    const ref = '2026-05-04T08:00:00+02:00';
    const at = (d: { day: string; timeCertain: boolean; start: string }[]) =>
      d.map((x) => (x.timeCertain ? x.start : x.day));
    expect(at(es('Llámame mañana a las 9h30 por favor.', ref))).toEqual(['2026-05-05T09:30:00+02:00']);
    expect(at(es('Vuelvo el 15 del mes que viene.', ref))).toEqual(['2026-06-15']);
    expect(at(es('Debería llegar entre el 12 y el 15 de mayo.', ref))).toEqual(['2026-05-12']);
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-04T10:00:00+01:00', zone: 'Europe/London', language: 'en' });
    expect(at(uk('It should arrive between 18 and 21 May, they said.'))).toEqual(['2026-05-18']);
    expect(at(uk("I'm back the 3rd of next month."))).toEqual(['2026-06-03']);
  });
  it('decides the half of the day on the hour as written, not as moved into the reader’s zone', () => {
    const ny = '2026-05-04T10:00:00-04:00';
    // 10 CET is 4 or 5 in the morning in New York: not read as 4pm.
    const d = en("Let's talk at 10 CET tomorrow.", ny);
    expect(DateTime.fromISO(d[0]!.start, { setZone: true }).toUTC().hour).toBeLessThan(10);
    expect(en('Call at 4 PST on Thursday?', ny)[0]!.start).toBe('2026-05-07T20:00:00-04:00');
  });
  it('reads a lot or batch number as an identifier and "a las 10 horas" as a time, not a duration', () => {
    const ref = '2026-05-04T10:00:00+02:00';
    expect(es('El lote 06/27 salió defectuoso, igual que la serie 11/30.', ref)).toEqual([]);
    expect(en('Lot 06/27 is faulty and so is batch 11/30.', '2026-05-04T10:00:00-04:00')).toEqual([]);
    expect(es('¿Hablamos el jueves a las 10 hora peninsular?', ref)[0]!.start).toBe(
      '2026-05-07T10:00:00+02:00',
    );
    expect(es('La firma es el lunes 11 a las 12:00 horas.', ref)[0]!.start).toBe('2026-05-11T12:00:00+02:00');
  });
  it('puts a later time in a report on the day the story is about', () => {
    const ny = '2025-07-15T18:42:00-04:00';
    const at = (d: { day: string; timeCertain: boolean; start: string }[]) =>
      d.map((x) => (x.timeCertain ? x.start : x.day));
    expect(
      at(en('The fitter was due yesterday at 9:30. He arrived at 2:20 and left after ten minutes.', ny)),
    ).toEqual(['2025-07-14T09:30:00-04:00', '2025-07-14T14:20:00-04:00']);
    expect(
      at(
        es(
          'Ayer encargué la comida a las 12:30 y el repartidor llegó a las 3, fría.',
          '2025-07-15T18:42:00+02:00',
        ),
      ),
    ).toEqual(['2025-07-14T12:30:00+02:00', '2025-07-14T15:00:00+02:00']);
    // A time alone in a report with no day before it still has no day.
    expect(en('We got to the depot at 4 and the van had already gone.', ny)).toEqual([]);
  });
  it('reads the tense across an aside in brackets and past words in quotes', () => {
    const day = (d: { day: string }[]) => d[0]!.day;
    expect(
      day(
        en(
          'I ordered the chairs (oak, set of four) on the 2nd with "delivery by Friday" promised.',
          '2025-09-10T10:00:00-04:00',
        ),
      ),
    ).toBe('2025-09-02');
    expect(
      day(
        es(
          'Pedí las sillas (roble, juego de cuatro) el 2 con "entrega antes del viernes".',
          '2025-09-10T10:00:00+02:00',
        ),
      ),
    ).toBe('2025-09-02');
  });
  it('gives a time said for "either day" to each day offered', () => {
    const at = (d: { timeCertain: boolean; start: string; day: string }[]) =>
      d.map((x) => (x.timeCertain ? x.start : x.day));
    expect(
      at(
        es(
          'El jueves o el viernes nos viene bien, cualquiera de los dos después de las 5.',
          '2025-06-05T10:00:00+02:00',
        ),
      ),
    ).toEqual(['2025-06-12T17:00:00+02:00', '2025-06-06T17:00:00+02:00']);
    expect(at(en('Monday or Tuesday suit us, either day after 3pm.', '2025-06-05T10:00:00-04:00'))).toEqual([
      '2025-06-09T15:00:00-04:00',
      '2025-06-10T15:00:00-04:00',
    ]);
  });
  it('reads a fraction before a unit and a numbered box, page or instalment as no date', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-04T10:00:00+01:00', zone: 'Europe/London', language: 'en' });
    expect(uk('Box 3/4 never arrived and I was charged for instalment 2/10 twice.')).toEqual([]);
    expect(uk('It is the 2/3 seater and the recipe says 1/2 cup of sugar.')).toEqual([]);
    const ref = '2026-05-04T10:00:00+02:00';
    expect(es('Falta el bulto 3/4 y me cobrasteis dos veces la cuota 2/10.', ref)).toEqual([]);
    expect(es('Es el sofá de 2/3 plazas, con 1/2 kg de cojines.', ref)).toEqual([]);
    // A bare pair is still a date.
    expect(uk('Could you deliver on 3/6?').map((d) => d.day)).toEqual(['2026-06-03']);
  });
  it('reads "2-ish", "at half two" and "before 3." as hours', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-04T10:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk("Let's say Wed 13th, 3-ish.")).toEqual(['2026-05-13T15:00:00+01:00']);
    expect(uk('Could you do 10am-ish on Friday?')).toEqual(['2026-05-08T10:00:00+01:00']);
    expect(uk('See you on the 14th at half 4.')).toEqual(['2026-05-14T16:30:00+01:00']);
    expect(uk('Give me a ring before 4.')).toEqual(['2026-05-04T16:00:00+01:00']);
    expect(uk('That is half the price, and by 2 people.')).toEqual([]);
  });
  it('reads a list marker ("1) … 2) …") as no hour', () => {
    const ny = '2026-06-10T08:30:00-04:00';
    expect(
      en('Two things: 1) could you start 6/24? 2) is the deposit refundable?', ny).map((d) => d.day),
    ).toEqual(['2026-06-24']);
    expect(
      es('Dos cosas: 1) ¿pueden empezar el 24/6? 2) ¿la seña se devuelve?', '2026-06-10T08:30:00+02:00').map(
        (d) => d.day,
      ),
    ).toEqual(['2026-06-24']);
  });
  it('reads a wish ("I want", "ideally", "I\'d like") as pointing ahead, whatever else the sentence reports', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-06-10T08:30:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(
      uk('I want a visit this week, ideally Friday after 2pm, and money back for the lost day.'),
    ).toEqual(['2026-06-12T14:00:00+01:00']);
    expect(uk("I'd like Monday morning, the old boiler broke again.")).toEqual(['2026-06-15']);
  });
  it('reads typed weekday abbreviations ("tues", "weds pm") and British "Friday next"', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-04T10:00:00+01:00', zone: 'Europe/London', language: 'en' });
    expect(uk('Can u do tues at 4?').map((x) => x.start)).toEqual(['2026-05-05T16:00:00+01:00']);
    expect(uk('could do weds pm or thurs am')).toMatchObject([
      { day: '2026-05-06', part: 'afternoon' },
      { day: '2026-05-07', part: 'morning' },
    ]);
    expect(uk('Friday next works for me.').map((x) => x.day)).toEqual([
      uk('Next Friday works for me.')[0]!.day,
    ]);
  });
  it('reads "a week from today", "two weeks from Monday", "de hoy en ocho", "de mañana en quince días"', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-04T10:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    expect(uk('Can we do a week from today?')).toEqual(['2026-05-11']);
    expect(uk('Two weeks from Thursday suits us.')).toEqual(['2026-05-21']);
    const ref = '2026-05-04T10:00:00+02:00';
    expect(es('¿De hoy en ocho os va bien?', ref).map((x) => x.day)).toEqual(['2026-05-11']);
    expect(es('De mañana en quince días vuelvo a pasar.', ref).map((x) => x.day)).toEqual(['2026-05-19']);
  });
  it('reads a house rule with its time (last orders, quiet hours, "if ordered by 1pm") as no date', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' });
    expect(uk('Last orders at 10.30 I assume?')).toEqual([]);
    expect(uk('Quiet hours start at 11pm, so we will keep it down.')).toEqual([]);
    expect(uk('Your site says same-day delivery if ordered by 1pm.')).toEqual([]);
    expect(uk('Breakfast is served from 7:30, right? We arrive on the 12th.').map((d) => d.day)).toEqual([
      '2026-05-12',
    ]);
    // A request for a time is no rule.
    expect(uk('Could we get a late check-out at 1pm?').map((d) => d.start)).toEqual([
      '2026-05-06T13:00:00+01:00',
    ]);
  });
  it('reads a window of two hours with no day like a bare time: in a report its day is unknown', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' });
    expect(uk('Our call ran from 2 till 4 and nothing was agreed.')).toEqual([]);
    expect(uk('The engineer came Monday, from 9 to 11.').map((d) => d.start)).toEqual([
      '2026-05-04T09:00:00+01:00',
    ]);
    expect(uk('Could you call between 2pm and 4pm?').map((d) => d.start)).toEqual([
      '2026-05-06T14:00:00+01:00',
    ]);
  });
  it('reads Spanish house rules, delivery slots, order rules and habits named after the time as no date', () => {
    const ref = '2026-05-06T09:00:00+02:00';
    expect(
      es('La última comanda es a las 22:30 y el silencio es a partir de las 23 h, ¿verdad?', ref),
    ).toEqual([]);
    expect(es('La piscina abre a las 10 y la cocina cierra a las 23.', ref)).toEqual([]);
    expect(es('Los repartos son de 8 a 14 o de 16 a 20.', ref)).toEqual([]);
    expect(es('En la web pone entrega en el día si pides antes de las 13 h.', ref)).toEqual([]);
    expect(es('Salgo de trabajar a las 17:30 normalmente.', ref)).toEqual([]);
    expect(en('I finish at 5:30 most days, so any evening works.', '2026-05-06T09:00:00-04:00')).toEqual([]);
    // A proposal with its day stays.
    expect(es('¿La piscina abre el sábado 9 a las 10?', ref).map((d) => d.day)).toEqual(['2026-05-09']);
  });
  it('joins a time written with "h" to the day right after it ("sobre las 21 h el 12")', () => {
    const ref = '2026-05-06T09:00:00+02:00';
    expect(
      es('Llegamos sobre las 21 h el 12 y nos vamos el 15.', ref).map((d) =>
        d.timeCertain ? d.start : d.day,
      ),
    ).toEqual(['2026-05-12T21:00:00+02:00', '2026-05-15']);
  });
  it('reads general availability as no date: the working week as a span, "any day but", "entre semana"', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    expect(uk('We can only take deliveries Mon-Sat.')).toEqual([]);
    expect(uk('Any day but Thursday suits us.')).toEqual([]);
    // A week named makes the span days.
    expect(uk("I'm around Monday to Friday next week.")).toEqual(['2026-05-11']);
    const ref = '2026-05-06T09:00:00+02:00';
    expect(es('Solo recibimos mercancía de lunes a sábado.', ref)).toEqual([]);
    expect(es('Entre semana a partir de las 7 me va mejor.', ref)).toEqual([]);
    // Opening hours keep reading as opening hours.
    expect(es('Tel. 965 000 000 (de lunes a viernes, de 8:00 a 15:00)', ref)).toEqual([]);
  });
  it('keeps a weekday preferred beside opening hours ("so Thursday is better", "mejor el jueves")', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    expect(uk('We close at 5 on Fridays, so Thursday is better.')).toEqual(['2026-05-07']);
    const ref = '2026-05-06T09:00:00+02:00';
    expect(es('Los viernes cerramos a las 3, mejor el jueves.', ref).map((x) => x.day)).toEqual([
      '2026-05-07',
    ]);
    expect(es('Abrimos de 9 a 14, así que me viene mejor el martes.', ref).map((x) => x.day)).toEqual([
      '2026-05-12',
    ]);
  });
  it('joins "the 3 o’clock slot on Friday", "the 10am call on Monday" to that day', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk("The 3 o'clock slot on Friday suits us.")).toEqual(['2026-05-08T15:00:00+01:00']);
    expect(uk('Can we move the 10am call on Monday?')).toEqual(['2026-05-11T10:00:00+01:00']);
  });
  it('reads a month and year with no day ("the invoice for June 2026", "caduca en agosto de 2027") as no date', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-07-14T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    expect(uk('Attached is the invoice for June 2026, payable on receipt.')).toEqual([]);
    expect(uk('My card runs out in February 2028, so please use the new one.')).toEqual([]);
    // A day beside the month is still a date.
    expect(uk('Could you come on 20 July 2026?')).toEqual(['2026-07-20']);
    const ref = '2026-07-14T09:00:00+02:00';
    expect(es('La tarjeta caduca en agosto de 2027, les paso la nueva.', ref)).toEqual([]);
  });
  it('joins a bare window or "after" hour to the day just named ("Thursday between 10 and 12", "Friday, any time after 3")', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk('The fitter can come Thursday between 10 and 12.')).toEqual(['2026-05-07T10:00:00+01:00']);
    expect(uk('Could someone ring me tomorrow between 1 and 2?')).toEqual(['2026-05-07T13:00:00+01:00']);
    expect(uk('Would Friday the 15th work, any time after 3?')).toEqual(['2026-05-15T15:00:00+01:00']);
    expect(uk('Next Tuesday anytime after 10 is good for us.')).toEqual(['2026-05-12T10:00:00+01:00']);
    // Counts and durations after the number stay what they are.
    expect(uk('On Monday between 20 and 30 boxes came.')).toEqual(['2026-05-04']);
    expect(uk('Thursday after 2 attempts it finally started.')).toEqual(['2026-04-30']);
  });
  it('reads a day of the month still ahead in a report as the day of the event it names ("our party on the 16th")', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-12T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    expect(
      uk('I booked the hall months ago for our anniversary party on the 16th and nobody has called.'),
    ).toEqual(['2026-05-16']);
    expect(uk('You assured me the boiler service on the 19th was fixed, yet I got no confirmation.')).toEqual(
      ['2026-05-19'],
    );
    // A past verb right before the day reports that day; a day far ahead stays last month's.
    expect(uk('I paid on the 25th and heard nothing.')).toEqual(['2026-04-25']);
    expect(uk('I sent the forms on the 14th, as you asked.')).toEqual(['2026-04-14']);
  });
  it('reads "cheers for", "many thanks for" as thanks for a day gone by, but not across a comma', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    // Written on a Wednesday.
    expect(uk('Cheers for the quick boiler fix on Monday, all warm now.')).toEqual(['2026-05-04']);
    expect(uk('Many thanks for sorting the van on Tuesday.')).toEqual(['2026-05-05']);
    expect(uk('Thanks for the update, Friday suits me.')).toEqual(['2026-05-08']);
  });
  it('reads a weekday set between a determiner and a noun ("the Wednesday quiz", "your Monday check-ins") as no date', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk('We will all miss the Wednesday quiz crowd after you close.')).toEqual([]);
    expect(uk('Is the new Sunday boxing class included in my plan?')).toEqual([]);
    expect(uk('Our Friday night choir practice has been a joy for years.')).toEqual([]);
    // "the Friday one", a day part with a time, a weekday after a preposition stay dates.
    expect(uk('Could you move the Friday one to Monday?')).toEqual(['2026-05-08', '2026-05-11']);
    expect(uk('Can we do the Thursday morning, 10am?')).toEqual(['2026-05-07T10:00:00+01:00']);
  });
  it('reads "sat" as the verb after been/was/already or before waiting/down/at the ("I\'ve been sat waiting")', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk("I've been sat waiting in for the courier all week.")).toEqual([]);
    expect(uk('My mum was already sat at the window when the van drove past.')).toEqual([]);
    // The weekday typed short stays a day.
    expect(uk('Can you come sat at 10?')).toEqual(['2026-05-09T10:00:00+01:00']);
  });
  it('keeps the minutes of a time after "around"/"about" ("around 22.45", "about 8:20"), and "last night" makes it evening', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk('Our coach gets in Friday 8 May around 22.45, can we still check in?')).toEqual([
      '2026-05-08T22:45:00+01:00',
    ]);
    expect(uk('Could the fitter come Thursday, about 8:20?')).toEqual(['2026-05-07T08:20:00+01:00']);
    expect(uk('The parcel was left on the step last night around 10.40.')).toEqual([
      '2026-05-05T22:40:00+01:00',
    ]);
    // An amount after "about" is no time.
    expect(uk('It will come to about 12.50 pounds on Friday.')).toEqual(['2026-05-08']);
  });
  it('puts the second weekday of "next Thursday or Friday" in the same week as the first', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-05T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    // Written on a Tuesday: "next Thursday" is the 14th here, so Friday is the 15th, not this week's 8th.
    expect(uk('Our rep has slots next Thursday or Friday, whichever is easier.')).toEqual([
      '2026-05-14',
      '2026-05-15',
    ]);
    expect(uk('Could the survey be next Monday, Tuesday at a push?')).toEqual(['2026-05-11', '2026-05-12']);
  });
  it('reads a date of birth ("DOB 03/11/1979", "fecha de nacimiento", "nacida el") as no date', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    expect(uk('Kind regards, Ana Ruiz, DOB 03/11/1979')).toEqual([]);
    expect(uk('Patient: Joe Bloggs, date of birth: 12 March 1985. Can I come Friday?')).toEqual([
      '2026-05-08',
    ]);
    const ref = '2026-05-06T09:00:00+02:00';
    expect(es('Fecha de nacimiento: 03/11/1979. ¿Me dan cita el viernes?', ref).map((x) => x.day)).toEqual([
      '2026-05-08',
    ]);
    expect(es('Mi hija, nacida el 3 de mayo de 2015, tiene alergia.', ref)).toEqual([]);
  });
  it('reads "I was hoping to…", "we were wondering if…" as a wish that points ahead', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-07T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    // Written on a Thursday.
    expect(uk('I was hoping to drop the bike in on Saturday.')).toEqual(['2026-05-09']);
    expect(uk('We were wondering if Tuesday might suit your fitter.')).toEqual(['2026-05-12']);
    expect(uk('I was there on Tuesday.')).toEqual(['2026-05-05']);
  });
  it('reads a question about what happened as the past ("Did the parcel come on Monday?", "the coat I bought sat?")', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-07T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    // Written on a Thursday.
    expect(uk('Did your driver come round on Monday?')).toEqual(['2026-05-04']);
    expect(uk('Why was my card charged twice on Tuesday?')).toEqual(['2026-05-05']);
    expect(uk('can i swap the coat i bought sat for a bigger one?')).toEqual(['2026-05-02']);
    // A question that proposes still points ahead.
    expect(uk('Hi, did you get my note? Can you come Monday?')).toEqual(['2026-05-11']);
    expect(uk('Would Tuesday suit?')).toEqual(['2026-05-12']);
  });
  it('reads "between 10 and noon" after a day as from 10', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-05T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk('Could the engineer come Friday between 9 and noon?')).toEqual(['2026-05-08T09:00:00+01:00']);
    expect(uk('Thursday between 11 and midday suits us.')).toEqual(['2026-05-07T11:00:00+01:00']);
  });
  it('reads an arrangement in the present ("we\'re moving house on Friday", "I have an appointment Wednesday at 4") as ahead, whatever else the sentence reports', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-05T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    // Written on a Tuesday.
    expect(uk("The landlord rang: we're moving out on Friday.")).toEqual(['2026-05-08']);
    expect(uk('I have a dental appointment Thursday at 3, but work just called me in.')).toEqual([
      '2026-05-07T15:00:00+01:00',
    ]);
    // Waiting since a day stays in the past.
    expect(uk('We are still chasing the refund you promised on Friday.')).toEqual(['2026-05-01']);
  });
  it('reads a score on its own or said of something ("Top crew. 10/10.", "the food was 9/10") as no date', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-07-16T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => x.day,
      );
    expect(uk('Top crew, quick and tidy. 10/10.')).toEqual([]);
    expect(uk('Honestly the food was 9/10, thanks again.')).toEqual([]);
    // A day and month asked for stays a date.
    expect(uk('Could you deliver on 9/10, please?')).toEqual(['2026-10-09']);
    expect(es('La atención fue 10/10, gracias.', '2026-07-16T09:00:00+02:00')).toEqual([]);
  });
  it('reads a weekday and a bare number that is its date ("Saturday 9 at 9.30", "Monday 11?") as that day', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    // 9 May 2026 is a Saturday, 11 May a Monday.
    expect(uk('We can no longer make the boat trip on Saturday 9 at 9.30, our train was moved.')).toEqual([
      '2026-05-09T09:30:00+01:00',
    ]);
    expect(uk('Would Monday 11 be possible instead?')).toEqual(['2026-05-11']);
    // A number that is not that weekday's date is not read as one (8 May is the Friday).
    expect(uk('Would Friday 3 suit?')).toEqual(['2026-05-08']);
  });
  it('reads "same hour" like "same time": the time of the day named before', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk("I can't make Thursday at 2. Could we try Tuesday, same hour?")).toEqual([
      '2026-05-07T14:00:00+01:00',
      '2026-05-12T14:00:00+01:00',
    ]);
  });
  it('reads the German ordinal dot before an English month ("on 23. August", "from 4. to 9. June") as the day', () => {
    const uk = (t: string) =>
      extractDates(t, { reference: '2026-05-06T09:00:00+01:00', zone: 'Europe/London', language: 'en' }).map(
        (x) => (x.timeCertain ? x.start : x.day),
      );
    expect(uk('We would like to stay from 4. to 9. June, is a room free?')).toEqual(['2026-06-04']);
    expect(uk('Our group arrives on 23. May in the evening.')).toEqual(['2026-05-23']);
    // A number ending a sentence before "May" the verb is no date.
    expect(uk('See point 2. May I also ask about parking?')).toEqual([]);
  });
});
