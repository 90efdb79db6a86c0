import type { OutboxItem } from '../../services/db/db';
import { fromOutbox } from '../../services/calendar/errors';
import { t } from '../../services/i18n';

/**
 * Why a calendar write has not gone out yet, in the UI language: the calendar's documented cause
 * (else the error as recorded), what it is waiting for (a sign-in, the network), and "retrying"
 * only while it really is retrying — a failed write waits for the user's Retry.
 */
export function outboxText(item: Pick<OutboxItem, 'status' | 'lastError' | 'waiting'>): string | null {
  if (item.status === 'done') return null;
  if (item.status === 'pending' && item.waiting?.reason === 'network') return t('outboxWaitNetwork');
  if (!item.lastError) return null;
  const known = fromOutbox(item.lastError);
  const cause = known
    ? t(known.key, ...known.args)
    : item.lastError.startsWith('Stopped mid-way')
      ? t('outboxStoppedMidway')
      : item.lastError;
  if (item.status === 'failed') return t('lastErrorFailed', cause);
  if (item.waiting?.reason === 'sign-in') return t('outboxWaitSignIn', cause);
  return t('lastError', cause);
}
