// Daily operations in real Chromium (issue 20): a weekly checklist item typed in Spanish in quick
// add is stored with its rule, shown with the rule in words and, once completed, followed by the
// next occurrence; the morning brief shows each kind of item from seeded records; the weekly report
// draws its charts (a screenshot goes to docs/ for the README).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, putRecords, readStore, type ExtensionSession } from './harness';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const DAY = 86_400_000;
let s: ExtensionSession;

beforeAll(async () => {
  s = await launchExtension({ locale: 'es-ES' });
});
afterAll(async () => {
  await s?.close();
});

/** The business in Madrid, whatever zone the machine is in. */
async function madrid(page: Page) {
  await page.getByTestId('tasks-view-title').waitFor();
  await putRecords(page, 'settings', [
    {
      key: 'profile',
      value: { timeZone: 'Europe/Madrid', managerEmail: 'maria@example.es' },
      updatedAt: Date.now(),
    },
  ]);
}

interface StoredTask {
  id: string;
  title: string;
  status: string;
  dueAt: number;
  rule?: string;
  seriesId?: string;
}

describe('recurring tasks', () => {
  it('typed in Spanish: stored with its rule, shown in words, completing it makes the next one', async () => {
    const page = await s.openExtensionPage('dashboard.html#/tasks');
    await madrid(page);
    await page.getByTestId('task-lists').getByRole('button').first().click();
    const input = page.getByLabel('Tarea', { exact: true });
    await input.fill('Revisar inventario de la cámara cada lunes a las 9:00');
    await expect
      .poll(() => page.getByTestId('quick-add-rule').textContent())
      .toBe('Se repite: cada lunes a las 9:00');
    await input.press('Enter');

    const row = page.getByTestId('task-item').filter({ hasText: 'Revisar inventario de la cámara' });
    await row.waitFor();
    expect(await row.getByTestId('task-rule').textContent()).toBe('↻ cada lunes a las 9:00');
    const [stored] = await readStore<StoredTask>(page, 'tasks');
    expect(stored).toMatchObject({
      title: 'Revisar inventario de la cámara',
      rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
      status: 'open',
    });
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Madrid',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(stored!.dueAt);
    expect(local).toBe('Monday 09:00');

    await row.getByRole('checkbox').check();
    await expect
      .poll(
        async () => (await readStore<StoredTask>(page, 'tasks')).filter((t) => t.status === 'open').length,
      )
      .toBe(1);
    const tasks = await readStore<StoredTask>(page, 'tasks');
    const next = tasks.find((t) => t.status === 'open')!;
    expect(next.id).not.toBe(stored!.id);
    expect(next.seriesId).toBe(stored!.seriesId);
    // A week later (an hour less or more when a daylight-saving change falls in between).
    expect(Math.abs(next.dueAt - stored!.dueAt - 7 * DAY)).toBeLessThanOrEqual(3_600_000);
    await page
      .getByTestId('task-item')
      .filter({ hasText: 'Revisar inventario de la cámara' })
      .getByTestId('task-rule')
      .waitFor();
    await page.close();
  });
});

