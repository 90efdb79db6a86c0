// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { madrid, useSandbox } from './testing';

const sandbox = useSandbox();
const TENANT = 'demoferreteria.onmicrosoft.com';
const json = (value: unknown) => JSON.stringify(value);
type Page = { value: MicrosoftGraph.Event[]; '@odata.nextLink'?: string };

const view = (path: string, from: string, to: string, prefer?: string) =>
  sandbox.graph(`${path}?startDateTime=${encodeURIComponent(from)}&endDateTime=${encodeURIComponent(to)}`, {
    headers: prefer ? { prefer: `outlook.timezone="${prefer}"` } : {},
  });

const booking = (transactionId: string): MicrosoftGraph.Event => ({
  subject: 'Reunión con cliente: pedido 4471',
  start: { dateTime: '2026-03-04T16:00:00', timeZone: 'Romance Standard Time' },
  end: { dateTime: '2026-03-04T16:30:00', timeZone: 'Romance Standard Time' },
  attendees: [{ type: 'required', emailAddress: { address: 'cliente@example.com', name: 'Cliente' } }],
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  transactionId,
});

const createEvent = async (event: MicrosoftGraph.Event, path = 'me/events') => {
  const res = await sandbox.graph(path, { method: 'POST', body: json(event) });
  expect(res.status).toBe(201);
  return (await res.json()) as MicrosoftGraph.Event;
};

const schedule = (schedules: string[], from: string, to: string, interval = 30) =>
  sandbox.graph('me/calendar/getSchedule', {
    method: 'POST',
    body: json({
      schedules,
      startTime: { dateTime: from, timeZone: 'Romance Standard Time' },
      endTime: { dateTime: to, timeZone: 'Romance Standard Time' },
      availabilityViewInterval: interval,
    }),
  });

