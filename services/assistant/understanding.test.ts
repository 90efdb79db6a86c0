import { describe, expect, it } from 'vitest';
import { analyseThread } from './analyse';
import { extractDates } from './dates';
import { readIntent } from './intent';
import { message, thread } from './testing-fixtures';

// Behaviour the issue asks for (#12), each with wording of its own rather than the examples.
// Reference: Wednesday 15 April 2026, Madrid.
const REF = '2026-04-15T10:00:00+02:00';
const dates = (text: string, language: 'es' | 'en') =>
  extractDates(text, { reference: REF, zone: 'Europe/Madrid', language });
const read = (d: ReturnType<typeof dates>) =>
  d.map((x) => (x.timeCertain ? x.start.slice(0, 16) : x.day) + (x.part ? ` ${x.part}` : ''));
const intent = (text: string) => readIntent(text).intents[0]!.intent;

describe('dates a person would read', () => {
  it('reads a day of the month alone, this month when ahead and next month when passed', () => {
    expect(read(dates('Could you send it over by the 22nd?', 'en'))).toEqual(['2026-04-22']);
    expect(read(dates('Can the fitter come on the 2nd?', 'en'))).toEqual(['2026-05-02']);
    expect(read(dates('¿Os va bien el 28 para la entrega?', 'es'))).toEqual(['2026-04-28']);
    expect(read(dates('Tiene que estar pagado antes del 5.', 'es'))).toEqual(['2026-05-05']);
  });
  it('flags a weekday that does not match the date instead of moving it', () => {
    const [d] = dates('Shall we say Thursday the 23rd?', 'en');
    expect(d).toMatchObject({ day: '2026-04-23' });
    expect(d!.weekdayMismatch).toBeUndefined();
    const [wrong] = dates('Shall we say Friday the 23rd?', 'en');
    expect(wrong).toMatchObject({ day: '2026-04-23', weekdayMismatch: { written: 'Friday' } });
  });
  it('reads the end of the month as its last day', () => {
    expect(read(dates('We will settle the balance by the end of the month.', 'en'))).toEqual(['2026-04-30']);
    expect(read(dates('Lo dejamos para finales de mes.', 'es'))).toEqual(['2026-04-30']);
  });
  it('reads noon as 12:00 and parts of the day as ranges of that day', () => {
    expect(read(dates('¿Quedamos el lunes al mediodía?', 'es'))).toEqual(['2026-04-20T12:00']);
    expect(read(dates('How about Tuesday at midday?', 'en'))).toEqual(['2026-04-21T12:00']);
    expect(read(dates('Paso el viernes por la mañana.', 'es'))).toEqual(['2026-04-17 morning']);
    expect(read(dates('I can be there first thing Tuesday.', 'en'))).toEqual(['2026-04-21 morning']);
  });
  it('attaches a bare time to the day named earlier in the mail', () => {
    expect(read(dates('Podemos vernos el jueves. A las 12:30 estoy libre.', 'es'))).toEqual([
      '2026-04-16T12:30',
    ]);
    expect(read(dates('Saturday suits me. Any time after 11am.', 'en'))).toEqual(['2026-04-18T11:00']);
  });
  it('reads an hour written in words and afternoon hours without am/pm', () => {
    expect(read(dates('El martes a las cuatro me va bien.', 'es'))).toEqual(['2026-04-21T16:00']);
    expect(read(dates('Paso el jueves 16 a las 10 y media.', 'es'))).toEqual(['2026-04-16T10:30']);
    expect(read(dates('Pasá el viernes a la tarde.', 'es'))).toEqual(['2026-04-17 afternoon']);
  });
  it('reads numeric dates month-first for North American offsets and day-first elsewhere', () => {
    const at = (zone: string) =>
      read(extractDates('Could we do 6/5?', { reference: REF, zone, language: 'en' }));
    expect(at('UTC-5')).toEqual(['2026-06-05']);
    expect(at('UTC+1')).toEqual(['2026-05-06']);
  });
  it('places reports in the past from tense and context', () => {
    const a = dates('Tenía hora el martes a las 9 y no vino nadie.', 'es');
    expect(read(a)).toEqual(['2026-04-14T09:00']);
    expect(a[0]!.past).toBe(true);
    expect(read(dates('Fuimos el domingo y la cocina estaba cerrada.', 'es'))).toEqual(['2026-04-12']);
    expect(read(dates('We were told on Thursday that a engineer would call.', 'en'))).toEqual(['2026-04-09']);
    expect(read(dates('The pipe burst last night.', 'en'))).toEqual(['2026-04-14']);
    // A dated past appointment is not moved to next year.
    expect(read(dates('Tenía la revisión el 2 de abril y nadie me avisó.', 'es'))).toEqual(['2026-04-02']);
  });
  it('does not read durations, ages, experience, opening hours, prices or phones as dates', () => {
    expect(dates('Llevo 8 años de experiencia en hostelería.', 'es')).toEqual([]);
    expect(dates('I have worked 15 years in catering.', 'en')).toEqual([]);
    expect(dates('Mi hija tiene 9 y el pequeño 4.', 'es')).toEqual([]);
    expect(dates('Our hours are 10 to 6, Tuesday to Saturday.', 'en')).toEqual([]);
    expect(dates('El horario es de martes a domingo de 13:00 a 16:00.', 'es')).toEqual([]);
    expect(dates('The repair cost 12.50 and the van took 4 days.', 'en')).toEqual([]);
    expect(dates('Escribime al 11 4567 8901 cuando puedas.', 'es')).toEqual([]);
  });
  it('keeps dates of quoted history out of the customer’s proposals', () => {
    const a = analyseThread(
      thread([
        message({
          id: 'c',
          date: REF,
          text: 'Perfecto, gracias.\n\nEl mar, 14 abr 2026, Tienda escribió:\n> Podemos ir el viernes 17 a las 9:00 o el lunes 20.',
        }),
      ]),
      undefined,
      { timeZone: 'Europe/Madrid' },
    );
    expect(a.facts.dates).toEqual([]);
  });
});

