import { describe, expect, it } from 'vitest';
import { classifyIntents, readIntent } from './intent';
import { firedCues, ruleReading } from './intent-rules';
import { prepare } from './features';

const primary = (text: string, context?: string) => classifyIntents(text, context)[0]!.intent;

describe('classifyIntents', () => {
  it('finds each intent in Spanish and English', () => {
    expect(primary('El producto llegó roto y nadie me contesta. Es inaceptable.')).toBe('complaint');
    expect(primary('The blender arrived broken. Very disappointed.')).toBe('complaint');
    expect(primary('¿Cuánto cuesta la limpieza dental?')).toBe('question');
    expect(primary('How much does delivery cost?')).toBe('question');
    expect(primary('¿Podemos quedar el martes para una reunión?')).toBe('meeting_request');
    expect(primary('Would Tuesday at 3pm work for you for a quick call?')).toBe('meeting_request');
    expect(primary('¿Dónde está mi pedido? Todavía no ha llegado.')).toBe('order_status');
    expect(primary("Where is my order? It hasn't arrived.")).toBe('order_status');
    expect(primary('Quiero cancelar mi suscripción.')).toBe('cancellation');
    expect(primary('Please refund my order.')).toBe('cancellation');
    expect(primary('¡Muchas gracias por todo, fue un éxito!')).toBe('thanks');
    expect(primary('Thank you so much for your help!')).toBe('thanks');
    expect(primary('Adjunto el certificado que me pedisteis.')).toBe('other');
  });
  it('is robust to typos, missing accents, repeated letters and capitals', () => {
    expect(primary('QUIERO EL REEMBLOSO YA')).toBe('cancellation');
    expect(primary('hola, kiero cancelarrrr el pedido')).toBe('cancellation');
    expect(primary('donde esta mi pedido??')).toBe('order_status');
  });
  it('treats a closing thanks as politeness, not the intent', () => {
    expect(primary('¿Tienen menú sin gluten? Gracias de antemano.')).toBe('question');
    expect(primary('Please cancel my booking. Thanks!')).toBe('cancellation');
  });
  it('returns several intents, best first, with confidences in 0..1', () => {
    const out = classifyIntents('El pedido llegó roto, es inaceptable. Quiero la devolución del dinero.');
    const names = out.map((i) => i.intent);
    expect(names).toContain('complaint');
    expect(names).toContain('cancellation');
    for (const i of out) {
      expect(i.confidence).toBeGreaterThan(0);
      expect(i.confidence).toBeLessThanOrEqual(1);
    }
    expect(out[0]!.confidence).toBeGreaterThanOrEqual(out[1]!.confidence);
  });
  it('uses the previous customer message only when the latest says too little', () => {
    expect(primary('??', '¿Dónde está mi pedido 4512?')).toBe('order_status');
    expect(primary('Quiero cancelar', '¿Dónde está mi pedido?')).toBe('cancellation');
  });
});

describe('a question proposing a day and a time (issue 12, tenth dev batch)', () => {
  it('reads English short weekday names as days', () => {
    const rules = ruleReading(prepare('hey could we do thurs 4.30?', 'en'));
    expect(rules.scores.meeting_request).toBeGreaterThanOrEqual(1.5);
    expect(readIntent('hey could we do thurs 4.30?', { language: 'en' }).intents[0]!.intent).toBe(
      'meeting_request',
    );
  });
});

describe('sarcasm by a minimised long wait (issue 12)', () => {
  it('reads praise beside "only took N weeks" as a complaint, and a real quick job as thanks', () => {
    const en = readIntent('Cheers for the speedy refund, it only took five weeks.', { language: 'en' });
    expect(en.intents[0]!.intent).toBe('complaint');
    expect(en.ironic).toBe(true);
    const es = readIntent('Qué eficiencia, apenas tardasteis dos meses en mandar la pieza.', {
      language: 'es',
    });
    expect(es.intents[0]!.intent).toBe('complaint');
    expect(readIntent('Thanks so much, the repair only took two days!', { language: 'en' }).ironic).toBe(
      false,
    );
  });
});

