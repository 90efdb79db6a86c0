import * as z from 'zod/mini';
import { db } from './db/db';
import type { WeeklyHours } from './calendar/slots';
import { defaultProfile } from './profile-defaults';

// The business profile (a settings record in Dexie): who the manager is, where and when meetings
// happen, how replies are signed. Read by drafting, scheduling, SLA and the agenda.

const range = z.object({
  start: z.string().check(z.regex(/^\d\d:\d\d$/)),
  end: z.string().check(z.regex(/^\d\d:\d\d$/)),
});

const profileSchema = z.object({
  businessName: z.string(),
  managerName: z.string(),
  managerEmail: z.string(),
  /** Other addresses the business writes from (aliases such as pedidos@): its messages, not a customer's. */
  aliases: z.array(z.string()),
  signature: z.string(),
  /** IANA zone of the business. */
  timeZone: z.string(),
  workingHours: z.record(z.string(), z.array(range)),
  holidays: z.array(z.string()),
  meetingMinutes: z.number(),
  bufferMinutes: z.number(),
  minNoticeMinutes: z.number(),
  places: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      detail: z.string(),
      kind: z.enum(['room', 'address', 'phone']),
    }),
  ),
  bookingCalendar: z.nullable(
    z.object({ provider: z.enum(['google', 'microsoft']), calendarId: z.string() }),
  ),
  tone: z.enum(['formal', 'friendly']),
});

export type BusinessProfile = z.infer<typeof profileSchema>;

// Kept apart (no Dexie, no zod) for the popup's first paint; exported here as before.
export { defaultProfile };

export async function getProfile(): Promise<BusinessProfile> {
  const record = await db.settings.get('profile');
  const parsed = z.safeParse(profileSchema, {
    ...defaultProfile(),
    ...(record?.value as object | undefined),
  });
  return parsed.success ? parsed.data : defaultProfile();
}

export async function saveProfile(changes: Partial<BusinessProfile>): Promise<BusinessProfile> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getProfile()), ...changes };
    const parsed = z.safeParse(profileSchema, next);
    if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
    if (!isValidZone(parsed.data.timeZone)) throw new Error(`Unknown time zone: ${parsed.data.timeZone}`);
    await db.settings.put({ key: 'profile', value: parsed.data, updatedAt: Date.now() });
    return parsed.data;
  });
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Working hours in the slot finder's shape (ISO weekday numbers). */
export function weeklyHours(profile: BusinessProfile): WeeklyHours {
  const out: WeeklyHours = {};
  for (const [day, ranges] of Object.entries(profile.workingHours)) {
    const n = Number(day);
    if (n >= 1 && n <= 7) out[n as 1] = ranges;
  }
  return out;
}
