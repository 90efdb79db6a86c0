import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ComplaintPanel } from './ComplaintPanel';
import { message, thread } from '../../services/assistant/testing-fixtures';
import { analyseThread } from '../../services/assistant/analyse';
import { db } from '../../services/db/db';
import { saveProfile } from '../../services/profile';
import { setLocale } from '../../services/i18n';

// A complaint without a currency in its words (written by hand for this test).
const TEXT = 'El pedido 5521 llegó roto y nadie me contesta. Quiero que me devuelvan lo que pagué.';
const customer = { name: 'Rosa Méndez', email: 'rosa@correo.mx' };

beforeEach(async () => {
  cleanup();
  setLocale('en');
  await db.delete();
  await db.open();
});

async function openForm(timeZone: string) {
  await saveProfile({ timeZone });
  const snapshot = thread([message({ id: 'm1', from: customer, text: TEXT })]);
  render(<ComplaintPanel snapshot={snapshot} analysis={analyseThread(snapshot, undefined, { timeZone })} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Log complaint' }));
  await screen.findByLabelText('Amount in dispute');
}

describe('Complaint panel: amount in dispute', () => {
  it("an amount typed with no currency is in the business's own, and the currency can be changed", async () => {
    await openForm('America/Mexico_City');
    const currency = screen.getByLabelText('Currency') as HTMLInputElement;
    await waitFor(() => expect(currency.value).toBe('MXN'));
    fireEvent.input(screen.getByLabelText('Amount in dispute'), { target: { value: '349,90' } });
    fireEvent.input(currency, { target: { value: 'usd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save complaint' }));
    await screen.findByTestId('complaint');
    const [stored] = await db.complaints.toArray();
    expect(stored?.amount).toEqual({ value: 349.9, currency: 'USD' });
  });

  it('a business in Madrid gets euros', async () => {
    await openForm('Europe/Madrid');
    fireEvent.input(screen.getByLabelText('Amount in dispute'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save complaint' }));
    await screen.findByTestId('complaint');
    expect((await db.complaints.toArray())[0]?.amount).toEqual({ value: 12, currency: 'EUR' });
  });
});
