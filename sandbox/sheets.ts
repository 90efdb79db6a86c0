import type { ServerResponse } from 'node:http';
import type { Route, SandboxRequest } from './http';
import { parseJson, sendJson } from './http';
import { sendGoogleError, sendGoogleUnauthenticated } from './google';
import { bearerToken, compileEndpoints, findEndpoint, randomId, type Endpoint } from './routing';
import type { SandboxState } from './state';

// Google Sheets API v4, only what the complaint log uses, as its reference documents it
// (developers.google.com/workspace/sheets/api/reference/rest/v4):
// - spreadsheets.create (…/v4/spreadsheets/create): POST /v4/spreadsheets with a Spreadsheet body;
//   answers the new Spreadsheet with spreadsheetId and spreadsheetUrl; a sheet without a title is "Sheet1"
// - spreadsheets.values.get (…/v4/spreadsheets.values/get): answers a ValueRange { range,
//   majorDimension: ROWS, values }; "Empty trailing rows and columns are omitted"
// - spreadsheets.values.update (…/v4/spreadsheets.values/update): PUT …/values/{range};
//   valueInputOption is required; answers UpdateValuesResponse { spreadsheetId, updatedRange,
//   updatedRows, updatedColumns, updatedCells }
// - spreadsheets.values.append (…/v4/spreadsheets.values/append): POST …/values/{range}:append;
//   valueInputOption required; "Values will be appended to the next row of the table"; answers
//   { spreadsheetId, tableRange, updates: UpdateValuesResponse }
// - spreadsheets.values.batchUpdate (…/v4/spreadsheets.values/batchUpdate): POST
//   …/spreadsheets/{spreadsheetId}/values:batchUpdate with { valueInputOption, data: ValueRange[] }
//   ("Sets values in one or more ranges of a spreadsheet. The caller must specify the spreadsheet ID,
//   a valueInputOption, and one or more ValueRanges"); answers BatchUpdateValuesResponse
//   { spreadsheetId, totalUpdatedRows, totalUpdatedColumns, totalUpdatedCells, totalUpdatedSheets,
//   responses: one UpdateValuesResponse per range "in the same order as the requests appeared" }.
//   Not documented, chosen here: every range is checked before any is written, so a refused request
//   changes nothing.
// - ValueInputOption (…/v4/ValueInputOption): RAW "The values the user has entered will not be parsed
//   and will be stored as-is"; USER_ENTERED parses them as if typed into the UI (so "=…" becomes a formula)
// - Authorization scopes on each method: drive, drive.file or spreadsheets (reads also the readonly
//   ones). drive.file reaches only files the app created or the user opened with it ("Choose Google
//   Sheets API scopes", …/sheets/api/scopes): any other spreadsheet answers 403 PERMISSION_DENIED.
// - "Usage limits" (…/sheets/api/limits): over quota answers 429 RESOURCE_EXHAUSTED (the fault suite
//   in faults.ts injects it, with Retry-After)
// - An unknown spreadsheet answers 404 NOT_FOUND "Requested entity was not found."

export const SHEETS_PREFIX = '/google/sheets/v4/';
const SCOPE_BASE = 'https://www.googleapis.com/auth/';

export interface SandboxSheet {
  sheetId: number;
  title: string;
  /** Rows of cells as the user sees them (RAW strings or numbers). */
  grid: (string | number | boolean)[][];
}

export interface SandboxSpreadsheet {
  spreadsheetId: string;
  title: string;
  /** Created through the API (so a drive.file token reaches it), not by hand in the UI. */
  createdByApp: boolean;
  sheets: SandboxSheet[];
}

export interface SheetsStore {
  spreadsheets: SandboxSpreadsheet[];
}

export function sheetsStore(state: SandboxState): SheetsStore {
  return (state.clouds.sheets ??= { spreadsheets: [] }) as SheetsStore;
}

/** The sheet's grid as the API sees it, for tests that edit "by hand" in the UI. */
export function sandboxGrid(state: SandboxState, spreadsheetId: string, sheet = 0): SandboxSheet['grid'] {
  const found = sheetsStore(state).spreadsheets.find((s) => s.spreadsheetId === spreadsheetId);
  if (!found) throw new Error(`No sandbox spreadsheet ${spreadsheetId}`);
  return found.sheets[sheet]!.grid;
}

