// Issue 13, in real Chromium against the strict sandbox: a Microsoft session crossing its 24 h cliff.
// Refresh tokens issued to a single-page-app redirect end 24 h after sign-in (AADSTS700084); the
// sandbox clock (POST /__sandbox/clock) moves the sign-in service a day ahead while the extension
// keeps the real time, so nothing in the extension is faked: its cached access token still looks
// fresh to it, Graph refuses it (401), the refresh token is refused (invalid_grant), and the only
// way on is a silent authorization (prompt=none, launchWebAuthFlow with interactive:false) riding on
// the browser's Microsoft sign-in cookie from the first Connect. A booking queued at that moment
// must reach the calendar exactly once, without the user being asked anything. And when the browser's
// Microsoft sign-in is gone too (login_required), the account says "reconnect" and the booking waits
// until the user reconnects, then goes once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectAccounts, launchExtension, setBookingCalendar, type ExtensionSession } from './harness';
import { SEED_THREADS, outlookDemoPath } from '../../sandbox/seed/threads';

// Friday 13 March 2026, 19:00 in Madrid: every slot offered is in the next working week.
const FRIDAY_EVENING = '2026-03-13T18:00:00Z';
const MS_MANAGER = 'maria.lopez@demoferreteria.onmicrosoft.com';
const DAY = 24 * 3_600_000;

const thread = SEED_THREADS.find((t) => t.key === 'meeting-es')!;
let s: ExtensionSession;
let opened = 0;

beforeAll(async () => {
  s = await launchExtension();
  await admin('reset', { now: FRIDAY_EVENING });
});
afterAll(async () => {
  await s?.close();
});

