import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { message, thread as makeThread } from '../../services/assistant/testing-fixtures';

// The panel asks the background for the tab's thread as it opens; the mail page may report its
// thread while that question is on its way. The background had nothing yet and answers null: that
// older answer must not blank the newer pushed thread (the panel then said "open a customer thread"
// beside an open thread until the user pressed Read again).
let answer: (value: null) => void = () => {};
vi.mock('../../services/messaging', async (original) => ({
  ...(await original<typeof import('../../services/messaging')>()),
  sendToBackground: () => new Promise((resolve) => (answer = resolve)),
}));

const { bindToTab, thread } = await import('./bound-tab');

describe('the side panel bound to a mail tab', () => {
  it('keeps a thread pushed while its first question was still unanswered', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox/1' });
    const bound = bindToTab(`?tabId=${tab.id}`);
    await vi.waitFor(() => expect(typeof answer).toBe('function'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const pushed = { ok: true as const, snapshot: makeThread([message({ id: 'm1', text: 'Hola' })]) };
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'thread:changed', data: { tabId: tab.id, result: pushed } },
      { id: fakeBrowser.runtime.id },
      () => undefined,
    );
    expect(thread.value).toEqual(pushed);
    answer(null);
    await bound;
    expect(thread.value).toEqual(pushed);
  });
});
