import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OwnAddresses } from './OwnAddresses';
import { LEARNED_ADDRESSES_KEY, UNLEARNED_ADDRESSES_KEY } from '../../services/mail-sites/ours';
import { setLocale } from '../../services/i18n';

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
  setLocale('en');
});

const learnt = async () =>
  (await fakeBrowser.storage.local.get(LEARNED_ADDRESSES_KEY))[LEARNED_ADDRESSES_KEY];

describe('Options: addresses learnt as yours', () => {
  it('lists the learnt addresses and removes a wrong one, keeping the rest', async () => {
    await fakeBrowser.storage.local.set({
      [LEARNED_ADDRESSES_KEY]: ['pedidos@tienda.es', 'cliente.equivocado@gmail.com'],
    });
    render(<OwnAddresses />);
    const list = await screen.findByTestId('own-addresses');
    expect(list.textContent).toContain('pedidos@tienda.es');
    fireEvent.click(screen.getByRole('button', { name: 'Remove cliente.equivocado@gmail.com' }));
    await waitFor(() =>
      expect(screen.getByTestId('own-addresses').textContent).not.toContain('cliente.equivocado'),
    );
    expect(await learnt()).toEqual(['pedidos@tienda.es']);
    // Remembered as removed, so the mail page does not learn it again.
    expect((await fakeBrowser.storage.local.get(UNLEARNED_ADDRESSES_KEY))[UNLEARNED_ADDRESSES_KEY]).toEqual([
      'cliente.equivocado@gmail.com',
    ]);
    // Listed as removed, and the removal can be undone.
    expect((await screen.findByTestId('own-addresses-removed')).textContent).toContain('(1)');
    fireEvent.click(screen.getByRole('button', { name: 'Let cliente.equivocado@gmail.com be learnt again' }));
    await waitFor(() => expect(screen.queryByTestId('own-addresses-removed')).toBeNull());
    expect((await fakeBrowser.storage.local.get(UNLEARNED_ADDRESSES_KEY))[UNLEARNED_ADDRESSES_KEY]).toEqual(
      [],
    );
  });

  it('shows an address learnt while the page is open, and says when there is none', async () => {
    setLocale('es');
    render(<OwnAddresses />);
    expect((await screen.findByTestId('own-addresses-empty')).textContent).toMatch(/Aún no ha aprendido/);
    await fakeBrowser.storage.local.set({ [LEARNED_ADDRESSES_KEY]: ['hola@tienda.es'] });
    expect((await screen.findByTestId('own-addresses')).textContent).toContain('hola@tienda.es');
    expect(screen.getByRole('button', { name: 'Quitar hola@tienda.es' })).toBeTruthy();
  });
});
