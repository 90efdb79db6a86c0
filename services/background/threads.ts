import { browser } from 'wxt/browser';
import type { ReadResult } from '../mail-sites/types';
import { broadcastToPages } from '../messaging';

// What each mail tab shows, as its content script last reported. Kept in storage.session too, so a
// service-worker restart does not make the side panel forget the open thread.
const KEY_PREFIX = 'thread:';
const latest = new Map<number, ReadResult>();

export async function rememberThread(tabId: number, result: ReadResult): Promise<void> {
  latest.set(tabId, result);
  await browser.storage.session.set({ [KEY_PREFIX + tabId]: result });
  await broadcastToPages({ type: 'thread:changed', data: { tabId, result } });
}

export async function threadOf(tabId: number): Promise<ReadResult | null> {
  const known = latest.get(tabId);
  if (known) return known;
  const stored = await browser.storage.session.get(KEY_PREFIX + tabId);
  const value = stored[KEY_PREFIX + tabId] as ReadResult | undefined;
  if (value) latest.set(tabId, value);
  return value ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  latest.delete(tabId);
  await browser.storage.session.remove(KEY_PREFIX + tabId);
  await broadcastToPages({ type: 'thread:changed', data: { tabId, result: null } });
}
