import type { Complaint, ComplaintStatus, Severity } from '../db/db';

// The complaint log as a shared spreadsheet: a header row, then one row per complaint keyed by its id.
// Columns are found by their header names (case and spaces ignored), so people may reorder them or add
// their own; a header we do not know is left alone and reported; a column we need but cannot find is
// reported and that field is neither read nor written. Only the status travels back from the sheet:
// the rest of the row is the extension's copy for people to read and sort.

export type Cell = string | number | boolean | null;

export type Field =
  | 'id'
  | 'threadKey'
  | 'threadUrl'
  | 'channel'
  | 'subject'
  | 'customerName'
  | 'customerEmail'
  | 'category'
  | 'severity'
  | 'status'
  | 'summary'
  | 'createdAt'
  | 'updatedAt';

/** Header names written by the extension; each field also accepts its Spanish name when read. */
export const HEADERS: Record<Field, [en: string, es: string]> = {
  id: ['ID', 'ID'],
  subject: ['Subject', 'Asunto'],
  customerName: ['Customer', 'Cliente'],
  customerEmail: ['Email', 'Correo'],
  category: ['Category', 'Categoría'],
  severity: ['Severity', 'Gravedad'],
  status: ['Status', 'Estado'],
  summary: ['Summary', 'Resumen'],
  channel: ['Channel', 'Canal'],
  threadUrl: ['Thread', 'Hilo'],
  threadKey: ['Thread key', 'Clave del hilo'],
  createdAt: ['Created', 'Creada'],
  updatedAt: ['Updated', 'Actualizada'],
};
export const FIELDS = Object.keys(HEADERS) as Field[];

export const STATUSES: ComplaintStatus[] = ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed'];
/** What people may type into the Status column (besides the codes themselves). */
const STATUS_WORDS: Record<string, ComplaintStatus> = {
  new: 'new',
  nueva: 'new',
  'in progress': 'in_progress',
  'en curso': 'in_progress',
  'waiting customer': 'waiting_customer',
  'waiting for customer': 'waiting_customer',
  'esperando cliente': 'waiting_customer',
  'esperando al cliente': 'waiting_customer',
  resolved: 'resolved',
  resuelta: 'resolved',
  closed: 'closed',
  cerrada: 'closed',
};
const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

export function parseStatus(value: Cell): ComplaintStatus | null {
  const text = norm(String(value ?? ''));
  return (STATUSES as string[]).includes(text.replace(/ /g, '_'))
    ? (text.replace(/ /g, '_') as ComplaintStatus)
    : (STATUS_WORDS[text] ?? null);
}

/**
 * Mail content is untrusted: a cell that starts like a formula (= + - @, or a tab/CR that some
 * programs skip) gets an apostrophe first, so no spreadsheet, CSV export or copy runs it. Sheets is
 * written with valueInputOption RAW as well, so nothing is parsed there in any case.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Undoes safeCell when reading back. */
