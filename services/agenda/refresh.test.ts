// @vitest-environment node
// The agenda refresh against the sandbox's Google Calendar and Microsoft Graph, through the real
// providers: both calendars merged into the cache; a failing provider keeps its old events.
import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox, ANCHOR } from '../../sandbox/testing';
import { createProvider } from '../calendar/provider';
import { db } from '../db/db';
import { cachedAgenda, refreshAgenda, type AgendaSource } from './refresh';

const sandbox = useSandbox();
const zone = 'Europe/Madrid';

function sources(): AgendaSource[] {
  return (['google', 'microsoft'] as const).map((kind) => ({
    kind,
    provider: createProvider(kind, {
      baseUrl: kind === 'google' ? `${sandbox.origin()}/google` : `${sandbox.origin()}/graph/`,
      getToken: async () => (kind === 'google' ? 'sandbox-google-token' : 'sandbox-microsoft-token'),
      timeZone: zone,
    }),
  }));
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('refreshAgenda', () => {
  it('caches the events of both providers for the coming days', async () => {
    const outcome = await refreshAgenda(sources(), zone, Date.parse(ANCHOR));
    expect(outcome.every((o) => o.ok)).toBe(true);
    const { events, entries } = await cachedAgenda();
    expect(new Set(entries.map((e) => e.provider))).toEqual(new Set(['google', 'microsoft']));
    expect(events.some((e) => e.provider === 'google')).toBe(true);
    expect(events.some((e) => e.provider === 'microsoft')).toBe(true);
    // What the sandbox holds for the manager today is what the cache holds.
    const state = await sandbox.snapshot();
    for (const title of ['Visita técnica obra C/ Mayor 12', 'Comité de compras']) {
      expect(state.events.some((e) => (e.summary ?? e.subject) === title)).toBe(true);
      expect(events.filter((e) => e.title === title).length, title).toBeGreaterThan(0);
    }
  });

  it('keeps a failing provider’s previous events, marked with the error, and the other one fresh', async () => {
    await refreshAgenda(sources(), zone, Date.parse(ANCHOR));
    const before = (await cachedAgenda()).events.filter((e) => e.provider === 'google').length;
    await sandbox.admin('faults', 'POST', { path: '^/google/', status: 500, times: 50 });
    const outcome = await refreshAgenda(sources(), zone, Date.parse(ANCHOR) + 60_000);
    expect(outcome.find((o) => o.provider === 'google')).toMatchObject({ ok: false, errorKind: 'server' });
    expect(outcome.find((o) => o.provider === 'microsoft')?.ok).toBe(true);
    const { entries, events } = await cachedAgenda();
    expect(events.filter((e) => e.provider === 'google')).toHaveLength(before);
    expect(entries.filter((e) => e.provider === 'google').every((e) => e.error !== null)).toBe(true);
    expect(
      entries
        .filter((e) => e.provider === 'microsoft')
        .every((e) => e.error === null && e.fetchedAt === Date.parse(ANCHOR) + 60_000),
    ).toBe(true);
  });

  it('tells a missing permission and a refusal apart from a dead sign-in', async () => {
    await sandbox.admin('faults', 'POST', [
      { path: '^/google/', status: 403, reason: 'insufficientPermissions', times: 50 },
      { path: '^/graph/', status: 403, reason: 'ErrorAccessDenied', times: 50 },
    ]);
    const outcome = await refreshAgenda(sources(), zone, Date.parse(ANCHOR));
    expect(outcome.map((o) => [o.errorKind, o.message?.key])).toEqual([
      ['scope', 'calendarErrorScope'],
      ['forbidden', 'calendarErrorForbidden'],
    ]);
  });

  it('reports an expired token as an auth problem', async () => {
    await sandbox.admin('config', 'POST', { tokens: 'expire' });
    const outcome = await refreshAgenda(sources(), zone, Date.parse(ANCHOR));
    expect(outcome.map((o) => o.errorKind)).toEqual(['auth', 'auth']);
  });
});
