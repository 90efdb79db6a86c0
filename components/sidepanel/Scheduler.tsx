import { useEffect, useState } from 'preact/hooks';
import type { Analysis } from '../../services/assistant/types';
import type { ThreadSnapshot } from '../../services/mail-sites/types';
import type { Slot } from '../../services/calendar/slots';
import type { ProviderKind } from '../../services/calendar/types';
import { buildNewEvent, type PlaceChoice } from '../../services/calendar/booking';
import { errorMessage, isCalendarError } from '../../services/calendar/errors';
import { calendarProvider, connectedProviders } from '../../services/accounts';
import {
  bookingTarget,
  searchSlots,
  staffFor,
  suggestedDuration,
  type BookingTarget,
} from '../../services/scheduling/plan';
import { queueBooking } from '../../services/scheduling/bookings';
import { whenText } from '../../services/scheduling/confirmation';
import { draftLanguage } from '../../services/assistant/drafting';
import type { BusinessProfile } from '../../services/profile';
import type { Contact } from '../../services/db/db';
import { db } from '../../services/db/db';
import { sendToBackground } from '../../services/messaging';
import { locale, t } from '../../services/i18n';
import { useLive } from '../use-live';
import { Bookings, type DraftHandoff } from './Bookings';

const COMMON_ZONES = [
  'Europe/Madrid',
  'Atlantic/Canary',
  'Europe/London',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Mexico_City',
  'America/Bogota',
  'America/Lima',
  'America/Santiago',
  'America/Argentina/Buenos_Aires',
];

interface Props {
  snapshot: ThreadSnapshot;
  analysis: Analysis;
  profile: BusinessProfile;
  onDraft: (draft: DraftHandoff) => void;
  /** The free times found, as text for the drafts' {{slots}} (customer's language and zone). */
  onSlots?: (text: string | undefined) => void;
}

