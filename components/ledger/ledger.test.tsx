import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LedgerPage } from './LedgerPage';
import { OverdueInvoices } from './OverdueInvoices';
import { LettersPage } from './LettersPage';
import { saveProfile } from '../../services/profile';
import { enqueue } from '../../services/outbox/outbox';
import { CREATE } from '../../services/scheduling/bookings';
import { db } from '../../services/db/db';
import { setLocale } from '../../services/i18n';
import { recordInvoice, type LedgerForm } from '../../services/ledger/store';

// Forms written by hand after the seeded supplier invoices (sandbox/seed/invoices.ts).
const ES: LedgerForm = {
  kind: 'invoice',
  supplierName: 'Suministros Norte S.L.',
  supplierEmail: 'facturacion@suministros-norte.es',
  taxId: 'B12345674',
  number: 'F2026/0153',
  issueDate: '2026-11-27',
  dueDate: '2026-11-28',
  currency: 'EUR',
  base: '1000.00',
  taxes: [{ kind: 'IVA', rate: '21', amount: '210.00' }],
  total: '1210.00',
  category: 'supplies',
  paymentMethod: 'transfer',
  iban: 'ES9121000418450200051332',
  notes: '',
  attachments: [],
};
const EN: LedgerForm = {
  ...ES,
  supplierName: 'Brightline Tools Ltd',
  supplierEmail: 'accounts@brightline-tools.co.uk',
  taxId: '',
  number: 'INV-30417',
  issueDate: '2026-11-30',
  dueDate: '2099-12-30',
  currency: 'GBP',
  base: '850.00',
  taxes: [{ kind: 'VAT', rate: '20', amount: '170.00' }],
  total: '1020.00',
};

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
});

