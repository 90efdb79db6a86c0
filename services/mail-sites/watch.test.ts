import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchThread } from './watch';
import type { MailSiteAdapter, ReadResult } from './types';

/**
 * A stand-in site: the open thread is the <section> holding an <h2>; its id comes from the h2's
 * data-id or, like Outlook, from the URL path ("/id/<x>").
 */
function fakeAdapter(): MailSiteAdapter & { reads: number } {
  const root = (doc: Document) => doc.querySelector('section:not(.gone)');
  const adapter = {
    site: 'outlook' as const,
    reads: 0,
    readThread(doc: Document, url: string): ReadResult {
      adapter.reads++;
      const h2 = root(doc)?.querySelector('h2');
      if (!h2) return { ok: false, problem: { kind: 'no-thread' } };
      if (h2.hasAttribute('data-loading')) return { ok: false, problem: { kind: 'loading' } };
      const subject = h2.textContent ?? '';
      return {
        ok: true,
        snapshot: {
          site: 'outlook',
          threadId: h2.dataset.id ?? /\/id\/(\w+)/.exec(url)?.[1] ?? subject,
          url,
          subject,
          messages: [],
          userEmail: null,
          readAt: 0,
        },
      };
    },
    threadRoot: root,
    fingerprint: (doc: Document, url: string) => {
      const h2 = root(doc)?.querySelector('h2');
      return `${url}|${h2?.textContent}|${h2?.dataset.id}|${h2?.hasAttribute('data-loading')}`;
    },
    openReplyEditor: () => Promise.reject(new Error('unused')),
    assistButtonAnchor: () => null,
  };
  return adapter;
}

function thread(subject: string, id?: string): HTMLElement {
  const section = document.createElement('section');
  const h2 = document.createElement('h2');
  h2.textContent = subject;
  if (id) h2.dataset.id = id;
  const box = document.createElement('div');
  box.setAttribute('contenteditable', 'true');
  section.append(h2, box);
  return section;
}

/** An element outside the thread that changes every `everyMs`, like a presence dot or a clock. */
function churn(everyMs: number): () => void {
  const clock = document.createElement('span');
  document.body.append(clock);
  let n = 0;
  const id = setInterval(() => (clock.textContent = String(n++)), everyMs);
  return () => clearInterval(id);
}

const subjects = (seen: ReadResult[]) => seen.map((r) => (r.ok ? r.snapshot.subject : r.problem.kind));

let controller: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/');
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
  vi.useRealTimers();
});

function watch(adapter: MailSiteAdapter, seen: ReadResult[], extra: { loadingLimitMs?: number } = {}) {
  return watchThread({
    adapter,
    doc: document,
    signal: controller.signal,
    onChange: (r) => seen.push(r),
    settleMs: 100,
    maxWaitMs: 600,
    holdMs: 900,
    ...extra,
  });
}

