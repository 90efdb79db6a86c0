import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { z } from 'zod';
import { db, searchWords, type Task, type TaskLink, type TaskList, type TaskSeries } from '../db/db';
import { complaintUrl } from '../db/complaints';
import { ensureDefaultLists, listName, matchList } from '../db/lists';
import { t, type MessageKey } from '../i18n';
import en from '../../public/_locales/en/messages.json';
import es from '../../public/_locales/es/messages.json';
import { ALL_DAY_HOUR } from './quick-add';
import { syncReminderAlarm } from './reminders';

// Export and import of lists and tasks. JSON is the lossless backup (every field of every list and
// task); CSV is for spreadsheets and loses only list ids (lists travel by name). Import merges:
// a record whose id is already stored is kept as stored (never overwritten, never duplicated),
// CSV rows without id are matched by title + due + list, and a file with any invalid entry imports
// nothing. Files are untrusted input: sizes are capped and links must be web addresses.

export const TASKS_FORMAT = 'ops-assistant/tasks';
export const TASKS_VERSION = 1;

export class TaskImportError extends Error {}

/** Both languages' messages: a file exported in Spanish imports in an English UI and back. */
const MESSAGE_TABLES = { en, es } as Record<string, Record<MessageKey, { message: string }>>;

// The two kinds of link a task carries (TaskLink in db.ts). A thread link points at the mail site's
// page (a web address); a complaint link points at this extension's dashboard, whose address differs
// per install (the extension id), so on import it is rebuilt from the complaint id: the file decides
// which complaint, never which page opens.
const webAddress = (url: string) => {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
};
const EXTENSION_PAGE =
  /^(chrome|moz|safari-web)-extension:\/\/[^/]+\/dashboard\.html#\/complaints\/([^/?#]+)$/;
const complaintPageRef = (url: string): string | null => {
  const match = EXTENSION_PAGE.exec(url);
  try {
    return match ? decodeURIComponent(match[2]!) : null;
  } catch {
    return null;
  }
};
const linkSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('thread'),
      /** `${site}:${threadId}`. */
      ref: z.string().min(1).max(2000),
      url: z.string().max(4000).refine(webAddress).optional(),
      label: z.string().max(1000).optional(),
    }),
    z.object({
      kind: z.literal('complaint'),
      ref: z.string().min(1).max(200),
      // Only the dashboard page of that same complaint.
      url: z.string().max(4000).optional(),
      label: z.string().max(1000).optional(),
    }),
  ])
  .superRefine((link, ctx) => {
    if (link.kind === 'complaint' && link.url !== undefined && complaintPageRef(link.url) !== link.ref)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'url' });
  })
  .transform((link): TaskLink =>
    link.kind === 'complaint' && link.url !== undefined ? { ...link, url: complaintUrl(link.ref) } : link,
  );
const time = z.number().finite();
const listSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(200),
  builtIn: z.enum(['today', 'manager', 'followups']).nullable(),
  order: z.number().finite(),
  createdAt: time,
});
const taskSchema = z.object({
  id: z.string().min(1).max(200),
  listId: z.string().min(1).max(200),
  title: z.string().trim().min(1).max(500),
  notes: z.string().max(20_000),
  dueAt: time.nullable(),
  dueAllDay: z.boolean(),
  remindAt: time.nullable(),
  priority: z.enum(['low', 'normal', 'high']),
  status: z.enum(['open', 'done']),
  link: linkSchema.nullable(),
  order: z.number().finite(),
  createdAt: time,
  completedAt: time.nullable(),
  // Routines (database version 5): optional, absent in files written before it.
  seriesId: z.string().min(1).max(200).nullable().optional(),
  instanceAt: time.nullable().optional(),
  rule: z.string().max(2000).nullable().optional(),
  skipped: z.boolean().optional(),
  missed: z.number().int().min(0).optional(),
  assignee: z.string().max(500).nullable().optional(),
  checklistRunId: z.string().min(1).max(200).nullable().optional(),
});
/** A repeating series (TaskSeries in db.ts): what its next occurrences copy. */
const seriesSchema = z.object({
  id: z.string().min(1).max(200),
  rule: z.string().min(1).max(2000),
  zone: z.string().min(1).max(100),
  start: z.string().min(1).max(100),
  title: z.string().trim().min(1).max(500),
  notes: z.string().max(20_000),
  listId: z.string().min(1).max(200),
  priority: z.enum(['low', 'normal', 'high']),
  assignee: z.string().max(500).nullable(),
  remindBefore: z.number().finite().nullable(),
  active: z.boolean(),
  createdAt: time,
  updatedAt: time,
});
const fileSchema = z.object({
  format: z.literal(TASKS_FORMAT),
  version: z.literal(TASKS_VERSION),
  lists: z.array(listSchema).max(10_000),
  tasks: z.array(taskSchema).max(1_000_000),
  /** Absent in files written before recurring tasks. */
  series: z.array(seriesSchema).max(100_000).optional(),
});

