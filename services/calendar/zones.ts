// Time-zone names as Microsoft Graph takes them. Graph accepts every Windows zone name but only a
// short documented list of IANA names ("dateTimeTimeZone resource type"): Europe/Paris is on it,
// Europe/Madrid is not, and an unlisted name answers 400 TimeZoneNotSupportedException. So the
// extension always speaks Windows names to Graph, mapped through CLDR's windowsZones data
// (windows-iana), and maps whatever Graph answers back to IANA for the maths.
import { IANAZone } from 'luxon';
import { findIana, findIanaAliases, findWindows } from 'windows-iana';

const cache = new Map<string, string | undefined>();

/** Names the same zone may go by: as given, ICU's canonical spelling, and CLDR's aliases. */
function spellings(iana: string): string[] {
  const out = [iana];
  try {
    const canonical = new Intl.DateTimeFormat('en', { timeZone: iana }).resolvedOptions().timeZone;
    if (canonical && !out.includes(canonical)) out.push(canonical);
  } catch {
    // Not a zone Intl knows; the alias table may still.
  }
  for (const name of [...out])
    for (const alias of findIanaAliases(name)) if (!out.includes(alias)) out.push(alias);
  return out;
}

/** The Windows zone CLDR maps an IANA zone to, or undefined when it has none. */
export function windowsZone(iana: string): string | undefined {
  if (cache.has(iana)) return cache.get(iana);
  let found: string | undefined;
  for (const name of spellings(iana)) {
    found = findWindows(name)[0];
    if (found) break;
  }
  cache.set(iana, found);
  return found;
}

/**
 * The zone name to send Graph for a business zone, and the IANA zone whose rules local times must
 * be written in so the instant stays exact. A zone CLDR cannot map (none in practice) falls back to
 * UTC: the meeting keeps its instant, only Outlook's display zone differs.
 */
export function graphZone(iana: string): { name: string; iana: string } {
  const name = windowsZone(iana);
  return name ? { name, iana } : { name: 'UTC', iana: 'UTC' };
}

/**
 * IANA zone for a name Graph answered with (Windows or IANA). When it is the Windows zone of
 * `preferred` (the zone we asked for), `preferred` itself is returned: CLDR groups zones whose
 * current rules agree, so Romance Standard Time read back as Europe/Madrid keeps the Madrid label.
 */
export function ianaFromGraph(name: string | null | undefined, preferred: string): string {
  if (!name) return preferred;
  if (IANAZone.isValidZone(name)) return name;
  if (windowsZone(preferred) === name) return preferred;
  const iana = findIana(name, '001')[0] ?? findIana(name)[0];
  return iana && IANAZone.isValidZone(iana) ? iana : preferred;
}
