import { Dexie, type EntityTable } from 'dexie';
import type { Template } from '../assistant/templates';

// The one database of the extension, in the extension's origin. Opened by extension pages and the
// background only — a content script would open the mail site's IndexedDB instead.
// Versions are only ever added (Dexie's rule): never edit a published `.stores()` call.

export type Id = string;

export interface TaskList {
  id: Id;
  name: string;
  /** Built-in lists are named per UI language until the user renames them. */
  builtIn: 'today' | 'manager' | 'followups' | null;
  order: number;
  createdAt: number;
}

export type TaskStatus = 'open' | 'done';
export type Priority = 'low' | 'normal' | 'high';

export interface TaskLink {
  kind: 'thread' | 'complaint';
  /** `${site}:${threadId}` for threads, the complaint id for complaints. */
  ref: string;
  url?: string;
  label?: string;
}

export interface Task {
  id: Id;
  listId: Id;
  title: string;
  notes: string;
  /** Due instant (ms) or null; `dueAllDay` tells whether only the date matters. */
  dueAt: number | null;
  dueAllDay: boolean;
  remindAt: number | null;
  priority: Priority;
  status: TaskStatus;
  link: TaskLink | null;
  order: number;
  createdAt: number;
  completedAt: number | null;
  /** Lower-cased words of title and notes, for search (added in version 2). */
  words: string[];
  // Version 5 (routines). Absent on tasks written before it, hence optional.
  /** The repeating series this task is one occurrence of. */
  seriesId?: Id | null;
  /** The occurrence it stands for (an instant; the due time may be moved for this one only). */
  instanceAt?: number | null;
  /** The series' RFC 5545 rule, copied so lists can say it in words without a lookup. */
  rule?: string | null;
  /** Closed by "skip" rather than done. */
  skipped?: boolean;
  /** Occurrences that passed before this one was closed (counted, never stored one by one). */
  missed?: number;
  /** Staff member (their e-mail, the staff directory's key) the task is assigned to. */
  assignee?: string | null;
  /** The checklist run this task is an item of. */
  checklistRunId?: Id | null;
}

export type ComplaintStatus = 'new' | 'in_progress' | 'waiting_customer' | 'resolved' | 'closed';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface ComplaintHistoryEntry {
  at: number;
  kind: 'created' | 'status' | 'note' | 'message' | 'edit';
  from?: ComplaintStatus;
  to?: ComplaintStatus;
  note?: string;
  /** Who did it: the profile's name at the time (messages: their sender is in `note`). */
  by?: string;
  /** Came in with an import (JSON file) rather than being done in this browser. */
  imported?: boolean;
}

export interface Complaint {
  id: Id;
  /** `${site}:${threadId}`: one complaint per thread. */
  threadKey: string;
  threadUrl: string;
  channel: 'gmail' | 'outlook' | 'manual';
  customerName: string;
  customerEmail: string;
  subject: string;
  summary: string;
  category: string;
  severity: Severity;
  status: ComplaintStatus;
  orderRef: string | null;
  amount: { value: number; currency: string } | null;
  language: string;
  assignee: string | null;
  resolution: string;
  compensation: string;
  /** Our first reply actually sent in the thread (read from the thread, never from a status change). */
  firstResponseAt: number | null;
  /** When the customer's first message in the thread was sent; the response time counts from it. */
  receivedAt?: number | null;
  resolvedAt: number | null;
  dueAt: number | null;
  createdAt: number;
  updatedAt: number;
  history: ComplaintHistoryEntry[];
  /** Ids of thread messages already in the history. */
  seenMessageIds: string[];
  taskId: Id | null;
  words: string[];
}

/** Reply templates (shape owned by the drafting code). */
export type TemplateRecord = Template;

export interface Contact {
  id: Id;
  email: string;
  name: string;
  kind: 'staff' | 'customer';
  role: string;
  /** Calendar id for staff whose free/busy the scheduler reads. */
  calendarId: string | null;
  provider: 'google' | 'microsoft' | null;
}

