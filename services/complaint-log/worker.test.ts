// The complaint log's outbox handler: state kept in syncMeta, a failed pass says why and keeps the
// link, a good one moves to the next generation, a stopped log is skipped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { makeComplaint } from '../complaints/test-helpers';
import { CalendarError } from '../calendar/errors';
import type { SheetRemote } from './remote';
import type { Cell } from './sheet';
import {
  addBackToSheet,
  complaintSheet,
  complaintSheetHandler,
  disableComplaintSheet,
  enableComplaintSheet,
  requestComplaintSheetSync,
  SHEET_KIND,
  watchComplaintEdits,
} from './worker';
import { requestAfterEdit } from '../sync/worker';

function memoryRemote(): SheetRemote & { rows: Cell[][]; fail: Error | null } {
  const remote = {
    provider: 'google' as const,
    rows: [] as Cell[][],
    fail: null as Error | null,
    async create() {
      return { id: 's1', url: '' };
    },
    async read() {
      if (remote.fail) throw remote.fail;
      return remote.rows.map((r) => [...r]);
    },
    async update(_id: string, row: number, cells: Cell[]) {
      const target = (remote.rows[row - 1] ??= []);
      cells.forEach((v, i) => v !== null && (target[i] = v));
    },
    async updateRows(id: string, rows: { row: number; cells: Cell[] }[]) {
      for (const r of rows) await remote.update(id, r.row, r.cells);
    },
    async append(_id: string, rows: Cell[][]) {
      remote.rows.push(...rows.map((r) => r.map((v) => v ?? '')));
    },
  };
  return remote;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('complaint sheet outbox handler', () => {
  it('syncs, records the pass, and moves to the next generation', async () => {
    const remote = memoryRemote();
    await db.complaints.put(makeComplaint({ id: 'c1', threadKey: 'gmail:c1' }));
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    expect(await requestComplaintSheetSync()).not.toBeNull();
    await complaintSheetHandler(() => remote).run({}, undefined as never);
    const state = await complaintSheet();
    expect(state).toMatchObject({ generation: 2, lastError: null, lastReport: { appended: 1 } });
    expect(state!.pushed.c1).toBeDefined();
    expect(remote.rows).toHaveLength(2);
  });

  it('a failed pass keeps the link, says why, and changes nothing locally', async () => {
    const remote = memoryRemote();
    remote.fail = new CalendarError('auth', 'revoked');
    await db.complaints.put(makeComplaint({ id: 'c1', threadKey: 'gmail:c1' }));
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    await expect(complaintSheetHandler(() => remote).run({}, undefined as never)).rejects.toThrow();
    expect(await complaintSheet()).toMatchObject({ enabled: true, generation: 1, lastError: 'auth' });
    expect(await db.complaints.count()).toBe(1);
  });

  it('the same sheet joined again after Stop does not append back the rows deleted there meanwhile', async () => {
    const remote = memoryRemote();
    await db.complaints.put(makeComplaint({ id: 'c1', threadKey: 'gmail:c1' }));
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    await complaintSheetHandler(() => remote).run({}, undefined as never);
    expect(remote.rows).toHaveLength(2);
    await disableComplaintSheet();
    // A colleague deletes the row while this browser has stopped sharing; then it joins back.
    remote.rows.splice(1, 1);
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    await complaintSheetHandler(() => remote).run({}, undefined as never);
    expect(remote.rows).toHaveLength(1);
    // Another sheet starts from nothing written: the complaint goes into it.
    const other = memoryRemote();
    await enableComplaintSheet({ provider: 'google', sheetId: 's2', url: '' });
    await complaintSheetHandler(() => other).run({}, undefined as never);
    expect(other.rows).toHaveLength(2);
  });

  it('skips a stopped log and queues nothing for it', async () => {
    const remote = memoryRemote();
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    await disableComplaintSheet();
    expect(await requestComplaintSheetSync()).toBeNull();
    expect(await complaintSheetHandler(() => remote).run({}, undefined as never)).toEqual({ skipped: true });
    expect(remote.rows).toHaveLength(0);
  });
});

describe('a complaint edit reaches the sheet promptly (through the outbox)', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());
  const passes = async () => (await db.outbox.toArray()).filter((i) => i.kind === SHEET_KIND);

  it('an edit in any page queues one pass a moment later; nothing while the log is not linked', async () => {
    stop = watchComplaintEdits(20);
    await db.complaints.put(makeComplaint({ id: 'c1', threadKey: 'gmail:c1' }));
    await new Promise((r) => setTimeout(r, 120));
    expect(await passes()).toHaveLength(0);

    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    await db.complaints.update('c1', { status: 'in_progress', updatedAt: Date.now() });
    await db.complaints.update('c1', { assignee: 'ana@example.com' });
    await expect.poll(async () => (await passes()).length, { timeout: 5_000 }).toBe(1);
    // Other tables do not count.
    await db.settings.put({ key: 'x', value: 1 } as never);
    await new Promise((r) => setTimeout(r, 120));
    expect(await passes()).toHaveLength(1);
  });

  it('an edit while a pass is running asks again once that pass has finished', async () => {
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    const first = (await requestComplaintSheetSync())!;
    await db.outbox.update(first, { status: 'running' });
    const asked = requestAfterEdit(requestComplaintSheetSync, 20, 50);
    await new Promise((r) => setTimeout(r, 60));
    // The running pass ends (its handler moves to the next generation).
    const state = (await complaintSheet())!;
    await db.syncMeta.put({ key: 'complaint-sheet', value: { ...state, generation: 2 }, updatedAt: 0 });
    await db.outbox.update(first, { status: 'done' });
    await asked;
    const all = await passes();
    expect(all.map((i) => i.key).sort()).toEqual(['complaint-sheet:1', 'complaint-sheet:2']);
  });

  it('Add back to the sheet forgets the deleted rows, so the next pass appends them once', async () => {
    const remote = memoryRemote();
    await db.complaints.bulkPut([
      makeComplaint({ id: 'c1', threadKey: 'gmail:c1' }),
      makeComplaint({ id: 'c2', threadKey: 'gmail:c2' }),
    ]);
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    const handler = complaintSheetHandler(() => remote);
    await handler.run({}, undefined as never);
    // A colleague deletes c2's row.
    remote.rows = remote.rows.filter((r) => r[0] !== 'c2');
    await handler.run({}, undefined as never);
    expect((await complaintSheet())!.lastReport!.removed).toEqual([
      { id: 'c2', subject: expect.any(String) },
    ]);
    expect(remote.rows.filter((r) => r[0] === 'c2')).toHaveLength(0);
    await addBackToSheet(['c2']);
    expect((await complaintSheet())!.lastReport!.removed).toEqual([]);
    await handler.run({}, undefined as never);
    expect(remote.rows.filter((r) => r[0] === 'c2')).toHaveLength(1);
    expect(await db.complaints.count()).toBe(2);
  });
});
