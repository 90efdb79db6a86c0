import { useState } from 'preact/hooks';
import type { ComplaintStatus } from '../../services/db/db';
import { t } from '../../services/i18n';
import { bulkChangeStatus, STATUSES } from '../../services/complaints/workflow';
import { complaintErrorMessage } from '../../services/complaints/errors';
import { statusLabel } from './labels';

/** Status change for the selected rows; the ones that cannot make that move are counted, not forced. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const [to, setTo] = useState<ComplaintStatus>('in_progress');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [resolution, setResolution] = useState('');

  async function apply() {
    try {
      // Resolving needs a resolution; complaints that already have their own keep it.
      const result = await bulkChangeStatus(ids, to, to === 'resolved' ? { resolution } : {});
      setMessage({ error: false, text: t('bulkResult', result.changed.length, result.refused.length) });
      onDone();
    } catch (err) {
      setMessage({ error: true, text: complaintErrorMessage(err) });
    }
  }

  return (
    <div>
      {ids.length > 0 && (
        <div class="row card" data-testid="bulk-bar">
          <span>{t('bulkSelected', ids.length)}</span>
          <label>
            {t('bulkMoveTo')}{' '}
            <select value={to} onChange={(e) => setTo(e.currentTarget.value as ComplaintStatus)}>
              {STATUSES.filter((s) => s !== 'new').map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          {to === 'resolved' && (
            <label>
              {t('bulkResolution')}{' '}
              <input value={resolution} onInput={(e) => setResolution(e.currentTarget.value)} />
            </label>
          )}
          <button type="button" onClick={() => void apply()}>
            {t('bulkApply')}
          </button>
        </div>
      )}
      {message && (
        <p role="status" class={message.error ? 'notice error' : 'muted'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
