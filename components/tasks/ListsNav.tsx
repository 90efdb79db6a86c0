import { useState } from 'preact/hooks';
import type { TaskList } from '../../services/db/db';
import { createList, deleteList, listName, moveList, renameList } from '../../services/db/lists';
import type { TaskView } from '../../services/tasks/views';
import { t, tn, type MessageKey } from '../../services/i18n';

const VIEWS: { kind: 'today' | 'upcoming' | 'overdue' | 'completed'; label: MessageKey }[] = [
  { kind: 'today', label: 'viewToday' },
  { kind: 'upcoming', label: 'viewUpcoming' },
  { kind: 'overdue', label: 'viewOverdue' },
  { kind: 'completed', label: 'viewCompleted' },
];

interface Props {
  lists: TaskList[];
  view: TaskView;
  taskCount: number;
  onView: (view: TaskView) => void;
}

/** The views and the lists, with the selected list's management (rename, order, delete). */
export function ListsNav({ lists, view, taskCount, onView }: Props) {
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [moveTo, setMoveTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const selected = view.kind === 'list' ? lists.find((l) => l.id === view.listId) : undefined;
  const others = lists.filter((l) => l.id !== selected?.id);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <nav aria-label={t('taskViews')} style={{ minWidth: '200px' }}>
      <h3>{t('taskViewsHeading')}</h3>
      <ul class="plain" data-testid="task-views">
        {VIEWS.map((v) => (
          <li key={v.kind}>
            <button
              type="button"
              aria-pressed={view.kind === v.kind}
              class={view.kind === v.kind ? 'primary' : undefined}
              onClick={() => onView({ kind: v.kind })}
            >
              {t(v.label)}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('taskLists')}</h3>
      <ul class="plain" data-testid="task-lists">
        {lists.map((l) => (
          <li key={l.id}>
            <button
              type="button"
              aria-pressed={selected?.id === l.id}
              class={selected?.id === l.id ? 'primary' : undefined}
              onClick={() => {
                setConfirmDelete(false);
                setRenaming(null);
                onView({ kind: 'list', listId: l.id });
              }}
            >
              {listName(l)}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const list = await createList(newName);
            setNewName('');
            onView({ kind: 'list', listId: list.id });
          });
        }}
      >
        <input
          aria-label={t('newListName')}
          placeholder={t('newListName')}
          value={newName}
          onInput={(e) => setNewName(e.currentTarget.value)}
          style={{ width: '120px' }}
        />
        <button type="submit">{t('createList')}</button>
      </form>
      {selected && (
        <div class="row" role="group" aria-label={t('listActions')} style={{ marginTop: '8px' }}>
          {renaming === null ? (
            <button type="button" onClick={() => setRenaming(listName(selected))}>
              {t('renameList')}
            </button>
          ) : (
            <form
              class="row"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await renameList(selected.id, renaming);
                  setRenaming(null);
                });
              }}
            >
              <input
                aria-label={t('listNameLabel')}
                value={renaming}
                onInput={(e) => setRenaming(e.currentTarget.value)}
              />
              <button type="submit">{t('save')}</button>
            </form>
          )}
          <button
            type="button"
            aria-label={t('moveListUp')}
            onClick={() => void run(() => moveList(selected.id, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={t('moveListDown')}
            onClick={() => void run(() => moveList(selected.id, 1))}
          >
            ↓
          </button>
          <button
            type="button"
            onClick={() => {
              setMoveTo(others[0]?.id ?? '');
              setConfirmDelete(true);
            }}
          >
            {t('deleteList')}
          </button>
        </div>
      )}
      {selected && confirmDelete && (
        <div class="notice" role="alertdialog" aria-label={t('deleteList')}>
          <p>{t('deleteListConfirm', listName(selected), tn('taskCount', taskCount))}</p>
          {taskCount > 0 && others.length > 0 && (
            <p class="row">
              <label>
                {t('moveTasksTo')}{' '}
                <select value={moveTo} onChange={(e) => setMoveTo(e.currentTarget.value)}>
                  {others.map((l) => (
                    <option key={l.id} value={l.id}>
                      {listName(l)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() =>
                  void run(async () => {
                    await deleteList(selected.id, { moveTasksTo: moveTo });
                    setConfirmDelete(false);
                    onView({ kind: 'list', listId: moveTo });
                  })
                }
              >
                {t('deleteListMoveTasks')}
              </button>
            </p>
          )}
          <p class="row">
            <button
              type="button"
              onClick={() =>
                void run(async () => {
                  await deleteList(selected.id, { deleteTasks: true });
                  setConfirmDelete(false);
                  onView({ kind: 'today' });
                })
              }
            >
              {taskCount > 0 ? t('deleteListAndTasks') : t('deleteList')}
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('cancel')}
            </button>
          </p>
        </div>
      )}
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
    </nav>
  );
}
