import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOutlookAdapter } from './outlook';
import type { ReadResult, ThreadSnapshot } from './types';

const ITEM = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAEm+q9hVnLtDtn7FmkX1hNw=';
const ENCODED = encodeURIComponent(ITEM);
const adapter = createOutlookAdapter({ zone: () => 'Europe/Madrid', now: () => 0, editorTimeoutMs: 100 });

function load(name: string): Document {
  const html = readFileSync(`tests/fixtures/outlook/${name}.html`, 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function snapshot(result: ReadResult): ThreadSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result.problem)}`);
  return result.snapshot;
}

describe('Outlook item id', () => {
  it.each([
    `https://outlook.office.com/mail/inbox/id/${ENCODED}`,
    `https://outlook.office365.com/mail/0/inbox/id/${ENCODED}`,
    `https://outlook.live.com/mail/0/deeplink/read/${ENCODED}`,
    `https://outlook.cloud.microsoft/mail/?ItemID=${ENCODED}`,
  ])('reads the item id from %s', (url) => {
    expect(snapshot(adapter.readThread(load('reading-pane-en'), url)).threadId).toBe(ITEM);
  });

  it('falls back to the selected conversation in the list', () => {
    expect(
      snapshot(adapter.readThread(load('reading-pane-en'), 'https://outlook.office.com/mail/')).threadId,
    ).toBe(ITEM);
  });

  it('says what is missing when no id can be found', () => {
    const doc = load('full-page-es');
    expect(adapter.readThread(doc, 'https://outlook.office.com/mail/')).toEqual({
      ok: false,
      problem: { kind: 'not-understood', missing: ['item id (URL /id/… or [data-convid])'] },
    });
  });
});

describe('Outlook page states', () => {
  const url = `https://outlook.office.com/mail/inbox/id/${ENCODED}`;

  it('reports loading while an expanded message has no body yet', () => {
    const doc = load('reading-pane-en');
    doc.querySelector('[id^="UniqueMessageBody"]')!.remove();
    expect(adapter.readThread(doc, url)).toEqual({ ok: false, problem: { kind: 'loading' } });
  });

  it('reports loading while the pane shows a spinner and no subject', () => {
    const doc = load('reading-pane-en');
    const pane = doc.querySelector('[data-app-section]')!;
    const spinner = doc.createElement('div');
    spinner.setAttribute('role', 'progressbar');
    pane.replaceChildren(spinner);
    expect(adapter.readThread(doc, url)).toEqual({ ok: false, problem: { kind: 'loading' } });
  });

  it('names the sender element when it is gone', () => {
    const doc = load('full-page-es');
    doc.querySelector('[aria-label^="De:"]')!.remove();
    expect(adapter.readThread(doc, url)).toEqual({
      ok: false,
      problem: { kind: 'not-understood', missing: ['sender (aria-label "From: …")'] },
    });
  });

  it('does not understand a page without Outlook markup', () => {
    const doc = new DOMParser().parseFromString('<div class="x1">Hello</div>', 'text/html');
    expect(adapter.readThread(doc, url)).toEqual({
      ok: false,
      problem: {
        kind: 'not-understood',
        missing: ['reading pane ([data-app-section=ConversationContainer])'],
      },
    });
  });

  it('never reads the compose box as a message body', () => {
    const doc = load('full-page-es');
    const body = doc.querySelector('[id^="UniqueMessageBody"]')!;
    const editor = doc.createElement('div');
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('contenteditable', 'true');
    editor.setAttribute('aria-label', 'Cuerpo del mensaje');
    editor.textContent = 'Borrador a medias';
    body.parentElement!.prepend(editor);
    expect(snapshot(adapter.readThread(doc, url)).messages[0]!.text).not.toContain('Borrador');
  });
});

