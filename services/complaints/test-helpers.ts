import type { Complaint } from '../db/db';

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
