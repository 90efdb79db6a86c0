import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLive } from '../use-live';
import { cachedAgenda, AGENDA_DAYS, type RefreshOutcome } from '../../services/agenda/refresh';
import { buildAgenda, nextMeeting, type AgendaDay } from '../../services/agenda/merge';
import type { AgendaEvent } from '../../services/calendar/types';
import { getProfile, type BusinessProfile } from '../../services/profile';
import { sendToBackground } from '../../services/messaging';
import { formatDateTime, t } from '../../services/i18n';

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function time(ms: number, zone: string): string {
  return formatDateTime(ms, { timeStyle: 'short' }, zone);
}

/** Painted from the cache at once; the background refresh updates it in place. */
export function Agenda() {
  const cache = useLive(cachedAgenda, []);
  const [profile, setProfile] = useState<BusinessProfile | null>(null);
  const [outcomes, setOutcomes] = useState<RefreshOutcome[] | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [now, setNow] = useState(Date.now());

  async function refresh() {
    setRefreshing(true);
    try {
      setOutcomes(await sendToBackground({ type: 'agenda:refresh', data: {} }));
    } catch (err) {
      setOutcomes([{ provider: 'google', ok: false, errorKind: 'network', error: String(err) }]);
    } finally {
      setRefreshing(false);
      setNow(Date.now());
    }
  }

  // Measured by `npm run bench`: the moment the agenda is on screen from the cache.
  const painted = Boolean(cache && profile && cache.entries.length > 0);
  useEffect(() => {
    if (painted) performance.mark('popup:agenda-painted');
  }, [painted]);

  useEffect(() => {
    void getProfile().then(setProfile);
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);

  // The refresh starts once the cache has been read: its writes would otherwise hold up that read.
  const cacheRead = cache !== undefined;
  useEffect(() => {
    if (cacheRead) void refresh();
  }, [cacheRead]);

  if (!cache || !profile) return null;
  const zone = profile.timeZone;
  const today = new Date(now).getDay() || 7;
  const hours = profile.workingHours[String(today)] ?? [];
  const days = buildAgenda({
    events: cache.events,
    zone,
    from: now,
    days: AGENDA_DAYS,
    workingHours: { start: hours[0]?.start ?? '09:00', end: hours.at(-1)?.end ?? '18:00' },
    now,
  });
  const next = nextMeeting(cache.events, now);
  const fetchedAt = cache.entries.length ? Math.min(...cache.entries.map((e) => e.fetchedAt)) : null;
  const failures = outcomes?.filter((o) => !o.ok) ?? [];
  const stale = cache.entries.some((e) => e.error);

  return (
    <section aria-labelledby="agenda-heading" data-testid="agenda">
      <div class="row">
        <h2 id="agenda-heading" style={{ flex: 1 }}>
          {t('agendaHeading')}
        </h2>
        <button type="button" disabled={refreshing} onClick={() => void refresh()}>
          {refreshing ? t('refreshing') : t('refresh')}
        </button>
      </div>
      {next && (
        <p class="card" data-testid="next-meeting">
          {next.ongoing
            ? t('meetingNow', next.event.title || t('noTitle'))
            : t('nextMeetingIn', next.inMinutes, next.event.title || t('noTitle'))}
        </p>
      )}
      {failures.map((f) => (
        <p key={f.provider} class="notice error" role="alert">
          {f.errorKind === 'auth'
            ? t('agendaReconnect', t(f.provider === 'google' ? 'accountGoogle' : 'accountMicrosoft'))
            : t(
                'agendaProviderFailed',
                t(f.provider === 'google' ? 'accountGoogle' : 'accountMicrosoft'),
                f.message ? t(f.message.key, ...f.message.args) : (f.error ?? ''),
              )}{' '}
          {(f.errorKind === 'auth' || f.errorKind === 'scope') && (
            <a href="#" onClick={(e) => (e.preventDefault(), void browser.runtime.openOptionsPage())}>
              {t('reconnect')}
            </a>
          )}
        </p>
      ))}
      {fetchedAt !== null && (stale || failures.length > 0) && (
        <p class="muted" data-testid="cache-age">
          {t('cachedAt', formatDateTime(fetchedAt, { dateStyle: 'short', timeStyle: 'short' }))}
        </p>
      )}
      {cache.entries.length === 0 && !refreshing && <p class="muted">{t('agendaEmpty')}</p>}
      {days.map((day, i) => (
        <Day key={day.date} day={day} index={i} zone={zone} />
      ))}
    </section>
  );
}

function Day({ day, index, zone }: { day: AgendaDay; index: number; zone: string }) {
  if (index > 1 && day.allDay.length === 0 && day.timed.length === 0) return null;
  const label =
    index === 0
      ? t('today')
      : index === 1
        ? t('tomorrow')
        : formatDateTime(
            new Date(`${day.date}T12:00:00Z`),
            { weekday: 'long', day: 'numeric', month: 'long' },
            'UTC',
          );
  return (
    <div class="day" data-testid="agenda-day">
      <h3>{label}</h3>
      {index < 2 && day.allDay.length === 0 && day.timed.length === 0 && (
        <p class="muted">{t('nothingScheduled')}</p>
      )}
      <ul class="plain">
        {day.allDay.map(({ event }) => (
          <li key={`${event.provider}:${event.id}`} class="muted">
            {t('allDay')} · {event.title || t('noTitle')}
          </li>
        ))}
        {day.timed.map(({ event, conflicts }) => (
          <EventRow
            key={`${event.provider}:${event.id}`}
            event={event}
            conflict={conflicts.length > 0}
            zone={zone}
          />
        ))}
        {index === 0 &&
          day.gaps.map((g) => (
            <li key={g.start} class="muted" data-testid="free-gap">
              {t('freeGap', time(g.start, zone), time(g.end, zone))}
            </li>
          ))}
      </ul>
    </div>
  );
}

function EventRow({ event, conflict, zone }: { event: AgendaEvent; conflict: boolean; zone: string }) {
  const other = localZone !== zone;
  return (
    <li data-testid="agenda-event" data-start={event.startMs} data-conflict={conflict ? 'true' : undefined}>
      <div class="row">
        <strong>
          {time(event.startMs, zone)}–{time(event.endMs, zone)}
        </strong>
        {other && (
          <span class="muted">
            ({time(event.startMs, localZone)} {t('localTime')})
          </span>
        )}
        <span style={{ flex: 1 }}>{event.title || t('noTitle')}</span>
        {conflict && <span class="notice error">{t('conflict')}</span>}
      </div>
      <div class="row muted">
        {event.joinUrl && (
          <a href={event.joinUrl} target="_blank" rel="noopener noreferrer">
            {t('join')}
          </a>
        )}
        {event.location && <span>{event.location.slice(0, 120)}</span>}
        {event.attendeeCount > 0 && (
          <span>{event.attendeeCount === 1 ? t('attendeesOne') : t('attendees', event.attendeeCount)}</span>
        )}
        {(event.myResponse === 'needsAction' || event.myResponse === 'tentative') && (
          <span>{t(event.myResponse === 'tentative' ? 'responseTentative' : 'responseNeeded')}</span>
        )}
        {event.seriesId && <span data-testid="agenda-series">{t('agendaSeries')}</span>}
        <span>{event.provider === 'google' ? 'Google' : 'Microsoft'}</span>
      </div>
    </li>
  );
}
