import { browser } from 'wxt/browser';
import { useLive } from '../use-live';
import { listStaff } from '../../services/db/contacts';
import { todayTasks } from '../../services/tasks/views';
import { taskUrl } from '../../services/tasks/reminders';
import { t, tn } from '../../services/i18n';

// What each person has due today in the popup (tasks assigned to staff, by person), with the link
// to the morning brief. Loaded after the popup's first paint by PopupRoutines.

export function PeopleDueToday() {
  const staff = useLive(listStaff, []) ?? [];
  const today = useLive(() => todayTasks(Date.now()), []) ?? [];
  const names = new Map(staff.map((p) => [p.email, p.name]));
  const byPerson = new Map<string, typeof today>();
  for (const task of today)
    if (task.assignee) byPerson.set(task.assignee, [...(byPerson.get(task.assignee) ?? []), task]);
  const open = (hash: string) =>
    void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) });
  return (
    <section data-testid="popup-routines">
      <p class="row">
        <button type="button" onClick={() => open('#/brief')}>
          {t('briefOpen')}
        </button>
      </p>
      {byPerson.size > 0 && (
        <>
          <h2>{t('peopleDueToday')}</h2>
          <ul class="plain" data-testid="people-due-today">
            {[...byPerson].map(([email, tasks]) => (
              <li key={email}>
                <strong>{names.get(email) ?? email}</strong>{' '}
                <span class="muted">{tn('peopleTaskCount', tasks.length)}</span>
                <ul class="plain">
                  {tasks.map((task) => (
                    <li key={task.id}>
                      <a
                        href={taskUrl(task.id)}
                        onClick={(e) => {
                          e.preventDefault();
                          void browser.tabs.create({ url: taskUrl(task.id) });
                        }}
                      >
                        {task.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
