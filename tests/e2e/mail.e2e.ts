// The content script on the sandbox Gmail and Outlook pages, with the side panel bound to the tab:
// reading, following the user, inserting replies, the self-check and paste fallback, hostile mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openMailAndPanel, type ExtensionSession } from './harness';
import { SEED_THREADS, gmailDemoPath, outlookDemoPath } from '../../sandbox/seed/threads';

const thread = (key: string) => SEED_THREADS.find((t) => t.key === key)!;
let s: ExtensionSession;

beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
});

const openMail = async (path: string) => {
  const { mail, panel } = await openMailAndPanel(s, path);
  return { mail, panel };
};

describe.each([
  ['Gmail', gmailDemoPath],
  ['Outlook', outlookDemoPath],
] as const)('%s', (_site, pathOf) => {
  it('shows the open thread in the side panel, with what the customer wants', async () => {
    const t = thread('late-delivery');
    const { mail, panel } = await openMail(pathOf(t));
    await panel.getByTestId('thread-subject').getByText(t.subject).waitFor();
    expect(await panel.getByTestId('thread-count').innerText()).toBe(
      t.messages.length === 1 ? '1 message' : `${t.messages.length} messages`,
    );
    expect(await panel.getByTestId('thread-customer').innerText()).toContain('Marta');
    // The latest message threatens to cancel and asks for the money back.
    expect(await panel.getByTestId('intent').innerText()).toMatch(/^Cancellation \/ refund/);
    expect(await panel.getByTestId('facts').innerText()).toMatch(/48213[\s\S]*156,40 €/);
    expect(await panel.getByTestId('language').innerText()).toBe('Español');
    // The Assist button sits in the site's toolbar.
    expect(await mail.locator('ops-assist-button').count()).toBe(1);
    await mail.close();
    await panel.close();
  });

  it('follows the user to another thread without a reload', async () => {
    const first = thread('late-delivery');
    const second = thread('meeting-en');
    const { mail, panel } = await openMail(pathOf(first));
    await panel.getByTestId('thread-subject').getByText(first.subject).waitFor();
    // The demo sites route in-page (hash / pushState), like the real ones.
    if (pathOf === gmailDemoPath)
      await mail.evaluate((id) => (location.hash = `#inbox/${id}`), second.gmailId);
    else await mail.locator(`[role=option][data-convid="${second.outlookId}"]`).click();
    await panel.getByTestId('thread-subject').getByText(second.subject).waitFor();
    expect(await panel.getByTestId('language').innerText()).toBe('English');
    await mail.close();
    await panel.close();
  });

  it('puts the chosen draft into the site’s own reply box, keeping what the user typed', async () => {
    const t = thread('order-status');
    const { mail, panel } = await openMail(pathOf(t));
    await panel.getByTestId('draft-text').waitFor();
    const draft = await panel.getByTestId('draft-text').inputValue();
    expect(draft.length).toBeGreaterThan(40);
    expect(draft).not.toContain('{{');
    await panel.getByRole('button', { name: 'Insert reply' }).click();
    await panel.getByText('The reply is in the mail editor').waitFor();
    const editor = mail.locator('[role=textbox][contenteditable=true]').first();
    expect(await editor.innerText()).toContain(draft.split('\n')[0]!);
    // A second insert goes below what is there, never over it.
    await editor.evaluate((el) => el.insertAdjacentText('afterbegin', 'Nota del usuario. '));
    await panel.getByRole('button', { name: 'Insert reply' }).click();
    await panel.getByText('Added below what you had already written').waitFor();
    const text = await editor.innerText();
    expect(text.startsWith('Nota del usuario.')).toBe(true);
    expect(text.split(draft.split('\n')[0]!).length - 1).toBe(2);
    // Nothing was sent: the demo's Send button adds the reply to the thread and says so; it was not pressed.
    expect(await mail.getByText(/Message sent|Mensaje enviado/).count()).toBe(0);
    expect(await panel.getByTestId('thread-count').innerText()).toBe(
      t.messages.length === 1 ? '1 message' : `${t.messages.length} messages`,
    );
    await mail.close();
    await panel.close();
  });
});

describe('self-check and paste fallback', () => {
  it('says plainly when the page is not understood and reads pasted text instead', async () => {
    const { mail, panel } = await openMail('/gmail/blank');
    await panel.getByRole('alert').getByText('not one the assistant understands').waitFor();
    await panel
      .getByRole('textbox', { name: 'Paste the thread text' })
      .fill(
        'From: Laura Pérez <laura@example.es>\nSubject: Factura duplicada\n\nHola, me habéis cobrado dos veces la factura F-2026-118 (89,00 €). ¿Me lo podéis devolver?',
      );
    await panel.getByRole('button', { name: 'Read pasted text' }).click();
    await panel.getByTestId('thread-subject').getByText('Factura duplicada').waitFor();
    expect(await panel.getByTestId('facts').innerText()).toContain('F-2026-118');
    await mail.close();
    await panel.close();
  });
});

describe('hostile mail', () => {
  it('is shown as inert text: nothing runs in the extension, nothing is fetched elsewhere', async () => {
    const t = thread('hostile');
    const mail = await s.context.newPage();
    await mail.goto(`${s.sandbox}${gmailDemoPath(t)}`);
    const tabId = await s.tabIdOf(mail);
    const panel = await s.context.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    const errors: string[] = [];
    panel.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    panel.on('request', (r) => requests.push(r.url()));
    panel.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
    });
    await panel.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel
      .getByTestId('thread-subject')
      .getByText('<script>alert(1)</script>', { exact: false })
      .waitFor();
    await panel.getByTestId('thread-count').click(); // expand the thread's messages
    await panel.getByText('<b>This angle-bracket text must stay literal</b>').waitFor();
    await panel.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(
      await panel.evaluate(() => (window as unknown as { __opsHostile?: unknown }).__opsHostile),
    ).toBeUndefined();
    expect(await panel.locator('script:not([src]), img, iframe, form, svg').count()).toBe(0);
    const foreign = requests.filter(
      (u) => !u.startsWith(`chrome-extension://${s.extensionId}/`) && !u.startsWith(s.sandbox),
    );
    expect(foreign).toEqual([]);
    await mail.close();
    await panel.close();
  });
});

describe('who may talk to the extension', () => {
  it('a web page (here the mail site itself) cannot message the background', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.sandbox}/gmail/blank`);
    // No `externally_connectable`: the page's world has no runtime to reach the extension with.
    const answer = await page.evaluate(async (id) => {
      const runtime = (
        globalThis as unknown as {
          chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } };
        }
      ).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime API';
      try {
        return await runtime.sendMessage(id, { type: 'thread:get', data: { tabId: 1 } });
      } catch (err) {
        return `refused: ${String(err)}`;
      }
    }, s.extensionId);
    expect(answer === 'no runtime API' || String(answer).startsWith('refused')).toBe(true);
    await page.close();
  });
});
