import { describe, expect, it } from 'vitest';
import { analyseThread } from './analyse';
import { message, thread } from './testing-fixtures';

describe('analyseThread', () => {
  it('reads the latest customer message: language, intent, facts, urgency, summary, customer', () => {
    const a = analyseThread(
      thread([
        message({ id: 'a', text: 'Hello, I ordered a lamp.', date: '2026-03-20T09:00:00+01:00' }),
        message({
          id: 'b',
          fromUser: true,
          from: { name: 'Tienda', email: 'hola@tienda.example' },
          text: 'Thanks, we will ship it soon.',
        }),
        message({
          id: 'c',
          text: 'Es la tercera vez que escribo: el pedido 4512 llegó roto y pagué 45,90 €. Llamadme al 612 345 678. ¿Podemos hablar mañana a las 10?\nUn saludo,\nMaría',
          quoted: 'On Mon someone wrote: order 9999 on 12/12',
        }),
      ]),
      undefined,
      { timeZone: 'Europe/Madrid' },
    );
    expect(a.language).toBe('es');
    expect(a.intents[0]!.intent).toBe('complaint');
    expect(a.facts.orders).toEqual(['4512']);
    expect(a.facts.amounts).toEqual([{ text: '45,90 €', value: 45.9, currency: 'EUR' }]);
    expect(a.facts.phones.map((p) => p.normalized)).toEqual(['+34612345678']);
    expect(a.facts.dates[0]).toMatchObject({ start: '2026-03-26T10:00:00+01:00', messageId: 'c' });
    expect(a.customer).toEqual({ name: 'María López', email: 'maria@example.com' });
    expect(a.urgency.signals.map((s) => s.kind)).toContain('repeat_contact');
    expect(a.summary).toContain('pedido 4512');
    expect(a.latestCustomerMessageId).toBe('c');
  });
  it('lets the latest customer message decide the language of a mixed thread', () => {
    const a = analyseThread(
      thread([
        message({ text: '¿Tienen la talla M del abrigo azul?' }),
        message({ fromUser: true, text: 'Sí, la tenemos.' }),
        message({ text: 'Great, thanks so much! I will order it today.' }),
      ]),
      undefined,
      { timeZone: 'Europe/Madrid' },
    );
    expect(a.language).toBe('en');
  });
  it('ignores quoted history written inline', () => {
    const a = analyseThread(
      thread([
        message({
          text: 'Gracias, recibido.\n\nEl lun, 23 mar 2026 a las 10:00, Tienda escribió:\n> Su pedido 7777 llegará el 30/03. Si desea cancelar, avísenos.',
        }),
      ]),
      undefined,
      { timeZone: 'Europe/Madrid' },
    );
    expect(a.intents[0]!.intent).toBe('thanks');
    expect(a.facts.orders).toEqual([]);
    expect(a.facts.dates).toEqual([]);
  });
  it('handles a thread with no customer message', () => {
    const a = analyseThread(thread([message({ fromUser: true, text: 'Hola' })]), undefined, {
      timeZone: 'UTC',
    });
    expect(a.intents[0]!.intent).toBe('other');
    expect(a.latestCustomerMessageId).toBeNull();
    expect(a.summary).toBe('');
  });
  it('reads only the newest customer messages of a long thread', () => {
    const messages = Array.from({ length: 100 }, (_, i) =>
      message({
        id: `m${i}`,
        fromUser: i % 2 === 1,
        text: i === 10 ? 'Pedido 1111, quiero cancelar.' : `Mensaje ${i}: todo bien, pedido 20${i}00.`,
      }),
    );
    const a = analyseThread(thread(messages), undefined, { timeZone: 'Europe/Madrid' });
    expect(a.facts.orders).not.toContain('1111');
    expect(a.facts.orders.length).toBeLessThanOrEqual(3);
  });
});
