import { DateTime } from 'luxon';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

/** IANA zone for a Google zone name (Calendar API takes IANA names only), or undefined. */
export function ianaZone(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  return DateTime.now().setZone(name).isValid ? name : undefined;
}

// Graph "dateTimeTimeZone resource type" (learn.microsoft.com/graph/api/resources/datetimetimezone):
// timeZone takes any zone Windows supports plus these "additional time zones" and nothing else;
// anything else answers 400 TimeZoneNotSupportedException. Europe/Madrid is not on the list.
const GRAPH_IANA = new Set(
  `Etc/GMT+12 Etc/GMT+11 Pacific/Honolulu America/Anchorage America/Santa_Isabel America/Los_Angeles
  America/Phoenix America/Chihuahua America/Denver America/Guatemala America/Chicago America/Mexico_City
  America/Regina America/Bogota America/New_York America/Indiana/Indianapolis America/Caracas
  America/Asuncion America/Halifax America/Cuiaba America/La_Paz America/Santiago America/St_Johns
  America/Sao_Paulo America/Argentina/Buenos_Aires America/Cayenne America/Godthab America/Montevideo
  America/Bahia Etc/GMT+2 Atlantic/Azores Atlantic/Cape_Verde Africa/Casablanca Etc/GMT Europe/London
  Atlantic/Reykjavik Europe/Berlin Europe/Budapest Europe/Paris Europe/Warsaw Africa/Lagos
  Africa/Windhoek Europe/Bucharest Asia/Beirut Africa/Cairo Asia/Damascus Africa/Johannesburg
  Europe/Kiev Europe/Istanbul Asia/Jerusalem Asia/Amman Asia/Baghdad Europe/Kaliningrad Asia/Riyadh
  Africa/Nairobi Asia/Tehran Asia/Dubai Asia/Baku Europe/Moscow Indian/Mauritius Asia/Tbilisi
  Asia/Yerevan Asia/Kabul Asia/Karachi Asia/Tashkent Asia/Kolkata Asia/Colombo Asia/Kathmandu
  Asia/Almaty Asia/Dhaka Asia/Yekaterinburg Asia/Rangoon Asia/Bangkok Asia/Novosibirsk Asia/Shanghai
  Asia/Krasnoyarsk Asia/Singapore Australia/Perth Asia/Taipei Asia/Ulaanbaatar Asia/Irkutsk Asia/Tokyo
  Asia/Seoul Australia/Adelaide Australia/Darwin Australia/Brisbane Australia/Sydney
  Pacific/Port_Moresby Australia/Hobart Asia/Yakutsk Pacific/Guadalcanal Asia/Vladivostok
  Pacific/Auckland Etc/GMT-12 Pacific/Fiji Asia/Magadan Pacific/Tongatapu Pacific/Apia
  Pacific/Kiritimati`.split(/\s+/),
);

// "Any of the time zones currently supported by Windows": CLDR's windowsZones list of Windows names,
// each with the IANA zone of its "001" (golden) territory for the arithmetic.
const WINDOWS_ZONES = new Map<string, string>(
  WINDOWS_TO_IANA_MAP.filter((row) => row.territory === '001').map((row) => [row.windowsName, row.iana[0]!]),
);

/** IANA zone for a Graph zone name Graph accepts, or undefined when Graph would refuse it. */
export function graphZone(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const windows = WINDOWS_ZONES.get(name);
  if (windows) return windows;
  return GRAPH_IANA.has(name) ? ianaZone(name) : undefined;
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
