// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { useSandbox } from './testing';
import { COLLEAGUE_TOKEN } from './todo';

// The strict Microsoft To Do and OneDrive app folder stand-ins refuse what Graph refuses (each rule's
// doc page is named in todo.ts / onedrive.ts).
const sandbox = useSandbox();

const graph = (path: string, init: RequestInit & { token?: string } = {}) =>
  sandbox.graph(path, init.token ? init : { ...init, token: undefined });

async function newList(): Promise<string> {
  const res = await graph('me/todo/lists', {
    method: 'POST',
    body: JSON.stringify({ displayName: 'Tienda' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('Microsoft To Do', () => {
  it('answers 401 to a bad token, 404 to an unknown list, 412 to a stale If-Match', async () => {
    expect((await graph('me/todo/lists', { token: 'nope' })).status).toBe(401);
    expect((await graph('me/todo/lists/gone/tasks')).status).toBe(404);
    const list = await newList();
    const created = (await (
      await graph(`me/todo/lists/${list}/tasks`, {
        method: 'POST',
        body: JSON.stringify({ title: 'Llamar' }),
      })
    ).json()) as { id: string; '@odata.etag': string };
    const patch = (title: string) =>
      graph(`me/todo/lists/${list}/tasks/${created.id}`, {
        method: 'PATCH',
        headers: { 'if-match': created['@odata.etag'] },
        body: JSON.stringify({ title }),
      });
    expect((await patch('Llamar hoy')).status).toBe(200);
    const stale = await patch('Llamar mañana');
    expect(stale.status).toBe(412);
    expect(
      (
        await graph(`me/todo/lists/${list}/tasks`, {
          method: 'POST',
          body: JSON.stringify({ status: 'done' }),
        })
      ).status,
    ).toBe(400);
  });

  it('delta: every live task first, then only changes, a deletion as @removed', async () => {
    const list = await newList();
    const add = async (title: string) =>
      (
        (await (
          await graph(`me/todo/lists/${list}/tasks`, { method: 'POST', body: JSON.stringify({ title }) })
        ).json()) as {
          id: string;
        }
      ).id;
    const a = await add('a');
    await add('b');
    const round = async (url: string) => {
      const res = await fetch(url, { headers: { authorization: 'Bearer sandbox-microsoft-token' } });
      return (await res.json()) as {
        value: { id: string; title?: string; '@removed'?: unknown }[];
        '@odata.deltaLink'?: string;
      };
    };
    const first = await round(`${sandbox.origin()}/graph/v1.0/me/todo/lists/${list}/tasks/delta`);
    expect(first.value.map((t) => t.title)).toEqual(['a', 'b']);
    expect((await graph(`me/todo/lists/${list}/tasks/${a}`, { method: 'DELETE' })).status).toBe(204);
    await add('c');
    const second = await round(first['@odata.deltaLink']!);
    expect(second.value).toEqual([
      { id: a, '@removed': { reason: 'deleted' } },
      expect.objectContaining({ title: 'c' }),
    ]);
    expect((await round(second['@odata.deltaLink']!)).value).toEqual([]);
  });
});

describe("the colleague's fixed token", () => {
  it('expires with the other fixed tokens (no kinder than a real sign-in)', async () => {
    const asColleague = () => graph('me/todo/lists', { token: COLLEAGUE_TOKEN });
    expect((await asColleague()).status).toBe(200);
    await sandbox.admin('config', 'POST', { tokens: 'expire' });
    expect((await asColleague()).status).toBe(401);
  });
});

describe('OneDrive app folder', () => {
  it('uploads, lists, downloads through a 302 to a pre-authenticated URL, deletes', async () => {
    const put = await graph('me/drive/special/approot:/b.json:/content', { method: 'PUT', body: '{"v":1}' });
    expect(put.status).toBe(201);
    const { id } = (await put.json()) as { id: string };
    expect(
      (await graph('me/drive/special/approot:/b.json:/content', { method: 'PUT', body: '{"v":2}' })).status,
    ).toBe(200);
    const children = (await (await graph('me/drive/special/approot/children')).json()) as {
      value: { id: string }[];
    };
    expect(children.value.map((c) => c.id)).toEqual([id]);
    const redirect = await graph(`me/drive/items/${id}/content`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const download = await fetch(redirect.headers.get('location')!);
    expect(await download.text()).toBe('{"v":2}');
    expect((await graph(`me/drive/items/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(`me/drive/items/${id}/content`, { redirect: 'manual' })).status).toBe(404);
    expect(
      (await graph('me/drive/special/approot:/a:b.json:/content', { method: 'PUT', body: '{}' })).status,
    ).toBe(400);
    expect((await graph('me/drive/special/approot/children', { token: 'nope' })).status).toBe(401);
  });
});
