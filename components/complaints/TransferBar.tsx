import { useState } from 'preact/hooks';
import { t } from '../../services/i18n';
import { allMatching, type ComplaintFilter, type ComplaintSort } from '../../services/complaints/query';
import {
  complaintsToCsv,
  complaintsToJson,
  exportFileName,
  importComplaintsJson,
} from '../../services/complaints/transfer';
import { complaintErrorMessage } from '../../services/complaints/errors';
import { download } from './labels';

/** Export of what the filters show (CSV or JSON) and import of a JSON export. */
export function TransferBar({ filter, sort }: { filter: ComplaintFilter; sort: ComplaintSort }) {
  const [message, setMessage] = useState<{ error: boolean; lines: string[] } | null>(null);

  async function exportAs(kind: 'csv' | 'json') {
    try {
      const rows = await allMatching(filter, sort);
      if (kind === 'csv') download(exportFileName('csv'), 'text/csv;charset=utf-8', complaintsToCsv(rows));
      else download(exportFileName('json'), 'application/json', complaintsToJson(rows));
    } catch (err) {
      setMessage({ error: true, lines: [complaintErrorMessage(err)] });
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    try {
      const r = await importComplaintsJson(await file.text());
      const lines = [t('importResult', r.added, r.updated, r.unchanged, r.rejected.length)];
      if (r.rejected.length) lines.push(t('importRejectedDetail', r.rejected.slice(0, 5).join('; ')));
      setMessage({ error: r.rejected.length > 0, lines });
    } catch (err) {
      setMessage({ error: true, lines: [complaintErrorMessage(err)] });
    }
  }

  return (
    <div>
      <div class="row">
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          {t('exportJson')}
        </button>
        <label>
          {t('importJson')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            onChange={(e) => {
              const input = e.currentTarget;
              void importFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {message && (
        <div role="status" class={message.error ? 'notice error' : 'muted'} data-testid="transfer-message">
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
}
