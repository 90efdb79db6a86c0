import { describe, expect, it } from 'vitest';
import { commitmentsIn } from './commitments';

describe('commitmentsIn', () => {
  it('finds refunds, cancellations, replacements, discounts and dates promised, in paraphrase', () => {
    const kinds = (text: string) => commitmentsIn(text).map((c) => c.kind);
    expect(
      kinds('Le confirmamos la cancelación del pedido. Hemos tramitado el reembolso de 156,40 €.'),
    ).toEqual(['refund', 'cancellation']);
    expect(kinds('Te devolvemos el dinero hoy mismo.')).toEqual(['refund']);
    expect(kinds('Ya la estamos tramitando.')).toEqual(['cancellation']);
    expect(kinds('Le enviaremos uno nuevo sin coste.')).toEqual(['replacement']);
    expect(kinds('Te aplicamos un descuento del 10 %.')).toEqual(['discount']);
    expect(kinds('El paquete te llegará el viernes.')).toEqual(['date']);
    expect(kinds("We've issued a refund of £40 and your order has been cancelled.")).toEqual([
      'refund',
      'cancellation',
    ]);
    expect(kinds("Got it, I'm cancelling order 1234 for you now.")).toEqual(['cancellation']);
    expect(kinds('A replacement leaves our warehouse today.')).toEqual(['replacement']);
    expect(kinds('It will arrive on Friday.')).toEqual(['date']);
    expect(kinds('We will give you a 15% discount.')).toEqual(['discount']);
  });
  it('leaves acknowledgements and conditions alone', () => {
    expect(
      commitmentsIn(
        'Hemos recibido su solicitud sobre el pedido 48213. Le escribiremos para indicarle si es posible lo que nos pide.',
      ),
    ).toEqual([]);
    expect(
      commitmentsIn(
        'We have noted what you would like us to do if it is not resolved by the date you mention, and the options we can offer.',
      ),
    ).toEqual([]);
  });
});
