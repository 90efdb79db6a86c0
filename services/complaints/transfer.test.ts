import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import {
  complaintsToCsv,
  complaintsToJson,
  EXPORT_FORMAT,
  exportFileName,
  importComplaintsJson,
} from './transfer';
import { makeComplaint } from './test-helpers';
import { complaintWords } from '../db/complaints';
import { complaintErrorMessage } from './errors';
import { setLocale } from '../i18n';

beforeEach(async () => {
  await db.delete();
  await db.open();
  setLocale('en');
});

describe('CSV export', () => {
  it('quotes commas, quotes and newlines, keeps accents and starts with a BOM', () => {
    const tricky = makeComplaint({
      customerName: 'Núñez, "Pepe"',
      summary: 'Línea 1\nLínea 2, con coma',
      amount: { value: 12.5, currency: 'EUR' },
    });
    const csv = complaintsToCsv([tricky], 'Europe/Madrid');
    expect(csv.startsWith('\ufeffID,Logged,Status,status_code')).toBe(true);
    expect(csv).toContain('"Núñez, ""Pepe"""');
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toMatchObject({
      Customer: 'Núñez, "Pepe"',
      Summary: 'Línea 1\nLínea 2, con coma',
      Amount: '12.5',
      Currency: 'EUR',
      // Local time with its offset (10:00 in Madrid), still the same instant.
      Logged: '2026-10-01T10:00:00.000+02:00',
    });
  });

  it('has headers and values in the UI language, with the stable codes in their own columns', () => {
    const c = makeComplaint({ status: 'in_progress', severity: 'high', category: 'delivery' });
    setLocale('es');
    const [es] = Papa.parse<Record<string, string>>(complaintsToCsv([c], 'Europe/Madrid').slice(1), {
      header: true,
    }).data;
    expect(es).toMatchObject({
      Estado: 'En curso',
      status_code: 'in_progress',
      Gravedad: 'Alta',
      severity_code: 'high',
      Categoría: 'Entrega',
      category_code: 'delivery',
      Asunto: 'Pedido roto',
    });
    setLocale('en');
    const [en] = Papa.parse<Record<string, string>>(complaintsToCsv([c], 'Europe/Madrid').slice(1), {
      header: true,
    }).data;
    expect(en).toMatchObject({ Status: 'In progress', status_code: 'in_progress', Subject: 'Pedido roto' });
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const csv = complaintsToCsv([makeComplaint({ subject: '=HYPERLINK("http://evil")' })]);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.data[0]?.Subject).toBe('\'=HYPERLINK("http://evil")');
  });
});

it('names export files by the local date', () => {
  const halfPastMidnightInMadrid = Date.UTC(2026, 11, 31, 23, 30);
  expect(exportFileName('csv', halfPastMidnightInMadrid, 'Europe/Madrid')).toBe('complaints-2027-01-01.csv');
  expect(exportFileName('json', halfPastMidnightInMadrid, 'America/Bogota')).toBe(
    'complaints-2026-12-31.json',
  );
});

describe('JSON import', () => {
  const stored = (c: ReturnType<typeof makeComplaint>) => ({ ...c, words: complaintWords(c) });
  const a = stored(
    makeComplaint({ id: 'a', threadKey: 'gmail:a', updatedAt: 10, history: [{ at: 1, kind: 'created' }] }),
  );
  const b = stored(makeComplaint({ id: 'b', threadKey: 'gmail:b', updatedAt: 10 }));

  it('round-trips an export into an empty database', async () => {
    const result = await importComplaintsJson(complaintsToJson([a, b]));
    expect(result).toEqual({ added: 2, updated: 0, unchanged: 0, rejected: [] });
    // Everything else as exported; each history entry now says it came in with an import.
    expect(await db.complaints.get('a')).toEqual({
      ...a,
      history: a.history.map((h) => ({ ...h, imported: true })),
    });
    expect(a.history.length).toBeGreaterThan(0);
    expect(a.words).toContain('roto');
  });

  it('merges by id and by thread without duplicating, keeping the newer fields and both histories', async () => {
    await db.complaints.bulkAdd([a, b]);
    const sameThreadOtherId = {
      ...a,
      id: 'a-from-other-browser',
      status: 'resolved' as const,
      updatedAt: 20,
      history: [
        ...a.history,
        { at: 15, kind: 'status' as const, from: 'new' as const, to: 'resolved' as const },
      ],
    };
    const olderB = { ...b, subject: 'old subject', updatedAt: 5 };
    const result = await importComplaintsJson(complaintsToJson([sameThreadOtherId, olderB, b]));
    expect(result).toEqual({ added: 0, updated: 1, unchanged: 2, rejected: [] });
    expect(await db.complaints.count()).toBe(2);
    const merged = await db.complaints.get('a');
    expect(merged?.status).toBe('resolved');
    expect(merged?.history).toHaveLength(2);
    expect((await db.complaints.get('b'))?.subject).toBe(b.subject);
  });

  it('merges repeats within one file as if imported one by one, and refuses an entry joining two records', async () => {
    await db.complaints.bulkAdd([a, b]);
    const c = stored(makeComplaint({ id: 'c', threadKey: 'gmail:c', updatedAt: 10 }));
    const cNewer = { ...c, subject: 'second copy', updatedAt: 30 };
    // Same thread as c under another id: merged into c, not a second record for the thread.
    const cOtherId = { ...c, id: 'c-elsewhere', summary: 'third copy', updatedAt: 40 };
    const joinsAandB = { ...a, threadKey: 'gmail:b', updatedAt: 50 };
    const result = await importComplaintsJson(complaintsToJson([c, cNewer, joinsAandB, cOtherId]));
    expect(result).toMatchObject({ added: 1, updated: 2, unchanged: 0 });
    expect(result.rejected).toEqual(['#3 threadKey: gmail:b']);
    expect((await db.complaints.orderBy('id').primaryKeys()).sort()).toEqual(['a', 'b', 'c']);
    expect(await db.complaints.get('c')).toMatchObject({
      updatedAt: 40,
      threadKey: 'gmail:c',
      // The newest entry's field set wins whole, as in any merge.
      subject: c.subject,
      summary: 'third copy',
    });
    expect(await db.complaints.get('a')).toEqual(a);
  });

  it('imports the valid entries and names the rejected ones', async () => {
    const bad = { ...b, id: 'bad', threadKey: 'gmail:bad', severity: 'apocalyptic' };
    const result = await importComplaintsJson(complaintsToJson([a, bad as never]));
    expect(result.added).toBe(1);
    expect(result.rejected).toEqual([expect.stringMatching(/^#2 severity/)]);
    expect(await db.complaints.get('bad')).toBeUndefined();
  });

  it('refuses a file that is not ours with a clear message and keeps what is stored', async () => {
    await db.complaints.add(a);
    for (const [file, message] of [
      ['name,email\nx,y', /not JSON/],
      [JSON.stringify({ tasks: [] }), /not an Ops Assistant complaints export/],
      [JSON.stringify([a]), /not an Ops Assistant complaints export/],
      [JSON.stringify({ format: EXPORT_FORMAT, version: 99, complaints: [] }), /newer version/],
    ] as const) {
      const error = await importComplaintsJson(file).catch((e: unknown) => e);
      expect(complaintErrorMessage(error)).toMatch(message);
    }
    expect(await db.complaints.toArray()).toEqual([a]);
  });
});
