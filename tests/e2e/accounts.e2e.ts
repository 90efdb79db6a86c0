// Real-account behaviour end to end, in real Chromium against the strict sandbox: a Madrid business
// books on Google and on Microsoft across the March daylight-saving change (Graph only takes Windows
// zone names, so this fails if Europe/Madrid is sent as is); a personal Microsoft account (no
// getSchedule) schedules from its own busy time; a Meet link made asynchronously reaches the
// confirmation. The side panel runs on a fake clock set to the Friday before the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectAccounts, launchExtension, setBookingCalendar, type ExtensionSession } from './harness';
import { SEED_THREADS, gmailDemoPath, outlookDemoPath } from '../../sandbox/seed/threads';

// Friday 27 March 2026, 19:00 in Madrid (UTC+1): the working week is over, so every slot offered
// is on or after Monday 30 March, when Madrid is on UTC+2 (the change is on Sunday 29 at 02:00).
const FRIDAY_EVENING = '2026-03-27T18:00:00Z';
const DST_CHANGE = Date.parse('2026-03-29T01:00:00Z');
const MADRID = 'Europe/Madrid';
const NEW_YORK = 'America/New_York'; // already on UTC-4 since 8 March
const MS_MANAGER = 'maria.lopez@demoferreteria.onmicrosoft.com';
const GOOGLE_MANAGER = 'maria.lopez@demo-ferreteria.es';

const thread = SEED_THREADS.find((t) => t.key === 'meeting-es')!;
let s: ExtensionSession;
let opened = 0;

