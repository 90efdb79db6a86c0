import { afterEach, describe, expect, it, vi } from 'vitest';
import { BodyCache } from './body-cache';
import { createGmailAdapter } from './gmail';
import { createOutlookAdapter } from './outlook';
import { addressList, draftMark, learnFromSent, withLearned } from './ours';
import type { ReadResult, ThreadSnapshot } from './types';

// Live pages (this test's own document, with a real style sheet): what the user sees is decided by
// layout, earlier threads hidden by a class are never read or written, other UI languages read.

const options = {
  zone: () => 'Europe/Madrid',
  now: () => Date.parse('2026-11-25T12:00:00Z'),
  editorTimeoutMs: 200,
};

/**
 * The test page: fixture markup written in this file (no mail content), parsed apart and moved in,
 * with a style that hides `.gone` as the site hides an earlier thread.
 */
function page(html: string): Document {
  const style = document.createElement('style');
  style.textContent = '.gone{display:none}';
  document.head.replaceChildren(style);
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  return document;
}

/** A site's reply box, as the site draws it once the reply is opened. */
function textbox(text = ''): HTMLElement {
  const box = document.createElement('div');
  box.setAttribute('role', 'textbox');
  box.setAttribute('contenteditable', 'true');
  box.textContent = text;
  return box;
}

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

