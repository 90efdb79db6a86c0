import { describe, expect, it } from 'vitest';
import { findCondition } from './conditions';

describe('findCondition', () => {
  it('finds conditional requests in Spanish and English, as written', () => {
    expect(
      findCondition(
        'Hoy es viernes y sigo sin el pedido.\nSi no llega el lunes quiero que me devolváis los 156,40 € y cancelo el pedido.',
      ),
    ).toBe('Si no llega el lunes quiero que me devolváis los 156,40 € y cancelo el pedido.');
    expect(findCondition('Si mañana no tengo el pedido os denuncio.')).toBe(
      'Si mañana no tengo el pedido os denuncio.',
    );
    expect(
      findCondition('If the replacement is not here by Friday I will ask my solicitor to write to you.'),
    ).toMatch(/^If the replacement/);
    expect(findCondition('I need it by Friday, otherwise I will hire one.')).toMatch(/otherwise/);
  });
  it('leaves plain requests alone', () => {
    expect(findCondition('Quiero cancelar el pedido 51877 y que me devolváis el importe.')).toBeNull();
    expect(findCondition('Could you tell me where my order is? If possible, today.')).toBeNull();
    expect(findCondition('Si tenéis stock, lo quiero para el lunes.')).toBeNull();
  });
});
