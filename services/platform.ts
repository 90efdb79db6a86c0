import { browser, type Browser } from 'wxt/browser';

// Browser differences live here and nowhere else: Chrome/Edge have `sidePanel`, Firefox has
// `sidebarAction`. Both open only in response to a user gesture, so callers must call these
// synchronously from the gesture's handler (no `await` before them).

const chromeSidePanel = (browser as unknown as { sidePanel?: typeof Browser.sidePanel }).sidePanel;
const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

export const hasSidePanel = Boolean(chromeSidePanel);

/** The side panel page bound to one mail tab. */
export function panelPath(tabId: number): `/sidepanel.html?tabId=${number}` {
  return `/sidepanel.html?tabId=${tabId}`;
}

/** Opens the assistant beside `tabId`. Must run inside a user gesture. */
export function openPanel(tabId: number): Promise<void> {
  if (chromeSidePanel) {
    // setOptions first (not awaited) so the gesture is still valid when open() runs.
    void chromeSidePanel.setOptions({ tabId, path: panelPath(tabId).slice(1), enabled: true });
    return chromeSidePanel.open({ tabId });
  }
  if (firefoxSidebar) return firefoxSidebar.open();
  return Promise.reject(new Error('This browser has no side panel or sidebar'));
}

/** A separate window showing the panel for `tabId` (the "pop out"). */
export async function popOutPanel(tabId: number): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(panelPath(tabId)),
    type: 'popup',
    width: 420,
    height: 760,
  });
}
