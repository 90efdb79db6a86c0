import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { Slot } from '../../services/calendar/slots';
import { analyseThread } from '../../services/assistant/analyse';
import { message, thread } from '../../services/assistant/testing-fixtures';
import { defaultProfile } from '../../services/profile';
import { setLocale } from '../../services/i18n';

// The calendars and the outbox are stood in for: this test is about what the meeting panel does
// with a time the customer accepted (issue 12 item 4), not about free/busy or booking themselves.
const searchSlots = vi.fn();
const queueBooking = vi.fn(async (_payload: { event: { start: string } }) => ({}));
vi.mock('../../services/accounts', () => ({
  connectedProviders: async () => ['google'],
  calendarProvider: () => ({}),
}));
vi.mock('../../services/scheduling/plan', async (original) => ({
  ...(await original<typeof import('../../services/scheduling/plan')>()),
  bookingTarget: () => ({ provider: 'google', calendarId: 'primary' }),
  searchSlots: (...args: unknown[]) => searchSlots(...args),
}));
vi.mock('../../services/scheduling/bookings', () => ({
  bookingsForThread: async () => [],
  queueBooking: (payload: { event: { start: string } }) => queueBooking(payload),
}));
vi.mock('../../services/messaging', () => ({ sendToBackground: async () => ({}) }));
vi.mock('./Bookings', () => ({ Bookings: () => null }));

const { Scheduler } = await import('./Scheduler');

const HOUR = 3_600_000;
const profile = { ...defaultProfile(), timeZone: 'Europe/Madrid' };

/** We offered two times yesterday on a day three days ahead; the customer took the one at 11. */
function acceptedThread() {
  const now = Date.now();
  const day = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'Europe/Madrid' }).format(
    now + 3 * 24 * HOUR,
  );
  const snapshot = thread([
    message({
      id: 'b',
      text: `We can do ${day} at 11:00 or ${day} at 16:00.`,
      fromUser: true,
      date: new Date(now - 24 * HOUR).toISOString(),
    }),
    message({
      id: 'c',
      text: `${day} at 11 suits us, see you then.`,
      date: new Date(now - HOUR).toISOString(),
    }),
  ]);
  const analysis = analyseThread(snapshot, now, { timeZone: 'Europe/Madrid' });
  return { snapshot, analysis };
}

const label = (start: number) => ({
  timeZone: 'Europe/Madrid',
  start: new Date(start).toISOString(),
  end: new Date(start + 30 * 60_000).toISOString(),
  label: new Date(start).toISOString(),
});
const slotAt = (start: number): Slot => ({
  start,
  end: start + 30 * 60_000,
  proposalMatch: 0,
  day: 0,
  fragmentation: 0,
  manager: label(start),
  customer: label(start),
});

beforeEach(() => setLocale('en'));
afterEach(() => {
  cleanup();
  searchSlots.mockReset();
  queueBooking.mockClear();
});

describe('a time the customer accepted', () => {
  it('is offered to book in one click, and booked once the calendars say it is free', async () => {
    const { snapshot, analysis } = acceptedThread();
    expect(analysis.acceptedTime?.timeCertain).toBe(true);
    const start = Date.parse(analysis.acceptedTime!.start);
    searchSlots.mockResolvedValue({
      slots: [slotAt(start + HOUR), slotAt(start)],
      unknown: [],
      reasons: {},
      proposals: [],
    });
    render(<Scheduler snapshot={snapshot} analysis={analysis} profile={profile} onDraft={() => {}} />);

    // The panel opens on its own with the accepted time said and one button to book it.
    const card = await screen.findByTestId('accepted-time');
    expect(card.textContent).toMatch(/The customer accepted .*11:00/);
    fireEvent.click(await screen.findByRole('button', { name: 'Book this time' }));
    await waitFor(() => expect(queueBooking).toHaveBeenCalledTimes(1));
    expect(Date.parse(queueBooking.mock.calls[0]![0].event.start)).toBe(start);
  });

  it('is not booked when the calendars say it was taken meanwhile: the user is told and chooses', async () => {
    const { snapshot, analysis } = acceptedThread();
    const start = Date.parse(analysis.acceptedTime!.start);
    searchSlots.mockResolvedValue({ slots: [slotAt(start + HOUR)], unknown: [], reasons: {}, proposals: [] });
    render(<Scheduler snapshot={snapshot} analysis={analysis} profile={profile} onDraft={() => {}} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Book this time' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no longer free/);
    expect(queueBooking).not.toHaveBeenCalled();
    expect(screen.getByTestId('slots').querySelectorAll('li')).toHaveLength(1);
  });
});
