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
  place: null | string;
  phone: string | null;
  /**
   * What the customer gets besides this mail, so the text promises exactly that: 'calendar' when
   * they are an attendee of the event (their calendar service sends the invitation), 'ics' when the
   * .ics file is attached to this very reply, 'none' otherwise (the file, if any, is only
   * downloaded by the user). Default 'none': a text never mentions what may not be there.
   */
  invitation?: 'calendar' | 'ics' | 'none';
  /** Spanish: "usted" or "tú", one per text (see spanishRegister). Default "usted". */
  register?: Register;
}

export type Register = 'usted' | 'tu';

const ES = {
  usted: {
    greeting: (name: string) => (name ? `Estimado/a ${name}:` : 'Buenos días:'),
    confirmed: (when: string) => `Le confirmamos la reunión el ${when}.`,
    moved: (when: string) => `Le escribimos para cambiar la reunión al ${when}. Disculpe las molestias.`,
    cancelled: (when: string) =>
      `Lamentamos comunicarle que la reunión prevista para el ${when} queda cancelada. Le propondremos una nueva fecha en breve.`,
    zone: (zone: string) => `(hora de ${zone})`,
    link: 'Enlace para unirse',
    place: 'Lugar',
    phone: 'Le llamaremos al',
    calendar: 'Recibirá también una invitación de calendario en su correo para añadirla a su agenda.',
    ics: 'Adjuntamos una invitación (.ics) para añadirla a su calendario.',
    closing: 'Atentamente,',
  },
  tu: {
    greeting: (name: string) => (name ? `Hola, ${name}:` : 'Hola:'),
    confirmed: (when: string) => `Te confirmo la reunión el ${when}.`,
    moved: (when: string) => `Te escribo para cambiar la reunión al ${when}. Perdona las molestias.`,
    cancelled: (when: string) =>
      `Siento decirte que la reunión prevista para el ${when} queda cancelada. Te propondré una nueva fecha en breve.`,
    zone: (zone: string) => `(hora de ${zone})`,
    link: 'Enlace para unirte',
    place: 'Lugar',
    phone: 'Te llamaremos al',
    calendar: 'Te llegará también una invitación de calendario a tu correo para añadirla a tu agenda.',
    ics: 'Te adjunto una invitación (.ics) para que la añadas a tu calendario.',
    closing: 'Un saludo,',
  },
};

const EN = {
  greeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
  confirmed: (when: string) => `This confirms our meeting on ${when}.`,
  moved: (when: string) => `We need to move our meeting to ${when}. Sorry for the change.`,
  cancelled: (when: string) =>
    `We are sorry to tell you that the meeting planned for ${when} is cancelled. We will propose a new time shortly.`,
  zone: (zone: string) => `(${zone} time)`,
  link: 'Join link',
  place: 'Place',
  phone: 'We will call you on',
  calendar: 'You will also receive a calendar invitation by email so you can add it to your calendar.',
  ics: 'An invitation (.ics) is attached so you can add it to your calendar.',
  closing: 'Kind regards,',
};

const texts = (language: DraftLanguage, register: Register = 'usted') =>
  language === 'es' ? ES[register] : EN;

// Forms a customer writing "usted" uses.
const USTED =
  /\b(usted|ustedes|le ruego|les ruego|les escribo|le escribo|podr[ií]an|pueden ustedes|su tienda|sus servicios|le agradecer[ií]a|les agradecer[ií]a)\b/i;

/**
 * "usted" or "tú" for a reply: the business's chosen tone decides (formal → usted, friendly → tú),
 * except that a customer who writes "usted" is answered with "usted". The whole reply keeps the one
 * register.
 */
export function spanishRegister(customerText: string, tone: 'formal' | 'friendly'): Register {
  if (USTED.test(customerText)) return 'usted';
  if (tone === 'friendly') return 'tu';
  return 'usted';
}

/** "martes, 1 de diciembre de 2026, 10:00–10:30 (hora de Madrid)" in the customer's zone. */
export function whenText(start: number, end: number, zone: string, language: DraftLanguage): string {
  const s = DateTime.fromMillis(start, { zone }).setLocale(language === 'es' ? 'es-ES' : 'en-GB');
  const e = DateTime.fromMillis(end, { zone }).setLocale(language === 'es' ? 'es-ES' : 'en-GB');
  const day = s.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const city = zone.split('/').at(-1)!.replace(/_/g, ' ');
  return `${day}, ${s.toFormat('HH:mm')}–${e.toFormat('HH:mm')} ${texts(language).zone(city)}`;
}

function body(kind: 'confirmed' | 'moved' | 'cancelled', m: MeetingFacts, language: DraftLanguage): string {
  const x = texts(language, m.register);
  const first = m.customerName.trim().split(/\s+/)[0] ?? '';
  const lines = [x.greeting(first), '', x[kind](whenText(m.start, m.end, m.customerZone, language))];
  if (kind !== 'cancelled') {
    if (m.joinUrl) lines.push(`${x.link}: ${m.joinUrl}`);
    if (m.place) lines.push(`${x.place}: ${m.place}`);
    if (m.phone) lines.push(`${x.phone} ${m.phone}.`);
    // Only what is really on its way: an invitation from the calendar, or a file in this reply.
    if (m.invitation === 'calendar') lines.push('', x.calendar);
    else if (m.invitation === 'ics') lines.push('', x.ics);
  }
  lines.push('', x.closing, m.signature || m.businessName);
  return lines.join('\n').trim();
}

export const confirmationText = (m: MeetingFacts, language: DraftLanguage) => body('confirmed', m, language);
export const rescheduleText = (m: MeetingFacts, language: DraftLanguage) => body('moved', m, language);
export const cancellationText = (m: MeetingFacts, language: DraftLanguage) => body('cancelled', m, language);
