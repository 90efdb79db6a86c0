// RFC 5545 invitation for customers without a calendar account. Written by hand: the `ics`
import { isEmailAddress } from '../email-address';
// package folds lines by characters, not octets, so a line with "María Núñez" can exceed 75
// octets, and it pulls in a validation library we do not need.

export interface IcsPerson {
  email: string;
  name?: string;
}

export interface IcsEvent {
  /** Booking key (booking.ts); becomes the UID so a re-sent invite updates the same event. */
  uid: string;
  /** Epoch ms. */
  start: number;
  end: number;
  /** When the file is made (DTSTAMP); epoch ms. */
  stamp: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer?: IcsPerson;
  attendees?: IcsPerson[];
  /** Increase when re-sending a changed invitation. */
  sequence?: number;
  method?: 'REQUEST' | 'PUBLISH' | 'CANCEL';
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Parameter values cannot be backslash-escaped; they are quoted, with RFC 6868 caret encoding
 * for the characters a quoted string cannot hold.
 */
function paramValue(value: string): string {
  const encoded = value
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'");
  return `"${encoded}"`;
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // Continuation lines start with a space, which counts toward their 75 octets.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

// Mail-derived addresses are untrusted: anything that could break out of the property is refused.
function safeEmail(email: string): string | undefined {
  const trimmed = email.trim();
  return isEmailAddress(trimmed) ? trimmed : undefined;
}

function person(property: 'ORGANIZER' | 'ATTENDEE', p: IcsPerson, extra: string[] = []): string | undefined {
  const email = safeEmail(p.email);
  if (!email) return undefined;
  const params = [...(p.name ? [`CN=${paramValue(p.name)}`] : []), ...extra];
  return `${property}${params.map((x) => `;${x}`).join('')}:mailto:${email}`;
}

/** UIDs are not TEXT, so they cannot be escaped: keep a conservative character set. */
function safeUid(uid: string): string {
  return uid.replace(/[^A-Za-z0-9._@-]/g, '-');
}

export function buildIcs(event: IcsEvent): string {
  if (!(event.end > event.start)) throw new RangeError('buildIcs: end must be after start');
  const method = event.method ?? 'REQUEST';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ops Assistant//Calendar//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${safeUid(event.uid)}@ops-assistant`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  // URL is a URI value (not TEXT); only web links belong here.
  if (event.url && /^https?:\/\/[^\s]+$/.test(event.url)) lines.push(`URL:${event.url}`);
  if (event.organizer) {
    const line = person('ORGANIZER', event.organizer);
    if (line) lines.push(line);
  }
  for (const a of event.attendees ?? []) {
    const line = person('ATTENDEE', a, ['ROLE=REQ-PARTICIPANT', 'PARTSTAT=NEEDS-ACTION', 'RSVP=TRUE']);
    if (line) lines.push(line);
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
