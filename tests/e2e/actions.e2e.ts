// The jobs end to end in real Chromium against the sandbox: a task from a thread to the popup and a
// reminder; complaints from a Spanish and an English thread through the workflow, list, insights
// and export; a meeting booked from the Spanish thread into Google and into Microsoft.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  connectAccounts,
  launchExtension,
  openMailAndPanel,
  setBookingCalendar,
  withDb,
  type ExtensionSession,
} from './harness';
import { SEED_THREADS, gmailDemoPath, outlookDemoPath } from '../../sandbox/seed/threads';

const thread = (key: string) => SEED_THREADS.find((t) => t.key === key)!;
let s: ExtensionSession;

beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
});

async function openThread(path: string): Promise<{ mail: Page; panel: Page }> {
  const { mail, panel } = await openMailAndPanel(s, path);
  await panel.getByTestId('thread-subject').waitFor();
  return { mail, panel };
}

const connectBoth = () => connectAccounts(s, ['google', 'microsoft']);

async function sandboxState() {
  return (await fetch(`${s.sandbox}/__sandbox/state`)).json();
}

describe('tasks', () => {
  it('adds a task from a thread, shows it in the popup, completes it and undoes that', async () => {
    const t = thread('invoice');
    const { mail, panel } = await openThread(gmailDemoPath(t));
    await panel.getByRole('button', { name: 'Add task' }).click();
    await panel.getByText('Task added:').waitFor();
    // Due tomorrow 09:00 by default: make it due today so the popup's "due today" lists it.
    await withDb(
      panel,
      ['tasks'],
      async (db) => {
        const store = db.transaction('tasks', 'readwrite').objectStore('tasks');
        const all: { id: string; dueAt: number }[] = await new Promise((r) => {
          const q = store.getAll();
          q.onsuccess = () => r(q.result);
        });
        for (const task of all) store.put({ ...task, dueAt: Date.now() + 60_000 });
        await new Promise((r) => (store.transaction.oncomplete = r));
      },
      null,
    );
    const popup = await s.openExtensionPage('popup.html');
    const row = popup.getByTestId('tasks-due').getByTestId('task-item');
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain(t.subject);
    // A click, not `check()`: completing removes the row at once, and `check()` then waits for a
    // checked box that no longer exists (it failed that way on a loaded machine).
    await row.first().getByRole('checkbox', { name: 'Done' }).click();
    await popup.getByTestId('undo-done').waitFor();
    await expect.poll(() => popup.getByTestId('tasks-due').getByTestId('task-item').count()).toBe(0);
    await popup.getByTestId('undo-done').getByRole('button', { name: 'Undo' }).click();
    await popup.getByTestId('tasks-due').getByTestId('task-item').first().waitFor();
    for (const p of [mail, panel, popup]) await p.close();
  });

  it('fires a reminder as a notification that opens the task', async () => {
    const popup = await s.openExtensionPage('popup.html');
    await popup.getByRole('textbox', { name: 'Task' }).fill('Llamar a Hotel Miramar');
    await popup.getByRole('button', { name: 'Add task' }).click();
    const taskId = await withDb(
      popup,
      ['tasks'],
      async (db) => {
        const read = (): Promise<{ id: string; title: string }[]> =>
          new Promise((r) => {
            const q = db.transaction('tasks').objectStore('tasks').getAll();
            q.onsuccess = () => r(q.result);
          });
        let task: { id: string; title: string } | undefined;
        for (let i = 0; i < 50 && !task; i++) {
          task = (await read()).find((x) => x.title === 'Llamar a Hotel Miramar');
          if (!task) await new Promise((r) => setTimeout(r, 100));
        }
        if (!task) throw new Error('task not stored');
        const tx = db.transaction('tasks', 'readwrite');
        tx.objectStore('tasks').put({ ...task, remindAt: Date.now() + 1500 });
        await new Promise((r) => (tx.oncomplete = r));
        return task.id;
      },
      null,
    );
    // The alarm is triggered by the test instead of waiting for the clock.
    await popup.waitForTimeout(1600);
    const notifications = await s.worker.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: {
            alarms: { create(n: string, o: object): Promise<void> };
            notifications: { getAll(): Promise<Record<string, boolean>> };
          };
        }
      ).chrome;
      await c.alarms.create('task-reminders', { when: Date.now() });
      for (let i = 0; i < 40; i++) {
        const all = await c.notifications.getAll();
        if (Object.keys(all).length) return Object.keys(all);
        await new Promise((r) => setTimeout(r, 100));
      }
      return [];
    });
    expect(notifications).toContain(`task:${taskId}`);
    // CDP cannot click a system notification; the click handler is unit-tested (reminders.test.ts).
    // Here: the page it opens shows the task.
    const dashboard = await s.openExtensionPage(`dashboard.html#/tasks/${encodeURIComponent(taskId)}`);
    await dashboard.getByTestId('task-editor').waitFor();
    // The editor is drawn before its record is read: wait for the value rather than read it once.
    await expect
      .poll(() => dashboard.getByTestId('task-editor').locator('input').first().inputValue())
      .toBe('Llamar a Hotel Miramar');
    await dashboard.close();
    await popup.close();
  });
});

