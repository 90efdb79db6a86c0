import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { z } from 'zod';
import { db, type Complaint, type ComplaintHistoryEntry } from '../db/db';
import { complaintWords } from '../db/complaints';
import { ComplaintError } from './errors';
import { STATUSES } from './workflow';
import { BUILT_IN_CATEGORIES, SEVERITIES } from './settings';
import { t, type MessageKey } from '../i18n';

// Export (CSV for spreadsheets, JSON for backup and moving between browsers) and JSON import.
// Import merges by id and by thread: it never deletes or duplicates, keeps the newer version of each
// field set, unions histories, and writes everything in one transaction or nothing.

export const EXPORT_FORMAT = 'ops-assistant/complaints';
export const EXPORT_VERSION = 1;

type Column = readonly [header: MessageKey | null, code: string, value: (c: Complaint) => string | number];

/** Local time with its offset: what the user saw, and still one exact instant for a machine. */
const when = (zone: string) => (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '' : (DateTime.fromMillis(ms, { zone }).toISO() ?? '');

function columns(zone: string): Column[] {
  const at = when(zone);
  // A human column in the UI language, then the stable code for machines (`status_code`…), so a
  // spreadsheet reads "In progress" and a script still filters on `in_progress`.
  return [
    ['csvId', 'id', (c) => c.id],
    ['csvCreated', 'created', (c) => at(c.createdAt)],
    ['csvStatus', 'status', (c) => t(`status_${c.status}`)],
    [null, 'status_code', (c) => c.status],
    ['csvSeverity', 'severity', (c) => t(`severity_${c.severity}`)],
    [null, 'severity_code', (c) => c.severity],
    ['csvCategory', 'category', (c) => categoryName(c.category)],
    [null, 'category_code', (c) => c.category],
    ['csvCustomerName', 'customer_name', (c) => c.customerName],
    ['csvCustomerEmail', 'customer_email', (c) => c.customerEmail],
    ['csvSubject', 'subject', (c) => c.subject],
    ['csvSummary', 'summary', (c) => c.summary],
    ['csvOrderRef', 'order_ref', (c) => c.orderRef ?? ''],
    ['csvAmount', 'amount', (c) => (c.amount ? c.amount.value : '')],
    ['csvCurrency', 'currency', (c) => c.amount?.currency ?? ''],
    ['csvLanguage', 'language', (c) => c.language],
    ['csvChannel', 'channel', (c) => t(`channel_${c.channel}`)],
    [null, 'channel_code', (c) => c.channel],
    ['csvAssignee', 'assignee', (c) => c.assignee ?? ''],
    ['csvResolution', 'resolution', (c) => c.resolution],
    ['csvCompensation', 'compensation', (c) => c.compensation],
    ['csvReceived', 'received', (c) => at(c.receivedAt)],
    ['csvFirstResponse', 'first_response', (c) => at(c.firstResponseAt)],
    ['csvResolved', 'resolved', (c) => at(c.resolvedAt)],
    ['csvDue', 'due', (c) => at(c.dueAt)],
    ['csvThread', 'thread_url', (c) => c.threadUrl],
  ];
}

function categoryName(category: string): string {
  return (BUILT_IN_CATEGORIES as readonly string[]).includes(category)
    ? t(`category_${category as (typeof BUILT_IN_CATEGORIES)[number]}`)
    : category;
}

/** The CSV header row: column names in the UI language, code columns by their code. */
export function csvHeaders(zone: string = DateTime.local().zoneName): string[] {
  return columns(zone).map(([header, code]) => (header ? t(header) : code));
}

/**
 * CSV with a header row in the UI language, UTF-8 with a byte-order mark so Excel reads accents
 * right. Fields with commas, quotes or newlines are quoted; fields starting like a formula are
 * neutralised (mail content must never become a spreadsheet formula). Times are local with offset.
 */
export function complaintsToCsv(
  rows: readonly Complaint[],
  zone: string = DateTime.local().zoneName,
): string {
  const cols = columns(zone);
  const data = rows.map((c) => cols.map(([, , value]) => value(c)));
  return `\ufeff${Papa.unparse({ fields: csvHeaders(zone), data }, { newline: '\r\n', escapeFormulae: true })}`;
}

export function complaintsToJson(rows: readonly Complaint[], now: number = Date.now()): string {
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(now).toISOString(),
      complaints: rows,
    },
    null,
    1,
  );
}

/** Named by the user's own calendar date: just after midnight in Madrid, the UTC date is still yesterday's. */
export function exportFileName(kind: 'csv' | 'json', now: number = Date.now(), zone?: string): string {
  return `complaints-${DateTime.fromMillis(now, { zone: zone ?? 'local' }).toISODate()!}.${kind}`;
}

const ms = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max);
const historySchema = z.object({
  at: ms,
  kind: z.enum(['created', 'status', 'note', 'message', 'edit']),
  from: z.enum(STATUSES as [string, ...string[]]).optional(),
  to: z.enum(STATUSES as [string, ...string[]]).optional(),
  note: text(10_000).optional(),
  by: text(200).optional(),
  imported: z.boolean().optional(),
});

