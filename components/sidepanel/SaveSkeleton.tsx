import { useState } from 'preact/hooks';
import { boundTabId } from './bound-tab';
import { sendToBackground } from '../../services/messaging';
import { t } from '../../services/i18n';

/** A local date for file names (the user's day, not UTC's). */
function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * When the page is not understood: save an anonymised copy of its structure (no text, no address)
 * that the user can look at and attach to a bug report; it becomes a test fixture as it is.
 */
export function SaveSkeleton() {
  const [state, setState] = useState<
    { kind: 'idle' | 'busy' | 'failed' } | { kind: 'saved'; elements: number }
  >({
    kind: 'idle',
  });
  const tabId = boundTabId.value;
  if (tabId === null) return null;

  async function save() {
    setState({ kind: 'busy' });
    try {
      const skeleton = await sendToBackground({ type: 'tab:skeleton', data: { tabId: tabId! } });
      const url = URL.createObjectURL(new Blob([skeleton.html], { type: 'text/html' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `ops-assistant-page-skeleton-${localDay()}.html`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: 'saved', elements: skeleton.elements });
    } catch {
      setState({ kind: 'failed' });
    }
  }

  return (
    <div class="card">
      <p class="muted">{t('skeletonHelp')}</p>
      <button type="button" disabled={state.kind === 'busy'} onClick={() => void save()}>
        {t('saveSkeleton')}
      </button>
      {state.kind === 'saved' && (
        <p class="muted" role="status">
          {t('skeletonSaved')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p class="notice error" role="alert">
          {t('skeletonFailed')}
        </p>
      )}
    </div>
  );
}