describe('watchThread', () => {
  it('reports the first read, then only changes, after the page settles', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    watch(adapter, seen);
    expect(subjects(seen)).toEqual(['no-thread']);

    document.body.append(thread('Thread A', 'a'));
    await vi.advanceTimersByTimeAsync(50);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(subjects(seen)).toEqual(['no-thread', 'Thread A']);

    controller.abort();
    const readsAtStop = adapter.reads;
    document.querySelector('h2')!.textContent = 'Thread B';
    await vi.advanceTimersByTimeAsync(1000);
    expect(adapter.reads).toBe(readsAtStop);
  });

  it('ignores changes outside the open thread and reads nothing for them', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    document.body.append(thread('Thread A', 'a'));
    watch(adapter, seen);
    const readsAfterStart = adapter.reads;
    const stop = churn(50);
    await vi.advanceTimersByTimeAsync(3000);
    stop();
    expect(adapter.reads).toBe(readsAfterStart);
    expect(subjects(seen)).toEqual(['Thread A']);
  });

  it('reads a thread switch within the max wait while the thread itself keeps changing', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    const open = thread('Thread A', 'a');
    document.body.append(open);
    watch(adapter, seen);
    // A relative time inside the thread ticks every 50 ms: a debounce alone would never read.
    const ticker = document.createElement('time');
    open.append(ticker);
    const tick = setInterval(() => (ticker.textContent = String(Date.now())), 50);
    const h2 = open.querySelector('h2')!;
    h2.textContent = 'Thread B';
    h2.dataset.id = 'b';
    await vi.advanceTimersByTimeAsync(650);
    clearInterval(tick);
    expect(subjects(seen)).toEqual(['Thread A', 'Thread B']);
  });

  it('skips the read when the fingerprint is unchanged (typing in the reply box)', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    const open = thread('Thread A', 'a');
    document.body.append(open);
    watch(adapter, seen);
    const reads = adapter.reads;
    const box = open.querySelector('[contenteditable]')!;
    for (let i = 0; i < 20; i++) {
      box.textContent += 'x';
      await vi.advanceTimersByTimeAsync(40);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(adapter.reads).toBe(reads);
    expect(seen).toHaveLength(1);
  });

  it('follows history.pushState: the thread id from the URL is updated', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    history.pushState(null, '', '/mail/id/one');
    const open = thread('First');
    document.body.append(open);
    const watcher = watch(adapter, seen);
    // The site draws the next thread, then changes the URL (Outlook does it in this order).
    open.querySelector('h2')!.textContent = 'Second';
    await vi.advanceTimersByTimeAsync(150);
    // The new subject under the old id is held back, not reported.
    expect(subjects(seen)).toEqual(['First']);
    history.pushState(null, '', '/mail/id/two');
    watcher.navigated(); // what the Navigation API / wxt:locationchange call
    expect(seen.map((r) => r.ok && [r.snapshot.threadId, r.snapshot.subject])).toEqual([
      ['one', 'First'],
      ['two', 'Second'],
    ]);
  });

  it('right after a navigation, churn does not postpone reading the new thread', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    history.pushState(null, '', '/mail/id/one');
    document.body.append(thread('First'));
    const watcher = watch(adapter, seen);
    const stop = churn(30);
    history.pushState(null, '', '/mail/id/two');
    watcher.navigated();
    document.querySelector('h2')!.textContent = 'Second';
    await vi.advanceTimersByTimeAsync(150);
    stop();
    expect(seen.map((r) => r.ok && [r.snapshot.threadId, r.snapshot.subject])).toEqual([
      ['one', 'First'],
      ['two', 'Second'],
    ]);
  });

  it('a thread drawn just after the navigation is read after the short navigation settle, not the quiet time', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    const open = thread('Thread A', 'a');
    document.body.append(open);
    const watcher = watch(adapter, seen);
    // The URL changes first (the Navigation API reports it at once); the page then draws the thread.
    history.pushState(null, '', '/mail/inbox/b');
    watcher.navigated();
    const h2 = open.querySelector('h2')!;
    h2.textContent = 'Thread B';
    h2.dataset.id = 'b';
    await vi.advanceTimersByTimeAsync(40); // the quiet time in these tests is 100 ms
    expect(subjects(seen)).toEqual(['Thread A', 'Thread B']);
  });

  it('a URL change noticed on any page change is read at once', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    history.pushState(null, '', '/mail/id/one');
    document.body.append(thread('First'));
    watch(adapter, seen);
    history.pushState(null, '', '/mail/id/two');
    document.querySelector('h2')!.textContent = 'Second';
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.map((r) => r.ok && r.snapshot.threadId)).toEqual(['one', 'two']);
  });

  it('reports a URL change over unchanged content only after the hold time', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    history.pushState(null, '', '/mail/id/one');
    document.body.append(thread('Same'));
    const watcher = watch(adapter, seen);
    history.pushState(null, '', '/mail/id/two');
    watcher.navigated();
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(650);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(seen.map((r) => r.ok && r.snapshot.threadId)).toEqual(['one', 'two']);
  });

  it('turns a loading that never ends into "not understood"', async () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    const open = thread('Thread A', 'a');
    open.querySelector('h2')!.setAttribute('data-loading', '');
    document.body.append(open);
    watch(adapter, seen, { loadingLimitMs: 2000 });
    expect(subjects(seen)).toEqual(['loading']);
    await vi.advanceTimersByTimeAsync(2100);
    expect(subjects(seen)).toEqual(['loading', 'not-understood']);
  });

  it('readNow reads again even when the fingerprint is unchanged', () => {
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    document.body.append(thread('Thread A', 'a'));
    const watcher = watch(adapter, seen);
    const reads = adapter.reads;
    watcher.readNow();
    expect(adapter.reads).toBe(reads + 1);
  });
});