describe('morning brief and weekly report', () => {
  it('the brief shows each kind of item from seeded records', async () => {
    const page = await s.openExtensionPage('dashboard.html#/tasks');
    await madrid(page);
    const now = Date.now();
    const complaint = (id: string, over: Record<string, unknown>) => ({
      id,
      threadKey: `gmail:${id}`,
      threadUrl: '',
      channel: 'manual',
      customerName: id,
      customerEmail: `${id}@example.es`,
      subject: `Asunto ${id}`,
      summary: '',
      category: 'delivery',
      severity: 'medium',
      status: 'in_progress',
      orderRef: null,
      amount: null,
      language: 'es',
      assignee: null,
      resolution: '',
      compensation: '',
      firstResponseAt: null,
      resolvedAt: null,
      dueAt: null,
      createdAt: now - DAY,
      updatedAt: now,
      history: [],
      seenMessageIds: [],
      taskId: null,
      words: [],
      ...over,
    });
    await putRecords(page, 'complaints', [
      complaint('Vencida', { dueAt: now - 3_600_000 }),
      complaint('Esperando', { status: 'new', createdAt: now - 3 * DAY, dueAt: now + 5 * DAY }),
    ]);
    const task = (id: string, title: string, dueAt: number, checklistRunId?: string) => ({
      id,
      listId: 'none',
      title,
      notes: checklistRunId ? 'Apertura de la tienda' : '',
      dueAt,
      dueAllDay: false,
      remindAt: null,
      priority: 'normal',
      status: 'open',
      link: null,
      order: 1,
      createdAt: now,
      completedAt: null,
      words: [],
      ...(checklistRunId ? { checklistRunId } : {}),
    });
    await putRecords(page, 'tasks', [
      task('t-brief', 'Llamar al fontanero', now - 60_000),
      task('t-check', 'Contar el cambio de la caja', now - 60_000, 'run-1'),
    ]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(now);
    await putRecords(page, 'ledger', [
      {
        id: 'inv-1',
        supplierKey: 'B12345678',
        number: 'F-2026-118',
        supplierName: 'Suministros Norte',
        status: 'to_pay',
        dueDate: today,
        total: 24_200,
        currency: 'EUR',
        month: today.slice(0, 7),
        threadKey: null,
      },
    ]);
    await putRecords(page, 'agendaCache', [
      {
        id: 'google:primary',
        provider: 'google',
        calendarId: 'primary',
        fetchedAt: now,
        rangeStart: now - DAY,
        rangeEnd: now + DAY,
        error: null,
        events: [
          {
            id: 'ev1',
            provider: 'google',
            calendarId: 'primary',
            title: 'Visita del proveedor',
            start: '',
            end: '',
            startMs: now - 60_000,
            endMs: now + 3_600_000,
            allDay: false,
            timeZone: 'Europe/Madrid',
            attendeeCount: 2,
            attendees: [],
            myResponse: 'accepted',
            status: 'confirmed',
            showAs: 'busy',
          },
        ],
      },
    ]);

    await page.goto(page.url().replace(/#.*/, '#/brief'));
    const section = (id: string) => page.getByTestId(id);
    await section('brief-page').waitFor();
    await section('brief-meetings').getByText('Visita del proveedor').waitFor();
    await section('brief-complaints').getByText('Asunto Vencida').waitFor();
    expect(await section('brief-complaints').textContent()).toContain('Fuera de plazo');
    await section('brief-tasks').getByText('Llamar al fontanero').waitFor();
    await section('brief-checklist').getByText('Contar el cambio de la caja').waitFor();
    await section('brief-invoices').getByText('Suministros Norte F-2026-118').waitFor();
    await section('brief-waiting').getByText('Esperando', { exact: true }).waitFor();
    const text = await section('brief-text').textContent();
    expect(text).toContain('Reuniones de hoy (1)');
    expect(await section('brief-mailto').getAttribute('href')).toMatch(/^mailto:[^?]*\?subject=/);
    // The same brief as a new Gmail message, written out: the body is the brief's own text.
    const gmail = new URL((await section('brief-gmail').getAttribute('href'))!);
    expect(gmail.searchParams.get('body')).toContain('Reuniones de hoy (1)');
    await page.setViewportSize({ width: 1100, height: 900 });
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: `${DOCS}screenshot-morning-brief.png`, fullPage: true });
    await page.close();
  });

  it('the weekly report draws its charts from eight weeks of complaints', async () => {
    const page = await s.openExtensionPage('dashboard.html#/tasks');
    await madrid(page);
    const now = Date.now();
    const categories = ['delivery', 'delivery', 'product', 'billing'];
    const complaints = [];
    for (let week = 0; week < 8; week++)
      for (let k = 0; k < (week > 4 ? 4 : 1) + (week % 2); k++) {
        const createdAt = now - (7 - week) * 7 * DAY - k * 3_600_000;
        complaints.push({
          id: `r${week}-${k}`,
          threadKey: `gmail:r${week}-${k}`,
          threadUrl: '',
          channel: 'manual',
          customerName: 'Cliente',
          customerEmail: `c${week}${k}@example.es`,
          subject: 'El pedido llegó tarde',
          summary: 'El repartidor llegó tarde otra vez.',
          category: categories[(week + k) % categories.length],
          severity: 'medium',
          status: 'resolved',
          orderRef: null,
          amount: null,
          language: 'es',
          assignee: null,
          resolution: '',
          compensation: '',
          firstResponseAt: createdAt + (k + 1) * 5 * 3_600_000,
          resolvedAt: createdAt + DAY,
          dueAt: null,
          createdAt,
          updatedAt: createdAt,
          history: [],
          seenMessageIds: [],
          taskId: null,
          words: [],
        });
      }
    await putRecords(page, 'complaints', complaints);
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.goto(page.url().replace(/#.*/, '#/report'));
    await page.getByTestId('report-page').waitFor();
    for (const chart of [
      'weekly-chart',
      'report-chart-response',
      'report-chart-tasks',
      'report-chart-meetings',
    ])
      await page.getByTestId(chart).locator('canvas').waitFor();
    expect(await page.getByTestId('report-observations').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('report-recurring').textContent()).toContain('llegó tarde');
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: `${DOCS}screenshot-weekly-report.png`, fullPage: true });
    await page.close();
  });
});
