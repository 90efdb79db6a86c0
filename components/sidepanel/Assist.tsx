import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLive } from '../use-live';
import type { ThreadSnapshot } from '../../services/mail-sites/types';
import { analyseThread } from '../../services/assistant/analyse';
import { withChosenIntent } from '../../services/assistant/choose-intent';
import type { Intent } from '../../services/assistant/types';
import { allTemplates, ensureSeedTemplates } from '../../services/db/templates';
import { getProfile, type BusinessProfile } from '../../services/profile';
import { AnalysisCard } from './AnalysisCard';
import { IntentChooser } from './IntentChooser';
import { ThreadActions } from './ThreadActions';
import { ComplaintPanel } from './ComplaintPanel';
import { RecordInvoice } from './RecordInvoice';
import { AfterOurReply } from './AfterOurReply';
import { Drafts } from './Drafts';
import { Scheduler } from './Scheduler';
import type { DraftHandoff } from './Bookings';
import { recordPraise } from '../../services/routines/praise';

// Everything the side panel does with a thread once it is read: analysis, drafts, actions. Its own
// chunk (the reader, the date parser, calendars, Dexie), loaded after the panel's first render.
// Order for a 360 × 725 panel: what was understood in one line (details on request), the draft, then
// the actions side by side and whatever form an action opens.

export function Assist({ snapshot, tabId }: { snapshot: ThreadSnapshot; tabId: number | null }) {
  const [profile, setProfile] = useState<BusinessProfile | null>(null);
  const [handoff, setHandoff] = useState<DraftHandoff | null>(null);
  const [slotsText, setSlotsText] = useState<string | undefined>(undefined);
  const templates = useLive(allTemplates, []);
  const read = useMemo(
    () => (profile ? analyseThread(snapshot, Date.now(), { timeZone: profile.timeZone }) : null),
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
  // A thank-you is noted for the weekly report ("what customers thank us for").
  useEffect(() => void (analysis && recordPraise(snapshot, analysis).catch(() => undefined)), [analysis]);
  useEffect(() => {
    if (analysis) performance.mark('sidepanel:first-draft');
    setHandoff(null);
    setSlotsText(undefined);
  }, [analysis]);

  if (!analysis || !read) return null;
  return (
    <>
      <AnalysisCard analysis={analysis} />
      {profile && templates && (
        <AfterOurReply key={snapshot.threadId} snapshot={snapshot} handoff={handoff !== null}>
          <Drafts
            analysis={analysis}
            templates={templates}
            profile={profile}
            tabId={tabId}
            extra={handoff}
            slots={slotsText}
          />
        </AfterOurReply>
      )}
      {/* Under the draft it offers to redraft (the draft and its Insert button stay on the first screen
          of a narrow panel; the chooser follows right under them). */}
      <IntentChooser analysis={read} chosen={chosen} onChoose={setChosen} />
      {/* One row of equal buttons; a form an action opens spans the row (base.css .actions). */}
      <div class="actions" data-testid="thread-actions">
        <ThreadActions snapshot={snapshot} />
        <ComplaintPanel snapshot={snapshot} analysis={analysis} />
        <RecordInvoice snapshot={snapshot} timeZone={profile?.timeZone} />
        {profile && (
          <Scheduler
            key={snapshot.threadId}
            snapshot={snapshot}
            analysis={analysis}
            profile={profile}
            onDraft={setHandoff}
            onSlots={setSlotsText}
          />
        )}
      </div>
    </>
  );
}
