import type { ThreadMessage, ThreadSnapshot } from '../mail-sites/types';

// Small builders for assistant tests (not production code).
export function message(partial: Partial<ThreadMessage> & { text: string }): ThreadMessage {
  return {
    id: partial.id ?? `m${Math.random().toString(36).slice(2, 8)}`,
    from: partial.from ?? { name: 'María López', email: 'maria@example.com' },
    to: partial.to ?? [{ name: 'Tienda', email: 'hola@tienda.example' }],
    cc: partial.cc ?? [],
    date: partial.date ?? '2026-03-25T09:00:00+01:00',
    text: partial.text,
    quoted: partial.quoted ?? '',
    signature: partial.signature ?? '',
    fromUser: partial.fromUser ?? false,
    collapsed: partial.collapsed ?? false,
  };
}

export function thread(messages: ThreadMessage[], subject = 'Consulta'): ThreadSnapshot {
  return {
    site: 'gmail',
    threadId: '18c2f0a1b2c3d4e5',
    url: 'https://mail.google.com/mail/u/0/#inbox/18c2f0a1b2c3d4e5',
    subject,
    messages,
    userEmail: 'hola@tienda.example',
    readAt: Date.parse('2026-03-25T10:00:00+01:00'),
  };
}
