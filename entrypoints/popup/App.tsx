import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLive } from '../../components/use-live';
import { QuickAdd } from '../../components/tasks/QuickAdd';
import { Agenda } from '../../components/agenda/Agenda';
import { DueComplaints } from '../../components/complaints/DueComplaints';
import { TaskItem } from '../../components/tasks/TaskItem';
import { openTasksDueBefore, setTaskDone } from '../../services/db/tasks';
import { taskUrl } from '../../services/tasks/reminders';
import type { Task } from '../../services/db/db';
import { openPanel } from '../../services/platform';
import { siteForUrl } from '../../services/mail-sites/sites';
import { t } from '../../services/i18n';

function endOfToday(): number {
  const d = new Date();
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

export function App() {
  const due = useLive(() => openTasksDueBefore(endOfToday()), []);
  const [mailTabId, setMailTabId] = useState<number | null>(null);
  // Tasks completed here leave the list at once; they stay undoable until the popup closes.
  const [justDone, setJustDone] = useState<Task[]>([]);

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined && siteForUrl(tab.url)) setMailTabId(tab.id);
    });
  }, []);

  return (
    <main style={{ width: '380px', padding: '12px' }}>
      <header class="row">
        <h1 style={{ flex: 1 }}>{t('popupTitle')}</h1>
        {mailTabId !== null && (
          // openPanel runs inside the click: sidePanel.open() needs the user gesture.
          <button type="button" onClick={() => void openPanel(mailTabId).then(() => window.close())}>
            {t('openPanel')}
          </button>
        )}
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}
        >
          {t('openDashboard')}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <Agenda />
      <DueComplaints />
      <h2>{t('tasksDue')}</h2>
      {due && due.length === 0 && <p class="muted">{t('noTasksDue')}</p>}
      <ul class="plain" data-testid="tasks-due">
        {due?.map((task) => (
          <TaskItem
            key={task.id}
            task={task}
            now={Date.now()}
            onOpen={() => void browser.tabs.create({ url: taskUrl(task.id) })}
            onToggled={(done, isDone) =>
              isDone && setJustDone([done, ...justDone.filter((d) => d.id !== done.id)])
            }
          />
        ))}
      </ul>
      {justDone.map((task) => (
        <p key={task.id} class="notice row" role="status" data-testid="undo-done">
          <span style={{ flex: 1 }}>{t('taskCompleted', task.title)}</span>
          <button
            type="button"
            onClick={() =>
              void setTaskDone(task.id, false).then(() =>
                setJustDone(justDone.filter((d) => d.id !== task.id)),
              )
            }
          >
            {t('undo')}
          </button>
        </p>
      ))}
      <QuickAdd />
    </main>
  );
}
