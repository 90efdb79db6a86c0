import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS, setBusinessHours } from '../complaints/settings';
import { db } from './db';
import {
  addComplaintNote,
  complaintForThread,
  createComplaintFromThread,
  staffDirectory,
  threadKeyOf,
  updateComplaint,
} from './complaints';
import { prefillFromThread } from '../complaints/prefill';
import { message, snapshot } from '../complaints/test-helpers';
import { ComplaintError } from '../complaints/errors';
import { loadDraft, saveDraft, clearDraft } from '../complaints/drafts';
import { setLocale } from '../i18n';

beforeEach(async () => {
  await db.delete();
  await db.open();
  // Pinned (the profile's default follows the machine's zone): Mon–Fri 09:00–18:00, Europe/Madrid.
  await setBusinessHours(DEFAULT_BUSINESS_HOURS);
  setLocale('en');
});

// Wednesday 21 Oct 2026 10:00 in Madrid (CEST): inside the default business hours.
const now = Date.parse('2026-10-21T08:00:00Z');

describe('createComplaintFromThread', () => {
  it('stores one complaint with its SLA due date and a follow-up task linked both ways', async () => {
    const s = snapshot();
    const { complaint, created, appended } = await createComplaintFromThread(s, prefillFromThread(s), now);
    expect(created).toBe(true);
    expect(appended).toBe(1);
    expect(complaint).toMatchObject({
      threadKey: 'gmail:18c2f0a1b2c3d4e5',
      status: 'new',
      customerEmail: 'lucia@example.es',
      orderRef: '48213',
      seenMessageIds: [s.messages[0]!.id],
      // Medium: first response within one business day → Thursday 10:00 CEST.
      dueAt: Date.parse('2026-10-22T08:00:00Z'),
    });
    expect(complaint.words).toEqual(expect.arrayContaining(['roto', '48213', 'lucia@example.es']));
    expect(complaint.history.map((h) => h.kind)).toEqual(['created', 'message']);
    const task = await db.tasks.get(complaint.taskId!);
    expect(task).toMatchObject({
      dueAt: complaint.dueAt,
      link: { kind: 'complaint', ref: complaint.id },
      title: 'Answer the complaint from Lucía Pérez: Pedido 48213 roto',
    });
    expect(task?.link?.url).toContain(`dashboard.html#/complaints/${complaint.id}`);
    expect(await db.complaints.get(complaint.id)).toEqual(complaint);
  });

  it('returns the existing complaint on a second click and appends only new messages', async () => {
    const s = snapshot();
    const first = await createComplaintFromThread(s, prefillFromThread(s), now);
    const again = await createComplaintFromThread(s, prefillFromThread(s), now + 1000);
    expect(again).toMatchObject({ created: false, appended: 0 });
    expect(again.complaint.id).toBe(first.complaint.id);

    const reply = message({ text: 'Sigo esperando.', date: null });
    const later = await complaintForThread({ ...s, messages: [...s.messages, reply] }, now + 2000);
    expect(later?.seenMessageIds).toEqual([s.messages[0]!.id, reply.id]);
    expect(later?.history.at(-1)).toEqual({
      at: s.readAt,
      kind: 'message',
      note: 'Lucía Pérez: Sigo esperando.',
    });
    expect(await db.complaints.count()).toBe(1);
    expect(await db.tasks.count()).toBe(1);
  });

  it('answers null for a thread without a complaint', async () => {
    expect(await complaintForThread(snapshot({ threadId: 'other' }))).toBeNull();
  });

  it('refuses an empty thread with an empty form and stores nothing', async () => {
    const s = snapshot({ subject: '', messages: [] });
    await expect(createComplaintFromThread(s, prefillFromThread(s), now)).rejects.toBeInstanceOf(
      ComplaintError,
    );
    expect(await db.complaints.count()).toBe(0);
    expect(await db.tasks.count()).toBe(0);
  });

  it('logs a thread with a missing sender when the user typed a subject', async () => {
    const s = snapshot({ messages: [message({ from: { name: '', email: '' } })] });
    const { complaint } = await createComplaintFromThread(s, prefillFromThread(s), now);
    expect(complaint.customerEmail).toBe('');
    expect(complaint.history[1]?.note).toMatch(/^Unknown sender: /);
  });

  it('stores odd addresses and untrusted text cleaned, without invisible characters', async () => {
    const s = snapshot({
      messages: [message({ from: { name: 'Zoë\u202e O’Brien\u0007', email: '<Zoë+x@Exämple.ES>' } })],
    });
    const { complaint } = await createComplaintFromThread(s, prefillFromThread(s), now);
    expect(complaint.customerName).toBe('Zoë O’Brien');
    expect(complaint.customerEmail).toBe('zoë+x@exämple.es');
  });

  it('caps the history of a huge thread but remembers every message as seen', async () => {
    const messages = Array.from({ length: 450 }, () => message({ text: 'x'.repeat(5000) }));
    const s = snapshot({ messages });
    const { complaint } = await createComplaintFromThread(s, prefillFromThread(s), now);
    expect(complaint.seenMessageIds).toHaveLength(450);
    expect(complaint.history.length).toBeLessThanOrEqual(201);
    expect(Math.max(...complaint.history.map((h) => h.note?.length ?? 0))).toBeLessThanOrEqual(600);
  });
});

describe('editing', () => {
  it('records edited fields, recomputes the due date on a severity change and the search words', async () => {
    const s = snapshot();
    const { complaint } = await createComplaintFromThread(s, prefillFromThread(s), now);
    const edited = await updateComplaint(
      complaint.id,
      { severity: 'critical', subject: 'Caja aplastada' },
      now + 1,
    );
    // Critical: first response within 2 business hours.
    expect(edited.dueAt).toBe(now + 2 * 3_600_000);
    expect(edited.words).toContain('aplastada');
    expect(edited.history.at(-1)).toEqual({ at: now + 1, kind: 'edit', note: 'severity, subject' });
    await addComplaintNote(complaint.id, '  Llamé a la clienta  ', now + 2);
    expect((await db.complaints.get(complaint.id))?.history.at(-1)).toEqual({
      at: now + 2,
      kind: 'note',
      note: 'Llamé a la clienta',
    });
  });

  it('reports a missing complaint', async () => {
    await expect(updateComplaint('nope', { subject: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('lists the staff directory for the assignee', async () => {
    await db.contacts.bulkAdd([
      {
        id: '1',
        email: 'ana@tienda.es',
        name: 'Ana',
        kind: 'staff',
        role: '',
        calendarId: null,
        provider: null,
      },
      {
        id: '2',
        email: 'c@x.es',
        name: 'Cliente',
        kind: 'customer',
        role: '',
        calendarId: null,
        provider: null,
      },
    ]);
    expect(await staffDirectory()).toEqual([{ email: 'ana@tienda.es', name: 'Ana' }]);
  });
});

describe('form drafts', () => {
  it('keeps the form per thread in session storage until cleared', async () => {
    const s = snapshot();
    const key = threadKeyOf(s);
    const form = { ...prefillFromThread(s), summary: 'a medio escribir' };
    await saveDraft(key, form, 5);
    expect(await loadDraft(key)).toEqual({ form, savedAt: 5 });
    expect(await loadDraft('gmail:other')).toBeNull();
    await clearDraft(key);
    expect(await loadDraft(key)).toBeNull();
  });
});
