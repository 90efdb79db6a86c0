import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Profile } from './Profile';
import { db } from '../../services/db/db';
import { getProfile } from '../../services/profile';
import { setLocale } from '../../services/i18n';
import { PROFILE_ADDRESSES_KEY } from '../../services/mail-sites/ours';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(async () => {
  setLocale('en');
  await db.settings.clear();
});
afterEach(cleanup);

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('business profile form', () => {
  it('shows errors beside the fields, keeps what was typed and saves nothing until valid', async () => {
    render(<Profile />);
    fireEvent.input(await screen.findByLabelText('Business name'), { target: { value: 'Ferretería López' } });
    fireEvent.input(input("Manager's address"), { target: { value: 'maria@' } });
    fireEvent.input(input('Default meeting length'), { target: { value: '3o' } });
    const monday = screen.getByTestId('day-1');
    const [from] = within(monday).getAllByLabelText('Monday from') as HTMLInputElement[];
    fireEvent.input(from!, { target: { value: '15:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add place' }));
    fireEvent.input(screen.getByLabelText('Name (e.g. Main office)'), { target: { value: 'Tienda' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('This does not look like an email address.')).toBeTruthy();
    expect(screen.getByText('Use whole minutes between 5 and 480.')).toBeTruthy();
    expect(within(monday).getByText('Each range must end after it starts.')).toBeTruthy();
    expect(screen.getByText('Give the place a name and its address, room or number.')).toBeTruthy();
    expect(screen.getByText(/Not saved/)).toBeTruthy();
    expect(input('Business name').value).toBe('Ferretería López');
    expect(input('Default meeting length').value).toBe('3o');
    expect(input("Manager's address").value).toBe('maria@');
    expect((await getProfile()).businessName).toBe('');

    fireEvent.input(input("Manager's address"), { target: { value: 'maria@ferreteria.example' } });
    fireEvent.input(input('Default meeting length'), { target: { value: '45' } });
    fireEvent.input(from!, { target: { value: '08:30' } });
    fireEvent.input(screen.getByLabelText('Address, room or number'), { target: { value: 'Calle Mayor 3' } });
    fireEvent.click(within(screen.getByTestId('day-6')).getByLabelText('Day off'));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    const saved = await getProfile();
    expect(saved).toMatchObject({
      businessName: 'Ferretería López',
      managerEmail: 'maria@ferreteria.example',
      meetingMinutes: 45,
      places: [expect.objectContaining({ label: 'Tienda', detail: 'Calle Mayor 3', kind: 'room' })],
    });
    expect(saved.workingHours['1']?.[0]).toEqual({ start: '08:30', end: '14:00' });
    expect(saved.workingHours['6']).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('adds holidays and a booking calendar that defaults to the manager address', async () => {
    render(<Profile />);
    fireEvent.input(await screen.findByLabelText("Manager's address"), {
      target: { value: 'boss@shop.example' },
    });
    fireEvent.input(input('Holiday date'), { target: { value: '2026-12-25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add holiday' }));
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'microsoft' } });
    expect(input('Calendar id').value).toBe('boss@shop.example');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(async () =>
      expect(await getProfile()).toMatchObject({
        holidays: ['2026-12-25'],
        bookingCalendar: { provider: 'microsoft', calendarId: 'boss@shop.example' },
      }),
    );
  });

  it('saves the business’s aliases and shares them with the mail pages’ content script', async () => {
    render(<Profile />);
    const aliases = (await screen.findByLabelText(
      'Other addresses the business writes from (aliases)',
    )) as HTMLTextAreaElement;
    fireEvent.input(aliases, { target: { value: 'pedidos@ , facturas@tienda.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Each alias must be an email address.')).toBeTruthy();
    expect((await getProfile()).aliases).toEqual([]);

    fireEvent.input(input("Manager's address"), { target: { value: 'Maria@Tienda.example' } });
    fireEvent.input(aliases, { target: { value: 'pedidos@tienda.example\nfacturas@tienda.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect((await getProfile()).aliases).toEqual(['pedidos@tienda.example', 'facturas@tienda.example']);
    const stored = await fakeBrowser.storage.local.get(PROFILE_ADDRESSES_KEY);
    expect(stored[PROFILE_ADDRESSES_KEY]).toEqual([
      'maria@tienda.example',
      'pedidos@tienda.example',
      'facturas@tienda.example',
    ]);
  });
});
