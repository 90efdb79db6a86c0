import type { ServerResponse } from 'node:http';
import type { Route, SandboxRequest } from './http';
import { parseJson, sendJson } from './http';
import { sendGoogleError, sendGoogleUnauthenticated } from './google';
import { bearerToken, compileEndpoints, findEndpoint, randomId, sendEmpty, type Endpoint } from './routing';
import type { SandboxState } from './state';

// Google Tasks API v1, as its reference documents it (developers.google.com/workspace/tasks/reference/rest):
// - tasklists.list / insert (…/rest/v1/tasklists): maxResults default 20, max 100
// - tasks.list (…/rest/v1/tasks/list): maxResults default 20, max 100; showCompleted default true;
//   showDeleted and showHidden default false; updatedMin "Lower bound for a task's last
//   modification time (as a RFC 3339 timestamp)"
// - tasks resource (…/rest/v1/tasks#resource:-task): title max 1024 characters, notes max 8192;
//   status needsAction | completed; due "only records date information; the time portion … is
//   discarded"; a deleted task keeps deleted: true (seen with showDeleted)
// - "Performance tips" (developers.google.com/workspace/tasks/performance#etags): If-Match with a stale
//   ETag answers 412 Precondition Failed
// - Authorization scopes per method: tasks (and tasks.readonly for reads)
// - tasks.clear (…/rest/v1/tasks/clear): POST lists/{tasklist}/clear, empty body and answer; "Clears
//   all completed tasks … The affected tasks will be marked as 'hidden' and no longer be returned by
//   default" (each gets a new `updated`, so an incremental reader sees it)
// - Order (…/rest/v1/tasks#resource:-task `position`; …/rest/v1/tasks/insert; …/rest/v1/tasks/move;
//   developers.google.com/workspace/tasks/order): `position` is output only, a string; "if this
//   string is greater than another task's corresponding position string according to
//   lexicographical ordering, the task is positioned after the other task". tasks.insert and
//   tasks.move take `previous`: "If the task is … at the first position among its siblings, this
//   parameter is omitted"; the task set as previous "must exist in the task list and can not be
//   hidden". tasks.move's request body must be empty and it answers the task. Subtasks: insert and
//   move take `parent` ("Parent task identifier. If the task is created at the top level, this
//   parameter is omitted" / "If the task is moved to the top level, this parameter is omitted"), a
//   task's `parent` is output only, and `position` orders it "among its sibling tasks under the same
//   parent task or at the top level" — so `previous` must be a sibling, and a move without `parent`
//   takes a subtask to the top level. Not documented, chosen here: a parent that does not exist, is
//   itself a subtask, or a `previous` that is not a sibling answers 400 invalid.
//   Not documented, chosen here: positions are 20-digit decimal strings with gaps; when no gap is
//   left the siblings are renumbered, and each renumbered task gets a new `updated`, so an
//   incremental reader (updatedMin) sees every position that changed.

export const GTASKS_PREFIX = '/google/tasks/v1/';
const SCOPE_BASE = 'https://www.googleapis.com/auth/';

export interface GTask {
  kind: 'tasks#task';
  id: string;
  etag: string;
  title: string;
  updated: string;
  selfLink: string;
  position: string;
  notes?: string;
  status: 'needsAction' | 'completed';
  due?: string;
  completed?: string;
  deleted?: boolean;
  hidden?: boolean;
  parent?: string;
}

export interface GTaskList {
  kind: 'tasks#taskList';
  id: string;
  etag: string;
  title: string;
  updated: string;
  tasks: GTask[];
}

export interface GTasksStore {
  lists: GTaskList[];
  /** Last `updated` handed out: every write gets a later instant, so updatedMin never misses one. */
  clock: number;
}

export function gtasksStore(state: SandboxState): GTasksStore {
  return (state.clouds.gtasks ??= { lists: [], clock: 0 }) as GTasksStore;
}

function stamp(store: GTasksStore): string {
  store.clock = Math.max(Date.now(), store.clock + 1);
  return new Date(store.clock).toISOString();
}

