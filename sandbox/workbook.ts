import type { ServerResponse } from 'node:http';
import type { Route, SandboxRequest } from './http';
import { parseJson, sendJson } from './http';
import { sendGraphError } from './graph';
import { oneDriveStore } from './onedrive';
import { colLetters } from './sheets';
import { bearerToken, randomId } from './routing';
import type { SandboxState } from './state';

// Excel workbooks through Microsoft Graph v1.0, only what the complaint log uses, as documented
// (learn.microsoft.com/graph/api/resources/excel):
// - "Create table" (…/graph/api/tablecollection-add): POST …/workbook/worksheets/{name}/tables/add with
//   address and hasHeaders; answers the workbookTable (id, name, showHeaders)
// - "Get range" of a table (…/graph/api/table-range): GET …/workbook/tables/{id}/range → workbookRange
//   { address, values, rowCount, columnCount }, the header row included
// - "Add rows" (…/graph/api/tablerowcollection-add): POST …/workbook/tables/{id}/rows/add { index, values };
//   each row must have as many values as the table has columns; answers a workbookTableRow { index, values }
// - "Update range" (…/graph/api/range-update): PATCH …/workbook/worksheets/{name}/range(address='A2:M2')
//   { values }; a null value leaves that cell as it is
// - Permissions on every workbook page: Files.ReadWrite least (Files.ReadWrite.All higher);
//   Files.ReadWrite.AppFolder is not listed, so such a token is refused 403 accessDenied
// - Excel, not Graph, decides what a value means: a string starting "=" is a formula, one starting
//   with an apostrophe is text (the apostrophe is not part of the value read back). The sandbox keeps
//   a formula as "#FORMULA …" so a test sees it.
// - "Error codes" (…/graph/errors): itemNotFound 404; 429 with Retry-After comes from faults.ts

const PREFIX = '/graph/v1.0/me/drive/items/';
const SCOPES = ['Files.ReadWrite', 'Files.ReadWrite.All'];

type Cell = string | number | boolean;

interface Worksheet {
  id: string;
  name: string;
  grid: Cell[][];
}
interface Table {
  id: string;
  name: string;
  worksheet: string;
  row0: number;
  col0: number;
  columns: number;
  /** Data rows (the header not counted). */
  rows: number;
}
export interface SandboxWorkbook {
  itemId: string;
  worksheets: Worksheet[];
  tables: Table[];
}

export function workbookStore(state: SandboxState): { workbooks: SandboxWorkbook[] } {
  return (state.clouds.workbooks ??= { workbooks: [] }) as { workbooks: SandboxWorkbook[] };
}

/** The workbook behind an uploaded .xlsx item of the app folder (made on first use, one empty Sheet1). */
function workbookFor(state: SandboxState, itemId: string): SandboxWorkbook | undefined {
  const item = oneDriveStore(state).approot.find((i) => i.id === itemId);
  if (!item || !/\.xlsx$/i.test(item.name) || !item.content.startsWith('PK')) return undefined;
  const store = workbookStore(state);
  let book = store.workbooks.find((w) => w.itemId === itemId);
  if (!book) {
    book = {
      itemId,
      worksheets: [{ id: '{00000000-0001-0000-0000-000000000000}', name: 'Sheet1', grid: [] }],
      tables: [],
    };
    store.workbooks.push(book);
  }
  return book;
}

const colIndex = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

function parseAddress(
  address: string,
): { sheet?: string; row0: number; col0: number; row1: number; col1: number } | undefined {
  const bang = address.lastIndexOf('!');
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, '$1') : undefined;
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address.slice(bang + 1));
  if (!m) return undefined;
  const [, c0, r0, c1 = c0!, r1 = r0!] = m;
  return { sheet, row0: Number(r0) - 1, col0: colIndex(c0!), row1: Number(r1) - 1, col1: colIndex(c1) };
}

/** Excel reads a typed string: "=…" a formula, "'…" text without the apostrophe. */
function excelValue(v: unknown): Cell {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const text = String(v ?? '');
  if (text.startsWith("'")) return text.slice(1);
  return text.startsWith('=') ? `#FORMULA ${text}` : text;
}

