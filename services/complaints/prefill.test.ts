import { describe, expect, it } from 'vitest';
import {
  findAmount,
  findOrderRef,
  firstSentences,
  guessCategory,
  guessLanguage,
  guessSeverity,
  normalizeEmail,
  prefillFromThread,
  prefillWarnings,
} from './prefill';
import { message, snapshot } from './test-helpers';

describe('prefillFromThread', () => {
  it('fills a Spanish complaint from the latest customer message', () => {
    const s = snapshot({
      messages: [
        message(),
        message({ fromUser: true, from: { name: 'Tienda', email: 'hola@tienda.es' }, text: 'Lo sentimos.' }),
      ],
    });
    expect(prefillFromThread(s)).toEqual({
      customerName: 'Lucía Pérez',
      customerEmail: 'lucia@example.es',
      channel: 'gmail',
      subject: 'Pedido 48213 roto',
      summary: 'Hola. El pedido 48213 llegó roto y quiero el reembolso de 45,90 €.',
      category: 'product',
      severity: 'medium',
      orderRef: '48213',
      amount: { value: 45.9, currency: 'EUR' },
      language: 'es',
      threadUrl: s.url,
    });
  });

  it('fills an English delivery complaint', () => {
    const s = snapshot({
      site: 'outlook',
      subject: 'Where is my parcel?',
      messages: [
        message({
          from: { name: 'John Smith', email: 'John.Smith@Example.com' },
          text: 'My order #A-99120 has not arrived and the tracking says nothing. This is the third time I write. I paid $120.50 for shipping and the package is late.',
        }),
      ],
    });
    const p = prefillFromThread(s);
    expect(p).toMatchObject({
      customerEmail: 'john.smith@example.com',
      channel: 'outlook',
      category: 'delivery',
      severity: 'high',
      orderRef: 'A-99120',
      amount: { value: 120.5, currency: 'USD' },
      language: 'en',
    });
  });

  it('skips messages from the signed-in user even when not flagged', () => {
    const s = snapshot({
      messages: [message(), message({ from: { name: 'Yo', email: 'HOLA@tienda.es' }, text: 'Respuesta' })],
    });
    expect(prefillFromThread(s).customerEmail).toBe('lucia@example.es');
  });

  it('guesses only among the configured categories', () => {
    expect(guessCategory('el pedido llegó roto', ['billing', 'otros'])).toBe('otros');
    expect(guessCategory('la factura tiene un cargo doble', ['billing', 'otros'])).toBe('billing');
  });
});

describe('bad input', () => {
  it('an empty thread gives an empty form and says why', () => {
    const s = snapshot({ subject: '', messages: [] });
    const p = prefillFromThread(s);
    expect(p.customerEmail).toBe('');
    expect(p.summary).toBe('');
    expect(prefillWarnings(s, p)).toEqual(['empty-thread', 'missing-sender']);
  });

  it('a thread with only the user’s messages warns that no customer wrote', () => {
    const s = snapshot({ messages: [message({ fromUser: true })] });
    expect(prefillWarnings(s, prefillFromThread(s))).toContain('no-customer-message');
  });

  it('a missing sender is reported, not invented', () => {
    const s = snapshot({ messages: [message({ from: { name: '', email: '' } })] });
    const p = prefillFromThread(s);
    expect([p.customerName, p.customerEmail]).toEqual(['', '']);
    expect(prefillWarnings(s, p)).toEqual(['missing-sender']);
  });

  it('a huge thread is cut to size and flagged', () => {
    const big = 'El paquete no llegó. '.repeat(50_000);
    const s = snapshot({ messages: Array.from({ length: 300 }, () => message({ text: big })) });
    const p = prefillFromThread(s);
    expect(p.summary.length).toBeLessThanOrEqual(280);
    expect(p.category).toBe('delivery');
    expect(prefillWarnings(s, p)).toContain('long-thread');
  });

  it('cleans an address with odd characters and flags one that is not an address', () => {
    expect(normalizeEmail(' <mailto:Zoë.O’Brien+pedidos@Exämple.ES>\u200b ')).toEqual({
      email: 'zoë.o’brien+pedidos@exämple.es',
      valid: true,
    });
    const s = snapshot({ messages: [message({ from: { name: 'X', email: 'lucia at example,es' } })] });
    expect(prefillWarnings(s, prefillFromThread(s))).toEqual(['odd-address']);
  });
});

describe('guessers', () => {
  it('reads order references in both languages', () => {
    expect(findOrderRef('mi pedido nº 55120 no llegó')).toBe('55120');
    expect(findOrderRef('Order number: AB-20391')).toBe('AB-20391');
    expect(findOrderRef('ref. #77812')).toBe('77812');
    expect(findOrderRef('llamé a las 10')).toBeNull();
  });

  it('reads amounts in Spanish and English notation', () => {
    expect(findAmount('me cobraron 1.234,56 € de más')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(findAmount('charged €1,234.56 twice')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(findAmount('45 euros')).toEqual({ value: 45, currency: 'EUR' });
    expect(findAmount('no amount here 2026')).toBeNull();
  });

  it('rates severity from legal, urgency and repeat signals', () => {
    expect(guessSeverity('Pondré una hoja de reclamaciones')).toBe('critical');
    expect(guessSeverity('Es urgente')).toBe('high');
    expect(guessSeverity('URGENT!!! third time I write')).toBe('critical');
    expect(guessSeverity('The colour is a bit off')).toBe('medium');
  });

  it('rates every threat: legal, consumer office and chargeback critical, public reviews high', () => {
    expect(guessSeverity('I will ask my solicitor to write to you.')).toBe('critical');
    expect(guessSeverity('Lo llevaré a los tribunales.')).toBe('critical');
    expect(guessSeverity('I am reporting you to Trading Standards.')).toBe('critical');
    expect(guessSeverity('Haré un contracargo con mi banco.')).toBe('critical');
    expect(guessSeverity('I will raise a chargeback.')).toBe('critical');
    expect(guessSeverity("Otherwise I'll leave a one-star review.")).toBe('high');
    expect(guessSeverity('Si no, dejaré una reseña negativa.')).toBe('high');
  });

  it('files the currency the mail was written in, never an assumed one', () => {
    expect(findAmount('I paid £389.00 for the saw')).toEqual({ value: 389, currency: 'GBP' });
    expect(findAmount('it cost me 389 pounds')).toEqual({ value: 389, currency: 'GBP' });
    expect(findAmount('pagué 45 libras')).toEqual({ value: 45, currency: 'GBP' });
    expect(findAmount('a refund of £1,245.60 please')).toEqual({ value: 1245.6, currency: 'GBP' });
    expect(findAmount('me cobraron 120 dólares')).toEqual({ value: 120, currency: 'USD' });
    expect(findAmount('unos 8.000 € en total')).toEqual({ value: 8000, currency: 'EUR' });
  });

  it('tells Spanish from English and keeps the first sentences', () => {
    expect(guessLanguage('Hola, el pedido no ha llegado')).toBe('es');
    expect(guessLanguage('Hello, the order has not arrived')).toBe('en');
    expect(guessLanguage('12345')).toBe('und');
    expect(firstSentences('One. Two! Three? Four.')).toBe('One. Two!');
  });
});
