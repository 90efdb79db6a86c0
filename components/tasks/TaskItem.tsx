import type { Task } from '../../services/db/db';
import { setTaskDone } from '../../services/db/tasks';
import { formatDateTime, t } from '../../services/i18n';

export function TaskItem({ task, now }: { task: Task; now: number }) {
  const overdue = task.status === 'open' && task.dueAt !== null && task.dueAt < now;
  return (
    <li class="row" data-testid="task-item">
      <input
        type="checkbox"
        aria-label={t('done')}
        checked={task.status === 'done'}
        onChange={(e) => void setTaskDone(task.id, e.currentTarget.checked)}
      />
      <span style={{ flex: 1, textDecoration: task.status === 'done' ? 'line-through' : undefined }}>
        {task.title}
      </span>
      {task.dueAt !== null && (
        <span class={overdue ? 'notice error' : 'muted'}>
          {formatDateTime(
            task.dueAt,
            task.dueAllDay ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
          )}
          {overdue ? ` · ${t('overdue')}` : ''}
        </span>
      )}
    </li>
  );
}
