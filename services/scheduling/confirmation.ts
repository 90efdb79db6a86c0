import { DateTime } from 'luxon';
import type { DraftLanguage } from '../assistant/types';

// Texts sent to the customer about a booking, in the customer's language and time zone, whatever
// the UI language is. They are drafts: the user reviews them and sends them from the mail site.

export interface MeetingFacts {
  start: number;
  end: number;
  /** The customer's zone: the time they read is theirs. */
  customerZone: string;
  customerName: string;
  businessName: string;
  signature: string;
  joinUrl: string | null;
  place: string | null;
  phone: string | null;
}

const TEXT = {
  es: {
    greeting: (name: string) => (name ? `Hola, ${name}:` : 'Hola:'),
    confirmed: (when: string) => `Le confirmamos la reunión el ${when}.`,
    moved: (when: string) => `Le escribimos para cambiar la reunión al ${when}. Disculpe las molestias.`,
    cancelled: (when: string) =>
      `Lamentamos comunicarle que la reunión prevista para el ${when} queda cancelada. Le propondremos una nueva fecha en breve.`,
    zone: (zone: string) => `(hora de ${zone})`,
    link: 'Enlace para unirse',
    place: 'Lugar',
    phone: 'Le llamaremos al',
    ics: 'Adjuntamos una invitación (.ics) para añadirla a su calendario.',
    closing: 'Un saludo,',
  },
  en: {
    greeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    confirmed: (when: string) => `This confirms our meeting on ${when}.`,
    moved: (when: string) => `We need to move our meeting to ${when}. Sorry for the change.`,
    cancelled: (when: string) =>
      `We are sorry to tell you that the meeting planned for ${when} is cancelled. We will propose a new time shortly.`,
    zone: (zone: string) => `(${zone} time)`,
    link: 'Join link',
    place: 'Place',
    phone: 'We will call you on',
    ics: 'An invitation (.ics) is attached so you can add it to your calendar.',
    closing: 'Kind regards,',
  },
};

/** "martes, 1 de diciembre de 2026, 10:00–10:30 (hora de Madrid)" in the customer's zone. */
export function whenText(start: number, end: number, zone: string, language: DraftLanguage): string {
  const s = DateTime.fromMillis(start, { zone }).setLocale(language === 'es' ? 'es-ES' : 'en-GB');
  const e = DateTime.fromMillis(end, { zone }).setLocale(language === 'es' ? 'es-ES' : 'en-GB');
  const day = s.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const city = zone.split('/').at(-1)!.replace(/_/g, ' ');
  return `${day}, ${s.toFormat('HH:mm')}–${e.toFormat('HH:mm')} ${TEXT[language].zone(city)}`;
}

function body(
  kind: 'confirmed' | 'moved' | 'cancelled',
  m: MeetingFacts,
  language: DraftLanguage,
  withIcs: boolean,
): string {
  const x = TEXT[language];
  const first = m.customerName.trim().split(/\s+/)[0] ?? '';
  const lines = [x.greeting(first), '', x[kind](whenText(m.start, m.end, m.customerZone, language))];
  if (kind !== 'cancelled') {
    if (m.joinUrl) lines.push(`${x.link}: ${m.joinUrl}`);
    if (m.place) lines.push(`${x.place}: ${m.place}`);
    if (m.phone) lines.push(`${x.phone} ${m.phone}.`);
    if (withIcs) lines.push('', x.ics);
  }
  lines.push('', x.closing, m.signature || m.businessName);
  return lines.join('\n').trim();
}

export const confirmationText = (m: MeetingFacts, language: DraftLanguage) =>
  body('confirmed', m, language, true);
export const rescheduleText = (m: MeetingFacts, language: DraftLanguage) => body('moved', m, language, true);
export const cancellationText = (m: MeetingFacts, language: DraftLanguage) =>
  body('cancelled', m, language, false);