async function admin(path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${s.sandbox}/__sandbox/${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBe(200);
}

interface Snapshot {
  events: { provider: string; owner: string; subject?: string | null; start: string; status: string }[];
  log: { method: string; path: string; search: string }[];
  requests: Record<string, number>;
}
const snapshot = async () => (await (await fetch(`${s.sandbox}/__sandbox/state`)).json()) as Snapshot;

/** The Microsoft authorizations the sandbox saw, by their `prompt`. */
const prompts = async () =>
  (await snapshot()).log
    .filter((e) => e.method === 'GET' && e.path === '/oauth/microsoft/authorize')
    .map((e) => new URLSearchParams(e.search).get('prompt'));

const connectMicrosoft = () => connectAccounts(s, ['microsoft']);

/** Books into the manager's Microsoft calendar from now on (what Options → Profile sets). */
const bookIntoMicrosoft = () =>
  setBookingCalendar(s, MS_MANAGER, { provider: 'microsoft', calendarId: 'primary' });

/** The Outlook thread and the side panel bound to it, the panel on a fixed clock. */
async function openPanel(from = thread): Promise<{ mail: Page; panel: Page }> {
  const mail = await s.context.newPage();
  const [before, hash = ''] = outlookDemoPath(from).split('#');
  const url = new URL(`${s.sandbox}${before}`);
  url.searchParams.set('e2e', String(++opened));
  await mail.goto(`${url}${hash ? `#${hash}` : ''}`);
  const tabId = await tabOf(mail);
  const panel = await s.context.newPage();
  await panel.clock.install({ time: new Date(FRIDAY_EVENING) });
  await panel.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId('thread-subject').waitFor();
  await panel.getByTestId('scheduler').waitFor();
  return { mail, panel };
}

/**
 * The browser's tab id of a mail page. Chrome may spell the URL's escapes differently from what
 * Playwright reports (the Outlook item ids carry `%2B`, `%3D`), so both are compared decoded.
 */
async function tabOf(page: Page): Promise<number> {
  const id = await s.worker.evaluate(async (u) => {
    type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
    const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
    const plain = (url: string) => decodeURIComponent(url);
    return tabs.find((t) => t.url && plain(t.url) === plain(u))?.id ?? null;
  }, page.url());
  if (id === null) throw new Error(`No tab found for ${page.url()}`);
  return id;
}

/** What the extension keeps of its Microsoft session (chrome.storage.local, as WXT stores it). */
const storedSession = () =>
  s.worker.evaluate(async () => {
    type Local = { get(keys: string[]): Promise<Record<string, unknown>> };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const got = await local.get(['refresh:microsoft:ends', 'auth:reconnectNeeded']);
    return {
      ends: got['refresh:microsoft:ends'] as number | null | undefined,
      reconnect: got['auth:reconnectNeeded'] as Record<string, unknown> | undefined,
    };
  });

describe('a Microsoft session crossing the 24 h cliff in Chromium', () => {
  it('renews silently (prompt=none) and the booking queued meanwhile goes out once', async () => {
    await connectMicrosoft();
    expect(await prompts()).toEqual(['select_account']);
    const before = await storedSession();
    expect(before.ends).toBeGreaterThan(Date.now() + DAY - 3_600_000);
    await bookIntoMicrosoft();

    const { mail, panel } = await openPanel();
    await panel.getByText('Books into Microsoft 365').waitFor();
    await panel.getByRole('button', { name: 'Find free times' }).click();
    const first = panel.getByTestId('slots').locator('li').first();
    await first.waitFor({ timeout: 20_000 });
    const slotStart = Number(await first.getAttribute('data-start'));

    // A day and ten minutes pass for Microsoft: the session's refresh tokens are over, and the
    // access token the extension holds (fresh by its own clock) is refused. The booking is queued now.
    await admin('clock', { offsetMs: DAY + 10 * 60_000 });
    await first.getByRole('button', { name: 'Book' }).click();
    await panel.getByTestId('booking-status').getByText('Booked').waitFor({ timeout: 45_000 });

    // The way through was a silent authorization, never a window for the user.
    expect(await prompts()).toEqual(['select_account', 'none']);
    const state = await snapshot();
    expect(state.requests['POST /oauth/microsoft/token']).toBeGreaterThanOrEqual(3);
    const booked = state.events.filter(
      (e) =>
        e.provider === 'microsoft' &&
        e.owner === MS_MANAGER &&
        e.subject === thread.subject &&
        e.status !== 'cancelled',
    );
    expect(booked).toHaveLength(1);
    expect(Date.parse(booked[0]!.start)).toBe(slotStart);

    // A new 24 h session started with the silent authorization; nothing asks to reconnect.
    const after = await storedSession();
    expect(after.ends).toBeGreaterThan(before.ends!);
    expect(after.reconnect?.microsoft ?? null).toBeNull();
    expect(await panel.getByText(/Reconnect/i).count()).toBe(0);
    await panel.close();
    await mail.close();
  });

  it('with the browser sign-in gone too, asks to reconnect; the booking waits, then goes once', async () => {
    const english = SEED_THREADS.find((t) => t.key === 'meeting-en')!;
    const { mail, panel } = await openPanel(english);
    await panel.getByRole('button', { name: 'Find free times' }).click();
    const first = panel.getByTestId('slots').locator('li').first();
    await first.waitFor({ timeout: 20_000 });
    const slotStart = Number(await first.getAttribute('data-start'));
    const ours = async () =>
      (await snapshot()).events.filter(
        (e) => e.provider === 'microsoft' && e.subject === english.subject && e.status !== 'cancelled',
      );

    // The user signed out of Microsoft in the browser, and another day passes for Microsoft.
    await admin('config', { microsoftSession: 'end' });
    await admin('clock', { offsetMs: 2 * DAY + 30 * 60_000 });
    const asked = (await prompts()).length;
    await first.getByRole('button', { name: 'Book' }).click();
    const row = panel.getByTestId('booking');
    await row
      .getByTestId('booking-error')
      .getByText(/sign-in has expired/)
      .waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-status')).toBe('pending');
    const silent = (await prompts()).slice(asked);
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.every((p) => p === 'none')).toBe(true);
    expect(await ours()).toHaveLength(0);

    // Options says so, with the provider's reason; Reconnect signs in and the booking goes out.
    const options = await s.openExtensionPage('options.html#accounts');
    const account = options.getByTestId('account-microsoft');
    await options
      .getByTestId('account-microsoft-reconnect')
      .getByText(/login_required/)
      .waitFor();
    await account.getByRole('button', { name: 'Reconnect' }).click();
    await options.getByTestId('account-microsoft-reconnect').waitFor({ state: 'detached', timeout: 20_000 });
    await row.getByTestId('booking-status').getByText('Booked').waitFor({ timeout: 30_000 });
    const booked = await ours();
    expect(booked).toHaveLength(1);
    expect(Date.parse(booked[0]!.start)).toBe(slotStart);
    expect((await prompts()).at(-1)).toBe('select_account');
    await options.close();
    await panel.close();
    await mail.close();
  });
});
