import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
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
import { bookingsForThread, queueBooking } from '../../services/scheduling/bookings';
import { customerZone as detectZone, type CustomerZone } from '../../services/scheduling/customer-zone';
import type { ProposalOutcome, Unavailable } from '../../services/scheduling/plan';
import { whenText } from '../../services/scheduling/confirmation';
import { draftLanguage } from '../../services/assistant/drafting';
import { acceptedRange } from '../../services/assistant/accepted';
import type { BusinessProfile } from '../../services/profile';
import type { Contact } from '../../services/db/db';
import { db } from '../../services/db/db';
import { sendToBackground } from '../../services/messaging';
import { locale, t, type MessageKey } from '../../services/i18n';
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

const UNAVAILABLE: Record<Unavailable, MessageKey> = {
  busy: 'proposalBusy',
  past: 'proposalPast',
  'too-soon': 'proposalTooSoon',
  beyond: 'proposalBeyond',
  closed: 'proposalClosed',
  'outside-hours': 'proposalOutsideHours',
  'no-free': 'proposalNoFree',
};

/** Why the customer's zone is the one shown, in the UI language. */
function zoneReason(z: CustomerZone): string {
  if (z.reason === 'stated') return t('zoneReasonStated', z.words);
  if (z.reason === 'signature') return t('zoneReasonSignature', z.words);
  if (z.reason === 'phone') return t('zoneReasonPhone', z.words);
  if (z.reason === 'domain') return t('zoneReasonDomain', z.words);
  return t('zoneReasonDefault');
}

const zoneName = (zone: string) => zone.replace(/_/g, ' ');

