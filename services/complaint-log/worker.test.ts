// The complaint log's outbox handler: state kept in syncMeta, a failed pass says why and keeps the
// link, a good one moves to the next generation, a stopped log is skipped.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { makeComplaint } from '../complaints/test-helpers';
import { CalendarError } from '../calendar/errors';
import type { SheetRemote } from './remote';
import type { Cell } from './sheet';
import {
  complaintSheet,
  complaintSheetHandler,
  disableComplaintSheet,
  enableComplaintSheet,
  requestComplaintSheetSync,
} from './worker';

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

  it('skips a stopped log and queues nothing for it', async () => {
    const remote = memoryRemote();
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    await disableComplaintSheet();
    expect(await requestComplaintSheetSync()).toBeNull();
    expect(await complaintSheetHandler(() => remote).run({}, undefined as never)).toEqual({ skipped: true });
    expect(remote.rows).toHaveLength(0);
  });
});
