import { useLive } from '../use-live';
import { QuickAdd } from './QuickAdd';
import { TaskItem } from './TaskItem';
import { recentTasks } from '../../services/db/tasks';
import { t } from '../../services/i18n';

export function TasksPage() {
  const tasks = useLive(() => recentTasks(200), []);
  return (
    <section>
      <h2>{t('tasksHeading')}</h2>
      <QuickAdd />
      {tasks && tasks.length === 0 && <p class="muted">{t('noTasks')}</p>}
      <ul class="plain" data-testid="all-tasks">
        {tasks?.map((task) => (
          <TaskItem key={task.id} task={task} now={Date.now()} />
        ))}
      </ul>
    </section>
  );
}