function writeCells(ws: Worksheet, row0: number, col0: number, values: unknown[][]): void {
  values.forEach((row, i) => {
    const target = (ws.grid[row0 + i] ??= []);
    row.forEach((v, j) => {
      if (v === null) return;
      while (target.length < col0 + j) target.push('');
      target[col0 + j] = excelValue(v);
    });
  });
  for (let r = 0; r < ws.grid.length; r++) ws.grid[r] ??= [];
}

function rangeOf(ws: Worksheet, row0: number, col0: number, rows: number, cols: number) {
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => ws.grid[row0 + r]?.[col0 + c] ?? ''),
  );
  return {
    address: `${ws.name}!${colLetters(col0)}${row0 + 1}:${colLetters(col0 + cols - 1)}${row0 + rows}`,
    rowCount: rows,
    columnCount: cols,
    values,
  };
}

export function workbookRoutes(state: SandboxState): Route {
  return (req, res) => {
    const path = req.url.pathname;
    if (!path.startsWith(PREFIX) || !path.includes('/workbook/')) return false;
    const [itemId = '', rest = ''] = path.slice(PREFIX.length).split('/workbook/');
    state.countRequest(
      `${req.method} ${PREFIX}{item}/workbook/${rest.replace(/\/[^/]*\(.*\)$/, '/range(…)')}`,
    );
    const token = bearerToken(req);
    const auth = state.checkToken('microsoft', token);
    if (auth !== 'ok') {
      sendGraphError(
        res,
        401,
        'InvalidAuthenticationToken',
        'Access token has expired or is not yet valid.',
        {
          'www-authenticate': 'Bearer realm=""',
        },
      );
      return true;
    }
    const scopes = state.tokenScopes('microsoft', token);
    if (scopes && !SCOPES.some((s) => scopes.includes(s))) {
      sendGraphError(res, 403, 'accessDenied', 'The caller does not have permission to perform the action.');
      return true;
    }
    const book = workbookFor(state, decodeURIComponent(itemId));
    if (!book) {
      sendGraphError(res, 404, 'itemNotFound', 'The resource could not be found.');
      return true;
    }
    handle(book, req, res, decodeURIComponent(rest));
    return true;
  };
}

