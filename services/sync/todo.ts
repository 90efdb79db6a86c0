import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { GRAPH_API_BASE } from '../config';
import { isCalendarError } from '../calendar/errors';
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
    due: task.dueDateTime?.dateTime ? task.dueDateTime.dateTime.slice(0, 10) : null,
    done: task.status === 'completed',
    completedAt: task.completedDateTime?.dateTime
      ? Date.parse(`${task.completedDateTime.dateTime.slice(0, 19)}Z`)
      : null,
    deleted: Boolean(task['@removed']),
  };
}

function toTodo(fields: SyncFields): TodoTask {
  return {
    title: fields.title,
    body: { content: fields.notes, contentType: 'text' },
    dueDateTime: fields.due ? { dateTime: `${fields.due}T00:00:00.0000000`, timeZone: 'UTC' } : null,
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