describe('complaints', () => {
  it('logs one complaint per thread from a Spanish and an English thread, moves them through the workflow, lists, charts and exports them', async () => {
    for (const [key, path] of [
      ['late-delivery', gmailDemoPath],
      ['damaged-legal', outlookDemoPath],
    ] as const) {
      const { mail, panel } = await openThread(path(thread(key)));
      await panel.getByRole('button', { name: 'Log complaint' }).click();
      await panel.getByTestId('complaint-form').waitFor();
      await panel.getByRole('button', { name: 'Save complaint' }).click();
      await panel.getByTestId('complaint').waitFor();
      await panel.close();
      // Opening the thread again shows the record instead of offering a second one.
      const again = await s.openExtensionPage(`sidepanel.html?tabId=${await s.tabIdOf(mail)}`);
      await again.getByTestId('complaint').waitFor();
      expect(await again.getByRole('button', { name: 'Log complaint' }).count()).toBe(0);
      await again.close();
      await mail.close();
    }

    const dashboard = await s.openExtensionPage('dashboard.html#/complaints');
    const rows = dashboard.getByTestId('complaint-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const listText = await dashboard.getByTestId('complaints').innerText();
    expect(listText).toContain(thread('late-delivery').subject);
    expect(listText).toContain(thread('damaged-legal').subject);

    await rows
      .filter({ hasText: thread('damaged-legal').subject })
      .getByRole('link')
      .first()
      .click();
    await dashboard.getByTestId('complaint-detail').waitFor();
    for (const [action, status] of [
      ['Start working', 'In progress'],
      ['Wait for customer', 'Waiting for customer'],
      ['Resolve', 'Resolved'],
      ['Close', 'Closed'],
      ['Reopen', 'In progress'],
    ] as const) {
      await dashboard.getByRole('button', { name: action, exact: true }).click();
      if (action === 'Resolve') {
        // Resolving asks how; then a reply to the customer is proposed, never sent.
        const form = dashboard.getByTestId('resolve-form');
        await form.getByRole('textbox').fill('Replacement drill sent by courier; arrives Thursday.');
        await form.getByRole('button', { name: 'Confirm resolution' }).click();
        const reply = dashboard.getByTestId('proposed-reply').getByRole('textbox');
        await expect.poll(() => reply.inputValue()).toContain('Replacement drill sent by courier');
      }
      await dashboard.getByTestId('complaint-status').getByText(status, { exact: true }).waitFor();
    }
    await expect
      .poll(async () => (await dashboard.getByTestId('complaint-history').innerText()).split('\n').length)
      .toBeGreaterThanOrEqual(6);

    // Answered by letter: the letter comes prefilled from the complaint (customer, order, resolution).
    await dashboard.getByRole('link', { name: 'Answer by letter' }).click();
    const letter = dashboard.getByTestId('letter');
    await expect.poll(() => letter.innerText()).toContain('Response to your complaint FL-20931');
    expect(await letter.innerText()).toContain('Replacement drill sent by courier; arrives Thursday.');
    expect(await dashboard.getByLabel('Recipient').inputValue()).toBe('James Whitaker');

    await dashboard.goto(`chrome-extension://${s.extensionId}/dashboard.html#/insights`);
    await dashboard.getByTestId('weekly-table').waitFor();
    expect(await dashboard.getByTestId('weekly-table').innerText()).toMatch(/2/);

    await dashboard.goto(`chrome-extension://${s.extensionId}/dashboard.html#/complaints`);
    await rows.nth(1).waitFor();
    const download = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    // Headers in the UI language, with the stable code beside each localised value.
    const header = csv.split('\n')[0]!;
    expect(header).toContain('Subject');
    expect(header).toContain('Status,status_code');
    expect(csv).toContain('In progress,in_progress');
    expect(csv).toContain(thread('damaged-legal').subject);
    expect(csv).toContain(thread('late-delivery').subject);
    await dashboard.close();
  });
});

describe('booking a meeting from the Spanish meeting request', () => {
  beforeAll(connectBoth);

  async function book(): Promise<{ panel: Page; mail: Page; slotStart: number }> {
    const { mail, panel } = await openThread(gmailDemoPath(thread('meeting-es')));
    await panel.getByTestId('scheduler').waitFor();
    await panel.getByRole('button', { name: 'Find free times' }).click();
    const first = panel.getByTestId('slots').locator('li').first();
    await first.waitFor({ timeout: 20_000 });
    const slotStart = Number(await first.getAttribute('data-start'));
    // The times found fill the meeting draft's {{slots}} (Spanish: the customer wrote in Spanish).
    await expect
      .poll(() => panel.getByTestId('draft-text').inputValue())
      .toMatch(/^- \S+, \d+ de \S+ de 20\d\d, \d\d:\d\d–/m);
    await first.getByRole('button', { name: 'Book' }).click();
    return { panel, mail, slotStart };
  }

  const calendarOf: Record<string, string> = {
    google: 'maria.lopez@demo-ferreteria.es',
    microsoft: 'maria.lopez@demoferreteria.onmicrosoft.com',
  };
  type SandboxEvent = {
    provider: string;
    calendarId: string;
    start: string;
    status: string;
    summary?: string;
    subject?: string;
    attendees: string[];
    onlineMeetingUrl: string | null;
  };
  /** Events in the manager's calendar at `start` with the thread's subject (what a booking makes). */
  async function eventsFor(provider: string, start: number): Promise<SandboxEvent[]> {
    const booked = thread('meeting-es').subject;
    const events = (await sandboxState()).events as SandboxEvent[];
    return events.filter(
      (e) =>
        e.provider === provider &&
        e.calendarId === calendarOf[provider] &&
        (e.summary ?? e.subject) === booked &&
        Date.parse(e.start) === start &&
        e.status !== 'cancelled',
    );
  }

  it('books in the Google calendar: one event, right time, the customer invited, a Meet link', async () => {
    const { panel, mail, slotStart } = await book();
    await panel.getByTestId('booking-status').getByText('Booked').waitFor({ timeout: 30_000 });
    const events = await eventsFor('google', slotStart);
    expect(events).toHaveLength(1);
    expect(events[0]!.attendees).toContain('carlos@construccionesmendez.es');
    expect(events[0]!.onlineMeetingUrl).toMatch(/^https:\/\/meet\.google\.com\//);
    // Booked: the other times fold away (a success, not a row of live Book buttons). Unfolded, a
    // second click on the same slot is the same booking, not a second event.
    expect(await panel.getByTestId('other-times').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
      false,
    );
    await panel.getByTestId('other-times').locator('summary').click();
    await panel.getByTestId('slots').locator('li').first().getByRole('button', { name: 'Book' }).click();
    await panel.waitForTimeout(1000);
    expect(await eventsFor('google', slotStart)).toHaveLength(1);
    await panel.getByText('A meeting is already booked from this thread.').waitFor();
    // The confirmation reply is in Spanish, in the customer's zone.
    await panel.getByRole('button', { name: 'Confirmation reply' }).click();
    await expect
      .poll(() => panel.getByTestId('draft-text').inputValue())
      .toMatch(/Le confirmamos la reunión el/);
    await panel.close();
    await mail.close();
  });
});

describe('booking in Microsoft 365 through failures', () => {
  beforeAll(connectBoth);

  it('ends with exactly one event after a 500 and a 429 with Retry-After', async () => {
    // Book into the manager's Microsoft calendar instead of Google (what Options → Profile sets).
    await setBookingCalendar(s, 'maria.lopez@demoferreteria.onmicrosoft.com', {
      provider: 'microsoft',
      calendarId: 'primary',
    });
    await fetch(`${s.sandbox}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { method: 'POST', path: '/events$', status: 500, times: 1 },
        { method: 'POST', path: '/events$', status: 429, retryAfter: 2, times: 1 },
      ]),
    });
    try {
      const { mail, panel } = await openThread(outlookDemoPath(thread('meeting-es')));
      await panel.getByText('Books into Microsoft 365').waitFor();
      await panel.getByRole('button', { name: 'Find free times' }).click();
      const first = panel.getByTestId('slots').locator('li').first();
      await first.waitFor({ timeout: 20_000 });
      const slotStart = Number(await first.getAttribute('data-start'));
      await first.getByRole('button', { name: 'Book' }).click();
      // The failures show while the outbox retries; then it books.
      await panel.getByTestId('booking-status').getByText('Booked').waitFor({ timeout: 45_000 });
      const state = await sandboxState();
      const events = (
        state.events as {
          provider: string;
          calendarId: string;
          start: string;
          subject?: string;
          onlineMeetingUrl: string | null;
        }[]
      ).filter(
        (e) =>
          e.provider === 'microsoft' &&
          e.subject === thread('meeting-es').subject &&
          Date.parse(e.start) === slotStart,
      );
      expect(events).toHaveLength(1);
      expect(events[0]!.onlineMeetingUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
      const hits = (state.faults as { hits: number }[]).map((f) => f.hits);
      expect(hits).toEqual([1, 1]);
      await panel.close();
      await mail.close();
    } finally {
      await fetch(`${s.sandbox}/__sandbox/faults`, { method: 'DELETE' });
    }
  });
});
