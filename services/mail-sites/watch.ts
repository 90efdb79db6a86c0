import type { MailSiteAdapter, ReadResult } from './types';

/**
 * Follows the open thread of a single-page mail app without a polling loop: DOM mutations and
 * navigation events schedule one read after the page settles; a read is reported only when its
 * result differs from the last one. While nothing changes, nothing runs.
 */
export function watchThread(options: {
  adapter: MailSiteAdapter;
  doc: Document;
  signal: AbortSignal;
  onChange: (result: ReadResult) => void;
  /** Called after every read, changed or not (e.g. to re-place UI the site re-rendered away). */
  afterRead?: () => void;
  /** Quiet time after the last mutation before reading (ms). */
  settleMs?: number;
}): { readNow: () => ReadResult } {
  const { adapter, doc, signal, onChange } = options;
  const settleMs = options.settleMs ?? 250;
  const win = doc.defaultView!;
  let lastKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readNow = (): ReadResult => {
    const result = adapter.readThread(doc, win.location.href);
    const key = fingerprint(result);
    if (key !== lastKey) {
      lastKey = key;
      onChange(result);
    }
    options.afterRead?.();
    return result;
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      readNow();
    }, settleMs);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  win.addEventListener('hashchange', schedule, { signal });
  win.addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  readNow();
  return { readNow };
}

/** What makes two reads "the same" for the side panel. */
function fingerprint(result: ReadResult): string {
  if (!result.ok) return JSON.stringify(result.problem);
  const s = result.snapshot;
  const last = s.messages.at(-1);
  return [
    s.site,
    s.threadId,
    s.subject,
    s.messages.length,
    s.messages.filter((m) => m.collapsed).length,
    last?.id,
    last?.text.length,
  ].join('\u0000');
}
