import { useState } from 'preact/hooks';
import type { Analysis } from '../../services/assistant/types';
import type { ThreadSnapshot } from '../../services/mail-sites/types';
import type { Slot } from '../../services/calendar/slots';
import type { OutboxItem } from '../../services/db/db';
import { buildIcs } from '../../services/calendar/ics';
import {
  bookingsForThread,
  changesFor,
  LINK,
  queueCancel,
  queueReschedule,
  type BookingPayload,
  type BookingResult,
} from '../../services/scheduling/bookings';
import {
  cancellationText,
  confirmationText,
  rescheduleText,
  spanishRegister,
  type MeetingFacts,
} from '../../services/scheduling/confirmation';
import { retryNow } from '../../services/outbox/outbox';
import { addTask } from '../../services/db/tasks';
import type { BusinessProfile } from '../../services/profile';
import { sendToBackground } from '../../services/messaging';
import { formatDateTime, t } from '../../services/i18n';
import { outboxText } from './outbox-text';
import { useLive } from '../use-live';

export interface DraftHandoff {
  label: string;
  text: string;
}

interface Props {
  threadKey: string;
  profile: BusinessProfile;
  analysis: Analysis;
  snapshot: ThreadSnapshot;
  slots: Slot[];
  onDraft: (draft: DraftHandoff) => void;
}

/** Bookings made from this thread, with their outbox status and what can be done next. */
export function Bookings({ threadKey, profile, snapshot, slots, onDraft }: Props) {
  const bookings = useLive(() => bookingsForThread(threadKey), [threadKey]);
  if (!bookings || bookings.length === 0) return null;
  const active = bookings.find((b) => b.status === 'done');
  return (
    <div data-testid="bookings">
      {active && (
        <p class="success icon icon-check" role="status">
          {t('alreadyBooked')}
        </p>
      )}
      <ul class="plain">
        {bookings.map((b) => (
          <BookingRow
            key={b.id}
            item={b}
            profile={profile}
            snapshot={snapshot}
            slots={slots}
            onDraft={onDraft}
          />
        ))}
      </ul>
    </div>
  );
}

