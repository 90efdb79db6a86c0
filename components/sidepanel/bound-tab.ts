import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ReadResult } from '../../services/mail-sites/types';
import { backgroundToPages, parseMessage, sendToBackground } from '../../services/messaging';

// Which mail tab this side panel reads: the one in `?tabId=N` (per-tab panel, pop-out window,
// tests), else the active tab of this window, followed as the user switches tabs.
export const boundTabId = signal<number | null>(null);
export const thread = signal<ReadResult | null>(null);
export const tabClosed = signal(false);
/** The bound tab's URL (visible to us only on the mail sites we have host access to). */
export const boundTabUrl = signal<string | null>(null);

export async function bindToTab(search = location.search): Promise<void> {
  const fixed = Number(new URLSearchParams(search).get('tabId'));
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(backgroundToPages, raw);
    if (message?.type === 'thread:changed' && message.data.tabId === boundTabId.value) {
      pushes += 1;
      thread.value = message.data.result;
      if (!message.data.result) tabClosed.value = true;
    }
    return undefined;
  });
  if (Number.isInteger(fixed) && fixed > 0) {
    await follow(fixed);
    return;
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined) await follow(active.id);
  browser.tabs.onActivated.addListener(({ tabId }) => void follow(tabId));
}

/** Threads pushed by the background so far: a newer push wins over an older request's answer. */
let pushes = 0;

async function follow(tabId: number): Promise<void> {
  boundTabId.value = tabId;
  tabClosed.value = false;
  const before = pushes;
  boundTabUrl.value = (await browser.tabs.get(tabId).catch(() => null))?.url ?? null;
  const known = await sendToBackground({ type: 'thread:get', data: { tabId } });
  // The page may have reported its thread while this question was on its way (the background had
  // nothing yet and answers null): the pushed thread is newer, so the answer must not blank it.
  if (pushes === before && boundTabId.value === tabId) thread.value = known;
}

export async function rereadTab(): Promise<void> {
  const tabId = boundTabId.value;
  if (tabId === null) return;
  thread.value = await sendToBackground({ type: 'tab:read', data: { tabId } });
}
