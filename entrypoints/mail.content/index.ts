import { siteForUrl } from '../../services/mail-sites/sites';
import { adapterFor } from '../../services/mail-sites/adapters';
import { watchThread, type Watcher } from '../../services/mail-sites/watch';
import { EditorError, insertDraft } from '../../services/mail-sites/insert';
import {
  backgroundToContent,
  parseMessage,
  sendToBackground,
  type InsertOutcome,
} from '../../services/messaging';
import { mountAssistButton } from './assist-button';
import { whoWeAre } from './who-we-are';
import { saveSkeleton } from '../../services/mail-sites/skeleton-page';

// Runs in the mail page: reads the open thread, reports it, fills the reply box on request.
// Kept small: no UI framework, no analysis here (that happens in the extension's own pages).
export default defineContentScript({
  matches: [
    'https://mail.google.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  runAt: 'document_idle',
  // The Assist button's CSS is passed inline to its shadow root: no web-accessible resource needed.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const site = siteForUrl(location.href);
    if (!site) return;
    // Re-reads with the new set when the business's addresses change (profile edited, one learnt).
    const us = await whoWeAre(ctx.signal, () => watcher?.readNow());
    const adapter = adapterFor(site, { ours: us.ours });
    const assist = await mountAssistButton(ctx, adapter, () => {
      void sendToBackground({ type: 'panel:open', data: {} });
    });

    let watcher: Watcher | undefined = undefined;
    watcher = watchThread({
      adapter,
      doc: document,
      signal: ctx.signal,
      afterRead: () => assist.refresh(),
      onChange: (result) => {
        // For the e2e and the bench: when a change was read, in the page's own timeline.
        performance.mark('ops:thread-reported');
        void sendToBackground({ type: 'thread:report', data: { result } }).catch(() => {
          // The extension was reloaded: this script is orphaned and ctx.signal will abort.
        });
        void us.learn(result).catch(() => undefined);
      },
    });
    // WXT's own location watcher: catches URL changes in browsers without the Navigation API.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.navigated());

    const listener = (raw: unknown, sender: { id?: string }) => {
      // Only our own extension (background) talks to this script.
      if (sender.id !== browser.runtime.id) return undefined;
      const message = parseMessage(backgroundToContent, raw);
      if (!message) return undefined;
      if (message.type === 'tab:read') return Promise.resolve(watcher!.readNow());
      if (message.type === 'tab:skeleton') return Promise.resolve(saveSkeleton(document, location.href));
      return insertReply(message.data.text, message.data.mode);
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    // One insertion at a time: a second click while the reply box opens gets the first one's
    // outcome instead of putting the draft in twice.
    let inserting: Promise<InsertOutcome> | null = null;
    function insertReply(text: string, mode: 'reply' | 'replyAll'): Promise<InsertOutcome> {
      inserting ??= insertOnce(text, mode).finally(() => (inserting = null));
      return inserting;
    }

    async function insertOnce(text: string, mode: 'reply' | 'replyAll'): Promise<InsertOutcome> {
      try {
        const editor = await adapter.openReplyEditor(document, mode);
        us.inserted(text);
        return { ok: true, appended: insertDraft(editor, text).appended };
      } catch (err) {
        // A code the side panel words in the UI language; anything else as its message.
        return {
          ok: false,
          error: err instanceof EditorError ? err.problem : err instanceof Error ? err.message : String(err),
        };
      }
    }
  },
});