function BookingRow({
  item,
  profile,
  snapshot,
  slots,
  onDraft,
}: {
  item: OutboxItem;
  profile: BusinessProfile;
  snapshot: ThreadSnapshot;
  slots: Slot[];
  onDraft: (d: DraftHandoff) => void;
}) {
  const payload = item.payload as BookingPayload;
  const result = item.result as BookingResult | null;
  const changes = (useLive(() => changesFor(item.key), [item.key]) ?? []).filter((c) => c.kind !== LINK);
  const [moving, setMoving] = useState(false);
  const lastMove = [...changes].reverse().find((c) => c.kind === 'calendar:update' && c.status !== 'failed');
  const cancelled = changes.some((c) => c.kind === 'calendar:cancel' && c.status === 'done');
  const movedStart = lastMove
    ? Date.parse((lastMove.payload as { patch: { start: string } }).patch.start)
    : null;
  const movedEnd = lastMove ? Date.parse((lastMove.payload as { patch: { end: string } }).patch.end) : null;
  const start = movedStart ?? Date.parse(payload.event.start);
  const end = movedEnd ?? Date.parse(payload.event.end);
  const place = payload.event.location ?? null;
  const facts: MeetingFacts = {
    start,
    end,
    customerZone: payload.customer.timeZone,
    customerName: payload.customer.name,
    businessName: profile.businessName,
    signature: profile.signature,
    joinUrl: result?.joinUrl ?? null,
    place: payload.event.online ? null : place,
    phone: null,
    // The calendar service invites an attendee; otherwise the text promises nothing extra (the
    // .ics is only downloaded here, never attached to the reply).
    invitation: payload.event.attendees.some(
      (a) => a.email.toLowerCase() === payload.customer.email.toLowerCase(),
    )
      ? 'calendar'
      : 'none',
    register: spanishRegister(
      [...snapshot.messages].reverse().find((m) => !m.fromUser)?.text ?? '',
      profile.tone,
    ),
  };

  function downloadIcs() {
    const ics = buildIcs({
      uid: `${item.key}@ops-assistant`,
      start,
      end,
      stamp: Date.now(),
      summary: payload.event.title,
      ...(payload.event.description ? { description: payload.event.description } : {}),
      ...(place ? { location: place } : {}),
      ...(result?.joinUrl ? { url: result.joinUrl } : {}),
      ...(profile.managerEmail
        ? { organizer: { email: profile.managerEmail, name: profile.managerName } }
        : {}),
      attendees: payload.event.attendees,
      sequence: changes.length,
      method: 'REQUEST',
    });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'invitation.ics';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function move(slot: Slot) {
    if (!result) return;
    setMoving(false);
    await queueReschedule({
      provider: payload.provider,
      calendarId: payload.calendarId,
      eventId: result.eventId,
      bookingKey: item.key,
      patch: { start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() },
    });
    await sendToBackground({ type: 'outbox:kick', data: {} });
    onDraft({
      label: t('rescheduleDraft'),
      text: rescheduleText({ ...facts, start: slot.start, end: slot.end }, payload.customer.language),
    });
  }

  async function cancel() {
    if (!result) return;
    await queueCancel({
      provider: payload.provider,
      calendarId: payload.calendarId,
      eventId: result.eventId,
      bookingKey: item.key,
    });
    await sendToBackground({ type: 'outbox:kick', data: {} });
    onDraft({ label: t('cancellationDraft'), text: cancellationText(facts, payload.customer.language) });
  }

  return (
    <li data-testid="booking" data-status={item.status}>
      <div class="row">
        <strong style={{ flex: 1 }}>
          {formatDateTime(start, { dateStyle: 'full', timeStyle: 'short' }, profile.timeZone)}
        </strong>
        <span
          class={
            item.status === 'failed'
              ? 'notice error'
              : item.status === 'done' && !cancelled
                ? 'chip ok'
                : 'chip'
          }
          data-testid="booking-status"
        >
          {cancelled
            ? t('bookingCancelled')
            : t(
                item.status === 'done'
                  ? 'bookingDone'
                  : item.status === 'failed'
                    ? 'bookingFailed'
                    : 'bookingPending',
              )}
        </span>
      </div>
      {outboxText(item) && (
        <p class={item.status === 'failed' ? 'notice error' : 'muted'} data-testid="booking-error">
          {outboxText(item)}
        </p>
      )}
      {item.status === 'failed' && (
        <button
          type="button"
          onClick={() =>
            void retryNow(item.id).then(() => sendToBackground({ type: 'outbox:kick', data: {} }))
          }
        >
          {t('retry')}
        </button>
      )}
      {changes
        .filter((c) => c.status !== 'done')
        .map((c) => (
          <p key={c.id} class={c.status === 'failed' ? 'notice error' : 'muted'}>
            {t(c.kind === 'calendar:cancel' ? 'cancelPending' : 'movePending')}{' '}
            {outboxText(c) ? `(${outboxText(c)})` : ''}
          </p>
        ))}
      {item.status === 'done' && result && !cancelled && (
        <>
          {result.alreadyExisted && <p class="muted">{t('bookingAlreadyExisted')}</p>}
          {result.onlineMeeting === 'unavailable' && <p class="notice">{t('onlineUnavailable')}</p>}
          {result.onlineMeeting === 'pending' && (
            <p class="notice" data-testid="link-pending">
              {t('onlineLinkPending')}
            </p>
          )}
          {result.joinUrl && (
            <p>
              <a href={result.joinUrl} target="_blank" rel="noopener noreferrer">
                {result.joinUrl}
              </a>
            </p>
          )}
          <div class="actions">
            <button
              type="button"
              onClick={() =>
                onDraft({
                  label: t('confirmationDraft'),
                  text: confirmationText(facts, payload.customer.language),
                })
              }
            >
              {t('confirmationDraft')}
            </button>
            <button type="button" onClick={downloadIcs}>
              {t('downloadIcs')}
            </button>
            <button
              type="button"
              onClick={() =>
                void addTask({
                  title: t('prepareMeeting', snapshot.subject || payload.event.title),
                  dueAt: start - 60 * 60_000,
                  link: {
                    kind: 'thread',
                    ref: payload.threadKey,
                    url: payload.threadUrl,
                    label: snapshot.subject,
                  },
                })
              }
            >
              {t('prepareTask')}
            </button>
            <button
              type="button"
              onClick={() => setMoving(!moving)}
              disabled={slots.length === 0}
              title={slots.length === 0 ? t('findTimesFirst') : undefined}
            >
              {t('reschedule')}
            </button>
            <button type="button" onClick={() => void cancel()}>
              {t('cancelMeeting')}
            </button>
          </div>
          {moving && (
            <ul class="plain">
              {slots.map((s) => (
                <li key={s.start} class="row">
                  <span style={{ flex: 1 }}>{s.manager.label}</span>
                  <button type="button" onClick={() => void move(s)}>
                    {t('moveHere')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}
