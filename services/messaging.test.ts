import { describe, expect, it } from 'vitest';
import { backgroundToContent, contentToBackground, pageToBackground, parseMessage } from './messaging';

const snapshot = {
  site: 'gmail',
  threadId: '18c2f0a1b2c3d4e5',
  url: 'https://mail.google.com/mail/u/0/#inbox/18c2f0a1b2c3d4e5',
  subject: 'Pedido 4512 sin entregar',
  messages: [
    {
      id: 'm1',
      from: { name: 'Lucía Gómez', email: 'lucia@example.es' },
      to: [{ name: '', email: 'ops@ferreteria.es' }],
      cc: [],
      date: '2026-11-23T09:12:00+01:00',
      text: 'Hola, mi pedido no ha llegado.',
      quoted: '',
      signature: '',
      fromUser: false,
      collapsed: false,
    },
  ],
  userEmail: 'ops@ferreteria.es',
  readAt: 1,
};

describe('parseMessage', () => {
  it('accepts a well-formed thread report', () => {
    const parsed = parseMessage(contentToBackground, {
      type: 'thread:report',
      data: { result: { ok: true, snapshot } },
    });
    expect(parsed?.type).toBe('thread:report');
  });

  it('rejects unknown types, inherited keys and non-objects', () => {
    expect(parseMessage(contentToBackground, { type: 'mail:send', data: {} })).toBeNull();
    expect(parseMessage(contentToBackground, { type: 'toString', data: {} })).toBeNull();
    expect(parseMessage(contentToBackground, 'thread:report')).toBeNull();
    expect(parseMessage(contentToBackground, null)).toBeNull();
  });

  it('rejects a message of another direction', () => {
    // A content script cannot ask the background to insert replies into other tabs.
    expect(
      parseMessage(contentToBackground, {
        type: 'tab:insert-reply',
        data: { tabId: 3, text: 'x', mode: 'reply' },
      }),
    ).toBeNull();
    expect(
      parseMessage(pageToBackground, {
        type: 'tab:insert-reply',
        data: { tabId: 3, text: 'x', mode: 'reply' },
      }),
    ).not.toBeNull();
  });

  it('rejects wrong shapes', () => {
    const bad = { ...snapshot, site: 'yahoo' };
    expect(
      parseMessage(contentToBackground, {
        type: 'thread:report',
        data: { result: { ok: true, snapshot: bad } },
      }),
    ).toBeNull();
    expect(parseMessage(pageToBackground, { type: 'thread:get', data: { tabId: -1 } })).toBeNull();
    expect(parseMessage(pageToBackground, { type: 'thread:get', data: { tabId: 1.5 } })).toBeNull();
    expect(
      parseMessage(backgroundToContent, { type: 'tab:insert-reply', data: { text: 'x', mode: 'forward' } }),
    ).toBeNull();
  });

  it('caps the size of an inserted reply', () => {
    const huge = 'a'.repeat(100_001);
    expect(
      parseMessage(pageToBackground, {
        type: 'tab:insert-reply',
        data: { tabId: 1, text: huge, mode: 'reply' },
      }),
    ).toBeNull();
  });
});
