import { browser } from 'wxt/browser';
import type { ReadResult } from '../mail-sites/types';
import { PROFILE_ADDRESSES_KEY, addressList } from '../mail-sites/ours';
import { broadcastToPages } from '../messaging';
import { getProfile, type BusinessProfile } from '../profile';

// What each mail tab shows, as its content script last reported. Kept in storage.session too, so a
// service-worker restart does not make the side panel forget the open thread.
const KEY_PREFIX = 'thread:';
const latest = new Map<number, ReadResult>();

export async function rememberThread(tabId: number, result: ReadResult): Promise<void> {
  latest.set(tabId, result);
  await broadcastToPages({ type: 'thread:changed', data: { tabId, result } });
  await browser.storage.session.set({ [KEY_PREFIX + tabId]: result });
  // A mail page reporting is the moment its content script needs the business's addresses; a
  // profile saved before this version (or restored from a backup) is mirrored here, after the
  // side panel has its news.
  await mirrorProfileAddresses(await getProfile()).catch(() => undefined);
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

/**
 * Copies the profile's own addresses (manager, aliases) where the mail page's content script can
 * read them (storage.local; the profile is in the extension's IndexedDB). Written only on change,
 * as each write makes every open mail page read its thread again.
 */
export async function mirrorProfileAddresses(profile: BusinessProfile): Promise<void> {
  const addresses = addressList([profile.managerEmail, ...profile.aliases]);
  const stored = await browser.storage.local.get(PROFILE_ADDRESSES_KEY);
  const before = addressList(stored[PROFILE_ADDRESSES_KEY]);
  if (before.length === addresses.length && before.every((a, i) => a === addresses[i])) return;
  await browser.storage.local.set({ [PROFILE_ADDRESSES_KEY]: addresses });
}
