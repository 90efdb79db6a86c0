// Team sharing end to end: two Chromium profiles (two people of one business) share their
// "Follow-ups" list through one sandbox Google Tasks account, then through Microsoft To Do. A task
// added and completed in one appears completed in the other; a task retitled in both at about the
// same time keeps both texts on both sides, and the conflict is shown in Options → Team sharing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, readStore, withDb, type ExtensionSession } from './harness';

const TITLE = 'Llamar a Lucía por el pedido 7781';

interface StoredTask {
  id: string;
  title: string;
  status: string;
  listId: string;
}

const tasks = (page: Page) => readStore<StoredTask>(page, 'tasks');

/** Waits until the stored tasks satisfy `check` (each profile syncs in its own background). */
async function until(page: Page, check: (all: StoredTask[]) => boolean, what: string): Promise<StoredTask[]> {
  for (let i = 0; i < 150; i++) {
    const all = await tasks(page);
    if (check(all)) return all;
    await page.waitForTimeout(200);
  }
  throw new Error(`Timed out waiting for: ${what}`);
}

/** Renames a task as the user would, read and written in one transaction (a sync may be running). */
async function retitle(page: Page, from: string, to: string): Promise<void> {
  await withDb(
    page,
    ['tasks'],
    async (db, { from, to }) => {
      const store = db.transaction('tasks', 'readwrite').objectStore('tasks');
      const all = await new Promise<{ title: string }[]>((resolve) => {
        const q = store.getAll();
        q.onsuccess = () => resolve(q.result as { title: string }[]);
      });
      const task = all.find((t) => t.title === from)!;
      await new Promise((r) => (store.put({ ...task, title: to }).onsuccess = r));
    },
    { from, to },
  );
}

async function share(options: Page, service: string): Promise<void> {
  const group = options.getByRole('group', { name: 'Follow-ups' });
  await group.getByLabel('Share through').selectOption(service === 'Google Tasks' ? 'google' : 'microsoft');
  await group.getByRole('button', { name: `Choose a list in ${service}` }).click();
  await group.getByRole('button', { name: 'Share this list' }).click({ timeout: 30_000 });
  await group.getByText(/is now shared as “Follow-ups”\.$/).waitFor({ timeout: 30_000 });
}

async function syncNow(options: Page): Promise<void> {
  await options.getByRole('group', { name: 'Follow-ups' }).getByRole('button', { name: 'Sync now' }).click();
}

describe.each([['Google Tasks'], ['Microsoft To Do']] as const)(
  'two profiles sharing through %s',
  (service) => {
    let one: ExtensionSession;
    let two: ExtensionSession;
    beforeAll(async () => {
      // Both start before anything is stored: each launch resets the sandbox.
      one = await launchExtension();
      two = await launchExtension();
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
    });

    it('a task added and completed in one is completed in the other; concurrent edits keep both texts', async () => {
      const dashA = await one.openExtensionPage('dashboard.html#/tasks');
      await dashA.getByRole('textbox', { name: 'Task' }).fill(`${TITLE} #seguimientos`);
      await dashA.getByRole('button', { name: 'Add task' }).click();
      await until(dashA, (all) => all.some((t) => t.title === TITLE), 'the task in profile one');
      const dashB = await two.openExtensionPage('dashboard.html#/tasks');
      await dashB.getByRole('textbox', { name: 'Task' }).waitFor();

      const optA = await one.openExtensionPage('options.html#team');
      await share(optA, service);
      await dashA.getByTestId('task-lists').getByRole('button', { name: 'Follow-ups', exact: true }).click();
      await dashA
        .getByRole('listitem')
        .filter({ hasText: TITLE })
        .getByRole('checkbox', { name: 'Done' })
        // A click, not check(): the completed task leaves the open list at once.
        .click();
      await until(
        dashA,
        (all) => all.some((t) => t.title === TITLE && t.status === 'done'),
        'completed in one',
      );
      await syncNow(optA);
      await optA.getByTestId('team-last-sync').getByText('Pending changes: 0').waitFor({ timeout: 30_000 });

      const optB = await two.openExtensionPage('options.html#team');
      await share(optB, service);
      await dashB.getByTestId('task-lists').getByRole('button', { name: 'Follow-ups', exact: true }).click();
      await until(
        dashB,
        (all) => all.some((t) => t.title === TITLE && t.status === 'done'),
        'completed in two',
      );
      // (Done tasks leave the list view; the stored record is what the other profile reads.)

      // Both retitle the same task at about the same time (each profile syncs an edit by itself
      // a few seconds later; whichever writes second meets a 412 and merges).
      await retitle(dashA, TITLE, `${TITLE} (llamada hecha)`);
      await retitle(dashB, TITLE, `${TITLE} (dejar mensaje)`);
      const both = (t: StoredTask) =>
        t.title.includes('(llamada hecha)') && t.title.includes('(dejar mensaje)');
      let inA: StoredTask[] = [];
      let inB: StoredTask[] = [];
      for (let round = 0; round < 30; round++) {
        await syncNow(optA);
        await syncNow(optB);
        [inA, inB] = [await tasks(dashA), await tasks(dashB)];
        if (inA.find(both) && inA.find(both)?.title === inB.find(both)?.title) break;
        await dashA.waitForTimeout(500);
      }
      expect(inA.find(both)?.title).toBeDefined();
      expect(inA.find(both)?.title).toBe(inB.find(both)?.title);
      // The profile that merged lists the conflict with both texts.
      await expect
        .poll(
          async () =>
            (await optA.getByTestId('team-conflicts').count()) +
            (await optB.getByTestId('team-conflicts').count()),
          {
            timeout: 30_000,
          },
        )
        .toBe(1);
      expect(inA.filter((t) => t.title.startsWith(TITLE))).toHaveLength(1);
      expect(inB.filter((t) => t.title.startsWith(TITLE))).toHaveLength(1);
    });
  },
);

