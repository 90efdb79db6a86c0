// Putting a draft into the site's own reply editor, and getting that editor open. The draft is
// text: it becomes <div> lines built with createElement/textContent, so whatever it contains
// (including "<b>" or a script tag a mail smuggled into a model's output) stays literal text.

/** Blocks a reply editor may already hold below the user's text: the draft goes above them. */
const TAIL_MARKERS = [
  '.gmail_quote',
  '.gmail_signature',
  '[data-smartmail="gmail_signature"]',
  '[id$="divRplyFwdMsg"]',
  '[id$="appendonsend"]',
  '[id^="Signature"]',
  '[id^="x_Signature"]',
  'blockquote',
].join(', ');

export interface InsertResult {
  /** True when the editor already held text and the draft went below it. */
  appended: boolean;
}

/**
 * Adds `draft` to a contenteditable editor below what is already typed (never replacing it) and
 * above any quoted history/signature the site placed there, then fires the `input` event the
 * sites listen to so they save the draft and enable Send.
 */
export function insertDraft(editor: HTMLElement, draft: string): InsertResult {
  const doc = editor.ownerDocument;
  const tail = Array.from(editor.children).find((child) => child.matches(TAIL_MARKERS)) ?? null;
  const before = tail ? nodesBefore(editor, tail) : Array.from(editor.childNodes);
  const appended = before.some((node) => (node.textContent ?? '').trim() !== '');

  const fragment = doc.createDocumentFragment();
  if (appended) fragment.append(emptyLine(doc));
  const lines = draft.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  for (const line of lines) {
    if (line.trim() === '') {
      fragment.append(emptyLine(doc));
    } else {
      const div = doc.createElement('div');
      div.textContent = line;
      fragment.append(div);
    }
  }
  const last = fragment.lastChild;
  editor.insertBefore(fragment, tail);

  editor.focus();
  placeCaretAfter(doc, last);
  const InputEventCtor = doc.defaultView?.InputEvent ?? InputEvent;
  editor.dispatchEvent(new InputEventCtor('input', { bubbles: true, inputType: 'insertText', data: draft }));
  return { appended };
}

function nodesBefore(editor: HTMLElement, tail: Element): ChildNode[] {
  const nodes: ChildNode[] = [];
  for (const node of Array.from(editor.childNodes)) {
    if (node === tail) break;
    nodes.push(node);
  }
  return nodes;
}

function emptyLine(doc: Document): HTMLElement {
  const div = doc.createElement('div');
  div.append(doc.createElement('br'));
  return div;
}

function placeCaretAfter(doc: Document, node: ChildNode | null): void {
  const selection = doc.getSelection();
  if (!selection || !node) return;
  const range = doc.createRange();
  range.selectNodeContents(node);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Resolves with the first element `find` returns, now or after a later DOM change; rejects with
 * `timeoutMessage` when nothing appears within `timeoutMs`. One MutationObserver, no polling.
 */
export function waitForElement<T extends Element>(
  doc: Document,
  find: () => T | null,
  timeoutMs: number,
  timeoutMessage: string,
): Promise<T> {
  const now = find();
  if (now) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const win = doc.defaultView ?? globalThis;
    const observer = new MutationObserver(() => {
      const found = find();
      if (!found) return;
      observer.disconnect();
      win.clearTimeout(timer);
      resolve(found);
    });
    const timer = win.setTimeout(() => {
      observer.disconnect();
      reject(new Error(timeoutMessage));
    }, timeoutMs);
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true });
  });
}

/** Presses a site control the way a user does: Gmail reacts to mousedown/mouseup, others to click. */
export function pressControl(control: Element): void {
  const win = control.ownerDocument.defaultView;
  const MouseEventCtor = win?.MouseEvent ?? MouseEvent;
  for (const type of ['mousedown', 'mouseup', 'click']) {
    const init = { bubbles: true, cancelable: true, button: 0 };
    let event: MouseEvent;
    try {
      event = new MouseEventCtor(type, { ...init, view: win });
    } catch {
      // Test DOMs (jsdom inside a test runner) refuse a window from another realm as `view`.
      event = new MouseEventCtor(type, init);
    }
    control.dispatchEvent(event);
  }
}

/** Why the reply box could not be opened; the side panel words it in the UI language. */
export type EditorProblem = 'no-reply-button' | 'editor-timeout';

export class EditorError extends Error {
  constructor(
    readonly problem: EditorProblem,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The site's own reply editor for the open thread: the one already open, else the one its Reply
 * (or Reply all) control opens. Shared by both adapters; each passes its own finders.
 */
export async function openSiteEditor(
  doc: Document,
  site: {
    name: string;
    findEditor: () => HTMLElement | null;
    replyControl: () => Element | null;
    timeoutMs: number;
  },
): Promise<HTMLElement> {
  const open = site.findEditor();
  if (open) return open;
  const control = site.replyControl();
  if (!control) throw new EditorError('no-reply-button', `${site.name}: no reply control found`);
  pressControl(control);
  try {
    return await waitForElement(doc, site.findEditor, site.timeoutMs, `${site.name}: reply box did not open`);
  } catch (err) {
    throw new EditorError('editor-timeout', err instanceof Error ? err.message : String(err));
  }
}