beforeAll(async () => {
  s = await launchExtension();
  await admin('reset', { now: FRIDAY_EVENING });
  await connectBoth();
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

const connectBoth = () => connectAccounts(s, ['google', 'microsoft']);

/** Books into `provider`'s calendar from now on (what Options → Profile sets). */
function bookInto(provider: 'google' | 'microsoft'): Promise<void> {
  const manager = provider === 'google' ? GOOGLE_MANAGER : MS_MANAGER;
  return setBookingCalendar(s, manager, {
    provider,
    calendarId: provider === 'google' ? manager : 'primary',
  });
}

/** The thread in its mail site and the side panel bound to it, the panel on the fake clock. */
async function openPanel(
  provider: 'google' | 'microsoft',
  time = FRIDAY_EVENING,
  from = thread,
): Promise<{ mail: Page; panel: Page }> {
  const mail = await s.context.newPage();
  const path = provider === 'google' ? gmailDemoPath(from) : outlookDemoPath(from);
  const [before, hash = ''] = path.split('#');
  const url = new URL(`${s.sandbox}${before}`);
  url.searchParams.set('e2e', String(++opened));
  await mail.goto(`${url}${hash ? `#${hash}` : ''}`);
  const tabId = await s.tabIdOf(mail);
  const panel = await s.context.newPage();
  await panel.clock.install({ time: new Date(time) });
  await panel.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId('thread-subject').waitFor();
  await panel.getByTestId('scheduler').waitFor();
  return { mail, panel };
}

interface SnapshotEvent {
  provider: string;
  calendarId: string;
  owner: string;
  id: string;
  start: string;
  end: string;
  status: string;
  showAs: string;
  summary?: string | null;
  subject?: string | null;
  onlineMeetingUrl: string | null;
}
interface Snapshot {
  events: SnapshotEvent[];
  google: { calendars: { id: string; events: { id?: string; description?: string }[] }[] };
  microsoft: {
    users: { mail: string; calendars: { events: { id?: string; body?: { content?: string } }[] }[] }[];
  };
}
const snapshot = async () => (await (await fetch(`${s.sandbox}/__sandbox/state`)).json()) as Snapshot;

/** "16:00": the 24-hour time, as the confirmation reply writes it. */
const hourIn = (ms: number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    hourCycle: 'h23',
  }).format(ms);
/** "9:45": the start of a slot label as the panel shows it in English (12-hour clock). */
const labelTime = (ms: number, zone: string) =>
  new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit', timeZone: zone })
    .format(ms)
    .split(/\s/)[0]!;

/** Free times offered in the panel, as instants. */
async function slotStarts(panel: Page): Promise<number[]> {
  // A thread booked earlier in this file folds its other times behind "Other times (n)": open it.
  const folded = panel.getByTestId('other-times');
  await panel.getByTestId('slots').or(folded).first().waitFor({ timeout: 20_000 });
  if ((await folded.count()) > 0 && !(await folded.evaluate((d) => (d as HTMLDetailsElement).open)))
    await folded.locator('summary').click();
  const items = panel.getByTestId('slots').locator('li');
  await items.first().waitFor({ timeout: 20_000 });
  return (await items.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-start'))))).filter(
    Number.isFinite,
  );
}

describe('a Madrid business across the March daylight-saving change', () => {
  for (const provider of ['google', 'microsoft'] as const) {
    it(`reads free/busy and books on ${provider}: the instant right in Madrid and New York`, async () => {
      await bookInto(provider);
      const { mail, panel } = await openPanel(provider);
      await panel.getByLabel("Customer's time zone").selectOption(NEW_YORK);
      const invitation = `Ferretería López — cita para el presupuesto (${provider})`;
      await panel.getByTestId('invitation-text').fill(invitation);
      await panel.getByRole('button', { name: 'Find free times' }).click();
      const starts = await slotStarts(panel);

      // Read across the change: every slot is after it and none overlaps the manager's busy time.
      const owner = provider === 'google' ? GOOGLE_MANAGER : MS_MANAGER;
      const busy = (await snapshot()).events.filter(
        (e) => e.owner === owner && e.status !== 'cancelled' && e.showAs !== 'free',
      );
      for (const start of starts) {
        expect(start).toBeGreaterThan(DST_CHANGE);
        for (const e of busy) {
          const overlaps = start < Date.parse(e.end) && Date.parse(e.start) < start + 30 * 60_000;
          expect(overlaps, `${new Date(start).toISOString()} overlaps ${e.summary ?? e.subject}`).toBe(false);
        }
      }

      const first = panel.getByTestId('slots').locator('li').first();
      const slotStart = Number(await first.getAttribute('data-start'));
      // The label is Madrid summer time (UTC+2) and the customer's line New York time (UTC-4).
      const label = await first.innerText();
      expect(new Date(slotStart).getUTCHours()).toBe(Number(hourIn(slotStart, MADRID).slice(0, 2)) - 2);
      expect(label).toContain('GMT+2');
      expect(label).toContain('EDT');
      expect(label).toContain(labelTime(slotStart, MADRID));
      expect(label).toContain(labelTime(slotStart, NEW_YORK));
      await first.getByRole('button', { name: 'Book' }).click();
      await panel.getByTestId('booking-status').getByText('Booked').waitFor({ timeout: 30_000 });

      const state = await snapshot();
      const booked = state.events.filter(
        (e) =>
          e.provider === provider &&
          e.owner === owner &&
          (e.summary ?? e.subject) === thread.subject &&
          e.status !== 'cancelled',
      );
      expect(booked).toHaveLength(1);
      expect(Date.parse(booked[0]!.start)).toBe(slotStart);
      // The invitation carries the text shown in the form, not the customer's own sentences.
      const text =
        provider === 'google'
          ? state.google.calendars.flatMap((c) => c.events).find((e) => e.id === booked[0]!.id)?.description
          : state.microsoft.users
              .flatMap((u) => u.calendars.flatMap((c) => c.events))
              .find((e) => e.id === booked[0]!.id)?.body?.content;
      expect(text?.startsWith(invitation)).toBe(true);
      expect(text).not.toContain('Estamos preparando la reforma');

      // The confirmation gives the customer the New York time.
      await panel.getByRole('button', { name: 'Confirmation reply' }).click();
      await expect
        .poll(() => panel.getByTestId('draft-text').inputValue())
        .toContain(hourIn(slotStart, NEW_YORK));
      await panel.close();
      await mail.close();
    });
  }
});

describe('a personal Microsoft account (Outlook.com)', () => {
  it('schedules around its own busy time; colleagues show as unknown with the reason', async () => {
    // The sign-in stays; the account now answers as Outlook.com does.
    await admin('config', { microsoftAccount: 'personal' });
    await bookInto('microsoft');
    const { mail, panel } = await openPanel('microsoft');
    await panel.getByRole('checkbox', { name: /Ana García/ }).check();
    await panel.getByRole('button', { name: 'Find free times' }).click();
    const starts = await slotStarts(panel);
    await panel
      .getByTestId('freebusy-personal')
      .getByText(/ana\.garcia@/)
      .waitFor();
    expect(await panel.getByText(/Reconnect/i).count()).toBe(0);
    const own = (await snapshot()).events.filter(
      (e) => e.owner === MS_MANAGER && e.status !== 'cancelled' && e.showAs !== 'free',
    );
    expect(own.length).toBeGreaterThan(0);
    for (const start of starts) {
      for (const e of own) {
        expect(start < Date.parse(e.end) && Date.parse(e.start) < start + 30 * 60_000).toBe(false);
      }
    }
    await panel.close();
    await mail.close();
  });
});

describe('a Meet link Google makes asynchronously', () => {
  it('reaches the booking and the confirmation reply', async () => {
    await admin('config', { conferences: 'pending' });
    await bookInto('google');
    // The English meeting request: a thread with no booking yet.
    const english = SEED_THREADS.find((t) => t.key === 'meeting-en')!;
    const { mail, panel } = await openPanel('google', FRIDAY_EVENING, english);
    await panel.getByRole('button', { name: 'Find free times' }).click();
    const [slotStart] = await slotStarts(panel);
    await panel.getByTestId('slots').locator('li').first().getByRole('button', { name: 'Book' }).click();
    const row = panel.getByTestId('booking');
    await row.getByTestId('booking-status').getByText('Booked').waitFor({ timeout: 30_000 });
    // The link is looked up again with backoff, then shown; the confirmation carries it.
    const link = row.getByRole('link', { name: /meet\.google\.com/ });
    await link.waitFor({ timeout: 30_000 });
    const url = await link.getAttribute('href');
    expect(url).toMatch(/^https:\/\/meet\.google\.com\//);
    const booked = (await snapshot()).events.filter(
      (e) => e.provider === 'google' && e.summary === english.subject && Date.parse(e.start) === slotStart,
    );
    expect(booked).toHaveLength(1);
    expect(booked[0]?.onlineMeetingUrl).toBe(url);
    await row.getByRole('button', { name: 'Confirmation reply' }).click();
    await expect.poll(() => panel.getByTestId('draft-text').inputValue()).toContain(url!);
    await panel.close();
    await mail.close();
  });
});

describe('Google sign-in with a permission left unticked (granular consent)', () => {
  it('says right away which permission is missing', async () => {
    await admin('config', { googleGrants: ['calendar.freebusy', 'calendar.calendarlist.readonly'] });
    const options = await s.openExtensionPage('options.html#accounts');
    const google = options.getByTestId('account-google');
    await google.getByRole('button').first().waitFor();
    if (await google.getByRole('button', { name: 'Sign out' }).count()) {
      await google.getByRole('button', { name: 'Sign out' }).click();
    }
    await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await options
      .getByText('these permissions were not granted: calendar.events')
      .waitFor({ timeout: 20_000 });
    await admin('config', { googleGrants: null });
    await options.close();
  });
});
