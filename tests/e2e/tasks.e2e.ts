// Tasks in real Chromium: a complaint's task and a thread's task go out in a JSON export and come
// back whole; quick add shows what it read before saving and keeps "por la tarde".
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clearStores, launchExtension, readStore, type ExtensionSession } from './harness';
import { SEED_THREADS, gmailDemoPath } from '../../sandbox/seed/threads';

const thread = (key: string) => SEED_THREADS.find((t) => t.key === key)!;
let s: ExtensionSession;

beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
});

/** Every stored task, as IndexedDB holds it (search words included), by id. */
async function storedTasks(page: Page): Promise<Record<string, unknown>[]> {
  const all = await readStore<{ id: string }>(page, 'tasks');
  return all.sort((a, b) => a.id.localeCompare(b.id));
}

const clearTasks = (page: Page) => clearStores(page, ['tasks']);

describe('tasks export and import', () => {
  it('a JSON export imports back losslessly, links to a complaint and to a thread included', async () => {
    const mail = await s.context.newPage();
    await mail.goto(`${s.sandbox}${gmailDemoPath(thread('late-delivery'))}`);
    const panel = await s.openExtensionPage(`sidepanel.html?tabId=${await s.tabIdOf(mail)}`);
    await panel.getByTestId('thread-subject').waitFor();
    await panel.getByRole('button', { name: 'Add task' }).click();
    await panel.getByText('Task added:').waitFor();
    // Logging the complaint makes its follow-up task, linked to the complaint.
    await panel.getByRole('button', { name: 'Log complaint' }).click();
    await panel.getByTestId('complaint-form').waitFor();
    await panel.getByRole('button', { name: 'Save complaint' }).click();
    await panel.getByTestId('complaint').waitFor();

    const dashboard = await s.openExtensionPage('dashboard.html#/tasks');
    const before = await storedTasks(dashboard);
    const kinds = before.map((task) => (task.link as { kind: string } | null)?.kind).sort();
    expect(kinds).toEqual(['complaint', 'thread']);

    const download = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export JSON' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tasks-\d{4}-\d{2}-\d{2}\.json$/);
    const path = (await file.path())!;
    expect(JSON.parse(readFileSync(path, 'utf8')).tasks).toHaveLength(2);

    await clearTasks(dashboard);
    expect(await storedTasks(dashboard)).toEqual([]);
    await dashboard.getByTestId('tasks-import-file').setInputFiles(path);
    const message = dashboard.getByTestId('tasks-transfer-message');
    await message.getByText('Import done: 2 tasks added, 0 already here').waitFor();
    expect(await storedTasks(dashboard)).toEqual(before);

    // The same file again changes nothing.
    await dashboard.getByTestId('tasks-import-file').setInputFiles(path);
    await message.getByText('Import done: 0 tasks added, 2 already here').waitFor();
    expect(await storedTasks(dashboard)).toEqual(before);
    for (const p of [dashboard, panel, mail]) await p.close();
  });
});

describe('quick add', () => {
  it('previews what it read and keeps "por la tarde" as the afternoon', async () => {
    const dashboard = await s.openExtensionPage('dashboard.html#/tasks');
    const input = dashboard.getByRole('textbox', { name: 'Task' });
    await input.fill('llamar al proveedor mañana por la tarde #seguimientos');
    const preview = dashboard.getByTestId('quick-add-preview');
    await preview.locator('[data-part="time"]').waitFor();
    expect(await preview.locator('[data-part="time"]').innerText()).toMatch(/^afternoon, 4:00\sPM–8:00\sPM$/);
    expect(await preview.locator('[data-part="list"]').innerText()).toBe('list: Follow-ups');
    expect(await dashboard.getByTestId('quick-add-preview-title').innerText()).toBe('llamar al proveedor');

    await dashboard.getByRole('button', { name: 'Add task' }).click();
    await preview.waitFor({ state: 'detached' });
    const saved = (await storedTasks(dashboard)).find((task) => task.title === 'llamar al proveedor')!;
    // Read in the browser's own zone, as the user typed it.
    const due = await dashboard.evaluate((at) => {
      const d = new Date(at);
      const tomorrow = new Date();
      tomorrow.setDate(tomorrow.getDate() + 1);
      return {
        hour: d.getHours(),
        minute: d.getMinutes(),
        tomorrow: d.toDateString() === tomorrow.toDateString(),
      };
    }, saved.dueAt as number);
    expect(due).toEqual({ hour: 16, minute: 0, tomorrow: true });
    expect(saved.dueAllDay).toBe(false);
    await dashboard.close();
  });
});