export type OutboxStatus = 'pending' | 'running' | 'done' | 'failed';

export interface OutboxItem {
  id: Id;
  /** Idempotency key: the same write queued twice is one item, and one remote effect. */
  key: string;
  kind: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  result: unknown;
  createdAt: number;
  updatedAt: number;
  /** Set while a pending item waits for the user to sign in or for the network (costs no attempt). */
  waiting?: OutboxWait | null;
}

export interface OutboxWait {
  reason: 'sign-in' | 'network';
  /** When this wait began: a wait longer than the outbox's bound ends the item visibly. */
  since: number;
  /** Tries while waiting, for the backoff between them. */
  tries: number;
}

export interface AgendaCacheEntry {
  /** `${provider}:${calendarId}` */
  id: string;
  provider: 'google' | 'microsoft';
  calendarId: string;
  fetchedAt: number;
  rangeStart: number;
  rangeEnd: number;
  events: unknown[];
  error: string | null;
}

/** Settings that are records (business profile, working hours…), not simple preferences. */
export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}

export type OpsDb = Dexie & {
  lists: EntityTable<TaskList, 'id'>;
  tasks: EntityTable<Task, 'id'>;
  complaints: EntityTable<Complaint, 'id'>;
  templates: EntityTable<TemplateRecord, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  outbox: EntityTable<OutboxItem, 'id'>;
  agendaCache: EntityTable<AgendaCacheEntry, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  ledger: EntityTable<LedgerEntry, 'id'>;
  syncMeta: EntityTable<SyncMetaRecord, 'key'>;
  syncLinks: EntityTable<SyncLink, 'id'>;
  syncConflicts: EntityTable<SyncConflict, 'id'>;
  vault: EntityTable<VaultRecord, 'id'>;
  series: EntityTable<TaskSeries, 'id'>;
  checklists: EntityTable<ChecklistTemplate, 'id'>;
  checklistRuns: EntityTable<ChecklistRun, 'id'>;
  praise: EntityTable<PraiseRecord, 'id'>;
};

export const DB_NAME = 'ops-assistant';

/** Version 1: the first schema. Kept verbatim forever. */
export const SCHEMA_V1 = {
  lists: 'id, order',
  tasks: 'id, listId, status, dueAt, remindAt, [status+dueAt], link.ref, createdAt',
  complaints:
    'id, &threadKey, customerEmail, status, category, severity, createdAt, dueAt, [status+createdAt]',
  templates: 'id, [intent+language], updatedAt',
  contacts: 'id, &email, kind',
  outbox: 'id, &key, status, nextAttemptAt',
  agendaCache: 'id, fetchedAt',
  settings: 'key',
};

/** Version 2: word indexes for search on tasks and complaints. */
export const SCHEMA_V2 = {
  tasks: 'id, listId, status, dueAt, remindAt, [status+dueAt], link.ref, createdAt, *words',
  complaints:
    'id, &threadKey, customerEmail, status, category, severity, createdAt, dueAt, [status+createdAt], *words',
};

/**
 * Version 3: the complaints list at 100,000 records reads each page straight from one index range in
 * sort order. Every complaints index costs a write on each put, so the set stays small:
 * - `[status+category+severity+createdAt]`: any mix of the list's status / category / severity /
 *   date filters is a few exact ranges of it (one per status × category × severity), already
 *   newest-first inside each, and counted exactly by `.count()` per range.
 * - `[status+severity+createdAt]`: severity without category (a filter, and the "severity" order)
 *   would otherwise be one range per category too; here it is one per status.
 * - `[status+severity+category+dueAt]`: the same ranges for the "due" order. Records without a due
 *   date (resolved, closed) are not in it at all, so it holds only open work. Severity before
 *   category so that status + severity is a prefix (counted in one range).
 * - `[status+createdAt]` stays for the default "open" and one-status lists (one range per status).
 * - `category` stays to enumerate the categories in use; `createdAt` and `dueAt` for the unfiltered
 *   orders (and the dashboard, the SLA badge).
 * - `status` and `severity` alone are dropped: the compound indexes above start with them, and
 *   nothing else reads them.
 */