describe('intent that holds on unseen mail', () => {
  it('reads irony: praise in quotes beside bad facts is a complaint, never thanks', () => {
    const r = readIntent(
      'Thank you for the "next-day delivery". Nine days and counting, and no reply to my emails.',
    );
    expect(r.intents[0]!.intent).toBe('complaint');
    expect(r.ironic).toBe(true);
    expect(r.secondary).not.toBe('thanks');
    expect(intent('Gracias por el "servicio rápido", llevo una semana sin respuesta.')).toBe('complaint');
  });
  it('lets closing thanks and politeness decide nothing when something else is asked', () => {
    expect(
      intent('Por favor, dad de baja mi suscripción este mes.\nGracias por todo, ha sido un placer.'),
    ).toBe('cancellation');
    expect(intent('Please close my account at the end of the month.\nThanks for everything!')).toBe(
      'cancellation',
    );
    expect(intent('Thanks a million, the new part works perfectly.')).toBe('thanks');
  });
  it('does not read a denied booking as a meeting request', () => {
    expect(intent('I keep getting reminders for a consultation, but I never booked one.')).not.toBe(
      'meeting_request',
    );
    expect(intent('Me confirman una cita que yo nunca pedí.')).not.toBe('meeting_request');
  });
  it('reads acceptance of an offered time as a meeting, with the accepted slot', () => {
    const a = analyseThread(
      thread([message({ id: 'c', date: REF, text: 'Me viene genial el lunes a las 11, allí estaré.' })]),
      undefined,
      { timeZone: 'Europe/Madrid' },
    );
    expect(a.intents[0]!.intent).toBe('meeting_request');
    expect(a.acceptedTime?.start).toBe('2026-04-20T11:00:00+02:00');
    expect(readIntent('Friday 10am works for us, see you then.').accepts).toBe(true);
  });
  it('reports two intents: complaint with refund, thanks with a question', () => {
    const a = readIntent(
      'The kettle leaks and the lid is cracked. This is unacceptable, I want my money back.',
    );
    expect(a.intents[0]!.intent).toBe('complaint');
    expect(a.secondary).toBe('cancellation');
    const b = readIntent('¡Mil gracias por la instalación! ¿El mantenimiento anual cuánto cuesta?');
    expect(new Set([b.intents[0]!.intent, b.secondary])).toEqual(new Set(['thanks', 'question']));
  });
  it('survives synonyms, missing accents, typos and voseo', () => {
    expect(intent('me llego la silla partida en dos, una verguenza')).toBe('complaint');
    expect(intent('the parcel a llegado? no, it still hasnt arrived, where is it')).toBe('order_status');
    expect(intent('¿Me podés decir si tenés turnos para el sábado?')).not.toBe('other');
    expect(intent('pls i need the refund for the dublicate charge')).toBe('cancellation');
  });
  it('reads supplier invoices', () => {
    expect(intent('Adjuntamos la factura 2026-118 del transporte de marzo.')).toBe('invoice');
    expect(intent('Please find attached our invoice for the April linen hire.')).toBe('invoice');
  });
});

describe('bad input says "not sure"', () => {
  const analyse = (text: string) =>
    analyseThread(thread([message({ id: 'c', date: REF, text })]), undefined, { timeZone: 'Europe/Madrid' });
  it('flags empty, emoji-only, signature-only, quoted-only and forwarded mail', () => {
    for (const [text, reason] of [
      ['', 'empty'],
      ['👍👍🙏', 'no_words'],
      ['Ana Ruiz\nTel. 600 111 222\nana@example.com', 'signature_only'],
      ['> ¿Podemos vernos el lunes?\n> Saludos', 'quoted_only'],
      [
        '---------- Forwarded message ---------\nFrom: Bob <b@x.example>\nDate: Mon\nSubject: order\n\nWhere is it?',
        'forwarded',
      ],
    ] as const) {
      const a = analyse(text);
      expect(a.uncertain, text).toBe(true);
      expect(a.uncertainReason, text).toBe(reason);
      expect(a.intents[0]!.intent === 'other' || reason === 'forwarded', text).toBe(true);
    }
  });
  it('flags 50 KB of text and mail in two languages, and stays sure on plain mail', () => {
    expect(analyse('El pedido no ha llegado. '.repeat(2200)).uncertainReason).toBe('too_long');
    expect(
      analyse(
        'Hola, quería saber si el pedido ya salió del almacén porque lo necesito pronto.\n\nAlso, could you please tell me whether the invoice includes the shipping costs?',
      ).uncertain,
    ).toBe(true);
    expect(analyse('¿Dónde está mi pedido 4512? Todavía no ha llegado.').uncertain).toBe(false);
  });
});

describe('context for terse mail', () => {
  it('reads the subject when the body says too little', () => {
    const a = analyseThread(
      thread([message({ id: 'c', date: REF, text: '??' })], 'Re: ¿Dónde está mi pedido 3321?'),
      undefined,
      { timeZone: 'Europe/Madrid' },
    );
    expect(a.intents[0]!.intent).toBe('order_status');
  });
});
