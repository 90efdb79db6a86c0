// wxt/browser is WXT's fakeBrowser under vitest; spying through it keeps the real API types.
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import {
  activeBackend,
  aiSettings,
  downloadChromeModel,
  endpointAllowed,
  endpointPermission,
  requestEndpointPermission,
  testEndpoint,
} from './ai-settings';
import type { LanguageModelApi } from './assistant/ai';

const endpoint = {
  mode: 'endpoint' as const,
  url: 'http://localhost:11434/v1',
  model: 'llama3',
  apiKey: 'k-1',
};

describe('ai settings', () => {
  it('is off by default and gives no backend', async () => {
    expect((await aiSettings.getValue()).mode).toBe('off');
    expect(await activeBackend()).toBeNull();
  });

  it('asks for exactly the endpoint origin', async () => {
    expect(endpointPermission('https://ai.example.com:8443/v1/chat')).toEqual({
      origins: ['https://ai.example.com:8443/*'],
    });
    expect(endpointPermission('ftp://x')).toBeNull();
    expect(endpointAllowed('http://127.0.0.1:8080/v1')).toBe(true);
    expect(endpointAllowed('http://192.168.1.20:11434/v1')).toBe(false);
    expect(endpointAllowed('https://192.168.1.20/v1')).toBe(true);
    const request = vi.spyOn(browser.permissions, 'request').mockImplementation(async () => false);
    expect(await requestEndpointPermission('http://localhost:11434/v1')).toBe(false);
    expect(request).toHaveBeenCalledWith({ origins: ['http://localhost:11434/*'] });
  });

  it('in Firefox asks for the built-in data consent (personal communications) with the origin', async () => {
    expect(endpointPermission('https://ai.example.com/v1', true)).toEqual({
      origins: ['https://ai.example.com/*'],
      data_collection: ['personalCommunications'],
    });
    const request = vi.spyOn(browser.permissions, 'request').mockImplementation(async () => true);
    expect(await requestEndpointPermission('https://ai.example.com/v1', true)).toBe(true);
    expect(request).toHaveBeenCalledWith({
      origins: ['https://ai.example.com/*'],
      data_collection: ['personalCommunications'],
    });
  });

  it('gives the endpoint backend only while the host permission is held', async () => {
    await aiSettings.setValue(endpoint);
    const contains = vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => false);
    expect(await activeBackend()).toBeNull();
    contains.mockImplementation(async () => true);
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ choices: [{ message: { content: 'Hola' } }] })),
    );
    const backend = await activeBackend({ fetch });
    expect(backend).not.toBeNull();
    expect(await backend!.complete({ system: 's', user: 'u' })).toBe('Hola');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://localhost:11434/v1/chat/completions');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer k-1');
  });

  it('gives the Chrome backend only when the model is ready', async () => {
    await aiSettings.setValue({ ...endpoint, mode: 'chrome' });
    const lm = (state: string): LanguageModelApi => ({
      availability: async () => state,
      create: async () => ({ prompt: async () => 'x' }),
    });
    expect(await activeBackend({ languageModel: lm('downloadable') })).toBeNull();
    expect(await activeBackend({ languageModel: lm('available') })).not.toBeNull();
  });

  it('tests the connection by listing models', async () => {
    const ok = vi.fn(async () => new Response(JSON.stringify({ data: [{ id: 'llama3' }, { id: 'qwen' }] })));
    expect(await testEndpoint(endpoint, ok)).toEqual({ ok: true, models: ['llama3', 'qwen'] });
    expect(await testEndpoint({ ...endpoint, model: 'gpt-9' }, ok)).toMatchObject({
      ok: false,
      problem: 'model-missing',
    });
    const denied = vi.fn(async () => new Response('no', { status: 401 }));
    expect(await testEndpoint(endpoint, denied)).toEqual({ ok: false, problem: 'status', detail: '401' });
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await testEndpoint(endpoint, down)).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(await testEndpoint({ ...endpoint, url: 'nope' }, down)).toMatchObject({ problem: 'bad-url' });
  });

  it('reports the model download progress', async () => {
    const seen: number[] = [];
    const lm: LanguageModelApi = {
      availability: async () => 'downloadable',
      create: async (options) => {
        options.monitor?.({
          addEventListener: (_type, listener) => {
            listener({ loaded: 0.5 });
            listener({ loaded: 1 });
          },
        });
        return { prompt: async () => '' };
      },
    };
    await downloadChromeModel((f) => seen.push(f), lm);
    expect(seen).toEqual([0.5, 1]);
    await expect(downloadChromeModel(() => {}, undefined)).rejects.toThrow(/not available/);
  });
});
