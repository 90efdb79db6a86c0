import { describe, expect, it } from 'vitest';
import {
  findAmounts,
  findPhones,
  findReferences,
  nameFromText,
  parseNumber,
  personFromDisplayName,
} from './entities';

describe('references', () => {
  it('finds orders, invoices and tickets', () => {
    const r = findReferences(
      'Mi pedido 4512, el order #A-10293, la factura F-2026-118 y el ticket 8812. INV-2026-0417.',
    );
    expect(r.orders.map((f) => f.value)).toEqual(['4512', 'A-10293']);
    expect(r.invoices.map((f) => f.value)).toEqual(['F-2026-118', 'INV-2026-0417']);
    expect(r.tickets.map((f) => f.value)).toEqual(['8812']);
  });
  it('reads purchase orders by their letters, keeping them apart from years', () => {
    expect(
      findReferences('Could you tell me where purchase order PO 7781 is?').orders.map((f) => f.value),
    ).toEqual(['PO 7781']);
    expect(findReferences('Our P.O. #12345, please.').orders.map((f) => f.value)).toEqual(['PO 12345']);
    expect(findReferences('The PO 2026 budget').orders).toEqual([]);
  });
  it('keeps amounts with thousands separators whole, in the currency written (es, en)', () => {
    expect(findAmounts('para el material (unos 8.000 € en total)').map((f) => f.value)).toEqual([
      { text: '8.000 €', value: 8000, currency: 'EUR' },
    ]);
    expect(findAmounts('invoice for £1,245.60 but our order was £1,180.00').map((f) => f.value)).toEqual([
      { text: '£1,245.60', value: 1245.6, currency: 'GBP' },
      { text: '£1,180.00', value: 1180, currency: 'GBP' },
    ]);
    expect(findAmounts('me costó 389 libras').map((f) => f.value.currency)).toEqual(['GBP']);
  });
  it('does not take years or small counts for references', () => {
    const r = findReferences('Un pedido de 2 cajas en 2026, order 12');
    expect(r.orders).toEqual([]);
  });
});

describe('amounts', () => {
  it('reads numbers and currencies in both styles', () => {
    const values = findAmounts(
      '45,90 € y $120.50, 120 euros, EUR 1.250,00, 1,250.00 USD, £20 y 2,500 pesos',
    ).map((a) => [a.value.value, a.value.currency]);
    expect(values).toEqual([
      [45.9, 'EUR'],
      [120.5, 'USD'],
      [120, 'EUR'],
      [1250, 'EUR'],
      [1250, 'USD'],
      [20, 'GBP'],
      [2500, 'MXN'],
    ]);
  });
  it('parses separators by position', () => {
    expect(parseNumber('1.250')).toBe(1250);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('abc')).toBeNull();
  });
});

describe('phones', () => {
  it('normalises Spanish, US and international numbers', () => {
    const found = findPhones(
      'Llámame al +34 612 345 678 o al 612345678 o al 612 345 678; US (212) 555-0187; UK +44 20 7946 0958',
    ).map((p) => p.value.normalized);
    expect(found).toEqual(['+34612345678', '+34612345678', '+34612345678', '+12125550187', '+442079460958']);
  });
  it('ignores bare ten-digit numbers without a phone word', () => {
    expect(findPhones('Referencia 2125550187')).toEqual([]);
    expect(findPhones('call me on 2125550187').map((p) => p.value.normalized)).toEqual(['+12125550187']);
  });
});

describe('names', () => {
  it('reads the sign-off and self-introductions', () => {
    expect(nameFromText('Hola,\nel pedido no llega.\n\nUn saludo,\nLucía Fernández')).toBe('Lucía Fernández');
    expect(nameFromText('Quiero cancelar. Gracias, Pablo')).toBe('Pablo');
    expect(nameFromText('Buenas tardes, soy Ana Ruiz, de la gestoría.')).toBe('Ana Ruiz');
    expect(nameFromText('Hi there, my name is Tom Becker and I need help.')).toBe('Tom Becker');
    expect(nameFromText('no name here')).toBeNull();
  });
  it('accepts display names of people only', () => {
    expect(personFromDisplayName('LOPEZ, MARIA')).toBe('Maria Lopez');
    expect(personFromDisplayName('info@shop.com')).toBeNull();
    expect(personFromDisplayName('Info')).toBeNull();
  });
});
