import type { ThreadSnapshot } from '../mail-sites/types';
import { normaliseMapped, originalMatch } from '../assistant/threats';

// The customer's time zone, read from what they wrote: a zone they name ("UK time", "hora de
// Canarias"), a place they say they are in ("we are in London"), their signature, their phone
// number's country code or their address's country domain; the newest customer message first,
// then earlier ones. The reason is kept so the side panel can say why, and the user can change it.

export type ZoneReasonKind = 'stated' | 'signature' | 'phone' | 'domain' | 'default';

export interface CustomerZone {
  zone: string;
  reason: ZoneReasonKind;
  /** The words the zone was read from, as written (empty for the default). */
  words: string;
}

/** Places and zone names (normalised: lower case, no accents) → IANA zone. */
const PLACES: [string, string][] = [
  [
    'uk|u\\.k\\.|united kingdom|reino unido|great britain|britain|england|inglaterra|scotland|escocia|wales|gales|london|londres|manchester|birmingham|leeds|liverpool|bristol|glasgow|edinburgh|edimburgo|cardiff|belfast|gmt|bst|british',
    'Europe/London',
  ],
  ['ireland|irlanda|dublin', 'Europe/Dublin'],
  ['portugal|lisboa|lisbon|oporto|porto', 'Europe/Lisbon'],
  [
    'canarias|canary islands|las palmas|tenerife|gran canaria|lanzarote|fuerteventura|hora canaria',
    'Atlantic/Canary',
  ],
  [
    'espana|spain|madrid|barcelona|valencia|sevilla|seville|bilbao|malaga|zaragoza|hora peninsular|peninsula',
    'Europe/Madrid',
  ],
  ['france|francia|paris', 'Europe/Paris'],
  ['germany|alemania|berlin|munich|munchen', 'Europe/Berlin'],
  ['italy|italia|rome|roma|milan|milano', 'Europe/Rome'],
  ['new york|nueva york|boston|miami|washington|atlanta|toronto|eastern|est|edt', 'America/New_York'],
  ['chicago|dallas|houston|central time|cst|cdt', 'America/Chicago'],
  ['denver|mountain time|mst|mdt', 'America/Denver'],
  ['los angeles|san francisco|seattle|vancouver|california|pacific|pst|pdt', 'America/Los_Angeles'],
  ['mexico|ciudad de mexico|cdmx|guadalajara|monterrey', 'America/Mexico_City'],
  ['colombia|bogota|medellin', 'America/Bogota'],
  ['peru|lima', 'America/Lima'],
  ['chile|santiago de chile', 'America/Santiago'],
  ['argentina|buenos aires', 'America/Argentina/Buenos_Aires'],
];

const PLACE_WORDS = PLACES.map(([words]) => words).join('|');
/** "UK time", "London time", "hora de Londres", "hora del Reino Unido", "(GMT)". */
const STATED_ZONE = new RegExp(
  String.raw`\b((?:${PLACE_WORDS}) (?:time|timezone|time zone|hours)|(?:hora|horario|zona horaria) (?:de |del |de la )?(?:${PLACE_WORDS})|(?:we are|we're|i am|i'm|i live|based|located|estoy|estamos|vivo|vivimos|somos de|soy de|desde)(?: \w+){0,2} (?:in|en|de)? ?(?:${PLACE_WORDS}))\b`,
);
const PLACE_ALONE = new RegExp(String.raw`\b(${PLACE_WORDS})\b`);

function zoneOf(words: string): string | null {
  const norm = normaliseMapped(words).norm;
  // Longest place name first, so "santiago de chile" beats "santiago" and "new york" beats "york".
  let best: { zone: string; length: number } | null = null;
  for (const [list, zone] of PLACES)
    for (const place of list.split('|')) {
      const m = new RegExp(String.raw`\b${place}\b`).exec(norm);
      if (m && (!best || m[0].length > best.length)) best = { zone, length: m[0].length };
    }
  return best?.zone ?? null;
}

const PHONE_PREFIX: [RegExp, string][] = [
  [/(?:\+|00)\s?44\b/, 'Europe/London'],
  [/(?:\+|00)\s?353\b/, 'Europe/Dublin'],
  [/(?:\+|00)\s?52\b/, 'America/Mexico_City'],
  [/(?:\+|00)\s?57\b/, 'America/Bogota'],
  [/(?:\+|00)\s?51\b/, 'America/Lima'],
  [/(?:\+|00)\s?56\b/, 'America/Santiago'],
  [/(?:\+|00)\s?54\b/, 'America/Argentina/Buenos_Aires'],
  [/(?:\+|00)\s?34\s?(?:928|922)\b/, 'Atlantic/Canary'],
];
const DOMAINS: [RegExp, string][] = [
  [/\.(?:co\.)?uk$/, 'Europe/London'],
  [/\.ie$/, 'Europe/Dublin'],
  [/\.mx$/, 'America/Mexico_City'],
  [/\.(?:com\.)?co$/, 'America/Bogota'],
  [/\.pe$/, 'America/Lima'],
  [/\.cl$/, 'America/Santiago'],
  [/\.ar$/, 'America/Argentina/Buenos_Aires'],
];

export function customerZone(snapshot: ThreadSnapshot, fallback: string): CustomerZone {
  const customer = [...snapshot.messages].reverse().filter((m) => !m.fromUser);
  for (const m of customer) {
    const stated = originalMatch(m.text, STATED_ZONE);
    const zone = stated && zoneOf(stated.text);
    if (stated && zone) return { zone, reason: 'stated', words: stated.text };
  }
  for (const m of customer) {
    const place = m.signature ? originalMatch(m.signature, PLACE_ALONE) : null;
    const zone = place && zoneOf(place.text);
    if (place && zone) return { zone, reason: 'signature', words: place.text };
  }
  for (const m of customer) {
    for (const text of [m.signature, m.text]) {
      for (const [re, zone] of PHONE_PREFIX) {
        const hit = re.exec(text);
        if (hit) return { zone, reason: 'phone', words: hit[0].trim() };
      }
    }
  }
  for (const m of customer) {
    const domain = m.from.email.split('@')[1]?.toLowerCase() ?? '';
    for (const [re, zone] of DOMAINS) {
      const hit = re.exec(domain);
      if (hit) return { zone, reason: 'domain', words: hit[0] };
    }
  }
  return { zone: fallback, reason: 'default', words: '' };
}