describe('politeness and word forms (issue 12, eleventh dev batch)', () => {
  it('reads a negated renewal or continuing-with in any form as ending the service', () => {
    const r = ruleReading(prepare('Les aviso que no seguiremos con el mantenimiento del ascensor.', 'es'));
    expect(r.scores.cancellation).toBeGreaterThanOrEqual(1.8);
    expect(
      ruleReading(prepare('We have chosen not to renew the lease.', 'en')).scores.cancellation,
    ).toBeGreaterThanOrEqual(1.8);
  });
  it('takes a warm thanks in the last sentence of a request for its sign-off', () => {
    const text =
      'We will not be renewing the alarm contract this year. Thank you for all the care your team has shown us.';
    const r = ruleReading(prepare(text, 'en'));
    expect(r.scores.cancellation).toBeGreaterThan(r.scores.thanks);
  });
  it('reads wanting to know, with or without "to", as a question; asking for dates that work as a meeting', () => {
    expect(
      ruleReading(prepare('I want know whether the jacket comes in blue.', 'en')).scores.question,
    ).toBeGreaterThan(0);
    expect(
      ruleReading(prepare('Could you suggest a couple of dates that suit for the audit?', 'en')).scores
        .meeting_request,
    ).toBeGreaterThanOrEqual(1.2);
  });
});

describe('thanks for a harm, and taking an offered slot (issue 12)', () => {
  it('reads thanks for something that went wrong as sarcasm, and thanks for a fix as thanks', () => {
    const r = readIntent('Many thanks for forgetting my birthday order, the party had no cake.', {
      language: 'en',
    });
    expect(r.ironic).toBe(true);
    expect(r.intents[0]!.intent).toBe('complaint');
    expect(readIntent('Gracias por olvidaros otra vez de mi encargo.', { language: 'es' }).ironic).toBe(true);
    expect(readIntent('Thank you for fixing the leak so quickly.', { language: 'en' }).ironic).toBe(false);
  });
  it('reads taking one of the offered times as accepting it', () => {
    expect(readIntent("We'll take the Monday 10am one, thanks.", { language: 'en' }).accepts).toBe(true);
    expect(readIntent('Nos quedamos con la del martes a las 12.', { language: 'es' }).accepts).toBe(true);
  });
});

describe('a question typed without its question mark (issue 12)', () => {
  it('counts a sentence that opens as a question does', () => {
    expect(ruleReading(prepare('hey do u do gift wrapping', 'en')).scores.question).toBeGreaterThanOrEqual(
      1.5,
    );
    expect(ruleReading(prepare('aceptais tarjeta de credito', 'es')).scores.question).toBeGreaterThanOrEqual(
      1.5,
    );
    expect(ruleReading(prepare('I will pop in later.', 'en')).scores.question).toBe(0);
    expect(readIntent('hi r u open on easter monday', { language: 'en' }).intents[0]!.intent).toBe(
      'question',
    );
  });
});

describe('general vocabulary found on fresh probes (issue 12)', () => {
  it('reads waits on hold in words, asking which days they have, and leaving for another supplier', () => {
    expect(
      ruleReading(prepare('Three hours on hold, then the line went dead.', 'en')).scores.complaint,
    ).toBeGreaterThan(0);
    expect(
      ruleReading(prepare('¿Qué huecos tenéis para una limpieza dental?', 'es')).scores.meeting_request,
    ).toBeGreaterThanOrEqual(1.2);
    expect(
      ruleReading(prepare('Any openings for a trim on Friday?', 'en')).scores.meeting_request,
    ).toBeGreaterThanOrEqual(1.2);
    expect(
      ruleReading(prepare("We're moving to a different provider from next month.", 'en')).scores.cancellation,
    ).toBeGreaterThanOrEqual(1.5);
    expect(
      ruleReading(prepare('Nos cambiamos de compañía a final de mes.', 'es')).scores.cancellation,
    ).toBeGreaterThanOrEqual(1.5);
  });
  it('leaves cues out by name when asked (train.ts reads each message without the cues only its fold uses)', () => {
    const p = prepare('The whole thing was ridiculous, the worst service ever.', 'en');
    const cues = firedCues(p).map((c) => c.cue);
    expect(cues).toContain('w:ridiculous');
    const skip = (cue: string) => cue === 'w:ridiculous';
    expect(firedCues(p, skip).map((c) => c.cue)).toEqual(cues.filter((c) => !skip(c)));
    expect(ruleReading(p, skip).scores.complaint).toBeLessThan(ruleReading(p).scores.complaint);
  });
  it('reads two neighbouring letters swapped as a slip on words of 5+ letters', () => {
    const cues = (t: string) => firedCues(prepare(t, 'en')).map((c) => c.intent);
    expect(cues('ive attached the invocie for last weeks window cleaning')).toContain('invoice');
    expect(cues('I attached the invoice for the window cleaning')).toContain('invoice');
  });
});

describe('structural readings (issue 12, round 5)', () => {
  it('damps order status only for a question before buying, never for every mail', () => {
    const chase = ruleReading(prepare('Where is my parcel? It was due on Monday.', 'en'));
    expect(chase.damp.order_status).toBeUndefined();
    const before = ruleReading(prepare('If I order the table today, when would it be delivered?', 'en'));
    expect(before.damp.order_status).toBeLessThan(1);
  });
});
