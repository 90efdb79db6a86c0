import { describe, expect, it } from 'vitest';
import {
  cancellationText,
  confirmationText,
  rescheduleText,
  spanishRegister,
  whenText,
} from './confirmation';

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
    expect(text).toContain('Estimado/a Lucía:');
    expect(text).toContain('martes, 1 de diciembre de 2026, 03:00–03:30 (hora de Mexico City)');
    expect(text).toContain('Enlace para unirse: https://meet.google.com/abc-defg-hij');
    expect(text.endsWith('María López\nFerretería López')).toBe(true);
  });

  it('mentions only what really reaches the customer: an invitation, an attached file, or nothing', () => {
    for (const language of ['es', 'en'] as const) {
      const plain = confirmationText(meeting, language);
      expect(plain).not.toMatch(/\.ics|adjunt|attach|invitaci[oó]n|invitation/i);
      const invited = confirmationText({ ...meeting, invitation: 'calendar' }, language);
      expect(invited).toMatch(language === 'es' ? /invitación de calendario/ : /calendar invitation/);
      expect(invited).not.toMatch(/\.ics|adjunt|attach/i);
      expect(confirmationText({ ...meeting, invitation: 'ics' }, language)).toMatch(/\(\.ics\)/);
    }
  });

  it('keeps one register per Spanish text, chosen from the tone and the customer', () => {
    const usted = [confirmationText, rescheduleText, cancellationText].map((f) =>
      f({ ...meeting, invitation: 'calendar', register: 'usted' }, 'es'),
    );
    const tu = [confirmationText, rescheduleText, cancellationText].map((f) =>
      f({ ...meeting, invitation: 'calendar', register: 'tu' }, 'es'),
    );
    for (const text of usted) expect(text).not.toMatch(/\b(te|tu|tú|Hola|Perdona|unirte|Siento)\b/);
    for (const text of tu) expect(text).not.toMatch(/\b(Le|le|su|usted|Disculpe|Lamentamos|Estimado)\b/);
    expect(spanishRegister('¿Podríamos vernos en vuestra tienda?', 'formal')).toBe('usted');
    expect(spanishRegister('¿Podéis el martes?', 'friendly')).toBe('tu');
    expect(spanishRegister('¿Podrían ustedes atenderme el martes?', 'friendly')).toBe('usted');
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
