// Pure helpers that turn a chosen slot into something a provider can book, with identifiers that
// are the same on every retry, so the outbox can resend a booking without making a second event.
import type { NewEvent, NewEventAttendee } from './types';
import { isEmailAddress } from '../email-address';

/** SHA-256 through Web Crypto (available in extension pages, the service worker and Node). */
export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

// Google event ids allow only the base32hex alphabet (RFC 4648 §7), lower-cased.
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

function base32hex(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Stable idempotency key of one booking: the same thread, calendar and start instant always give
 * the same key, whatever offset the start was written with.
 */
export async function bookingKey(threadId: string, calendarId: string, startISO: string): Promise<string> {
  const startMs = Date.parse(startISO);
  if (Number.isNaN(startMs)) throw new RangeError(`bookingKey: not an ISO date: ${startISO}`);
  const instant = new Date(startMs).toISOString();
  return `bk1-${hex(await sha256(`${threadId}\n${calendarId}\n${instant}`)).slice(0, 40)}`;
}

/** Google event id for a booking: base32hex (a–v, 0–9), 52 characters (allowed: 5–1024). */
export async function googleEventId(key: string): Promise<string> {
  return base32hex(await sha256(`google-event\n${key}`));
}

/** Graph transactionId for a booking, shaped like a GUID (version 5-style bits). */
export async function graphTransactionId(key: string): Promise<string> {
  const b = (await sha256(`graph-transaction\n${key}`)).slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type PlaceChoice =
  | { kind: 'online' }
  | { kind: 'place'; address: string }
  | { kind: 'phone'; number: string }
  | { kind: 'none' };

export interface BookingInput {
  slot: { start: number; end: number };
  /** IANA zone of the business (the event is stored in it). */
  timeZone: string;
  subject: string;
  /** Plain text written by the user; mail text must not be pasted here unreviewed. */
  description?: string;
  /** Link back to the mail thread, appended to the description. */
  threadUrl?: string;
  attendees: NewEventAttendee[];
  place: PlaceChoice;
  /** Label before the thread link, in the UI language. */
  threadLabel?: string;
  phoneLabel?: string;
}

/** Drops malformed and duplicate addresses (case-insensitive), keeping the first name seen. */
export function cleanAttendees(attendees: readonly NewEventAttendee[]): NewEventAttendee[] {
  const seen = new Set<string>();
  const out: NewEventAttendee[] = [];
  for (const a of attendees) {
    const email = a.email.trim();
    const lower = email.toLowerCase();
    if (!isEmailAddress(email) || seen.has(lower)) continue;
    seen.add(lower);
    const name = a.name?.replace(/[\r\n]+/g, ' ').trim();
    out.push({ email, ...(name ? { name } : {}), ...(a.optional ? { optional: true } : {}) });
  }
  return out;
}

export function buildNewEvent(input: BookingInput): NewEvent {
  if (!(input.slot.end > input.slot.start)) throw new RangeError('buildNewEvent: slot ends before it starts');
  const lines: string[] = [];
  const description = input.description?.trim();
  if (description) lines.push(description);
  if (input.place.kind === 'phone')
    lines.push(`${input.phoneLabel ?? 'Phone'}: ${input.place.number.trim()}`);
  if (input.threadUrl) lines.push(`${input.threadLabel ?? 'Mail thread'}: ${input.threadUrl}`);
  const event: NewEvent = {
    title: input.subject.replace(/[\r\n]+/g, ' ').trim(),
    description: lines.join('\n\n'),
    start: new Date(input.slot.start).toISOString(),
    end: new Date(input.slot.end).toISOString(),
    timeZone: input.timeZone,
    attendees: cleanAttendees(input.attendees),
    online: input.place.kind === 'online',
  };
  if (input.place.kind === 'place' && input.place.address.trim()) event.location = input.place.address.trim();
  if (input.place.kind === 'phone' && input.place.number.trim()) event.location = input.place.number.trim();
  return event;
}
