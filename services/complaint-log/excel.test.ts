// The complaint log ⇄ an Excel table in the OneDrive app folder against the strict sandbox
// (sandbox/workbook.ts): two browsers are two databases in turn, the table is the shared store.
import { beforeEach, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { db } from '../db/db';
import { useSandbox } from '../../sandbox/testing';
import { FIXED_TOKENS } from '../../sandbox/state';
import { setCloudAuthForTests } from '../sync/http';
import { makeComplaint } from '../complaints/test-helpers';
import { emptyWorkbook, excelTable } from './excel';
import { syncComplaintSheet, type SheetLink } from './sync';
import { headerRow } from './sheet';

const sandbox = useSandbox();
const remote = () => excelTable(`${sandbox.origin()}/graph/`);

beforeEach(async () => {
  await db.delete();
  await db.open();
  setCloudAuthForTests(
    async (p) => FIXED_TOKENS[p],
    async () => {},
    async () => {},
  );
});

const grid = async (itemId: string) => {
  const all = (await (await sandbox.admin('workbooks')).json()) as {
    workbooks: { itemId: string; worksheets: { grid: unknown[][] }[] }[];
  };
  return all.workbooks.find((w) => w.itemId === itemId)!.worksheets[0]!.grid;
};
const STATUS_COL = headerRow().indexOf('Status') + 1;

describe('complaint log ⇄ Excel table (Graph workbook)', () => {
  it('builds a workbook Excel can open: the SpreadsheetML parts with one sheet', () => {
    const parts = unzipSync(emptyWorkbook());
    expect(Object.keys(parts)).toContain('xl/worksheets/sheet1.xml');
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain('name="Sheet1"');
  });

  it('shows a complaint logged in one browser in the other, and brings a status typed in Excel back', async () => {
    const made = await remote().create('Reclamaciones');
    let linkA: SheetLink = { provider: 'microsoft', sheetId: made.id, url: made.url, pushed: {} };
    await db.complaints.put(
      makeComplaint({
        id: 'c1',
        threadKey: 'outlook:c1',
        subject: '=HYPERLINK("http://evil","x")',
        status: 'new',
      }),
    );
    linkA = (await syncComplaintSheet(remote(), linkA)).link;
    const item = made.id.split('|')[0]!;
    const rows = await grid(item);
    expect(rows[0]).toEqual(headerRow());
    // The apostrophe made Excel keep it as text: no formula.
    expect(rows[1]).toContain('=HYPERLINK("http://evil","x")');
    expect(JSON.stringify(rows)).not.toContain('#FORMULA');

    await db.complaints.clear();
    let linkB: SheetLink = { ...linkA, pushed: {} };
    const passB = await syncComplaintSheet(remote(), linkB);
    linkB = passB.link;
    expect(passB.report.imported).toBe(1);
    expect(await db.complaints.get('c1')).toMatchObject({ subject: '=HYPERLINK("http://evil","x")' });

    await sandbox.admin('workbooks/edit', 'POST', {
      itemId: item,
      row: 2,
      col: STATUS_COL,
      value: 'in progress',
    });
    const back = await syncComplaintSheet(remote(), linkB);
    expect(back.report.statusesIn).toBe(1);
    expect(await db.complaints.get('c1')).toMatchObject({ status: 'in_progress' });
    const settle = await syncComplaintSheet(remote(), back.link);
    const quiet = await syncComplaintSheet(remote(), settle.link);
    expect(quiet.report).toMatchObject({ appended: 0, updated: 0, statusesIn: 0, imported: 0 });
    expect(await grid(item)).toHaveLength(2);
  });

  it('a lost "Add rows" answer never makes a duplicate row', async () => {
    const made = await remote().create('Reclamaciones');
    const link: SheetLink = { provider: 'microsoft', sheetId: made.id, url: made.url, pushed: {} };
    await db.complaints.put(makeComplaint({ id: 'c1', threadKey: 'outlook:c1' }));
    await sandbox.admin('faults', 'POST', [
      { method: 'POST', path: '/rows/add', status: 500, dropAfterCommit: true, times: 1 },
    ]);
    await expect(syncComplaintSheet(remote(), link)).rejects.toBeTruthy();
    await syncComplaintSheet(remote(), link);
    const rows = await grid(made.id.split('|')[0]!);
    expect(rows.filter((r) => r.includes('c1'))).toHaveLength(1);
  });
});
