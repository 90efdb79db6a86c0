import { useEffect, useRef, useState } from 'preact/hooks';
import { useLive } from '../use-live';
import { QuickAdd } from './QuickAdd';
import { TaskItem } from './TaskItem';
import { TaskEditor } from './TaskEditor';
import { ListsNav } from './ListsNav';
import { TaskTransfer } from './TaskTransfer';
import type { Task } from '../../services/db/db';
import {
  countTasksInList,
  deleteTask,
  getTask,
  moveTaskInList,
  moveTaskToList,
  restoreTask,
  setTaskDone,
} from '../../services/db/tasks';
import { ensureDefaultLists, listName, orderedLists } from '../../services/db/lists';
import { tasksForView, type TaskView } from '../../services/tasks/views';
import { t, type MessageKey } from '../../services/i18n';
import { listStaff } from '../../services/db/contacts';
import { afterDoneChanged } from '../../services/tasks/series';

type Undoable = { kind: 'deleted'; task: Task } | { kind: 'toggled'; task: Task; done: boolean };
const undoText = (u: Undoable) =>
  t(u.kind === 'deleted' ? 'taskDeleted' : u.done ? 'taskCompleted' : 'taskReopened', u.task.title);

const VIEW_TITLE: Record<Exclude<TaskView['kind'], 'list'>, MessageKey> = {
  today: 'viewToday',
  upcoming: 'viewUpcoming',
  overdue: 'viewOverdue',
  completed: 'viewCompleted',
  search: 'searchResults',
};

/** Keys typed into a field belong to the field; Enter and space on a button press the button. */
function ownedByTarget(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el?.tagName) return false;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable) return true;
  return /^(BUTTON|A)$/.test(el.tagName) && (e.key === 'Enter' || e.key === ' ');
}

const viewKey = (view: TaskView) =>
  view.kind === 'list' ? `list:${view.listId}` : view.kind === 'search' ? `search:${view.query}` : view.kind;

/**
 * The dashboard's Tasks section. `path` is the rest of the hash: `#/tasks/<taskId>` opens one task
 * (links from notifications and other surfaces land here).
 */
