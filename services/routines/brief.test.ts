import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../db/db';
import { addTask } from '../db/tasks';
import { saveProfile } from '../profile';
import { setLocale } from '../i18n';
import { makeComplaint } from '../complaints/test-helpers';
import type { AgendaEvent } from '../calendar/types';
import { ensureBuiltInChecklists, startRun } from './checklists';
import {
  BRIEF_ALARM,
  briefComposeLinks,
  briefMailto,
  briefSettings,
  briefSummary,
  briefText,
  buildBrief,
  fireBrief,
  isEmptyBrief,
  nextBriefAt,
  scheduleBrief,
} from './brief';

// The morning brief from seeded records, in the business's zone (Europe/Madrid), on Tuesday
// 24 November 2026 at 8:30.
const MADRID = 'Europe/Madrid';
const ms = (iso: string) => DateTime.fromISO(iso, { zone: MADRID }).toMillis();
const NOW = ms('2026-11-24T08:30');

const meeting = (title: string, startIso: string): AgendaEvent => ({
  id: title,
  provider: 'google',
  calendarId: 'primary',
  title,
  start: startIso,
  end: startIso,
  startMs: ms(startIso),
  endMs: ms(startIso) + 3_600_000,
  allDay: false,
  timeZone: MADRID,
  attendeeCount: 2,
  attendees: [],
  myResponse: title === 'Declined' ? 'declined' : 'accepted',
  status: 'confirmed',
  showAs: 'busy',
});

const invoices = {
  dueBy: async (day: string) =>
    day === '2026-11-24'
      ? [
          {
            id: 'i1',
            supplier: 'Frutas García',
            number: 'F-101',
            total: 12_550,
            currency: 'EUR',
            dueDate: '2026-11-24',
          },
        ]
      : [],
};

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
  await saveProfile({ timeZone: MADRID });
});

async function seed() {
  await db.complaints.bulkAdd([
    makeComplaint({
      id: 'breached',
      threadKey: 'gmail:a',
      subject: 'Broken order',
      dueAt: ms('2026-11-23T18:00'),
      createdAt: ms('2026-11-23T09:00'),
      status: 'in_progress',
    }),
    makeComplaint({
      id: 'risk',
      threadKey: 'gmail:b',
      subject: 'Late delivery',
      dueAt: ms('2026-11-24T09:00'),
      createdAt: ms('2026-11-23T09:00'),
      status: 'in_progress',
    }),
    makeComplaint({
      id: 'fine',
      threadKey: 'gmail:c',
      subject: 'Question',
      dueAt: ms('2026-11-30T09:00'),
      createdAt: ms('2026-11-24T08:00'),
    }),
    makeComplaint({
      id: 'waiting',
      threadKey: 'gmail:d',
      customerName: 'Ana <b>Ruiz</b>',
      subject: 'No reply yet',
      status: 'new',
      createdAt: ms('2026-11-22T10:00'),
      dueAt: ms('2026-11-30T10:00'),
    }),
  ]);
  await addTask({ title: 'Call the plumber', dueAt: ms('2026-11-24T11:00') });
  await addTask({ title: 'Overdue invoice check', dueAt: ms('2026-11-20T11:00') });
  await addTask({ title: 'Next week', dueAt: ms('2026-12-01T11:00') });
  await ensureBuiltInChecklists(MADRID, NOW);
  await startRun('builtin-opening', ms('2026-11-24T09:00'), NOW);
}

