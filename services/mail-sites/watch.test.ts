import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchThread } from './watch';
import type { MailSiteAdapter, ReadResult } from './types';

function fakeAdapter(): MailSiteAdapter & { reads: number } {
  const adapter = {
    site: 'gmail' as const,
    reads: 0,
    readThread(doc: Document): ReadResult {
      adapter.reads++;
      const subject = doc.querySelector('h2')?.textContent;
      if (!subject) return { ok: false, problem: { kind: 'no-thread' } };
      return {
        ok: true,
        snapshot: {
          site: 'gmail',
          threadId: subject,
          url: '',
          subject,
          messages: [],
          userEmail: null,
          readAt: 0,
        },
      };
    },
    openReplyEditor: () => Promise.reject(new Error('unused')),
    assistButtonAnchor: () => null,
  };
  return adapter;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('watchThread', () => {
  it('reports the first read, then only changes, after the page settles', async () => {
    vi.useFakeTimers();
    const adapter = fakeAdapter();
    const seen: ReadResult[] = [];
    const controller = new AbortController();
    watchThread({
      adapter,
      doc: document,
      signal: controller.signal,
      onChange: (r) => seen.push(r),
      settleMs: 100,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.ok).toBe(false);

    const h2 = document.createElement('h2');
    h2.textContent = 'Thread A';
    document.body.append(h2);
    await vi.advanceTimersByTimeAsync(50);
    document.body.append(document.createElement('div')); // more churn restarts the quiet period
    await vi.advanceTimersByTimeAsync(150);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.ok && seen[1]!.snapshot.subject).toBe('Thread A');

    document.body.append(document.createElement('span')); // unrelated change: read, but no report
    await vi.advanceTimersByTimeAsync(150);
    expect(seen).toHaveLength(2);

    controller.abort();
    const readsAtStop = adapter.reads;
    h2.textContent = 'Thread B';
    await vi.advanceTimersByTimeAsync(500);
    expect(adapter.reads).toBe(readsAtStop);
  });
});
