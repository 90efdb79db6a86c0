import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLive } from '../use-live';
import { DueComplaints } from '../complaints/DueComplaints';
import { openTasksDueBefore, setTaskDone } from '../../services/db/tasks';
import { isOverdue } from '../../services/tasks/views';
import { taskUrl } from '../../services/tasks/reminders';
import type { Task } from '../../services/db/db';
import { formatDateTime, t } from '../../services/i18n';
import { openTaskLink } from '../tasks/task-ui';

// The popup's "due today": a row per task that a 380 px popup can read — the title on its own line
// (wrapping, never squeezed beside chips), what it is due and where it leads on the line below.

function endOfToday(): number {
  const d = new Date();
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

export function DueToday() {
  const due = useLive(() => openTasksDueBefore(endOfToday()), []);
  // Tasks completed here leave the list at once; they stay undoable until the popup closes.
  const [justDone, setJustDone] = useState<Task[]>([]);
  const now = Date.now();
  return (
    <>
      <DueComplaints />
      <section aria-labelledby="tasks-due-heading" class="stack">
        <h2 id="tasks-due-heading">{t('tasksDue')}</h2>
        {due && due.length === 0 && justDone.length === 0 && <p class="muted">{t('noTasksDue')}</p>}
        <ul class="plain tasks" data-testid="tasks-due">
          {due?.map((task) => (
            <GlanceTask
              key={task.id}
              task={task}
              now={now}
              onDone={() => setJustDone([task, ...justDone.filter((d) => d.id !== task.id)])}
            />
          ))}
        </ul>
        {justDone.map((task) => (
          <p key={task.id} class="success row" role="status" data-testid="undo-done">
            <span class="grow">{t('taskCompleted', task.title)}</span>
            <button
              type="button"
              class="small"
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
      </section>
    </>
  );
}

function GlanceTask({ task, now, onDone }: { task: Task; now: number; onDone: () => void }) {
  const overdue = isOverdue(task, now);
  return (
    <li class="task" data-testid="task-item" data-task-id={task.id}>
      <input
        type="checkbox"
        aria-label={t('done')}
        checked={false}
        onChange={() => void setTaskDone(task.id, true).then(onDone)}
      />
      <div class="what">
        <button
          type="button"
          class="link title"
          onClick={() => void browser.tabs.create({ url: taskUrl(task.id) })}
        >
          {task.title}
        </button>
        <div class="meta">
          {task.dueAt !== null && (
            <span class={overdue ? 'bad' : undefined}>
              {task.dueAllDay ? t('today') : formatDateTime(task.dueAt, { timeStyle: 'short' })}
              {overdue ? ` · ${t('overdue')}` : ''}
            </span>
          )}
          {task.priority === 'high' && <span class="chip bad">{t('priorityHigh')}</span>}
          {task.link && (
            <button type="button" class="link" onClick={() => openTaskLink(task.link!)}>
              {task.link.kind === 'thread' ? t('openThread') : t('openComplaint')}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