describe('the dashboard ledger', () => {
  it('lists documents with their status, keeps currencies apart in totals, and changes status', async () => {
    const snapshot = {
      site: 'gmail' as const,
      threadId: 't1',
      url: 'https://mail.google.com/mail/u/0/#inbox/t1',
      subject: 'Factura',
    };
    const { entry } = await recordInvoice(ES, { snapshot });
    await recordInvoice(EN, {});
    render(<LedgerPage path={[]} />);
    const rows = await screen.findAllByTestId('ledger-row');
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]!.textContent?.trim())).toEqual([
      'INV-30417',
      'F2026/0153',
    ]);
    // The Spanish one is past its due day and still to pay.
    expect(within(rows[1]!).getByText('Overdue')).toBeTruthy();
    expect(within(rows[1]!).getByRole('link', { name: 'Open the mail' }).getAttribute('href')).toBe(
      snapshot.url,
    );
    const quarter = screen.getByTestId('ledger-quarter');
    expect(within(quarter).getByText('€210.00')).toBeTruthy();
    expect(within(quarter).getByText('£170.00')).toBeTruthy();

    fireEvent.change(within(rows[1]!).getByRole('combobox', { name: 'Status F2026/0153' }), {
      target: { value: 'paid' },
    });
    await waitFor(async () => expect((await db.ledger.get(entry.id))?.status).toBe('paid'));
    expect((await db.tasks.get(entry.reminderTaskId!))?.status).toBe('done');
    fireEvent.change(within(rows[1]!).getByRole('combobox', { name: 'Category F2026/0153' }), {
      target: { value: 'services' },
    });
    await waitFor(async () => expect((await db.ledger.get(entry.id))?.category).toBe('services'));
  });

  it('says how to start when empty, in Spanish too', async () => {
    setLocale('es');
    render(<LedgerPage path={[]} />);
    expect((await screen.findByText(/Aún no hay facturas/)).textContent).toContain('Registrar factura');
  });

  it('the popup lists overdue invoices only', async () => {
    await recordInvoice(ES, {});
    await recordInvoice(EN, {});
    render(<OverdueInvoices />);
    const list = await screen.findByTestId('invoices-overdue');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('Suministros Norte S.L. · F2026/0153')]);
  });

  it('a profile that cannot be read says so, instead of loading for ever', async () => {
    const read = vi.spyOn(db.settings, 'get').mockRejectedValue(new Error('database closed'));
    try {
      render(<LettersPage path={['payment_reminder']} />);
      expect((await screen.findByRole('alert')).textContent).toContain('database closed');
    } finally {
      read.mockRestore();
    }
  });

  it('a letter from a template, on the profile letterhead, follows what is typed', async () => {
    await saveProfile({
      businessName: 'Ferretería López',
      managerName: 'Lucía Martín',
      places: [{ id: 'shop', label: 'Tienda', detail: 'C/ Toledo 42, Madrid', kind: 'address' }],
    });
    render(<LettersPage path={['payment_reminder']} />);
    const letter = await screen.findByTestId('letter');
    fireEvent.change(screen.getByLabelText('Language of the letter'), { target: { value: 'en' } });
    fireEvent.input(screen.getByLabelText('Recipient'), { target: { value: 'Obras Norte S.L.' } });
    fireEvent.input(screen.getByLabelText('Invoice number'), { target: { value: 'F-2026-0412' } });
    fireEvent.input(screen.getByLabelText('Amount'), { target: { value: '€1,210.00' } });
    await waitFor(() => expect(letter.textContent).toContain('Payment reminder: invoice F-2026-0412'));
    expect(letter.textContent).toContain('Ferretería López');
    expect(letter.textContent).toContain('C/ Toledo 42, Madrid');
    expect(letter.textContent).toContain('Dear Obras Norte S.L.,');
    expect(letter.textContent).toContain('for €1,210.00');
    expect(screen.getByRole('button', { name: 'Download .docx' })).toBeTruthy();
  });

  it("the answer to a logged complaint comes prefilled from it, in the customer's language", async () => {
    await saveProfile({ businessName: 'Ferretería López', timeZone: 'Europe/Madrid' });
    const now = Date.now();
    await db.complaints.put({
      id: 'c-77',
      threadKey: 'gmail:t77',
      threadUrl: 'https://mail.google.com/mail/u/0/#inbox/t77',
      channel: 'gmail',
      customerName: 'Peter Walsh',
      customerEmail: 'peter@walsh.co.uk',
      subject: 'Broken hinge',
      summary: 'The cabinet hinge arrived broken.',
      category: 'damaged',
      severity: 'medium',
      status: 'resolved',
      orderRef: 'PO-5521',
      amount: null,
      language: 'en',
      assignee: null,
      resolution: 'A replacement hinge goes out on Monday at no cost.',
      compensation: '',
      firstResponseAt: null,
      // 23:30 UTC on 30 November is 00:30 on 1 December in Madrid: the letter says the 1st.
      receivedAt: Date.parse('2026-11-30T23:30:00Z'),
      resolvedAt: now,
      dueAt: null,
      createdAt: now,
      updatedAt: now,
      history: [],
      seenMessageIds: [],
      taskId: null,
      words: [],
    } as never);
    render(<LettersPage path={['complaint_answer', 'c-77']} />);
    const letter = await screen.findByTestId('letter');
    await waitFor(() => expect(letter.textContent).toContain('Response to your complaint PO-5521'));
    expect((screen.getByLabelText('Language of the letter') as HTMLSelectElement).value).toBe('en');
    expect((screen.getByLabelText('Recipient') as HTMLInputElement).value).toBe('Peter Walsh');
    expect((screen.getByLabelText('Complaint reference') as HTMLInputElement).value).toBe('PO-5521');
    expect(letter.textContent).toContain('A replacement hinge goes out on Monday at no cost.');
    expect(letter.textContent).toContain('complaint dated 1 December 2026');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a meeting brief and a minutes template for a booked meeting', async () => {
    await saveProfile({ businessName: 'Ferretería López' });
    const item = await enqueue(CREATE, 'k1', {
      provider: 'google',
      calendarId: 'primary',
      threadKey: 'gmail:t1',
      threadUrl: 'https://mail.google.com/mail/u/0/#inbox/t1',
      customer: { name: 'Lucía Pérez', email: 'lucia@example.es', language: 'es', timeZone: 'Europe/Madrid' },
      event: {
        title: 'Meeting with Lucía Pérez',
        description: 'Go through the broken order',
        start: '2026-12-03T10:00:00+01:00',
        end: '2026-12-03T10:30:00+01:00',
        timeZone: 'Europe/Madrid',
        attendees: [{ email: 'lucia@example.es', name: 'Lucía Pérez' }],
        online: true,
      },
    });
    await db.outbox.update(item.id, {
      status: 'done',
      result: { joinUrl: 'https://meet.google.com/abc-defg-hij' },
    });
    render(<LettersPage path={['meeting_brief']} />);
    const letter = await screen.findByTestId('letter');
    await waitFor(() => expect(letter.textContent).toContain('Meeting brief: Meeting with Lucía Pérez'));
    expect(letter.textContent).toContain('Where: https://meet.google.com/abc-defg-hij');
    expect(letter.textContent).toContain('About: Go through the broken order');
    expect(letter.textContent).toContain('Open complaints: none');
    fireEvent.change(screen.getByLabelText('Document'), { target: { value: 'minutes' } });
    await waitFor(() =>
      expect(screen.getByTestId('letter').textContent).toContain('Minutes: Meeting with Lucía Pérez'),
    );
    expect(screen.getByTestId('letter').textContent).toContain('Actions (who, what, by when):');
  });
});
