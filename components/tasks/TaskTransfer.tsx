import { useState } from 'preact/hooks';
import { importTasksCsv, importTasksJson, tasksToCsv, tasksToJson } from '../../services/tasks/transfer';
import { t } from '../../services/i18n';
import { download } from '../complaints/labels';

const stamp = () => new Date().toISOString().slice(0, 10);

/** Export of every list and task (JSON) or every task (CSV), and import of either. */
export function TaskTransfer() {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function exportAs(kind: 'csv' | 'json') {
    try {
      if (kind === 'csv') download(`tasks-${stamp()}.csv`, 'text/csv;charset=utf-8', await tasksToCsv());
      else download(`tasks-${stamp()}.json`, 'application/json', await tasksToJson());
    } catch (err) {
      setMessage({ error: true, text: t('errorGeneric', err instanceof Error ? err.message : String(err)) });
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    try {
      const text = await file.text();
      // A CSV is told apart by name or by not starting like JSON.
      const csv = /\.csv$/i.test(file.name) || !/^\s*[[{]/.test(text.replace(/^\ufeff/, ''));
      const r = csv ? await importTasksCsv(text) : await importTasksJson(text);
      setMessage({ error: false, text: t('tasksImportDone', r.added, r.kept, r.listsAdded) });
    } catch (err) {
      setMessage({ error: true, text: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <div>
      <div class="row">
        <button type="button" onClick={() => void exportAs('json')}>
          {t('exportJson')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </button>
        <label>
          {t('importTasks')}{' '}
          <input
            type="file"
            accept=".json,.csv,application/json,text/csv"
            data-testid="tasks-import-file"
            onChange={(e) => {
              const input = e.currentTarget;
              void importFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {message && (
        <p
          role="status"
          class={message.error ? 'notice error' : 'muted'}
          data-testid="tasks-transfer-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
