import { DateTime } from 'luxon';

// Graph accepts and returns Windows zone names (mailboxes set up in Outlook use them) as well as IANA
// names. These are the ones the demo users and the extension's users plausibly have.
const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'Romance Standard Time': 'Europe/Paris',
  'W. Europe Standard Time': 'Europe/Berlin',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'Canary Standard Time': 'Atlantic/Canary',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'SA Pacific Standard Time': 'America/Bogota',
  'Argentina Standard Time': 'America/Buenos_Aires',
};

/** IANA zone for a Graph/Google zone name, or undefined when unknown. */
export function ianaZone(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const mapped = WINDOWS_TO_IANA[name] ?? name;
  return DateTime.now().setZone(mapped).isValid ? mapped : undefined;
}

/** Parses an ISO string; a value without offset is read in `zone`. Returns epoch ms or NaN. */
export function parseInstant(value: string | null | undefined, zone = 'UTC'): number {
  if (!value) return NaN;
  const parsed = DateTime.fromISO(value, { zone, setZone: true });
  return parsed.isValid ? parsed.toMillis() : NaN;
}

/** Start of the calendar day `date` (YYYY-MM-DD) in `zone`. */
export function dayStart(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).startOf('day').toMillis();
}

/** RFC 3339 with the zone's offset, as Google returns dateTime values. */
export function isoInZone(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** Graph's local form: no offset, seven fractional digits. */
export function graphLocal(ms: number, zone: string): string {
  return `${DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`;
}

export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}
