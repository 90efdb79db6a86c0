// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { useSandbox } from './testing';

// The strict Graph workbook tables stand-in refuses what Graph refuses (each rule's doc page is named
// in workbook.ts).
const sandbox = useSandbox();
const call = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${sandbox.origin()}/graph/v1.0/me/drive/${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${init.token ?? 'sandbox-microsoft-token'}`,
    },
  });

async function workbook(): Promise<string> {
  const res = await call('special/approot:/Log.xlsx:/content', { method: 'PUT', body: 'PK\u0003\u0004 zip' });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('Graph workbook tables', () => {
  it('answers 401 to a bad token and 404 to an item that is not a workbook', async () => {
    const id = await workbook();
    expect((await call(`items/${id}/workbook/tables/x/range`, { token: 'nope' })).status).toBe(401);
    const text = await call('special/approot:/notes.json:/content', { method: 'PUT', body: '{}' });
    const notes = ((await text.json()) as { id: string }).id;
    expect((await call(`items/${notes}/workbook/tables/x/range`)).status).toBe(404);
    expect((await call(`items/${id}/workbook/tables/nope/range`)).status).toBe(404);
  });

  it('adds a table, adds rows of the table width only, updates a range, reads the table range', async () => {
    const id = await workbook();
    const added = await call(`items/${id}/workbook/worksheets/Sheet1/tables/add`, {
      method: 'POST',
      body: JSON.stringify({ address: 'Sheet1!A1:B1', hasHeaders: true }),
    });
    expect(added.status).toBe(201);
    const table = ((await added.json()) as { id: string }).id;
    await call(`items/${id}/workbook/worksheets/Sheet1/range(address='A1:B1')`, {
      method: 'PATCH',
      body: JSON.stringify({ values: [['ID', 'Status']] }),
    });
    const rows = (values: unknown[][]) =>
      call(`items/${id}/workbook/tables/${table}/rows/add`, {
        method: 'POST',
        body: JSON.stringify({ values }),
      });
    expect((await rows([['c1']])).status).toBe(400);
    expect(
      (
        await rows([
          ['c1', 'new'],
          ["'=1+1", '=1+1'],
        ])
      ).status,
    ).toBe(201);
    const wrongSize = await call(`items/${id}/workbook/worksheets/Sheet1/range(address='A2:B2')`, {
      method: 'PATCH',
      body: JSON.stringify({ values: [['c1']] }),
    });
    expect(wrongSize.status).toBe(400);
    await call(`items/${id}/workbook/worksheets/Sheet1/range(address='A2:B2')`, {
      method: 'PATCH',
      body: JSON.stringify({ values: [[null, 'closed']] }),
    });
    const range = (await (await call(`items/${id}/workbook/tables/${table}/range`)).json()) as {
      address: string;
      values: unknown[][];
    };
    expect(range.address).toBe('Sheet1!A1:B3');
    // An apostrophe makes text (and is not read back); a bare "=" makes a formula.
    expect(range.values).toEqual([
      ['ID', 'Status'],
      ['c1', 'closed'],
      ['=1+1', '#FORMULA =1+1'],
    ]);
  });
});
