import type { ServerResponse } from 'node:http';
import type { Route, SandboxRequest } from './http';
import { parseJson, sendJson } from './http';
import { sendGraphError } from './graph';
import { bearerToken, randomId, requestOrigin, sendEmpty } from './routing';
import type { SandboxState } from './state';

// Microsoft To Do through Graph v1.0, as documented (learn.microsoft.com/graph/api/resources/todo-overview):
// - todoTaskList list / create (…/todo-list-lists, …/todo-post-lists)
// - todoTask list / create / get / update / delete (…/todotasklist-list-tasks, …/todotasklist-post-tasks,
//   …/todotask-get, …/todotask-update, …/todotask-delete); create may carry linkedResources inline
// - todoTask: delta (…/todotask-delta): pages linked by @odata.nextLink, the last one carries
//   @odata.deltaLink; a deleted task comes back as { id, "@removed": { reason: "deleted" } }
// - resource todoTask (…/resources/todotask): status notStarted | inProgress | completed |
//   waitingOnOthers | deferred; body itemBody; dueDateTime / completedDateTime dateTimeTimeZone
// - Permissions: Tasks.ReadWrite (Tasks.Read for reads)
// - "Microsoft Graph error responses" (learn.microsoft.com/graph/errors): 412 when If-Match fails
// - Shared lists (…/resources/todotasklist): "List task lists: Get all the todoTaskList in the user's
//   mailbox"; isOwner "True if the user is owner of the given task list"; isShared "True if the task
//   list is shared with other users"; wellknownListName none | defaultList | flaggedEmails; id "unique
//   in the user's mailbox". Graph has no call to share a list (people share in the To Do app), so the
//   admin control POST /__sandbox/todo/share stands for that. A list shared with a second user shows
//   in that user's /me/todo/lists (isOwner false, isShared true, wellknownListName none) under an id
//   of their mailbox; both read and write the same tasks.
// - `/me` is the signed-in user (learn.microsoft.com/graph/api/user-get): a token issued to a
//   sign-in as another mailbox of the tenant (oauth.ts, pickMicrosoftUser) reads that user's lists.
//   Not documented, chosen here: the fixed token COLLEAGUE_TOKEN is Ana García's (COLLEAGUE); a
//   sharee's DELETE of the list is refused 403 (leaving a shared list is done in the To Do app).

const PREFIX = '/graph/v1.0/me/todo/';
const WRITE_SCOPES = ['Tasks.ReadWrite'];
const READ_SCOPES = ['Tasks.Read', 'Tasks.ReadWrite'];
const STATUSES = ['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'];
const PAGE = 100;
/** A second person of the business, signed in to their own Microsoft 365 mailbox. */
export const COLLEAGUE_TOKEN = 'sandbox-microsoft-colleague-token';
/** Whose mailbox COLLEAGUE_TOKEN is (a seeded mailbox, sandbox/seed/calendars.ts). */
export const COLLEAGUE = 'ana.garcia@demoferreteria.onmicrosoft.com';
/** A mailbox id (lower case). */
type User = string;

export interface TodoTask {
  id: string;
  '@odata.etag': string;
  title: string;
  body: { content: string; contentType: 'text' | 'html' };
  status: string;
  importance: string;
  dueDateTime?: { dateTime: string; timeZone: string } | null;
  completedDateTime?: { dateTime: string; timeZone: string } | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  linkedResources: {
    id: string;
    webUrl?: string;
    applicationName?: string;
    displayName?: string;
    externalId?: string;
  }[];
  /** Sandbox only: when deleted, and the change counter of the last change (for delta). */
  deletedAt?: string;
  change: number;
}

export interface TodoList {
  id: string;
  displayName: string;
  isOwner: boolean;
  isShared: boolean;
  wellknownListName: string;
  tasks: TodoTask[];
  /** Sandbox only: the mailbox id of whose mailbox the list is in (default: the manager's). */
  owner?: User;
  /** Sandbox only: the users (mailbox ids) it is shared with, each with the list's id in their mailbox. */
  sharedWith?: Record<User, string>;
}

export interface TodoStore {
  lists: TodoList[];
  /** Monotonic change counter: a delta token is the counter value it was handed out at. */
  change: number;
}

export function todoStore(state: SandboxState): TodoStore {
  return (state.clouds.todo ??= { lists: [], change: 0 }) as TodoStore;
}

type Handler = (req: SandboxRequest, res: ServerResponse, m: RegExpExecArray) => void;