describe('Microsoft Graph stand-in', () => {
  it('answers 401 in Graph error shape without a valid token', async () => {
    const res = await sandbox.graph('me', { token: null });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
  });

  it('returns the signed-in user and the calendars with their meeting providers', async () => {
    const me = (await (await sandbox.graph('me')).json()) as MicrosoftGraph.User;
    expect(me.mail).toBe(`maria.lopez@${TENANT}`);
    const calendars = (await (await sandbox.graph('me/calendars')).json()) as {
      value: MicrosoftGraph.Calendar[];
    };
    // Ana's calendar, shared with María, comes last: owned by Ana, not María's to share.
    expect(calendars.value.map((c) => c.name)).toEqual(['Calendario', 'Proyectos', 'Calendario']);
    expect(calendars.value[0]?.allowedOnlineMeetingProviders).toEqual(['teamsForBusiness']);
    expect(calendars.value[2]).toMatchObject({
      canShare: false,
      canEdit: true,
      owner: { address: `ana.garcia@${TENANT}` },
    });
  });

  it('returns times in the zone of the Prefer header, UTC otherwise', async () => {
    const from = madrid(1, '12:00');
    const to = madrid(1, '14:00');
    const pick = async (prefer?: string) => {
      const res = await view('me/calendarView', from, to, prefer);
      const page = (await res.json()) as Page;
      return {
        applied: res.headers.get('preference-applied'),
        event: page.value.find((e) => e.subject === 'Comité de compras'),
      };
    };
    expect((await pick()).event?.start).toEqual({ dateTime: '2026-03-03T11:30:00.0000000', timeZone: 'UTC' });
    const madridView = await pick('Romance Standard Time');
    expect(madridView.event?.start).toEqual({
      dateTime: '2026-03-03T12:30:00.0000000',
      timeZone: 'Romance Standard Time',
    });
    // A listed IANA name is taken as is.
    expect((await pick('Europe/Paris')).event?.start).toEqual({
      dateTime: '2026-03-03T12:30:00.0000000',
      timeZone: 'Europe/Paris',
    });
    const pacific = await pick('Pacific Standard Time');
    expect(pacific.applied).toBe('outlook.timezone="Pacific Standard Time"');
    expect(pacific.event?.end).toEqual({
      dateTime: '2026-03-03T04:30:00.0000000',
      timeZone: 'Pacific Standard Time',
    });
  });

  it('keeps all-day events on their dates whatever the zone', async () => {
    const page = (await (
      await view('me/calendarView', madrid(8, '00:00'), madrid(9, '00:00'), 'Pacific Standard Time')
    ).json()) as Page;
    const oof = page.value.find((e) => e.showAs === 'oof');
    expect(oof).toMatchObject({
      isAllDay: true,
      start: { dateTime: '2026-03-12T00:00:00.0000000' },
      end: { dateTime: '2026-03-14T00:00:00.0000000' },
    });
  });

  it('pages with $top and @odata.nextLink and applies $select', async () => {
    const first = await view('me/calendarView', madrid(0, '00:00'), madrid(10, '00:00'));
    const all = ((await first.json()) as Page).value;
    let url: string | undefined =
      `${sandbox.origin()}/graph/v1.0/me/calendarView?startDateTime=${encodeURIComponent(madrid(0, '00:00'))}&endDateTime=${encodeURIComponent(madrid(10, '00:00'))}&$top=2&$select=subject,start`;
    const paged: MicrosoftGraph.Event[] = [];
    while (url) {
      const page = (await (
        await fetch(url, { headers: { authorization: 'Bearer sandbox-microsoft-token' } })
      ).json()) as Page;
      paged.push(...page.value);
      url = page['@odata.nextLink'];
    }
    // The unpaged call uses Graph's default page size of 10.
    const snap = await sandbox.snapshot();
    const total = snap.events.filter((e) => e.calendarId === 'AAMkAGRlbW9mZXJyZXRlcmlhY2FsZW5kYXI=').length;
    expect(all).toHaveLength(Math.min(10, total));
    expect(paged).toHaveLength(total);
    expect(new Set(paged.map((e) => e.id)).size).toBe(total);
    expect(Object.keys(paged[0] ?? {}).sort()).toEqual(['@odata.etag', 'id', 'start', 'subject']);
  });

  it('requires a time window for calendarView', async () => {
    const res = await sandbox.graph('me/calendarView');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ErrorInvalidParameter');
  });

  it('reads a colleague calendar only when shared, and another calendar by id', async () => {
    // Ana shared her calendar with María: readable from Ana's mailbox, by calendar id.
    const ana = (await (
      await view(
        `users/ana.garcia@${TENANT}/calendars/AAMkAGFuYWdhcmNpYWNhbGVuZGFy/calendarView`,
        madrid(1, '00:00'),
        madrid(2, '00:00'),
      )
    ).json()) as Page;
    expect(ana.value.map((e) => e.subject)).toContain('Cierre contable');
    // Tom shared nothing: his calendar is not María's to read (free/busy goes through getSchedule).
    const tom = await view(
      `users/tom.baker@${TENANT}/calendarView`,
      madrid(1, '00:00'),
      madrid(2, '00:00'),
      'GMT Standard Time',
    );
    expect(tom.status).toBe(403);
    expect(await tom.json()).toMatchObject({ error: { code: 'ErrorAccessDenied' } });
    expect((await sandbox.graph(`users/ana.garcia@${TENANT}/calendars`)).status).toBe(403);
    const projects = (await (
      await view(
        'me/calendars/AAMkAGRlbW9mZXJyZXRlcmlhcHJveWVjdG9z/calendarView',
        madrid(2, '00:00'),
        madrid(3, '00:00'),
      )
    ).json()) as Page;
    expect(projects.value.map((e) => e.subject)).toEqual(['Reforma escaparate — seguimiento']);
    expect((await sandbox.graph('users/nobody@example.com/calendarView')).status).toBe(404);
  });

  it('refuses a repeated transactionId with ErrorDuplicateTransactionId naming the first event', async () => {
    const first = await createEvent(booking('tx-thread-42'));
    const again = await sandbox.graph('me/events', { method: 'POST', body: json(booking('tx-thread-42')) });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({
      error: { code: 'ErrorDuplicateTransactionId', '@event.existingEventId': first.id },
    });
    expect(first.onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(first.start).toEqual({
      dateTime: '2026-03-04T16:00:00.0000000',
      timeZone: 'Romance Standard Time',
    });
    const snap = await sandbox.snapshot();
    expect(snap.events.filter((e) => e.transactionId === 'tx-thread-42')).toHaveLength(1);
    const other = await createEvent(
      booking('tx-thread-43'),
      `users/maria.lopez@${TENANT}/calendars/AAMkAGRlbW9mZXJyZXRlcmlhcHJveWVjdG9z/events`,
    );
    expect(other.id).not.toBe(first.id);
  });

  it('fills in Teams join details after creation when conferences are pending', async () => {
    await sandbox.admin('config', 'POST', { conferences: 'pending' });
    const created = await createEvent(booking('tx-teams-later'));
    expect(created).toMatchObject({ isOnlineMeeting: true, onlineMeeting: null });
    const read = async () =>
      (await (
        await sandbox.graph(`me/events/${encodeURIComponent(created.id ?? '')}`)
      ).json()) as MicrosoftGraph.Event;
    expect((await read()).onlineMeeting).toBeNull();
    expect((await read()).onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
  });

  it('cancels a meeting via /cancel (organizer only), notifying attendees with the comment', async () => {
    const created = await createEvent(booking('tx-cancel'));
    const path = `me/events/${encodeURIComponent(created.id ?? '')}`;
    const res = await sandbox.graph(`${path}/cancel`, {
      method: 'POST',
      body: json({ comment: 'Lo siento' }),
    });
    expect(res.status).toBe(202);
    const snap = await sandbox.snapshot();
    expect(snap.events.find((e) => e.id === created.id)).toBeUndefined();
    expect(snap.notifications.at(-1)).toMatchObject({
      action: 'cancelled',
      comment: 'Lo siento',
      recipients: ['cliente@example.com'],
    });
    // Tom's copy of María's review is in a mailbox María has no share of: refused before the
    // organizer check (which would refuse it too: Tom only attends).
    const tomEvent = snap.events.find(
      (e) => e.owner === `tom.baker@${TENANT}` && e.summary?.startsWith('Quarterly'),
    );
    const refused = await sandbox.graph(
      `users/tom.baker@${TENANT}/events/${encodeURIComponent(tomEvent?.id ?? '')}/cancel`,
      {
        method: 'POST',
        body: '{}',
      },
    );
    expect(refused.status).toBe(403);
  });

  it("keeps a shared calendar's events in the owner's mailbox: /me/events/{id} does not find them", async () => {
    const ana = `ana.garcia@${TENANT}`;
    const shared = 'AAMkAGFuYWdhcmNpYWNhbGVuZGFy';
    const created = await createEvent(booking('tx-shared'), `me/calendars/${shared}/events`);
    const snap = await sandbox.snapshot();
    expect(snap.events.find((e) => e.id === created.id)).toMatchObject({ owner: ana, calendarId: shared });
    expect((await sandbox.graph(`me/events/${encodeURIComponent(created.id ?? '')}`)).status).toBe(404);
    const inOwner = await sandbox.graph(`users/${ana}/events/${encodeURIComponent(created.id ?? '')}`, {
      method: 'PATCH',
      body: json({ subject: 'Movida' }),
    });
    expect(inOwner.status).toBe(200);
    const meta = (await (await sandbox.graph(`me/calendars/${shared}`)).json()) as MicrosoftGraph.Calendar;
    expect(meta).toMatchObject({ canShare: false, owner: { address: ana } });
  });

  describe('time-zone names (dateTimeTimeZone resource type)', () => {
    const refusal = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { code: string } }).error.code;
    };

    it('refuses an IANA name off the documented list in an event body, creating nothing', async () => {
      const body = {
        ...booking('tx-madrid'),
        start: { dateTime: '2026-03-04T16:00:00', timeZone: 'Europe/Madrid' },
        end: { dateTime: '2026-03-04T16:30:00', timeZone: 'Europe/Madrid' },
      };
      const res = await sandbox.graph('me/events', { method: 'POST', body: json(body) });
      expect(await refusal(res)).toBe('TimeZoneNotSupportedException');
      expect((await sandbox.snapshot()).events.filter((e) => e.transactionId === 'tx-madrid')).toEqual([]);
    });

    it('refuses it in Prefer: outlook.timezone when reading, booking and patching', async () => {
      const prefer = { prefer: 'outlook.timezone="Europe/Madrid"' };
      expect(
        await refusal(await view('me/calendarView', madrid(1, '08:00'), madrid(1, '18:00'), 'Europe/Madrid')),
      ).toBe('TimeZoneNotSupportedException');
      const post = await sandbox.graph('me/events', {
        method: 'POST',
        headers: prefer,
        body: json(booking('tx-prefer')),
      });
      expect(await refusal(post)).toBe('TimeZoneNotSupportedException');
      const created = await createEvent(booking('tx-prefer-2'));
      const patch = await sandbox.graph(`me/events/${encodeURIComponent(created.id ?? '')}`, {
        method: 'PATCH',
        headers: prefer,
        body: json({ subject: 'x' }),
      });
      expect(await refusal(patch)).toBe('TimeZoneNotSupportedException');
      expect((await sandbox.snapshot()).events.find((e) => e.id === created.id)?.subject).not.toBe('x');
    });

    it('takes every Windows zone name, which covers Madrid as Romance Standard Time', async () => {
      for (const zone of ['Romance Standard Time', 'GMT Standard Time', 'Central Standard Time (Mexico)']) {
        const res = await view('me/calendarView', madrid(1, '08:00'), madrid(1, '18:00'), zone);
        expect(res.status, zone).toBe(200);
      }
      // Not a Windows zone (Canary Islands are on GMT Standard Time), not a listed IANA name.
      expect(
        await refusal(
          await view('me/calendarView', madrid(1, '08:00'), madrid(1, '18:00'), 'Canary Standard Time'),
        ),
      ).toBe('TimeZoneNotSupportedException');
    });
  });

  it('refuses getSchedule on a personal account, but serves its own calendar view', async () => {
    await sandbox.admin('config', 'POST', { microsoftAccount: 'personal' });
    const res = await schedule([`maria.lopez@${TENANT}`], '2026-03-03T12:00:00', '2026-03-03T16:00:00');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ErrorAccessDenied');
    const own = await view('me/calendar/calendarView', madrid(1, '12:00'), madrid(1, '14:00'));
    expect(own.status).toBe(200);
    expect(((await own.json()) as Page).value.map((e) => e.subject)).toContain('Comité de compras');
  });

  it('creates the event without a Teams meeting on a personal account', async () => {
    await sandbox.admin('config', 'POST', { microsoftAccount: 'personal' });
    const created = await createEvent(booking('tx-personal'));
    expect(created).toMatchObject({ isOnlineMeeting: false, onlineMeeting: null });
    const calendars = (await (await sandbox.graph('me/calendars')).json()) as {
      value: MicrosoftGraph.Calendar[];
    };
    expect(calendars.value[0]?.allowedOnlineMeetingProviders).toEqual([]);
  });

  it('patches and deletes events; a second delete is 404', async () => {
    const created = await createEvent(booking('tx-delete'));
    const patched = await sandbox.graph(`me/events/${encodeURIComponent(created.id ?? '')}`, {
      method: 'PATCH',
      body: json({ subject: 'Movida' }),
    });
    expect(((await patched.json()) as MicrosoftGraph.Event).subject).toBe('Movida');
    const path = `me/events/${encodeURIComponent(created.id ?? '')}`;
    expect((await sandbox.graph(path, { method: 'DELETE' })).status).toBe(204);
    const second = await sandbox.graph(path, { method: 'DELETE' });
    expect(second.status).toBe(404);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('ErrorItemNotFound');
  });

  describe('getSchedule', () => {
    type Info = MicrosoftGraph.ScheduleInformation;
    const infoFor = async (res: Response) => ((await res.json()) as { value: Info[] }).value;

    it('builds the availability view from busy and tentative items', async () => {
      const [maria] = await infoFor(
        await schedule([`maria.lopez@${TENANT}`], '2026-03-03T12:00:00', '2026-03-03T16:00:00'),
      );
      expect(maria?.availabilityView).toBe('02200011');
      expect(maria?.scheduleItems?.map((i) => [i.status, i.subject])).toEqual([
        ['busy', 'Comité de compras'],
        ['tentative', 'Presentación catálogo primavera'],
      ]);
      expect(maria?.workingHours?.timeZone?.name).toBe('Romance Standard Time');
    });

    it('reports oof and workingElsewhere, and leaves free items out', async () => {
      const [ana, maria] = await infoFor(
        await schedule(
          [`ana.garcia@${TENANT}`, `maria.lopez@${TENANT}`],
          '2026-03-06T09:00:00',
          '2026-03-06T13:00:00',
          60,
        ),
      );
      expect(ana?.availabilityView).toBe('3333');
      expect(ana?.scheduleItems?.[0]?.status).toBe('oof');
      // Graph writes workingElsewhere as 0 in the view for backward compatibility.
      expect(maria?.availabilityView).toBe('0000');
      expect(maria?.scheduleItems?.map((i) => i.status)).toEqual(['workingElsewhere']);
      const [lucia] = await infoFor(
        await schedule([`lucia.fernandez@${TENANT}`], '2026-03-05T12:00:00', '2026-03-05T13:00:00'),
      );
      expect(lucia).toMatchObject({ availabilityView: '00', scheduleItems: [] });
    });

    it('hides the subject of private items and reports unknown addresses per schedule', async () => {
      const [maria, stranger] = await infoFor(
        await schedule(
          [`maria.lopez@${TENANT}`, 'stranger@example.com'],
          '2026-03-04T13:00:00',
          '2026-03-04T15:00:00',
        ),
      );
      expect(maria?.scheduleItems?.[0]).toMatchObject({ isPrivate: true, status: 'busy' });
      expect(maria?.scheduleItems?.[0]?.subject).toBeUndefined();
      expect(stranger?.error?.responseCode).toBeTruthy();
    });

    it('refuses more than 20 schedules', async () => {
      const many = Array.from({ length: 21 }, (_, i) => `user${i}@${TENANT}`);
      const res = await schedule(many, '2026-03-03T09:00:00', '2026-03-03T18:00:00');
      expect(res.status).toBe(400);
    });
  });
});