describe('two profiles sharing through Google Tasks: the order of the list', () => {
  const NAMES = ['Preparar pedido 7790', 'Revisar stock de cajas', 'Llamar a transportes'];
  let one: ExtensionSession;
  let two: ExtensionSession;
  beforeAll(async () => {
    one = await launchExtension();
    two = await launchExtension();
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  const orderIn = async (page: Page) =>
    (await readStore<StoredTask & { order: number }>(page, 'tasks'))
      .filter((t) => NAMES.includes(t.title))
      .sort((a, b) => a.order - b.order)
      .map((t) => t.title);

  /** Selects a task in the list view and moves it up with Alt+↑, as the keyboard help says. */
  async function moveUp(page: Page, title: string, times: number): Promise<void> {
    await page.getByTestId('task-item').filter({ hasText: title }).dispatchEvent('click');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < times; i++) {
      const before = await orderIn(page);
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(() => orderIn(page)).not.toEqual(before);
    }
  }

  async function syncUntil(options: Page, page: Page, expected: string[]): Promise<void> {
    await expect
      .poll(
        async () => {
          await syncNow(options);
          await page.waitForTimeout(500);
          return orderIn(page);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(expected);
  }

  it('a task moved in one moves in the other, both ways', async () => {
    const dashA = await one.openExtensionPage('dashboard.html#/tasks');
    for (const name of NAMES) {
      await dashA.getByRole('textbox', { name: 'Task' }).fill(`${name} #seguimientos`);
      await dashA.getByRole('button', { name: 'Add task' }).click();
      await until(dashA, (all) => all.some((t) => t.title === name), name);
    }
    const optA = await one.openExtensionPage('options.html#team');
    await share(optA, 'Google Tasks');
    await optA.getByTestId('team-last-sync').getByText('Pending changes: 0').waitFor({ timeout: 30_000 });

    const dashB = await two.openExtensionPage('dashboard.html#/tasks');
    await dashB.getByRole('textbox', { name: 'Task' }).waitFor();
    const optB = await two.openExtensionPage('options.html#team');
    await share(optB, 'Google Tasks');
    await syncUntil(optB, dashB, NAMES);

    // Profile one moves the last task to the top.
    await dashA.getByTestId('task-lists').getByRole('button', { name: 'Follow-ups', exact: true }).click();
    await moveUp(dashA, NAMES[2]!, 2);
    expect(await orderIn(dashA)).toEqual([NAMES[2], NAMES[0], NAMES[1]]);
    await syncUntil(optB, dashB, [NAMES[2]!, NAMES[0]!, NAMES[1]!]);

    // Profile two moves another one up; profile one follows.
    await dashB.getByTestId('task-lists').getByRole('button', { name: 'Follow-ups', exact: true }).click();
    await moveUp(dashB, NAMES[1]!, 1);
    const expected = [NAMES[2]!, NAMES[1]!, NAMES[0]!];
    expect(await orderIn(dashB)).toEqual(expected);
    await syncUntil(optA, dashA, expected);
    // The list view shows it in that order.
    const shown = await dashA.getByTestId('task-item').allInnerTexts();
    expect(NAMES.map((n) => shown.findIndex((s) => s.includes(n)))).toEqual([2, 1, 0]);
  });
});
