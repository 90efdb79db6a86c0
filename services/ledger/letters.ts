import { DateTime } from 'luxon';
import type { BusinessProfile } from '../profile';
import type { Complaint } from '../db/db';

// Letters from templates on the business's letterhead: a payment reminder, the answer to a formal
// complaint, a confirmation. The wording is the letter's language (the customer's), not the UI's, so it
// is data here, like the reply templates. Everything typed in is text: the preview renders it as text
// nodes and the .docx as runs, never as markup.

export type LetterKind = 'payment_reminder' | 'complaint_answer' | 'confirmation';
export const LETTER_KINDS: LetterKind[] = ['payment_reminder', 'complaint_answer', 'confirmation'];

export interface LetterFields {
  language: 'es' | 'en';
  recipientName: string;
  /** Postal address, one line per line. */
  recipientAddress: string;
  /** Invoice number, complaint reference or order / booking reference. */
  reference: string;
  /** Amount as written for the reader ("1.210,00 €"). */
  amount: string;
  /** A day (YYYY-MM-DD): the due date, the complaint's date or the confirmed date. */
  date: string;
  /** Free text: the resolution of a complaint, what is confirmed, how to pay. */
  details: string;
}

export interface Letter {
  language: 'es' | 'en';
  letterhead: string[];
  /** "Madrid, 1 de diciembre de 2026" / "1 December 2026". */
  dateLine: string;
  recipient: string[];
  subject: string;
  salutation: string;
  paragraphs: string[];
  closing: string;
  signature: string[];
}

function longDay(day: string, language: 'es' | 'en'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', { dateStyle: 'long' }).format(
    new Date(y, m - 1, d),
  );
}

type Texts = (f: LetterFields, date: string) => Pick<Letter, 'subject' | 'paragraphs'>;

const TEXTS: Record<LetterKind, Record<'es' | 'en', Texts>> = {
  payment_reminder: {
    es: (f, date) => ({
      subject: `Recordatorio de pago: factura ${f.reference}`,
      paragraphs: [
        `Le escribimos en relación con la factura ${f.reference}, por importe de ${f.amount}, con vencimiento el ${date}. A fecha de hoy no nos consta su pago.`,
        'Le agradeceríamos que realizara el pago a la mayor brevedad o, si ya lo ha hecho, que nos envíe el justificante para poder conciliarlo.',
        ...(f.details ? [f.details] : []),
        'Si tiene cualquier duda sobre la factura, no dude en contactarnos.',
      ],
    }),
    en: (f, date) => ({
      subject: `Payment reminder: invoice ${f.reference}`,
      paragraphs: [
        `We are writing about invoice ${f.reference} for ${f.amount}, which was due on ${date}. According to our records it has not been paid yet.`,
        'We would be grateful if you could settle it at your earliest convenience or, if you have already paid, send us the remittance so we can match it.',
        ...(f.details ? [f.details] : []),
        'If you have any question about the invoice, please do get in touch.',
      ],
    }),
  },
  complaint_answer: {
    es: (f, date) => ({
      subject: `Respuesta a su reclamación ${f.reference}`,
      paragraphs: [
        `Hemos recibido su reclamación de fecha ${date}, registrada con la referencia ${f.reference}, y le agradecemos que nos la haya hecho llegar.`,
        'Tras revisar lo sucedido, le comunicamos lo siguiente:',
        f.details || '—',
        'Quedamos a su disposición para cualquier aclaración y le pedimos disculpas por las molestias ocasionadas.',
      ],
    }),
    en: (f, date) => ({
      subject: `Response to your complaint ${f.reference}`,
      paragraphs: [
        `We have received your complaint dated ${date}, recorded under reference ${f.reference}, and thank you for bringing it to our attention.`,
        'Having looked into what happened, we can tell you the following:',
        f.details || '—',
        'We remain at your disposal for anything you may need and apologise for the inconvenience caused.',
      ],
    }),
  },
  confirmation: {
    es: (f, date) => ({
      subject: `Confirmación: ${f.reference}`,
      paragraphs: [
        `Por la presente le confirmamos ${f.reference} para el ${date}.`,
        ...(f.details ? [f.details] : []),
        'Si necesita modificar algo, le rogamos que nos lo comunique con antelación.',
      ],
    }),
    en: (f, date) => ({
      subject: `Confirmation: ${f.reference}`,
      paragraphs: [
        `We are pleased to confirm ${f.reference} for ${date}.`,
        ...(f.details ? [f.details] : []),
        'Should you need to change anything, please let us know in advance.',
      ],
    }),
  },
};

