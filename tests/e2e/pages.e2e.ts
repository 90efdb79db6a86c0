// The extension's own pages in real Chromium: popup, options, dashboard; live records across pages;
// the UI language override; calendar sign-in through the sandbox and the popup agenda.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
});

describe('extension pages', () => {
  it('popup, options and dashboard render', async () => {
    const popup = await s.openExtensionPage('popup.html');
    // Quick add loads right after the agenda's first paint (its own chunk).
    await popup.getByRole('button', { name: 'Add task' }).waitFor();
    await expect(popup.getByRole('heading', { name: 'Today', exact: true }).count()).resolves.toBeGreaterThan(
      0,
    );
    await expect(popup.getByRole('button', { name: 'Add task' }).count()).resolves.toBe(1);
    const options = await s.openExtensionPage('options.html');
    await options.getByText('Interface language').waitFor();
    const dashboard = await s.openExtensionPage('dashboard.html');
    await dashboard.getByRole('link', { name: 'Complaints' }).waitFor();
    for (const p of [popup, options, dashboard]) await p.close();
  });

  it('a task added in the popup shows up live in the open dashboard', async () => {
    const dashboard = await s.openExtensionPage('dashboard.html#/tasks');
    await dashboard.getByRole('button', { name: 'Upcoming', exact: true }).click();
    const popup = await s.openExtensionPage('popup.html');
    await popup.getByRole('textbox', { name: 'Task' }).fill('llamar al proveedor mañana 10:00');
    await popup.getByRole('button', { name: 'Add task' }).click();
    const item = dashboard.getByTestId('all-tasks').getByText('llamar al proveedor', { exact: true });
    await item.waitFor();
    expect(await item.count()).toBe(1);
    await popup.close();
    await dashboard.close();
  });

  it('follows the language override in options', async () => {
    const options = await s.openExtensionPage('options.html');
    await options.getByRole('combobox', { name: 'Interface language' }).selectOption('es');
    await options.getByText('Idioma de la interfaz').waitFor();
    const popup = await s.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Añadir tarea' }).waitFor();
    await options.getByRole('combobox', { name: 'Idioma de la interfaz' }).selectOption('en');
    await popup.getByRole('button', { name: 'Add task' }).waitFor();
    await options.close();
    await popup.close();
  });
});

describe('calendar accounts and the agenda', () => {
  it('connects Google and Microsoft through their sign-in flows', async () => {
    const options = await s.openExtensionPage('options.html#accounts');
    for (const [testId, name] of [
      ['account-google', 'Connect Google Calendar'],
      ['account-microsoft', 'Connect Microsoft 365 / Outlook.com'],
    ] as const) {
      await options.getByRole('button', { name }).click();
      await options
        .getByTestId(testId)
        .getByRole('button', { name: 'Sign out' })
        .waitFor({ timeout: 20_000 });
    }
    const state = await (await fetch(`${s.sandbox}/__sandbox/state`)).json();
    expect(state.tokens.issued).toBeGreaterThanOrEqual(2);
    // Each row says which account it is (the primary calendar's owner).
    await options.getByTestId('account-google').getByText('maria.lopez@demo-ferreteria.es').waitFor();
    await options
      .getByTestId('account-microsoft')
      .getByText(/maria\.lopez@\S+\.onmicrosoft\.com/)
      .waitFor();
    await options.close();
  });

  it('shows both providers merged in order, with the cross-calendar conflict flagged', async () => {
    const popup = await s.openExtensionPage('popup.html');
    // The popup refreshes on open; wait for that refresh to end.
    await popup.getByRole('button', { name: 'Refresh', exact: true }).waitFor({ timeout: 20_000 });
    // Today is open, the coming days folded: unfold them to read the whole agenda.
    await popup.getByTestId('agenda-later').locator('summary').click();
    await popup.getByTestId('agenda-event').first().waitFor();
    const text = await popup.getByTestId('agenda').innerText();
    expect(text).toContain('Google');
    expect(text).toContain('Microsoft');
    // "Visita técnica" (Google) and "Comité de compras" (Microsoft) overlap on the first working day.
    const conflicting = popup.locator('[data-testid="agenda-event"][data-conflict="true"]');
    expect(await conflicting.count()).toBeGreaterThanOrEqual(2);
    const conflictText = await conflicting.allInnerTexts();
    expect(conflictText.some((t) => t.includes('Visita técnica'))).toBe(true);
    expect(conflictText.some((t) => t.includes('Comité de compras'))).toBe(true);
    // In order: each day's times never go backwards.
    for (const day of await popup.getByTestId('agenda-day').all()) {
      const starts = await day
        .getByTestId('agenda-event')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-start'))));
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    }
    await popup.close();
  });

  it('paints from the cache when the calendars are unreachable, and says so', async () => {
    await fetch(`${s.sandbox}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '^/(google|graph)/', status: 503, times: 100 }),
    });
    try {
      const popup = await s.openExtensionPage('popup.html');
      await popup.getByTestId('agenda-event').first().waitFor({ state: 'attached' }); // may be folded
      await popup.getByTestId('cache-age').waitFor({ timeout: 20_000 });
      expect(await popup.getByRole('alert').count()).toBeGreaterThan(0);
      await popup.close();
    } finally {
      await fetch(`${s.sandbox}/__sandbox/faults`, { method: 'DELETE' });
    }
  });
});
