import { allListSyncs } from './engine';
import { notePageEdit, requestAfterEdit, requestSync } from './worker';
import { requestComplaintSheetSync } from '../complaint-log/worker';

// The background's half of services/sync/forward-edits.ts: a page wrote complaints or tasks.

type Shared = 'complaints' | 'tasks';

/** In the background: a pass for what a page wrote (started here, not waited for by the page). */
export function syncAfterPageEdit(tables: readonly Shared[]): Promise<void> {
  notePageEdit();
  const work: Promise<unknown>[] = [];
  if (tables.includes('complaints')) work.push(requestAfterEdit(requestComplaintSheetSync));
  if (tables.includes('tasks'))
    work.push(
      allListSyncs().then((syncs) =>
        Promise.all(syncs.filter((s) => s.enabled).map((s) => requestAfterEdit(() => requestSync(s.listId)))),
      ),
    );
  void Promise.all(work).catch((err) => console.warn('Shared sheet or list pass not queued', err));
  return Promise.resolve();
}
