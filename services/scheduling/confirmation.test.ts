import { describe, expect, it } from 'vitest';
import { cancellationText, confirmationText, whenText } from './confirmation';

const meeting = {
  start: Date.parse('2026-12-01T09:00:00Z'),
  end: Date.parse('2026-12-01T09:30:00Z'),
  customerZone: 'America/Mexico_City',
  customerName: 'Lucía Gómez',
  businessName: 'Ferretería López',
  signature: 'María López\nFerretería López',
  joinUrl: 'https://meet.google.com/abc-defg-hij',
  place: null,
  phone: null,
};

describe('booking texts', () => {
  it('confirms in Spanish with the time in the customer’s own zone', () => {
    const text = confirmationText(meeting, 'es');
    expect(text).toContain('Hola, Lucía:');
    expect(text).toContain('martes, 1 de diciembre de 2026, 03:00–03:30 (hora de Mexico City)');
    expect(text).toContain('Enlace para unirse: https://meet.google.com/abc-defg-hij');
    expect(text).toContain('(.ics)');
    expect(text.endsWith('María López\nFerretería López')).toBe(true);
  });

  it('writes English and keeps daylight saving right', () => {
    // 9 March 2026 is the Monday after New York moved to EDT (UTC-4).
    expect(
      whenText(
        Date.parse('2026-03-09T14:00:00Z'),
        Date.parse('2026-03-09T15:00:00Z'),
        'America/New_York',
        'en',
      ),
    ).toBe('Monday, 9 March 2026, 10:00–11:00 (New York time)');
    const text = cancellationText({ ...meeting, customerZone: 'Europe/Madrid' }, 'en');
    expect(text).toContain('is cancelled');
    expect(text).not.toContain('meet.google.com');
  });
});