export function gtasksRoutes(state: SandboxState): Route {
  const endpoints = compileEndpoints(endpointsFor(state));
  return async (req, res) => {
    if (!req.url.pathname.startsWith(GTASKS_PREFIX)) return false;
    const found = findEndpoint(endpoints, req.method, req.url.pathname.slice(GTASKS_PREFIX.length));
    if (!found) return false;
    state.countRequest(`${req.method} ${GTASKS_PREFIX}${found.endpoint.pattern}`);
    const token = bearerToken(req);
    if (state.checkToken('google', token) !== 'ok') {
      sendGoogleUnauthenticated(res);
      return true;
    }
    const scopes = state.tokenScopes('google', token);
    const accepted = req.method === 'GET' ? ['tasks', 'tasks.readonly'] : ['tasks'];
    if (scopes && !accepted.some((s) => scopes.includes(`${SCOPE_BASE}${s}`))) {
      sendGoogleError(res, 403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
      return true;
    }
    await found.endpoint.handle(req, res, found.params);
    return true;
  };
}

function endpointsFor(state: SandboxState): Endpoint[] {
  const store = () => gtasksStore(state);
  const withList =
    (fn: (req: SandboxRequest, res: ServerResponse, list: GTaskList, taskId: string) => void) =>
    (req: SandboxRequest, res: ServerResponse, params: Record<string, string>) => {
      const list = store().lists.find((l) => l.id === params.tasklist);
      // A list deleted by someone else answers 404 notFound, as any unknown id does.
      if (!list) return sendGoogleError(res, 404, 'notFound', 'Task list not found.');
      fn(req, res, list, params.task ?? '');
    };
  return [
    { method: 'GET', pattern: 'users/@me/lists', handle: (req, res) => listLists(store(), req, res) },
    { method: 'POST', pattern: 'users/@me/lists', handle: (req, res) => insertList(store(), req, res) },
    {
      method: 'DELETE',
      pattern: 'users/@me/lists/{tasklist}',
      handle: (_req, res, p) => {
        const lists = store().lists;
        const index = lists.findIndex((l) => l.id === p.tasklist);
        if (index < 0) return sendGoogleError(res, 404, 'notFound', 'Task list not found.');
        lists.splice(index, 1);
        sendEmpty(res, 204);
      },
    },
    { method: 'GET', pattern: 'lists/{tasklist}/tasks', handle: withList((q, s, l) => listTasks(q, s, l)) },
    {
      method: 'POST',
      pattern: 'lists/{tasklist}/tasks',
      handle: withList((q, s, l) => insertTask(store(), q, s, l)),
    },
    {
      method: 'POST',
      pattern: 'lists/{tasklist}/clear',
      handle: withList((_q, s, l) => {
        for (const t of l.tasks)
          if (t.status === 'completed' && !t.deleted && !t.hidden) {
            t.hidden = true;
            t.updated = stamp(store());
            t.etag = etagOf(t);
          }
        sendEmpty(s, 204);
      }),
    },
    {
      method: 'POST',
      pattern: 'lists/{tasklist}/tasks/{task}/move',
      handle: withList((q, s, l, id) => moveTask(store(), q, s, l, id)),
    },
    {
      method: 'GET',
      pattern: 'lists/{tasklist}/tasks/{task}',
      handle: withList((_q, s, l, id) => withTask(s, l, id, (t) => sendJson(s, 200, t))),
    },
    {
      method: 'PATCH',
      pattern: 'lists/{tasklist}/tasks/{task}',
      handle: withList((q, s, l, id) => patchTask(store(), q, s, l, id)),
    },
    {
      method: 'DELETE',
      pattern: 'lists/{tasklist}/tasks/{task}',
      handle: withList((_q, s, l, id) =>
        withTask(s, l, id, (t) => {
          Object.assign(t, { deleted: true, updated: stamp(store()) });
          t.etag = etagOf(t);
          sendEmpty(s, 204);
        }),
      ),
    },
  ];
}

function withTask(res: ServerResponse, list: GTaskList, id: string, fn: (task: GTask) => void): void {
  const task = list.tasks.find((t) => t.id === id && !t.deleted);
  if (!task) return sendGoogleError(res, 404, 'notFound', 'Task not found.');
  fn(task);
}

function etagOf(task: GTask): string {
  return `"${Buffer.from(`${task.id}:${task.updated}`).toString('base64url')}"`;
}

/** maxResults: default 20, "Maximum allowed: 100"; a bigger value is refused. */
function pageSize(req: SandboxRequest, res: ServerResponse): number | null {
  const raw = req.url.searchParams.get('maxResults');
  const size = raw === null ? 20 : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    sendGoogleError(res, 400, 'invalid', `Invalid value for maxResults: ${raw}`);
    return null;
  }
  return size;
}

function page<T>(items: T[], req: SandboxRequest, size: number): { items: T[]; nextPageToken?: string } {
  const start = Number(req.url.searchParams.get('pageToken') ?? 0) || 0;
  const slice = items.slice(start, start + size);
  return start + size < items.length
    ? { items: slice, nextPageToken: String(start + size) }
    : { items: slice };
}

function listLists(store: GTasksStore, req: SandboxRequest, res: ServerResponse): void {
  const size = pageSize(req, res);
  if (size === null) return;
  const { items, nextPageToken } = page(
    store.lists.map(({ tasks: _tasks, ...l }) => l),
    req,
    size,
  );
  sendJson(res, 200, {
    kind: 'tasks#taskLists',
    etag: `"${store.clock}"`,
    items,
    ...(nextPageToken ? { nextPageToken } : {}),
  });
}

