import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { MailSiteAdapter } from '../../services/mail-sites/types';
import css from './assist.css?inline';

/**
 * The "Assist" button in the site's thread toolbar, in a shadow root so neither side's styles leak.
 * `refresh()` is called by the thread watcher; it mounts the button when the toolbar appears.
 */
export async function mountAssistButton(
  ctx: ContentScriptContext,
  adapter: MailSiteAdapter,
  onClick: () => void,
): Promise<{ refresh: () => void }> {
  const ui = await createShadowRootUi(ctx, {
    name: 'ops-assist-button',
    css,
    position: 'inline',
    anchor: () => adapter.assistButtonAnchor(document),
    append: 'last',
    onMount(container) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = browser.i18n.getMessage('assistButton');
      button.title = browser.i18n.getMessage('assistButtonTitle');
      button.setAttribute('aria-label', browser.i18n.getMessage('assistButtonTitle'));
      button.addEventListener('click', onClick);
      container.append(button);
      return button;
    },
  });
  const refresh = () => {
    const anchor = adapter.assistButtonAnchor(document);
    if (anchor && !anchor.contains(ui.shadowHost)) {
      ui.remove();
      ui.mount();
    } else if (!anchor && ui.shadowHost.isConnected) {
      ui.remove();
    }
  };
  refresh();
  return { refresh };
}
