// Issue 18: the complaint log in a shared spreadsheet at size and against a colleague's hand. Per
// provider (Google Sheet, Excel table) through the strict sandbox: 500 complaints are written in a
// few calls and 500 changed complaints are rewritten in a few calls (Sheets values:batchUpdate, one
// Excel Update range per span of rows), counted at the sandbox; a row a colleague deletes in the
// sheet is not added again, the complaint stays here and is listed, and "add back" puts it back.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../services/db/db';
import { useSandbox } from '../../sandbox/testing';
import { FIXED_TOKENS } from '../../sandbox/state';
import { setCloudAuthForTests } from '../../services/sync/http';
import { makeComplaint } from '../../services/complaints/test-helpers';
import { googleSheets } from '../../services/complaint-log/google-sheets';
import { excelTable } from '../../services/complaint-log/excel';
import { syncComplaintSheet, type SheetLink } from '../../services/complaint-log/sync';
import type { SheetRemote } from '../../services/complaint-log/remote';
import type { Provider } from '../../services/auth/tokens';

const COUNT = 500;
const sandbox = useSandbox();

const remoteFor = (p: Provider): SheetRemote =>
  p === 'google'
    ? googleSheets(`${sandbox.origin()}/google/sheets/v4`)
    : excelTable(`${sandbox.origin()}/graph/`);

beforeEach(async () => {
  await db.delete();
  await db.open();
  setCloudAuthForTests(
    async (p) => FIXED_TOKENS[p],
    async () => {},
    async () => {},
  );
});

const complaint = (i: number) =>
  makeComplaint({
    id: `c-${i}`,
    threadKey: `gmail:t-${i}`,
    subject: `Pedido ${i} llegó roto`,
    status: 'new',
    createdAt: 1_700_000_000_000 + i,
    updatedAt: 1_700_000_000_000 + i,
  });

/** Writes (not reads) the sandbox answered since `before`, by method and endpoint. */
async function writesSince(before: Record<string, number>): Promise<Record<string, number>> {
  const now = (await sandbox.snapshot()).requests;
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(now)) {
    if (key.startsWith('GET ')) continue;
    if (!/sheets|workbook|drive/.test(key)) continue;
    const d = n - (before[key] ?? 0);
    if (d > 0) out[key] = d;
  }
  return out;
}
const total = (w: Record<string, number>) => Object.values(w).reduce((a, b) => a + b, 0);

async function grid(provider: Provider, sheetId: string): Promise<unknown[][]> {
  if (provider === 'google') {
    const all = (await (await sandbox.admin('sheets')).json()) as {
      spreadsheets: { spreadsheetId: string; sheets: { grid: unknown[][] }[] }[];
    };
    return all.spreadsheets.find((s) => s.spreadsheetId === sheetId)!.sheets[0]!.grid;
  }
  const all = (await (await sandbox.admin('workbooks')).json()) as {
    workbooks: { itemId: string; worksheets: { grid: unknown[][] }[] }[];
  };
  return all.workbooks.find((w) => w.itemId === sheetId.split('|')[0])!.worksheets[0]!.grid;
}

async function deleteRow(provider: Provider, sheetId: string, row: number): Promise<void> {
  const res =
    provider === 'google'
      ? await sandbox.admin('sheets/delete-row', 'POST', { spreadsheetId: sheetId, row })
      : await sandbox.admin('workbooks/delete-row', 'POST', { itemId: sheetId.split('|')[0], row });
  expect(res.status).toBe(200);
}

