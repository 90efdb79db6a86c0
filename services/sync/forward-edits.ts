import { onLocalWrite } from '../db/db';
import { sendToBackground } from '../messaging';

// Edits made in a page (the side panel logging a complaint, the dashboard completing a task) reach
// the shared sheet and lists at once. The background's own watchers hear writes only while it is
// awake: Dexie's change events travel over a BroadcastChannel, which does not wake a stopped
// service worker — a runtime message does (services/sync/after-edit.ts answers it).

type Shared = 'complaints' | 'tasks';
const SHARED: readonly Shared[] = ['complaints', 'tasks'];

/**
 * In an extension page: tells the background what was written — at once on the first write (a popup
 * closed right after ticking a task still wakes the worker), then once more after the burst if it
 * went on, and when the page is hidden with writes not yet told.
 */
export function forwardEditsToBackground(delayMs = 1_500): () => void {
  const written = new Set<Shared>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (written.size === 0) return;
    const tables = [...written];
    written.clear();
    void sendToBackground({ type: 'sync:edited', data: { tables } }).catch(() => undefined);
  };
  const stop = onLocalWrite((table) => {
    if (!SHARED.includes(table as Shared)) return;
    written.add(table as Shared);
    if (timer === undefined) flush();
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      flush();
    }, delayMs);
  });
  globalThis.addEventListener?.('pagehide', flush);
  return () => {
    clearTimeout(timer);
    globalThis.removeEventListener?.('pagehide', flush);
    stop();
  };
}
