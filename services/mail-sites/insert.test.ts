import { describe, expect, it } from 'vitest';
import { insertDraft, waitForElement } from './insert';

function editorWith(markup: string): HTMLElement {
  const doc = new DOMParser().parseFromString(
    `<div role="textbox" contenteditable="true" id="ed">${markup}</div>`,
    'text/html',
  );
  return doc.getElementById('ed')!;
}

function lines(editor: HTMLElement): string[] {
  return Array.from(editor.childNodes).map((n) =>
    n.nodeName === 'DIV' && n.firstChild?.nodeName === 'BR' ? '' : (n.textContent ?? ''),
  );
}

describe('insertDraft', () => {
  it('fills an empty editor with one line per draft line, blank lines kept', () => {
    const editor = editorWith('<div><br></div>');
    const result = insertDraft(editor, 'Hola Marta,\n\nTu pedido sale hoy.\nUn saludo');
    expect(result).toEqual({ appended: false });
    expect(lines(editor)).toEqual(['', 'Hola Marta,', '', 'Tu pedido sale hoy.', 'Un saludo']);
  });

  it('keeps what the user typed and appends the draft below it', () => {
    const editor = editorWith('<div>Lo que ya escribí</div>');
    const typed = editor.firstElementChild;
    const result = insertDraft(editor, 'Borrador');
    expect(result).toEqual({ appended: true });
    expect(editor.firstElementChild).toBe(typed);
    expect(lines(editor)).toEqual(['Lo que ya escribí', '', 'Borrador']);
  });

  it('writes markup in a draft as literal text', () => {
    const editor = editorWith('');
    insertDraft(editor, 'Total <b>99 €</b> <img src=x onerror=alert(1)>');
    expect(editor.querySelector('b, img')).toBeNull();
    expect(editor.textContent).toBe('Total <b>99 €</b> <img src=x onerror=alert(1)>');
  });

  it('goes above the quoted history and signature the site put in the editor', () => {
    const editor = editorWith(
      '<div>Hi</div><div class="gmail_signature">Lucía</div><div class="gmail_quote">On Mon … wrote:</div>',
    );
    insertDraft(editor, 'Draft');
    expect(lines(editor)).toEqual(['Hi', '', 'Draft', 'Lucía', 'On Mon … wrote:']);
  });

  it('fires a bubbling input event so the site saves the draft', () => {
    const editor = editorWith('');
    const seen: string[] = [];
    editor.ownerDocument.body.addEventListener('input', (e) => seen.push((e as InputEvent).inputType));
    insertDraft(editor, 'Hello');
    expect(seen).toEqual(['insertText']);
  });
});

describe('waitForElement', () => {
  it('resolves when the element appears and rejects on timeout', async () => {
    const doc = document.implementation.createHTMLDocument('t');
    const found = waitForElement(doc, () => doc.querySelector('p'), 1000, 'never');
    setTimeout(() => doc.body.append(doc.createElement('p')), 5);
    expect((await found).tagName).toBe('P');
    await expect(waitForElement(doc, () => doc.querySelector('span'), 20, 'no span')).rejects.toThrow(
      'no span',
    );
  });
});