export function todoRoutes(state: SandboxState): Route {
  const store = () => todoStore(state);
  const routes: [string, RegExp, Handler][] = [
    [
      'GET',
      /^lists$/i,
      (q, s) =>
        sendJson(s, 200, {
          value: store()
            .lists.filter((l) => idFor(state, l, userOf(state, q)) !== undefined)
            .map((l) => listView(state, l, userOf(state, q))),
        }),
    ],
    ['POST', /^lists$/i, (q, s) => createList(state, q, s)],
    // "Delete todoTaskList" (learn.microsoft.com/graph/api/todotasklist-delete): 204; gone for every sharee.
    [
      'DELETE',
      /^lists\/([^/]+)$/i,
      (q, s, m) =>
        withList(state, q, s, m, (l) => {
          if (ownerOf(state, l) !== userOf(state, q))
            return sendGraphError(s, 403, 'accessDenied', 'Only the owner can delete a shared list.');
          store().lists.splice(store().lists.indexOf(l), 1);
          sendEmpty(s, 204);
        }),
    ],
    [
      'GET',
      /^lists\/([^/]+)\/tasks\/delta$/i,
      (q, s, m) => withList(state, q, s, m, (l) => delta(store(), q, s, l)),
    ],
    ['GET', /^lists\/([^/]+)\/tasks$/i, (q, s, m) => withList(state, q, s, m, (l) => listTasks(q, s, l))],
    [
      'POST',
      /^lists\/([^/]+)\/tasks$/i,
      (q, s, m) => withList(state, q, s, m, (l) => createTask(store(), q, s, l)),
    ],
    [
      'GET',
      /^lists\/([^/]+)\/tasks\/([^/]+)$/i,
      (q, s, m) => withTask(state, q, s, m, (t) => sendJson(s, 200, view(t))),
    ],
    [
      'PATCH',
      /^lists\/([^/]+)\/tasks\/([^/]+)$/i,
      (q, s, m) => withTask(state, q, s, m, (t) => update(store(), q, s, t)),
    ],
    [
      'DELETE',
      /^lists\/([^/]+)\/tasks\/([^/]+)$/i,
      (q, s, m) =>
        withTask(state, q, s, m, (t) => {
          t.deletedAt = new Date().toISOString();
          t.change = ++store().change;
          sendEmpty(s, 204);
        }),
    ],
  ];
  return (req, res) => {
    if (!req.url.pathname.startsWith(PREFIX)) return false;
    const rest = req.url.pathname.slice(PREFIX.length);
    for (const [method, regex, handle] of routes) {
      const match = method === req.method ? regex.exec(rest) : null;
      if (!match) continue;
      state.countRequest(`${req.method} ${PREFIX}${regex.source}`);
      const token = bearerToken(req);
      // The colleague's fixed token is judged as the manager's fixed token is (config.fixedTokensValid).
      const auth =
        token === COLLEAGUE_TOKEN
          ? state.config.fixedTokensValid
            ? 'ok'
            : 'expired'
          : state.checkToken('microsoft', token);
      if (auth !== 'ok') {
        sendGraphError(
          res,
          401,
          'InvalidAuthenticationToken',
          'Access token has expired or is not yet valid.',
          {
            'www-authenticate': 'Bearer realm=""',
          },
        );
        return true;
      }
      const scopes = state.tokenScopes('microsoft', token);
      const accepted = method === 'GET' ? READ_SCOPES : WRITE_SCOPES;
      if (scopes && !accepted.some((s) => scopes.includes(s))) {
        sendGraphError(res, 403, 'accessDenied', 'Access is denied. Check credentials and try again.');
        return true;
      }
      handle(req, res, match);
      return true;
    }
    return false;
  };
}

/** The mailbox id of a mailbox named by address or id (`me`: the manager). */
function userId(state: SandboxState, who: string): User | undefined {
  return state.mailbox(who)?.user.id.toLowerCase();
}

/** The signed-in user of the request: whoever its token was issued to. */
function userOf(state: SandboxState, req: SandboxRequest): User {
  const token = bearerToken(req);
  return (userId(state, token === COLLEAGUE_TOKEN ? COLLEAGUE : state.tokenUser(token)) ?? '').toLowerCase();
}

const ownerOf = (state: SandboxState, list: TodoList): User => list.owner ?? userId(state, 'me') ?? '';

/** The list's id in `user`'s mailbox; undefined when the list is not theirs nor shared with them. */
function idFor(state: SandboxState, list: TodoList, user: User): string | undefined {
  return ownerOf(state, list) === user ? list.id : list.sharedWith?.[user];
}

