import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AgendaCacheEntry } from '../../services/db/db';
import type { RefreshOutcome } from '../../services/agenda/refresh';
import { buildAgenda, nextMeeting, type AgendaDay } from '../../services/agenda/merge';
import type { AgendaEvent } from '../../services/calendar/types';
import { formatDateTime, localeTag, t, tn } from '../../services/i18n';
import { afterFirstPaint, firstPaintDone } from '../boot';
import { readCacheSnapshot } from './cache-read';
import { freeTimeKnown, glanceProfile, nextMeetingText, timeline, type GlanceProfile } from './glance';

// Days in the cache (services/agenda/refresh.ts AGENDA_DAYS; importing it would load Dexie).
const AGENDA_DAYS = 9;
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

// One formatter per zone and language: building an Intl.DateTimeFormat costs more than formatting,
// and the agenda formats a few dozen times per paint.
const clocks = new Map<string, Intl.DateTimeFormat>();
function time(ms: number, zone: string): string {
  const key = `${localeTag()}|${zone}`;
  let clock = clocks.get(key);
  if (!clock)
    clocks.set(key, (clock = new Intl.DateTimeFormat(localeTag(), { timeStyle: 'short', timeZone: zone })));
  return clock.format(ms);
}

interface Snapshot {
  entries: AgendaCacheEntry[];
  profile: GlanceProfile;
}

type Live = typeof import('./live');

// Started as this module loads, while the page still asks for its language: when the read is back
// before the first render (usual), the agenda is in that render, one frame earlier.
type Read = Awaited<ReturnType<typeof readCacheSnapshot>>;
let early: Read | undefined;
let firstRead: Promise<Read> | null =
  typeof indexedDB === 'undefined'
    ? null
    : readCacheSnapshot().then((r) => {
        performance.mark('popup:cache-read'); // `npm run bench` reports it beside the paint
        return (early = r);
      });

/** The popup's first render waits for this read (entrypoints/popup/main.tsx): one render, one frame. */
export const agendaCacheRead: Promise<unknown> = firstRead ?? Promise.resolve();

function toSnapshot(read: NonNullable<Read>): Snapshot {
  return { entries: read.entries, profile: glanceProfile(read.profile) };
}

/**
 * Painted from the cache at once (a plain IndexedDB read, components/agenda/cache-read.ts); Dexie's
 * live query and the background refresh load after that first paint and update it in place.
 */
