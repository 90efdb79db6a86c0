import { useEffect, useState } from 'preact/hooks';
import type { Priority, Task, TaskList } from '../../services/db/db';
import { moveTaskToList, updateTask, type TaskChanges } from '../../services/db/tasks';
import { listName } from '../../services/db/lists';
import { ALL_DAY_HOUR } from '../../services/tasks/quick-add';
import { snoozeTask, SNOOZE_CHOICES, type SnoozeChoice } from '../../services/tasks/reminders';
import { t, type MessageKey } from '../../services/i18n';
import { formatWhen, fromInputValue, openTaskLink, toInputValue } from './task-ui';

const SNOOZE_LABEL: Record<SnoozeChoice, MessageKey> = {
  '10m': 'snooze10m',
  '1h': 'snooze1h',
  tomorrow: 'snoozeTomorrow',
};
const PRIORITY_LABEL: Record<Priority, MessageKey> = {
  low: 'priorityLow',
  normal: 'priorityNormal',
  high: 'priorityHigh',
};

interface Props {
  task: Task;
  lists: TaskList[];
  onClose: () => void;
  onDelete: () => void;
}

/** One task's fields. Each field saves when it changes; the title and notes when they lose focus. */
export function TaskEditor({ task, lists, onClose, onDelete }: Props) {
  const [title, setTitle] = useState(task.title);
  const [notes, setNotes] = useState(task.notes);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTitle(task.title);
    setNotes(task.notes);
    setError(null);
  }, [task.id]);

  async function save(changes: TaskChanges) {
    try {
      await updateTask(task.id, changes);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section class="card" aria-label={t('taskDetails')} data-testid="task-editor">
      <div class="form-grid">
        <label>
          {t('taskTitle')}
          <input
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
            onBlur={() => title !== task.title && void save({ title })}
          />
        </label>
        <label>
          {t('taskNotes')}
          <textarea
            rows={4}
            value={notes}
            onInput={(e) => setNotes(e.currentTarget.value)}
            onBlur={() => notes !== task.notes && void save({ notes })}
          />
        </label>
        <div class="row">
          <label>
            {t('taskDue')}{' '}
            <input
              type={task.dueAllDay ? 'date' : 'datetime-local'}
              value={toInputValue(task.dueAt, task.dueAllDay)}
              onChange={(e) =>
                void save({ dueAt: fromInputValue(e.currentTarget.value, task.dueAllDay, ALL_DAY_HOUR) })
              }
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={task.dueAllDay}
              onChange={(e) => {
                const allDay = e.currentTarget.checked;
                const value = toInputValue(task.dueAt, allDay);
                void save({ dueAllDay: allDay, dueAt: fromInputValue(value, allDay, ALL_DAY_HOUR) });
              }}
            />{' '}
            {t('taskAllDay')}
          </label>
        </div>
        <label>
          {t('taskReminder')}
          <input
            type="datetime-local"
            value={toInputValue(task.remindAt, false)}
            onChange={(e) =>
              void save({ remindAt: fromInputValue(e.currentTarget.value, false, ALL_DAY_HOUR) })
            }
          />
        </label>
        {task.remindAt !== null && task.status === 'open' && (
          <div class="row" role="group" aria-label={t('snooze')}>
            {SNOOZE_CHOICES.map((choice) => (
              <button key={choice} type="button" onClick={() => void snoozeTask(task.id, choice)}>
                {t(SNOOZE_LABEL[choice])}
              </button>
            ))}
          </div>
        )}
        <div class="row">
          <label>
            {t('taskPriority')}{' '}
            <select
              value={task.priority}
              onChange={(e) => void save({ priority: e.currentTarget.value as Priority })}
            >
              {(['low', 'normal', 'high'] as const).map((p) => (
                <option key={p} value={p}>
                  {t(PRIORITY_LABEL[p])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('taskList')}{' '}
            <select
              value={task.listId}
              onChange={(e) =>
                void moveTaskToList(task.id, e.currentTarget.value).catch((err: unknown) =>
                  setError(String(err)),
                )
              }
            >
              {lists.map((l) => (
                <option key={l.id} value={l.id}>
                  {listName(l)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {task.link && (
        <p class="row">
          <button type="button" onClick={() => openTaskLink(task.link!)}>
            {task.link.kind === 'thread' ? t('openThread') : t('openComplaint')}
          </button>
          {task.link.label && <span class="muted">{task.link.label}</span>}
        </p>
      )}
      <p class="muted">
        {t('taskCreatedAt', formatWhen(task.createdAt))}
        {task.completedAt !== null ? ` · ${t('taskCompletedAt', formatWhen(task.completedAt))}` : ''}
      </p>
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={onDelete}>
          {t('deleteTask')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}