export const SCHEMA_V3 = {
  complaints:
    'id, &threadKey, customerEmail, category, createdAt, dueAt, [status+createdAt], ' +
    '[status+severity+createdAt], [status+category+severity+createdAt], ' +
    '[status+severity+category+dueAt], *words',
};

// --- Version 5: routines — recurring tasks, checklists, staff on task (issue 20) ---

/** A repeating task: the rule and what each occurrence copies. Occurrences are made one at a time. */
export interface TaskSeries {
  id: Id;
  /** RFC 5545 RRULE value, evaluated in `zone` from the local day `start`. */
  rule: string;
  zone: string;
  start: string;
  title: string;
  notes: string;
  listId: Id;
  priority: Priority;
  assignee: string | null;
  /** Minutes before each occurrence for its reminder, or null. */
  remindBefore: number | null;
  /** False once the user stopped it; its open occurrence stays a one-off. */
  active: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface ChecklistItem {
  id: Id;
  title: string;
  /** Minutes after the run's start the item is due (0: at the start). */
  offsetMinutes: number;
}

/** A reusable checklist ("Opening the shop"). Built-in ones are named per UI language until edited. */
export interface ChecklistTemplate {
  id: Id;
  builtIn: string | null;
  name: string;
  items: ChecklistItem[];
  /** When runs start by themselves (RRULE in `zone`), or null for "start by hand". */
  rule: string | null;
  /** Whether runs start on the schedule (built-in schedules are suggestions until turned on). */
  scheduleOn?: boolean;
  zone: string;
  start: string;
  assignee: string | null;
  /** Bumped on every edit; a run keeps the version (and the items) it started with. */
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** One run of a checklist: a snapshot of the template's items, each made a task. */
export interface ChecklistRun {
  id: Id;
  templateId: Id;
  templateVersion: number;
  name: string;
  /** The occurrence this run is for (its start), or the time it was started by hand. */
  instanceAt: number;
  items: (ChecklistItem & { taskId: Id })[];
  startedAt: number;
}

/** A customer's thanks read in a thread (one per thread): what the weekly report says we are thanked for. */
export interface PraiseRecord {
  /** `${site}:${threadId}` */
  id: string;
  at: number;
  customerName: string;
  customerEmail: string;
  /** The customer's own words, shortened; mail text, shown only as text. */
  quote: string;
  language: string;
}

export const SCHEMA_V5 = {
  tasks:
    'id, listId, status, dueAt, remindAt, [status+dueAt], link.ref, createdAt, *words, seriesId, ' +
    'assignee, checklistRunId',
  series: 'id',
  checklists: 'id, builtIn',
  checklistRuns: 'id, templateId, &[templateId+instanceAt], instanceAt',
  praise: 'id, at',
};

// --- Version 6: team sync and backup (issue 18) ---

/** Sync and backup state by key ('backup', 'sync:<listId>'…): a record each, owned by services/sync|backup. */
export interface SyncMetaRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}

/** One local task paired with its remote copy in Google Tasks or Microsoft To Do. */
export interface SyncLink {
  /** `${provider}:${localId}` */
  id: string;
  provider: 'google' | 'microsoft';
  localId: Id;
  localListId: Id;
  remoteListId: string;
  /** Null until the create reached the provider. */
  remoteId: string | null;
  etag: string | null;
  /** The fields as both sides last agreed on them: a three-way merge base. */
  base: unknown;
  syncedAt: number;
}

/** Both sides changed the same field: both texts kept, shown until the user picks. */
export interface SyncConflict {
  id: string;
  localId: Id;
  provider: 'google' | 'microsoft';
  field: string;
  local: string;
  remote: string;
  createdAt: number;
}

/** Keys that never leave this profile (not in backups): the backup key, non-extractable. */
export interface VaultRecord {
  id: string;
  key: CryptoKey;
  createdAt: number;
}

export const SCHEMA_V6 = {
  syncMeta: 'key',
  syncLinks: 'id, localId, [provider+remoteListId], [provider+remoteId]',
  syncConflicts: 'id, localId, createdAt',
  vault: 'id',
};

// --- Version 4: the ledger — supplier invoices, receipts and credit notes (issue 19) ---

export type LedgerStatus = 'to_pay' | 'scheduled' | 'paid' | 'disputed';
export type LedgerKind = 'invoice' | 'receipt' | 'credit_note';

export interface LedgerTax {
  /** IVA, IGIC, IPSI, VAT, sales_tax, IRPF (a withholding: negative), tax. */
  kind: string;
  /** Exact decimal string of the percentage ("21", "10.5"), or null. */
  rate: string | null;
  /** Minor units; null when the line gave none (the entry's base applies). */
  base: number | null;
  amount: number;
}

/** One supplier document. Amounts are integer minor units of `currency`, never floats. */
export interface LedgerEntry {
  id: Id;
  kind: LedgerKind;
  /** Tax id when known, else the sender's domain, else the name: with `number`, the one-record key. */
  supplierKey: string;
  supplierName: string;
  supplierEmail: string;
  taxId: string | null;
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  dueDate: string | null;
  /** YYYY-MM of the issue date: totals by month. */
  month: string;
  currency: string;
  base: number;
  taxes: LedgerTax[];
  total: number;
  category: string;
  status: LedgerStatus;
  paymentMethod: string | null;
  iban: string | null;
  attachments: string[];
  /** `${site}:${threadId}` and the thread's address, to go back to the mail. */
  threadKey: string | null;
  threadUrl: string | null;
  messageId: string | null;
  subject: string;
  notes: string;
  reminderTaskId: Id | null;
  paidAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export const SCHEMA_V4 = {
  ledger: 'id, &[supplierKey+number], supplierKey, status, dueDate, month, threadKey, [status+dueDate]',
};

export function searchWords(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const normal = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    for (const word of normal.split(/[^\p{L}\p{N}@._-]+/u)) if (word.length > 1) words.add(word);
  }
  return [...words];
}

export function openDb(name = DB_NAME): OpsDb {
  const db = new Dexie(name) as OpsDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      await tx
        .table<Task>('tasks')
        .toCollection()
        .modify((task) => {
          task.words = searchWords(task.title, task.notes);
        });
      await tx
        .table<Complaint>('complaints')
        .toCollection()
        .modify((c) => {
          c.words = searchWords(c.subject, c.summary, c.customerName, c.customerEmail, c.orderRef);
        });
    });
  // Index-only change: IndexedDB builds the new indexes from the stored rows, nothing to rewrite.
  db.version(3).stores(SCHEMA_V3);
  // The ledger: a new table only.
  db.version(4).stores(SCHEMA_V4);
  // Routines: new tables and task indexes; old tasks simply have no series, assignee or run.
  db.version(5).stores(SCHEMA_V5);
  // New tables only: nothing to rewrite.
  db.version(6).stores(SCHEMA_V6);
  db.use({
    stack: 'dbcore',
    name: 'local-writes',
    create: (down) => ({
      ...down,
      table(table) {
        const inner = down.table(table);
        return {
          ...inner,
          mutate: (req) =>
            inner.mutate(req).then((res) => {
              // A listener's failure never fails the write it hears of.
              for (const listener of writeListeners)
                try {
                  listener(table);
                } catch (err) {
                  console.warn('Write listener failed', err);
                }
              return res;
            }),
        };
      },
    }),
  });
  return db;
}

const writeListeners = new Set<(table: string) => void>();

/**
 * Calls `listener` after each write made through this context's database (never for writes of
 * other pages or the background, unlike Dexie's `storagemutated`). Returns the unsubscribe.
 */
export function onLocalWrite(listener: (table: string) => void): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

/** The shared instance for extension pages and the background. */
export const db = openDb();

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
  if (!globalThis.navigator?.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
