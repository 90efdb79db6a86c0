import { useEffect, useState } from 'preact/hooks';
import { TasksPage } from '../../components/tasks/TasksPage';
import { ComplaintsPage } from '../../components/complaints/ComplaintsPage';
import { InsightsPage } from '../../components/complaints/InsightsPage';
import { LedgerPage } from '../../components/ledger/LedgerPage';
import { LettersPage } from '../../components/ledger/LettersPage';
import { BriefPage } from '../../components/routines/BriefPage';
import { ChecklistsPage } from '../../components/routines/ChecklistsPage';
import { ReportPage } from '../../components/routines/ReportPage';
import { t, type MessageKey } from '../../services/i18n';

// The dashboard's sections, addressed by hash (#/tasks, #/complaints, #/insights) so links from the
// popup, notifications and tasks can open one directly (e.g. #/complaints/<id>).
const SECTIONS: { id: string; label: MessageKey; Page: (props: { path: string[] }) => preact.JSX.Element }[] =
  [
    { id: 'tasks', label: 'tasksHeading', Page: TasksPage },
    { id: 'complaints', label: 'complaintsHeading', Page: ComplaintsPage },
    { id: 'insights', label: 'insightsHeading', Page: InsightsPage },
    { id: 'ledger', label: 'ledgerHeading', Page: LedgerPage },
    { id: 'letters', label: 'lettersHeading', Page: LettersPage },
    { id: 'brief', label: 'routinesBrief', Page: BriefPage },
    { id: 'checklists', label: 'routinesChecklists', Page: ChecklistsPage },
    { id: 'report', label: 'routinesReport', Page: ReportPage },
  ];

function currentPath(): string[] {
  return location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

export function App() {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    // Both: a fragment navigation fires popstate and hashchange, and reading the hash twice is harmless.
    const onHash = () => setPath(currentPath());
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onHash);
    // A hash changed between the first render and this effect (a link opened while the page was
    // loading) fired before anyone listened: read it once now.
    onHash();
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onHash);
    };
  }, []);
  const section = SECTIONS.find((s) => s.id === path[0]) ?? SECTIONS[0]!;
  return (
    <main style={{ maxWidth: '1100px', margin: '0 auto', padding: '16px' }}>
      <h1>{t('dashboardTitle')}</h1>
      <nav class="row" aria-label={t('dashboardTitle')}>
        {SECTIONS.map((s) => (
          <a key={s.id} href={`#/${s.id}`} aria-current={s === section ? 'page' : undefined}>
            {t(s.label)}
          </a>
        ))}
      </nav>
      <section.Page path={path.slice(1)} />
    </main>
  );
}
