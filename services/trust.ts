import { browser } from 'wxt/browser';
import { siteForUrl } from './mail-sites/sites';
import type { Sender } from './messaging';

// Who may talk to the background. Web pages and other extensions cannot reach runtime.onMessage
// without externally_connectable (which we do not declare), but the check stays explicit so a
// manifest change cannot open the door silently.

/** One of our own extension pages (side panel, popup, options, dashboard). */
export function isOurPage(sender: Sender): boolean {
  // Pages opened in a tab (options, dashboard) have a `tab` too; their URL is what tells them apart.
  return sender.id === browser.runtime.id && isOurUrl(sender.url);
}

/** Our content script in the top frame of a supported mail page. */
export function isOurContentScript(sender: Sender): boolean {
  return (
    sender.id === browser.runtime.id &&
    typeof sender.tab?.id === 'number' &&
    sender.frameId === 0 &&
    siteForUrl(sender.url) !== null
  );
}

function isOurUrl(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(browser.runtime.getURL('/'));
}