export function Agenda() {
  const [snap, setSnap] = useState<Snapshot | undefined>(() =>
    firstRead && early ? toSnapshot(early) : undefined,
  );
  const [outcomes, setOutcomes] = useState<RefreshOutcome[] | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [now, setNow] = useState(Date.now());
  const live = useRef<Live | null>(null);

  async function refresh() {
    const module = live.current;
    if (!module) return;
    setRefreshing(true);
    try {
      setOutcomes(await module.refreshNow());
    } finally {
      setRefreshing(false);
      setNow(Date.now());
    }
  }

  useEffect(() => {
    let stop = () => {};
    let gone = false;
    const read = firstRead ?? readCacheSnapshot();
    const alreadyShown = firstRead !== null && early !== undefined;
    firstRead = null; // a later mount (tests) reads afresh
    void read.then(async (first) => {
      if (gone) return;
      if (first && !alreadyShown) setSnap(toSnapshot(first));
      // Nothing cached, or already in the first render (this effect runs after its paint).
      else firstPaintDone();
      await afterFirstPaint;
      const module = await import('./live');
      if (gone) return;
      live.current = module;
      stop = module.watchAgenda((entries, profile) => setSnap({ entries, profile: glanceProfile(profile) }));
      // The refresh starts once the cache has been read: its writes would otherwise hold up that read.
      void refresh();
    });
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      gone = true;
      stop();
      clearInterval(tick);
    };
  }, []);

  // Measured by `npm run bench`: the moment the agenda is on screen from the cache.
  const painted = Boolean(snap && snap.entries.length > 0);
  const shown = snap !== undefined;
  useEffect(() => {
    if (painted) performance.mark('popup:agenda-painted');
    if (shown) firstPaintDone();
  }, [painted, shown]);

  if (!snap) return <section aria-labelledby="agenda-heading" data-testid="agenda" aria-busy="true" />;
  const { entries, profile } = snap;
  const zone = profile.timeZone;
  const events = entries.flatMap((e) => e.events as AgendaEvent[]);
  const days = buildAgenda({
    events,
    zone,
    from: now,
    days: AGENDA_DAYS,
    workingHours: freeTimeKnown(entries) ? profile.workingHours : null,
    now,
  });
  const next = nextMeeting(events, now);
  const fetchedAt = entries.length ? Math.min(...entries.map((e) => e.fetchedAt)) : null;
  const failures = outcomes?.filter((o) => !o.ok) ?? [];
  const stale = entries.some((e) => e.error);
  const [today, ...later] = days;
  const laterCount = later.reduce((n, d) => n + d.allDay.length + d.timed.length, 0);

  return (
    <section aria-labelledby="agenda-heading" data-testid="agenda" class="stack">
      <div class="row">
        <h2 id="agenda-heading" class="grow">
          {t('agendaHeading')}
        </h2>
        <button
          type="button"
          class="small"
          disabled={refreshing || !live.current}
          onClick={() => void refresh()}
        >
          {refreshing ? t('refreshing') : t('refresh')}
        </button>
      </div>
      {next && (
        <p class="callout" data-testid="next-meeting">
          {nextMeetingText(next, now, zone)}
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
        <p class="muted small" data-testid="cache-age">
          {t('cachedAt', formatDateTime(fetchedAt, { dateStyle: 'short', timeStyle: 'short' }))}
        </p>
      )}
      {entries.length === 0 && !refreshing && (
        <div class="empty" data-testid="agenda-empty">
          <p>{t('agendaNoCalendar')}</p>
          <button
            type="button"
            class="primary"
            onClick={() =>
              void browser.tabs.create({ url: browser.runtime.getURL('/options.html#accounts') })
            }
          >
            {t('connectCalendar')}
          </button>
        </div>
      )}
      {entries.length > 0 && today && <Day day={today} index={0} zone={zone} />}
      {entries.length > 0 && later.length > 0 && (
        <details class="fold" data-testid="agenda-later">
          <summary>
            {t('agendaLaterDays')} · {tn('agendaEventCount', laterCount)}
          </summary>
          {later.map((day, i) => (
            <Day key={day.date} day={day} index={i + 1} zone={zone} />
          ))}
        </details>
      )}
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
      {day.allDay.length === 0 && day.timed.length === 0 && <p class="muted">{t('nothingScheduled')}</p>}
      <ul class="plain timeline">
        {day.allDay.map(({ event }) => (
          <li key={`${event.provider}:${event.id}`} class="muted">
            {t('allDay')} · {event.title || t('noTitle')}
          </li>
        ))}
        {timeline(day).map((entry) =>
          entry.kind === 'event' ? (
            <EventRow
              key={`${entry.item.event.provider}:${entry.item.event.id}`}
              event={entry.item.event}
              conflict={entry.item.conflicts.length > 0}
              zone={zone}
            />
          ) : (
            <li
              key={`gap:${entry.start}`}
              class="gap"
              data-testid="free-gap"
              data-start={entry.start}
              data-end={entry.end}
            >
              {t('freeGap', time(entry.start, zone), time(entry.end, zone))}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function EventRow({ event, conflict, zone }: { event: AgendaEvent; conflict: boolean; zone: string }) {
  const other = localZone !== zone;
  return (
    <li
      class="event"
      data-testid="agenda-event"
      data-start={event.startMs}
      data-conflict={conflict ? 'true' : undefined}
    >
      <span class="when">
        {time(event.startMs, zone)}–{time(event.endMs, zone)}
      </span>
      <div class="what">
        <div class="title">
          {event.title || t('noTitle')}
          {conflict && <span class="chip bad">{t('conflict')}</span>}
        </div>
        <div class="meta">
          {other && (
            <span>
              {time(event.startMs, localZone)} {t('localTime')}
            </span>
          )}
          {event.joinUrl && (
            <a href={event.joinUrl} target="_blank" rel="noopener noreferrer">
              {t('join')}
            </a>
          )}
          {event.location && <span class="clip">{event.location.slice(0, 120)}</span>}
          {event.attendeeCount > 0 && (
            <span>{event.attendeeCount === 1 ? t('attendeesOne') : t('attendees', event.attendeeCount)}</span>
          )}
          {(event.myResponse === 'needsAction' || event.myResponse === 'tentative') && (
            <span>{t(event.myResponse === 'tentative' ? 'responseTentative' : 'responseNeeded')}</span>
          )}
          {event.seriesId && <span data-testid="agenda-series">{t('agendaSeries')}</span>}
          <span>{event.provider === 'google' ? 'Google' : 'Microsoft'}</span>
        </div>
      </div>
    </li>
  );
}
