import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Staff } from './Staff';
import { db } from '../../services/db/db';
import { listStaff } from '../../services/db/contacts';
import { setLocale } from '../../services/i18n';

beforeEach(async () => {
  setLocale('en');
  await db.contacts.clear();
});
afterEach(cleanup);

async function chooseCsv(content: string) {
  const input = screen.getByLabelText('Import CSV') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], 'staff.csv')], configurable: true });
  fireEvent.change(input);
}

describe('staff directory', () => {
  it('adds, edits and deletes a person; the address must be unique', async () => {
    render(<Staff />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add person' }));
    let form = screen.getByRole('form', { name: 'Staff member' });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Luis Gómez' } });
    fireEvent.input(within(form).getByLabelText('Address'), { target: { value: 'luis@tienda.example' } });
    fireEvent.input(within(form).getByLabelText('Role'), { target: { value: 'Técnico' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getAllByTestId('staff-item')).toHaveLength(1));
    expect((await listStaff())[0]).toMatchObject({ calendarId: 'luis@tienda.example', role: 'Técnico' });

    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    form = screen.getByRole('form', { name: 'Staff member' });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Otro Luis' } });
    fireEvent.input(within(form).getByLabelText('Address'), { target: { value: 'LUIS@tienda.example' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'luis@tienda.example is already in the directory',
    );
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Otro Luis');
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(screen.getByRole('button', { name: 'Edit Luis Gómez' }));
    form = screen.getByRole('form', { name: 'Staff member' });
    fireEvent.change(within(form).getByLabelText('Provider'), { target: { value: 'microsoft' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await listStaff())[0]?.provider).toBe('microsoft'));

    fireEvent.click(screen.getByRole('button', { name: 'Delete Luis Gómez' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(async () => expect(await listStaff()).toEqual([]));
  });

  it('imports a CSV and lists the bad rows by line', async () => {
    render(<Staff />);
    await chooseCsv(
      'name,email,role,provider,calendar\nAna,ana@x.example,Ventas,google,\n,sin@x.example,,,\nBea,bea-at-x,,,\nAna Bis,ana@x.example,,,\n',
    );
    const result = await screen.findByTestId('staff-import-result');
    expect(result.textContent).toContain('Imported: 1 added, 0 updated.');
    expect(
      within(result)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Line 3: The name is missing',
      'Line 4: “bea-at-x” is not a valid address',
      'Line 5: ana@x.example is already in the directory',
    ]);
    await waitFor(() => expect(screen.getAllByTestId('staff-item')).toHaveLength(1));
  });

  it('refuses a CSV without a header', async () => {
    render(<Staff />);
    await chooseCsv('Ana,ana@x.example\n');
    expect((await screen.findByRole('alert')).textContent).toMatch(/header row/);
    expect(await db.contacts.count()).toBe(0);
  });
});
