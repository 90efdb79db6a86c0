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
