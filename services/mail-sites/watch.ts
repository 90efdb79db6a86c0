import type { MailSiteAdapter, ReadResult } from './types';

/**
 * Follows the open thread of a single-page mail app without a polling loop, on pages that never
 * stop changing small things (presence, relative times, notifications):
 * - navigation (hash, history.pushState/replaceState, back/forward) is read at once;
 * - changes count only inside the open thread's container (or on its ancestors' visibility);
 *   the rest of the page is ignored, so a ticking clock elsewhere costs nothing;
 * - a pending change is read after a short quiet time, but never later than `maxWaitMs` after the
 *   first one, however busy the page is (a debounce alone starved on busy pages);
 * - a cheap fingerprint is compared first: typing in the reply box re-reads nothing.
 * A read is reported only when its result differs from the last one.
 */
export function watchThread(options: {
  adapter: MailSiteAdapter;
  doc: Document;
  signal: AbortSignal;
  onChange: (result: ReadResult) => void;
  /** Called after every read, changed or not (e.g. to re-place UI the site re-rendered away). */
  afterRead?: () => void;
  /** Quiet time after the last relevant change before reading (ms). */
  settleMs?: number;
  /**
   * Right after a navigation, how long after the first change the new thread is read (ms): the
   * user is waiting for it, and a thread drawn in pieces is read again when the pieces arrive.
   */
  navigationSettleMs?: number;
  /** Longest wait after the first pending change, busy page or not (ms). */
  maxWaitMs?: number;
  /** A thread still "loading" after this long is reported as not understood (ms). */
  loadingLimitMs?: number;
  /** How long after a navigation every change counts, while the new thread is drawn (ms). */
  navigationWindowMs?: number;
  /**
   * Longest wait for the URL and the drawn thread to agree (ms); past WXT's 1 s location poll, so
   * even a browser without the Navigation API sees the URL change first.
   */
  holdMs?: number;
}): Watcher {
  const { adapter, doc, signal, onChange } = options;
  const settleMs = options.settleMs ?? 120;
  const navigationSettleMs = options.navigationSettleMs ?? 30;
  const maxWaitMs = options.maxWaitMs ?? 800;
  const loadingLimitMs = options.loadingLimitMs ?? 8000;
  const navigationWindowMs = options.navigationWindowMs ?? 3000;
  const holdMs = options.holdMs ?? 1500;
  const win = doc.defaultView!;

  let lastKey = '';
  let lastReported: ReadResult | null = null;
  /** Page content (fingerprint without the URL) of the last reported read. */
  let lastReportedContent = '';
  let lastFingerprint: string | null = null;
  let lastRead: ReadResult | null = null;
  let container: Element | null = null;
  let href = win.location.href;
  let navigatingUntil = 0;
  let loadingSince: number | null = null;
  /** Since when a read that mixes two threads (URL vs content) waits for the page to catch up. */
  let heldSince: number | null = null;

  let firstPending: number | null = null;
  let lastPending = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readNow = (force = false): ReadResult => {
    clearTimer();
    firstPending = null;
    href = win.location.href;
    const content = adapter.fingerprint(doc, '');
    const key = `${href}\u0000${content}`;
    let result: ReadResult;
    if (!force && lastRead && key === lastFingerprint) {
      result = lastRead;
    } else {
      result = adapter.readThread(doc, href);
      lastFingerprint = key;
      lastRead = result;
    }
    container = adapter.threadRoot(doc);
    const shown = withLoadingLimit(result);
    report(shown, content);
    options.afterRead?.();
    return shown;
  };

  function withLoadingLimit(result: ReadResult): ReadResult {
    if (result.ok || result.problem.kind !== 'loading') {
      loadingSince = null;
      return result;
    }
    const now = Date.now();
    loadingSince ??= now;
    if (now - loadingSince >= loadingLimitMs) {
      return { ok: false, problem: { kind: 'not-understood', missing: [STILL_LOADING] } };
    }
    // Re-check when the limit passes even if the page goes quiet meanwhile.
    scheduleAt(loadingSince + loadingLimitMs);
    return result;
  }

  function report(result: ReadResult, content: string): void {
    const key = resultKey(result);
    if (key === lastKey) {
      heldSince = null;
      return;
    }
    // Where the thread id comes from the URL (Outlook), the URL and the drawn thread can disagree
    // for a moment: a new subject under the previous id (drawn before the URL changed) or a new id
    // over the previous content (the URL changed before the drawing). Filing a complaint then
    // would file it under the wrong thread, so such a read waits (at most holdMs) for the other.
    const previous = lastReported;
    const mixed =
      result.ok &&
      previous?.ok &&
      (result.snapshot.threadId === previous.snapshot.threadId
        ? result.snapshot.subject !== previous.snapshot.subject
        : content === lastReportedContent);
    if (mixed) {
      const now = Date.now();
      heldSince ??= now;
      if (now - heldSince < holdMs) {
        scheduleAt(heldSince + holdMs);
        return;
      }
    }
    heldSince = null;
    lastKey = key;
    lastReported = result;
    lastReportedContent = content;
    // The navigation has arrived: back to counting only the open thread's changes.
    navigatingUntil = 0;
    onChange(result);
  }

  function clearTimer(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function scheduleAt(when: number): void {
    clearTimer();
    timer = setTimeout(() => readNow(), Math.max(0, when - Date.now()));
  }

  /**
   * A relevant change happened: read after the quiet time, bounded by the max wait. Right after a
   * navigation the new thread is what the user waits for, so the first change is read after the
   * short navigation settle however many follow it (the side panel's first draft is budgeted at
   * 150 ms from the thread opening; the ordinary quiet time alone took most of that).
   */
  function pending(): void {
    const now = Date.now();
    firstPending ??= now;
    lastPending = now;
    if (now < navigatingUntil) scheduleAt(firstPending + navigationSettleMs);
    else scheduleAt(Math.min(lastPending + settleMs, firstPending + maxWaitMs));
  }

  /** The URL changed (or may have): read at once, and follow the page while it draws. */
  function navigated(): void {
    if (win.location.href === href) return;
    navigatingUntil = Date.now() + navigationWindowMs;
    readNow();
  }

  function relevant(records: MutationRecord[]): boolean {
    if (!container || !container.isConnected || Date.now() < navigatingUntil) return true;
    if (lastRead && !lastRead.ok) return true;
    for (const record of records) {
      const target = record.target;
      if (container.contains(target)) return true;
      // An ancestor's class or style changing may hide or show the whole thread.
      if (record.type === 'attributes' && target.contains(container)) return true;
    }
    return false;
  }

  const observer = new MutationObserver((records) => {
    // Some sites navigate without any event a content script can hear: compare the URL here too.
    if (win.location.href !== href) return navigated();
    if (relevant(records)) pending();
  });
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class', 'style', 'hidden', 'aria-expanded', 'data-legacy-thread-id'],
  });
  const onNavigation = () => navigated();
  win.addEventListener('hashchange', onNavigation, { signal });
  win.addEventListener('popstate', onNavigation, { signal });
  // The Navigation API (Chromium 102+) also reports history.pushState/replaceState, which fire no
  // event a page can hear otherwise; WXT's `wxt:locationchange` covers browsers without it.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', onNavigation, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimer();
  });
  readNow();
  return {
    readNow: () => readNow(true),
    navigated,
  };
}

export interface Watcher {
  /** Reads the page now, bypassing the fingerprint (the user asked, or who "we" are changed). */
  readNow: () => ReadResult;
  /** Tells the watcher the location may have changed (e.g. WXT's `wxt:locationchange`). */
  navigated: () => void;
}

const STILL_LOADING = 'the open thread’s messages (still loading after several seconds)';

/** What makes two reads "the same" for the side panel. */
function resultKey(result: ReadResult): string {
  if (!result.ok) return JSON.stringify(result.problem);
  const s = result.snapshot;
  return JSON.stringify([
    s.site,
    s.threadId,
    s.subject,
    s.userEmail,
    s.messages.map((m) => [m.id, m.collapsed, m.fromUser, m.from.email, m.date, m.text.length]),
  ]);
}
