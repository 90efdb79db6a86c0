import type { tasks_v1 } from '@googleapis/tasks';
import { GOOGLE_API_BASE } from '../config';
import { isCalendarError } from '../calendar/errors';
import { cloudFetch, cloudJson } from './http';
import { joinNotes, splitNotes, type RemoteTask, type SyncFields, type TaskRemote } from './remote';

// Google Tasks API v1 (developers.google.com/workspace/tasks/reference/rest). Incremental reads
// are tasks.list with updatedMin (the latest `updated` seen) and showDeleted + showHidden, so
// deletions and completed-then-cleared tasks come back too. Writes are conditional with If-Match.
// The thread link is the notes' last line ("🔗 url"): Google Tasks has no field of its own for it.
// Order: each task's `position` string is read; a task is placed with tasks.insert's `previous`
// and moved with tasks.move (developers.google.com/workspace/tasks/order).

type GTask = tasks_v1.Schema$Task;

/** Re-read a little before the latest change seen: servers' clocks differ by milliseconds. */
const CURSOR_MARGIN_MS = 2_000;

function fromGoogle(task: GTask): RemoteTask {
  const { notes, threadUrl } = splitNotes(task.notes ?? '');
  return {
    id: task.id ?? '',
    etag: task.etag ?? '',
    title: task.title ?? '',
    notes,
    threadUrl,
    due: task.due ? task.due.slice(0, 10) : null,
    done: task.status === 'completed',
    completedAt: task.completed ? Date.parse(task.completed) : null,
    deleted: Boolean(task.deleted),
    position: task.position ?? null,
    parent: task.parent ?? null,
  };
}

function toGoogle(fields: SyncFields): GTask {
  return {
    title: fields.title,
    notes: joinNotes(fields.notes, fields.threadUrl),
    due: fields.due ? `${fields.due}T00:00:00.000Z` : null,
    status: fields.done ? 'completed' : 'needsAction',
  };
}

export function googleTasks(base = GOOGLE_API_BASE): TaskRemote {
  const api = `${base}/tasks/v1`;
  const json = { 'content-type': 'application/json' };
  return {
    provider: 'google',
    async lists() {
      const out: { id: string; title: string }[] = [];
      let pageToken: string | undefined;
      do {
        const page = await cloudJson<tasks_v1.Schema$TaskLists>(
          'google',
          `${api}/users/@me/lists?maxResults=100${pageToken ? `&pageToken=${pageToken}` : ''}`,
        );
        for (const l of page.items ?? []) out.push({ id: l.id ?? '', title: l.title ?? '' });
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return out;
    },
    async createList(title) {
      const list = await cloudJson<tasks_v1.Schema$TaskList>('google', `${api}/users/@me/lists`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ title }),
      });
      return { id: list.id ?? '', title: list.title ?? title };
    },
    async changes(listId, cursor) {
      const tasks: RemoteTask[] = [];
      let latest = cursor ? Date.parse(cursor) : 0;
      let pageToken: string | undefined;
      do {
        const query = new URLSearchParams({
          maxResults: '100',
          showCompleted: 'true',
          showHidden: 'true',
          showDeleted: cursor ? 'true' : 'false',
          ...(cursor ? { updatedMin: cursor } : {}),
          ...(pageToken ? { pageToken } : {}),
        });
        const page = await cloudJson<tasks_v1.Schema$Tasks>(
          'google',
          `${api}/lists/${encodeURIComponent(listId)}/tasks?${query}`,
        );
        for (const task of page.items ?? []) {
          tasks.push(fromGoogle(task));
          if (task.updated) latest = Math.max(latest, Date.parse(task.updated));
        }
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      const next = latest ? new Date(Math.max(0, latest - CURSOR_MARGIN_MS)).toISOString() : (cursor ?? '');
      return { tasks, cursor: next };
    },
    async get(listId, id) {
      try {
        const task = await cloudJson<GTask>(
          'google',
          `${api}/lists/${encodeURIComponent(listId)}/tasks/${encodeURIComponent(id)}`,
        );
        return fromGoogle(task);
      } catch (err) {
        if (isCalendarError(err) && err.kind === 'not-found') return null;
        throw err;
      }
    },
    async create(listId, fields, previous) {
      // tasks.insert: without `previous` the task is created first among its siblings.
      const query = previous ? `?previous=${encodeURIComponent(previous)}` : '';
      const task = await cloudJson<GTask>(
        'google',
        `${api}/lists/${encodeURIComponent(listId)}/tasks${query}`,
        { method: 'POST', headers: json, body: JSON.stringify(toGoogle(fields)) },
      );
      return fromGoogle(task);
    },
    async move(listId, id, previous) {
      // tasks.move (developers.google.com/workspace/tasks/reference/rest/v1/tasks/move): an empty
      // body; `previous` omitted puts it first; no `parent`, so it stays at the top level.
      const query = previous ? `?previous=${encodeURIComponent(previous)}` : '';
      const task = await cloudJson<GTask>(
        'google',
        `${api}/lists/${encodeURIComponent(listId)}/tasks/${encodeURIComponent(id)}/move${query}`,
        { method: 'POST' },
      );
      return fromGoogle(task);
    },
    async update(listId, id, fields, etag) {
      const task = await cloudJson<GTask>(
        'google',
        `${api}/lists/${encodeURIComponent(listId)}/tasks/${encodeURIComponent(id)}`,
        { method: 'PATCH', headers: { ...json, 'if-match': etag }, body: JSON.stringify(toGoogle(fields)) },
      );
      return fromGoogle(task);
    },
    async remove(listId, id) {
      try {
        await cloudFetch(
          'google',
          `${api}/lists/${encodeURIComponent(listId)}/tasks/${encodeURIComponent(id)}`,
          {
            method: 'DELETE',
          },
        );
      } catch (err) {
        if (!(isCalendarError(err) && err.kind === 'not-found')) throw err;
      }
    },
  };
}
