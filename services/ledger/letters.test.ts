import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { defaultProfile } from '../profile';
import { composeLetter, letterDocx, type LetterFields } from './letters';

// The demo business of the sandbox (Ferretería López, C/ Toledo 42, Madrid), typed by hand.
const profile = {
  ...defaultProfile(),
  businessName: 'Ferretería López',
  managerName: 'Lucía Martín',
  managerEmail: 'ops@demo-ferreteria.es',
  places: [{ id: 'shop', label: 'Tienda', detail: 'C/ Toledo 42, Madrid', kind: 'address' as const }],
};
const fields: LetterFields = {
  language: 'es',
  recipientName: 'Obras Norte S.L.',
  recipientAddress: 'Av. de América 10\n28028 Madrid',
  reference: 'F-2026-0412',
  amount: '1.210,00 €',
  date: '2026-11-15',
  details: '',
};

describe('letters on the letterhead', () => {
  it('a payment reminder in Spanish, with the letterhead, the place and date, and the signer', () => {
    const letter = composeLetter('payment_reminder', fields, profile, '2026-12-01');
    expect(letter.letterhead).toEqual(['Ferretería López', 'C/ Toledo 42, Madrid', 'ops@demo-ferreteria.es']);
    expect(letter.dateLine).toBe('Madrid, 1 de diciembre de 2026');
    expect(letter.recipient).toEqual(['Obras Norte S.L.', 'Av. de América 10', '28028 Madrid']);
    expect(letter.subject).toBe('Recordatorio de pago: factura F-2026-0412');
    expect(letter.paragraphs[0]).toContain(
      'por importe de 1.210,00 €, con vencimiento el 15 de noviembre de 2026',
    );
    expect(letter.signature).toEqual(['Lucía Martín', 'Ferretería López']);
  });

  it('the answer to a formal complaint in English carries the resolution as typed', () => {
    const letter = composeLetter(
      'complaint_answer',
      {
        ...fields,
        language: 'en',
        recipientName: 'James Whitaker',
        reference: 'C-118',
        details: 'We will replace the drill at no cost.',
      },
      profile,
      '2026-12-01',
    );
    expect(letter.salutation).toBe('Dear James Whitaker,');
    expect(letter.paragraphs).toContain('We will replace the drill at no cost.');
    expect(letter.dateLine).toBe('1 December 2026');
  });

  it('a .docx that opens: a zip with the Word parts, the letterhead in the header, the text in the body', async () => {
    const letter = composeLetter(
      'confirmation',
      { ...fields, reference: 'la entrega del pedido 7781', details: '<b>no markup</b>' },
      profile,
      '2026-12-01',
    );
    const blob = await letterDocx(letter);
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const body = strFromU8(files['word/document.xml']!);
    expect(body).toContain('Confirmación: la entrega del pedido 7781');
    expect(body).toContain('&lt;b&gt;no markup&lt;/b&gt;'); // typed text stays text
    const header = Object.entries(files).find(([name]) => /^word\/header\d*\.xml$/.test(name));
    expect(strFromU8(header![1])).toContain('Ferretería López');
  });
});
