// Issue 18, in real Chromium against the strict sandbox: a Microsoft To Do list owned by one person
// and shared with another syncs for both, each signed in as themselves. Profile one signs in to
// Microsoft as the manager (María, the default account); profile two picks Ana García's account at
// its sign-in (POST /__sandbox/config { microsoftUser }, standing in for the account picker of
// prompt=select_account), so its tokens are Ana's and its Graph /me is Ana's mailbox. The manager
// shares her "Follow-ups" list with Ana in the To Do app (POST /__sandbox/todo/share: Graph has no
// call to share a list); each profile turns on team sharing for "Follow-ups" in Options → Team
// sharing, and Ana's finds the shared list by name in her own /me/todo/lists. A task added by Ana
// reaches the manager; completed by the manager, it shows completed for Ana.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectAccounts, launchExtension, readStore, type ExtensionSession } from './harness';

const MANAGER = 'maria.lopez@demoferreteria.onmicrosoft.com';
const ANA = 'ana.garcia@demoferreteria.onmicrosoft.com';
const TITLE = 'Pedir cajas de tornillos a Makita';

interface StoredTask {
  id: string;
  title: string;
  status: string;
}

interface TodoLists {
  clouds: {
    todo?: {
      lists: {
        id: string;
        displayName: string;
        owner?: string;
        tasks: { title: string; status: string }[];
      }[];
    };
  };
  config: { microsoftUser: string | null };
  microsoft: { users: { id: string; mail: string }[] };
}

let one: ExtensionSession;
let two: ExtensionSession;

async function admin(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${one.sandbox}/__sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res.json();
}
const snapshot = async () => (await (await fetch(`${one.sandbox}/__sandbox/state`)).json()) as TodoLists;
const followUps = async () =>
  ((await snapshot()).clouds.todo?.lists ?? []).filter((l) => l.displayName === 'Follow-ups');

/** Turns on team sharing for "Follow-ups" through Microsoft To Do, as the user does in Options. */
async function share(options: Page): Promise<void> {
  const group = options.getByRole('group', { name: 'Follow-ups' });
  await group.getByLabel('Share through').selectOption('microsoft');
  await group.getByRole('button', { name: 'Choose a list in Microsoft To Do' }).click();
  await group.getByRole('button', { name: 'Share this list' }).click({ timeout: 30_000 });
  await group.getByText(/is now shared as “Follow-ups”\.$/).waitFor({ timeout: 30_000 });
}

const syncNow = (options: Page) =>
  options.getByRole('group', { name: 'Follow-ups' }).getByRole('button', { name: 'Sync now' }).click();

/** Syncs both profiles until `page`'s stored tasks satisfy `check` (each also syncs by itself). */
async function syncUntil(
  page: Page,
  options: Page[],
  check: (all: StoredTask[]) => boolean,
): Promise<StoredTask[]> {
  let seen: StoredTask[] = [];
  await expect
    .poll(
      async () => {
        for (const o of options) await syncNow(o);
        await page.waitForTimeout(500);
        seen = await readStore<StoredTask>(page, 'tasks');
        return check(seen);
      },
      { timeout: 45_000, interval: 500 },
    )
    .toBe(true);
  return seen;
}

/** The remote list ids the profile's team sharing syncs (what it found in its own /me/todo/lists). */
async function remoteListIds(s: ExtensionSession): Promise<string[]> {
  const page = await s.openExtensionPage('options.html');
  const meta = await readStore<{ key: string; value: { remoteListId?: string; enabled?: boolean } }>(
    page,
    'syncMeta',
  );
  await page.close();
  return meta
    .filter((m) => m.key.startsWith('sync:') && m.value?.enabled && m.value.remoteListId)
    .map((m) => m.value.remoteListId!);
}

/** The account Options → Accounts shows for Microsoft (the default calendar's owner). */
async function microsoftAccount(s: ExtensionSession, address: string): Promise<void> {
  const options = await s.openExtensionPage('options.html#accounts');
  await options.getByTestId('account-microsoft').getByText(address).waitFor({ timeout: 20_000 });
  await options.close();
}

