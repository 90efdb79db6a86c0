import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { sandboxMatches } from './sandbox/origin';
import { storeSafe } from './scripts/store-safe-plugin';

// Hosts of the two mail sites (DESIGN.md "Sites"). The content script's `matches` repeat them.
const MAIL_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];
const CALENDAR_API_HOSTS = ['https://www.googleapis.com/*', 'https://graph.microsoft.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), storeSafe()] }),
  manifest: ({ browser, mode }) => {
    const sandbox = mode === 'sandbox';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: [
        'storage',
        'unlimitedStorage',
        'contextMenus',
        'identity',
        'alarms',
        'notifications',
        ...(browser === 'firefox' ? [] : ['sidePanel']),
      ],
      // Ports are not part of match patterns: Firefox refuses a pattern with one (and then hides
      // the demo tab's address from the extension); Chrome matches any port without one.
      host_permissions: sandbox ? ['http://127.0.0.1/*'] : [...MAIL_HOSTS, ...CALENDAR_API_HOSTS],
      // The AI endpoint is a host the user picks; asked for only when they turn it on.
      optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
      commands: {
        // Opens the agenda popup with the quick-add field focused (entrypoints/popup/App.tsx).
        // Chrome MV3 names the action's command _execute_action; Firefox MV2 _execute_browser_action.
        [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
          suggested_key: { default: 'Alt+Shift+A' },
          description: '__MSG_commandOpenPopup__',
        },
        'open-side-panel': {
          suggested_key: { default: 'Alt+Shift+O' },
          description: '__MSG_commandOpenPanel__',
        },
      },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'ops-assistant@example.org',
                // 140 (140 ESR): the first to read data_collection_permissions below.
                strict_min_version: '140.0',
                // Firefox's built-in data consent (required of new add-ons on addons.mozilla.org):
                // https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
                // Nothing goes to a server of ours (there is none); calendar calls go to the
                // user's own Google / Microsoft account at the user's request. Mail text leaves
                // the browser only if the user turns on an AI endpoint of their choosing.
                data_collection_permissions: { required: ['none'], optional: ['personalCommunications'] },
              },
              // Firefox for Android reads the key from 142.
              gecko_android: { strict_min_version: '142.0' },
            },
            // Manifest V2 spells optional hosts as optional permissions.
            optional_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
          }
        : {}),
    };
  },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      // WXT takes the toolbar tooltip from the popup's <title>; ours is localised.
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
      // The sandbox build reads the demo mail pages on loopback instead of the real sites.
      if (wxt.config.mode !== 'sandbox') return;
      for (const script of manifest.content_scripts ?? []) script.matches = sandboxMatches();
    },
  },
});

export { MAIL_HOSTS };
