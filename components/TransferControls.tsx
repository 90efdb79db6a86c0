import { useState } from 'preact/hooks';
import { t } from '../services/i18n';

export interface TransferOutcome {
  error: boolean;
  lines: string[];
}

interface Props {
  /** Writes the export file (the page knows what and how). */
  onExport: (kind: 'csv' | 'json') => Promise<void>;
  /** Reads an import file and says what happened, in the UI language. */
  onImport: (file: File) => Promise<TransferOutcome>;
  /** Words an error thrown by either, in the UI language. */
  describeError: (err: unknown) => string;
  importLabel: string;
  accept: string;
  testIds: { input: string; message: string };
}

/** Export buttons, an import file picker and the outcome line, shared by complaints and tasks. */
export function TransferControls({ onExport, onImport, describeError, importLabel, accept, testIds }: Props) {
  const [message, setMessage] = useState<TransferOutcome | null>(null);

  const run = async (work: () => Promise<TransferOutcome | void>) => {
    try {
      const outcome = await work();
      if (outcome) setMessage(outcome);
    } catch (err) {
      setMessage({ error: true, lines: [describeError(err)] });
    }
  };

  return (
    <div>
      <div class="row">
        <button type="button" onClick={() => void run(() => onExport('csv'))}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => void run(() => onExport('json'))}>
          {t('exportJson')}
        </button>
        <label>
          {importLabel}{' '}
          <input
            type="file"
            accept={accept}
            data-testid={testIds.input}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) void run(() => onImport(file)).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {message && (
        <div role="status" class={message.error ? 'notice error' : 'muted'} data-testid={testIds.message}>
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
}