export function TasksPage({ path = [] }: { path?: string[] }) {
  const openId = path[0] ?? null;
  const [baseView, setBaseView] = useState<TaskView>({ kind: 'today' });
  const [query, setQuery] = useState('');
  // '' = everyone; otherwise the e-mail of a staff member (tasks assigned to them).
  const [person, setPerson] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(openId);
  const [moving, setMoving] = useState(false);
  // The last change that can be taken back: a deletion (the task as it was) or a completion toggle.
  const [undo, setUndo] = useState<Undoable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const quickAdd = useRef<HTMLInputElement>(null);
  const lastIndex = useRef(0);

  const view: TaskView = query.trim() ? { kind: 'search', query } : baseView;
  // Live queries only read: the defaults are created once, outside them.
  useEffect(() => void ensureDefaultLists(), []);
  const lists = useLive(() => orderedLists(), []);
  const viewTasks = useLive(() => tasksForView(view, Date.now()), [viewKey(view), tick]) ?? [];
  const tasks = person ? viewTasks.filter((task) => task.assignee === person) : viewTasks;
  const staff = useLive(listStaff, []) ?? [];
  const staffNames = new Map(staff.map((p) => [p.email, p.name]));
  // null: looked up and not found (deleted, or a stale link).
  const opened = useLive(async () => (openId ? ((await getTask(openId)) ?? null) : undefined), [openId]);
  const listTaskCount = useLive(
    () => (baseView.kind === 'list' ? countTasksInList(baseView.listId) : Promise.resolve(0)),
    [viewKey(baseView)],
  );

  // Today / overdue depend on the clock.
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (openId) setSelectedId(openId);
  }, [openId]);

  const found = tasks.findIndex((task) => task.id === selectedId);
  const index = found >= 0 ? found : Math.min(lastIndex.current, tasks.length - 1);
  lastIndex.current = Math.max(index, 0);
  const selected = index >= 0 ? tasks[index] : undefined;
  const namesById = new Map((lists ?? []).map((l) => [l.id, listName(l)]));

  async function act(action: () => Promise<unknown>) {
    try {
      await action();
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  const open = (id: string) => (location.hash = `#/tasks/${encodeURIComponent(id)}`);
  const close = () => (location.hash = '#/tasks');
  const remove = (task: Task) =>
    act(async () => {
      setUndo({ kind: 'deleted', task: await deleteTask(task.id) });
      if (openId === task.id) close();
    });
  const toggleDone = (task: Task) =>
    act(async () => {
      const done = task.status !== 'done';
      await setTaskDone(task.id, done);
      setUndo({ kind: 'toggled', task, done });
    });
  const undoLast = () =>
    act(async () => {
      if (!undo) return;
      // The task as it was before the change, completion time included.
      await restoreTask(undo.task);
      // A repeating task's next occurrence goes with the undone completion (or comes back).
      if (undo.kind === 'toggled' && undo.task.seriesId)
        await afterDoneChanged(undo.task.id, undo.task.status === 'done');
      setUndo(null);
      setSelectedId(undo.task.id);
    });

  // The handler reads the latest render's values through a ref, so it is bound once.
  const current = useRef({ tasks, selected, index, view, undo, remove, undoLast, toggleDone });
  current.current = { tasks, selected, index, view, undo, remove, undoLast, toggleDone };
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (ownedByTarget(e) || e.defaultPrevented) return;
      const { tasks, selected, index, view, undo, remove, undoLast, toggleDone } = current.current;
      const select = (i: number) => {
        const task = tasks[Math.max(0, Math.min(tasks.length - 1, i))];
        if (task) setSelectedId(task.id);
      };
      const key = e.key;
      let handled = true;
      if ((e.ctrlKey || e.metaKey) && key === 'z' && undo) void undoLast();
      else if (e.ctrlKey || e.metaKey) handled = false;
      else if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
        if (selected && view.kind === 'list')
          void act(() => moveTaskInList(selected.id, key === 'ArrowUp' ? -1 : 1));
      } else if (key === 'n' || key === '/') quickAdd.current?.focus();
      else if (key === 'j' || key === 'ArrowDown') select(index + 1);
      else if (key === 'k' || key === 'ArrowUp') select(index - 1);
      else if ((key === 'x' || key === ' ') && selected) void toggleDone(selected);
      else if (key === 'm' && selected) setMoving(true);
      else if (key === 'Delete' && selected) void remove(selected);
      else if (key === 'u' && undo) void undoLast();
      else if ((key === 'Enter' || key === 'o') && selected) open(selected.id);
      else if (key === 'Escape') {
        setMoving(false);
        close();
      } else handled = false;
      if (handled) e.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const heading = view.kind === 'list' ? (namesById.get(view.listId) ?? '') : t(VIEW_TITLE[view.kind]);
  const currentList = baseView.kind === 'list' ? baseView.listId : undefined;

  return (
    <section>
      <h2>{t('tasksHeading')}</h2>
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <ListsNav
          lists={lists ?? []}
          view={view}
          taskCount={listTaskCount ?? 0}
          onView={(next) => {
            setQuery('');
            setBaseView(next);
          }}
        />
        <div style={{ flex: 1, minWidth: '320px' }}>
          <div class="row">
            <input
              type="search"
              aria-label={t('searchTasks')}
              placeholder={t('searchTasks')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            {staff.length > 0 && (
              <select
                aria-label={t('taskFilterPerson')}
                data-testid="tasks-person-filter"
                value={person}
                onChange={(e) => setPerson(e.currentTarget.value)}
              >
                <option value="">{t('taskFilterEveryone')}</option>
                {staff.map((p) => (
                  <option key={p.id} value={p.email}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </div>
          <QuickAdd listId={currentList} inputRef={quickAdd} assignee={person || null} />
          <p class="muted" data-testid="tasks-keyboard-help">
            {t('tasksKeyboardHelp')}
          </p>
          <h3 data-testid="tasks-view-title">{heading}</h3>
          {tasks.length === 0 && <p class="muted">{t('noTasks')}</p>}
          <ul class="plain" data-testid="all-tasks" aria-label={heading}>
            {tasks.map((task) => (
              <TaskItem
                key={task.id}
                task={task}
                now={Date.now()}
                selected={task.id === selected?.id}
                listLabel={view.kind === 'list' ? undefined : namesById.get(task.listId)}
                staffNames={staffNames}
                onSelect={() => setSelectedId(task.id)}
                onOpen={() => open(task.id)}
                onToggled={(before, done) => setUndo({ kind: 'toggled', task: before, done })}
              />
            ))}
          </ul>
          {moving && selected && (
            <label class="row">
              {t('moveTaskTo', selected.title)}{' '}
              <select
                autoFocus
                value={selected.listId}
                onChange={(e) => {
                  const listId = e.currentTarget.value;
                  setMoving(false);
                  void act(() => moveTaskToList(selected.id, listId));
                }}
                onKeyDown={(e) => e.key === 'Escape' && setMoving(false)}
                onBlur={() => setMoving(false)}
              >
                {(lists ?? []).map((l) => (
                  <option key={l.id} value={l.id}>
                    {listName(l)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {undo && (
            <div class="notice row" role="status" data-testid="undo-toast">
              <span style={{ flex: 1 }}>{undoText(undo)}</span>
              <button type="button" onClick={() => void undoLast()}>
                {t('undo')}
              </button>
              <button type="button" aria-label={t('close')} onClick={() => setUndo(null)}>
                ×
              </button>
            </div>
          )}
          {error && (
            <p role="alert" class="notice error">
              {error}
            </p>
          )}
          {openId && opened === null && <p class="muted">{t('taskErrorNotFound')}</p>}
          {opened && (
            <TaskEditor
              task={opened}
              lists={lists ?? []}
              onClose={close}
              onDelete={() => void remove(opened)}
            />
          )}
          <TaskTransfer />
        </div>
      </div>
    </section>
  );
}
