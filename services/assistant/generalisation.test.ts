import { describe, expect, it } from 'vitest';
import { extractDates } from './dates';
import { readIntent } from './intent';

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
