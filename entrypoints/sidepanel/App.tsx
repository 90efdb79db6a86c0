import { useState } from 'preact/hooks';
import { boundTabId, boundTabUrl, rereadTab, tabClosed, thread } from '../../components/sidepanel/bound-tab';
import { ThreadView } from '../../components/sidepanel/ThreadView';
import { PasteThread } from '../../components/sidepanel/PasteThread';
import { SaveSkeleton } from '../../components/sidepanel/SaveSkeleton';
import { useLazy } from '../../components/boot';
import { snapshotFromPastedText } from '../../services/mail-sites/pasted';
import { siteForUrl } from '../../services/mail-sites/sites';
import type { ReadProblem, ThreadSnapshot } from '../../services/mail-sites/types';
import { popOutPanel } from '../../services/platform';
import { t } from '../../services/i18n';

// First render: the frame and the thread as read. The assistant (analysis, drafts, actions) is its
// own chunk, loaded right after (components/sidepanel/Assist.tsx).
const loadAssist = () => import('../../components/sidepanel/Assist');

export function App() {
  const [pasted, setPasted] = useState<ThreadSnapshot | null>(null);
  const [pasting, setPasting] = useState(false);
  const assist = useLazy(loadAssist);
  const result = thread.value;
  const snapshot = result?.ok ? result.snapshot : pasted;
  const onPasted = (text: string) => {
    const url = boundTabUrl.value ?? '';
    setPasted(snapshotFromPastedText(text, siteForUrl(url) ?? 'gmail', url));
  };

  return (
    <main class="panel">
      <header class="row">
        <strong class="grow">{t('panelTitle')}</strong>
        {boundTabId.value !== null && (
          <>
            <button type="button" class="small" onClick={() => void rereadTab()}>
              {t('reread')}
            </button>
            <button type="button" class="small" onClick={() => void popOutPanel(boundTabId.value!)}>
              {t('popOut')}
            </button>
          </>
        )}
      </header>
      {tabClosed.value && <p class="notice">{t('tabGone')}</p>}
      {!snapshot && (!result || (!result.ok && result.problem.kind === 'no-thread')) && (
        // Nothing to read yet: say what to do, and offer the one thing possible from here.
        <div class="empty" data-testid="panel-empty">
          <p>{t(result ? 'noThread' : 'noMailTab')}</p>
          {pasting ? (
            <PasteThread onText={onPasted} />
          ) : (
            <button type="button" onClick={() => setPasting(true)}>
              {t('pasteThread')}
            </button>
          )}
        </div>
      )}
      {result && !result.ok && !pasted && result.problem.kind !== 'no-thread' && (
        <Problem problem={result.problem} onPasted={onPasted} />
      )}
      {snapshot && (
        <>
          {pasted && !result?.ok && <p class="muted">{t('pastedSource')}</p>}
          <ThreadView snapshot={snapshot} />
          {assist && <assist.Assist snapshot={snapshot} tabId={result?.ok ? boundTabId.value : null} />}
        </>
      )}
    </main>
  );
}

function Problem({ problem, onPasted }: { problem: ReadProblem; onPasted: (text: string) => void }) {
  if (problem.kind === 'loading') return <p class="muted">{t('threadLoading')}</p>;
  if (problem.kind === 'no-thread') return null;
  return (
    <>
      <p class="notice error" role="alert">
        {t('notUnderstood', problem.missing.join(', '))}
      </p>
      <PasteThread onText={onPasted} />
      <SaveSkeleton />
    </>
  );
}
