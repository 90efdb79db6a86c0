import type { Provider } from '../auth/tokens';

// What team sync needs of a shared task store; one implementation per provider
// (google-tasks.ts, todo.ts), chosen in one factory (engine's caller). Fields are normalised so
// the merge compares like with like: due is a calendar date, done a boolean.

export interface SyncFields {
  title: string;
  notes: string;
  /** YYYY-MM-DD or null: both services keep only the date of a task's due. */
  due: string | null;
  done: boolean;
  /** The mail thread the task came from, kept on both sides. */
  threadUrl: string | null;
}

export interface RemoteTask extends SyncFields {
  id: string;
  etag: string;
  deleted: boolean;
  completedAt: number | null;
  /**
   * Google Tasks' `position`: compared as strings, a greater one comes later in the list. Null where
   * the service keeps no order (Microsoft Graph's todoTask has no order field).
   */
  position: string | null;
  /**
   * Google Tasks' parent task, for a subtask: its `position` orders it among its siblings only, so
   * a subtask is never moved here nor used as `previous` (a move without `parent` would take it to
   * the top level). Absent where the service has no subtasks.
   */
  parent?: string | null;
}

export interface RemoteList {
  id: string;
  title: string;
}

export interface Changes {
  tasks: RemoteTask[];
  /** Where the next incremental read starts (Google: updatedMin; Microsoft: the deltaLink). */
  cursor: string;
}

export interface TaskRemote {
  provider: Provider;
  lists(): Promise<RemoteList[]>;
  createList(title: string): Promise<RemoteList>;
  /** Everything changed since `cursor` (all live tasks when null), deleted ones included. */
  changes(listId: string, cursor: string | null): Promise<Changes>;
  get(listId: string, id: string): Promise<RemoteTask | null>;
  /** `previous`: the remote task it goes after (Google Tasks; omitted = first). Ignored without order. */
  create(listId: string, fields: SyncFields, previous?: string | null): Promise<RemoteTask>;
  /** Conditional on `etag`: a 'conflict' CalendarError (412) when someone changed it meanwhile. */
  update(listId: string, id: string, fields: SyncFields, etag: string): Promise<RemoteTask>;
  /** Already gone counts as done. */
  remove(listId: string, id: string): Promise<void>;
  /**
   * Only where the service keeps an order (Google Tasks tasks.move): puts the task right after
   * `previous`, or first when null. The answer carries the new `position`.
   */
  move?(listId: string, id: string, previous: string | null): Promise<RemoteTask>;
}

export const TASK_SCOPES: Record<Provider, string> = {
  google: 'https://www.googleapis.com/auth/tasks',
  microsoft: 'Tasks.ReadWrite',
};

/** Google Tasks keeps the thread link as the last line of the notes. */
export const LINK_LINE = /\n?🔗 (https?:\/\/\S+)\s*$/u;

export function splitNotes(notes: string): { notes: string; threadUrl: string | null } {
  const match = LINK_LINE.exec(notes);
  if (!match) return { notes, threadUrl: null };
  return { notes: notes.slice(0, match.index), threadUrl: match[1] ?? null };
}

export function joinNotes(notes: string, threadUrl: string | null): string {
  return threadUrl ? `${notes}${notes ? '\n' : ''}🔗 ${threadUrl}` : notes;
}
