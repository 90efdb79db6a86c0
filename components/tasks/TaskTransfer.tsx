import {
  importTasksCsv,
  importTasksJson,
  TaskImportError,
  tasksToCsv,
  tasksToJson,
  tasksFileName,
} from '../../services/tasks/transfer';
import { t, tn } from '../../services/i18n';
import { TransferControls } from '../TransferControls';
import { download } from '../complaints/labels';

/** Export of every list and task (JSON) or every task (CSV), and import of either. */
export function TaskTransfer() {
  return (
    <TransferControls
      onExport={async (kind) => {
        if (kind === 'csv') download(tasksFileName('csv'), 'text/csv;charset=utf-8', await tasksToCsv());
        else download(tasksFileName('json'), 'application/json', await tasksToJson());
      }}
      onImport={async (file) => {
        const text = await file.text();
        // A CSV is told apart by name or by not starting like JSON.
        const csv = /\.csv$/i.test(file.name) || !/^\s*[[{]/.test(text.replace(/^\ufeff/, ''));
        const r = csv ? await importTasksCsv(text) : await importTasksJson(text);
        return {
          error: false,
          lines: [
            t(
              'tasksImportDone',
              tn('tasksImportAdded', r.added),
              tn('tasksImportKept', r.kept),
              tn('tasksImportListsAdded', r.listsAdded),
            ),
          ],
        };
      }}
      // Import errors are already worded in the UI language; anything else gets the generic frame.
      describeError={(err) =>
        err instanceof TaskImportError
          ? err.message
          : t('errorGeneric', err instanceof Error ? err.message : String(err))
      }
      importLabel={t('importTasks')}
      accept=".json,.csv,application/json,text/csv"
      testIds={{ input: 'tasks-import-file', message: 'tasks-transfer-message' }}
    />
  );
}