function snapshot(result: ReadResult): ThreadSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result.problem)}`);
  return result.snapshot;
}

function gmailThread(id: string, subject: string, sender: string, text: string, extra = ''): string {
  return `<div class="nH if ${extra}">
    <div class="ha"><h2 class="hP" data-legacy-thread-id="${id}">${subject}</h2></div>
    <div role="list"><div class="h7"><div class="adn" data-message-id="#msg-f:1" data-legacy-message-id="${id}1">
      <span class="gD" email="${sender}" name="${sender}">${sender}</span>
      <span class="g3" title="Mon, Nov 23, 2026, 9:12 AM">Nov 23</span>
      <div class="a3s"><div>${text}</div></div>
    </div></div></div>
    <span class="ams bkH" role="link">Reply</span>
    <div class="M9"></div>
  </div>`;
}

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/';

describe('Gmail: only the thread the user sees', () => {
  it('skips an earlier thread hidden by a class (not an inline style)', () => {
    const doc = page(
      `<div role="main">${gmailThread('aaa', 'Old', 'old@x.es', 'Old text', 'gone')}${gmailThread('bbb', 'New', 'new@x.es', 'New text')}</div>`,
    );
    const read = snapshot(createGmailAdapter(options).readThread(doc, GMAIL_URL));
    expect([read.threadId, read.subject, read.messages[0]!.from.email]).toEqual(['bbb', 'New', 'new@x.es']);
  });

  it('while the open thread is still drawn, never lends it a hidden thread’s messages', () => {
    const doc = page(
      `<div role="main">${gmailThread('aaa', 'Old', 'old@x.es', 'Old text', 'gone')}<div class="nH if"><div class="ha"><h2 class="hP" data-legacy-thread-id="bbb">New</h2></div></div></div>`,
    );
    expect(createGmailAdapter(options).readThread(doc, GMAIL_URL)).toEqual({
      ok: false,
      problem: { kind: 'loading' },
    });
  });

  it('writes only into the visible thread’s reply box, never a draft left open in a hidden one', async () => {
    const doc = page(
      `<div role="main">${gmailThread('aaa', 'Old', 'old@x.es', 'Old', 'gone')}${gmailThread('bbb', 'New', 'new@x.es', 'New')}</div>`,
    );
    const [hiddenBox, openBox] = Array.from(doc.querySelectorAll('.M9'));
    hiddenBox!.replaceChildren(textbox('Draft for Old'));
    const reply = doc.querySelectorAll('.bkH')[1]!;
    reply.addEventListener('click', () => {
      openBox!.replaceChildren(textbox());
    });
    const editor = await createGmailAdapter(options).openReplyEditor(doc, 'reply');
    expect(openBox!.contains(editor)).toBe(true);
  });

  it('finds the header reply icon by its German name when there is no reply link', async () => {
    const doc = page(`<div role="main">${gmailThread('bbb', 'Neu', 'kunde@x.de', 'Hallo')}</div>`);
    doc.querySelector('.bkH')!.remove();
    const icon = doc.createElement('div');
    icon.setAttribute('role', 'button');
    icon.setAttribute('aria-label', 'Antworten');
    icon.addEventListener('click', () => {
      doc.querySelector('.M9')!.replaceChildren(textbox());
    });
    doc.querySelector('.h7')!.append(icon);
    const editor = await createGmailAdapter(options).openReplyEditor(doc, 'reply');
    expect(editor.getAttribute('contenteditable')).toBe('true');
  });

  it('counts a message from an alias of the business as ours', () => {
    const doc = page(
      `<div role="main">${gmailThread('bbb', 'Pedido', 'pedidos@tienda.es', 'Enviado hoy')}</div>`,
    );
    const adapter = createGmailAdapter({ ...options, ours: () => new Set(['pedidos@tienda.es']) });
    expect(snapshot(adapter.readThread(doc, GMAIL_URL)).messages[0]!.fromUser).toBe(true);
    expect(snapshot(createGmailAdapter(options).readThread(doc, GMAIL_URL)).messages[0]!.fromUser).toBe(
      false,
    );
  });
});

function outlookPane(label: string, from: string, extra = ''): string {
  return `<div data-app-section="ConversationContainer" class="${extra}">
    <div role="heading" aria-level="2">Lieferung</div>
    <div role="toolbar"><button>R</button><button>RA</button><button>F</button></div>
    <div aria-label="${label}">
      <span aria-label="${from}">Kunde</span>
      <div data-testid="SentReceivedSavedTime">Mo 23.11.2026 09:12</div>
      <div role="document"><div id="UniqueMessageBody_1">Wo ist meine Bestellung?</div></div>
    </div>
  </div>`;
}

const OUTLOOK_URL = 'https://outlook.office.com/mail/inbox/id/AAQk1';

describe('Outlook in any language', () => {
  it('reads German labels and dates', () => {
    document.documentElement.lang = 'de-DE';
    const doc = page(`<div id="app">${outlookPane('E-Mail-Nachricht', 'Von: Kunde <k@x.de>')}</div>`);
    const read = snapshot(createOutlookAdapter(options).readThread(doc, OUTLOOK_URL));
    expect([read.messages[0]!.from.email, read.messages[0]!.date]).toEqual([
      'k@x.de',
      '2026-11-23T09:12:00+01:00',
    ]);
  });

  it('reads a UI language it has no labels for by the time stamps, and replies by toolbar position', async () => {
    const doc = page(`<div id="app">${outlookPane('E-mailbericht', 'Van: Klant <k@x.nl>')}</div>`);
    const read = snapshot(createOutlookAdapter(options).readThread(doc, OUTLOOK_URL));
    expect(read.messages.map((m) => [m.from.email, m.text])).toEqual([
      ['k@x.nl', 'Wo ist meine Bestellung?'],
    ]);
    const [reply] = Array.from(doc.querySelectorAll('[role=toolbar] button'));
    reply!.addEventListener('click', () => {
      reply!.parentElement!.after(textbox());
    });
    const editor = await createOutlookAdapter(options).openReplyEditor(doc, 'reply');
    expect(editor.previousElementSibling).toBe(reply!.parentElement);
  });

  it('says "not understood" (not "loading" forever) when messages are there in an unknown shape', () => {
    const doc = page(
      `<div id="app"><div data-app-section="ConversationContainer"><div role="heading" aria-level="2">Lieferung</div><div class="msg">Hallo</div></div></div>`,
    );
    expect(createOutlookAdapter(options).readThread(doc, OUTLOOK_URL)).toEqual({
      ok: false,
      problem: { kind: 'not-understood', missing: ['messages (aria-label "Email message")'] },
    });
  });

  it('reads the visible pane and writes only into its reply box', async () => {
    const doc = page(
      `<div id="app">${outlookPane('E-Mail-Nachricht', 'Von: Alt <alt@x.de>', 'gone')}${outlookPane('E-Mail-Nachricht', 'Von: Neu <neu@x.de>')}</div>`,
    );
    const [hidden] = Array.from(doc.querySelectorAll('[data-app-section]'));
    hidden!.append(textbox('Entwurf'));
    const adapter = createOutlookAdapter(options);
    expect(snapshot(adapter.readThread(doc, OUTLOOK_URL)).messages[0]!.from.email).toBe('neu@x.de');
    await expect(adapter.openReplyEditor(doc, 'reply')).rejects.toThrow('reply box did not open');
  });
});

describe('parsed bodies are cached by message id', () => {
  it('parses again only when the body element or its children change', () => {
    const cache = new BodyCache();
    const parse = vi.fn((el: Element) => ({ text: el.textContent ?? '', quoted: '', signature: '' }));
    const body = document.createElement('div');
    const one = document.createElement('p');
    one.textContent = 'one';
    body.append(one);
    cache.get('m1', body, parse);
    cache.get('m1', body, parse);
    expect(parse).toHaveBeenCalledTimes(1);
    body.append(document.createElement('p'));
    cache.get('m1', body, parse);
    cache.get('m1', body.cloneNode(true) as Element, parse);
    expect(parse).toHaveBeenCalledTimes(3);
  });
});

describe('who we are', () => {
  const message = (email: string, text: string) => ({
    id: email,
    from: { name: '', email },
    to: [],
    cc: [],
    date: null,
    text,
    quoted: '',
    signature: '',
    fromUser: false,
    collapsed: false,
  });
  const thread = (...messages: ReturnType<typeof message>[]): ThreadSnapshot => ({
    site: 'gmail',
    threadId: 't',
    url: '',
    subject: 's',
    messages,
    userEmail: 'hola@tienda.es',
    readAt: 0,
  });

  it('learns the address our inserted draft was sent from, not one that merely quotes it', () => {
    const mark = draftMark('Hola Marta,\n\nsentimos el retraso del pedido 48213; sale hoy.')!;
    const snap = thread(
      message(
        'marta@cliente.es',
        'Gracias. Me escribisteis: "sentimos el retraso"… pero ' + 'x '.repeat(300),
      ),
      message('pedidos@tienda.es', 'Hola Marta, sentimos el retraso del pedido 48213; sale hoy.'),
    );
    expect(learnFromSent(snap, [mark], new Set(['hola@tienda.es']))).toEqual(['pedidos@tienda.es']);
    expect(learnFromSent(snap, [mark], new Set(['pedidos@tienda.es']))).toEqual([]);
  });

  it('keeps stored address lists clean and bounded', () => {
    expect(addressList([' Pedidos@Tienda.es ', 'nope', 3, 'pedidos@tienda.es'])).toEqual([
      'pedidos@tienda.es',
    ]);
    expect(withLearned(['a@x.es', 'b@x.es'], ['a@x.es'])).toEqual(['b@x.es', 'a@x.es']);
    expect(draftMark('Ok')).toBeNull();
  });
});
