import type { OutboxHandler } from '../outbox/outbox';
import { enqueue } from '../outbox/outbox';
import { db, type OutboxItem } from '../db/db';
import type { EventPatch, NewEvent, OnlineMeetingOutcome, ProviderKind } from '../calendar/types';
import { bookingKey } from '../calendar/booking';
import { CalendarError, forOutbox } from '../calendar/errors';
import type { CalendarProvider } from '../calendar/types';

// Bookings are outbox items (DESIGN.md): the side panel queues them, the background sends them,
// and the item's key is the booking's idempotency key (Google event id / Graph transactionId).

export interface BookingPayload {
  provider: ProviderKind;
  calendarId: string;
  event: NewEvent;
  threadKey: string;
  threadUrl: string;
  customer: { name: string; email: string; language: 'es' | 'en'; timeZone: string };
}

export interface BookingResult {
  eventId: string;
  joinUrl: string | null;
  htmlLink: string | null;
  onlineMeeting: OnlineMeetingOutcome;
  alreadyExisted: boolean;
}

export const CREATE = 'calendar:create';
export const UPDATE = 'calendar:update';
export const CANCEL = 'calendar:cancel';
/** Follow-up of a booking whose Meet/Teams link the provider was still making. */
export const LINK = 'calendar:link';
/** Link look-ups before giving up (outbox backoff: about a minute in all). */
export const LINK_MAX_ATTEMPTS = 6;

interface LinkPayload {
  provider: ProviderKind;
  calendarId: string;
  eventId: string;
  /** The booking's outbox key, whose result gets the link. */
  bookingKey: string;
}

export async function queueBooking(payload: BookingPayload): Promise<OutboxItem> {
  const key = await bookingKey(payload.threadKey, payload.calendarId, payload.event.start);
  return enqueue(CREATE, key, payload);
}

export interface ChangePayload {
  provider: ProviderKind;
  calendarId: string;
  eventId: string;
  /** The booking this changes (its outbox key), so the panel can show them together. */
  bookingKey: string;
  patch?: EventPatch;
  comment?: string;
}

/** Reschedule: one update per (event, new start), so a double click is one change. */
export function queueReschedule(change: ChangePayload & { patch: EventPatch }): Promise<OutboxItem> {
  return enqueue(UPDATE, `${change.bookingKey}:move:${change.patch.start ?? ''}`, change);
}

export function queueCancel(change: ChangePayload): Promise<OutboxItem> {
  return enqueue(CANCEL, `${change.bookingKey}:cancel`, change);
}

/** Bookings made from a thread, newest first (few per thread: a scan is fine). */
export async function bookingsForThread(threadKey: string): Promise<OutboxItem[]> {
  const items = await db.outbox.where('status').anyOf('pending', 'running', 'done', 'failed').toArray();
  return items
    .filter((i) => i.kind === CREATE && (i.payload as BookingPayload).threadKey === threadKey)
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Changes (reschedule / cancel) queued for one booking. */
export async function changesFor(key: string): Promise<OutboxItem[]> {
  const items = await db.outbox.where('key').startsWith(`${key}:`).toArray();
  return items.sort((a, b) => a.createdAt - b.createdAt);
}

/** Failures keep their kind for the outbox and carry the user's message for the panel. */
function explained(handler: OutboxHandler): OutboxHandler {
  return {
    kind: handler.kind,
    run: (payload, item) =>
      handler.run(payload, item).catch((error: unknown) => {
        throw forOutbox(error);
      }),
  };
}

export function bookingHandlers(providerFor: (kind: ProviderKind) => CalendarProvider): OutboxHandler[] {
  const handlers: OutboxHandler[] = [
    {
      kind: CREATE,
      async run(payload, item): Promise<BookingResult> {
        const p = payload as BookingPayload;
        const created = await providerFor(p.provider).create(p.calendarId, p.event, item.key);
        if (created.onlineMeeting === 'pending') {
          // Google may make the Meet asynchronously, Exchange fills Teams details in later: look
          // again with backoff, so the confirmation and the .ics get the link once it exists.
          await enqueue(LINK, `${item.key}:link`, {
            provider: p.provider,
            calendarId: p.calendarId,
            eventId: created.event.id,
            bookingKey: item.key,
          } satisfies LinkPayload);
        }
        return {
          eventId: created.event.id,
          joinUrl: created.event.joinUrl ?? null,
          htmlLink: created.event.htmlLink ?? null,
          onlineMeeting: created.onlineMeeting,
          alreadyExisted: created.alreadyExisted,
        };
      },
    },
    {
      kind: UPDATE,
      async run(payload) {
        const p = payload as ChangePayload;
        const updated = await providerFor(p.provider).update(p.calendarId, p.eventId, p.patch ?? {});
        return { start: updated.start, end: updated.end };
      },
    },
    {
      kind: CANCEL,
      async run(payload) {
        const p = payload as ChangePayload;
        await providerFor(p.provider).cancel(
          p.calendarId,
          p.eventId,
          p.comment ? { comment: p.comment } : {},
        );
        return { cancelled: true };
      },
    },
    {
      kind: LINK,
      async run(payload, item) {
        const p = payload as LinkPayload;
        const event = await providerFor(p.provider).get(p.calendarId, p.eventId);
        if (!event.joinUrl && event.conference === 'pending' && item.attempts < LINK_MAX_ATTEMPTS) {
          throw new CalendarError('server', 'The meeting link is still being created.', {
            reason: 'conferencePending',
          });
        }
        const joinUrl = event.joinUrl ?? null;
        await db.transaction('rw', db.outbox, async () => {
          const booking = await db.outbox.where('key').equals(p.bookingKey).first();
          if (!booking?.result) return;
          const result: BookingResult = {
            ...(booking.result as BookingResult),
            joinUrl,
            onlineMeeting: joinUrl ? 'created' : 'unavailable',
          };
          await db.outbox.update(booking.id, { result, updatedAt: Date.now() });
        });
        return { joinUrl };
      },
    },
  ];
  return handlers.map(explained);
}
