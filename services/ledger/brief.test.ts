import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { addTask } from '../db/tasks';
import { enqueue } from '../outbox/outbox';
import { CREATE, type BookingPayload } from '../scheduling/bookings';
import { makeComplaint } from '../complaints/test-helpers';
import { setLocale } from '../i18n';
import { bookedMeetings, meetingBrief } from './brief';
import { recordInvoice } from './store';

// A meeting booked from the demo's late-delivery thread (sandbox/seed/threads.ts), written by hand.
const payload: BookingPayload = {
  provider: 'google',
  calendarId: 'primary',
  threadKey: 'gmail:t1',
  threadUrl: 'https://mail.google.com/mail/u/0/#inbox/t1',
  customer: { name: 'Lucía Pérez', email: 'lucia@example.es', language: 'es', timeZone: 'Europe/Madrid' },
  event: {
    title: 'Reunión con Lucía Pérez',
    description: 'Revisar el pedido roto',
    start: '2026-12-03T10:00:00+01:00',
    end: '2026-12-03T10:30:00+01:00',
    timeZone: 'Europe/Madrid',
    location: 'C/ Toledo 42, Madrid',
    attendees: [{ email: 'lucia@example.es', name: 'Lucía Pérez' }],
    online: false,
  },
};

beforeEach(async () => {
  setLocale('es');
  await db.delete();
  await db.open();
});

describe('meeting brief', () => {
  it('gathers who, when, where, the complaint, open tasks and unpaid invoices of that customer', async () => {
    const item = await enqueue(CREATE, 'k1', payload);
    await db.outbox.update(item.id, { status: 'done', result: { eventId: 'e1', joinUrl: null } });
    await enqueue(CREATE, 'k2', { ...payload, threadKey: 'gmail:t2' }); // still pending: not booked
    await db.complaints.add(makeComplaint());
    await addTask({ title: 'Llamar a Lucía', link: { kind: 'thread', ref: 'gmail:t1' } });
    await addTask({ title: 'Reponer el pedido', link: { kind: 'complaint', ref: 'c1' } });
    await recordInvoice(
      {
        kind: 'invoice',
        supplierName: 'Lucía Pérez',
        supplierEmail: 'lucia@example.es',
        taxId: '',
        number: 'R-7',
        issueDate: '2026-11-20',
        dueDate: '2026-12-20',
        currency: 'EUR',
        base: '',
        taxes: [],
        total: '45.00',
        category: 'other',
        paymentMethod: '',
        iban: '',
        notes: '',
        attachments: [],
      },
      {},
    );

    expect((await bookedMeetings()).map((m) => m.id)).toEqual([item.id]);
    const brief = (await meetingBrief(item.id))!;
    expect(brief.where).toBe('C/ Toledo 42, Madrid');
    expect(brief.summary).toBe('El pedido llegó roto.');
    expect(brief.complaints.map((c) => c.subject)).toEqual(['Pedido roto']);
    // The invoice's own reminder task is linked to no thread: not this meeting's.
    expect(brief.tasks.map((t) => t.title).sort()).toEqual(['Llamar a Lucía', 'Reponer el pedido']);
    expect(brief.invoices.map((i) => [i.number, i.total])).toEqual([['R-7', 4500]]);
  });
});
