import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { openPanel } from '../platform';
import { siteForUrl } from '../mail-sites/sites';
import { forgetTab } from './threads';

// The ways into the side panel besides the page's Assist button: keyboard command and context
// menu (both carry a user gesture). The toolbar button keeps opening the agenda popup.
const MENU_ID = 'ops-open-panel';

export function registerSurfaces(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('contextMenuOpenPanel'),
        contexts: ['page', 'selection'],
        documentUrlPatterns: contentScriptMatches(),
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void openPanel(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel' && tab?.id !== undefined && siteForUrl(tab.url)) void openPanel(tab.id);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}

function contentScriptMatches(): string[] {
  return browser.runtime.getManifest().content_scripts?.flatMap((s) => s.matches ?? []) ?? [];
}
