import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OAuthSetup } from './OAuthSetup';
import { clientIdOverrides } from '../../services/auth/clients';
import { setLocale } from '../../services/i18n';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

beforeEach(() => {
  fakeBrowser.reset();
  setLocale('en');
  // fakeBrowser has no identity API.
  (browser as unknown as { identity: unknown }).identity = { getRedirectURL: () => REDIRECT };
});
afterEach(cleanup);

describe('OAuth setup for a build without client ids', () => {
  it('shows the exact redirect URI with a copy button and saves only a well-formed client id', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const onSaved = vi.fn();
    render(<OAuthSetup onSaved={onSaved} />);
    const google = await screen.findByTestId('setup-google');
    expect(screen.getByTestId('setup-microsoft')).toBeTruthy();
    expect((within(google).getByTestId('redirect-google') as HTMLInputElement).value).toBe(REDIRECT);
    fireEvent.click(within(google).getByRole('button', { name: 'Copy' }));
    await within(google).findByRole('button', { name: 'Copied' });
    expect(writeText).toHaveBeenCalledWith(REDIRECT);

    const input = within(google).getByLabelText('Client id');
    const save = within(google).getByRole('button', { name: 'Save client id' }) as HTMLButtonElement;
    fireEvent.input(input, { target: { value: 'GOCSPX-notthis' } });
    expect(within(google).getByRole('status').textContent).toContain('client secret');
    expect(save.disabled).toBe(true);
    fireEvent.input(input, {
      target: { value: '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com' },
    });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(await clientIdOverrides.getValue()).toEqual({
      google: '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com',
      microsoft: '',
    });
  });
});
