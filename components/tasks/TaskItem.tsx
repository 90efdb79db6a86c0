import { useEffect, useRef } from 'preact/hooks';
import type { Task } from '../../services/db/db';
import { setTaskDone } from '../../services/db/tasks';
import { isOverdue } from '../../services/tasks/views';
import { t } from '../../services/i18n';
import { formatDue, formatWhen, openTaskLink } from './task-ui';
import { describeRule } from '../../services/tasks/recurrence-words';
import { getSeries, missedSoFar, skipOccurrence, MISSED_CAP } from '../../services/tasks/series';
import { useLive } from '../use-live';

// The title reads as text but opens the task (a real button, so keyboard and screen readers get it).
const PLAIN_BUTTON = {
  flex: 1,
  textAlign: 'left',
  background: 'none',
  border: 'none',
  padding: 0,
  color: 'inherit',
} as const;

interface Props {
  task: Task;
  now: number;
  selected?: boolean;
  /** Shown in views that mix lists (today, search…). */
  listLabel?: string;
  onSelect?: () => void;
  onOpen?: () => void;
  /** After the checkbox changed the task (e.g. to offer Undo). */
  onToggled?: (task: Task, done: boolean) => void;
  /** Staff names by e-mail, for the assignee chip. */
  staffNames?: ReadonlyMap<string, string>;
}

/** "3 missed": earlier occurrences of an overdue repeating task that went by undone. */
function MissedChip({ task, now }: { task: Task; now: number }) {
  const series = useLive(() => getSeries(task.seriesId!), [task.seriesId]);
  const missed = series ? missedSoFar(series, task, now) : 0;
  if (!missed) return null;
  return (
    <span class="chip severity-high" data-testid="task-missed">
      {t('taskMissed', missed > MISSED_CAP - 1 ? `${MISSED_CAP}+` : missed)}
    </span>
  );
}

export function TaskItem({
  task,
  now,
  selected = false,
  listLabel,
  onSelect,
  onOpen,
  onToggled,
  staffNames,
}: Props) {
  const row = useRef<HTMLLIElement>(null);
  // Keyboard selection (j/k) keeps the selected row on screen; jsdom has no scrolling.
  useEffect(() => {
    if (selected) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  const overdue = isOverdue(task, now);
  const done = task.status === 'done';
  return (
    <li
      ref={row}
      class="row"
      style={selected ? { outline: '2px solid var(--accent)', outlineOffset: '-2px' } : undefined}
      data-testid="task-item"
      data-task-id={task.id}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
    >
      <input
        type="checkbox"
        aria-label={t('done')}
        checked={done}
        onClick={(e) => e.stopPropagation()}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          void setTaskDone(task.id, checked).then(() => onToggled?.(task, checked));
        }}
      />
      {onOpen ? (
        <button
          type="button"
          style={{ ...PLAIN_BUTTON, textDecoration: done ? 'line-through' : undefined }}
          onClick={onOpen}
        >
          {task.title}
        </button>
      ) : (
        <span style={{ flex: 1, textDecoration: done ? 'line-through' : undefined }}>{task.title}</span>
      )}
      {task.priority !== 'normal' && (
        <span class={task.priority === 'high' ? 'chip severity-high' : 'chip'}>
          {task.priority === 'high' ? t('priorityHigh') : t('priorityLow')}
        </span>
      )}
      {listLabel && <span class="chip">{listLabel}</span>}
      {task.rule && (
        <span class="chip" data-testid="task-rule" title={t('taskRepeats')}>
          ↻ {describeRule(task.rule)}
        </span>
      )}
      {task.skipped && <span class="chip">{t('taskSkipped')}</span>}
      {done && !!task.missed && (
        <span class="chip" data-testid="task-missed">
          {t('taskMissed', task.missed)}
        </span>
      )}
      {!done && task.seriesId && overdue && <MissedChip task={task} now={now} />}
      {task.assignee && (
        <span class="chip" data-testid="task-assignee">
          {staffNames?.get(task.assignee) ?? task.assignee.split('@')[0]}
        </span>
      )}
      {!done && task.rule && (
        <button
          type="button"
          aria-label={t('taskSkipNamed', task.title)}
          onClick={(e) => {
            e.stopPropagation();
            void skipOccurrence(task.id);
          }}
        >
          {t('taskSkip')}
        </button>
      )}
      {task.remindAt !== null && !done && (
        <span class="muted" title={t('reminderAt', formatWhen(task.remindAt))}>
          {t('reminderShort', formatWhen(task.remindAt))}
        </span>
      )}
      {task.link && (
        <button
          type="button"
          onClick={(e) => {
            e.stopPropagation();
            openTaskLink(task.link!);
          }}
        >
          {task.link.kind === 'thread' ? t('openThread') : t('openComplaint')}
        </button>
      )}
      {task.dueAt !== null && (
        <span class={overdue ? 'notice error' : 'muted'}>
          {formatDue(task)}
          {overdue ? ` · ${t('overdue')}` : ''}
        </span>
      )}
    </li>
  );
}