function listView(state: SandboxState, list: TodoList, user: User) {
  const { tasks: _tasks, owner: _owner, sharedWith, ...rest } = list;
  const id = idFor(state, list, user)!;
  return {
    '@odata.etag': `W/"${id}"`,
    ...rest,
    id,
    isOwner: ownerOf(state, list) === user,
    isShared: Object.keys(sharedWith ?? {}).length > 0,
  };
}

function view(task: TodoTask): Record<string, unknown> {
  const { deletedAt: _deleted, change: _change, ...rest } = task;
  return rest;
}

function withList(
  state: SandboxState,
  req: SandboxRequest,
  res: ServerResponse,
  m: RegExpExecArray,
  fn: (list: TodoList) => void,
): void {
  const user = userOf(state, req);
  const id = decodeURIComponent(m[1] ?? '');
  const list = todoStore(state).lists.find((l) => idFor(state, l, user) === id);
  // A list deleted by its owner (or no longer shared) is gone for everyone: 404.
  if (!list)
    return sendGraphError(res, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  fn(list);
}

function withTask(
  state: SandboxState,
  req: SandboxRequest,
  res: ServerResponse,
  m: RegExpExecArray,
  fn: (task: TodoTask) => void,
): void {
  withList(state, req, res, m, (list) => {
    const task = list.tasks.find((t) => t.id === decodeURIComponent(m[2] ?? '') && !t.deletedAt);
    if (!task)
      return sendGraphError(
        res,
        404,
        'ErrorItemNotFound',
        'The specified object was not found in the store.',
      );
    fn(task);
  });
}

function createList(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const body = parseJson(req.body) as { displayName?: unknown } | undefined;
  if (typeof body?.displayName !== 'string' || !body.displayName.trim())
    return sendGraphError(res, 400, 'invalidRequest', 'displayName is required.');
  const list: TodoList = {
    id: `AAMkAD${randomId(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`,
    displayName: body.displayName,
    isOwner: true,
    isShared: false,
    wellknownListName: 'none',
    tasks: [],
    owner: userOf(state, req),
  };
  todoStore(state).lists.push(list);
  sendJson(res, 201, listView(state, list, userOf(state, req)));
}

function listTasks(req: SandboxRequest, res: ServerResponse, list: TodoList): void {
  const tasks = list.tasks.filter((t) => !t.deletedAt);
  const skip = Number(req.url.searchParams.get('$skip') ?? 0) || 0;
  const slice = tasks.slice(skip, skip + PAGE);
  const next = new URL(req.url.pathname, requestOrigin(req));
  next.searchParams.set('$skip', String(skip + PAGE));
  sendJson(res, 200, {
    value: slice.map(view),
    ...(skip + PAGE < tasks.length ? { '@odata.nextLink': next.toString() } : {}),
  });
}

/**
 * Delta: without a token every live task (an initial sync); with `$deltatoken` every task changed
 * after it, deleted ones as @removed. `$skiptoken` pages within one round.
 */
function delta(store: TodoStore, req: SandboxRequest, res: ServerResponse, list: TodoList): void {
  const q = req.url.searchParams;
  const skip = q.get('$skiptoken');
  // since -1: the initial round (every live task); upTo: the change counter when the round began.
  const [since, upTo, offset] = skip
    ? skip.split('.').map(Number)
    : [q.has('$deltatoken') ? Number(q.get('$deltatoken')) : -1, store.change, 0];
  if ([since, upTo, offset].some((n) => n === undefined || Number.isNaN(n)))
    return sendGraphError(res, 400, 'badRequest', 'Invalid delta or skip token.');
  const initial = since! < 0;
  const changed = list.tasks
    .filter((t) => t.change <= upTo! && (initial ? !t.deletedAt : t.change > since!))
    .sort((a, b) => a.change - b.change);
  const start = offset!;
  const slice = changed.slice(start, start + PAGE);
  const link = new URL(req.url.pathname, requestOrigin(req));
  const more = start + PAGE < changed.length;
  if (more) link.searchParams.set('$skiptoken', `${since}.${upTo}.${start + PAGE}`);
  else link.searchParams.set('$deltatoken', String(upTo));
  sendJson(res, 200, {
    value: slice.map((t) => (t.deletedAt ? { id: t.id, '@removed': { reason: 'deleted' } } : view(t))),
    ...(more ? { '@odata.nextLink': link.toString() } : { '@odata.deltaLink': link.toString() }),
  });
}

interface TaskBody {
  title?: unknown;
  body?: { content?: unknown; contentType?: unknown } | null;
  status?: unknown;
  importance?: unknown;
  dueDateTime?: { dateTime?: unknown; timeZone?: unknown } | null;
  completedDateTime?: { dateTime?: unknown; timeZone?: unknown } | null;
  linkedResources?: unknown;
}

function invalid(body: TaskBody): string | null {
  if (body.title !== undefined && typeof body.title !== 'string') return 'Invalid title.';
  if (body.status !== undefined && !STATUSES.includes(String(body.status)))
    return `Requested value '${String(body.status)}' was not found.`;
  for (const field of ['dueDateTime', 'completedDateTime'] as const) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (
      typeof value.dateTime !== 'string' ||
      typeof value.timeZone !== 'string' ||
      Number.isNaN(Date.parse(value.dateTime))
    )
      return `Invalid ${field}.`;
  }
  return null;
}

