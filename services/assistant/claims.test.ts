import { describe, expect, it } from 'vitest';
import { checkAiOutput, type CheckContext } from './ai';
import { accountNumbers, newPromises, statedFacts, unknownPayment } from './claims';
import { message, thread } from './testing-fixtures';

// The AI output check on what matters (#12 item 8): money to accounts the business never gave,
// facts nobody confirmed and promises the template does not allow, in both languages and in
// paraphrase; and the faithful polishes it must still let through.

const ES_DRAFT =
  'Hola, Ana:\n\nGracias por escribirnos. Estamos revisando el estado de su pedido 4521 y le escribiremos en cuanto sepamos algo.\n\nUn saludo,\nMarta';
const EN_DRAFT =
  'Hi Tom,\n\nThanks for getting in touch. We are looking into order 4521 and will write again as soon as we know more.\n\nBest,\nMarta';
const ctx = (language: 'es' | 'en', extra: Partial<CheckContext> = {}): CheckContext => ({
  language,
  draft: language === 'es' ? ES_DRAFT : EN_DRAFT,
  thread: thread([message({ text: 'Mi pedido 4521 no ha llegado.' })]),
  business: { name: 'Tienda Sol', emails: ['hola@tienda.example'] },
  commitments: [],
  ...extra,
});
const ES = 'Hola, Ana: gracias por escribirnos. Estamos revisando su pedido 4521.';
const EN = 'Hi Tom, thanks for getting in touch. We are looking into order 4521.';

describe('payment details', () => {
  it('refuses accounts and payment routes the business never gave, however they are worded', () => {
    for (const [text, lang] of [
      [`${ES} Para no retrasarlo, haga el ingreso en ES12 3456 7890 1234 5678 9012.`, 'es'],
      [`${ES} Puede adelantar el pago al CLABE 032180000118359719.`, 'es'],
      [`${EN} Kindly move the balance into our new account: sort code 11-22-33, 12345678.`, 'en'],
      [`${EN} Settle it via Zelle to our finance account and we will release the order.`, 'en'],
      [`${EN} You may pay in BTC at bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq.`, 'en'],
    ] as const)
      expect(checkAiOutput(text, ctx(lang)), text).toMatchObject({ ok: false, reason: 'payment' });
  });
  it('accepts the business’s own payment details and numbers the draft already had', () => {
    const own = {
      name: 'Tienda Sol',
      emails: ['hola@tienda.example'],
      payment: ['IBAN ES12 3456 7890 1234 5678 9012'],
    };
    expect(
      checkAiOutput(
        `${ES} Si lo prefiere, puede transferir el importe a ES12 3456 7890 1234 5678 9012.`,
        ctx('es', { business: own }),
      ).ok,
    ).toBe(true);
    expect(
      unknownPayment(`${EN} Your order number is 20260412.`, 'Order 20260412 is being prepared.', []),
    ).toBeNull();
    expect(checkAiOutput(`${ES} Puede pagar con tarjeta en la tienda cuando lo recoja.`, ctx('es')).ok).toBe(
      true,
    );
  });
  it('reads IBANs and account numbers with or without spaces', () => {
    expect(accountNumbers('IBAN: ES12 3456 7890 1234 5678 9012')).toContain('es1234567890123456789012');
    expect(accountNumbers('sort code 11-22-33')).toContain('112233');
  });
});

describe('statements of fact nobody confirmed', () => {
  it('refuses shipped, delivered, refunded and cancelled stated as done, in paraphrase', () => {
    for (const [text, lang, kind] of [
      [`${ES} Su paquete ya ha sido despachado esta mañana.`, 'es', 'shipped'],
      [`${ES} El envío ya va de camino a su domicilio.`, 'es', 'shipped'],
      [`${ES} Consta como entregado en su buzón.`, 'es', 'delivered'],
      [`${ES} Ya hemos devuelto el importe a su tarjeta.`, 'es', 'refunded'],
      [`${ES} Su suscripción queda anulada desde hoy.`, 'es', 'cancelled'],
      [`${EN} The parcel left our warehouse yesterday.`, 'en', 'shipped'],
      [`${EN} It is out for delivery today.`, 'en', 'shipped'],
      [`${EN} Your money was credited back on Monday.`, 'en', 'refunded'],
      [`${EN} We have terminated the contract as asked.`, 'en', 'cancelled'],
    ] as const)
      expect(checkAiOutput(text, ctx(lang)), text).toMatchObject({ ok: false, reason: 'fact', detail: kind });
  });
  it('lets hedged statements, questions and facts the draft or the business states through', () => {
    expect(checkAiOutput(`${ES} Le avisaremos en cuanto su pedido haya sido enviado.`, ctx('es')).ok).toBe(
      true,
    );
    expect(checkAiOutput(`${EN} We will let you know once it has been shipped.`, ctx('en')).ok).toBe(true);
    expect(
      checkAiOutput(`${EN} We are checking whether it was delivered to a neighbour.`, ctx('en')).ok,
    ).toBe(true);
    expect(statedFacts('Has it been delivered?')).toEqual([]);
    const refundDraft =
      'Hi Tom,\n\nYour refund has been processed and should reach your card in 3-5 days.\n\nBest,\nMarta';
    expect(
      checkAiOutput(
        'Hi Tom, good news: your refund has been processed and should reach your card within 3-5 days. Best, Marta',
        ctx('en', { draft: refundDraft }),
      ).ok,
    ).toBe(true);
    expect(
      checkAiOutput(`${EN} Your order has been shipped today.`, ctx('en', { confirmed: ['shipped'] })).ok,
    ).toBe(true);
  });
});

describe('promises the template does not allow', () => {
  it('refuses a refund promised with any verb, and compensation or replacement in other words', () => {
    expect(newPromises('Le abonaremos la diferencia en su próxima factura.', ES_DRAFT)).toContain('refund');
    expect(newPromises('You will get the full amount back by Friday.', EN_DRAFT)).toContain('refund');
    expect(newPromises('We will pay you back the deposit.', EN_DRAFT)).toContain('refund');
    expect(newPromises('Te devolvemos los 40 € hoy mismo.', ES_DRAFT)).toContain('refund');
    expect(newPromises('Your next coffee is on the house.', EN_DRAFT)).toContain('compensation');
    expect(newPromises('Le haremos una rebaja en el próximo pedido.', ES_DRAFT)).toContain('compensation');
    expect(newPromises('We will swap it for a new one.', EN_DRAFT)).toContain('replacement');
    expect(newPromises('Le mandamos otra nueva esta semana.', ES_DRAFT)).toContain('replacement');
  });
  it('allows a promise the template allows or the draft already makes', () => {
    expect(
      checkAiOutput(
        `${EN} You will get the full amount back by Friday.`,
        ctx('en', { commitments: ['refund'] }),
      ).ok,
    ).toBe(true);
    expect(newPromises('We will refund you today.', 'We will refund you today.')).toEqual([]);
  });
});