export interface ImportOutcome {
  added: number;
  /** Already stored (same id, or same title + due + list for CSV rows without id): left as they were. */
  kept: number;
  listsAdded: number;
}

/** The export's file name carries the user's own calendar date (at 00:30 in Madrid, UTC is still yesterday). */
export function tasksFileName(kind: 'csv' | 'json', now: number = Date.now(), zone?: string): string {
  return `tasks-${DateTime.fromMillis(now, { zone: zone ?? 'local' }).toISODate()!}.${kind}`;
}

type ExportedTask = Omit<Task, 'words'>;
const withoutWords = ({ words: _words, ...task }: Task): ExportedTask => task;

export async function tasksToJson(now: number = Date.now()): Promise<string> {
  const [lists, tasks, series] = await db.transaction('r', db.lists, db.tasks, db.series, () =>
    Promise.all([
      db.lists.orderBy('order').toArray(),
      db.tasks.orderBy('createdAt').toArray(),
      db.series.toArray(),
    ]),
  );
  return JSON.stringify({
    format: TASKS_FORMAT,
    version: TASKS_VERSION,
    exportedAt: new Date(now).toISOString(),
    lists,
    tasks: tasks.map(withoutWords),
    series,
  });
}

function parseJsonFile(text: string): z.infer<typeof fileSchema> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new TaskImportError(t('tasksImportNotJson'));
  }
  const head = data as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== TASKS_FORMAT)
    throw new TaskImportError(t('tasksImportNotOurs'));
  if (typeof head.version === 'number' && head.version > TASKS_VERSION)
    throw new TaskImportError(t('tasksImportNewer'));
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success)
    throw new TaskImportError(
      t('tasksImportInvalid', parsed.error.issues.slice(0, 5).map(describeIssue).join('; ')),
    );
  return parsed.data;
}

// What the user reads about a bad entry: which task or list (counted from 1, as people count) and
// which field, in the UI language; never the schema's own wording or the file's raw text.
const FIELD_LABELS: Record<string, MessageKey> = {
  id: 'tasksFieldId',
  listId: 'tasksFieldList',
  list: 'tasksFieldList',
  title: 'tasksFieldTitle',
  name: 'tasksFieldName',
  notes: 'tasksFieldNotes',
  dueAt: 'tasksFieldDue',
  due: 'tasksFieldDue',
  dueAllDay: 'tasksFieldAllDay',
  all_day: 'tasksFieldAllDay',
  remindAt: 'tasksFieldReminder',
  reminder: 'tasksFieldReminder',
  priority: 'tasksFieldPriority',
  status: 'tasksFieldStatus',
  link: 'tasksFieldLink',
  order: 'tasksFieldOrder',
  createdAt: 'tasksFieldCreated',
  created: 'tasksFieldCreated',
  completedAt: 'tasksFieldCompleted',
  completed: 'tasksFieldCompleted',
  builtIn: 'tasksFieldKind',
};

export const fieldLabel = (field: string): string => {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const [group, index, field] = issue.path;
  const where =
    typeof index === 'number'
      ? t(group === 'lists' ? 'tasksImportAtList' : 'tasksImportAtTask', index + 1)
      : t('tasksImportAtFile');
  if (field === 'link') return t('tasksImportBadLink', where);
  return t('tasksImportBadField', where, fieldLabel(String(field ?? group ?? '')));
}

/** Where an incoming list lands: itself (same id), a stored list of the same kind or name, or new. */
function listMapper(stored: TaskList[]) {
  return (incoming: TaskList): TaskList | undefined =>
    stored.find((l) => l.id === incoming.id) ??
    (incoming.builtIn ? stored.find((l) => l.builtIn === incoming.builtIn) : undefined) ??
    matchExact(stored, incoming.name);
}

function matchExact(lists: TaskList[], name: string): TaskList | undefined {
  const wanted = searchWords(name).join(' ');
  return wanted
    ? lists.find(
        (l) => searchWords(l.name).join(' ') === wanted || searchWords(listName(l)).join(' ') === wanted,
      )
    : undefined;
}