export const complaintSchema = z.object({
  id: z.string().min(1).max(100),
  threadKey: z.string().min(1).max(2100),
  threadUrl: text(2100),
  channel: z.enum(['gmail', 'outlook', 'manual']),
  customerName: text(500),
  customerEmail: text(500),
  subject: text(1000),
  summary: text(10_000),
  category: z.string().min(1).max(100),
  severity: z.enum(SEVERITIES as [string, ...string[]]),
  status: z.enum(STATUSES as [string, ...string[]]),
  orderRef: text(100).nullable(),
  amount: z.object({ value: z.number().finite(), currency: z.string().regex(/^[A-Z]{3}$/) }).nullable(),
  language: text(20),
  assignee: text(500).nullable(),
  resolution: text(10_000),
  compensation: text(10_000),
  firstResponseAt: ms.nullable(),
  receivedAt: ms.nullable().optional(),
  resolvedAt: ms.nullable(),
  dueAt: ms.nullable(),
  createdAt: ms,
  updatedAt: ms,
  history: z.array(historySchema).max(10_000),
  seenMessageIds: z.array(z.string().max(500)).max(10_000),
  taskId: z.string().max(100).nullable(),
  words: z.array(z.string()).optional(),
});

const envelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int().positive(),
  complaints: z.array(z.unknown()),
});

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Entries left out, with why: "#3 customerEmail: …". Valid entries are imported anyway. */
  rejected: string[];
}

const historyKey = (h: ComplaintHistoryEntry) => JSON.stringify([h.at, h.kind, h.from, h.to, h.note]);

const imported = (h: ComplaintHistoryEntry): ComplaintHistoryEntry => ({ ...h, imported: true });

function merge(stored: Complaint, incoming: Complaint): Complaint {
  const newer = incoming.updatedAt > stored.updatedAt ? incoming : stored;
  const older = newer === incoming ? stored : incoming;
  const history = new Map<string, ComplaintHistoryEntry>();
  // What this browser recorded stays as it is; what only the file has is marked imported.
  for (const h of stored.history) history.set(historyKey(h), h);
  for (const h of incoming.history) if (!history.has(historyKey(h))) history.set(historyKey(h), imported(h));
  return {
    ...newer,
    id: stored.id,
    threadKey: stored.threadKey,
    taskId: newer.taskId ?? older.taskId,
    history: [...history.values()],
    seenMessageIds: [...new Set([...stored.seenMessageIds, ...incoming.seenMessageIds])],
    words: complaintWords(newer),
  };
}

function parseEnvelope(json: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch {
    throw new ComplaintError('not-json');
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) throw new ComplaintError('not-ours');
  if (envelope.data.version > EXPORT_VERSION) throw new ComplaintError('newer-format');
  return envelope.data.complaints;
}

/** Merges a JSON export into the database; a file that is not ours is refused before any write. */
export async function importComplaintsJson(json: string): Promise<ImportResult> {
  const entries = parseEnvelope(json);
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0, rejected: [] };
  const valid: [number, Complaint][] = [];
  entries.forEach((entry, i) => {
    const parsed = complaintSchema.safeParse(entry);
    if (parsed.success) {
      const c = parsed.data as Complaint;
      valid.push([i, { ...c, history: c.history.map(imported), words: complaintWords(c) }]);
    } else {
      const issue = parsed.error.issues[0];
      result.rejected.push(`#${i + 1} ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.trim());
    }
  });
  await db.transaction('rw', db.complaints, async () => {
    // Two index reads for the whole file instead of two per record (100,000 records: ~90 s → seconds).
    // The maps then stand for the store: entries later in the file see the earlier ones' writes.
    const [storedById, storedByThread] = await Promise.all([
      db.complaints.bulkGet(valid.map(([, c]) => c.id)),
      db.complaints
        .where('threadKey')
        .anyOf(valid.map(([, c]) => c.threadKey))
        .toArray(),
    ]);
    const byId = new Map<string, Complaint>();
    const byThread = new Map<string, Complaint>();
    const writes = new Map<string, Complaint>();
    const remember = (c: Complaint, write: boolean) => {
      byId.set(c.id, c);
      byThread.set(c.threadKey, c);
      if (write) writes.set(c.id, c);
    };
    for (const c of [...storedById, ...storedByThread]) if (c) remember(c, false);
    for (const [i, incoming] of valid) {
      const idHit = byId.get(incoming.id);
      const threadHit = byThread.get(incoming.threadKey);
      if (idHit && threadHit && idHit.id !== threadHit.id) {
        result.rejected.push(`#${i + 1} threadKey: ${incoming.threadKey}`);
        continue;
      }
      const stored = idHit ?? threadHit;
      if (!stored) {
        remember(incoming, true);
        result.added++;
        continue;
      }
      const merged = merge(stored, incoming);
      if (JSON.stringify(merged) === JSON.stringify(stored)) result.unchanged++;
      else {
        remember(merged, true);
        result.updated++;
      }
    }
    const rows = [...writes.values()];
    for (let i = 0; i < rows.length; i += 5000) await db.complaints.bulkPut(rows.slice(i, i + 5000));
  });
  return result;
}
