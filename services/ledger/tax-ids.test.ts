import { describe, expect, it } from 'vitest';
import { checkCuit, checkEin, checkRfc, checkSpanishTaxId, findTaxIds } from './tax-ids';
import { checkIban, findIbans } from './iban';

// Check digits computed by hand after each tax office's rule (see tax-ids.ts); the IBANs are the
// examples printed in the SWIFT IBAN registry and the European Committee for Banking Standards' guide.

describe('Spanish NIF / NIE / CIF', () => {
  it.each([
    ['12345678Z', 'es_nif', true],
    ['12345678-Z', 'es_nif', true],
    ['12345678A', 'es_nif', false],
    ['X1234567L', 'es_nie', true],
    ['X1234567T', 'es_nie', false],
    ['Y0000000Z', 'es_nie', true], // 10000000 mod 23 = 14 → Z
    ['B12345674', 'es_cif', true],
    ['B12345675', 'es_cif', false],
    ['A58818501', 'es_cif', true],
    ['Q2826000H', 'es_cif', true], // public bodies carry a letter
    ['Q28260008', 'es_cif', false],
    ['ESB12345674', 'es_cif', true], // as written in an intra-EU VAT number
  ])('%s', (raw, kind, valid) => {
    expect(checkSpanishTaxId(raw)).toMatchObject({ kind, valid });
  });
  it('is not a tax id at all', () => expect(checkSpanishTaxId('1234')).toBeNull());
});

describe('Argentine CUIT', () => {
  it.each([
    ['20-12345678-6', true],
    ['33-69345023-9', true],
    ['20-12345678-5', false],
    // 3,0,1,2,3,4,5,6,7,8 × 5,4,3,2,7,6,5,4,3,2 = 153; 153 mod 11 = 10; 11 − 10 = 1
    ['30-12345678-1', true],
    ['30-12345678-0', false],
  ])('%s', (raw, valid) => expect(checkCuit(raw)?.valid).toBe(valid));
  it('refuses unknown type prefixes', () => expect(checkCuit('11-12345678-6')).toBeNull());
});

describe('Mexican RFC', () => {
  it.each([
    ['GODE561231GR8', true],
    ['ABC991231XY5', true],
    ['ABC991231XY1', false], // check digit: 5 expected
    ['GODE561231GR9', false], // one character off
    ['ABC991332XY6', false], // month 13 (check digit right)
    ['ABC990230XY5', false], // 30 February (check digit right)
    ['XAXX010101000', true], // SAT's generic RFC for the public
  ])('%s', (raw, valid) => expect(checkRfc(raw)?.valid).toBe(valid));
});

describe('US EIN', () => {
  it('accepts IRS-assigned prefixes only', () => {
    expect(checkEin('12-3456789')).toEqual({ kind: 'us_ein', value: '123456789', valid: true });
    expect(checkEin('07-1234567')?.valid).toBe(false);
    expect(checkEin('123-456789')).toBeNull();
  });
});

describe('finding labelled tax ids in text', () => {
  it('reads each kind after its label, checked', () => {
    const found = findTaxIds(
      'Suministros Norte S.L. · CIF: B-12345674\nCliente NIF 12345678Z\nRFC: GODE-561231-GR8\nCUIT N° 20-12345678-6\nEIN: 12-3456789',
    );
    expect(found.map((f) => [f.kind, f.value, f.valid])).toEqual([
      ['es_cif', 'B12345674', true],
      ['es_nif', '12345678Z', true],
      ['mx_rfc', 'GODE561231GR8', true],
      ['ar_cuit', '20123456786', true],
      ['us_ein', '123456789', true],
    ]);
  });
});

describe('IBAN (ISO 13616, mod 97)', () => {
  it.each([
    ['ES91 2100 0418 4502 0005 1332', true],
    ['GB82 WEST 1234 5698 7654 32', true],
    ['DE89 3704 0044 0532 0130 00', true],
    ['FR14 2004 1010 0505 0001 3M02 606', true],
    ['ES91 2100 0418 4502 0005 1333', false],
    ['GB82 WEST 1234 5698 7654 33', false],
  ])('%s', (raw, valid) => expect(checkIban(raw)?.valid).toBe(valid));

  it('finds the IBAN in a payment line, without the BIC that follows it', () => {
    const [iban] = findIbans('Transferencia a ES91 2100 0418 4502 0005 1332 BIC CAIXESBBXXX, gracias');
    expect(iban).toEqual({
      value: 'ES9121000418450200051332',
      friendly: 'ES91 2100 0418 4502 0005 1332',
      valid: true,
    });
  });

  it('reports a mistyped IBAN as invalid rather than dropping it', () => {
    expect(findIbans('IBAN: ES91 2100 0418 4502 0005 1333')[0]?.valid).toBe(false);
  });
});
