// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { madrid, useSandbox } from './testing';

const sandbox = useSandbox();
const MARIA = 'maria.lopez@demo-ferreteria.es';
const CARMEN = 'carmen.vidal@demo-ferreteria.es';
const JAVIER = 'javier.ruiz@demo-ferreteria.es';
const json = (value: unknown) => JSON.stringify(value);

async function listAll(query: string): Promise<{ items: calendar_v3.Schema$Event[]; pages: number }> {
  const items: calendar_v3.Schema$Event[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const res = await sandbox.google(
      `calendars/primary/events?${query}${token ? `&pageToken=${token}` : ''}`,
    );
    expect(res.status).toBe(200);
    const page = (await res.json()) as calendar_v3.Schema$Events;
    items.push(...(page.items ?? []));
    token = page.nextPageToken ?? undefined;
    pages++;
  } while (token);
  return { items, pages };
}

async function freeBusy(
  timeMin: string,
  timeMax: string,
  ids: string[],
): Promise<calendar_v3.Schema$FreeBusyResponse> {
  const res = await sandbox.google('freeBusy', {
    method: 'POST',
    body: json({ timeMin, timeMax, items: ids.map((id) => ({ id })) }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as calendar_v3.Schema$FreeBusyResponse;
}

const insert = (event: calendar_v3.Schema$Event, query = '') =>
  sandbox.google(`calendars/primary/events${query}`, { method: 'POST', body: json(event) });

const meeting = (id: string): calendar_v3.Schema$Event => ({
  id,
  summary: 'Revisión de la reclamación 8812',
  start: { dateTime: madrid(2, '16:00'), timeZone: 'Europe/Madrid' },
  end: { dateTime: madrid(2, '16:30'), timeZone: 'Europe/Madrid' },
  attendees: [{ email: 'cliente@example.com' }, { email: CARMEN }],
});

describe('Google Calendar stand-in', () => {
  it('answers 401 in Google error shape without a valid token', async () => {
    for (const token of [null, 'not-a-token']) {
      const res = await sandbox.google('users/me/calendarList', { token });
      expect(res.status).toBe(401);
      const body = (await res.json()) as {
        error: { code: number; status: string; errors: { reason: string }[] };
      };
      expect(body.error).toMatchObject({
        code: 401,
        status: 'UNAUTHENTICATED',
        errors: [{ reason: 'authError' }],
      });
    }
  });

  it('lists the subscribed calendars with the primary one marked', async () => {
    const list = (await (
      await sandbox.google('users/me/calendarList')
    ).json()) as calendar_v3.Schema$CalendarList;
    expect(list.items?.map((c) => c.id)).toEqual([
      MARIA,
      CARMEN,
      expect.stringMatching(/@group\.calendar\.google\.com$/),
    ]);
    expect(list.items?.find((c) => c.primary)?.timeZone).toBe('Europe/Madrid');
  });

  it('pages through events in start order, hiding cancelled ones', async () => {
    const window = `timeMin=${encodeURIComponent(madrid(0, '00:00'))}&timeMax=${encodeURIComponent(madrid(10, '00:00'))}&singleEvents=true&orderBy=startTime`;
    const whole = await listAll(`${window}&maxResults=2500`);
    const paged = await listAll(`${window}&maxResults=3`);
    expect(whole.pages).toBe(1);
    expect(paged.pages).toBe(Math.ceil(whole.items.length / 3));
    expect(paged.items.map((e) => e.id)).toEqual(whole.items.map((e) => e.id));
    const starts = whole.items.map((e) => Date.parse(e.start?.dateTime ?? `${e.start?.date}T00:00:00+01:00`));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(whole.items.some((e) => e.id === 'seedgestoria')).toBe(false);
    expect(whole.items.some((e) => e.id === 'seednotitle' && e.summary === undefined)).toBe(true);
  });

  it('filters by time window and free text', async () => {
    const day1 = await listAll(
      `timeMin=${encodeURIComponent(madrid(1, '00:00'))}&timeMax=${encodeURIComponent(madrid(2, '00:00'))}`,
    );
    expect(day1.items.map((e) => e.id)).toEqual(['seedstandup1', 'seedobramayor']);
    const text = await listAll('q=miramar');
    expect(text.items.map((e) => e.id)).toEqual(['seedmiramar']);
  });

  it('rejects orderBy=startTime without singleEvents', async () => {
    const res = await sandbox.google('calendars/primary/events?orderBy=startTime');
    expect(res.status).toBe(400);
  });

  it('treats a second insert with the same id as a duplicate and keeps one event', async () => {
    const first = await insert(meeting('booking0thread0abc'), '?sendUpdates=all');
    expect(first.status).toBe(200);
    const created = (await first.json()) as calendar_v3.Schema$Event;
    expect(created).toMatchObject({ id: 'booking0thread0abc', status: 'confirmed', kind: 'calendar#event' });
    expect(created.attendees?.every((a) => a.responseStatus === 'needsAction')).toBe(true);

    const second = await insert(meeting('booking0thread0abc'));
    expect(second.status).toBe(409);
    const error = (await second.json()) as { error: { errors: { reason: string }[] } };
    expect(error.error.errors[0]?.reason).toBe('duplicate');

    const snap = await sandbox.snapshot();
    expect(snap.events.filter((e) => e.id === 'booking0thread0abc')).toHaveLength(1);
    expect(snap.notifications).toEqual([
      expect.objectContaining({
        eventId: 'booking0thread0abc',
        sendUpdates: 'all',
        recipients: ['cliente@example.com', CARMEN],
      }),
    ]);
  });

  it('refuses ids outside base32hex', async () => {
    const res = await insert(meeting('Booking-With-Capitals'));
    expect(res.status).toBe(400);
  });

  it('creates a Meet link only with conferenceDataVersion=1', async () => {
    const request = {
      createRequest: { requestId: 'req-1', conferenceSolutionKey: { type: 'hangoutsMeet' } },
    };
    const withMeet = (await (
      await insert({ ...meeting('meet00001'), conferenceData: request }, '?conferenceDataVersion=1')
    ).json()) as calendar_v3.Schema$Event;
    expect(withMeet.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(withMeet.conferenceData?.entryPoints?.[0]).toMatchObject({
      entryPointType: 'video',
      uri: withMeet.hangoutLink,
    });
    expect(withMeet.conferenceData?.createRequest?.status?.statusCode).toBe('success');

    const without = (await (
      await insert({ ...meeting('meet00002'), conferenceData: request })
    ).json()) as calendar_v3.Schema$Event;
    expect(without.hangoutLink).toBeUndefined();
  });

  it('makes the Meet link asynchronously when conferences are pending: pending, then success on a later read', async () => {
    await sandbox.admin('config', 'POST', { conferences: 'pending' });
    const request = {
      createRequest: { requestId: 'req-9', conferenceSolutionKey: { type: 'hangoutsMeet' } },
    };
    const created = (await (
      await insert({ ...meeting('meet00009'), conferenceData: request }, '?conferenceDataVersion=1')
    ).json()) as calendar_v3.Schema$Event;
    expect(created.hangoutLink).toBeUndefined();
    expect(created.conferenceData?.createRequest?.status?.statusCode).toBe('pending');
    const read = async () =>
      (await (await sandbox.google('calendars/primary/events/meet00009')).json()) as calendar_v3.Schema$Event;
    expect((await read()).conferenceData?.createRequest?.status?.statusCode).toBe('pending');
    const later = await read();
    expect(later.conferenceData?.createRequest?.status?.statusCode).toBe('success');
    expect(later.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
  });

  it('patches an event and bumps the sequence when the time moves', async () => {
    await insert(meeting('patch00001'));
    const res = await sandbox.google('calendars/primary/events/patch00001', {
      method: 'PATCH',
      body: json({
        start: { dateTime: madrid(2, '17:00') },
        end: { dateTime: madrid(2, '17:30') },
        location: 'Tienda',
      }),
    });
    expect(res.status).toBe(200);
    const patched = (await res.json()) as calendar_v3.Schema$Event;
    expect(patched).toMatchObject({
      id: 'patch00001',
      location: 'Tienda',
      sequence: 1,
      summary: 'Revisión de la reclamación 8812',
    });
  });

  it('marks deleted events cancelled, answers 410 the second time, and frees their time', async () => {
    await insert(meeting('delete00001'));
    const busyBefore = await freeBusy(madrid(2, '16:00'), madrid(2, '16:30'), ['primary']);
    expect(busyBefore.calendars?.primary?.busy).toHaveLength(1);

    expect((await sandbox.google('calendars/primary/events/delete00001', { method: 'DELETE' })).status).toBe(
      204,
    );
    const gone = (await (
      await sandbox.google('calendars/primary/events/delete00001')
    ).json()) as calendar_v3.Schema$Event;
    expect(gone.status).toBe('cancelled');
    expect((await sandbox.google('calendars/primary/events/delete00001', { method: 'DELETE' })).status).toBe(
      410,
    );
    const busyAfter = await freeBusy(madrid(2, '16:00'), madrid(2, '16:30'), ['primary']);
    expect(busyAfter.calendars?.primary?.busy).toEqual([]);
    // A cancelled id stays taken, so a retried booking is still recognised as a duplicate.
    expect((await insert(meeting('delete00001'))).status).toBe(409);
  });

  it('refuses writes to a calendar shared read-only', async () => {
    const res = await sandbox.google(`calendars/${encodeURIComponent(CARMEN)}/events`, {
      method: 'POST',
      body: json(meeting('readonly01')),
    });
    expect(res.status).toBe(403);
  });

  describe('freeBusy', () => {
    it('merges back-to-back and overlapping events into busy blocks', async () => {
      const day0 = await freeBusy(madrid(0, '08:00'), madrid(0, '12:00'), ['primary']);
      expect(day0.calendars?.primary?.busy).toEqual([
        { start: '2026-03-02T08:00:00Z', end: '2026-03-02T09:30:00Z' },
      ]);
      const day2 = await freeBusy(madrid(2, '09:00'), madrid(2, '12:00'), ['primary']);
      expect(day2.calendars?.primary?.busy).toEqual([
        { start: '2026-03-04T09:00:00Z', end: '2026-03-04T10:30:00Z' },
      ]);
    });

    it('ignores transparent, declined and cancelled events but counts tentative ones', async () => {
      // Day 3: all-day transparent "rebajas", cancelled 15:00 meeting; only the untitled 11:00 event is busy.
      const day3 = await freeBusy(madrid(3, '00:00'), madrid(4, '00:00'), ['primary']);
      expect(day3.calendars?.primary?.busy).toEqual([
        { start: '2026-03-05T10:00:00Z', end: '2026-03-05T11:00:00Z' },
      ]);
      // Day 6: declined webinar 13:30 is free; the tentative 16:00 visit is busy.
      const day6 = await freeBusy(madrid(6, '13:00'), madrid(6, '18:00'), ['primary']);
      expect(day6.calendars?.primary?.busy).toEqual([
        { start: '2026-03-10T15:00:00Z', end: '2026-03-10T16:00:00Z' },
      ]);
    });

    it('answers for domain calendars, counts out-of-office, and reports unknown ones', async () => {
      const res = await freeBusy(madrid(3, '00:00'), madrid(4, '00:00'), [
        CARMEN,
        JAVIER,
        'nadie@example.com',
      ]);
      expect(res.calendars?.[CARMEN]?.busy).toEqual([
        { start: '2026-03-04T23:00:00Z', end: '2026-03-05T23:00:00Z' },
      ]);
      expect(res.calendars?.[JAVIER]?.busy).toEqual([]);
      expect(res.calendars?.['nadie@example.com']).toEqual({
        errors: [{ domain: 'global', reason: 'notFound' }],
        busy: [],
      });
    });

    it('answers in the requested time zone', async () => {
      const res = await sandbox.google('freeBusy', {
        method: 'POST',
        body: json({
          timeMin: madrid(1, '12:00'),
          timeMax: madrid(1, '14:00'),
          timeZone: 'Europe/Madrid',
          items: [{ id: MARIA }],
        }),
      });
      const body = (await res.json()) as calendar_v3.Schema$FreeBusyResponse;
      expect(body.calendars?.[MARIA]?.busy).toEqual([
        { start: '2026-03-03T12:00:00+01:00', end: '2026-03-03T13:00:00+01:00' },
      ]);
    });
  });
});
