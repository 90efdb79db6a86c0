import { describe, expect, it } from 'vitest';
import { parseQuickTask } from './quick-add';

// Reference: Friday 27 November 2026, 16:00 local time.
const now = new Date(2026, 10, 27, 16, 0);
const local = (d: number) => new Date(d);

describe('parseQuickTask', () => {
  it('reads Spanish relative dates with a time', () => {
    const task = parseQuickTask('llamar al proveedor mañana 10:00', now);
    expect(task.title).toBe('llamar al proveedor');
    const due = local(task.dueAt!);
    expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours(), due.getMinutes()]).toEqual([
      2026, 10, 28, 10, 0,
    ]);
    expect(task.dueAllDay).toBe(false);
  });

  it('reads English weekdays as the next one, date only', () => {
    const task = parseQuickTask('send invoice Monday', now);
    expect(task.title).toBe('send invoice');
    const due = local(task.dueAt!);
    expect([due.getMonth(), due.getDate()]).toEqual([10, 30]);
    expect(task.dueAllDay).toBe(true);
  });

  it('reads Spanish day/month across the year end', () => {
    const task = parseQuickTask('renovar seguro el 5/1', now);
    const due = local(task.dueAt!);
    expect([due.getFullYear(), due.getMonth(), due.getDate()]).toEqual([2027, 0, 5]);
    expect(task.title).toBe('renovar seguro');
  });

  it('keeps text without a date as the title', () => {
    expect(parseQuickTask('revisar stock de tornillos', now)).toEqual({
      title: 'revisar stock de tornillos',
      dueAt: null,
      dueAllDay: false,
    });
  });
});