function insertList(store: GTasksStore, req: SandboxRequest, res: ServerResponse): void {
  const body = parseJson(req.body) as { title?: unknown } | undefined;
  if (typeof body?.title !== 'string' || body.title.trim() === '')
    return sendGoogleError(res, 400, 'invalid', 'Invalid task list title');
  const list: GTaskList = {
    kind: 'tasks#taskList',
    id: randomId(22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
    etag: '',
    title: body.title,
    updated: stamp(store),
    tasks: [],
  };
  list.etag = `"${list.id}:${list.updated}"`;
  store.lists.push(list);
  const { tasks: _tasks, ...view } = list;
  sendJson(res, 200, view);
}

function listTasks(req: SandboxRequest, res: ServerResponse, list: GTaskList): void {
  const size = pageSize(req, res);
  if (size === null) return;
  const q = req.url.searchParams;
  const flag = (name: string, fallback: boolean) => (q.has(name) ? q.get(name) === 'true' : fallback);
  const showCompleted = flag('showCompleted', true);
  const showDeleted = flag('showDeleted', false);
  const showHidden = flag('showHidden', false);
  const updatedMin = q.get('updatedMin');
  const min = updatedMin === null ? null : Date.parse(updatedMin);
  if (min !== null && Number.isNaN(min))
    return sendGoogleError(res, 400, 'invalid', `Invalid value for updatedMin: ${updatedMin}`);
  const tasks = list.tasks.filter(
    (t) =>
      (showDeleted || !t.deleted) &&
      (showHidden || !t.hidden) &&
      (showCompleted || t.status !== 'completed') &&
      (min === null || Date.parse(t.updated) >= min),
  );
  const { items, nextPageToken } = page(tasks, req, size);
  sendJson(res, 200, {
    kind: 'tasks#tasks',
    etag: `"${list.id}:${list.tasks.length}"`,
    items,
    ...(nextPageToken ? { nextPageToken } : {}),
  });
}

interface TaskBody {
  title?: unknown;
  notes?: unknown;
  status?: unknown;
  due?: unknown;
  completed?: unknown;
}

/** Checks the writable fields as the resource page documents them; an error text or null. */
function invalid(body: TaskBody): string | null {
  if (body.title !== undefined && (typeof body.title !== 'string' || body.title.length > 1024))
    return 'Invalid value for title (at most 1024 characters)';
  if (
    body.notes !== undefined &&
    body.notes !== null &&
    (typeof body.notes !== 'string' || body.notes.length > 8192)
  )
    return 'Invalid value for notes (at most 8192 characters)';
  if (body.status !== undefined && body.status !== 'needsAction' && body.status !== 'completed')
    return `Invalid value for status: ${String(body.status)}`;
  if (
    body.due !== undefined &&
    body.due !== null &&
    (typeof body.due !== 'string' || Number.isNaN(Date.parse(body.due)))
  )
    return `Invalid value for due: ${String(body.due)}`;
  return null;
}

function apply(store: GTasksStore, task: GTask, body: TaskBody): void {
  if (typeof body.title === 'string') task.title = body.title;
  if (body.notes === null) delete task.notes;
  else if (typeof body.notes === 'string') task.notes = body.notes;
  // "The time portion of the timestamp is discarded when setting the due date."
  if (body.due === null) delete task.due;
  else if (typeof body.due === 'string')
    task.due = `${new Date(body.due).toISOString().slice(0, 10)}T00:00:00.000Z`;
  if (body.status === 'completed' && task.status !== 'completed') {
    task.status = 'completed';
    task.completed = typeof body.completed === 'string' ? body.completed : new Date().toISOString();
  } else if (body.status === 'needsAction') {
    task.status = 'needsAction';
    delete task.completed;
  }
  task.updated = stamp(store);
  task.etag = etagOf(task);
}

const GAP = 1 << 20;
const POSITION_DIGITS = 20;
const positionString = (n: number) => String(n).padStart(POSITION_DIGITS, '0');

/** Not deleted tasks under the same parent (or at the top level) in their order. */
function siblings(list: GTaskList, parent: string | undefined): GTask[] {
  return list.tasks
    .filter((t) => !t.deleted && t.parent === parent)
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

/**
 * Reads `parent` and `previous` of insert/move: where the task goes (parent undefined = top level;
 * previous null = first among its siblings), or `undefined` when an error answer was already sent.
 */
function placeOf(
  req: SandboxRequest,
  res: ServerResponse,
  list: GTaskList,
): { parent: string | undefined; previous: GTask | null } | undefined {
  const q = req.url.searchParams;
  const parentId = q.get('parent') || undefined;
  if (parentId) {
    const parent = list.tasks.find((t) => t.id === parentId && !t.deleted);
    if (!parent || parent.parent) {
      sendGoogleError(res, 400, 'invalid', `Invalid value for parent: ${parentId}`);
      return undefined;
    }
  }
  const id = q.get('previous');
  if (!id) return { parent: parentId, previous: null };
  const previous = list.tasks.find((t) => t.id === id && !t.deleted && !t.hidden);
  if (!previous || previous.parent !== parentId) {
    sendGoogleError(res, 400, 'invalid', `Invalid value for previous: ${id}`);
    return undefined;
  }
  return { parent: parentId, previous };
}

/** Gives `task` a position right after `previous` (first when null) among its other siblings. */
function place(store: GTasksStore, list: GTaskList, task: GTask, previous: GTask | null): void {
  // The sibling right after the place: the least position greater than previous's (one scan).
  let next: GTask | null = null;
  for (const t of list.tasks) {
    if (t === task || t.deleted || t.parent !== task.parent || (previous && t.position <= previous.position))
      continue;
    if (!next || t.position < next.position) next = t;
  }
  const before = previous ? Number(previous.position) : null;
  const after = next ? Number(next.position) : null;
  let position: number | null;
  if (before === null && after === null) position = GAP * 1024;
  else if (before === null) position = after! - GAP >= 0 ? after! - GAP : null;
  else if (after === null) position = before + GAP;
  else position = after - before > 1 ? Math.floor((before + after) / 2) : null;
  if (position !== null && position <= Number.MAX_SAFE_INTEGER) {
    task.position = positionString(position);
    return;
  }
  // No gap left: renumber all siblings with the task in its place.
  const others = siblings(list, task.parent).filter((t) => t !== task);
  others.splice(previous ? others.indexOf(previous) + 1 : 0, 0, task);
  const when = stamp(store);
  others.forEach((t, i) => {
    const value = positionString((i + 1) * GAP);
    if (t.position === value) return;
    t.position = value;
    if (t !== task) {
      t.updated = when;
      t.etag = etagOf(t);
    }
  });
}

function moveTask(
  store: GTasksStore,
  req: SandboxRequest,
  res: ServerResponse,
  list: GTaskList,
  id: string,
): void {
  withTask(res, list, id, (task) => {
    if (req.body && req.body.trim() !== '' && req.body.trim() !== '{}')
      return sendGoogleError(res, 400, 'invalid', 'The request body must be empty.');
    if (req.url.searchParams.get('destinationTasklist'))
      return sendGoogleError(res, 400, 'invalid', 'Moving between lists is not modelled by this sandbox.');
    const where = placeOf(req, res, list);
    if (where === undefined) return;
    const { parent, previous } = where;
    if (previous === task || parent === task.id)
      return sendGoogleError(res, 400, 'invalid', 'A task cannot follow or hold itself.');
    if (parent && list.tasks.some((t) => t.parent === task.id && !t.deleted))
      return sendGoogleError(res, 400, 'invalid', 'A task with subtasks cannot become a subtask.');
    // Without `parent` the task goes to the top level.
    if (parent) task.parent = parent;
    else delete task.parent;
    place(store, list, task, previous);
    task.updated = stamp(store);
    task.etag = etagOf(task);
    sendJson(res, 200, task);
  });
}

function insertTask(store: GTasksStore, req: SandboxRequest, res: ServerResponse, list: GTaskList): void {
  const body = (parseJson(req.body) ?? {}) as TaskBody;
  const problem = invalid(body);
  if (problem) return sendGoogleError(res, 400, 'invalid', problem);
  const where = placeOf(req, res, list);
  if (where === undefined) return;
  const { parent, previous } = where;
  const id = randomId(22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
  const task: GTask = {
    kind: 'tasks#task',
    id,
    etag: '',
    title: '',
    updated: '',
    selfLink: `https://www.googleapis.com/tasks/v1/lists/${list.id}/tasks/${id}`,
    position: '',
    status: 'needsAction',
    ...(parent ? { parent } : {}),
  };
  place(store, list, task, previous);
  apply(store, task, body);
  list.tasks.push(task);
  sendJson(res, 200, task);
}

function patchTask(
  store: GTasksStore,
  req: SandboxRequest,
  res: ServerResponse,
  list: GTaskList,
  id: string,
): void {
  withTask(res, list, id, (task) => {
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== '*' && ifMatch !== task.etag)
      return sendGoogleError(res, 412, 'conditionNotMet', 'Precondition Failed');
    const body = (parseJson(req.body) ?? {}) as TaskBody;
    const problem = invalid(body);
    if (problem) return sendGoogleError(res, 400, 'invalid', problem);
    apply(store, task, body);
    sendJson(res, 200, task);
  });
}
