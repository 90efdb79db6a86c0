import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { GRAPH_API_BASE } from '../config';
import { isCalendarError } from '../calendar/errors';
import { graphZone } from '../calendar/zones';
import { cloudFetch, cloudJson } from './http';
import type { RemoteTask, SyncFields, TaskRemote } from './remote';

// Microsoft To Do through Graph (learn.microsoft.com/graph/api/resources/todo-overview). Incremental
// reads are todoTask: delta — the deltaLink is the cursor; a deleted task comes back as @removed.
// Writes are conditional with If-Match on the task's @odata.etag. The thread link is a
// linkedResource ("Ops Assistant", the thread's URL), To Do's own place for where a task came from.
// Shared lists appear in every sharee's /me/todo/lists and are written the same way.

type TodoTask = MicrosoftGraph.TodoTask & { '@odata.etag'?: string; '@removed'?: { reason: string } };

const APP = 'Ops Assistant';

function fromTodo(task: TodoTask): RemoteTask {
  const link = task.linkedResources?.find((l) => l.applicationName === APP);
  return {
    id: task.id ?? '',
    etag: task['@odata.etag'] ?? '',
    title: task.title ?? '',
    notes: task.body?.content ?? '',
    threadUrl: link?.webUrl ?? null,
    due: dueDate(task.dueDateTime),
    done: task.status === 'completed',
    completedAt: task.completedDateTime?.dateTime
      ? Date.parse(`${task.completedDateTime.dateTime.slice(0, 19)}Z`)
      : null,
    deleted: Boolean(task['@removed']),
    // Graph's todoTask has no order field: the order people see in To Do is not readable or writable.
    position: null,
  };
}

/** A due date is midnight in the user's zone, sent as Graph's (Windows) name for it. */
function localZone(): string {
  return graphZone(Intl.DateTimeFormat().resolvedOptions().timeZone).name;
}

/**
 * The calendar date of a due: To Do may answer in UTC (midnight in Madrid is 22:00 or 23:00 UTC the
 * day before), so a UTC due is read as an instant in the user's zone; any other zone as written.
 */
function dueDate(due: MicrosoftGraph.DateTimeTimeZone | null | undefined): string | null {
  if (!due?.dateTime) return null;
  if (!/^(utc|etc\/utc)$/i.test(due.timeZone ?? 'UTC')) return due.dateTime.slice(0, 10);
  const at = new Date(Date.parse(`${due.dateTime.slice(0, 19)}Z`));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function toTodo(fields: SyncFields): TodoTask {
  return {
    title: fields.title,
    body: { content: fields.notes, contentType: 'text' },
    dueDateTime: fields.due ? { dateTime: `${fields.due}T00:00:00.0000000`, timeZone: localZone() } : null,
    status: fields.done ? 'completed' : 'notStarted',
  };
}

export function microsoftTodo(base = GRAPH_API_BASE): TaskRemote {
  const api = `${base}v1.0/me/todo`;
  const json = { 'content-type': 'application/json' };
  const taskUrl = (listId: string, id: string) =>
    `${api}/lists/${encodeURIComponent(listId)}/tasks/${encodeURIComponent(id)}`;
  return {
    provider: 'microsoft',
    async lists() {
      const out: { id: string; title: string }[] = [];
      let next: string | undefined = `${api}/lists`;
      while (next) {
        const page: { value: MicrosoftGraph.TodoTaskList[]; '@odata.nextLink'?: string } = await cloudJson(
          'microsoft',
          next,
        );
        for (const l of page.value) out.push({ id: l.id ?? '', title: l.displayName ?? '' });
        next = page['@odata.nextLink'];
      }
      return out;
    },
    async createList(title) {
      const list = await cloudJson<MicrosoftGraph.TodoTaskList>('microsoft', `${api}/lists`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ displayName: title }),
      });
      return { id: list.id ?? '', title: list.displayName ?? title };
    },
    async changes(listId, cursor) {
      const tasks: RemoteTask[] = [];
      let next: string | undefined = cursor ?? `${api}/lists/${encodeURIComponent(listId)}/tasks/delta`;
      let deltaLink = cursor ?? '';
      while (next) {
        const page: { value: TodoTask[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string } =
          await cloudJson('microsoft', next);
        tasks.push(...page.value.map(fromTodo));
        next = page['@odata.nextLink'];
        if (page['@odata.deltaLink']) deltaLink = page['@odata.deltaLink'];
      }
      return { tasks, cursor: deltaLink };
    },
    async get(listId, id) {
      try {
        return fromTodo(await cloudJson<TodoTask>('microsoft', taskUrl(listId, id)));
      } catch (err) {
        if (isCalendarError(err) && err.kind === 'not-found') return null;
        throw err;
      }
    },
    async create(listId, fields) {
      const body: TodoTask = {
        ...toTodo(fields),
        ...(fields.threadUrl
          ? {
              linkedResources: [
                { applicationName: APP, webUrl: fields.threadUrl, displayName: fields.title },
              ],
            }
          : {}),
      };
      const task = await cloudJson<TodoTask>(
        'microsoft',
        `${api}/lists/${encodeURIComponent(listId)}/tasks`,
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify(body),
        },
      );
      return fromTodo(task);
    },
    async update(listId, id, fields, etag) {
      const task = await cloudJson<TodoTask>('microsoft', taskUrl(listId, id), {
        method: 'PATCH',
        headers: { ...json, 'if-match': etag },
        body: JSON.stringify(toTodo(fields)),
      });
      return fromTodo(task);
    },
    async remove(listId, id) {
      try {
        await cloudFetch('microsoft', taskUrl(listId, id), { method: 'DELETE' });
      } catch (err) {
        if (!(isCalendarError(err) && err.kind === 'not-found')) throw err;
      }
    },
  };
}
