// A booking whose service worker is stopped mid-request (while the calendar is still answering):
// the outbox row survives in IndexedDB, the next worker takes it over when its lease runs out, and
// the calendar ends with exactly one event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, withDb, type ExtensionSession } from './harness';
import { SEED_THREADS, gmailDemoPath } from '../../sandbox/seed/threads';
// The sandbox build's lease (this test process is not a sandbox build, so LEASE_MS here would be
// production's minute).
import { SANDBOX_LEASE_MS as LEASE_MS } from '../../services/outbox/outbox';

const t = SEED_THREADS.find((x) => x.key === 'meeting-en')!;
let s: ExtensionSession;

beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
});

describe('service worker stopped mid-booking', () => {
  it('still ends with exactly one event', { timeout: LEASE_MS + 90_000 }, async () => {
    const options = await s.openExtensionPage('options.html#accounts');
    await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await options
      .getByTestId('account-google')
      .getByRole('button', { name: 'Sign out' })
      .waitFor({ timeout: 20_000 });
    await options.close();

    const mail = await s.context.newPage();
    await mail.goto(`${s.sandbox}${gmailDemoPath(t)}`);
    const panel = await s.openExtensionPage(`sidepanel.html?tabId=${await s.tabIdOf(mail)}`);
    await panel.getByRole('button', { name: 'Find free times' }).click();
    const first = panel.getByTestId('slots').locator('li').first();
    await first.waitFor({ timeout: 20_000 });
    const slotStart = Number(await first.getAttribute('data-start'));

    // The calendar takes 4 s to answer the insert; the worker is gone before it does.
    await fetch(`${s.sandbox}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'POST', path: '/calendars/.*/events$', delayMs: 4000, times: 1 }),
    });
    await first.getByRole('button', { name: 'Book' }).click();
    await panel.getByTestId('booking-status').getByText('Booking…').waitFor();
    await panel.waitForTimeout(1000);
    // Stop the service worker the way Chrome does when it idles it out: its target goes away.
    const cdp = await s.context.newCDPSession(panel);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find((x) => x.type === 'service_worker' && x.url.includes(s.extensionId));
    expect(worker).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });

    // Watch the outbox row until the next worker has finished it. The page's message wakes the
    // worker, as the next click in the side panel would.
    const page = await s.openExtensionPage('dashboard.html');
    const status = await withDb(
      page,
      ['outbox'],
      async (db, deadline) => {
        const chrome = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome;
        await chrome.runtime.sendMessage({ type: 'outbox:kick', data: {} }).catch(() => undefined);
        for (;;) {
          const rows: { kind: string; status: string }[] = await new Promise((r) => {
            const q = db.transaction('outbox').objectStore('outbox').getAll();
            q.onsuccess = () => r(q.result);
          });
          const booking = rows.find((row) => row.kind === 'calendar:create');
          if (booking?.status === 'done' || booking?.status === 'failed' || Date.now() > deadline)
            return booking?.status;
          await new Promise((r) => setTimeout(r, 500));
        }
      },
      Date.now() + LEASE_MS + 60_000,
    );
    expect(status).toBe('done');

    const state = await (await fetch(`${s.sandbox}/__sandbox/state`)).json();
    const events = (
      state.events as {
        provider: string;
        calendarId: string;
        start: string;
        summary?: string;
        status: string;
      }[]
    ).filter(
      (e) =>
        e.provider === 'google' &&
        e.calendarId === 'maria.lopez@demo-ferreteria.es' &&
        e.summary === t.subject &&
        Date.parse(e.start) === slotStart &&
        e.status !== 'cancelled',
    );
    expect(events).toHaveLength(1);
    // Two inserts reached the calendar (the lost one and the retry); the second found the first.
    expect(state.requests['POST /google/calendar/v3/calendars/{calendarId}/events']).toBe(2);
  });
});