describe('a Microsoft To Do list shared by the manager with Ana, each in their own browser', () => {
  beforeAll(async () => {
    // Both start before anything is stored: each launch resets the sandbox.
    one = await launchExtension();
    two = await launchExtension();
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  it('each signs in as themselves; a task added by Ana reaches the manager, completed there it is completed for Ana', async () => {
    await connectAccounts(one, ['microsoft']);
    await microsoftAccount(one, MANAGER);
    // Ana picks her own account at profile two's sign-in.
    await admin('config', { microsoftUser: ANA });
    await connectAccounts(two, ['microsoft']);
    await microsoftAccount(two, ANA);
    expect((await snapshot()).config.microsoftUser).toBeNull();

    // The task lists are made the first time the tasks page opens.
    const dashA = await one.openExtensionPage('dashboard.html#/tasks');
    const dashB = await two.openExtensionPage('dashboard.html#/tasks');
    await dashA.getByRole('textbox', { name: 'Task' }).waitFor();
    await dashB.getByRole('textbox', { name: 'Task' }).waitFor();

    // The manager turns on sharing: a new "Follow-ups" list in her mailbox.
    const optA = await one.openExtensionPage('options.html#team');
    await share(optA);
    const [list] = await followUps();
    const users = (await snapshot()).microsoft.users;
    const managerId = users.find((u) => u.mail === MANAGER)!.id.toLowerCase();
    expect(list?.owner).toBe(managerId);
    // …and shares it with Ana in the To Do app.
    const { sharedAs } = (await admin('todo/share', { listId: list!.id, with: ANA })) as { sharedAs: string };

    // Ana turns on sharing for her "Follow-ups": the shared list is found by name in her lists, so
    // no second list is made.
    const optB = await two.openExtensionPage('options.html#team');
    await share(optB);
    expect(await followUps()).toHaveLength(1);
    // Each syncs it under its id in their own mailbox: Ana's browser reads Ana's /me/todo/lists.
    expect(await remoteListIds(one)).toEqual([list!.id]);
    expect(await remoteListIds(two)).toEqual([sharedAs]);

    // Ana adds a task to Follow-ups in her dashboard.
    await dashB.getByRole('textbox', { name: 'Task' }).fill(`${TITLE} #seguimientos`);
    await dashB.getByRole('button', { name: 'Add task' }).click();
    await expect
      .poll(async () => (await readStore<StoredTask>(dashB, 'tasks')).some((t) => t.title === TITLE))
      .toBe(true);

    // It reaches the manager's list (in her mailbox) and her browser.
    await syncUntil(dashA, [optB, optA], (all) => all.some((t) => t.title === TITLE && t.status !== 'done'));
    expect((await followUps())[0]!.tasks.filter((t) => t.title === TITLE)).toHaveLength(1);

    // The manager completes it; Ana's browser shows it completed.
    await dashA.getByTestId('task-lists').getByRole('button', { name: 'Follow-ups', exact: true }).click();
    await dashA
      .getByRole('listitem')
      .filter({ hasText: TITLE })
      .getByRole('checkbox', { name: 'Done' })
      // A click, not check(): the completed task leaves the open list at once.
      .click();
    const inB = await syncUntil(dashB, [optA, optB], (all) =>
      all.some((t) => t.title === TITLE && t.status === 'done'),
    );
    expect(inB.filter((t) => t.title === TITLE)).toHaveLength(1);
    const remote = (await followUps())[0]!.tasks.filter((t) => t.title === TITLE);
    expect(remote.map((t) => t.status)).toEqual(['completed']);
    const inA = await readStore<StoredTask>(dashA, 'tasks');
    expect(inA.filter((t) => t.title === TITLE).map((t) => t.status)).toEqual(['done']);

    // Still each on their own list id: nothing in between signed profile two in as someone else.
    expect(await remoteListIds(two)).toEqual([sharedAs]);
  });
});
