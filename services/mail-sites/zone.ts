// Wall-clock time in an IANA zone with the browser's own Intl data: what the content script needs
// of a date library, without shipping one into the mail page (luxon alone would double the
// script's size). Extension pages keep using luxon.

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time in `zone` at instant `ms`. */
export function wallTime(ms: number, zone: string): Required<WallTime> {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(ms))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes east of UTC in `zone` at instant `ms`. */
export function offsetMinutes(ms: number, zone: string): number {
  const w = wallTime(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time in `zone` names (the later reading in a DST overlap, the time just
 * after a DST gap), or null for an impossible date like 31 February.
 */
export function fromWallTime(w: WallTime, zone: string): number | null {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
  const check = new Date(guess);
  if (
    check.getUTCFullYear() !== w.year ||
    check.getUTCMonth() !== w.month - 1 ||
    check.getUTCDate() !== w.day
  )
    return null;
  let ms = guess - offsetMinutes(guess, zone) * 60_000;
  ms = guess - offsetMinutes(ms, zone) * 60_000;
  return ms;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** ISO 8601 of an instant with a fixed offset (minutes), seconds precision: 2026-11-23T09:12:00+01:00. */
export function isoAtOffset(ms: number, offset: number, utcAsZ = false): string {
  const d = new Date(ms + offset * 60_000);
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return base + (offset === 0 && utcAsZ ? 'Z' : offsetText(offset));
}

/** ISO 8601 of an instant as the clock in `zone` shows it. */
export function isoInZone(ms: number, zone: string): string {
  return isoAtOffset(ms, offsetMinutes(ms, zone), zone === 'UTC');
}