describe('Outlook long conversations', () => {
  it('reads 120 messages shown newest first in chronological order', () => {
    const doc = document.implementation.createHTMLDocument('Mail - Outlook');
    doc.documentElement.lang = 'en-US';
    const pane = doc.createElement('div');
    pane.setAttribute('data-app-section', 'ConversationContainer');
    const heading = doc.createElement('div');
    heading.setAttribute('role', 'heading');
    heading.setAttribute('aria-level', '2');
    heading.textContent = 'Weekly deliveries';
    pane.append(heading);
    for (let i = 119; i >= 0; i--) {
      const msg = doc.createElement('div');
      msg.setAttribute('aria-label', 'Email message');
      const from = doc.createElement('span');
      from.setAttribute('aria-label', `From: Site ${i % 3} <site${i % 3}@obras.example>`);
      const date = doc.createElement('div');
      date.setAttribute('data-testid', 'SentReceivedSavedTime');
      const day = 1 + Math.floor(i / 10);
      date.textContent = `12/${day}/2026 ${8 + (i % 10)}:05`;
      const body = doc.createElement('div');
      body.id = `UniqueMessageBody_${i}`;
      body.textContent = `Delivery ${i + 1}`;
      msg.append(from, date, body);
      pane.append(msg);
    }
    doc.body.append(pane);
    const read = snapshot(adapter.readThread(doc, url()));
    expect(read.messages).toHaveLength(120);
    expect(read.messages.map((m) => m.text)).toEqual(
      Array.from({ length: 120 }, (_, i) => `Delivery ${i + 1}`),
    );
    expect(read.messages[0]!.date).toBe('2026-12-01T08:05:00+01:00');
    expect(new Set(read.messages.map((m) => m.id)).size).toBe(120);
  });

  function url() {
    return `https://outlook.office.com/mail/inbox/id/${ENCODED}`;
  }
});

describe('Outlook reply editor and toolbar', () => {
  function addEditorOnClick(doc: Document, button: Element, log: string[], label: string) {
    button.addEventListener('click', () => {
      log.push(label);
      const editor = doc.createElement('div');
      editor.setAttribute('role', 'textbox');
      editor.setAttribute('contenteditable', 'true');
      editor.setAttribute('aria-label', 'Message body, press Alt+F10 to exit');
      setTimeout(() => doc.querySelector('[data-app-section]')!.append(editor), 5);
    });
  }

  it('presses Reply of the newest message and resolves with the editor', async () => {
    const doc = load('reading-pane-en');
    const log: string[] = [];
    addEditorOnClick(doc, doc.querySelector('button[aria-label="Reply"]')!, log, 'reply');
    addEditorOnClick(doc, doc.querySelector('button[aria-label="Reply all"]')!, log, 'replyAll');
    const editor = await adapter.openReplyEditor(doc, 'replyAll');
    expect(log).toEqual(['replyAll']);
    expect(editor.getAttribute('aria-label')).toMatch(/^Message body/);
    expect(await adapter.openReplyEditor(doc, 'reply')).toBe(editor);
    expect(log).toEqual(['replyAll']);
  });

  it('finds the Spanish "Responder" button', async () => {
    const doc = load('full-page-es');
    const log: string[] = [];
    addEditorOnClick(doc, doc.querySelector('button[aria-label="Responder"]')!, log, 'responder');
    await adapter.openReplyEditor(doc, 'reply');
    expect(log).toEqual(['responder']);
  });

  it('rejects with a clear message when no editor appears', async () => {
    await expect(adapter.openReplyEditor(load('reading-pane-en'), 'reply')).rejects.toMatchObject({
      problem: 'editor-timeout',
    });
    await expect(adapter.openReplyEditor(load('no-thread-en'), 'reply')).rejects.toMatchObject({
      problem: 'no-reply-button',
    });
  });

  it('anchors the Assist button in the reading pane toolbar', () => {
    expect(adapter.assistButtonAnchor(load('full-page-es'))?.getAttribute('aria-label')).toBe(
      'Acciones de mensaje',
    );
    expect(adapter.assistButtonAnchor(load('no-thread-en'))).toBeNull();
  });
});
