import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { analyseThread } from '../assistant/analyse';
import { message, thread } from '../assistant/testing-fixtures';
import type { BusyResult, CalendarProvider } from '../calendar/types';
import { defaultProfile } from '../profile';
import { customerZone } from './customer-zone';
import { searchSlots } from './plan';

// Tom writes on Monday 30 November 2026 from London: "next Tuesday 3pm or Wednesday morning".
const snapshot = thread([
  message({
    id: 'tom',
    from: { name: 'Tom Baker', email: 'tom.baker@bakerandsons.com' },
    date: '2026-11-30T08:30:00+00:00',
    text: 'Hi,\n\nCould we meet next Tuesday 3pm or Wednesday morning to review the winter stock order? We are in London, so UK time please. A video call is fine.\n\nThanks,\nTom',
  }),
]);
const now = Date.parse('2026-11-30T09:00:00Z');
const analysis = analyseThread(snapshot, now, { timeZone: 'Europe/Madrid' });
const profile = { ...defaultProfile(), timeZone: 'Europe/Madrid', managerEmail: 'maria@example.com' };
const madrid = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toMillis();

function provider(busy: { start: number; end: number }[]): CalendarProvider {
  return {
    busy: async () =>
      new Map([['maria@example.com', busy.map((b) => ({ ...b, status: 'busy' as const }))]]) as BusyResult,
  } as unknown as CalendarProvider;
}

async function search(busy: { start: number; end: number }[]) {
  return searchSlots({
    provider: provider(busy),
    target: { provider: 'google', calendarId: 'primary', availabilityId: 'maria@example.com' },
    staff: [],
    analysis,
    profile,
    durationMin: 30,
    customerZone: customerZone(snapshot, profile.timeZone).zone,
    locale: 'en',
    snapshot,
    now,
  });
}

describe('searchSlots from what the customer said', () => {
  it('offers Wednesday morning in UK time, in time order, labelled by what the customer asked', async () => {
    const { slots, proposals } = await search([]);
    expect(slots.map((s) => s.start)).toEqual([...slots.map((s) => s.start)].sort((a, b) => a - b));
    const asked = slots.filter((s) => s.proposalMatch <= 1);
    expect(asked.length).toBeGreaterThan(1);
    for (const s of asked.filter((x) => x.proposalIndex === 1)) {
      const london = DateTime.fromMillis(s.start, { zone: 'Europe/London' });
      expect(london.weekday).toBe(3);
      expect(london.hour).toBeGreaterThanOrEqual(9);
      expect(
        DateTime.fromMillis(s.end, { zone: 'Europe/London' }).hour * 60 +
          DateTime.fromMillis(s.end, { zone: 'Europe/London' }).minute,
      ).toBeLessThanOrEqual(12 * 60);
      expect(s.customer.timeZone).toBe('Europe/London');
    }
    // Tuesday 3pm is London's 3pm (16:00 in Madrid), offered as proposed.
    const tuesday = slots.find((s) => s.proposalMatch === 0)!;
    expect(tuesday.start).toBe(madrid('2026-12-08T16:00'));
    // Slots on neither proposal are not labelled as the customer's.
    expect(slots.filter((s) => s.proposalMatch === 4).every((s) => s.proposalIndex === undefined)).toBe(true);
    expect(proposals.map((p) => [p.proposal.text, p.proposal.kind, p.unavailable])).toEqual([
      ['next Tuesday 3pm', 'exact', undefined],
      ['Wednesday morning', 'part', undefined],
    ]);
  });

  it('shows a busy proposed time as busy, with the nearest free times', async () => {
    const meeting = { start: madrid('2026-12-08T15:30'), end: madrid('2026-12-08T17:00') };
    const { slots, proposals } = await search([meeting]);
    expect(slots.some((s) => s.start === madrid('2026-12-08T16:00'))).toBe(false);
    const [tuesday] = proposals;
    expect(tuesday!.unavailable).toBe('busy');
    expect(tuesday!.alternatives.length).toBeGreaterThan(0);
    for (const alt of tuesday!.alternatives) {
      expect(alt.end + 10 * 60_000 <= meeting.start || alt.start - 10 * 60_000 >= meeting.end).toBe(true);
      expect(Math.abs(alt.start - meeting.start)).toBeLessThan(6 * 3600_000);
    }
  });

  it('says why a proposal is not offered: outside working hours, a closed day', async () => {
    const early = analyseThread(
      thread([
        message({
          id: 'e',
          date: '2026-11-30T08:30:00+00:00',
          text: 'Could we talk on Thursday at 7am, or Saturday at 10am? Otherwise yesterday at 10am was fine.',
        }),
      ]),
      now,
      { timeZone: 'Europe/Madrid' },
    );
    const result = await searchSlots({
      provider: provider([]),
      target: { provider: 'google', calendarId: 'primary', availabilityId: 'maria@example.com' },
      staff: [],
      analysis: early,
      profile,
      durationMin: 30,
      customerZone: 'Europe/Madrid',
      locale: 'en',
      now,
    });
    // A past date is something that happened, not a proposal: it is not listed.
    const why = Object.fromEntries(result.proposals.map((p) => [p.proposal.text, p.unavailable]));
    expect(why).toEqual({ 'on Thursday at 7am': 'outside-hours', 'Saturday at 10am': 'closed' });
  });
});
