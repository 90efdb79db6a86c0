// Pure helpers that turn a chosen slot into something a provider can book, with identifiers that
// are the same on every retry, so the outbox can resend a booking without making a second event.
import type { NewEvent, NewEventAttendee } from './types';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/**
 * SHA-256, synchronous on purpose: crypto.subtle is async, and these ids are needed inside pure,
 * synchronous builders. Inputs are a few hundred bytes, so speed is irrelevant.
 */
export function sha256(text: string): Uint8Array {
  const data = new TextEncoder().encode(text);
  const bitLength = data.length * 8;
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
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
export function bookingKey(threadId: string, calendarId: string, startISO: string): string {
  const startMs = Date.parse(startISO);
  if (Number.isNaN(startMs)) throw new RangeError(`bookingKey: not an ISO date: ${startISO}`);
  const instant = new Date(startMs).toISOString();
  return `bk1-${hex(sha256(`${threadId}\n${calendarId}\n${instant}`)).slice(0, 40)}`;
}

/** Google event id for a booking: base32hex (a–v, 0–9), 52 characters (allowed: 5–1024). */
export function googleEventId(key: string): string {
  return base32hex(sha256(`google-event\n${key}`));
}

/** Graph transactionId for a booking, shaped like a GUID (version 5-style bits). */
export function graphTransactionId(key: string): string {
  const b = sha256(`graph-transaction\n${key}`).slice(0, 16);
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

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Drops malformed and duplicate addresses (case-insensitive), keeping the first name seen. */
export function cleanAttendees(attendees: readonly NewEventAttendee[]): NewEventAttendee[] {
  const seen = new Set<string>();
  const out: NewEventAttendee[] = [];
  for (const a of attendees) {
    const email = a.email.trim();
    const lower = email.toLowerCase();
    if (!EMAIL.test(email) || seen.has(lower)) continue;
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
