// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { madrid, useSandbox } from './testing';

const sandbox = useSandbox();
const json = (value: unknown) => JSON.stringify(value);

const googleBooking = (id: string) =>
  sandbox.google('calendars/primary/events', {
    method: 'POST',
    body: json({
      id,
      summary: 'Cita',
      start: { dateTime: madrid(2, '16:00') },
      end: { dateTime: madrid(2, '16:30') },
    }),
  });
const graphBooking = (transactionId: string) =>
  sandbox.graph('me/events', {
    method: 'POST',
    body: json({
      subject: 'Cita',
      start: { dateTime: '2026-03-04T16:00:00', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2026-03-04T16:30:00', timeZone: 'Romance Standard Time' },
      transactionId,
    }),
  });

describe('fault injection and admin API', () => {
  it('answers 429 with Retry-After in Google shape, then lets the retry through', async () => {
    await sandbox.admin('faults', 'POST', [
      { method: 'POST', path: '/freeBusy$', status: 429, retryAfter: 2, times: 1 },
    ]);
    const body = json({
      timeMin: madrid(0, '08:00'),
      timeMax: madrid(0, '18:00'),
      items: [{ id: 'primary' }],
    });
    const limited = await sandbox.google('freeBusy', { method: 'POST', body });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toMatchObject({
      error: { code: 429, status: 'RESOURCE_EXHAUSTED', errors: [{ reason: 'rateLimitExceeded' }] },
    });

    expect((await sandbox.google('freeBusy', { method: 'POST', body })).status).toBe(200);
    const snap = await sandbox.snapshot();
    expect(snap.faults[0]).toMatchObject({ hits: 1, times: 0 });
    expect(snap.log.map((l) => l.fault ?? null)).toEqual(['status 429', null]);
    // The faulted request never reached the route; only the retry is counted there.
    expect(snap.requests['POST /google/calendar/v3/freeBusy']).toBe(1);
  });

  it('answers 503 in Graph shape', async () => {
    await sandbox.admin('faults', 'POST', {
      path: '^/graph/v1\\.0/me/calendar/getSchedule$',
      status: 503,
      retryAfter: 5,
    });
    const res = await sandbox.graph('me/calendar/getSchedule', { method: 'POST', body: '{}' });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ServiceUnavailable');
  });

  it('drops the connection after a Google insert committed; the retry is a duplicate', async () => {
    await sandbox.admin('faults', 'POST', {
      method: 'POST',
      path: '/calendars/[^/]+/events$',
      dropAfterCommit: true,
    });
    await expect(googleBooking('dropped0booking1')).rejects.toThrow();
    expect((await googleBooking('dropped0booking1')).status).toBe(409);
    const snap = await sandbox.snapshot();
    expect(snap.events.filter((e) => e.id === 'dropped0booking1')).toHaveLength(1);
  });

  it('drops the connection after a Graph create committed; the retry names the same event', async () => {
    await sandbox.admin('faults', 'POST', { method: 'POST', path: '/me/events$', dropAfterCommit: true });
    await expect(graphBooking('tx-dropped')).rejects.toThrow();
    const retry = await graphBooking('tx-dropped');
    expect(retry.status).toBe(400);
    const snap = await sandbox.snapshot();
    const stored = snap.events.filter((e) => e.transactionId === 'tx-dropped');
    expect(stored).toHaveLength(1);
    const error = ((await retry.json()) as { error: Record<string, string> }).error;
    expect(error.code).toBe('ErrorDuplicateTransactionId');
    expect(error['@event.existingEventId']).toBe(stored[0]?.id);
  });

  it('never applies faults to the admin API, and DELETE clears them', async () => {
    await sandbox.admin('faults', 'POST', { path: '.*', status: 500, times: 10 });
    expect((await sandbox.admin('state')).status).toBe(200);
    expect((await sandbox.graph('me')).status).toBe(500);
    await sandbox.admin('faults', 'DELETE');
    expect((await sandbox.graph('me')).status).toBe(200);
  });

  it('rejects malformed rules', async () => {
    expect((await sandbox.admin('faults', 'POST', { path: '(', status: 500 })).status).toBe(400);
    expect((await sandbox.admin('faults', 'POST', { status: 500 })).status).toBe(400);
    expect((await sandbox.snapshot()).faults).toEqual([]);
  });

  it('reset restores the seed and clears counters', async () => {
    const before = await sandbox.snapshot();
    expect((await googleBooking('reset0check')).status).toBe(200);
    const changed = await sandbox.snapshot();
    expect(changed.events).toHaveLength(before.events.length + 1);

    const reset = await sandbox.admin('reset', 'POST', { now: '2026-03-02T07:00:00Z' });
    expect(reset.status).toBe(200);
    const after = await sandbox.snapshot();
    expect(after.events.map((e) => [e.id, e.start])).toEqual(before.events.map((e) => [e.id, e.start]));
    expect(after.requests).toEqual({});
  });

  it('exposes every calendar of both providers in the snapshot', async () => {
    const snap = await sandbox.snapshot();
    expect(snap.google.calendars.map((c) => c.id)).toContain('maria.lopez@demo-ferreteria.es');
    expect(
      snap.microsoft.users.find((u) => u.id === snap.microsoft.me)?.calendars.map((c) => c.name),
    ).toEqual(['Calendario', 'Proyectos']); // own calendars; Ana's shared one stays in her mailbox
    const providers = new Set(snap.events.map((e) => e.provider));
    expect(providers).toEqual(new Set(['google', 'microsoft']));
    // The seed promises a cross-provider conflict for the agenda to show.
    const compras = snap.events.find((e) => e.summary === 'Comité de compras');
    const visita = snap.events.find((e) => e.summary === 'Visita técnica obra C/ Mayor 12');
    expect(compras && visita && compras.start < visita.end && visita.start < compras.end).toBe(true);
  });
});
