import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type RunningSandbox } from './server';
import type { SandboxSnapshot } from './state';

// A Monday in winter time (Madrid UTC+1, London UTC+0, Los Angeles UTC-8), so seeded days and
// offsets in the assertions are fixed. Seed day n is the n-th working day from here.
export const ANCHOR = '2026-03-02T07:00:00Z';

export interface SandboxClient {
  origin(): string;
  google(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  graph(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  admin(path: string, method?: string, body?: unknown): Promise<Response>;
  snapshot(): Promise<SandboxSnapshot>;
}

/** Starts one sandbox for the test file and resets it to the fixed anchor before each test. */
export function useSandbox(): SandboxClient {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox(0);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.state.reset(new Date(ANCHOR)));

  const call =
    (prefix: string, fixedToken: string) =>
    (path: string, init: RequestInit & { token?: string | null } = {}) => {
      const { token = fixedToken, headers, ...rest } = init;
      return fetch(`${sandbox.origin}${prefix}${path}`, {
        ...rest,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(headers as Record<string, string> | undefined),
        },
      });
    };
  const admin = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${sandbox.origin}/__sandbox/${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    origin: () => sandbox.origin,
    google: call('/google/calendar/v3/', 'sandbox-google-token'),
    graph: call('/graph/v1.0/', 'sandbox-microsoft-token'),
    admin,
    snapshot: async () => (await admin('state')).json() as Promise<SandboxSnapshot>,
  };
}

/** ISO instant for a Madrid wall-clock time on seed working day `n` (the anchor is a Monday). */
export function madrid(n: number, hhmm: string): string {
  const day = new Date(ANCHOR);
  day.setUTCDate(day.getUTCDate() + n + 2 * Math.floor(n / 5));
  return `${day.toISOString().slice(0, 10)}T${hhmm}:00+01:00`;
}