/** "Schedule meeting": free slots from the manager's and staff's calendars, one click books. */
export function Scheduler({ snapshot, analysis, profile, onDraft, onSlots }: Props) {
  const [open, setOpen] = useState(analysis.intents[0]?.intent === 'meeting_request');
  const [target, setTarget] = useState<BookingTarget | null | undefined>(undefined);
  const staff = useLive(() => db.contacts.where('kind').equals('staff').toArray(), []);
  const [chosenStaff, setChosenStaff] = useState<string[]>([]);
  const latest = [...snapshot.messages].reverse().find((m) => !m.fromUser)?.text ?? '';
  const [duration, setDuration] = useState(() => suggestedDuration(analysis, latest, profile));
  const [customerZone, setCustomerZone] = useState(profile.timeZone);
  const [place, setPlace] = useState('online');
  // What every attendee receives: shown and editable here, never the customer's own text unread.
  const reference =
    analysis.facts.orders[0] ?? analysis.facts.invoices[0] ?? snapshot.threadId.slice(-6).toUpperCase();
  const [invitation, setInvitation] = useState(() =>
    t('invitationDefault', profile.businessName || profile.managerName, reference),
  );
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [unknown, setUnknown] = useState<string[]>([]);
  const [personal, setPersonal] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const threadKey = `${snapshot.site}:${snapshot.threadId}`;
  const customer = analysis.customer;

  useEffect(() => {
    void connectedProviders().then((kinds) => setTarget(bookingTarget(profile, kinds)));
  }, [profile]);

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('scheduleMeeting')}
      </button>
    );

  const available = target ? staffFor(target, staff ?? []) : [];

  async function find() {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const result = await searchSlots({
        provider: calendarProvider(target.provider, profile.timeZone),
        target,
        staff: available.filter((s) => chosenStaff.includes(s.id)),
        analysis,
        profile,
        durationMin: duration,
        customerZone,
        locale: locale.value,
      });
      setSlots(result.slots);
      setPersonal(result.unknown.filter((id) => result.reasons[id] === 'personal-account'));
      setUnknown(result.unknown.filter((id) => result.reasons[id] !== 'personal-account'));
      const language = draftLanguage(analysis, locale.value);
      onSlots?.(
        result.slots.length
          ? result.slots
              .slice(0, 4)
              .map((s) => `- ${whenText(s.start, s.end, customerZone, language)}`)
              .join('\n')
          : undefined,
      );
    } catch (err) {
      // Each documented cause has its own message; only a dead sign-in says "reconnect".
      const message = errorMessage(err);
      setError(
        isCalendarError(err)
          ? t(message.key, ...message.args)
          : t('freeBusyFailed', err instanceof Error ? err.message : String(err)),
      );
    } finally {
      setBusy(false);
    }
  }

  function placeChoice(): PlaceChoice {
    if (place === 'online') return { kind: 'online' };
    if (place === 'none') return { kind: 'none' };
    const p = profile.places.find((x) => x.id === place);
    if (!p) return { kind: 'none' };
    return p.kind === 'phone'
      ? { kind: 'phone', number: p.detail }
      : { kind: 'place', address: p.detail || p.label };
  }

  async function book(slot: Slot) {
    if (!target) return;
    setError(null);
    try {
      const attendees = [
        ...(customer.email ? [{ email: customer.email, name: customer.name ?? undefined }] : []),
        ...available
          .filter((s) => chosenStaff.includes(s.id))
          .map((s: Contact) => ({ email: s.email, name: s.name })),
      ];
      const language = draftLanguage(analysis, locale.value);
      await queueBooking({
        provider: target.provider,
        calendarId: target.calendarId,
        threadKey,
        threadUrl: snapshot.url,
        customer: {
          name: customer.name ?? '',
          email: customer.email ?? '',
          language,
          timeZone: customerZone,
        },
        event: buildNewEvent({
          slot,
          timeZone: profile.timeZone,
          subject: snapshot.subject || t('meetingWith', customer.name ?? customer.email ?? ''),
          description: invitation,
          threadUrl: snapshot.url,
          threadLabel: t('mailThread'),
          phoneLabel: t('phone'),
          attendees,
          place: placeChoice(),
        }),
      });
      await sendToBackground({ type: 'outbox:kick', data: {} });
    } catch (err) {
      setError(t('errorGeneric', err instanceof Error ? err.message : String(err)));
    }
  }

  const onlineLabel = target?.provider === 'microsoft' ? t('placeTeams') : t('placeMeet');
  return (
    <section class="card" aria-labelledby="schedule-heading" data-testid="scheduler">
      <h2 id="schedule-heading">{t('scheduleMeeting')}</h2>
      {target === null && <p class="notice">{t('noCalendarConnected')}</p>}
      {target && (
        <>
          <p class="muted">
            {t(
              'bookingInto',
              t(target.provider === 'google' ? 'accountGoogle' : 'accountMicrosoft'),
              target.calendarId,
            )}
          </p>
          {analysis.facts.dates.length > 0 && (
            <p class="muted" data-testid="proposed">
              {t('customerProposed', analysis.facts.dates.map((d) => d.text).join('; '))}
            </p>
          )}
          <div class="form-grid">
            <label>
              {t('duration')}
              <select value={String(duration)} onChange={(e) => setDuration(Number(e.currentTarget.value))}>
                {[15, 30, 45, 60, 90, 120]
                  .concat([duration])
                  .filter((v, i, a) => a.indexOf(v) === i)
                  .sort((a, b) => a - b)
                  .map((m) => (
                    <option key={m} value={String(m)}>
                      {t('minutes', m)}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              {t('place')}
              <select value={place} onChange={(e) => setPlace(e.currentTarget.value)}>
                <option value="online">{onlineLabel}</option>
                {profile.places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
                <option value="none">{t('placeNone')}</option>
              </select>
            </label>
            <label>
              {t('customerZone')}
              <select value={customerZone} onChange={(e) => setCustomerZone(e.currentTarget.value)}>
                {[profile.timeZone, ...COMMON_ZONES]
                  .filter((v, i, a) => a.indexOf(v) === i)
                  .map((z) => (
                    <option key={z} value={z}>
                      {z.replace(/_/g, ' ')}
                    </option>
                  ))}
              </select>
            </label>
          </div>
          <label>
            {t('invitationText')}
            <textarea
              rows={2}
              value={invitation}
              onInput={(e) => setInvitation(e.currentTarget.value)}
              data-testid="invitation-text"
            />
          </label>
          {available.length > 0 && (
            <fieldset>
              <legend>{t('staffToInvite')}</legend>
              {available.map((s) => (
                <label key={s.id} class="row">
                  <input
                    type="checkbox"
                    checked={chosenStaff.includes(s.id)}
                    onChange={(e) =>
                      setChosenStaff(
                        e.currentTarget.checked
                          ? [...chosenStaff, s.id]
                          : chosenStaff.filter((x) => x !== s.id),
                      )
                    }
                  />
                  {s.name} {s.role ? `· ${s.role}` : ''}
                </label>
              ))}
            </fieldset>
          )}
          <button type="button" class="primary" disabled={busy} onClick={() => void find()}>
            {busy ? t('searching') : t('findTimes')}
          </button>
        </>
      )}
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
      {unknown.length > 0 && <p class="notice">{t('freeBusyUnknown', unknown.join(', '))}</p>}
      {personal.length > 0 && (
        <p class="notice" data-testid="freebusy-personal">
          {t('freeBusyPersonal', personal.join(', '))}
        </p>
      )}
      {slots && slots.length === 0 && <p class="notice">{t('noSlots')}</p>}
      {slots && slots.length > 0 && (
        <ul class="plain" data-testid="slots">
          {slots.map((s) => (
            <li key={s.start} class="row" data-start={s.start}>
              <span style={{ flex: 1 }}>
                <strong>{s.manager.label}</strong>
                {s.customer.timeZone !== s.manager.timeZone && (
                  <div class="muted">{t('customerTime', s.customer.label)}</div>
                )}
                {s.proposalMatch < 4 && <div class="muted">{t('proposedByCustomer')}</div>}
              </span>
              <button type="button" class="primary" onClick={() => void book(s)}>
                {t('book')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Bookings
        threadKey={threadKey}
        profile={profile}
        analysis={analysis}
        snapshot={snapshot}
        onDraft={onDraft}
        slots={slots ?? []}
      />
    </section>
  );
}

export type { ProviderKind };