async function writeTasks(
  tasks: ExportedTask[],
  newLists: TaskList[],
  series: TaskSeries[] = [],
): Promise<ImportOutcome> {
  const outcome = await db.transaction('rw', db.lists, db.tasks, db.series, async () => {
    if (newLists.length) await db.lists.bulkAdd(newLists);
    // A series already stored (same id) is kept as stored, like a task.
    if (series.length) {
      const known = await db.series.bulkGet(series.map((s) => s.id));
      await db.series.bulkAdd(series.filter((_, i) => known[i] === undefined));
    }
    const existing = await db.tasks.bulkGet(tasks.map((task) => task.id));
    const fresh = tasks.filter((_, i) => existing[i] === undefined);
    await db.tasks.bulkAdd(fresh.map((task) => ({ ...task, words: searchWords(task.title, task.notes) })));
    return { added: fresh.length, kept: tasks.length - fresh.length, listsAdded: newLists.length };
  });
  if (tasks.some((task) => task.remindAt !== null)) await syncReminderAlarm();
  return outcome;
}

/** Imports a JSON export. Throws a TaskImportError (with a message for the user) and writes nothing on a bad file. */
export async function importTasksJson(text: string): Promise<ImportOutcome> {
  const file = parseJsonFile(text);
  const stored = await db.lists.toArray();
  const mapTo = listMapper(stored);
  const listIds = new Map<string, string>();
  const newLists: TaskList[] = [];
  for (const incoming of file.lists) {
    const target = mapTo(incoming) ?? newLists.find((l) => l.id === incoming.id);
    if (target) listIds.set(incoming.id, target.id);
    else {
      newLists.push(incoming);
      listIds.set(incoming.id, incoming.id);
    }
  }
  const orphan = [...file.tasks, ...(file.series ?? [])].some((item) => !listIds.has(item.listId));
  const fallback = orphan ? await firstListId() : '';
  const tasks = file.tasks.map((task) => ({ ...task, listId: listIds.get(task.listId) ?? fallback }));
  const series = (file.series ?? []).map((s) => ({ ...s, listId: listIds.get(s.listId) ?? fallback }));
  return writeTasks(tasks, newLists, series);
}

async function firstListId(): Promise<string> {
  await ensureDefaultLists();
  return (await db.lists.orderBy('order').first())!.id;
}

// ---- CSV ----

/** Column codes: the first CSV format's headers, still read, and the key of each column. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'notes',
  'list',
  'due',
  'all_day',
  'reminder',
  'priority',
  'priority_code',
  'status',
  'status_code',
  'link',
  'created',
  'completed',
  'order',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

// Headers are written in the UI language (a spreadsheet user reads "Prioridad"), except the code
// columns, whose values (`high`, `done`) and headers stay the same in every language for scripts.
const HEADERS: Partial<Record<Column, MessageKey>> = {
  id: 'csvId',
  title: 'csvTaskTitle',
  notes: 'csvTaskNotes',
  list: 'csvTaskList',
  due: 'csvTaskDue',
  all_day: 'csvTaskAllDay',
  reminder: 'csvTaskReminder',
  priority: 'csvTaskPriority',
  status: 'csvTaskStatus',
  link: 'csvTaskLink',
  created: 'csvTaskCreated',
  completed: 'csvTaskCompleted',
  order: 'csvTaskOrder',
};

const fold = (h: string) => h.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/** Every header this import reads, in any UI language or the first format, to its column. */
const HEADER_COLUMNS: ReadonlyMap<string, Column> = new Map([
  ...CSV_COLUMNS.map((c) => [c, c] as const),
  ...(Object.entries(HEADERS) as [Column, MessageKey][]).flatMap(([column, key]) =>
    Object.values(MESSAGE_TABLES).map((table) => [fold(table[key].message), column] as const),
  ),
]);

export function csvHeader(column: Column): string {
  const key = HEADERS[column];
  return key ? t(key) : column;
}

const iso = (ms: number | null, zone: string) =>
  ms === null ? '' : (DateTime.fromMillis(ms, { zone }).toISO() ?? '');

/** An all-day due date at the usual hour is written as a plain date, which spreadsheets show best. */
function dueCell(task: Task, zone: string): string {
  if (task.dueAt === null) return '';
  const local = DateTime.fromMillis(task.dueAt, { zone });
  const canonical =
    local.hour === ALL_DAY_HOUR && local.minute === 0 && local.second === 0 && local.millisecond === 0;
  return task.dueAllDay && canonical ? local.toISODate()! : iso(task.dueAt, zone);
}

