import { describe, expect, it } from 'vitest';
import { makeComplaint } from '../complaints/test-helpers';
import { headerRow, parseStatus, planSheet, readCell, readHeader, safeCell, type Cell } from './sheet';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const a = makeComplaint({
  id: 'c-a',
  threadKey: 'gmail:a',
  subject: 'Caja rota',
  status: 'new',
  updatedAt: 1,
});

describe('complaint log sheet: layout and cells', () => {
  it('neutralises formula starts from mail text and undoes it when reading', () => {
    for (const bad of ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\t=1'])
      expect(safeCell(bad).startsWith("'")).toBe(true);
    expect(safeCell('Caja rota')).toBe('Caja rota');
    expect(readCell(safeCell('=1+1'))).toBe('=1+1');
  });

  it('maps columns by header name whatever their order, and names unknown and missing headers', () => {
    const layout = readHeader(['Status', 'Notas del equipo', 'id', 'Asunto']);
    expect(layout.columns).toMatchObject({ status: 0, id: 2, subject: 3 });
    expect(layout.problems).toContainEqual({ kind: 'unknown-header', detail: 'Notas del equipo' });
    expect(layout.problems).toContainEqual({ kind: 'missing-header', detail: 'Customer' });
  });

  it('reads statuses typed by people in either language', () => {
    expect(parseStatus('Resolved')).toBe('resolved');
    expect(parseStatus(' en curso ')).toBe('in_progress');
    expect(parseStatus('in_progress')).toBe('in_progress');
    expect(parseStatus('hecho')).toBeNull();
  });
});

describe('complaint log sheet: merge', () => {
  it('appends a new complaint once and then finds it by id (no duplicate)', () => {
    const first = planSheet([a], [headerRow()], {}, NOW);
    expect(first.appends).toHaveLength(1);
    const rows: Cell[][] = [headerRow(), first.appends[0]!.cells];
    const second = planSheet([a], rows, first.pushed, NOW);
    expect(second.appends).toHaveLength(0);
    expect(second.updates).toHaveLength(0);
    expect(second.incoming).toHaveLength(0);
  });

  it('brings a status changed in the sheet back, and pushes one changed here', () => {
    const first = planSheet([a], [headerRow()], {}, NOW);
    const row = [...first.appends[0]!.cells];
    const status = headerRow().indexOf('Status');
    row[status] = 'Resolved';
    const back = planSheet([a], [headerRow(), row], first.pushed, NOW);
    expect(back.incoming).toEqual([{ id: 'c-a', status: 'resolved' }]);
    expect(back.updates).toHaveLength(0);

    const edited = { ...a, status: 'in_progress' as const, updatedAt: 2 };
    const out = planSheet([edited], [headerRow(), first.appends[0]!.cells], first.pushed, NOW);
    expect(out.incoming).toHaveLength(0);
    expect(out.updates).toHaveLength(1);
    expect(out.updates[0]!.cells[status]).toBe('in_progress');
  });

  it('keeps the local status and reports a conflict when both sides changed it', () => {
    const first = planSheet([a], [headerRow()], {}, NOW);
    const row = [...first.appends[0]!.cells];
    row[headerRow().indexOf('Status')] = 'closed';
    const edited = { ...a, status: 'in_progress' as const, updatedAt: 2 };
    const out = planSheet([edited], [headerRow(), row], first.pushed, NOW);
    expect(out.incoming).toHaveLength(0);
    expect(out.problems).toContainEqual({ kind: 'conflict', row: 2, detail: 'c-a', sheetValue: 'closed' });
    expect(out.updates[0]!.cells[headerRow().indexOf('Status')]).toBe('in_progress');
  });

  it("updates in place under reordered columns and leaves people's own columns alone", () => {
    const header = ['Notas', 'Estado', 'ID', 'Asunto'];
    const rows: Cell[][] = [header, ['llamar mañana', 'new', 'c-a', 'viejo asunto']];
    const out = planSheet([a], rows, { 'c-a': { status: 'new', updatedAt: 0 } }, NOW);
    expect(out.updates).toEqual([{ row: 2, id: 'c-a', cells: ['llamar mañana', 'new', 'c-a', 'Caja rota'] }]);
  });

  it('leaves a hand-typed row without id alone and reports it; reports a duplicate id and an unknown status', () => {
    const first = planSheet([a], [headerRow()], {}, NOW);
    const row = [...first.appends[0]!.cells];
    const noId = headerRow().map((h) => (h === 'Subject' ? 'typed by hand' : ''));
    const bad = [...row];
    bad[headerRow().indexOf('Status')] = 'hecho';
    const out = planSheet([a], [headerRow(), bad, noId, row], first.pushed, NOW);
    expect(out.problems).toContainEqual({ kind: 'missing-id', row: 3, detail: 'typed by hand' });
    expect(out.problems).toContainEqual({ kind: 'duplicate-id', row: 4, detail: 'c-a' });
    expect(out.problems).toContainEqual({ kind: 'bad-status', row: 2, detail: 'hecho' });
    expect(out.incoming).toHaveLength(0);
    expect(out.appends).toHaveLength(0);
  });

  it('imports a row logged by someone else', () => {
    const other = makeComplaint({
      id: 'c-b',
      threadKey: 'outlook:b',
      subject: '=cmd',
      status: 'waiting_customer',
    });
    const rows = [headerRow(), planSheet([other], [headerRow()], {}, NOW).appends[0]!.cells];
    const out = planSheet([a], rows, {}, NOW);
    expect(out.imported).toHaveLength(1);
    expect(out.imported[0]).toMatchObject({
      id: 'c-b',
      threadKey: 'outlook:b',
      subject: '=cmd',
      status: 'waiting_customer',
    });
  });
});

describe('complaint log sheet: rows gone from the sheet', () => {
  it('a row deleted there (written before) is not appended again and is reported; never written, it is appended', () => {
    const b = makeComplaint({ id: 'c-b', threadKey: 'gmail:b', subject: 'Pedido sin llegar', status: 'new' });
    const pushed = { 'c-a': { status: 'new' as const, updatedAt: 1 } };
    const plan = planSheet([a, b], [headerRow()], pushed, NOW);
    expect(plan.removed).toEqual([{ id: 'c-a', subject: 'Caja rota' }]);
    expect(plan.appends.map((x) => x.id)).toEqual(['c-b']);
    // What the sheet last said is kept, so the next pass still knows it was deleted there.
    expect(plan.pushed['c-a']).toEqual(pushed['c-a']);
  });

  it('without an ID column no row is matched, so nothing is added or rewritten', () => {
    const header = headerRow().map((h) => (h === 'ID' ? '' : h));
    const row = headerRow().map((h) => (h === 'Subject' ? 'Caja rota' : ''));
    const plan = planSheet([a], [header, row], {}, NOW);
    expect(plan.appends).toEqual([]);
    expect(plan.updates).toEqual([]);
    expect(plan.problems).toContainEqual({ kind: 'missing-header', detail: 'ID' });
  });
});
