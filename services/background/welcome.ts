import { browser } from 'wxt/browser';

// The welcome page opens once, when the extension is installed — not on updates or browser updates
// (https://developer.chrome.com/docs/extensions/reference/api/runtime#event-onInstalled, reason "install").
export function registerWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}