function linkCell(link: Task['link']): string {
  if (!link) return '';
  const { kind, ref, url, label } = link;
  // A bare address is easier to read; anything more needs the JSON to come back whole.
  if (kind === 'thread' && url && ref === url && label === undefined) return url;
  if (kind === 'complaint' && url === undefined && label === undefined) return `complaint:${ref}`;
  return JSON.stringify(link);
}

/**
 * Tasks as CSV (UTF-8 with a byte-order mark for Excel). Cells that a spreadsheet would run as a
 * formula get a leading apostrophe; the import takes it off again.
 */
export async function tasksToCsv(zone: string = DateTime.local().zoneName): Promise<string> {
  const [lists, tasks] = await db.transaction('r', db.lists, db.tasks, () =>
    Promise.all([db.lists.toArray(), db.tasks.orderBy('createdAt').toArray()]),
  );
  const names = new Map(lists.map((l) => [l.id, listName(l)]));
  const data = tasks.map((task) => [
    task.id,
    task.title,
    task.notes,
    names.get(task.listId) ?? '',
    dueCell(task, zone),
    task.dueAllDay ? t('csvYes') : '',
    iso(task.remindAt, zone),
    t(PRIORITY_LABELS[task.priority]),
    task.priority,
    t(task.status === 'done' ? 'csvTaskDone' : 'csvTaskOpen'),
    task.status,
    linkCell(task.link),
    iso(task.createdAt, zone),
    iso(task.completedAt, zone),
    String(task.order),
  ]);
  const fields = CSV_COLUMNS.map(csvHeader);
  return `\ufeff${Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: true })}`;
}

const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
const PRIORITY_LABELS: Record<Task['priority'], MessageKey> = {
  low: 'priorityLow',
  normal: 'priorityNormal',
  high: 'priorityHigh',
};
const YES = new Set(['yes', 'true', '1', 'sí', 'si', 'x']);
const PRIORITIES: Record<string, Task['priority']> = {
  low: 'low',
  baja: 'low',
  normal: 'normal',
  media: 'normal',
  high: 'high',
  alta: 'high',
  urgente: 'high',
};
const STATUSES: Record<string, Task['status']> = {
  open: 'open',
  abierta: 'open',
  pendiente: 'open',
  done: 'done',
  hecha: 'done',
  completada: 'done',
  completed: 'done',
};
// The words our own export writes, in each language, read back too.
for (const table of Object.values(MESSAGE_TABLES)) {
  STATUSES[table.csvTaskOpen.message.toLowerCase()] = 'open';
  STATUSES[table.csvTaskDone.message.toLowerCase()] = 'done';
  for (const [code, key] of Object.entries(PRIORITY_LABELS))
    PRIORITIES[table[key].message.toLowerCase()] = code as Task['priority'];
}

class CellError extends Error {}

function parseTime(cell: string, column: string, zone: string): { at: number; dateOnly: boolean } | null {
  if (!cell) return null;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(cell)
    ? DateTime.fromISO(cell, { zone })
    : dmy
      ? DateTime.fromObject({ day: Number(dmy[1]), month: Number(dmy[2]), year: Number(dmy[3]) }, { zone })
      : null;
  if (date) {
    if (!date.isValid) throw new CellError(t('tasksImportBadValue', fieldLabel(column), cell));
    return { at: date.set({ hour: ALL_DAY_HOUR }).toMillis(), dateOnly: true };
  }
  const stamp = DateTime.fromISO(cell, { zone, setZone: true });
  if (!stamp.isValid) throw new CellError(t('tasksImportBadValue', fieldLabel(column), cell));
  return { at: stamp.toMillis(), dateOnly: false };
}

function parseLink(cell: string): Task['link'] {
  if (!cell) return null;
  if (cell.startsWith('{')) {
    try {
      const parsed = linkSchema.safeParse(JSON.parse(cell));
      if (parsed.success) return parsed.data;
    } catch {
      // Falls through to the error below.
    }
  } else if (cell.length <= 4000 && webAddress(cell)) {
    return { kind: 'thread', ref: cell, url: cell };
  } else if (/^complaint:.+/.test(cell)) {
    return { kind: 'complaint', ref: cell.slice('complaint:'.length) };
  }
  throw new CellError(t('tasksImportBadLinkCell'));
}

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

