import { DateTime } from 'luxon';
import type { Analysis } from '../assistant/types';
import type { Contact } from '../db/db';
import type { CalendarProvider, ProviderKind, UnknownReason } from '../calendar/types';
import { findSlots, type Slot } from '../calendar/slots';
import { weeklyHours, type BusinessProfile } from '../profile';
import { durationFrom, proposalsFrom } from './proposals';

// Everything the side panel needs to offer meeting times for a thread: which calendar books,
// whose free/busy counts, how long, and the ranked free slots.

export interface BookingTarget {
  provider: ProviderKind;
  /** Calendar the event is created in. */
  calendarId: string;
  /** Id free/busy is asked for (Google: calendar id; Microsoft: the manager's SMTP address). */
  availabilityId: string;
}

export function bookingTarget(profile: BusinessProfile, connected: ProviderKind[]): BookingTarget | null {
  const chosen = profile.bookingCalendar;
  const provider = chosen && connected.includes(chosen.provider) ? chosen.provider : connected[0];
  if (!provider) return null;
  const calendarId = chosen?.provider === provider ? chosen.calendarId : 'primary';
  const availabilityId =
    provider === 'google' ? calendarId : profile.managerEmail || (calendarId !== 'primary' ? calendarId : '');
  return availabilityId ? { provider, calendarId, availabilityId } : null;
}

/** Staff whose calendars the target provider can read (same provider, or not said). */
export function staffFor(target: BookingTarget, staff: Contact[]): Contact[] {
  return staff.filter((s) => s.kind === 'staff' && (s.provider === null || s.provider === target.provider));
}

export function suggestedDuration(
  analysis: Analysis,
  latestCustomerText: string,
  profile: BusinessProfile,
): number {
  return durationFrom(latestCustomerText) ?? profile.meetingMinutes ?? 30;
}

export interface SlotSearch {
  slots: Slot[];
  /** Calendars whose free/busy could not be read (left out of the search, said in the UI). */
  unknown: string[];
  /** Why, for the unknown ids whose reason the provider knows. */
  reasons: Partial<Record<string, UnknownReason>>;
}

export async function searchSlots(options: {
  provider: CalendarProvider;
  target: BookingTarget;
  staff: Contact[];
  analysis: Analysis;
  profile: BusinessProfile;
  durationMin: number;
  customerZone: string;
  locale: string;
  now?: number;
  days?: number;
}): Promise<SlotSearch> {
  const { provider, target, staff, analysis, profile } = options;
  const now = options.now ?? Date.now();
  const start = DateTime.fromMillis(now, { zone: profile.timeZone }).startOf('day').toMillis();
  const range = {
    start,
    end: DateTime.fromMillis(start, { zone: profile.timeZone })
      .plus({ days: options.days ?? 14 })
      .toMillis(),
  };
  const ids = [target.availabilityId, ...staff.map((s) => s.calendarId ?? s.email)];
  const busy = await provider.busy(ids, range);
  // Holidays block the whole day.
  const holidays = profile.holidays.map((day) => {
    const d = DateTime.fromISO(day, { zone: 'utc' });
    return {
      start: d.toMillis(),
      end: d.plus({ days: 1 }).toMillis(),
      status: 'busy' as const,
      allDay: true,
    };
  });
  if (holidays.length) busy.set('__holidays', holidays);
  const slots = findSlots({
    busy,
    managerId: target.availabilityId,
    timeZone: profile.timeZone,
    customerTimeZone: options.customerZone,
    workingHours: weeklyHours(profile),
    durationMin: options.durationMin,
    stepMin: 15,
    range,
    now,
    minNoticeMin: profile.minNoticeMinutes,
    bufferBeforeMin: profile.bufferMinutes,
    bufferAfterMin: profile.bufferMinutes,
    proposals: proposalsFrom(analysis.facts.dates, now),
    maxResults: 6,
    locale: options.locale,
  });
  const unknown = ids.filter((id) => !busy.has(id));
  const reasons: Partial<Record<string, UnknownReason>> = {};
  for (const id of unknown) {
    const reason = busy.reasons?.get(id);
    if (reason) reasons[id] = reason;
  }
  return { slots, unknown, reasons };
}
