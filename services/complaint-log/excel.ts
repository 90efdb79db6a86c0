import { zipSync, strToU8 } from 'fflate';
import { GRAPH_API_BASE } from '../config';
import { cloudFetch, cloudJson } from '../sync/http';
import { FIELDS, headerRow, type Cell } from './sheet';
import type { SheetRemote } from './remote';

// An Excel table in the user's OneDrive app folder through the Graph workbook API
// (learn.microsoft.com/graph/api/resources/excel). Graph cannot make an empty workbook, so the
// extension uploads a minimal .xlsx it builds itself ("Upload or replace the contents of a
// driveItem"), then adds a table over the header row ("Create table"). Reads are the table's range
// ("Get range"); a row is rewritten with "Update range" (null leaves a cell alone) — many rows at once
// as one Update range over the span they sit in, the rows between them all null (at most SPAN_ROWS
// rows a request; "Use null in 2-D arrays to leave specific cells unchanged while updating others",
// learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values); new rows go in
// with "Add rows". Excel reads "=…" as a formula: every cell passes through safeCell (sheet.ts), which
// puts an apostrophe first, and Excel keeps the text without it.
// Scope: Files.ReadWrite (the workbook pages list no lesser one; Files.ReadWrite.AppFolder is refused).

export const EXCEL_SCOPE = 'Files.ReadWrite';
/** Rows one Update range may span (changed rows plus the unchanged ones between them, sent as null). */
export const SPAN_ROWS = 250;

/** The smallest workbook Excel opens: one empty sheet named Sheet1 (ECMA-376 Part 1, SpreadsheetML). */
export function emptyWorkbook(): Uint8Array {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8(
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}">` +
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `${xml}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
    ),
  });
}

const colLetters = (index: number): string => {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
};
const colIndex = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

interface Range {
  address: string;
  values: Cell[][];
  columnCount: number;
}

/** `id` is "{driveItemId}|{tableId}". */
export function excelTable(base = GRAPH_API_BASE): SheetRemote {
  const api = `${base}v1.0/me/drive`;
  const json = { 'content-type': 'application/json' };
  // Where the table sits, from the last read: rows are addressed on the worksheet.
  const seen = new Map<string, { sheet: string; row0: number; col0: number; columns: number }>();
  const split = (id: string) => {
    const [item = '', table = ''] = id.split('|');
    return { item: encodeURIComponent(item), table: encodeURIComponent(table) };
  };
  const where = async (id: string) => {
    if (!seen.has(id)) await remote.read(id);
    return seen.get(id)!;
  };
  const remote: SheetRemote = {
    provider: 'microsoft',
    async create(title) {
      const name = `${title.replace(/["*:<>?/\\|]/g, ' ').trim() || 'Complaints'}.xlsx`;
      const response = await cloudFetch(
        'microsoft',
        `${api}/special/approot:/${encodeURIComponent(name)}:/content`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
          body: new Blob([emptyWorkbook() as BlobPart]),
        },
      );
      const item = (await response.json()) as { id: string; webUrl?: string };
      const last = colLetters(FIELDS.length - 1);
      const table = await cloudJson<{ id: string }>(
        'microsoft',
        `${api}/items/${encodeURIComponent(item.id)}/workbook/worksheets/Sheet1/tables/add`,
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ address: `Sheet1!A1:${last}1`, hasHeaders: true }),
        },
      );
      // The header row is written at once: Excel names blank headers Column1, Column2… itself.
      await cloudJson(
        'microsoft',
        `${api}/items/${encodeURIComponent(item.id)}/workbook/worksheets/Sheet1/range(address='A1:${last}1')`,
        { method: 'PATCH', headers: json, body: JSON.stringify({ values: [headerRow()] }) },
      );
      return { id: `${item.id}|${table.id}`, url: item.webUrl ?? '' };
    },
    async read(id) {
      const { item, table } = split(id);
      const range = await cloudJson<Range>(
        'microsoft',
        `${api}/items/${item}/workbook/tables/${table}/range`,
      );
      const m = /^(?:'?(.*?)'?!)?([A-Z]+)(\d+)/i.exec(range.address);
      seen.set(id, {
        sheet: m?.[1] ?? 'Sheet1',
        row0: Number(m?.[3] ?? 1) - 1,
        col0: colIndex(m?.[2] ?? 'A'),
        columns: range.columnCount,
      });
      return range.values;
    },
    async update(id, row, cells) {
      const at = await where(id);
      const { item } = split(id);
      const values = [Array.from({ length: at.columns }, (_, i) => cells[i] ?? null)];
      const r = at.row0 + row;
      const address = `${colLetters(at.col0)}${r}:${colLetters(at.col0 + at.columns - 1)}${r}`;
      await cloudJson(
        'microsoft',
        `${api}/items/${item}/workbook/worksheets/${encodeURIComponent(at.sheet)}/range(address='${address}')`,
        { method: 'PATCH', headers: json, body: JSON.stringify({ values }) },
      );
    },
    async updateRows(id, rows) {
      const at = await where(id);
      const { item } = split(id);
      const sorted = [...rows].sort((a, b) => a.row - b.row);
      for (let i = 0; i < sorted.length;) {
        const first = sorted[i]!.row;
        const span: Cell[][] = [];
        for (; i < sorted.length && sorted[i]!.row < first + SPAN_ROWS; i++) {
          const { row, cells } = sorted[i]!;
          while (first + span.length < row) span.push(Array.from({ length: at.columns }, () => null));
          span[row - first] = Array.from({ length: at.columns }, (_, c) => cells[c] ?? null);
        }
        const r0 = at.row0 + first;
        const r1 = r0 + span.length - 1;
        const address = `${colLetters(at.col0)}${r0}:${colLetters(at.col0 + at.columns - 1)}${r1}`;
        await cloudJson(
          'microsoft',
          `${api}/items/${item}/workbook/worksheets/${encodeURIComponent(at.sheet)}/range(address='${address}')`,
          { method: 'PATCH', headers: json, body: JSON.stringify({ values: span }) },
        );
      }
    },
    async append(id, rows) {
      const at = await where(id);
      const { item, table } = split(id);
      // "Add rows" wants exactly as many values as the table has columns.
      const values = rows.map((r) => Array.from({ length: at.columns }, (_, i) => r[i] ?? ''));
      await cloudJson('microsoft', `${api}/items/${item}/workbook/tables/${table}/rows/add`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ index: null, values }),
      });
    },
  };
  return remote;
}
