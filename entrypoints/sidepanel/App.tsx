import { useState } from 'preact/hooks';
import { boundTabId, boundTabUrl, rereadTab, tabClosed, thread } from '../../components/sidepanel/bound-tab';
import { ThreadView } from '../../components/sidepanel/ThreadView';
import { ThreadActions } from '../../components/sidepanel/ThreadActions';
import { PasteThread } from '../../components/sidepanel/PasteThread';
import { snapshotFromPastedText } from '../../services/mail-sites/pasted';
import { siteForUrl } from '../../services/mail-sites/sites';
import type { ReadProblem, ThreadSnapshot } from '../../services/mail-sites/types';
import { popOutPanel } from '../../services/platform';
import { t } from '../../services/i18n';

export function App() {
  const [pasted, setPasted] = useState<ThreadSnapshot | null>(null);
  const result = thread.value;
  const snapshot = result?.ok ? result.snapshot : pasted;

  return (
    <main class="panel">
      <header class="row">
        <strong>{t('panelTitle')}</strong>
        <span style={{ flex: 1 }} />
        {boundTabId.value !== null && (
          <>
            <button type="button" onClick={() => void rereadTab()}>
              {t('reread')}
            </button>
            <button type="button" onClick={() => void popOutPanel(boundTabId.value!)}>
              {t('popOut')}
            </button>
          </>
        )}
      </header>
      {tabClosed.value && <p class="notice">{t('tabGone')}</p>}
      {!result && !pasted && <p class="notice">{t('noMailTab')}</p>}
      {result && !result.ok && !pasted && (
        <Problem
          problem={result.problem}
          onPasted={(text) => {
            const url = boundTabUrl.value ?? '';
            setPasted(snapshotFromPastedText(text, siteForUrl(url) ?? 'gmail', url));
          }}
        />
      )}
      {snapshot && (
        <>
          {pasted && !result?.ok && <p class="muted">{t('pastedSource')}</p>}
          <ThreadView snapshot={snapshot} />
          <ThreadActions snapshot={snapshot} />
        </>
      )}
    </main>
  );
}

function Problem({ problem, onPasted }: { problem: ReadProblem; onPasted: (text: string) => void }) {
  if (problem.kind === 'no-thread') return <p class="notice">{t('noThread')}</p>;
  if (problem.kind === 'loading') return <p class="notice">{t('threadLoading')}</p>;
  return (
    <>
      <p class="notice error" role="alert">
        {t('notUnderstood', problem.missing.join(', '))}
      </p>
      <PasteThread onText={onPasted} />
    </>
  );
}
