import { GOOGLE_API_BASE, SANDBOX } from '../config';
import { cloudJson } from '../sync/http';
import type { Cell } from './sheet';
import type { SheetRemote } from './remote';

// Google Sheets API v4 (developers.google.com/workspace/sheets/api/reference/rest/v4): the log is
// the first sheet of a spreadsheet the extension created (spreadsheets.create), so the drive.file
// scope reaches it and no other file. Reads are values.get of the whole sheet; a row is rewritten
// in place with values.update (many at once with values:batchUpdate, one ValueRange per row, at most
// BATCH_ROWS per request), new ones go in with values.append (INSERT_ROWS). Every write uses
// valueInputOption RAW: "The values the user has entered will not be parsed" — text from mail never
// becomes a formula.

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/drive.file';
const LOG_SHEET = 'Complaints';
/** Rows per values:batchUpdate request: a few hundred rows keep each request well under 1 MB. */
export const BATCH_ROWS = 250;

export function googleSheets(
  base = SANDBOX ? `${GOOGLE_API_BASE}/sheets/v4` : 'https://sheets.googleapis.com/v4',
): SheetRemote {
  const json = { 'content-type': 'application/json' };
  const values = (id: string, range: string) =>
    `${base}/spreadsheets/${encodeURIComponent(id)}/values/${encodeURIComponent(range)}`;
  // The range names the first sheet by position-free A1 ("A1:ZZ") so a renamed tab still works.
  return {
    provider: 'google',
    async create(title) {
      const made = await cloudJson<{ spreadsheetId: string; spreadsheetUrl: string }>(
        'google',
        `${base}/spreadsheets`,
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ properties: { title }, sheets: [{ properties: { title: LOG_SHEET } }] }),
        },
      );
      return { id: made.spreadsheetId, url: made.spreadsheetUrl };
    },
    async read(id) {
      const answer = await cloudJson<{ values?: Cell[][] }>('google', values(id, 'A1:ZZ'));
      return answer.values ?? [];
    },
    async update(id, row, cells) {
      await cloudJson('google', `${values(id, `A${row}`)}?valueInputOption=RAW`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ majorDimension: 'ROWS', values: [cells] }),
      });
    },
    async updateRows(id, rows) {
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        const data = rows
          .slice(i, i + BATCH_ROWS)
          .map((r) => ({ range: `A${r.row}`, majorDimension: 'ROWS', values: [r.cells] }));
        await cloudJson('google', `${base}/spreadsheets/${encodeURIComponent(id)}/values:batchUpdate`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ valueInputOption: 'RAW', data }),
        });
      }
    },
    async append(id, rows) {
      // Not repeated on a lost answer (cloudFetch never repeats a POST): the next pass reads the
      // sheet and finds the row by its id instead of adding it twice.
      await cloudJson(
        'google',
        `${values(id, 'A1')}:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS`,
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ majorDimension: 'ROWS', values: rows }),
        },
      );
    },
  };
}