function apply(store: TodoStore, task: TodoTask, body: TaskBody): void {
  if (typeof body.title === 'string') task.title = body.title;
  if (body.body && typeof body.body.content === 'string')
    task.body = {
      content: body.body.content,
      contentType: body.body.contentType === 'html' ? 'html' : 'text',
    };
  if (body.dueDateTime !== undefined) task.dueDateTime = body.dueDateTime as TodoTask['dueDateTime'];
  if (typeof body.status === 'string') {
    // Completing sets completedDateTime (given, or now); reopening clears it.
    if (body.status === 'completed' && task.status !== 'completed')
      task.completedDateTime = (body.completedDateTime as TodoTask['completedDateTime']) ?? {
        dateTime: new Date().toISOString().replace('Z', '0000'),
        timeZone: 'UTC',
      };
    if (body.status !== 'completed') task.completedDateTime = null;
    task.status = body.status;
  }
  task.lastModifiedDateTime = new Date().toISOString();
  task.change = ++store.change;
  task['@odata.etag'] = `W/"${Buffer.from(`${task.id}:${task.change}`).toString('base64')}"`;
}

function createTask(store: TodoStore, req: SandboxRequest, res: ServerResponse, list: TodoList): void {
  const body = (parseJson(req.body) ?? {}) as TaskBody;
  const problem = invalid(body);
  if (problem) return sendGraphError(res, 400, 'invalidRequest', problem);
  const now = new Date().toISOString();
  const links = Array.isArray(body.linkedResources)
    ? (body.linkedResources as TodoTask['linkedResources'])
    : [];
  const task: TodoTask = {
    id: `AAMkAD${randomId(60, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}=`,
    '@odata.etag': '',
    title: '',
    body: { content: '', contentType: 'text' },
    status: 'notStarted',
    importance: 'normal',
    createdDateTime: now,
    lastModifiedDateTime: now,
    linkedResources: links.map((l) => ({ ...l, id: randomId(36) })),
    change: 0,
  };
  apply(store, task, body);
  list.tasks.push(task);
  sendJson(res, 201, view(task));
}

function update(store: TodoStore, req: SandboxRequest, res: ServerResponse, task: TodoTask): void {
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch !== task['@odata.etag'])
    return sendGraphError(
      res,
      412,
      'PreconditionFailed',
      'The ETag value in the request does not match the current one.',
    );
  const body = (parseJson(req.body) ?? {}) as TaskBody;
  const problem = invalid(body);
  if (problem) return sendGraphError(res, 400, 'invalidRequest', problem);
  apply(store, task, body);
  sendJson(res, 200, view(task));
}

/**
 * Test control for what people do in the To Do app (Graph has no call for it): the owner shares a
 * list with another person of the tenant — POST /__sandbox/todo/share { listId, with } where `with`
 * is a mailbox address (or id), 'me' (the manager) or 'colleague' (COLLEAGUE) — and they then find
 * it in their own /me/todo/lists under an id of their mailbox.
 */
export function todoAdminRoutes(state: SandboxState): Route {
  return (req, res) => {
    if (req.url.pathname !== '/__sandbox/todo/share' || req.method !== 'POST') return false;
    const body = parseJson(req.body) as { listId?: string; with?: string } | undefined;
    const list = todoStore(state).lists.find((l) => l.id === body?.listId);
    const who = body?.with === 'colleague' ? COLLEAGUE : body?.with;
    const user = typeof who === 'string' ? userId(state, who) : undefined;
    if (!list || !user || ownerOf(state, list) === user) {
      sendJson(res, 400, {
        error:
          "POST /__sandbox/todo/share { listId (the owner's id), with: a mailbox address of the tenant | 'colleague' | 'me' }, not the owner",
      });
      return true;
    }
    list.sharedWith ??= {};
    list.sharedWith[user] ??=
      `AAMkAD${randomId(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
    sendJson(res, 200, {
      listId: list.id,
      sharedAs: list.sharedWith[user],
      with: state.mailbox(user)?.user.mail,
    });
    return true;
  };
}
