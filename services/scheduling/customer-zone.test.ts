import { describe, expect, it } from 'vitest';
import { message, thread } from '../assistant/testing-fixtures';
import { customerZone } from './customer-zone';

const zoneOf = (text: string, extra: Partial<Parameters<typeof message>[0]> = {}) =>
  customerZone(thread([message({ text, ...extra })]), 'Europe/Madrid');

describe('customerZone', () => {
  it('takes the zone or place the customer names, with their words as the reason', () => {
    expect(zoneOf('Could we meet Wednesday morning? We are in London, so UK time please.')).toEqual({
      zone: 'Europe/London',
      reason: 'stated',
      words: 'We are in London',
    });
    expect(zoneOf('Any time after 2pm UK time works.')).toMatchObject({
      zone: 'Europe/London',
      words: 'UK time',
    });
    expect(zoneOf('¿El jueves a las 10, hora de Canarias?')).toMatchObject({
      zone: 'Atlantic/Canary',
      words: 'hora de Canarias',
    });
    expect(zoneOf('Estamos en Ciudad de México, ¿podría ser por la tarde?')).toMatchObject({
      zone: 'America/Mexico_City',
      reason: 'stated',
    });
    expect(zoneOf("I'm based in New York, 10am my time.")).toMatchObject({ zone: 'America/New_York' });
  });
  it('falls back to the signature, the phone code, the address, then the business zone', () => {
    expect(zoneOf('Can we talk on Friday?', { signature: 'Tom Baker\nBaker & Sons · Manchester' })).toEqual({
      zone: 'Europe/London',
      reason: 'signature',
      words: 'Manchester',
    });
    expect(zoneOf('Llámeme al +52 55 1234 5678 el lunes.')).toMatchObject({
      zone: 'America/Mexico_City',
      reason: 'phone',
    });
    expect(
      zoneOf('Can we talk on Friday?', {
        from: { name: 'James', email: 'j.whitaker@whitaker-builds.co.uk' },
      }),
    ).toEqual({ zone: 'Europe/London', reason: 'domain', words: '.co.uk' });
    expect(zoneOf('¿Podemos vernos el martes?')).toEqual({
      zone: 'Europe/Madrid',
      reason: 'default',
      words: '',
    });
  });
  it('reads an earlier customer message when the latest says nothing', () => {
    const snapshot = thread([
      message({ id: 'a', text: 'We are in Dublin.', date: '2026-03-24T09:00:00Z' }),
      message({ id: 'b', text: 'Wednesday works for me.', date: '2026-03-25T09:00:00Z' }),
    ]);
    expect(customerZone(snapshot, 'Europe/Madrid')).toMatchObject({
      zone: 'Europe/Dublin',
      reason: 'stated',
    });
  });
});
