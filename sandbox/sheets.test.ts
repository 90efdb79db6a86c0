// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { useSandbox } from './testing';

// The strict Sheets API v4 values stand-in refuses what Google refuses (each rule's doc page is named
// in sheets.ts).
const sandbox = useSandbox();
const TOKEN = 'sandbox-google-token';

const call = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${sandbox.origin()}/google/sheets/v4/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${init.token ?? TOKEN}` },
  });

async function tokenWith(scope: string): Promise<string> {
  const query = new URLSearchParams({
    client_id: 'demo.apps.googleusercontent.com',
    redirect_uri: 'https://abcdefghijklmnop.chromiumapp.org/',
    response_type: 'token',
    scope: `https://www.googleapis.com/auth/${scope}`,
    state: 's',
  });
  const res = await fetch(`${sandbox.origin()}/oauth/google/authorize?${query}`, { redirect: 'manual' });
  return new URLSearchParams(new URL(res.headers.get('location') ?? '').hash.slice(1)).get('access_token')!;
}

async function create(token = TOKEN): Promise<string> {
  const res = await call('spreadsheets', {
    method: 'POST',
    token,
    body: JSON.stringify({
      properties: { title: 'Reclamaciones' },
      sheets: [{ properties: { title: 'Log' } }],
    }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { spreadsheetId: string; sheets: { properties: { title: string } }[] };
  expect(body.sheets[0]!.properties.title).toBe('Log');
  return body.spreadsheetId;
}

const put = (id: string, range: string, values: unknown[][], option = 'RAW') =>
  call(`spreadsheets/${id}/values/${encodeURIComponent(range)}?valueInputOption=${option}`, {
    method: 'PUT',
    body: JSON.stringify({ values }),
  });
const append = (id: string, values: unknown[][]) =>
  call(`spreadsheets/${id}/values/A1:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS`, {
    method: 'POST',
    body: JSON.stringify({ values }),
  });
const get = async (id: string, range = 'A1:ZZ') =>
  (await (await call(`spreadsheets/${id}/values/${encodeURIComponent(range)}`)).json()) as {
    values?: unknown[][];
  };

describe('Google Sheets API v4 values', () => {
  it('answers 401 to a bad token, 403 without a Sheets/Drive scope, 404 to an unknown spreadsheet', async () => {
    expect((await call('spreadsheets', { method: 'POST', token: 'nope', body: '{}' })).status).toBe(401);
    const tasksOnly = await tokenWith('tasks');
    expect((await call('spreadsheets', { method: 'POST', token: tasksOnly, body: '{}' })).status).toBe(403);
    expect((await call('spreadsheets/nope/values/A1')).status).toBe(404);
  });

  it('lets drive.file reach only spreadsheets the app created', async () => {
    const fileToken = await tokenWith('drive.file');
    const mine = await create(fileToken);
    expect((await call(`spreadsheets/${mine}/values/A1`, { token: fileToken })).status).toBe(200);
    const byHand = (await (
      await sandbox.admin('sheets', 'POST', { title: 'Mine', rows: [['a']] })
    ).json()) as { spreadsheetId: string };
    const refused = await call(`spreadsheets/${byHand.spreadsheetId}/values/A1`, { token: fileToken });
    expect(refused.status).toBe(403);
    expect((await call(`spreadsheets/${byHand.spreadsheetId}/values/A1`)).status).toBe(200);
  });

  it('writes, appends after the table, reads back without trailing blanks', async () => {
    const id = await create();
    expect((await put(id, 'A1', [['ID', 'Status']])).status).toBe(200);
    const added = await append(id, [
      ['c-1', 'new'],
      ['c-2', 'closed'],
    ]);
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({
      tableRange: 'Log!A1:B1',
      updates: { updatedRange: 'Log!A2:B3', updatedRows: 2 },
    });
    expect((await put(id, 'A3', [[null, 'resolved', '']])).status).toBe(200);
    expect((await get(id)).values).toEqual([
      ['ID', 'Status'],
      ['c-1', 'new'],
      ['c-2', 'resolved'],
    ]);
    expect((await get(id, 'Log!B2:B3')).values).toEqual([['new'], ['resolved']]);
  });

  it('values:batchUpdate writes several ranges in one request, or none when one is refused', async () => {
    const id = await create();
    await put(id, 'A1:B4', [
      ['ID', 'Status'],
      ['c-1', 'new'],
      ['c-2', 'new'],
      ['c-3', 'new'],
    ]);
    const batch = (body: unknown) =>
      call(`spreadsheets/${id}/values:batchUpdate`, { method: 'POST', body: JSON.stringify(body) });
    const done = await batch({
      valueInputOption: 'RAW',
      data: [
        { range: 'A2', majorDimension: 'ROWS', values: [[null, 'resolved']] },
        { range: 'Log!A4', values: [[null, '=1+1']] },
      ],
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      spreadsheetId: id,
      totalUpdatedRows: 2,
      totalUpdatedColumns: 1,
      totalUpdatedCells: 2,
      totalUpdatedSheets: 1,
      responses: [{ updatedRange: 'Log!A2:B2' }, { updatedRange: 'Log!A4:B4' }],
    });
    expect((await get(id)).values).toEqual([
      ['ID', 'Status'],
      ['c-1', 'resolved'],
      ['c-2', 'new'],
      ['c-3', '=1+1'],
    ]);
    // valueInputOption is required (in the body); an unparsable range refuses the whole request.
    expect((await batch({ data: [{ range: 'A2', values: [['x']] }] })).status).toBe(400);
    expect(
      (
        await batch({
          valueInputOption: 'RAW',
          data: [
            { range: 'A3', values: [[null, 'closed']] },
            { range: 'Nope!!', values: [['x']] },
          ],
        })
      ).status,
    ).toBe(400);
    expect((await batch({ valueInputOption: 'RAW', data: [] })).status).toBe(400);
    expect((await get(id)).values![2]).toEqual(['c-2', 'new']);
  });

  it('requires valueInputOption, keeps RAW text as typed, and parses USER_ENTERED formulas', async () => {
    const id = await create();
    expect(
      (await call(`spreadsheets/${id}/values/A1`, { method: 'PUT', body: '{"values":[["x"]]}' })).status,
    ).toBe(400);
    await put(id, 'A1', [['=1+1']]);
    await put(id, 'A2', [['=1+1']], 'USER_ENTERED');
    expect((await get(id)).values).toEqual([['=1+1'], ['#FORMULA =1+1']]);
  });

  it('answers an injected 429 with Retry-After', async () => {
    const id = await create();
    await sandbox.admin('faults', 'POST', [
      { method: 'GET', path: '/values/', status: 429, retryAfter: 3, times: 1 },
    ]);
    const limited = await call(`spreadsheets/${id}/values/A1`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await call(`spreadsheets/${id}/values/A1`)).status).toBe(200);
  });
});