describe('morning brief', () => {
  it('has each kind of item from the records', async () => {
    await seed();
    const brief = await buildBrief(NOW, {
      invoices,
      meetings: async () => [
        meeting('Supplier visit', '2026-11-24T10:00'),
        meeting('Tomorrow', '2026-11-25T10:00'),
      ],
    });
    expect(brief.meetings.map((m) => m.title)).toEqual(['Supplier visit']);
    expect(brief.complaints.map((c) => [c.complaint.id, c.state])).toEqual([
      ['breached', 'breached'],
      ['risk', 'due_soon'],
    ]);
    expect(brief.tasks.map((t) => t.title)).toEqual(['Overdue invoice check', 'Call the plumber']);
    expect(brief.checklistItems).toHaveLength(4);
    expect(brief.invoices!.map((i) => i.number)).toEqual(['F-101']);
    expect(brief.waiting.map((w) => w.complaint.id)).toEqual(['waiting']);
    expect(briefSummary(brief)).toBe(
      '1 meeting · 2 complaints at risk · 2 tasks due · 4 checklist items · 1 invoice due · 1 customer waiting',
    );
    const text = briefText(brief);
    expect(text).toContain("Today's meetings (1)");
    expect(text).toContain('Breached: Lucía Pérez — Broken order');
    // Mail text stays text: the customer's "<b>" is not markup anywhere, just characters.
    expect(text).toContain('Ana <b>Ruiz</b> — No reply yet');
    expect(briefMailto(brief, 'boss@example.com')).toMatch(
      /^mailto:boss%40example\.com\?subject=Morning%20brief%202026-11-24&body=/,
    );
    // A new message in the web mail: the compose page filled in, nothing sent.
    const links = briefComposeLinks(brief, 'boss@example.com');
    const gmail = new URL(links.gmail);
    expect(`${gmail.origin}${gmail.pathname}`).toBe('https://mail.google.com/mail/');
    expect(gmail.searchParams.get('view')).toBe('cm');
    expect(gmail.searchParams.get('to')).toBe('boss@example.com');
    expect(gmail.searchParams.get('su')).toBe('Morning brief 2026-11-24');
    expect(gmail.searchParams.get('body')).toBe(text.slice(0, 1800));
    for (const [link, origin] of [
      [links.outlook, 'https://outlook.office.com'],
      [links.outlookPersonal, 'https://outlook.live.com'],
    ] as const) {
      const url = new URL(link);
      expect(url.origin).toBe(origin);
      expect(url.pathname).toMatch(/\/mail\/(0\/)?deeplink\/compose$/);
      expect(url.searchParams.get('subject')).toBe('Morning brief 2026-11-24');
      expect(url.searchParams.get('body')).toBe(text.slice(0, 1800));
      expect(url.search).not.toContain('+');
    }
  });

  it('a brief with nothing in it says so; no ledger means no invoice section', async () => {
    const brief = await buildBrief(NOW, { invoices: null, meetings: async () => [] });
    expect(isEmptyBrief(brief)).toBe(true);
    expect(brief.invoices).toBeNull();
    expect(briefSummary(brief)).toMatch(/^Nothing needs you/);
    expect(briefText(brief)).toContain('Nothing needs you');
  });

  it('is due at the set time in the business zone, across the DST change', () => {
    expect(new Date(nextBriefAt(ms('2026-03-28T09:00'), '08:30', MADRID)).toISOString()).toBe(
      '2026-03-29T06:30:00.000Z',
    );
    expect(new Date(nextBriefAt(ms('2026-03-27T07:00'), '08:30', MADRID)).toISOString()).toBe(
      '2026-03-27T07:30:00.000Z',
    );
  });

  it('the alarm is created when missing or changed, left alone otherwise; one notification a day', async () => {
    await scheduleBrief(NOW);
    const first = await fakeBrowser.alarms.get(BRIEF_ALARM);
    expect(first!.scheduledTime).toBe(ms('2026-11-25T08:30'));
    await scheduleBrief(NOW + 60_000);
    expect((await fakeBrowser.alarms.get(BRIEF_ALARM))!.scheduledTime).toBe(first!.scheduledTime);
    await briefSettings.setValue({ enabled: true, time: '07:15', waitingHours: 24 });
    await scheduleBrief(NOW);
    expect((await fakeBrowser.alarms.get(BRIEF_ALARM))!.scheduledTime).toBe(ms('2026-11-25T07:15'));
    await briefSettings.setValue({ enabled: false, time: '07:15', waitingHours: 24 });
    await scheduleBrief(NOW);
    expect(await fakeBrowser.alarms.get(BRIEF_ALARM)).toBeUndefined();

    // Before today's time (a missed alarm fired at start-up): nothing yet.
    expect(await fireBrief(ms('2026-11-24T07:00'))).toBe(false);
    expect(await fireBrief(NOW)).toBe(true);
    expect(await fireBrief(NOW + 3_600_000)).toBe(false);
    expect(await fireBrief(ms('2026-11-25T08:30'))).toBe(true);
  });
});
