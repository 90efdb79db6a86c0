import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS, setBusinessHours } from './settings';
import { db } from '../db/db';
import { createComplaintFromThread } from '../db/complaints';
import { prefillFromThread } from './prefill';
import { snapshot } from './test-helpers';
import { bulkChangeStatus, canMove, changeStatus } from './workflow';
import { makeComplaint } from './test-helpers';

beforeEach(async () => {
  await db.delete();
  await db.open();
  // Pinned (the profile's default follows the machine's zone): Mon–Fri 09:00–18:00, Europe/Madrid.
  await setBusinessHours(DEFAULT_BUSINESS_HOURS);
});

const now = Date.parse('2026-10-21T08:00:00Z'); // Wednesday 10:00 Madrid
const HOUR = 3_600_000;

async function logged() {
  const s = snapshot();
  return (await createComplaintFromThread(s, prefillFromThread(s), now)).complaint;
}

describe('workflow', () => {
  it('walks new → in progress → waiting → resolved → closed → reopened, timestamping each step', async () => {
    const c = await logged();
    const a = await changeStatus(c.id, 'in_progress', { now: now + HOUR, note: 'Llamada hecha', by: 'Ana' });
    // Starting work sends nothing to the customer: no first response.
    expect(a.firstResponseAt).toBeNull();
    // Medium: resolution within 5 business days → next Wednesday 10:00.
    expect(a.dueAt).toBe(Date.parse('2026-10-28T09:00:00Z'));
    const b = await changeStatus(c.id, 'waiting_customer', { now: now + 2 * HOUR, by: 'Ana' });
    expect(b.firstResponseAt).toBeNull();
    await expect(changeStatus(c.id, 'resolved', { now: now + 3 * HOUR, by: 'Ana' })).rejects.toMatchObject({
      code: 'no-resolution',
    });
    const r = await changeStatus(c.id, 'resolved', {
      now: now + 3 * HOUR,
      resolution: '  Reembolso de 45,90 € hecho. ',
      by: 'Ana',
    });
    expect([r.resolvedAt, r.dueAt, r.resolution]).toEqual([
      now + 3 * HOUR,
      null,
      'Reembolso de 45,90 € hecho.',
    ]);
    const closed = await changeStatus(c.id, 'closed', { now: now + 4 * HOUR, by: 'Luis' });
    expect(closed.resolvedAt).toBe(now + 3 * HOUR);
    const reopened = await changeStatus(c.id, 'in_progress', { now: now + 5 * HOUR, by: 'Luis' });
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.dueAt).not.toBeNull();
    expect(reopened.history.filter((h) => h.kind === 'status')).toEqual([
      { at: now + HOUR, kind: 'status', from: 'new', to: 'in_progress', note: 'Llamada hecha', by: 'Ana' },
      { at: now + 2 * HOUR, kind: 'status', from: 'in_progress', to: 'waiting_customer', by: 'Ana' },
      {
        at: now + 3 * HOUR,
        kind: 'status',
        from: 'waiting_customer',
        to: 'resolved',
        note: 'Reembolso de 45,90 € hecho.',
        by: 'Ana',
      },
      { at: now + 4 * HOUR, kind: 'status', from: 'resolved', to: 'closed', by: 'Luis' },
      { at: now + 5 * HOUR, kind: 'status', from: 'closed', to: 'in_progress', by: 'Luis' },
    ]);
  });

  it('refuses invalid transitions and leaves the record untouched', async () => {
    const c = await logged();
    expect(canMove('new', 'closed')).toBe(false);
    await expect(changeStatus(c.id, 'closed', { now: now + 1 })).rejects.toMatchObject({
      code: 'bad-transition',
    });
    expect(await db.complaints.get(c.id)).toEqual(c);
  });

  it('changes the selected complaints in bulk and reports the ones that cannot move', async () => {
    await db.complaints.bulkAdd([
      makeComplaint({ id: 'a', threadKey: 'gmail:a' }),
      makeComplaint({ id: 'b', threadKey: 'gmail:b', status: 'closed' }),
      makeComplaint({ id: 'c', threadKey: 'gmail:c', status: 'in_progress', firstResponseAt: 5 }),
      makeComplaint({ id: 'd', threadKey: 'gmail:d', status: 'in_progress', resolution: 'Cambiado' }),
    ]);
    // Without a resolution only the one that already has its own can be resolved.
    expect(await bulkChangeStatus(['a', 'c', 'd'], 'resolved', { now, by: 'Ana' })).toEqual({
      changed: ['d'],
      refused: [
        { id: 'a', from: 'new' },
        { id: 'c', from: 'in_progress' },
      ],
    });
    const result = await bulkChangeStatus(['a', 'b', 'c', 'gone'], 'resolved', {
      now,
      resolution: 'Lote repuesto',
    });
    expect(result).toEqual({
      changed: ['a', 'c'],
      refused: [
        { id: 'b', from: 'closed' },
        { id: 'gone', from: null },
      ],
    });
    const [a, b, c] = await db.complaints.bulkGet(['a', 'b', 'c']);
    expect(a).toMatchObject({
      status: 'resolved',
      firstResponseAt: null,
      resolvedAt: now,
      dueAt: null,
      resolution: 'Lote repuesto',
    });
    expect(b?.status).toBe('closed');
    expect(c?.firstResponseAt).toBe(5);
  });
});
