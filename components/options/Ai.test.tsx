import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
// wxt/browser is WXT's fakeBrowser under vitest; spying through it keeps the real API types.
import { browser } from 'wxt/browser';
import { Ai } from './Ai';
import { aiSettings } from '../../services/ai-settings';
import { setLocale } from '../../services/i18n';
import type { LanguageModelApi } from '../../services/assistant/ai';

beforeEach(() => setLocale('en'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function fillEndpoint() {
  fireEvent.click(await screen.findByLabelText(/OpenAI-compatible endpoint/));
  fireEvent.input(screen.getByLabelText('Base URL'), { target: { value: 'https://ai.example.com/v1' } });
  fireEvent.input(screen.getByLabelText('Model'), { target: { value: 'llama3' } });
  fireEvent.input(screen.getByLabelText('API key (if needed)'), { target: { value: 'secret-key' } });
}

describe('AI options', () => {
  it('is off by default', async () => {
    render(<Ai />);
    expect(((await screen.findByLabelText('Nothing (AI off)')) as HTMLInputElement).checked).toBe(true);
  });

  it('turns the endpoint on only when the host permission is granted for exactly that origin', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockImplementation(async () => false);
    render(<Ai />);
    await fillEndpoint();
    fireEvent.click(screen.getByRole('button', { name: 'Save AI settings' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'https://ai.example.com was not granted',
    );
    expect(request).toHaveBeenCalledWith({ origins: ['https://ai.example.com/*'] });
    expect((await aiSettings.getValue()).mode).toBe('off');
    expect((screen.getByLabelText('API key (if needed)') as HTMLInputElement).value).toBe('secret-key');

    request.mockImplementation(async () => true);
    fireEvent.click(screen.getByRole('button', { name: 'Save AI settings' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(await aiSettings.getValue()).toEqual({
      mode: 'endpoint',
      url: 'https://ai.example.com/v1',
      model: 'llama3',
      apiKey: 'secret-key',
    });
    expect(localStorage.length).toBe(0);
  });

  it('tests the connection and says what is wrong', async () => {
    vi.spyOn(browser.permissions, 'request').mockImplementation(async () => true);
    const fetch = vi.fn(async () => new Response('denied', { status: 401 }));
    vi.stubGlobal('fetch', fetch);
    render(<Ai />);
    await fillEndpoint();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toContain('error 401');
    expect(fetch).toHaveBeenCalledWith('https://ai.example.com/v1/models', expect.anything());

    fetch.mockImplementation(async () => new Response(JSON.stringify({ data: [{ id: 'llama3' }] })));
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Connected (1 models listed).'));
  });

  it('refuses an endpoint URL that is not http(s) without asking for anything', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockImplementation(async () => true);
    render(<Ai />);
    await fillEndpoint();
    fireEvent.input(screen.getByLabelText('Base URL'), { target: { value: 'file:///etc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save AI settings' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/http:\/\/ or https:\/\//);
    fireEvent.input(screen.getByLabelText('Base URL'), { target: { value: 'http://192.168.1.20:11434/v1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save AI settings' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/https/));
    expect(screen.getByRole('alert').textContent).toMatch(/localhost/);
    expect(request).not.toHaveBeenCalled();
  });

  it('offers the Chrome model download with progress', async () => {
    let state = 'downloadable';
    let finish = () => {};
    const lm: LanguageModelApi = {
      availability: async () => state,
      create: (options) =>
        new Promise((resolve) => {
          options.monitor?.({ addEventListener: (_t, listener) => listener({ loaded: 0.42 }) });
          finish = () => {
            state = 'available';
            resolve({ prompt: async () => '' });
          };
        }),
    };
    vi.stubGlobal('LanguageModel', lm);
    render(<Ai />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download model' }));
    expect(await screen.findByText('Downloading: 42%')).toBeTruthy();
    finish();
    await waitFor(() =>
      expect(screen.getByTestId('chrome-availability').textContent).toBe('Ready on this device.'),
    );
    expect(screen.queryByRole('button', { name: 'Download model' })).toBeNull();
  });
});
