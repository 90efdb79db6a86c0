import type { Complaint } from '../db/db';
import type { BusinessProfile } from '../profile';

// The reply proposed when a complaint is resolved: it tells the customer, in their language, what
// the business wrote as the resolution. It is a draft shown to the user to review, edit and send
// from their own mail; nothing here sends it. It promises nothing beyond the resolution's words.

type Lang = 'es' | 'en';

interface Wording {
  greeting: (name: string, formal: boolean) => string;
  about: (subject: string, order: string | null) => string;
  closing: (formal: boolean) => string;
  signOff: string;
}

const WORDING: Record<Lang, Wording> = {
  es: {
    greeting: (name, formal) =>
      formal ? (name ? `Estimado/a ${name}:` : 'Buenos días:') : name ? `Hola, ${name}:` : 'Hola:',
    about: (subject, order) =>
      `Le escribimos sobre su reclamación${subject ? ` «${subject}»` : ''}${order ? ` (pedido ${order})` : ''}.`,
    closing: (formal) =>
      formal
        ? 'Si necesita algo más, puede responder a este mismo correo.'
        : 'Si necesitas algo más, responde a este mismo correo.',
    signOff: 'Un saludo,',
  },
  en: {
    greeting: (name, formal) => (formal ? (name ? `Dear ${name},` : 'Hello,') : name ? `Hi ${name},` : 'Hi,'),
    about: (subject, order) =>
      `We are writing about your complaint${subject ? ` "${subject}"` : ''}${order ? ` (order ${order})` : ''}.`,
    closing: () => 'If you need anything else, just reply to this email.',
    signOff: 'Kind regards,',
  },
};

/** Spanish for Spanish-speaking customers, English otherwise (the language the complaint was read in). */
export function replyLanguage(c: Pick<Complaint, 'language'>): Lang {
  return c.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function resolutionReply(
  c: Pick<Complaint, 'customerName' | 'subject' | 'orderRef' | 'language' | 'resolution'>,
  profile: Pick<BusinessProfile, 'tone' | 'signature' | 'businessName' | 'managerName'>,
): { language: Lang; text: string } {
  const language = replyLanguage(c);
  const w = WORDING[language];
  const formal = profile.tone !== 'friendly';
  const name = formal ? c.customerName.trim() : (c.customerName.trim().split(/\s+/)[0] ?? '');
  // Spanish "tú": the "about" line is formal by nature; the friendly form drops "Le".
  const about = w.about(c.subject.trim(), c.orderRef);
  const signature = profile.signature.trim() || profile.managerName.trim() || profile.businessName.trim();
  const text = [
    w.greeting(name, formal),
    '',
    language === 'es' && !formal ? about.replace(/^Le escribimos sobre su/, 'Te escribimos sobre tu') : about,
    c.resolution.trim(),
    '',
    w.closing(formal),
    '',
    w.signOff,
    ...(signature ? [signature] : []),
  ].join('\n');
  return { language, text };
}
