import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { RecordInvoice } from './RecordInvoice';
import { message, thread } from '../../services/assistant/testing-fixtures';
import { db } from '../../services/db/db';
import { setLocale } from '../../services/i18n';

// Invoice text written by hand after the seeded Spanish supplier invoice (sandbox/seed/invoices.ts).
const INVOICE =
  'Les adjuntamos la factura nº F2026/0153.\n\nFecha de emisión: 27/11/2026\nBase imponible: 1.000,00 €\nIVA 21 %: 210,00 €\nTotal factura: 1.210,00 €';
const supplier = { name: 'Suministros Norte S.L.', email: 'facturacion@suministros-norte.es' };

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
});

describe('Record invoice in the side panel', () => {
  it('records in one click, then shows the record; the same invoice mailed again is recognised', async () => {
    const snapshot = thread([
      message({ id: 'm1', from: supplier, text: `${INVOICE}\nVencimiento: 28/12/2026` }),
    ]);
    render(<RecordInvoice snapshot={snapshot} timeZone="Europe/Madrid" />);
    expect((await screen.findByTestId('ledger-due')).textContent).toBe('Dec 28, 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Record invoice' }));
    expect((await screen.findByTestId('ledger-entry')).textContent).toContain('F2026/0153');
    expect(screen.getByText(/Payment reminder task added/)).toBeTruthy();
    expect(await db.ledger.count()).toBe(1);

    cleanup();
    const again = {
      ...thread([message({ id: 'x', from: supplier, text: `${INVOICE}\nVencimiento: 28/12/2026` })]),
      threadId: 'other',
    };
    render(<RecordInvoice snapshot={again} timeZone="Europe/Madrid" />);
    await screen.findByText(/already recorded/);
    expect(screen.queryByRole('button', { name: 'Record invoice' })).toBeNull();
    expect(await db.ledger.count()).toBe(1);
  });

  it('asks for a missing due date in Spanish, and records nothing until given', async () => {
    setLocale('es');
    render(<RecordInvoice snapshot={thread([message({ id: 'm1', from: supplier, text: INVOICE })])} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Registrar factura' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Escribe el vencimiento/);
    expect(await db.ledger.count()).toBe(0);
    fireEvent.input(screen.getByLabelText('Vencimiento'), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrar factura' }));
    await screen.findByTestId('ledger-entry');
    expect((await db.ledger.toArray())[0]?.dueDate).toBe('2026-12-31');
  });

  it('a customer mail that only mentions an invoice shows no Record invoice', async () => {
    render(
      <RecordInvoice
        snapshot={thread([
          message({ id: 'm1', text: '¿Me podéis mandar la factura del pedido 4512? Gracias' }),
        ])}
      />,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Record invoice' })).toBeNull();
  });

  it('says when the totals do not add up and when the invoice is in a foreign currency', async () => {
    const text =
      'Invoice INV-55\nInvoice date: 30 November 2026\nSubtotal: £850.00\nVAT @ 20%: £170.00\nTotal due: £1,120.00\nPayment terms: 30 days';
    render(
      <RecordInvoice
        snapshot={thread([message({ id: 'm1', from: supplier, text })])}
        timeZone="Europe/Madrid"
      />,
    );
    await screen.findByTestId('ledger-form');
    expect(
      screen.getByText(/The totals do not add up: base \+ taxes = £1,020\.00, the invoice says £1,120\.00/),
    ).toBeTruthy();
    expect(screen.getByText('In GBP, not EUR: kept in GBP, totalled apart.')).toBeTruthy();
    // Recorded as the paper says (the user decides), with the due date from the terms.
    fireEvent.click(screen.getByRole('button', { name: 'Record invoice' }));
    await screen.findByTestId('ledger-entry');
    expect((await db.ledger.toArray()).map((e) => [e.total, e.currency, e.dueDate])).toEqual([
      [112000, 'GBP', '2026-12-30'],
    ]);
  });
});