describe.each(['google', 'microsoft'] as const)('%s: the complaint log at 500 rows', (provider) => {
  it('writes 500 complaints and rewrites 500 changed ones in a few calls each', async () => {
    const remote = remoteFor(provider);
    const made = await remote.create('Reclamaciones');
    let link: SheetLink = { provider, sheetId: made.id, url: made.url, pushed: {} };
    await db.complaints.bulkPut(Array.from({ length: COUNT }, (_, i) => complaint(i)));

    let before = (await sandbox.snapshot()).requests;
    const first = await syncComplaintSheet(remote, link);
    link = first.link;
    expect(first.report.appended).toBe(COUNT);
    const appendCalls = await writesSince(before);
    expect(total(appendCalls)).toBeLessThanOrEqual(2); // the append (and, for a new sheet, its header)
    expect((await grid(provider, made.id)).filter((r) => r.some((v) => v !== ''))).toHaveLength(COUNT + 1);

    // Every complaint changes here (in the dashboard): one pass rewrites all 500 rows.
    const now = Date.now();
    await db.complaints.bulkPut(
      (await db.complaints.toArray()).map((c) => ({
        ...c,
        status: 'in_progress' as const,
        updatedAt: now,
      })),
    );
    before = (await sandbox.snapshot()).requests;
    const second = await syncComplaintSheet(remote, link);
    expect(second.report.updated).toBe(COUNT);
    const updateCalls = await writesSince(before);
    // 500 rows, at most 250 a request: two calls (one per row would be 500).
    expect(total(updateCalls)).toBe(2);
    const rows = await grid(provider, made.id);
    const status = (rows[0] as string[]).indexOf('Status');
    expect(rows.slice(1).filter((r) => r[status] === 'in_progress')).toHaveLength(COUNT);

    // A handful of scattered changes is one call, not one per row.
    await db.complaints.bulkPut(
      [3, 170, 444].map((i) => ({ ...complaint(i), status: 'resolved' as const, updatedAt: now + 1 })),
    );
    before = (await sandbox.snapshot()).requests;
    const third = await syncComplaintSheet(remote, second.link);
    expect(third.report.updated).toBe(3);
    expect(total(await writesSince(before))).toBeLessThanOrEqual(2);
    const after = await grid(provider, made.id);
    const resolved = after.filter((r) => r[status] === 'resolved').map((r) => String(r[0]));
    expect(resolved.sort()).toEqual(['c-170', 'c-3', 'c-444']);
    // Nothing else was touched: the rows between them still say in_progress.
    expect(after.slice(1).filter((r) => r[status] === 'in_progress')).toHaveLength(COUNT - 3);

    // Every complaint closed; the second rewrite request is carried out but its answer is lost.
    // Rewriting in place is idempotent: whether the pass is redone or the request repeated, no row
    // is added or lost.
    await db.complaints.bulkPut(
      (await db.complaints.toArray()).map((c) => ({ ...c, status: 'closed' as const, updatedAt: now + 2 })),
    );
    const rewrite = provider === 'google' ? 'values:batchUpdate$' : '/workbook/worksheets/[^/]+/range';
    const method = provider === 'google' ? 'POST' : 'PATCH';
    await sandbox.admin('faults', 'POST', [
      { path: rewrite, method, delayMs: 1, times: 1 },
      { path: rewrite, method, dropAfterCommit: true, times: 1 },
    ]);
    const cut = syncComplaintSheet(remote, third.link);
    // A lost POST is never repeated blindly (the pass fails and is redone); a lost PATCH is safe to
    // repeat and is repeated at once.
    if (method === 'POST') await expect(cut).rejects.toBeTruthy();
    else await cut;
    const { faults } = (await (await sandbox.admin('faults')).json()) as { faults: { hits: number }[] };
    expect(faults.map((f) => f.hits)).toEqual([1, 1]);
    await sandbox.admin('faults', 'DELETE');
    const again = await syncComplaintSheet(remote, third.link);
    expect(again.report).toMatchObject({ appended: 0, imported: 0 });
    const closed = await grid(provider, made.id);
    expect(closed.filter((r) => r.some((v) => v !== ''))).toHaveLength(COUNT + 1);
    expect(closed.slice(1).filter((r) => r[status] === 'closed')).toHaveLength(COUNT);
  });

  it('a row a colleague deletes in the sheet is not added back; the complaint stays here and is listed', async () => {
    const remote = remoteFor(provider);
    const made = await remote.create('Reclamaciones');
    let link: SheetLink = { provider, sheetId: made.id, url: made.url, pushed: {} };
    await db.complaints.bulkPut([1, 2, 3].map(complaint));
    link = (await syncComplaintSheet(remote, link)).link;
    const rows = await grid(provider, made.id);
    const row = rows.findIndex((r) => r[0] === 'c-2') + 1;
    await deleteRow(provider, made.id, row);

    for (let pass = 0; pass < 2; pass++) {
      const next = await syncComplaintSheet(remote, link);
      link = next.link;
      expect(next.report.removed).toEqual([{ id: 'c-2', subject: 'Pedido 2 llegó roto' }]);
      expect(next.report.appended).toBe(0);
      expect((await grid(provider, made.id)).map((r) => r[0])).not.toContain('c-2');
    }
    // Kept here, untouched.
    expect(await db.complaints.get('c-2')).toMatchObject({ subject: 'Pedido 2 llegó roto', status: 'new' });

    // Put back on purpose (Options → Add back to the sheet forgets that it was written): appended once.
    const pushed = { ...link.pushed };
    delete pushed['c-2'];
    const back = await syncComplaintSheet(remote, { ...link, pushed });
    expect(back.report).toMatchObject({ appended: 1, removed: [] });
    expect((await grid(provider, made.id)).filter((r) => r[0] === 'c-2')).toHaveLength(1);
  });

  it('a sheet whose ID column was deleted gets no rows added (it would duplicate them all)', async () => {
    const remote = remoteFor(provider);
    const made = await remote.create('Reclamaciones');
    let link: SheetLink = { provider, sheetId: made.id, url: made.url, pushed: {} };
    await db.complaints.bulkPut([1, 2].map(complaint));
    link = (await syncComplaintSheet(remote, link)).link;
    // Someone clears the ID header cell.
    const edit =
      provider === 'google'
        ? await sandbox.admin('sheets/edit', 'POST', { spreadsheetId: made.id, row: 1, col: 1, value: '' })
        : await sandbox.admin('workbooks/edit', 'POST', {
            itemId: made.id.split('|')[0],
            row: 1,
            col: 1,
            value: '',
          });
    expect(edit.status).toBe(200);
    await db.complaints.put(complaint(3));
    const next = await syncComplaintSheet(remote, link);
    expect(next.report.appended).toBe(0);
    expect(next.report.problems).toContainEqual({ kind: 'missing-header', detail: 'ID' });
    expect((await grid(provider, made.id)).filter((r) => r.some((v) => v !== ''))).toHaveLength(3);
  });
});
