// @vitest-environment node

// The Graph client must run in an MV3 service worker, where there is no `process`, `Buffer`,
// `require`, `window` or `document`. This bundles the provider the way the extension build
// resolves it (browser field, ES build) and runs it in a bare V8 context that has only what a
// worker has for it: fetch and its classes, URL, TextEncoder, Intl, timers.
// esbuild comes with vite and tsx; it is used here only as a bundler.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

describe('Microsoft provider in a worker-like context', () => {
  it('bundles for the browser and lists events without Node or DOM globals', async () => {
    const entry = fileURLToPath(new URL('./microsoft.ts', import.meta.url));
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      globalName: 'calendarMicrosoft',
      target: 'chrome120',
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;

    const requests: { url: string; auth: string | undefined }[] = [];
    const fakeFetch = async (input: string, init?: { headers?: Record<string, string> }) => {
      requests.push({ url: String(input), auth: init?.headers?.['Authorization'] });
      return new Response(
        JSON.stringify({
          value: [
            {
              id: 'e1',
              subject: 'Worker check',
              start: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'Europe/Madrid' },
              end: { dateTime: '2026-03-10T10:30:00.0000000', timeZone: 'Europe/Madrid' },
            },
          ],
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      );
    };
    const sandbox: Record<string, unknown> = {
      fetch: fakeFetch,
      Response,
      Headers,
      Request,
      URL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
      AbortController,
      Intl,
      console,
      setTimeout,
      clearTimeout,
      queueMicrotask,
    };
    sandbox['self'] = sandbox;
    const context = vm.createContext(sandbox);
    vm.runInContext(code, context);
    const missing = vm.runInContext(
      "['process', 'Buffer', 'require', 'window', 'document', 'global'].filter((n) => typeof globalThis[n] !== 'undefined')",
      context,
    ) as string[];
    expect(missing).toEqual([]);

    const run = vm.runInContext(
      `calendarMicrosoft.createMicrosoftProvider({
         baseUrl: 'http://127.0.0.1:4555/graph/',
         getToken: async () => 'worker-token',
         timeZone: 'Europe/Madrid',
       }).list('primary', { start: Date.UTC(2026, 2, 10), end: Date.UTC(2026, 2, 11) })`,
      context,
    ) as Promise<{ id: string; startMs: number }[]>;
    const events = await run;
    expect(events.map((e) => [e.id, e.startMs])).toEqual([['e1', Date.parse('2026-03-10T09:00:00Z')]]);
    expect(requests[0]?.url.startsWith('http://127.0.0.1:4555/graph/v1.0/me/calendar/calendarView?')).toBe(
      true,
    );
    expect(requests[0]?.auth).toBe('Bearer worker-token');
  });
});