/** The letterhead: the business's name, its first address, the manager's e-mail. */
export function letterhead(profile: BusinessProfile): string[] {
  const address = profile.places.find((p) => p.kind === 'address')?.detail;
  return [profile.businessName, address, profile.managerEmail].filter((x): x is string => !!x?.trim());
}

export function composeLetter(
  kind: LetterKind,
  fields: LetterFields,
  profile: BusinessProfile,
  today: string,
): Letter {
  const lang = fields.language;
  const city = profile.places
    .find((p) => p.kind === 'address')
    ?.detail.split(',')
    .at(-1)
    ?.trim();
  const dateText = longDay(today, lang);
  const { subject, paragraphs } = TEXTS[kind][lang](fields, longDay(fields.date, lang));
  const name = fields.recipientName.trim();
  const signature = profile.signature.trim()
    ? profile.signature.trim().split('\n')
    : [profile.managerName, profile.businessName].filter((x) => x.trim());
  return {
    language: lang,
    letterhead: letterhead(profile),
    dateLine: lang === 'es' && city ? `${city}, ${dateText}` : dateText,
    recipient: [name, ...fields.recipientAddress.split('\n').map((l) => l.trim())].filter(Boolean),
    subject,
    salutation:
      lang === 'es'
        ? name
          ? `Estimado/a ${name}:`
          : 'Estimado/a cliente:'
        : name
          ? `Dear ${name},`
          : 'Dear customer,',
    paragraphs,
    closing:
      lang === 'es' ? 'Atentamente,' : profile.tone === 'friendly' ? 'Kind regards,' : 'Yours sincerely,',
    signature,
  };
}

/** The letter as a .docx (Office Open XML): the letterhead in the page header, the body as paragraphs. */
export async function letterDocx(letter: Letter): Promise<Blob> {
  const { Document, Header, Packer, Paragraph, TextRun, AlignmentType } = await import('docx');
  const para = (text: string, options: { bold?: boolean; after?: number; align?: 'right' } = {}) =>
    new Paragraph({
      children: [new TextRun({ text, bold: options.bold })],
      spacing: { after: options.after ?? 0 },
      alignment: options.align === 'right' ? AlignmentType.RIGHT : undefined,
    });
  const doc = new Document({
    creator: letter.letterhead[0] || 'Ops Assistant',
    title: letter.subject,
    sections: [
      {
        headers: {
          default: new Header({
            children: letter.letterhead.map((line, i) => para(line, { bold: i === 0 })),
          }),
        },
        children: [
          para(letter.dateLine, { align: 'right', after: 240 }),
          ...letter.recipient.map((line, i) =>
            para(line, { after: i === letter.recipient.length - 1 ? 240 : 0 }),
          ),
          para(letter.subject, { bold: true, after: 240 }),
          ...(letter.salutation ? [para(letter.salutation, { after: 200 })] : []),
          ...letter.paragraphs.map((p) => para(p, { after: 200 })),
          ...(letter.closing ? [para(letter.closing, { after: 480 })] : []),
          ...letter.signature.map((line) => para(line)),
        ],
      },
    ],
  });
  return Packer.toBlob(doc);
}

/**
 * The answer to a logged complaint, prefilled from it: the customer, the order (else the subject)
 * as the reference, the day the complaint arrived in the business's zone, the resolution written
 * so far, and the customer's language when it is one a letter is written in.
 */
export function complaintLetterFields(
  complaint: Pick<
    Complaint,
    | 'customerName'
    | 'customerEmail'
    | 'orderRef'
    | 'subject'
    | 'receivedAt'
    | 'createdAt'
    | 'resolution'
    | 'language'
  >,
  timeZone: string,
): Partial<LetterFields> {
  const arrived = complaint.receivedAt ?? complaint.createdAt;
  const fields: Partial<LetterFields> = {
    recipientName: complaint.customerName || complaint.customerEmail,
    reference: complaint.orderRef ?? complaint.subject,
    date: DateTime.fromMillis(arrived, { zone: timeZone }).toISODate() ?? '',
    details: complaint.resolution,
  };
  if (complaint.language === 'es' || complaint.language === 'en') fields.language = complaint.language;
  return fields;
}