export function sheetsRoutes(state: SandboxState): Route {
  const endpoints = compileEndpoints(endpointsFor(state));
  return async (req, res) => {
    if (!req.url.pathname.startsWith(SHEETS_PREFIX)) return false;
    const found = findEndpoint(endpoints, req.method, req.url.pathname.slice(SHEETS_PREFIX.length));
    if (!found) return false;
    state.countRequest(`${req.method} ${SHEETS_PREFIX}${found.endpoint.pattern}`);
    const token = bearerToken(req);
    if (state.checkToken('google', token) !== 'ok') {
      sendGoogleUnauthenticated(res);
      return true;
    }
    const scopes = state.tokenScopes('google', token);
    const read = req.method === 'GET';
    const broad = ['drive', 'spreadsheets', ...(read ? ['drive.readonly', 'spreadsheets.readonly'] : [])];
    const hasBroad = !scopes || broad.some((s) => scopes.includes(`${SCOPE_BASE}${s}`));
    const hasFile = !!scopes?.includes(`${SCOPE_BASE}drive.file`);
    if (!hasBroad && !hasFile) {
      sendGoogleError(res, 403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
      return true;
    }
    const id = found.params.spreadsheetId;
    if (id !== undefined) {
      const sheet = sheetsStore(state).spreadsheets.find((s) => s.spreadsheetId === id);
      if (!sheet) {
        sendGoogleError(res, 404, 'notFound', 'Requested entity was not found.');
        return true;
      }
      if (!hasBroad && !sheet.createdByApp) {
        sendGoogleError(res, 403, 'forbidden', 'The caller does not have permission');
        return true;
      }
    }
    await found.endpoint.handle(req, res, found.params);
    return true;
  };
}

function endpointsFor(state: SandboxState): Endpoint[] {
  const store = () => sheetsStore(state);
  const find = (id: string) => store().spreadsheets.find((s) => s.spreadsheetId === id)!;
  return [
    { method: 'POST', pattern: 'spreadsheets', handle: (req, res) => create(store(), req, res) },
    {
      method: 'POST',
      pattern: 'spreadsheets/{spreadsheetId}/values:batchUpdate',
      handle: (req, res, p) => batchUpdate(find(p.spreadsheetId!), req, res),
    },
    {
      method: 'GET',
      pattern: 'spreadsheets/{spreadsheetId}/values/{range}',
      handle: (req, res, p) => getValues(find(p.spreadsheetId!), p.range!, res),
    },
    {
      method: 'PUT',
      pattern: 'spreadsheets/{spreadsheetId}/values/{range}',
      handle: (req, res, p) => updateValues(find(p.spreadsheetId!), p.range!, req, res),
    },
    {
      method: 'POST',
      pattern: 'spreadsheets/{spreadsheetId}/values/{range}',
      handle: (req, res, p) => {
        if (!p.range!.endsWith(':append'))
          return sendGoogleError(res, 404, 'notFound', 'Requested entity was not found.');
        appendValues(find(p.spreadsheetId!), p.range!.slice(0, -':append'.length), req, res);
      },
    },
  ];
}

function create(store: SheetsStore, req: SandboxRequest, res: ServerResponse): void {
  const body = (parseJson(req.body) ?? {}) as {
    properties?: { title?: string };
    sheets?: { properties?: { title?: string } }[];
  };
  const spreadsheetId = randomId(44, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
  const title = body.properties?.title ?? 'Untitled spreadsheet';
  const sheets = (body.sheets?.length ? body.sheets : [{}]).map((s, i) => ({
    sheetId: i === 0 ? 0 : Math.floor(Math.random() * 2 ** 30),
    title: s.properties?.title ?? `Sheet${i + 1}`,
    grid: [],
  }));
  store.spreadsheets.push({ spreadsheetId, title, createdByApp: true, sheets });
  sendJson(res, 200, describe(store.spreadsheets.at(-1)!, req));
}

export function describe(s: SandboxSpreadsheet, req?: SandboxRequest) {
  return {
    spreadsheetId: s.spreadsheetId,
    properties: { title: s.title, locale: 'en_US', timeZone: 'Etc/GMT' },
    sheets: s.sheets.map((sh, index) => ({
      properties: { sheetId: sh.sheetId, title: sh.title, index, sheetType: 'GRID' },
    })),
    spreadsheetUrl: `http://${req?.headers.host ?? '127.0.0.1'}/sheets/d/${s.spreadsheetId}/edit`,
  };
}

interface A1 {
  sheet: SandboxSheet;
  /** 0-based, inclusive; end undefined = unbounded. */
  row0: number;
  col0: number;
  row1?: number;
  col1?: number;
}

const colIndex = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
export const colLetters = (index: number): string => {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
};

/** A1 notation ("A1 notation", …/sheets/api/guides/concepts#cell): Sheet1!A1:B2, Sheet1!A:C, 'My Sheet'!A2, Sheet1. */
function parseA1(s: SandboxSpreadsheet, range: string): A1 | undefined {
  const bang = range.lastIndexOf('!');
  let sheetName = bang >= 0 ? range.slice(0, bang) : undefined;
  const cells = bang >= 0 ? range.slice(bang + 1) : range;
  if (sheetName?.startsWith("'") && sheetName.endsWith("'"))
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  if (bang < 0) {
    // A range that is only a name names a sheet when one has that title.
    const named = s.sheets.find((sh) => sh.title === range);
    if (named) return { sheet: named, row0: 0, col0: 0 };
  }
  const sheet = sheetName === undefined ? s.sheets[0] : s.sheets.find((sh) => sh.title === sheetName);
  if (!sheet) return undefined;
  if (cells === '') return { sheet, row0: 0, col0: 0 };
  const m = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(cells);
  if (!m || (!m[1] && !m[2])) return undefined;
  const [, c0, r0, c1, r1] = m;
  return {
    sheet,
    col0: c0 ? colIndex(c0) : 0,
    row0: r0 ? Number(r0) - 1 : 0,
    col1: c1 ? colIndex(c1) : m[3] === undefined ? (c0 ? colIndex(c0) : undefined) : undefined,
    row1: r1 ? Number(r1) - 1 : m[3] === undefined && r0 ? Number(r0) - 1 : undefined,
  };
}

function a1Text(a: A1, rows: number, cols: number): string {
  const name = /^[A-Za-z0-9_]+$/.test(a.sheet.title)
    ? a.sheet.title
    : `'${a.sheet.title.replace(/'/g, "''")}'`;
  const end = `${colLetters(a.col0 + Math.max(cols, 1) - 1)}${a.row0 + Math.max(rows, 1)}`;
  return `${name}!${colLetters(a.col0)}${a.row0 + 1}:${end}`;
}

function getValues(s: SandboxSpreadsheet, range: string, res: ServerResponse): void {
  const a = parseA1(s, range);
  if (!a) return sendGoogleError(res, 400, 'badRequest', `Unable to parse range: ${range}`);
  const rowEnd = a.row1 ?? a.sheet.grid.length - 1;
  const rows: (string | number | boolean)[][] = [];
  for (let r = a.row0; r <= rowEnd && r < a.sheet.grid.length; r++) {
    const row = a.sheet.grid[r] ?? [];
    const slice = row.slice(a.col0, a.col1 === undefined ? undefined : a.col1 + 1);
    while (slice.length && (slice.at(-1) === '' || slice.at(-1) === undefined)) slice.pop();
    rows.push(slice.map((v) => v ?? ''));
  }
  while (rows.length && rows.at(-1)!.length === 0) rows.pop();
  sendJson(res, 200, {
    range: a1Text(
      a,
      a.row1 === undefined ? Math.max(rows.length, 1) : a.row1 - a.row0 + 1,
      (a.col1 ?? a.col0 + 25) - a.col0 + 1,
    ),
    majorDimension: 'ROWS',
    ...(rows.length ? { values: rows } : {}),
  });
}

type Cell = string | number | boolean | null;

function readBody(req: SandboxRequest, res: ServerResponse): Cell[][] | undefined {
  const option = req.url.searchParams.get('valueInputOption');
  return readValues(option, parseJson(req.body), res);
}

/** A ValueRange's values as they will be stored, or undefined when an error was sent. */
function readValues(option: unknown, range: unknown, res: ServerResponse): Cell[][] | undefined {
  if (option !== 'RAW' && option !== 'USER_ENTERED') {
    sendGoogleError(res, 400, 'badRequest', "Invalid valueInputOption: '" + String(option ?? '') + "'");
    return undefined;
  }
  const body = range as { values?: unknown; majorDimension?: string } | undefined;
  if (!Array.isArray(body?.values) || !body.values.every((r) => Array.isArray(r))) {
    sendGoogleError(res, 400, 'badRequest', 'Invalid values: expected an array of rows');
    return undefined;
  }
  if (body.majorDimension && body.majorDimension !== 'ROWS') {
    sendGoogleError(res, 400, 'badRequest', 'Only majorDimension ROWS is emulated');
    return undefined;
  }
  // USER_ENTERED would parse "=…" as a formula; the sandbox stores what a formula cell would show so a
  // test can see the difference: the text kept with a marker.
  return (body.values as Cell[][]).map((row) =>
    row.map((v) =>
      option === 'USER_ENTERED' && typeof v === 'string' && /^[=+\-@]/.test(v) ? `#FORMULA ${v}` : v,
    ),
  );
}

function batchUpdate(s: SandboxSpreadsheet, req: SandboxRequest, res: ServerResponse): void {
  const body = parseJson(req.body) as { valueInputOption?: unknown; data?: unknown } | undefined;
  if (!Array.isArray(body?.data) || body.data.length === 0)
    return sendGoogleError(res, 400, 'badRequest', 'Invalid data: one or more ValueRanges are required');
  const writes: { a: A1; values: Cell[][] }[] = [];
  for (const item of body.data as { range?: unknown }[]) {
    const range = typeof item?.range === 'string' ? item.range : '';
    const a = parseA1(s, range);
    if (!a) return sendGoogleError(res, 400, 'badRequest', `Unable to parse range: ${range}`);
    const values = readValues(body.valueInputOption, item, res);
    if (!values) return;
    if (a.row1 !== undefined && values.length > a.row1 - a.row0 + 1)
      return sendGoogleError(
        res,
        400,
        'badRequest',
        `Requested writing within range [${range}], but tried writing to row [${a.row0 + values.length}]`,
      );
    writes.push({ a, values });
  }
  const responses = writes.map(({ a, values }) => {
    writeAt(a.sheet, a.row0, a.col0, values);
    return updateResponse(s, a, values);
  });
  const rows = new Set<string>();
  const cols = new Set<string>();
  for (const { a, values } of writes)
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        rows.add(`${a.sheet.sheetId}:${a.row0 + i}`);
        cols.add(`${a.sheet.sheetId}:${a.col0 + j}`);
      }),
    );
  sendJson(res, 200, {
    spreadsheetId: s.spreadsheetId,
    totalUpdatedRows: rows.size,
    totalUpdatedColumns: cols.size,
    totalUpdatedCells: responses.reduce((n, r) => n + r.updatedCells, 0),
    totalUpdatedSheets: new Set(writes.map((w) => w.a.sheet.sheetId)).size,
    responses,
  });
}

