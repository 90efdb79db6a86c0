import { describe, expect, it } from 'vitest';
import { summarise } from './summary';

const noFacts = { orders: [], invoices: [], tickets: [], amounts: [], dates: [] };

describe('summarise', () => {
  it('picks the sentences carrying intent and facts, in order, without greeting or sign-off', () => {
    const text =
      'Buenos días,\nEspero que estén bien. Les escribo por el pedido 4521. Llegó ayer con la caja rota y dos tazas rotas. Hace buen tiempo hoy. Quiero una solución rápida.\nUn saludo,\nLucía';
    const s = summarise(text, 'complaint', { ...noFacts, orders: ['4521'] });
    const lines = s.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(s).toContain('pedido 4521');
    expect(s).toContain('caja rota');
    expect(s).not.toMatch(/Buenos días|Un saludo|buen tiempo/);
  });
  it('stays in the customer language because it only quotes them', () => {
    const s = summarise(
      'Hi. Where is my order 553201? Tracking has not moved since Oct 28.',
      'order_status',
      { ...noFacts, orders: ['553201'] },
    );
    expect(s).toContain('Where is my order 553201?');
  });
});

describe("summaries keep the customer's words intact", () => {
  it('keeps numbers with thousands separators and decimals whole (es, en)', () => {
    const es = summarise(
      'Hola:\n\nEstamos preparando la reforma de un local en Chamberí y querríamos abrir cuenta con vosotros para el material (unos 8.000 € en total).\n\n¿Podríamos vernos el martes a las 10?\n\nUn saludo,\nCarlos',
      'meeting_request',
      { ...noFacts, amounts: [{ text: '8.000 €', value: 8000, currency: 'EUR' }] },
    );
    expect(es).toContain('(unos 8.000 € en total).');
    expect(es).not.toMatch(/unos 8\.$/m);
    const en = summarise(
      'We received invoice INV-2026-0117 for £1,245.60 but our purchase order was for £1,180.00. It looks like the delivery charge was added twice.',
      'complaint',
      { ...noFacts, invoices: ['INV-2026-0117'] },
    );
    expect(en).toContain('£1,245.60 but our purchase order was for £1,180.00.');
  });
  it('keeps accents and case, and shortens only at a word', () => {
    const es = summarise(
      'Ya van 17 días y el taladro de Bosch NO HA LLEGADO. Quiero saber qué pasa.',
      'complaint',
      noFacts,
    );
    expect(es).toContain('Ya van 17 días y el taladro de Bosch NO HA LLEGADO.');
    const long = `The order ${'was late and '.repeat(30)}never came.`;
    const line = summarise(long, 'complaint', noFacts);
    expect(line.endsWith('…')).toBe(true);
    expect(long.startsWith(line.slice(0, -1))).toBe(true);
    expect(line.slice(0, -1)).toMatch(/\b(late|and|was)$/);
  });
  it('always keeps a threat, in either language', () => {
    const es = summarise(
      'Hice el pedido 48213 hace tres semanas. La web decía entrega en 3-5 días. Nadie contesta al teléfono. Tampoco al correo. Me parece increíble. Si mañana no lo tengo, os denuncio en Consumo.',
      'complaint',
      { ...noFacts, orders: ['48213'] },
    );
    expect(es).toContain('Si mañana no lo tengo, os denuncio en Consumo.');
    const en = summarise(
      'The saw from order FL-20931 arrived broken. Nobody came to collect it. The tracking number does not work. I am very disappointed. I will post a one-star review everywhere and take you to court.',
      'complaint',
      { ...noFacts, orders: ['FL-20931'] },
    );
    expect(en).toContain('I will post a one-star review everywhere and take you to court.');
    expect(en.split('\n').length).toBeLessThanOrEqual(3);
  });
});
