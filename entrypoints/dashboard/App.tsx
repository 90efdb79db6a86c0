import { useLive } from '../../components/use-live';
import { QuickAdd } from '../../components/tasks/QuickAdd';
import { TaskItem } from '../../components/tasks/TaskItem';
import { recentTasks } from '../../services/db/tasks';
import { t } from '../../services/i18n';

export function App() {
  const tasks = useLive(() => recentTasks(200), []);
  return (
    <main style={{ maxWidth: '960px', margin: '0 auto', padding: '16px' }}>
      <h1>{t('dashboardTitle')}</h1>
      <h2>{t('tasksHeading')}</h2>
      <QuickAdd />
      {tasks && tasks.length === 0 && <p class="muted">{t('noTasks')}</p>}
      <ul class="plain" data-testid="all-tasks">
        {tasks?.map((task) => <TaskItem key={task.id} task={task} now={Date.now()} />)}
      </ul>
    </main>
  );
}