function writeAt(sheet: SandboxSheet, row0: number, col0: number, values: Cell[][]): void {
  values.forEach((row, i) => {
    const target = (sheet.grid[row0 + i] ??= []);
    row.forEach((v, j) => {
      // "null values will be skipped"; "" clears the cell.
      if (v === null) return;
      while (target.length < col0 + j) target.push('');
      target[col0 + j] = v;
    });
  });
  for (let r = 0; r < sheet.grid.length; r++) sheet.grid[r] ??= [];
}

function updateResponse(s: SandboxSpreadsheet, a: A1, values: Cell[][]) {
  const cols = Math.max(0, ...values.map((r) => r.length));
  return {
    spreadsheetId: s.spreadsheetId,
    updatedRange: a1Text(a, values.length, cols),
    updatedRows: values.length,
    updatedColumns: cols,
    updatedCells: values.reduce((n, r) => n + r.filter((v) => v !== null).length, 0),
  };
}

function updateValues(s: SandboxSpreadsheet, range: string, req: SandboxRequest, res: ServerResponse): void {
  const a = parseA1(s, range);
  if (!a) return sendGoogleError(res, 400, 'badRequest', `Unable to parse range: ${range}`);
  const values = readBody(req, res);
  if (!values) return;
  if (a.row1 !== undefined && values.length > a.row1 - a.row0 + 1)
    return sendGoogleError(
      res,
      400,
      'badRequest',
      `Requested writing within range [${range}], but tried writing to row [${a.row0 + values.length}]`,
    );
  writeAt(a.sheet, a.row0, a.col0, values);
  sendJson(res, 200, updateResponse(s, a, values));
}

