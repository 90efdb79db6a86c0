import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fromWallTime, isoInZone, offsetMinutes } from './zone';

// luxon (used by the extension pages) is the reference the small Intl-based helpers must agree with.
describe('zone helpers', () => {
  const zones = ['Europe/Madrid', 'America/New_York', 'America/Mexico_City', 'Asia/Kolkata', 'UTC'];
  it('agree with luxon on offsets and ISO strings every 5 hours of 2026', () => {
    for (const zone of zones) {
      for (
        let ms = Date.parse('2026-01-01T00:00:00Z');
        ms < Date.parse('2027-01-01T00:00:00Z');
        ms += 5 * 3_600_000 + 7_000
      ) {
        const ref = DateTime.fromMillis(ms, { zone });
        expect(offsetMinutes(ms, zone)).toBe(ref.offset);
        expect(isoInZone(ms, zone)).toBe(
          ref
            .toISO({ suppressMilliseconds: true, includeOffset: true })!
            .replace(/\.\d{3}/, '')
            .replace('Z', zone === 'UTC' ? 'Z' : '+00:00'),
        );
      }
    }
  });

  it('reads wall-clock times across the DST changes', () => {
    // Madrid 29 March 2026: 02:00 → 03:00 (gap); 25 October 2026: 03:00 → 02:00 (overlap).
    expect(
      isoInZone(
        fromWallTime({ year: 2026, month: 3, day: 29, hour: 10, minute: 0 }, 'Europe/Madrid')!,
        'Europe/Madrid',
      ),
    ).toBe('2026-03-29T10:00:00+02:00');
    expect(
      isoInZone(
        fromWallTime({ year: 2026, month: 3, day: 28, hour: 10, minute: 0 }, 'Europe/Madrid')!,
        'Europe/Madrid',
      ),
    ).toBe('2026-03-28T10:00:00+01:00');
    expect(
      isoInZone(
        fromWallTime({ year: 2026, month: 10, day: 25, hour: 9, minute: 30 }, 'Europe/Madrid')!,
        'Europe/Madrid',
      ),
    ).toBe('2026-10-25T09:30:00+01:00');
    expect(fromWallTime({ year: 2026, month: 2, day: 30, hour: 9, minute: 0 }, 'Europe/Madrid')).toBeNull();
  });
});