export function readCell(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export interface SheetProblem {
  kind: 'unknown-header' | 'missing-header' | 'missing-id' | 'duplicate-id' | 'bad-status' | 'conflict';
  /** 1-based sheet row, when about one row. */
  row?: number;
  /** The header text, the id, or the status typed. */
  detail: string;
  /** For a conflict: what the sheet said (the extension's value was kept). */
  sheetValue?: string;
}

export interface SheetLayout {
  /** Column index of each field found. */
  columns: Partial<Record<Field, number>>;
  /** Width of the header row. */
  width: number;
  problems: SheetProblem[];
}

export function readHeader(header: Cell[] | undefined): SheetLayout {
  const byName = new Map<string, Field>();
  for (const f of FIELDS) for (const name of HEADERS[f]) byName.set(norm(name), f);
  const columns: SheetLayout['columns'] = {};
  const problems: SheetProblem[] = [];
  (header ?? []).forEach((cell, i) => {
    const text = readCell(cell).trim();
    if (!text) return;
    const field = byName.get(norm(text));
    if (field && columns[field] === undefined) columns[field] = i;
    else problems.push({ kind: 'unknown-header', detail: text });
  });
  for (const f of FIELDS)
    if (columns[f] === undefined) problems.push({ kind: 'missing-header', detail: HEADERS[f][0] });
  return { columns, width: header?.length ?? 0, problems };
}

/** The header row the extension writes into a new sheet. */
export function headerRow(): string[] {
  return FIELDS.map((f) => HEADERS[f][0]);
}

function fieldText(c: Complaint, f: Field): string {
  switch (f) {
    case 'createdAt':
    case 'updatedAt':
      return new Date(c[f]).toISOString();
    default:
      return String(c[f] ?? '');
  }
}

/**
 * The row for a complaint laid out for `layout`; columns we do not own (unknown headers, people's
 * own notes) are null, which both APIs leave as they are on update (Sheets: "null values will be
 * skipped"; the Excel writer sends them back unchanged).
 */
export function rowFor(c: Complaint, layout: SheetLayout, existing: Cell[] = []): Cell[] {
  const width = Math.max(layout.width, ...Object.values(layout.columns).map((i) => i + 1));
  const row: Cell[] = Array.from({ length: width }, (_, i) => existing[i] ?? null);
  for (const f of FIELDS) {
    const i = layout.columns[f];
    if (i !== undefined) row[i] = safeCell(fieldText(c, f));
  }
  return row;
}

export interface SheetRow {
  /** 1-based row number in the sheet. */
  row: number;
  cells: Cell[];
}

/** What the sheet last said for each complaint, kept between passes so a change on either side is told apart. */
export type Pushed = Record<string, { status: ComplaintStatus; updatedAt: number }>;

export interface SheetPlan {
  updates: { row: number; id: string; cells: Cell[] }[];
  appends: { id: string; cells: Cell[] }[];
  /** Status changed in the sheet since the last pass (and not here): apply locally. */
  incoming: { id: string; status: ComplaintStatus }[];
  /** Rows with an id not known here: complaints logged by someone else. */
  imported: Complaint[];
  problems: SheetProblem[];
  /**
   * Complaints whose row was in the sheet (pushed before) and is gone: someone deleted the row. They
   * are not added again (the shared log should not undo a colleague's delete) and stay here.
   */
  removed: { id: string; subject: string }[];
  /** Pushed state after the plan is carried out. */
  pushed: Pushed;
}

/**
 * Merges the local complaints with the sheet's rows (rows[0] is the header). A status changed on
 * one side only goes to the other; changed on both to different values keeps the extension's, and
 * reports the sheet's as a conflict. Rows without an id are left alone and reported.
 */
export function planSheet(
  local: readonly Complaint[],
  rows: Cell[][],
  pushed: Pushed,
  now = Date.now(),
): SheetPlan {
  const layout = readHeader(rows[0]);
  const plan: SheetPlan = {
    updates: [],
    appends: [],
    incoming: [],
    imported: [],
    problems: [...layout.problems],
    removed: [],
    pushed: { ...pushed },
  };
  const col = layout.columns;
  const cell = (r: Cell[], f: Field) => (col[f] === undefined ? '' : readCell(r[col[f]] ?? ''));
  const seen = new Map<string, SheetRow>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (!cells.some((v) => readCell(v).trim() !== '')) return;
    const id = cell(cells, 'id').trim();
    if (!id) return plan.problems.push({ kind: 'missing-id', row, detail: cell(cells, 'subject') });
    if (seen.has(id)) return plan.problems.push({ kind: 'duplicate-id', row, detail: id });
    seen.set(id, { row, cells });
  });
  // Without an ID column no row can be matched: adding every complaint again would duplicate them
  // all, so nothing is written until the header is put right (the missing header is reported).
  const dataRows = rows.slice(1).some((r) => r.some((v) => readCell(v).trim() !== ''));
  if (col.id === undefined && dataRows) return plan;
  const localById = new Map(local.map((c) => [c.id, c]));
  for (const c of local) {
    const found = seen.get(c.id);
    if (!found && pushed[c.id]) {
      plan.removed.push({ id: c.id, subject: c.subject });
      continue;
    }
    if (!found) {
      plan.appends.push({
        id: c.id,
        cells: rowFor(c, { ...layout, width: Math.max(layout.width, FIELDS.length) }),
      });
      plan.pushed[c.id] = { status: c.status, updatedAt: c.updatedAt };
      continue;
    }
    const last = pushed[c.id];
    const typed = cell(found.cells, 'status');
    const sheetStatus = col.status === undefined ? null : parseStatus(typed);
    if (col.status !== undefined && sheetStatus === null && typed.trim() !== '')
      plan.problems.push({ kind: 'bad-status', row: found.row, detail: typed });
    const sheetChanged = sheetStatus !== null && last !== undefined && sheetStatus !== last.status;
    const localChanged = !last || c.status !== last.status || c.updatedAt !== last.updatedAt;
    if (sheetChanged && sheetStatus !== c.status && (!localChanged || c.status === last.status)) {
      plan.incoming.push({ id: c.id, status: sheetStatus });
      plan.pushed[c.id] = { status: sheetStatus, updatedAt: now };
      continue;
    }
    if (sheetChanged && sheetStatus !== c.status)
      plan.problems.push({ kind: 'conflict', row: found.row, detail: c.id, sheetValue: typed });
    const wanted = rowFor(c, layout, found.cells);
    // Compared as read back: Excel keeps "'=x" as the text "=x", Sheets (RAW) keeps it as typed.
    const differs = wanted.some((v, i) => v !== null && readCell(v) !== readCell(found.cells[i] ?? ''));
    if (differs) plan.updates.push({ row: found.row, id: c.id, cells: wanted });
    plan.pushed[c.id] = { status: c.status, updatedAt: c.updatedAt };
  }
  for (const [id, found] of seen) {
    if (localById.has(id)) continue;
    const imported = complaintFromRow(id, (f) => cell(found.cells, f), now);
    if (imported) {
      plan.imported.push(imported);
      plan.pushed[id] = { status: imported.status, updatedAt: imported.updatedAt };
    }
  }
  return plan;
}

function complaintFromRow(id: string, get: (f: Field) => string, now: number): Complaint | null {
  const status = parseStatus(get('status')) ?? 'new';
  const severity = (SEVERITIES as string[]).includes(get('severity'))
    ? (get('severity') as Severity)
    : 'medium';
  const channel = get('channel');
  const time = (f: Field) => {
    const at = Date.parse(get(f));
    return Number.isFinite(at) ? at : now;
  };
  const createdAt = time('createdAt');
  return {
    id,
    threadKey: get('threadKey') || `sheet:${id}`,
    threadUrl: get('threadUrl'),
    channel: channel === 'gmail' || channel === 'outlook' ? channel : 'manual',
    customerName: get('customerName'),
    customerEmail: get('customerEmail'),
    subject: get('subject'),
    summary: get('summary'),
    category: get('category') || 'other',
    severity,
    status,
    orderRef: null,
    amount: null,
    language: 'es',
    assignee: null,
    resolution: '',
    compensation: '',
    firstResponseAt: null,
    resolvedAt: status === 'resolved' || status === 'closed' ? now : null,
    dueAt: null,
    createdAt,
    updatedAt: time('updatedAt'),
    history: [{ at: now, kind: 'created', note: 'shared sheet', imported: true }],
    seenMessageIds: [],
    taskId: null,
    words: [],
  };
}
