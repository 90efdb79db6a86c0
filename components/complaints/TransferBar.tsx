import { t } from '../../services/i18n';
import { allMatching, type ComplaintFilter, type ComplaintSort } from '../../services/complaints/query';
import {
  complaintsToCsv,
  complaintsToJson,
  exportFileName,
  importComplaintsJson,
} from '../../services/complaints/transfer';
import { complaintErrorMessage } from '../../services/complaints/errors';
import { TransferControls } from '../TransferControls';
import { download } from './labels';

/** Export of what the filters show (CSV or JSON) and import of a JSON export. */
export function TransferBar({ filter, sort }: { filter: ComplaintFilter; sort: ComplaintSort }) {
  return (
    <TransferControls
      onExport={async (kind) => {
        const rows = await allMatching(filter, sort);
        if (kind === 'csv') download(exportFileName('csv'), 'text/csv;charset=utf-8', complaintsToCsv(rows));
        else download(exportFileName('json'), 'application/json', complaintsToJson(rows));
      }}
      onImport={async (file) => {
        const r = await importComplaintsJson(await file.text());
        const lines = [t('importResult', r.added, r.updated, r.unchanged, r.rejected.length)];
        if (r.rejected.length) lines.push(t('importRejectedDetail', r.rejected.slice(0, 5).join('; ')));
        return { error: r.rejected.length > 0, lines };
      }}
      describeError={complaintErrorMessage}
      importLabel={t('importJson')}
      accept=".json,application/json"
      testIds={{ input: 'import-file', message: 'transfer-message' }}
    />
  );
}
