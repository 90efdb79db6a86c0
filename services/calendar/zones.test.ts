import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { graphZone, ianaFromGraph, windowsZone } from './zones';

describe('Windows zone names for Graph (CLDR windowsZones)', () => {
  it('maps the zones our users live in, Madrid included, to the Windows names Graph accepts', () => {
    expect(windowsZone('Europe/Madrid')).toBe('Romance Standard Time');
    expect(windowsZone('Atlantic/Canary')).toBe('GMT Standard Time');
    expect(windowsZone('America/Mexico_City')).toBe('Central Standard Time (Mexico)');
    expect(windowsZone('America/Argentina/Buenos_Aires')).toBe('Argentina Standard Time');
    expect(windowsZone('UTC')).toBe('UTC');
    // CLDR lists Asia/Calcutta; the alias table finds it from the modern name.
    expect(windowsZone('Asia/Kolkata')).toBe('India Standard Time');
  });

  it('falls back to UTC (instant kept) only for a zone CLDR cannot map', () => {
    expect(graphZone('Europe/Madrid')).toEqual({ name: 'Romance Standard Time', iana: 'Europe/Madrid' });
    expect(graphZone('Not/AZone')).toEqual({ name: 'UTC', iana: 'UTC' });
  });

  it('reads Windows names back as the zone asked for, else as CLDR golden zone', () => {
    expect(ianaFromGraph('Romance Standard Time', 'Europe/Madrid')).toBe('Europe/Madrid');
    expect(ianaFromGraph('Romance Standard Time', 'UTC')).toBe('Europe/Paris');
    expect(ianaFromGraph('Pacific SA Standard Time', 'Europe/Madrid')).toBe('America/Santiago');
    expect(ianaFromGraph('America/Mexico_City', 'UTC')).toBe('America/Mexico_City');
    expect(ianaFromGraph('Made Up Time', 'Europe/Madrid')).toBe('Europe/Madrid');
    expect(ianaFromGraph(undefined, 'Europe/Madrid')).toBe('Europe/Madrid');
  });

  it('keeps the instant exact across the March and October changes', () => {
    // 2026-03-29 02:00 Madrid jumps to 03:00; 2026-10-25 03:00 falls back to 02:00.
    for (const iso of [
      '2026-03-28T09:00:00Z',
      '2026-03-30T08:00:00Z',
      '2026-10-24T08:00:00Z',
      '2026-10-26T09:00:00Z',
    ]) {
      const ms = Date.parse(iso);
      const zone = graphZone('Europe/Madrid');
      const wall = DateTime.fromMillis(ms, { zone: zone.iana }).toFormat("yyyy-LL-dd'T'HH:mm:ss");
      const back = DateTime.fromISO(wall, { zone: ianaFromGraph(zone.name, 'Europe/Madrid') }).toMillis();
      expect(back).toBe(ms);
      // A reader that never asked for Madrid reads the same instant through Europe/Paris.
      expect(DateTime.fromISO(wall, { zone: ianaFromGraph(zone.name, 'UTC') }).toMillis()).toBe(ms);
    }
  });
});
