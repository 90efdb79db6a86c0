import { useEffect, useState } from 'preact/hooks';
import type { Priority, Task, TaskList } from '../../services/db/db';
import { moveTaskToList, updateTask, type TaskChanges } from '../../services/db/tasks';
import { listName } from '../../services/db/lists';
import { ALL_DAY_HOUR } from '../../services/tasks/quick-add';
import { snoozeTask, SNOOZE_CHOICES, type SnoozeChoice } from '../../services/tasks/reminders';
import { t, type MessageKey } from '../../services/i18n';
import { formatWhen, fromInputValue, openTaskLink, toInputValue } from './task-ui';
import { RecurrenceEditor } from './RecurrenceEditor';
import { useLive } from '../use-live';
import { listStaff } from '../../services/db/contacts';
import { getProfile } from '../../services/profile';
import { recurrenceProblemText } from '../../services/tasks/recurrence-words';
import { getSeries, makeRecurring, stopSeries, updateSeries } from '../../services/tasks/series';

/** Which occurrences of a repeating task an edit changes. */
type Scope = 'one' | 'all';
/** Fields an "all occurrences" edit can carry to the series. */
const SERIES_FIELDS = ['title', 'notes', 'priority', 'assignee', 'listId'] as const;

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
  const [scope, setScope] = useState<Scope>('one');
  const staff = useLive(listStaff, []) ?? [];
  const series = useLive(
    async () => (task.seriesId ? ((await getSeries(task.seriesId)) ?? null) : null),
    [task.seriesId],
  );
  const repeating = !!series?.active;
  useEffect(() => {
    setTitle(task.title);
    setNotes(task.notes);
    setError(null);
    setScope('one');
  }, [task.id]);

  async function save(changes: TaskChanges) {
    try {
      // "All occurrences": what the series holds goes to the series (and its open occurrence);
      // dates stay this occurrence's own (the rule says when the others are).
      const forSeries = SERIES_FIELDS.filter((f) => f in changes);
      if (repeating && scope === 'all' && forSeries.length) {
        await updateSeries(task.seriesId!, Object.fromEntries(forSeries.map((f) => [f, changes[f]])));
        const rest = { ...changes };
        for (const f of forSeries) delete rest[f];
        if (Object.keys(rest).length) await updateTask(task.id, rest);
      } else await updateTask(task.id, changes);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section class="card" aria-label={t('taskDetails')} data-testid="task-editor">
      {repeating && (
        <div class="row" role="radiogroup" aria-label={t('taskEditScope')} data-testid="task-edit-scope">
          <span>{t('taskEditScope')}</span>
          {(['one', 'all'] as const).map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name="task-edit-scope"
                checked={scope === choice}
                onChange={() => setScope(choice)}
              />{' '}
              {t(choice === 'one' ? 'taskEditScopeOne' : 'taskEditScopeAll')}
            </label>
          ))}
        </div>
      )}
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
            {t('taskAssignee')}{' '}
            <select
              value={task.assignee ?? ''}
              onChange={(e) => void save({ assignee: e.currentTarget.value || null })}
            >
              <option value="">{t('taskAssigneeNone')}</option>
              {staff.map((person) => (
                <option key={person.id} value={person.email}>
                  {person.name}
                </option>
              ))}
              {task.assignee && !staff.some((p) => p.email === task.assignee) && (
                <option value={task.assignee}>{task.assignee}</option>
              )}
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
      {task.status === 'open' && (
        <RecurrenceEditor
          rule={repeating ? series!.rule : null}
          problemText={recurrenceProblemText}
          onSave={async (rule) => {
            if (repeating) await updateSeries(task.seriesId!, { rule });
            else await makeRecurring(task.id, rule, (await getProfile()).timeZone);
          }}
          onStop={() => stopSeries(task.seriesId!)}
        />
      )}
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
