import type { SeedThread } from './threads';

// Supplier invoices sent to the demo business (Ferretería López), for the bookkeeping flow: one from
// a Spanish wholesaler in euros with IVA and a due date, one from an English supplier in pounds with
// VAT and payment terms instead of a date. Written by hand for the demo after the fields Spain's
// Reglamento de facturación (RD 1619/2012, art. 6) requires on an invoice and after a UK VAT invoice
// (HMRC VAT Notice 700/21, "VAT invoices"); the companies, tax ids and IBANs are made up, with check
// digits computed so that they validate (the IBAN is the ECBS guide's Spanish example).

export const INVOICE_THREADS: SeedThread[] = [
  {
    key: 'supplier-invoice-es',
    gmailId: '193d5a6b7c8d9e0f',
    outlookId: 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAFN1bWluaXN0cm9zTm9ydGU=',
    language: 'es',
    topic: 'invoice',
    subject: 'Factura F2026/0153 – Suministros Norte',
    customer: { name: 'Suministros Norte S.L.', email: 'facturacion@suministros-norte.es' },
    messages: [
      {
        from: 'customer',
        date: '2026-11-27T09:40:00+01:00',
        text: [
          'Buenos días:',
          '',
          'Les adjuntamos la factura nº F2026/0153 correspondiente al pedido 7781 (tornillería y discos de corte).',
          '',
          'Fecha de emisión: 27/11/2026',
          'Base imponible: 1.000,00 €',
          'IVA 21 %: 210,00 €',
          'Total factura: 1.210,00 €',
          'Vencimiento: 28/12/2026',
          '',
          'Forma de pago: transferencia a ES91 2100 0418 4502 0005 1332',
          'Suministros Norte S.L. · CIF B12345674',
          '',
          'Adjunto: Factura_F2026-0153.pdf',
          '',
          'Un saludo,',
        ].join('\n'),
        signature: 'Ana Ruiz\nAdministración · Suministros Norte S.L.',
      },
    ],
  },
  {
    key: 'supplier-invoice-en',
    gmailId: '193d5b6c7d8e9f10',
    outlookId: 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAEJyaWdodGxpbmVUb29scw==',
    language: 'en',
    topic: 'invoice',
    subject: 'Invoice INV-30417 from Brightline Tools',
    customer: { name: 'Brightline Tools Ltd', email: 'accounts@brightline-tools.co.uk' },
    messages: [
      {
        from: 'customer',
        date: '2026-11-30T11:05:00+00:00',
        text: [
          'Hello,',
          '',
          'Please find attached invoice INV-30417 for the 40 cordless drill batteries shipped last week.',
          '',
          'Invoice date: 30 November 2026',
          'Subtotal: £850.00',
          'VAT @ 20%: £170.00',
          'Total due: £1,020.00',
          'Payment terms: 30 days',
          '',
          'Bank transfer to GB82 WEST 1234 5698 7654 32, quoting the invoice number.',
          '',
          'Attachment: INV-30417.pdf',
          '',
          'Kind regards,',
        ].join('\n'),
        signature: 'Priya Shah\nAccounts · Brightline Tools Ltd',
      },
    ],
  },
];
