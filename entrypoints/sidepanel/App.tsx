import { useEffect, useMemo, useState } from 'preact/hooks';
import { boundTabId, boundTabUrl, rereadTab, tabClosed, thread } from '../../components/sidepanel/bound-tab';
import { ThreadView } from '../../components/sidepanel/ThreadView';
import { ThreadActions } from '../../components/sidepanel/ThreadActions';
import { PasteThread } from '../../components/sidepanel/PasteThread';
import { SaveSkeleton } from '../../components/sidepanel/SaveSkeleton';
import { AnalysisCard } from '../../components/sidepanel/AnalysisCard';
import { Drafts } from '../../components/sidepanel/Drafts';
import { AfterOurReply } from '../../components/sidepanel/AfterOurReply';
import { Scheduler } from '../../components/sidepanel/Scheduler';
import { ComplaintPanel } from '../../components/sidepanel/ComplaintPanel';
import { RecordInvoice } from '../../components/sidepanel/RecordInvoice';
import type { DraftHandoff } from '../../components/sidepanel/Bookings';
import { useLive } from '../../components/use-live';
import { snapshotFromPastedText } from '../../services/mail-sites/pasted';
import { siteForUrl } from '../../services/mail-sites/sites';
import type { ReadProblem, ThreadSnapshot } from '../../services/mail-sites/types';
import { analyseThread } from '../../services/assistant/analyse';
import { withChosenIntent } from '../../services/assistant/choose-intent';
import type { Intent } from '../../services/assistant/types';
import { IntentChooser } from '../../components/sidepanel/IntentChooser';
import { allTemplates, ensureSeedTemplates } from '../../services/db/templates';
import { getProfile, type BusinessProfile } from '../../services/profile';
import { popOutPanel } from '../../services/platform';
import { t } from '../../services/i18n';

export function App() {
  const [pasted, setPasted] = useState<ThreadSnapshot | null>(null);
  const [profile, setProfile] = useState<BusinessProfile | null>(null);
  const [handoff, setHandoff] = useState<DraftHandoff | null>(null);
  const [slotsText, setSlotsText] = useState<string | undefined>(undefined);
  const templates = useLive(allTemplates, []);
  const result = thread.value;
  const snapshot = result?.ok ? result.snapshot : pasted;
  const read = useMemo(
    () => (snapshot && profile ? analyseThread(snapshot, Date.now(), { timeZone: profile.timeZone }) : null),
    [snapshot, profile],
  );
  // When the reader is unsure, the user's one-click intent choice (IntentChooser) re-drafts.
  const [chosen, setChosen] = useState<Intent | null>(null);
  useEffect(() => setChosen(null), [read]);
  const analysis = useMemo(() => (read && chosen ? withChosenIntent(read, chosen) : read), [read, chosen]);

  useEffect(() => {
    void ensureSeedTemplates();
    void getProfile().then(setProfile);
  }, []);
  useEffect(() => {
    if (analysis) performance.mark('sidepanel:first-draft');
    setHandoff(null);
    setSlotsText(undefined);
  }, [analysis]);

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
          {analysis && <AnalysisCard analysis={analysis} />}
          {read && <IntentChooser analysis={read} chosen={chosen} onChoose={setChosen} />}
          <ThreadActions snapshot={snapshot} />
          {analysis && <ComplaintPanel snapshot={snapshot} analysis={analysis} />}
          <RecordInvoice snapshot={snapshot} timeZone={profile?.timeZone} />
          {analysis && profile && templates && (
            <AfterOurReply key={snapshot.threadId} snapshot={snapshot} handoff={handoff !== null}>
              <Drafts
                analysis={analysis}
                templates={templates}
                profile={profile}
                tabId={result?.ok ? boundTabId.value : null}
                extra={handoff}
                slots={slotsText}
              />
            </AfterOurReply>
          )}
          {analysis && profile && (
            <Scheduler
              key={snapshot.threadId}
              snapshot={snapshot}
              analysis={analysis}
              profile={profile}
              onDraft={setHandoff}
              onSlots={setSlotsText}
            />
          )}
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
      <SaveSkeleton />
    </>
  );
}
