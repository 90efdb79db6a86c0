import { useEffect, useState } from 'preact/hooks';
import { useLive } from '../use-live';
import { RecurrenceEditor } from '../tasks/RecurrenceEditor';
import type { ChecklistRun, ChecklistTemplate } from '../../services/db/db';
import { listStaff } from '../../services/db/contacts';
import { getProfile } from '../../services/profile';
import {
  checklistName,
  ensureBuiltInChecklists,
  itemTitle,
  listChecklists,
  recentRuns,
  runProgress,
  startDueRuns,
  startRun,
  updateChecklist,
} from '../../services/routines/checklists';
import { setTaskDone } from '../../services/db/tasks';
import { describeRule, recurrenceProblemText } from '../../services/tasks/recurrence-words';
import { formatDateTime, t } from '../../services/i18n';
import './routines.css';

// Checklists (dashboard #/checklists): the templates with their schedule in words, start one by
// hand, edit one (the running ones keep the items they started with), and each run's progress.

function Editor({ template, onDone }: { template: ChecklistTemplate; onDone: () => void }) {
  const [name, setName] = useState(checklistName(template));
  const [items, setItems] = useState(template.items.map(itemTitle).join('\n'));
  const [error, setError] = useState<string | null>(null);
  const staff = useLive(listStaff, []) ?? [];

  async function save() {
    try {
      await updateChecklist(template.id, { name, itemTitles: items.split('\n') });
      onDone();
    } catch (err) {
      setError(recurrenceProblemText(err));
    }
  }

  return (
    <div class="form-grid" data-testid="checklist-editor">
      <label>
        {t('checklistNameLabel')}
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t('checklistItemsLabel')}
        <textarea rows={6} value={items} onInput={(e) => setItems(e.currentTarget.value)} />
      </label>
      <label>
        {t('taskAssignee')}{' '}
        <select
          value={template.assignee ?? ''}
          onChange={(e) => void updateChecklist(template.id, { assignee: e.currentTarget.value || null })}
        >
          <option value="">{t('taskAssigneeNone')}</option>
          {staff.map((p) => (
            <option key={p.id} value={p.email}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <RecurrenceEditor
        rule={template.rule}
        problemText={recurrenceProblemText}
        onSave={(rule) => updateChecklist(template.id, { rule })}
        onStop={() => updateChecklist(template.id, { rule: null })}
      />
      <p class="muted">{t('checklistEditNote')}</p>
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}

function RunRow({ run }: { run: ChecklistRun }) {
  const progress = useLive(() => runProgress(run), [run.id]);
  return (
    <li data-testid="checklist-run">
      <details>
        <summary class="row">
          <strong>{run.name}</strong>
          <span class="muted">
            {formatDateTime(run.instanceAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </span>
          {progress && (
            <>
              <progress
                class="run-progress"
                max={progress.total}
                value={progress.done}
                aria-label={run.name}
              />
              <span>{t('checklistProgress', progress.done, progress.total)}</span>
            </>
          )}
        </summary>
        <ul class="plain">
          {run.items.map((item, i) => {
            const task = progress?.tasks[i];
            return (
              <li key={item.taskId}>
                <label>
                  <input
                    type="checkbox"
                    disabled={!task}
                    checked={task?.status === 'done'}
                    onChange={(e) => void setTaskDone(item.taskId, e.currentTarget.checked)}
                  />{' '}
                  {item.title}
                </label>
                {!task && <span class="muted"> · {t('checklistItemGone')}</span>}
              </li>
            );
          })}
        </ul>
      </details>
    </li>
  );
}

export function ChecklistsPage() {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Seeding and the due runs are writes: done once here, outside the live queries.
    void getProfile()
      .then((p) => ensureBuiltInChecklists(p.timeZone))
      .then(() => startDueRuns())
      .catch((err: unknown) => setError(String(err)));
  }, []);
  const templates = useLive(listChecklists, []) ?? [];
  const runs = useLive(() => recentRuns(20), []) ?? [];

  return (
    <section class="routines-page" data-testid="checklists-page">
      <h2>{t('checklistsHeading')}</h2>
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
      <ul class="plain">
        {templates.map((template) => (
          <li key={template.id} class="card" data-testid="checklist-template">
            <div class="row">
              <strong style={{ flex: 1 }}>{checklistName(template)}</strong>
              <span class="chip">{template.rule ? describeRule(template.rule) : t('checklistByHand')}</span>
              {template.rule && (
                <label>
                  <input
                    type="checkbox"
                    checked={!!template.scheduleOn}
                    onChange={(e) =>
                      void updateChecklist(template.id, { scheduleOn: e.currentTarget.checked })
                    }
                  />{' '}
                  {t('checklistScheduleOn')}
                </label>
              )}
              <span class="muted">{t('checklistItemCount', template.items.length)}</span>
              <button
                type="button"
                onClick={() =>
                  void startRun(template.id, Date.now()).catch((err: unknown) => setError(String(err)))
                }
              >
                {t('checklistStart')}
              </button>
              <button type="button" onClick={() => setEditing(editing === template.id ? null : template.id)}>
                {t('checklistEdit')}
              </button>
            </div>
            {editing === template.id && <Editor template={template} onDone={() => setEditing(null)} />}
          </li>
        ))}
      </ul>
      <h3>{t('checklistRuns')}</h3>
      {runs.length === 0 && <p class="muted">{t('checklistNoRuns')}</p>}
      <ul class="plain">
        {runs.map((run) => (
          <RunRow key={run.id} run={run} />
        ))}
      </ul>
    </section>
  );
}
