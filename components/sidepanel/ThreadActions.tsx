import { useState } from 'preact/hooks';
import type { ThreadSnapshot } from '../../services/mail-sites/types';
import { addTask } from '../../services/db/tasks';
import { t } from '../../services/i18n';
import { customerOf } from './ThreadView';

/** Tomorrow at 09:00 local time: the default due time of a follow-up. */
function tomorrowMorning(now = new Date()): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d.getTime();
}

export function ThreadActions({ snapshot }: { snapshot: ThreadSnapshot }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const customer = customerOf(snapshot);

  async function addFollowUp() {
    try {
      const who = customer?.name || customer?.email || '—';
      const task = await addTask({
        title: t('taskFromThread', who, snapshot.subject || t('noSubject')),
        dueAt: tomorrowMorning(),
        link: {
          kind: 'thread',
          ref: `${snapshot.site}:${snapshot.threadId}`,
          url: snapshot.url,
          label: snapshot.subject,
        },
      });
      setStatus({ kind: 'ok', text: t('taskAdded', task.title) });
    } catch (err) {
      setStatus({ kind: 'error', text: t('errorGeneric', err instanceof Error ? err.message : String(err)) });
    }
  }

  // A button and its outcome, laid out by the panel's row of actions (base.css .actions).
  return (
    <>
      <button type="button" onClick={() => void addFollowUp()} disabled={status?.kind === 'ok'}>
        {t('addTask')}
      </button>
      {status && (
        <p role="status" class={status.kind === 'error' ? 'notice error' : 'success'}>
          {status.text}
        </p>
      )}
    </>
  );
}
