import type { BusinessProfile } from './profile';

// The profile a fresh install starts with. Its own module, free of Dexie and zod, so the popup's first
// paint can fill in what a stored profile lacks without loading either (components/agenda/glance.ts).

const weekdays = (hours: { start: string; end: string }[]) => ({
  '1': hours,
  '2': hours,
  '3': hours,
  '4': hours,
  '5': hours,
});

export function defaultProfile(): BusinessProfile {
  return {
    businessName: '',
    managerName: '',
    managerEmail: '',
    aliases: [],
    signature: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Madrid',
    workingHours: weekdays([
      { start: '09:00', end: '14:00' },
      { start: '16:00', end: '19:00' },
    ]),
    holidays: [],
    meetingMinutes: 30,
    bufferMinutes: 10,
    minNoticeMinutes: 120,
    places: [],
    bookingCalendar: null,
    tone: 'formal',
  };
}
