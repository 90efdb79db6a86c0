import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { db } from '../db/db';
import { makeComplaint } from '../complaints/test-helpers';
import { enableComplaintSheet, SHEET_KIND, watchComplaintEdits } from '../complaint-log/worker';
import { forwardEditsToBackground } from './forward-edits';
import { syncAfterPageEdit } from './after-edit';

// A page's writes to complaints or tasks wake the background with a message (Dexie's change
// events alone do not wake a stopped service worker), and the background queues the passes.

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('edits in a page reach the shared sheet and lists', () => {
  it('the page tells the background at the first write and once after the burst; other tables say nothing', async () => {
    const sent = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const stop = forwardEditsToBackground(50);
    await db.settings.put({ key: 'x', value: 1, updatedAt: 1 });
    await new Promise((r) => setTimeout(r, 120));
    expect(sent).not.toHaveBeenCalled();

    // The first write is told at once (a popup may close right after it)...
    await db.complaints.put(makeComplaint({ id: 'c1', threadKey: 'gmail:c1' }));
    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent).toHaveBeenLastCalledWith({ type: 'sync:edited', data: { tables: ['complaints'] } });
    // ...the rest of the burst once, after it.
    await db.complaints.put(makeComplaint({ id: 'c2', threadKey: 'gmail:c2' }));
    await db.complaints.put(makeComplaint({ id: 'c3', threadKey: 'gmail:c3' }));
    expect(sent).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 120));
    expect(sent).toHaveBeenCalledTimes(2);
    stop();
  });

  it("the background's own watcher does not queue a second pass for what a page already told", async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    const stop = watchComplaintEdits(300);
    await db.complaints.put(makeComplaint({ id: 'c1', threadKey: 'gmail:c1' }));
    await syncAfterPageEdit(['complaints']);
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(1));
    // That pass ran meanwhile: the state moved to the next generation (a new outbox key).
    const meta = (await db.syncMeta.get('complaint-sheet'))!;
    const value = meta.value as { generation: number };
    await db.syncMeta.put({ ...meta, value: { ...value, generation: value.generation + 1 } });
    await new Promise((r) => setTimeout(r, 500));
    expect(await db.outbox.count()).toBe(1);
    stop();
  });

  it('the background queues a pass of the linked complaint log', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    await syncAfterPageEdit(['complaints']);
    await vi.waitFor(async () =>
      expect((await db.outbox.toArray()).map((i) => i.kind)).toContain(SHEET_KIND),
    );
  });
});
