// @vitest-environment jsdom
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGmailAdapter } from '../services/mail-sites/gmail';
import { createOutlookAdapter } from '../services/mail-sites/outlook';
import type { MailSiteAdapter, ReadResult, ThreadSnapshot } from '../services/mail-sites/types';
import {
  MAILBOX,
  SEED_THREADS,
  gmailDemoPath,
  outlookDemoPath,
  senderOf,
  type SeedThread,
} from './seed/threads';
import { startSandbox, type RunningSandbox } from './server';

// The demo pages run their own script (they play the mail site) in a separate jsdom window; the
// real adapters then read them. This is the contract between the demo sites and the extension.

interface DomWindow {
  document: Document;
  close(): void;
}
type JsdomCtor = new (
  html: string,
  options: { url: string; runScripts: 'dangerously' },
) => { window: DomWindow };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomCtor };

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox(0);
});
afterAll(() => sandbox.close());

async function open(path: string): Promise<{ win: DomWindow; url: string }> {
  const url = `${sandbox.origin}${path}`;
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(await res.text());
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const { window } = new JSDOM(await res.text(), { url, runScripts: 'dangerously' });
  return { win: window, url };
}

function snapshot(result: ReadResult): ThreadSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result.problem)}`);
  return result.snapshot;
}

function expectedText(thread: SeedThread, index: number): string {
  const m = thread.messages[index]!;
  const table = m.table ? '\n\n' + m.table.map((row) => row.join(' | ')).join('\n') : '';
  return m.text + table;
}

function checkThread(read: ThreadSnapshot, thread: SeedThread) {
  expect(read.subject).toBe(thread.subject);
  expect(read.userEmail).toBe(MAILBOX.email);
  expect(read.messages).toHaveLength(thread.messages.length);
  read.messages.forEach((message, i) => {
    const seed = thread.messages[i]!;
    const sender = senderOf(thread, seed);
    expect(message.fromUser).toBe(seed.from === 'staff');
    if (message.from.email === '') return; // folded away behind "N older messages"
    expect(message.from.email).toBe(sender.email);
    if (message.date !== null) expect(Date.parse(message.date)).toBe(Date.parse(seed.date));
    if (seed.rawHtml) return;
    if (message.collapsed) {
      if (message.text !== '') expect(seed.text.replace(/\s+/g, ' ')).toContain(message.text);
    } else {
      expect(message.text).toBe(expectedText(thread, i));
      expect(message.signature).toBe(seed.signature ?? '');
      if (seed.quotePrevious) expect(message.quoted).toContain(thread.messages[i - 1]!.text.split('\n')[0]!);
    }
  });
}

const sites: [string, MailSiteAdapter, (t: SeedThread) => string, string][] = [
  ['gmail', createGmailAdapter(), gmailDemoPath, '?hl=es'],
  ['outlook', createOutlookAdapter(), outlookDemoPath, '?lang=es'],
];

describe.each(sites)('%s demo page', (site, adapter, pathOf, spanish) => {
  it.each(SEED_THREADS.map((t) => [t.key, t] as const))(
    'shows %s the way the adapter reads it',
    async (_key, thread) => {
      const { win, url } = await open(pathOf(thread));
      const read = snapshot(adapter.readThread(win.document, url));
      expect(read.threadId).toBe(site === 'gmail' ? thread.gmailId : thread.outlookId);
      checkThread(read, thread);
      win.close();
    },
  );

  it('reads the Spanish UI too', async () => {
    const thread = SEED_THREADS.find((t) => t.key === 'meeting-en')!;
    const path = pathOf(thread).replace(/(#|$)/, `${spanish}$1`);
    const { win, url } = await open(path);
    checkThread(snapshot(adapter.readThread(win.document, url)), thread);
    win.close();
  });

  it('opens the reply editor and keeps the draft as text', async () => {
    const thread = SEED_THREADS.find((t) => t.key === 'late-delivery')!;
    const { win } = await open(pathOf(thread));
    const editor = await adapter.openReplyEditor(win.document, 'reply');
    expect(editor.getAttribute('contenteditable')).toBe('true');
    win.close();
  });

  it('reads the hostile thread as inert text without the hidden instructions', async () => {
    const thread = SEED_THREADS.find((t) => t.key === 'hostile')!;
    const { win, url } = await open(pathOf(thread));
    const read = snapshot(adapter.readThread(win.document, url));
    expect(read.subject).toBe('Urgent: verify your account <script>alert(1)</script>');
    const text = read.messages[0]!.text;
    expect(text).toContain('Your account will be suspended unless you verify it today.');
    expect(text).toContain('<b>This angle-bracket text must stay literal</b>');
    expect(text).not.toMatch(/SYSTEM|Assistant:|__opsHostile|ops-hostile-cover/);
    win.close();
  });

  it('serves a page with unknown markup that the adapter reports as not understood', async () => {
    const path = site === 'gmail' ? '/gmail/blank' : '/outlook/mail/blank';
    const { win, url } = await open(path);
    const result = adapter.readThread(win.document, url);
    expect(result.ok ? 'ok' : result.problem.kind).toBe('not-understood');
    win.close();
  });
});

describe('demo page routing', () => {
  it('changes threads without a reload on both sites', async () => {
    const [first, second] = [SEED_THREADS[0]!, SEED_THREADS[1]!];
    const gmail = await open(gmailDemoPath(first));
    const gmailWin = gmail.win as unknown as Window & typeof globalThis;
    gmailWin.location.hash = `#inbox/${second.gmailId}`;
    gmailWin.dispatchEvent(new gmailWin.Event('hashchange'));
    const adapter = createGmailAdapter();
    expect(snapshot(adapter.readThread(gmail.win.document, gmailWin.location.href)).threadId).toBe(
      second.gmailId,
    );
    gmail.win.close();

    const outlook = await open('/outlook/mail/');
    const outlookAdapter = createOutlookAdapter();
    expect(outlookAdapter.readThread(outlook.win.document, outlook.url)).toEqual({
      ok: false,
      problem: { kind: 'no-thread' },
    });
    const option = outlook.win.document.querySelector<HTMLElement>(`[data-convid="${second.outlookId}"]`)!;
    option.click();
    // Outlook draws the conversation first, then changes the URL.
    expect((outlook.win as unknown as Window).location.href).toBe(outlook.url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const href = (outlook.win as unknown as Window).location.href;
    expect(href).toContain(`/outlook/mail/inbox/id/${encodeURIComponent(second.outlookId)}`);
    expect(snapshot(outlookAdapter.readThread(outlook.win.document, href)).threadId).toBe(second.outlookId);
    outlook.win.close();
  });

  it('embeds the seed so no mail text can close the data script', async () => {
    const html = await (await fetch(`${sandbox.origin}/gmail/`)).text();
    const data = /<script type="application\/json" id="seed-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(data).not.toMatch(/[<>]/);
    expect(JSON.parse(data).threads).toHaveLength(SEED_THREADS.length);
  });
});

