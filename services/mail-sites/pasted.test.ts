import { describe, expect, it } from 'vitest';
import { snapshotFromPastedText } from './pasted';

describe('snapshotFromPastedText', () => {
  it('reads Spanish header lines and keeps the body as the customer message', () => {
    const text =
      'De: Lucía Gómez <lucia@example.es>\nFecha: 2026-11-23T09:12:00Z\nAsunto: Pedido 4512\n\nHola, el pedido no ha llegado.';
    const s = snapshotFromPastedText(text, 'outlook', 'https://outlook.live.com/mail/0/', 5);
    expect(s.subject).toBe('Pedido 4512');
    expect(s.messages[0]!.from).toEqual({ name: 'Lucía Gómez', email: 'lucia@example.es' });
    expect(s.messages[0]!.date).toBe('2026-11-23T09:12:00.000Z');
    expect(s.messages[0]!.text).toBe('Hola, el pedido no ha llegado.');
    expect(s.site).toBe('outlook');
  });

  it('gives the same thread id to the same text, and tolerates no headers', () => {
    const a = snapshotFromPastedText('Where is my order?', 'gmail', '');
    const b = snapshotFromPastedText('Where is my order?', 'gmail', '');
    expect(a.threadId).toBe(b.threadId);
    expect(a.messages[0]!.from.email).toBe('');
    expect(a.messages[0]!.date).toBeNull();
  });
});
