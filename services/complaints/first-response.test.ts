import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { complaintForThread, createComplaintFromThread } from '../db/complaints';
import { DEFAULT_BUSINESS_HOURS, setBusinessHours } from './settings';
import { prefillFromThread } from './prefill';
import { message, snapshot } from './test-helpers';
import { threadTimes } from './first-response';
import { changeStatus } from './workflow';
import { responseTimes } from './insights';

// Threads written by hand after the shapes the site adapters produce (services/mail-sites/types.ts):
// `fromUser` is what the reader sets for the business's own addresses (account, manager, aliases).

const customer = (date: string) => message({ date });
const ours = (date: string, email = 'pedidos@tienda.es') =>
  message({ date, fromUser: true, from: { name: 'Tienda', email }, text: 'Sentimos lo ocurrido.' });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await setBusinessHours(DEFAULT_BUSINESS_HOURS);
});

describe('first response read from the thread', () => {
  it('is our first message sent after the customer wrote, in time order', () => {
    expect(
      threadTimes(
        snapshot({
          messages: [
            ours('2026-10-19T09:00:00+02:00'), // our newsletter before the complaint: no reply
            customer('2026-10-20T09:00:00+02:00'),
            ours('2026-10-20T13:30:00+02:00', 'hola@tienda.es'),
            ours('2026-10-20T11:15:00+02:00'), // the alias answered first (pages list oldest first; not always)
          ],
        }),
      ),
    ).toEqual({
      receivedAt: Date.parse('2026-10-20T09:00:00+02:00'),
      firstReplyAt: Date.parse('2026-10-20T11:15:00+02:00'),
    });
    expect(
      threadTimes(snapshot({ messages: [customer('2026-10-20T09:00:00+02:00')] })).firstReplyAt,
    ).toBeNull();
    // A reply without a readable date says nothing about when we answered.
    expect(
      threadTimes(
        snapshot({ messages: [customer('2026-10-20T09:00:00+02:00'), { ...ours(''), date: null }] }),
      ),
    ).toMatchObject({ firstReplyAt: null });
  });

  it('is recorded when our reply shows up in the thread, not when work starts; the median counts from the customer', async () => {
    const logAt = Date.parse('2026-10-20T10:00:00+02:00');
    const first = snapshot({ messages: [customer('2026-10-20T09:00:00+02:00')] });
    const { complaint } = await createComplaintFromThread(first, prefillFromThread(first), logAt);
    expect(complaint).toMatchObject({
      firstResponseAt: null,
      receivedAt: Date.parse('2026-10-20T09:00:00+02:00'),
    });
    const dueBefore = complaint.dueAt;

    const started = await changeStatus(complaint.id, 'in_progress', { now: logAt + 60_000 });
    expect(started.firstResponseAt).toBeNull();

    const later = snapshot({
      messages: [...first.messages, ours('2026-10-20T12:00:00+02:00')],
    });
    const updated = await complaintForThread(later, logAt + 3 * 3_600_000);
    expect(updated?.firstResponseAt).toBe(Date.parse('2026-10-20T12:00:00+02:00'));
    expect(updated?.dueAt).not.toBe(dueBefore);
    // 09:00 → 12:00: three hours, not the minute between logging and "Start working".
    expect(responseTimes([updated!]).firstResponse).toBe(3 * 3_600_000);

    // A later read that shows another reply keeps the first one.
    const again = await complaintForThread(
      snapshot({ messages: [...later.messages, ours('2026-10-21T12:00:00+02:00')] }),
      logAt + 30 * 3_600_000,
    );
    expect(again?.firstResponseAt).toBe(Date.parse('2026-10-20T12:00:00+02:00'));
  });

  it('a complaint logged after we had already answered has its first response at once', async () => {
    const s = snapshot({
      messages: [customer('2026-10-20T09:00:00+02:00'), ours('2026-10-20T09:40:00+02:00')],
    });
    const { complaint } = await createComplaintFromThread(
      s,
      prefillFromThread(s),
      Date.parse('2026-10-21T08:00:00Z'),
    );
    expect(complaint.firstResponseAt).toBe(Date.parse('2026-10-20T09:40:00+02:00'));
    expect(responseTimes([complaint]).firstResponse).toBe(40 * 60_000);
  });
});
