import { browser } from 'wxt/browser';
import {
  contentToBackground,
  pageToBackground,
  parseMessage,
  sendToContent,
  type Sender,
} from '../messaging';
import { isOurContentScript, isOurPage } from '../trust';
import { siteForUrl } from '../mail-sites/sites';
import { openPanel } from '../platform';
import { rememberThread, threadOf } from './threads';
import { connect, disconnect, rememberAccount } from '../auth/flows';
import { accountAddress } from '../accounts';
import { SCOPES } from '../auth/clients';
import { missingScopes, scopeLabel } from '../auth/scopes';
import { refreshAgendaNow } from './agenda';
import { kickOutbox, resumeWaiting } from '../outbox/worker';
import { syncAfterPageEdit } from '../sync/after-edit';

/**
 * The background's single message entry. Anything not from our own pages or our content script on
 * a mail page, or not matching its schema, is dropped without an answer.
 */
export function registerRouter(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    if (isOurContentScript(sender)) return fromContent(raw, sender);
    if (isOurPage(sender)) return fromPage(raw);
    return undefined;
  });
}

function fromContent(raw: unknown, sender: Sender): Promise<unknown> | undefined {
  const message = parseMessage(contentToBackground, raw);
  const tabId = sender.tab?.id;
  if (!message || tabId === undefined) return undefined;
  switch (message.type) {
    case 'thread:report':
      return rememberThread(tabId, message.data.result);
    case 'panel:open':
      // Called synchronously: the click's user gesture is needed by sidePanel.open().
      return openPanel(tabId);
  }
}

function fromPage(raw: unknown): Promise<unknown> | undefined {
  const message = parseMessage(pageToBackground, raw);
  if (!message) return undefined;
  switch (message.type) {
    case 'thread:get':
      return threadOf(message.data.tabId);
    case 'tab:read':
      return withMailTab(message.data.tabId, (tabId) => sendToContent(tabId, { type: 'tab:read', data: {} }));
    case 'tab:skeleton':
      return withMailTab(message.data.tabId, (tabId) =>
        sendToContent(tabId, { type: 'tab:skeleton', data: {} }),
      );
    case 'tab:insert-reply': {
      const { tabId, text, mode } = message.data;
      return withMailTab(tabId, (id) =>
        sendToContent(id, { type: 'tab:insert-reply', data: { text, mode } }),
      );
    }
    case 'auth:connect':
      return connect(message.data.provider).then(
        async (token) => {
          await resumeWaiting('sign-in');
          // Which account it is, for Options; the connection stands without it.
          const account = await accountAddress(message.data.provider).catch(() => null);
          if (account) await rememberAccount(message.data.provider, account);
          // Google's granular consent may have left some boxes unticked: say which, right away.
          const missing = missingScopes(token.scope, SCOPES[message.data.provider]).map(scopeLabel);
          return { ok: true as const, missing };
        },
        (err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }),
      );
    case 'auth:disconnect':
      return disconnect(message.data.provider);
    case 'agenda:refresh':
      return refreshAgendaNow();
    case 'outbox:kick':
      kickOutbox();
      return Promise.resolve();
    case 'sync:edited':
      return syncAfterPageEdit(message.data.tables);
  }
}

/** Only tabs that still show a supported mail site receive anything from us. */
async function withMailTab<T>(tabId: number, send: (tabId: number) => Promise<T>): Promise<T> {
  const tab = await browser.tabs.get(tabId);
  if (!siteForUrl(tab.url)) throw new Error('That tab no longer shows a supported mail site');
  return send(tabId);
}