function handle(book: SandboxWorkbook, req: SandboxRequest, res: ServerResponse, rest: string): void {
  const body = parseJson(req.body) as
    { address?: string; hasHeaders?: boolean; values?: unknown; index?: unknown } | undefined;
  const sheetOf = (name: string) => book.worksheets.find((w) => w.name === name || w.id === name);
  let m: RegExpExecArray | null;
  if (req.method === 'POST' && (m = /^worksheets\/([^/]+)\/tables\/add$/.exec(rest))) {
    const ws = sheetOf(m[1]!);
    const at = body?.address ? parseAddress(body.address) : undefined;
    if (!ws || !at || (at.sheet && at.sheet !== ws.name))
      return sendGraphError(
        res,
        400,
        'InvalidArgument',
        'The argument is invalid or missing or has an incorrect format.',
      );
    const columns = at.col1 - at.col0 + 1;
    if (!body?.hasHeaders)
      writeCells(ws, at.row0, at.col0, [Array.from({ length: columns }, (_, i) => `Column${i + 1}`)]);
    const table: Table = {
      id: `{${randomId(8, '0123456789ABCDEF')}-0000-0000-0000-000000000000}`,
      name: `Table${book.tables.length + 1}`,
      worksheet: ws.name,
      row0: at.row0,
      col0: at.col0,
      columns,
      rows: at.row1 - at.row0,
    };
    book.tables.push(table);
    return sendJson(res, 201, {
      id: table.id,
      name: table.name,
      showHeaders: true,
      showTotals: false,
      style: 'TableStyleMedium2',
    });
  }
  if ((m = /^tables\/([^/]+)\/(range|rows\/add)$/.exec(rest))) {
    const table = book.tables.find((t) => t.id === m![1] || t.name === m![1]);
    if (!table) return sendGraphError(res, 404, 'ItemNotFound', "The requested resource doesn't exist.");
    const ws = sheetOf(table.worksheet)!;
    if (req.method === 'GET' && m[2] === 'range')
      return sendJson(res, 200, rangeOf(ws, table.row0, table.col0, table.rows + 1, table.columns));
    if (req.method === 'POST' && m[2] === 'rows/add') {
      const values = body?.values;
      if (
        !Array.isArray(values) ||
        values.length === 0 ||
        !values.every((r) => Array.isArray(r) && r.length === table.columns)
      )
        return sendGraphError(
          res,
          400,
          'InvalidArgument',
          'The number of values does not match the number of table columns.',
        );
      const at = table.row0 + 1 + table.rows;
      ws.grid.splice(at, 0, ...values.map(() => [] as Cell[]));
      writeCells(ws, at, table.col0, values as unknown[][]);
      table.rows += values.length;
      return sendJson(res, 201, {
        index: table.rows - values.length,
        values: rangeOf(ws, at, table.col0, values.length, table.columns).values,
      });
    }
  }
  if (req.method === 'PATCH' && (m = /^worksheets\/([^/]+)\/range\(address='([^']+)'\)$/.exec(rest))) {
    const ws = sheetOf(m[1]!);
    const at = parseAddress(m[2]!);
    const values = body?.values;
    if (!ws || !at) return sendGraphError(res, 404, 'ItemNotFound', "The requested resource doesn't exist.");
    const rows = at.row1 - at.row0 + 1;
    const cols = at.col1 - at.col0 + 1;
    if (
      !Array.isArray(values) ||
      values.length !== rows ||
      !values.every((r) => Array.isArray(r) && r.length === cols)
    )
      return sendGraphError(
        res,
        400,
        'InvalidArgument',
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    writeCells(ws, at.row0, at.col0, values as unknown[][]);
    return sendJson(res, 200, rangeOf(ws, at.row0, at.col0, rows, cols));
  }
  sendGraphError(res, 400, 'invalidRequest', `Not emulated: ${req.method} workbook/${rest}`);
}

/** Test control: what a person types into a cell in Excel (1-based row/column of the first sheet). */
export function workbookAdminRoutes(state: SandboxState): Route {
  return (req, res) => {
    const path = req.url.pathname;
    if (!path.startsWith('/__sandbox/workbooks')) return false;
    const books = workbookStore(state).workbooks;
    if (req.method === 'GET' && path === '/__sandbox/workbooks') {
      sendJson(res, 200, { workbooks: books });
      return true;
    }
    const body = parseJson(req.body) as
      { itemId?: string; row?: number; col?: number; value?: unknown } | undefined;
    const book = books.find((b) => b.itemId === body?.itemId);
    if (req.method === 'POST' && path === '/__sandbox/workbooks/delete-row') {
      // Select a table row in Excel → Delete → Table Rows: the rows below move up, the table shrinks.
      const ws = book?.worksheets[0];
      if (!book || !ws || typeof body?.row !== 'number') {
        sendJson(res, 400, { error: 'POST /__sandbox/workbooks/delete-row { itemId, row }' });
        return true;
      }
      const r0 = body.row - 1;
      ws.grid.splice(r0, 1);
      for (const t of book.tables)
        if (t.worksheet === ws.name && r0 > t.row0 && r0 <= t.row0 + t.rows) t.rows--;
      sendJson(res, 200, { grid: ws.grid });
      return true;
    }
    if (
      req.method !== 'POST' ||
      path !== '/__sandbox/workbooks/edit' ||
      !book ||
      typeof body?.row !== 'number' ||
      typeof body.col !== 'number'
    ) {
      sendJson(res, 400, { error: 'POST /__sandbox/workbooks/edit { itemId, row, col, value }' });
      return true;
    }
    writeCells(book.worksheets[0]!, body.row - 1, body.col - 1, [[body.value ?? '']]);
    sendJson(res, 200, { grid: book.worksheets[0]!.grid });
    return true;
  };
}
