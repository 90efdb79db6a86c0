import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Agenda } from '../../components/agenda/Agenda';
import { OverdueInvoices } from '../../components/ledger/OverdueInvoices';
import { PopupRoutines } from '../../components/routines/PopupRoutines';
import { useLazy } from '../../components/boot';
import { openPanel } from '../../services/platform';
import { siteForUrl } from '../../services/mail-sites/sites';
import { t } from '../../services/i18n';

// First paint: the header and the agenda from its cache. Quick add and what is due today need Dexie
// and the date parser, so they load right after (their own chunks) — quick add stays on top.
const loadQuickAdd = () => import('../../components/tasks/QuickAdd');
const loadDueToday = () => import('../../components/agenda/DueToday');

export function App() {
  const [mailTabId, setMailTabId] = useState<number | null>(null);
  const quickAdd = useLazy(loadQuickAdd);
  const dueToday = useLazy(loadDueToday);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined && siteForUrl(tab.url)) setMailTabId(tab.id);
    });
  }, []);
  // Opened from the toolbar or its shortcut (manifest `_execute_action`): ready to type a task.
  useEffect(() => {
    if (quickAdd) input.current?.focus();
  }, [quickAdd]);

  return (
    <main class="popup stack">
      <header class="row">
        <h1 class="grow">{t('popupTitle')}</h1>
        {mailTabId !== null && (
          // openPanel runs inside the click: sidePanel.open() needs the user gesture.
          <button
            type="button"
            class="small"
            onClick={() => void openPanel(mailTabId).then(() => window.close())}
          >
            {t('openPanel')}
          </button>
        )}
        <button
          type="button"
          class="small"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}
        >
          {t('openDashboard')}
        </button>
        <button type="button" class="small" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <section aria-label={t('quickAddHeading')} class="quick-add" data-testid="popup-quick-add">
        {quickAdd && <quickAdd.QuickAdd inputRef={input} />}
      </section>
      <Agenda />
      {dueToday && <dueToday.DueToday />}
      {/* Mounted with the second stage: its chunk starts loading on mount. */}
      {dueToday && <OverdueInvoices />}
      <PopupRoutines />
    </main>
  );
}
