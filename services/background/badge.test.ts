import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { db } from '../db/db';
import { addTask } from '../db/tasks';
import { attention, paintBadge } from './badge';
import { setLocale } from '../i18n';

beforeEach(async () => {
  await db.delete();
  await db.open();
  setLocale('en');
});

describe('badge', () => {
  it('counts overdue open tasks and says what it counts', async () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    await addTask({ title: 'late', dueAt: now - 3_600_000 });
    await addTask({ title: 'later today', dueAt: now + 3_600_000 });
    const done = await addTask({ title: 'late but done', dueAt: now - 7_200_000 });
    await db.tasks.update(done.id, { status: 'done' });
    const a = await attention(now);
    expect(a).toEqual({ overdueTasks: 1, breachedComplaints: 0, overdueInvoices: 0 });
    await paintBadge(a);
    expect(await browser.action.getBadgeText({})).toBe('1');
    expect(await browser.action.getTitle({})).toContain(
      '1 overdue task and 0 complaints past their deadline',
    );
    await paintBadge({ overdueTasks: 0, breachedComplaints: 0 });
    expect(await browser.action.getBadgeText({})).toBe('');
  });
});
