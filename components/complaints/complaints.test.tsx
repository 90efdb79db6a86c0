import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ComplaintsPage } from './ComplaintsPage';
import { InsightsPage } from './InsightsPage';
import { db } from '../../services/db/db';
import { setLocale } from '../../services/i18n';
import { createComplaintFromThread } from '../../services/db/complaints';
import { prefillFromThread } from '../../services/complaints/prefill';
import { makeComplaint, message, snapshot } from '../../services/complaints/test-helpers';
import { complaintWords } from '../../services/db/complaints';
import { ComplaintSettings } from './ComplaintSettings';
import { saveProfile } from '../../services/profile';
import { getCategories, getSlaTargets } from '../../services/complaints/settings';

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(cleanup);

const stored = (over: Parameters<typeof makeComplaint>[0]) => {
  const c = makeComplaint(over);
  return { ...c, words: complaintWords(c) };
};

async function choose(input: HTMLInputElement, content: string) {
  const file = new File([content], 'complaints.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('complaints list', () => {
  it('shows open complaints, filters by category and changes the selected ones in bulk', async () => {
    await db.complaints.bulkAdd([
      stored({ id: 'a', threadKey: 'k:a', subject: 'Caja rota', category: 'product', createdAt: 3 }),
      stored({ id: 'b', threadKey: 'k:b', subject: 'Late parcel', category: 'delivery', createdAt: 2 }),
      stored({ id: 'c', threadKey: 'k:c', subject: 'Old one', status: 'closed', createdAt: 1 }),
    ]);
    render(<ComplaintsPage path={[]} />);
    await waitFor(() => expect(screen.getAllByTestId('complaint-row')).toHaveLength(2));
    expect(screen.getByText('Page 1 of 1 (2 complaints)')).toBeTruthy();

    // The category choices are a live query of their own: pick one only once it is offered.
    const category = screen.getByLabelText('Category') as HTMLSelectElement;
    await waitFor(() => expect(category.querySelector('option[value="delivery"]')).not.toBeNull());
    fireEvent.change(category, { target: { value: 'delivery' } });
    await waitFor(() => expect(screen.getAllByTestId('complaint-row')).toHaveLength(1));
    expect(screen.getByText('Late parcel')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('Select: Late parcel'));
    const bar = screen.getByTestId('bulk-bar');
    fireEvent.change(within(bar).getByLabelText('Change status of selected to'), {
      target: { value: 'resolved' },
    });
    fireEvent.input(within(bar).getByLabelText('Resolution'), { target: { value: 'Reenviado' } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByText(/1 changed; 0 left as they were/)).toBeTruthy());
    expect(await db.complaints.get('b')).toMatchObject({ status: 'resolved', resolution: 'Reenviado' });
  });

  it('refuses a foreign import file with a clear message and keeps the stored complaints', async () => {
    await db.complaints.add(stored({ id: 'a', threadKey: 'k:a' }));
    render(<ComplaintsPage path={[]} />);
    await choose(screen.getByLabelText('Import JSON') as HTMLInputElement, '{"contacts": []}');
    await waitFor(() =>
      expect(screen.getByTestId('transfer-message').textContent).toContain(
        'not an Ops Assistant complaints export',
      ),
    );
    expect(await db.complaints.count()).toBe(1);
  });

  it('reads in Spanish', async () => {
    setLocale('es');
    await db.complaints.add(stored({ id: 'a', threadKey: 'k:a', severity: 'critical' }));
    render(<ComplaintsPage path={[]} />);
    await waitFor(() => expect(screen.getByText('Crítica')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Exportar CSV' })).toBeTruthy();
  });
});

describe('complaint detail', () => {
  it('moves through the workflow with a note, edits fields and links the thread and task', async () => {
    const s = snapshot({ messages: [message()] });
    const { complaint } = await createComplaintFromThread(s, prefillFromThread(s));
    render(<ComplaintsPage path={[complaint.id]} />);
    await waitFor(() => expect(screen.getByTestId('complaint-status').textContent).toBe('New'));
    expect(screen.getByRole('link', { name: 'Open the thread' }).getAttribute('href')).toBe(s.url);
    await waitFor(() => expect(screen.getByRole('link', { name: /Open the follow-up task/ })).toBeTruthy());

    fireEvent.input(screen.getByLabelText('Note for the status change (optional)'), {
      target: { value: 'Llamé a la clienta' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start working' }));
    await waitFor(() => expect(screen.getByTestId('complaint-status').textContent).toBe('In progress'));
    expect(screen.getByTestId('complaint-history').textContent).toContain('New → In progress');
    expect(screen.getByTestId('complaint-history').textContent).toContain('Llamé a la clienta');
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();

    fireEvent.input(screen.getByLabelText('Resolution'), { target: { value: 'Reembolso' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await db.complaints.get(complaint.id))?.resolution).toBe('Reembolso'));
  });

  it('resolving asks for the resolution and proposes a reply; the history is in time order with who did what', async () => {
    await saveProfile({ managerName: 'María López', signature: 'María López', tone: 'formal' });
    const s = snapshot({ messages: [message({ date: '2026-10-20T09:00:00+02:00' })] });
    const { complaint } = await createComplaintFromThread(
      s,
      prefillFromThread(s),
      Date.parse('2026-10-21T10:00:00Z'),
    );
    render(<ComplaintsPage path={[complaint.id]} />);
    await waitFor(() => expect(screen.getByTestId('complaint-status').textContent).toBe('New'));

    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    const form = screen.getByTestId('resolve-form');
    const confirm = within(form).getByRole('button', { name: 'Confirm resolution' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(screen.getByTestId('complaint-status').textContent).toBe('New');
    fireEvent.input(within(form).getByLabelText(/^Resolution: what was done/), {
      target: { value: 'Le enviamos otra caja; llega el jueves.' },
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByTestId('complaint-status').textContent).toBe('Resolved'));
    await waitFor(() => expect(screen.getByTestId('proposed-reply')).toBeTruthy());
    const reply = within(screen.getByTestId('proposed-reply')).getByLabelText(
      'Reply text',
    ) as HTMLTextAreaElement;
    expect(reply.value).toContain('Estimado/a Lucía Pérez:');
    expect(reply.value).toContain('Le enviamos otra caja; llega el jueves.');
    expect((await db.complaints.get(complaint.id))?.resolution).toBe(
      'Le enviamos otra caja; llega el jueves.',
    );

    // The customer's message (20 Oct) comes before the logging (21 Oct) although it was added after it.
    const items = within(screen.getByTestId('complaint-history')).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Thread message');
    expect(items[1]!.textContent).toContain('Logged');
    expect(items[1]!.textContent).toContain('by María López');
    expect(items.at(-1)!.textContent).toContain('New → Resolved');
    expect(items.at(-1)!.textContent).toContain('by María López');
  });

  it('says so when the complaint does not exist', async () => {
    render(<ComplaintsPage path={['missing']} />);
    await waitFor(() => expect(screen.getByText('That complaint no longer exists.')).toBeTruthy());
  });
});

describe('insights page', () => {
  it('shows each chart’s figures in an accessible table', async () => {
    const now = Date.parse('2026-10-21T08:00:00Z');
    await db.complaints.bulkAdd([
      stored({
        id: 'a',
        threadKey: 'k:a',
        createdAt: now - 3_600_000,
        customerEmail: 'x@y.es',
        category: 'delivery',
      }),
      stored({
        id: 'b',
        threadKey: 'k:b',
        createdAt: now - 7_200_000,
        customerEmail: 'x@y.es',
        category: 'delivery',
      }),
    ]);
    render(<InsightsPage now={now} />);
    await waitFor(() => expect(screen.getByTestId('weekly-table')).toBeTruthy());
    const table = screen.getByTestId('weekly-table');
    expect(within(table).getByRole('columnheader', { name: 'Delivery' })).toBeTruthy();
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    expect(screen.getByRole('img', { name: /complaints per category per week/i })).toBeTruthy();
    // The legend names each line's category and its count, never uPlot's "Week of: Delivery: --".
    expect(screen.getByTestId('chart-legend').textContent).toBe('Delivery (2 in these weeks)');
    expect(within(screen.getByTestId('repeat-table')).getByText('2')).toBeTruthy();
    expect(screen.getByTestId('phrases').textContent).toContain('pedido llegó roto');
  });
});

describe('complaint settings', () => {
  it('stores edited categories and targets, and refuses an empty category list', async () => {
    render(<ComplaintSettings />);
    const categories = (await screen.findByLabelText('Categories (one per line)')) as HTMLTextAreaElement;
    fireEvent.input(categories, { target: { value: '  \n ' } });
    fireEvent.input(screen.getAllByLabelText('High: First response')[0]!, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Invalid value: categories'));
    expect((await getSlaTargets()).high.firstResponse).toEqual({ value: 4, unit: 'hours' });

    fireEvent.input(categories, { target: { value: 'product\ndelivery\nparking' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(await getCategories()).toEqual(['product', 'delivery', 'parking']);
    expect((await getSlaTargets()).high.firstResponse).toEqual({ value: 3, unit: 'hours' });
  });
});