/** Dispatches what a user's navigation would: Gmail routes on the hash. */
function goToGmailThread(win: DomWindow, id: string): void {
  const w = win as unknown as Window & typeof globalThis;
  w.location.hash = `#inbox/${id}`;
  w.dispatchEvent(new w.Event('hashchange'));
}

describe('demo pages behave like the real, busy ones', () => {
  const [first, second] = [SEED_THREADS[0]!, SEED_THREADS[1]!];

  it('Gmail keeps the previous thread and its open draft, hidden by a class, and never reads or writes them', async () => {
    const { win } = await open(gmailDemoPath(first));
    const doc = win.document;
    const adapter = createGmailAdapter();
    const draft = await adapter.openReplyEditor(doc, 'reply');
    draft.textContent = 'Draft for the first customer';
    goToGmailThread(win, second.gmailId);
    const w = win as unknown as Window;
    // Both threads are in the page; the first one is hidden by a class, not an inline style.
    expect(doc.querySelectorAll('h2.hP')).toHaveLength(2);
    const hidden = doc.querySelector(`h2.hP[data-legacy-thread-id="${first.gmailId}"]`)!.closest('.if')!;
    expect(hidden.getAttribute('style')).toBeNull();
    expect(w.getComputedStyle(hidden).display).toBe('none');
    const read = snapshot(adapter.readThread(doc, w.location.href));
    expect([read.threadId, read.subject]).toEqual([second.gmailId, second.subject]);
    const editor = await adapter.openReplyEditor(doc, 'reply');
    expect(editor).not.toBe(draft);
    expect(hidden.contains(editor)).toBe(false);
    expect(draft.textContent).toBe('Draft for the first customer');
    win.close();
  });

  it('Outlook keeps the previous conversation and its open draft hidden, and never writes to them', async () => {
    const { win } = await open(outlookDemoPath(first));
    const doc = win.document;
    const adapter = createOutlookAdapter();
    const draft = await adapter.openReplyEditor(doc, 'reply');
    doc.querySelector<HTMLElement>(`[data-convid="${second.outlookId}"]`)!.click();
    expect(doc.querySelectorAll('[data-app-section="ConversationContainer"]')).toHaveLength(2);
    const editor = await adapter.openReplyEditor(doc, 'reply');
    expect(editor).not.toBe(draft);
    expect(draft.isConnected).toBe(true);
    const read = snapshot(adapter.readThread(doc, `${sandbox.origin}${outlookDemoPath(second)}`));
    expect(read.subject).toBe(second.subject);
    win.close();
  });

  it('a reply sent from the alias comes back as the newest message, from the alias', async () => {
    const thread = SEED_THREADS.find((t) => t.key === 'order-status')!;
    const { win, url } = await open(gmailDemoPath(thread));
    const doc = win.document;
    const adapter = createGmailAdapter({ ours: () => new Set(['pedidos@demo-ferreteria.es']) });
    const editor = await adapter.openReplyEditor(doc, 'reply');
    editor.textContent = 'Your order left the warehouse today.';
    const from = doc.querySelector<HTMLSelectElement>('select.demo-from')!;
    from.value = 'pedidos@demo-ferreteria.es';
    doc.querySelector<HTMLElement>('.M9 [role=button]')!.click();
    const read = snapshot(adapter.readThread(doc, url));
    const last = read.messages.at(-1)!;
    expect([last.from.email, last.fromUser, last.text]).toEqual([
      'pedidos@demo-ferreteria.es',
      true,
      'Your order left the warehouse today.',
    ]);
    win.close();
  });

  it.each([
    ['gmail', 'fr'],
    ['gmail', 'de'],
    ['outlook', 'de'],
    ['outlook', 'fr'],
  ] as const)('%s in %s: the thread and its dates read', async (site, lang) => {
    const thread = SEED_THREADS.find((t) => t.key === 'late-delivery')!;
    const path =
      site === 'gmail'
        ? gmailDemoPath(thread).replace('#', `?hl=${lang}#`)
        : `${outlookDemoPath(thread)}?lang=${lang}`;
    const { win, url } = await open(path);
    const adapter = site === 'gmail' ? createGmailAdapter() : createOutlookAdapter();
    const read = snapshot(adapter.readThread(win.document, url));
    checkThread(read, thread);
    expect(read.messages.filter((m) => m.date === null)).toEqual([]);
    // The header Reply control is found by its name in that language too.
    const editor = await adapter.openReplyEditor(win.document, 'reply');
    expect(editor.getAttribute('contenteditable')).toBe('true');
    win.close();
  });

  it('serves churn only when asked, within bounds', async () => {
    const seed = async (q: string) => {
      const html = await (await fetch(`${sandbox.origin}/gmail/${q}`)).text();
      return JSON.parse(/id="seed-data">([\s\S]*?)<\/script>/.exec(html)![1]!).churnMs as number;
    };
    expect(await seed('')).toBe(0);
    expect(await seed('?churn=100')).toBe(100);
    expect(await seed('?churn=1')).toBe(0);
  });
});