function rowToTask(row: Row, zone: string, now: number): Omit<ExportedTask, 'id' | 'listId'> {
  const cell = (column: keyof Row) => unescapeFormula((row[column] ?? '').trim());
  const title = cell('title').replace(/\s+/g, ' ');
  if (!title) throw new CellError(t('tasksImportNoTitle'));
  const due = parseTime(cell('due'), 'due', zone);
  const allDayCell = cell('all_day').toLowerCase();
  // The code column, when the file has one, is what the export meant; the word is for people.
  const priorityCell = cell('priority_code') || cell('priority');
  const priority = PRIORITIES[priorityCell.toLowerCase() || 'normal'];
  if (!priority) throw new CellError(t('tasksImportBadValue', fieldLabel('priority'), priorityCell));
  const completed = parseTime(cell('completed'), 'completed', zone);
  const statusCell = (cell('status_code') || cell('status')).toLowerCase();
  const status = statusCell ? STATUSES[statusCell] : completed ? 'done' : 'open';
  if (!status) throw new CellError(t('tasksImportBadValue', fieldLabel('status'), statusCell));
  const order = cell('order') ? Number(cell('order')) : now;
  if (!Number.isFinite(order))
    throw new CellError(t('tasksImportBadValue', fieldLabel('order'), cell('order')));
  return {
    title: title.slice(0, 500),
    // Notes keep their own line breaks; only the formula guard comes off.
    notes: unescapeFormula(row.notes ?? '').slice(0, 20_000),
    dueAt: due?.at ?? null,
    dueAllDay: due !== null && (allDayCell ? YES.has(allDayCell) : due.dateOnly),
    remindAt: parseTime(cell('reminder'), 'reminder', zone)?.at ?? null,
    priority,
    status,
    link: parseLink(cell('link')),
    order,
    createdAt: parseTime(cell('created'), 'created', zone)?.at ?? now,
    completedAt: status === 'done' ? (completed?.at ?? now) : null,
  };
}

/** Imports tasks from CSV (our columns; only `title` is required). Nothing is written if a row is bad. */
export async function importTasksCsv(
  text: string,
  zone: string = DateTime.local().zoneName,
  now: number = Date.now(),
): Promise<ImportOutcome> {
  const parsed = Papa.parse<Row>(text.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    // Headers in either language or the first format's codes; unknown ones stay as they are.
    transformHeader: (h) => HEADER_COLUMNS.get(fold(h)) ?? h.trim(),
  });
  const columns = parsed.meta.fields ?? [];
  const broken = parsed.errors.slice(0, 5).map((e) => t('tasksImportRow', (e.row ?? 0) + 2, e.message));
  if (!columns.includes('title') || columns.some((c) => c && !(CSV_COLUMNS as readonly string[]).includes(c)))
    throw new TaskImportError(t('tasksImportNotOursCsv', CSV_COLUMNS.map(csvHeader).join(', ')));

  if (broken.length) throw new TaskImportError(t('tasksImportInvalid', broken.join('; ')));
  await ensureDefaultLists();
  const lists = await db.lists.orderBy('order').toArray();
  const defaultId = lists[0]!.id;
  const newLists: TaskList[] = [];
  const listFor = (name: string): string => {
    if (!name) return defaultId;
    const found = matchExact([...lists, ...newLists], name) ?? matchList([...lists, ...newLists], name);
    if (found) return found.id;
    const created: TaskList = {
      id: crypto.randomUUID(),
      name: name.slice(0, 80),
      builtIn: null,
      order: lists.length + newLists.length,
      createdAt: now,
    };
    newLists.push(created);
    return created.id;
  };

  const errors: string[] = [];
  const tasks: ExportedTask[] = [];
  parsed.data.forEach((row, i) => {
    try {
      const fields = rowToTask(row, zone, now + i);
      const listId = listFor(unescapeFormula((row.list ?? '').trim()));
      tasks.push({ ...fields, id: unescapeFormula((row.id ?? '').trim()) || '', listId });
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      // Row 1 is the header, as a spreadsheet numbers them.
      errors.push(t('tasksImportRow', i + 2, err.message));
    }
  });
  if (errors.length) throw new TaskImportError(t('tasksImportInvalid', errors.slice(0, 5).join('; ')));

  // Rows without id: the same title, due and list as a stored task (or an earlier row) is the same task.
  if (tasks.some((task) => !task.id)) {
    const key = (task: Pick<Task, 'title' | 'dueAt' | 'listId'>) =>
      `${task.title}\u0000${task.dueAt}\u0000${task.listId}`;
    const seen = new Map<string, string>();
    await db.tasks.each((task) => void seen.set(key(task), task.id));
    for (const task of tasks) {
      if (task.id) continue;
      task.id = seen.get(key(task)) ?? crypto.randomUUID();
      seen.set(key(task), task.id);
    }
  }
  const unique = [...new Map(tasks.map((task) => [task.id, task])).values()];
  const outcome = await writeTasks(unique, newLists);
  return { ...outcome, kept: outcome.kept + tasks.length - unique.length };
}
