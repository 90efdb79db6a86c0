import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Accounts } from './Accounts';
import { connected } from '../../services/auth/tokens';
import { setLocale } from '../../services/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  setLocale('en');
});
afterEach(cleanup);

describe('Accounts', () => {
  it('offers no Connect button before it knows the account is already connected', async () => {
    await connected.setValue({ google: { account: 'ops@demo.es', at: Date.now() }, microsoft: null });
    render(<Accounts />);
    // First paint: the stored state is not read yet, so neither Connect nor Sign out.
    const google = screen.getByTestId('account-google');
    expect(google.querySelectorAll('button')).toHaveLength(0);
    expect(google.textContent).toContain('Loading');

    await screen.findByRole('button', { name: 'Sign out' });
    expect(screen.getByTestId('account-google').textContent).toMatch(/Connected as ops@demo\.es since/);
    expect(screen.queryByRole('button', { name: 'Connect Google Calendar' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Connect Microsoft 365 / Outlook.com' })).toBeTruthy();
  });
});