function appendValues(s: SandboxSpreadsheet, range: string, req: SandboxRequest, res: ServerResponse): void {
  const a = parseA1(s, range);
  if (!a) return sendGoogleError(res, 400, 'badRequest', `Unable to parse range: ${range}`);
  const values = readBody(req, res);
  if (!values) return;
  const option = req.url.searchParams.get('insertDataOption') ?? 'OVERWRITE';
  if (option !== 'OVERWRITE' && option !== 'INSERT_ROWS')
    return sendGoogleError(res, 400, 'badRequest', `Invalid insertDataOption: '${option}'`);
  // The table: rows from the range's start down to the last row with any cell filled.
  const grid = a.sheet.grid;
  let last = grid.length - 1;
  while (last >= a.row0 && !(grid[last] ?? []).some((v) => v !== '' && v !== undefined)) last--;
  const tableRows = Math.max(0, last - a.row0 + 1);
  const at = a.row0 + tableRows;
  if (option === 'INSERT_ROWS') grid.splice(at, 0, ...values.map(() => []));
  writeAt(a.sheet, at, a.col0, values);
  const written: A1 = { ...a, row0: at };
  sendJson(res, 200, {
    spreadsheetId: s.spreadsheetId,
    ...(tableRows
      ? { tableRange: a1Text(a, tableRows, Math.max(1, ...grid.slice(a.row0, at).map((r) => r.length))) }
      : {}),
    updates: updateResponse(s, written, values),
  });
}