/** What a slot has to do with what the customer proposed; nothing when it is just free time. */
function slotOrigin(s: Slot, outcomes: ProposalOutcome[]): string | null {
  const proposal = s.proposalIndex === undefined ? undefined : outcomes[s.proposalIndex]?.proposal;
  if (!proposal || s.proposalMatch === 4) return null;
  if (proposal.kind === 'exact' && s.proposalMatch === 0) return t('proposedByCustomer');
  if (proposal.kind === 'day') return t('onCustomerDay', proposal.text);
  return t('inCustomerRange', proposal.text);
}

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
  // A time the customer accepted opens the flow too, with that time ready to book.
  const [open, setOpen] = useState(
    analysis.intents[0]?.intent === 'meeting_request' || acceptedRange(analysis, 30) !== null,
  );
  const [target, setTarget] = useState<BookingTarget | null | undefined>(undefined);
  const staff = useLive(() => db.contacts.where('kind').equals('staff').toArray(), []);
  const [chosenStaff, setChosenStaff] = useState<string[]>([]);
  const latest = [...snapshot.messages].reverse().find((m) => !m.fromUser)?.text ?? '';
  const [duration, setDuration] = useState(() => suggestedDuration(analysis, latest, profile));
  // The customer's zone from what they wrote (with the reason shown), one click to change.
  const [detected] = useState(() => detectZone(snapshot, profile.timeZone));
  const [customerZone, setCustomerZone] = useState(detected.zone);
  const [outcomes, setOutcomes] = useState<ProposalOutcome[]>([]);
  const [place, setPlace] = useState('online');
  // What every attendee receives: shown and editable here, never the customer's own text unread.
  const reference =
    analysis.facts.orders[0] ?? analysis.facts.invoices[0] ?? snapshot.threadId.slice(-6).toUpperCase();
  const [invitation, setInvitation] = useState(() =>
    t('invitationDefault', profile.businessName || profile.managerName, reference),
  );
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [unknown, setUnknown] = useState<string[]>([]);
  const [notShared, setNotShared] = useState<string[]>([]);
  const [personal, setPersonal] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const threadKey = `${snapshot.site}:${snapshot.threadId}`;
  const customer = analysis.customer;
  // Once a meeting is booked (or on its way), the other times fold away: one click must not make a
  // second meeting by accident. They stay one click away to book again after a cancellation.
  const bookings = useLive(() => bookingsForThread(threadKey), [threadKey]);
  const booked = bookings?.some((b) => b.status !== 'failed') ?? false;
  const accepted = acceptedRange(analysis, duration);

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

  async function find(): Promise<Slot[]> {
    if (!target) return [];
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
        snapshot,
      });
      setSlots(result.slots);
      setOutcomes(result.proposals);
      setPersonal(result.unknown.filter((id) => result.reasons[id] === 'personal-account'));
      setNotShared(result.unknown.filter((id) => result.reasons[id] === 'no-access'));
      setUnknown(result.unknown.filter((id) => !result.reasons[id]));
      const language = draftLanguage(analysis, locale.value);
      onSlots?.(
        result.slots.length
          ? result.slots
              .slice(0, 4)
              .map((s) => `- ${whenText(s.start, s.end, customerZone, language)}`)
              .join('\n')
          : undefined,
      );
      return result.slots;
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
    return [];
  }

  /** The accepted time, booked in one click once the calendars say it is still free. */
  async function bookAccepted() {
    if (!accepted) return;
    const found = await find();
    const slot = found.find((s) => s.start === accepted.start);
    if (slot) await book(slot);
    else setError(t('acceptedTimeTaken', acceptedLabel));
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
  const acceptedLabel = accepted
    ? whenText(accepted.start, accepted.end, profile.timeZone, locale.value)
    : '';
  const otherTimes =
    (slots?.length ?? 0) + outcomes.reduce((n, o) => n + (o.unavailable ? o.alternatives.length : 0), 0);
  const slotLists = (
    <>
      {slots &&
        outcomes
          .filter((o) => o.unavailable)
          .map((o) => (
            <div
              key={o.proposal.text}
              class="notice"
              data-testid="proposal-unavailable"
              data-reason={o.unavailable}
            >
              <p>{t(UNAVAILABLE[o.unavailable!], o.proposal.text)}</p>
              {o.alternatives.length > 0 && (
                <>
                  <p class="muted">{t('proposalAlternatives')}</p>
                  <ul class="plain" data-testid="alternatives">
                    {o.alternatives.map((s) => (
                      <li key={s.start} class="row" data-start={s.start}>
                        <span style={{ flex: 1 }}>
                          {s.manager.label}
                          {s.customer.timeZone !== s.manager.timeZone && (
                            <div class="muted">{t('customerTime', s.customer.label)}</div>
                          )}
                        </span>
                        <button type="button" onClick={() => void book(s)}>
                          {t('book')}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ))}
      {slots && slots.length === 0 && (
        <p class="empty" data-testid="no-slots">
          {t('noSlots')}
        </p>
      )}
      {slots && slots.length > 0 && (
        <ul class="plain" data-testid="slots">
          {slots.map((s) => (
            <li key={s.start} class="row" data-start={s.start}>
              <span style={{ flex: 1 }}>
                <strong>{s.manager.label}</strong>
                {s.customer.timeZone !== s.manager.timeZone && (
                  <div class="muted">{t('customerTime', s.customer.label)}</div>
                )}
                {slotOrigin(s, outcomes) && (
                  <div class="muted" data-testid="slot-origin">
                    {slotOrigin(s, outcomes)}
                  </div>
                )}
              </span>
              <button type="button" class="primary" onClick={() => void book(s)}>
                {t('book')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return (
    <section class="card" aria-labelledby="schedule-heading" data-testid="scheduler">
      <h2 id="schedule-heading">{t('scheduleMeeting')}</h2>
      {target === null && (
        <div class="empty" data-testid="no-calendar">
          <p>{t('connectCalendarHint')}</p>
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
                {[detected.zone, profile.timeZone, ...COMMON_ZONES]
                  .filter((v, i, a) => a.indexOf(v) === i)
                  .map((z) => (
                    <option key={z} value={z}>
                      {z.replace(/_/g, ' ')}
                    </option>
                  ))}
              </select>
            </label>
          </div>
          <p class="muted" data-testid="zone-reason">
            {t('zoneDetected', zoneName(detected.zone), zoneReason(detected))}{' '}
            {[detected.zone, profile.timeZone]
              .filter((z, i, a) => a.indexOf(z) === i && z !== customerZone)
              .map((z) => (
                <button key={z} type="button" onClick={() => setCustomerZone(z)}>
                  {t('zoneUse', zoneName(z))}
                </button>
              ))}
          </p>
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
          {accepted && !booked && (
            <div class="notice success" data-testid="accepted-time">
              <p>{t('acceptedTimeSaid', acceptedLabel)}</p>
              <button type="button" class="primary" disabled={busy} onClick={() => void bookAccepted()}>
                {t('acceptedTimeBook')}
              </button>
            </div>
          )}
          <button
            type="button"
            class={accepted && !booked ? '' : 'primary'}
            disabled={busy}
            onClick={() => void find()}
          >
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
      {notShared.length > 0 && (
        <p class="notice" data-testid="freebusy-not-shared">
          {t('freeBusyNoAccess', notShared.join(', '))}
        </p>
      )}
      {personal.length > 0 && (
        <p class="notice" data-testid="freebusy-personal">
          {t('freeBusyPersonal', personal.join(', '))}
        </p>
      )}
      <Bookings
        threadKey={threadKey}
        profile={profile}
        analysis={analysis}
        snapshot={snapshot}
        onDraft={onDraft}
        slots={slots ?? []}
      />
      {booked && slots ? (
        <details data-testid="other-times">
          <summary>{t('bookedShowTimes', otherTimes)}</summary>
          {slotLists}
        </details>
      ) : (
        slotLists
      )}
    </section>
  );
}

export type { ProviderKind };
