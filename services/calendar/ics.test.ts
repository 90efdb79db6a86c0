import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine } from './ics';

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

const event = {
  uid: 'bk1-0123abcd',
  start: Date.parse('2026-03-10T09:00:00Z'),
  end: Date.parse('2026-03-10T09:30:00Z'),
  stamp: Date.parse('2026-03-01T12:34:56.789Z'),
  summary: 'Reunión: pedido 123, devolución; revisar',
  description: 'Hola María,\nrevisamos el pedido.\\fin',
  location: 'Calle Núñez de Balboa 5, Madrid',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  organizer: { email: 'gerente@tienda.es', name: 'Ana Gerente' },
  attendees: [
    { email: 'maria.nunez@example.es', name: 'María Núñez' },
    { email: 'bad"quote@example.com', name: 'Evil' },
    { email: 'x@y.es', name: 'Pérez, "Pepe"; Jr' },
  ],
};

describe('buildIcs', () => {
  const ics = buildIcs(event);
  const lines = unfold(ics).split('\r\n');

  it('uses CRLF only and ends with one', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the REQUEST envelope with UID, DTSTAMP and UTC times', () => {
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Ops Assistant//Calendar//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
    ]);
    expect(lines).toContain('UID:bk1-0123abcd@ops-assistant');
    expect(lines).toContain('DTSTAMP:20260301T123456Z');
    expect(lines).toContain('DTSTART:20260310T090000Z');
    expect(lines).toContain('DTEND:20260310T093000Z');
    expect(lines).toContain('URL:https://mail.google.com/mail/u/0/#inbox/abc');
    expect(lines.slice(-3)).toEqual(['END:VEVENT', 'END:VCALENDAR', '']);
  });

  it('escapes text values', () => {
    expect(lines).toContain('SUMMARY:Reunión: pedido 123\\, devolución\\; revisar');
    expect(lines).toContain('DESCRIPTION:Hola María\\,\\nrevisamos el pedido.\\\\fin');
    expect(escapeText('a\r\nb\rc')).toBe('a\\nb\\nc');
  });

  it('quotes CN and keeps UTF-8 names intact', () => {
    expect(lines).toContain('ORGANIZER;CN="Ana Gerente":mailto:gerente@tienda.es');
    expect(lines).toContain(
      'ATTENDEE;CN="María Núñez";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:maria.nunez@example.es',
    );
    expect(lines.some((l) => l.includes(`CN="Pérez, ^'Pepe^'; Jr"`))).toBe(true);
    // An address that could break out of the property is left out rather than mangled.
    expect(ics).not.toContain('bad');
  });

  it('folds every physical line to at most 75 octets', () => {
    const physical = ics.split('\r\n');
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    for (const l of physical) expect(octets(l)).toBeLessThanOrEqual(75);
  });
});

describe('foldLine', () => {
  it('never splits a multi-byte character', () => {
    const line = `ATTENDEE;CN="${'María Núñez Ñandú '.repeat(6)}":mailto:a@b.es`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(octets(parts[0]!)).toBeGreaterThanOrEqual(74);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:hola')).toBe('SUMMARY:hola');
  });
});