/**
 * Test controls for what a person does in the Sheets UI (never subject to faults): list every
 * spreadsheet with its cells, make one by hand (so drive.file does not reach it), type into a cell.
 */
export function sheetsAdminRoutes(state: SandboxState): Route {
  return (req, res) => {
    const path = req.url.pathname;
    if (!path.startsWith('/__sandbox/sheets')) return false;
    const store = sheetsStore(state);
    const body = parseJson(req.body) as
      | { title?: string; rows?: Cell[][]; spreadsheetId?: string; row?: number; col?: number; value?: Cell }
      | undefined;
    if (req.method === 'GET' && path === '/__sandbox/sheets') {
      sendJson(res, 200, { spreadsheets: store.spreadsheets });
      return true;
    }
    if (req.method === 'POST' && path === '/__sandbox/sheets') {
      const spreadsheetId = randomId(44, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
      const grid = (body?.rows ?? []).map((r) => r.map((v) => v ?? ''));
      store.spreadsheets.push({
        spreadsheetId,
        title: body?.title ?? 'Untitled spreadsheet',
        createdByApp: false,
        sheets: [{ sheetId: 0, title: 'Sheet1', grid }],
      });
      sendJson(res, 200, { spreadsheetId });
      return true;
    }
    if (req.method === 'POST' && path === '/__sandbox/sheets/delete-row') {
      // Right-click → Delete row in the UI: the rows below move up.
      const found = store.spreadsheets.find((s) => s.spreadsheetId === body?.spreadsheetId);
      if (!found || typeof body?.row !== 'number') {
        sendJson(res, 400, { error: 'spreadsheetId and row (1-based) are needed' });
        return true;
      }
      found.sheets[0]!.grid.splice(body.row - 1, 1);
      sendJson(res, 200, { grid: found.sheets[0]!.grid });
      return true;
    }
    if (req.method === 'POST' && path === '/__sandbox/sheets/edit') {
      const found = store.spreadsheets.find((s) => s.spreadsheetId === body?.spreadsheetId);
      if (!found || !body || typeof body.row !== 'number' || typeof body.col !== 'number') {
        sendJson(res, 400, { error: 'spreadsheetId, row and col (1-based) are needed' });
        return true;
      }
      writeAt(found.sheets[0]!, body.row - 1, body.col - 1, [[body.value ?? '']]);
      sendJson(res, 200, { grid: found.sheets[0]!.grid });
      return true;
    }
    return false;
  };
}
