import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerWelcome } from './welcome';

// The fake browser starts with one blank tab.
const openTabs = async () =>
  (await fakeBrowser.tabs.query({})).map((tab) => tab.url).filter((url) => url !== undefined);

describe('welcome page', () => {
  it('opens on install only', async () => {
    fakeBrowser.reset();
    registerWelcome();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    expect(await openTabs()).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await new Promise((r) => setTimeout(r, 0));
    expect(await openTabs()).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]);
  });
});
