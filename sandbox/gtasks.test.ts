// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { useSandbox } from './testing';

// The strict Tasks API v1 and Drive appdata stand-ins refuse what Google refuses (each rule's doc
// page is named in gtasks.ts / drive.ts).
const sandbox = useSandbox();
const TOKEN = 'sandbox-google-token';

const call = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${sandbox.origin()}/google/${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${init.token ?? TOKEN}`,
      ...(init.headers as Record<string, string> | undefined),
    },
  });

/** A token granted only `scope` through the sandbox's Google sign-in. */
async function tokenWith(scope: string): Promise<string> {
  const query = new URLSearchParams({
    client_id: 'demo.apps.googleusercontent.com',
    redirect_uri: 'https://abcdefghijklmnop.chromiumapp.org/',
    response_type: 'token',
    scope: `https://www.googleapis.com/auth/${scope}`,
    state: 's',
  });
  const res = await fetch(`${sandbox.origin()}/oauth/google/authorize?${query}`, { redirect: 'manual' });
  return new URLSearchParams(new URL(res.headers.get('location') ?? '').hash.slice(1)).get('access_token')!;
}

async function newList(): Promise<string> {
  const res = await call('tasks/v1/users/@me/lists', {
    method: 'POST',
    body: JSON.stringify({ title: 'Tienda' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

describe('Google Tasks API v1', () => {
  it('answers 401 to a bad token and 403 to a token without the tasks scope', async () => {
    expect((await call('tasks/v1/users/@me/lists', { token: 'nope' })).status).toBe(401);
    const calendarOnly = await tokenWith('calendar.events');
    const refused = await call('tasks/v1/users/@me/lists', { token: calendarOnly });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { errors: [{ reason: 'insufficientPermissions' }] },
    });
    expect((await call('tasks/v1/users/@me/lists', { token: await tokenWith('tasks') })).status).toBe(200);
  });

  it('refuses maxResults over 100, an unknown list, and a stale If-Match with 412', async () => {
    const list = await newList();
    expect((await call(`tasks/v1/lists/${list}/tasks?maxResults=101`)).status).toBe(400);
    expect((await call('tasks/v1/lists/gone/tasks')).status).toBe(404);
    const created = (await (
      await call(`tasks/v1/lists/${list}/tasks`, {
        method: 'POST',
        body: JSON.stringify({ title: 'Llamar' }),
      })
    ).json()) as { id: string; etag: string };
    const first = await call(`tasks/v1/lists/${list}/tasks/${created.id}`, {
      method: 'PATCH',
      headers: { 'if-match': created.etag },
      body: JSON.stringify({ title: 'Llamar hoy' }),
    });
    expect(first.status).toBe(200);
    const stale = await call(`tasks/v1/lists/${list}/tasks/${created.id}`, {
      method: 'PATCH',
      headers: { 'if-match': created.etag },
      body: JSON.stringify({ title: 'Llamar mañana' }),
    });
    expect(stale.status).toBe(412);
    expect(
      (
        await call(`tasks/v1/lists/${list}/tasks`, {
          method: 'POST',
          body: JSON.stringify({ title: 'x'.repeat(1025) }),
        })
      ).status,
    ).toBe(400);
  });

  it('shows deleted tasks only with showDeleted, and only changes from updatedMin on', async () => {
    const list = await newList();
    const add = async (title: string) =>
      (await (
        await call(`tasks/v1/lists/${list}/tasks`, { method: 'POST', body: JSON.stringify({ title }) })
      ).json()) as {
        id: string;
        updated: string;
      };
    const a = await add('a');
    const b = await add('b');
    expect((await call(`tasks/v1/lists/${list}/tasks/${a.id}`, { method: 'DELETE' })).status).toBe(204);
    const titles = async (query: string) =>
      (
        (
          (await (await call(`tasks/v1/lists/${list}/tasks?${query}`)).json()) as {
            items: { title: string }[];
          }
        ).items ?? []
      ).map((t) => t.title);
    expect(await titles('')).toEqual(['b']);
    expect(await titles('showDeleted=true')).toEqual(['a', 'b']);
    expect(await titles(`updatedMin=${encodeURIComponent(b.updated)}&showDeleted=true`)).toEqual(['a', 'b']);
    expect(
      await titles(`updatedMin=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`),
    ).toEqual([]);
  });
});

describe('Google Tasks order (insert previous, tasks.move, position)', () => {
  async function add(
    list: string,
    title: string,
    previous?: string,
  ): Promise<{ id: string; position: string }> {
    const query = previous ? `?previous=${previous}` : '';
    const res = await call(`tasks/v1/lists/${list}/tasks${query}`, {
      method: 'POST',
      body: JSON.stringify({ title }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { id: string; position: string };
  }
  async function titlesInOrder(list: string): Promise<string[]> {
    const body = (await (await call(`tasks/v1/lists/${list}/tasks?maxResults=100`)).json()) as {
      items: { title: string; position: string }[];
    };
    return body.items
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
      .map((t) => t.title);
  }

  it('inserts first without previous, right after previous with it; moves likewise', async () => {
    const list = await newList();
    const a = await add(list, 'A');
    const b = await add(list, 'B'); // no previous: first
    expect(await titlesInOrder(list)).toEqual(['B', 'A']);
    await add(list, 'C', b.id); // after B
    expect(await titlesInOrder(list)).toEqual(['B', 'C', 'A']);
    const moved = await call(`tasks/v1/lists/${list}/tasks/${b.id}/move?previous=${a.id}`, {
      method: 'POST',
    });
    expect(moved.status).toBe(200);
    const answer = (await moved.json()) as { id: string; position: string };
    expect(answer.id).toBe(b.id);
    expect(answer.position > a.position).toBe(true);
    expect(await titlesInOrder(list)).toEqual(['C', 'A', 'B']);
    // No previous: first.
    await call(`tasks/v1/lists/${list}/tasks/${a.id}/move`, { method: 'POST' });
    expect(await titlesInOrder(list)).toEqual(['A', 'C', 'B']);
  });

  it('a move shows in an incremental read (updatedMin) and changes the ETag', async () => {
    const list = await newList();
    const a = await add(list, 'A');
    const b = await add(list, 'B');
    const before = (await (await call(`tasks/v1/lists/${list}/tasks/${a.id}`)).json()) as {
      etag: string;
      updated: string;
    };
    const bNow = (await (await call(`tasks/v1/lists/${list}/tasks/${b.id}`)).json()) as { updated: string };
    const since = new Date(Date.parse(bNow.updated) + 1).toISOString();
    await call(`tasks/v1/lists/${list}/tasks/${a.id}/move`, { method: 'POST' });
    const changed = (await (
      await call(`tasks/v1/lists/${list}/tasks?updatedMin=${since}&showDeleted=true`)
    ).json()) as { items: { id: string; etag: string }[] };
    expect(changed.items.map((t) => t.id)).toEqual([a.id]);
    expect(changed.items[0]!.etag).not.toBe(before.etag);
    expect(b.id).not.toBe(a.id);
  });

  it('subtasks: ordered among their siblings, previous must be a sibling, a move without parent goes to the top level', async () => {
    const list = await newList();
    const a = await add(list, 'A');
    const sub = async (title: string, previous?: string) =>
      (await (
        await call(`tasks/v1/lists/${list}/tasks?parent=${a.id}${previous ? `&previous=${previous}` : ''}`, {
          method: 'POST',
          body: JSON.stringify({ title }),
        })
      ).json()) as { id: string; parent?: string; position: string };
    const s1 = await sub('S1');
    const s2 = await sub('S2', s1.id);
    expect(s2.parent).toBe(a.id);
    expect(s2.position > s1.position).toBe(true);
    // A top-level task is not a sibling of a subtask.
    expect(
      (
        await call(`tasks/v1/lists/${list}/tasks/${s1.id}/move?parent=${a.id}&previous=${a.id}`, {
          method: 'POST',
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(`tasks/v1/lists/${list}/tasks?parent=nope`, { method: 'POST', body: '{"title":"x"}' }))
        .status,
    ).toBe(400);
    const moved = (await (
      await call(`tasks/v1/lists/${list}/tasks/${s2.id}/move?previous=${a.id}`, { method: 'POST' })
    ).json()) as { parent?: string };
    expect(moved.parent).toBeUndefined();
  });

  it('refuses a previous that is not in the list (or deleted), and a move with a body', async () => {
    const list = await newList();
    const a = await add(list, 'A');
    const b = await add(list, 'B');
    expect(
      (await call(`tasks/v1/lists/${list}/tasks?previous=nope`, { method: 'POST', body: '{"title":"x"}' }))
        .status,
    ).toBe(400);
    expect(
      (await call(`tasks/v1/lists/${list}/tasks/${a.id}/move`, { method: 'POST', body: '{"title":"x"}' }))
        .status,
    ).toBe(400);
    await call(`tasks/v1/lists/${list}/tasks/${b.id}`, { method: 'DELETE' });
    expect(
      (await call(`tasks/v1/lists/${list}/tasks/${a.id}/move?previous=${b.id}`, { method: 'POST' })).status,
    ).toBe(400);
    expect((await call(`tasks/v1/lists/${list}/tasks/gone/move`, { method: 'POST' })).status).toBe(404);
  });

  it('renumbers when no gap is left, and the order still holds', async () => {
    const list = await newList();
    const first = await add(list, 'T0');
    let last = first;
    // Always inserting right after the first task halves one gap each time: it runs out.
    const titles = ['T0'];
    for (let i = 1; i <= 25; i++) {
      last = await add(list, `T${i}`, first.id);
      titles.splice(1, 0, `T${i}`);
    }
    expect(last.id).toBeTruthy();
    expect(await titlesInOrder(list)).toEqual(titles);
  });
});

describe('Google Drive appDataFolder', () => {
  const upload = (token = TOKEN, parents = ['appDataFolder']) =>
    call('upload/drive/v3/files?uploadType=multipart&fields=id,name', {
      method: 'POST',
      token,
      headers: { 'content-type': 'multipart/related; boundary=b' },
      body: `--b\r\nContent-Type: application/json\r\n\r\n${JSON.stringify({ name: 'x.json', parents })}\r\n--b\r\nContent-Type: application/json\r\n\r\n{"v":1}\r\n--b--`,
    });

  it('stores, lists (appDataFolder space only), downloads and deletes a file', async () => {
    const res = await upload();
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const listed = (await (
      await call('drive/v3/files?spaces=appDataFolder&fields=files(id,name)')
    ).json()) as {
      files: { id: string }[];
    };
    expect(listed.files.map((f) => f.id)).toEqual([id]);
    expect(((await (await call('drive/v3/files')).json()) as { files: unknown[] }).files).toEqual([]);
    expect(await (await call(`drive/v3/files/${id}?alt=media`)).text()).toBe('{"v":1}');
    expect((await call(`drive/v3/files/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`drive/v3/files/${id}?alt=media`)).status).toBe(404);
  });

  it('refuses a token without drive.appdata, a bad token, and uploads outside appDataFolder', async () => {
    expect((await upload(await tokenWith('tasks'))).status).toBe(403);
    expect((await upload(await tokenWith('drive.appdata'))).status).toBe(200);
    expect((await upload('nope')).status).toBe(401);
    expect((await upload(TOKEN, ['root'])).status).toBe(403);
    expect(
      (await call('upload/drive/v3/files?uploadType=media', { method: 'POST', body: '{}' })).status,
    ).toBe(400);
  });
});
