import type { Complaint } from '../db/db';
import type { ThreadMessage, ThreadSnapshot } from '../mail-sites/types';

/** A complete stored complaint for tests; override what the test is about. */
export function makeComplaint(over: Partial<Complaint> = {}): Complaint {
  return {
    id: 'c1',
    threadKey: 'gmail:t1',
    threadUrl: 'https://mail.google.com/mail/u/0/#inbox/t1',
    channel: 'gmail',
    customerName: 'Lucía Pérez',
    customerEmail: 'lucia@example.es',
    subject: 'Pedido roto',
    summary: 'El pedido llegó roto.',
    category: 'product',
    severity: 'medium',
    status: 'new',
    orderRef: null,
    amount: null,
    language: 'es',
    assignee: null,
    resolution: '',
    compensation: '',
    firstResponseAt: null,
    resolvedAt: null,
    dueAt: null,
    createdAt: Date.parse('2026-10-01T08:00:00Z'),
    updatedAt: Date.parse('2026-10-01T08:00:00Z'),
    history: [],
    seenMessageIds: [],
    taskId: null,
    words: [],
    ...over,
  };
}

let seq = 0;

export function message(over: Partial<ThreadMessage> = {}): ThreadMessage {
  seq += 1;
  return {
    id: `m${seq}`,
    from: { name: 'Lucía Pérez', email: 'lucia@example.es' },
    to: [{ name: 'Tienda', email: 'hola@tienda.es' }],
    cc: [],
    date: '2026-10-20T09:00:00+02:00',
    text: 'Hola. El pedido 48213 llegó roto y quiero el reembolso de 45,90 €. Gracias.',
    quoted: '',
    signature: '',
    fromUser: false,
    collapsed: false,
    ...over,
  };
}

export function snapshot(over: Partial<ThreadSnapshot> = {}): ThreadSnapshot {
  return {
    site: 'gmail',
    threadId: '18c2f0a1b2c3d4e5',
    url: 'https://mail.google.com/mail/u/0/#inbox/18c2f0a1b2c3d4e5',
    subject: 'Pedido 48213 roto',
    messages: [message()],
    userEmail: 'hola@tienda.es',
    readAt: Date.parse('2026-10-20T08:00:00Z'),
    ...over,
  };
}
