import { describe, expect, it } from 'vitest';
import {
  findMoney,
  formatMoney,
  fromDecimalString,
  moneyInLine,
  parseRate,
  taxOf,
  toDecimalString,
  type MoneyContext,
} from './money';

// Amounts as Spanish and English invoices and mails write them. Written by hand after the
// conventions of CLDR (es-ES, es-MX, es-AR, en-US, en-GB number formats) and the ISO 4217 codes.
const CASES: [string, MoneyContext, number, string][] = [
  ['1.234,56 €', {}, 123456, 'EUR'],
  ['1.234,56€', {}, 123456, 'EUR'],
  ['€1,234.56', {}, 123456, 'EUR'],
  ['€ 1,234.56', {}, 123456, 'EUR'],
  ['$1,234.56', {}, 123456, 'USD'],
  ['US$1,234.56', {}, 123456, 'USD'],
  ['USD 1,234.56', {}, 123456, 'USD'],
  ['1,234.56 USD', {}, 123456, 'USD'],
  ['1 234,56 €', {}, 123456, 'EUR'],
  ['1\u00a0234,56\u00a0€', {}, 123456, 'EUR'],
  ['1\u202f234,56 €', {}, 123456, 'EUR'],
  ['1234.56 MXN', {}, 123456, 'MXN'],
  ['MXN 1,234.56', {}, 123456, 'MXN'],
  ['MX$1,234.56', {}, 123456, 'MXN'],
  ['$1,234.56', { dollar: 'MXN' }, 123456, 'MXN'],
  ['$ 1.234,56', { dollar: 'ARS', hint: 'comma' }, 123456, 'ARS'],
  ['ARS 1.234.567,89', {}, 123456789, 'ARS'],
  ['1234,56 EUR', {}, 123456, 'EUR'],
  ['EUR 1.234,56', {}, 123456, 'EUR'],
  ['1.234 €', {}, 123400, 'EUR'],
  ['$1,234', {}, 123400, 'USD'],
  ['12,5 €', {}, 1250, 'EUR'],
  ['12.5 USD', {}, 1250, 'USD'],
  ['0,99 €', {}, 99, 'EUR'],
  ['€0.99', {}, 99, 'EUR'],
  ['45 euros', {}, 4500, 'EUR'],
  ['45,00 euros', {}, 4500, 'EUR'],
  ['100 dólares', {}, 10000, 'USD'],
  ['250 dollars', {}, 25000, 'USD'],
  ['£1,245.60', {}, 124560, 'GBP'],
  ['GBP 99.00', {}, 9900, 'GBP'],
  ['1.000.000,00 €', {}, 100000000, 'EUR'],
  ['$1,000,000.00', {}, 100000000, 'USD'],
  ["CHF 1'234.50", {}, 123450, 'CHF'],
  ['¥1,200', {}, 1200, 'JPY'],
  ['-45,00 €', {}, -4500, 'EUR'],
  ['−45,00 €', {}, -4500, 'EUR'],
  ['-€45.00', {}, -4500, 'EUR'],
  ['€-45.00', {}, -4500, 'EUR'],
  ['($1,234.56)', {}, -123456, 'USD'],
  ['45,00 €-', {}, -4500, 'EUR'],
  ['1.234,5 €', {}, 123450, 'EUR'],
  ['7,90 €', {}, 790, 'EUR'],
  ['1 500 MXN', {}, 150000, 'MXN'],
  ['1.234,56 pesos mexicanos', {}, 123456, 'MXN'],
];

describe('amounts in every usual format', () => {
  it('has at least 40 formats', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  it.each(CASES)('%s', (text, context, minor, currency) => {
    const found = findMoney(`Total: ${text}.`, context);
    expect(found).toHaveLength(1);
    expect({ minor: found[0]!.minor, currency: found[0]!.currency }).toEqual({ minor, currency });
  });

  it('a number with no currency is not money outside a labelled line', () => {
    expect(findMoney('Pedido 4455, 12 unidades, 3,5 kg')).toEqual([]);
  });

  it('bare numbers on a labelled line take the document currency; rates and integers are not amounts', () => {
    expect(
      moneyInLine('Base imponible  1.000,00', { currency: 'EUR', hint: 'comma' }).map((m) => m.minor),
    ).toEqual([100000]);
    expect(moneyInLine('IVA 21 %   210,00', { currency: 'EUR' }).map((m) => m.minor)).toEqual([21000]);
    expect(moneyInLine('Pedido 2026', { currency: 'EUR' })).toEqual([]);
  });
});

describe('tax rates and tax amounts', () => {
  it.each([
    ['IVA 21%', '21'],
    ['IVA (21 %)', '21'],
    ['IVA 10 %', '10'],
    ['IVA 4%', '4'],
    ['IGIC 7%', '7'],
    ['IVA 16%', '16'],
    ['IVA 10,5%', '10.5'],
    ['VAT @ 20%', '20'],
    ['Sales tax (8.875%)', '8.875'],
    ['IRPF -15%', '15'],
    ['IVA 21,00 %', '21'],
  ])('%s → %s', (text, rate) => expect(parseRate(text)).toBe(rate));

  it('tax of a base is exact and rounds half away from zero', () => {
    expect(taxOf(100000, '21')).toBe(21000);
    expect(taxOf(123456, '21')).toBe(25926); // 259.2576
    expect(taxOf(1050, '10')).toBe(105);
    expect(taxOf(250, '21')).toBe(53); // 52.5 → 53
    expect(taxOf(-250, '21')).toBe(-53);
    expect(taxOf(100000, '8.875')).toBe(8875);
    expect(taxOf(999, '10.5')).toBe(105); // 104.895
  });
});

describe('decimal strings', () => {
  it('round-trips minor units through exact decimal strings', () => {
    for (const minor of [0, 1, 99, 100, 123456, -4500, 100000000, -1])
      expect(fromDecimalString(toDecimalString({ minor, currency: 'EUR' }), 'EUR')).toEqual({
        minor,
        currency: 'EUR',
      });
    expect(toDecimalString({ minor: 1200, currency: 'JPY' })).toBe('1200');
    expect(toDecimalString({ minor: -5, currency: 'EUR' })).toBe('-0.05');
    expect(fromDecimalString('12.345', 'EUR')).toBeNull();
    expect(fromDecimalString('abc', 'EUR')).toBeNull();
  });

  it('formats for people in the UI locale', () => {
    expect(formatMoney({ minor: 1234567, currency: 'EUR' }, 'es-ES')).toMatch(/^12\.345,67\s€$/);
    expect(formatMoney({ minor: 123456, currency: 'USD' }, 'en-US')).toBe('$1,234.56');
  });
});
