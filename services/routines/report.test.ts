import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { PraiseRecord, Task } from '../db/db';
import { makeComplaint } from '../complaints/test-helpers';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_SLA_TARGETS } from '../complaints/settings';
import { computeReport, reportRows } from './report';

// The weekly report over eight weeks of hand-made records, in Europe/Madrid; "now" is Wednesday
// 2 December 2026, so the last complete week starts Monday 23 November.
const MADRID = 'Europe/Madrid';
const ms = (iso: string) => DateTime.fromISO(iso, { zone: MADRID }).toMillis();
const NOW = ms('2026-12-02T12:00');
const hours = { ...DEFAULT_BUSINESS_HOURS, zone: MADRID };
// Mondays of the eight weeks, oldest first: 12 Oct … 30 Nov.
const MONDAYS = Array.from({ length: 8 }, (_, i) =>
  DateTime.fromISO('2026-10-12T10:00', { zone: MADRID }).plus({ weeks: i }),
);

let n = 0;
const complaint = (week: number, category: string, summary: string, answeredAfterHours: number | null) => {
  const createdAt = MONDAYS[week]!.toMillis();
  n += 1;
  return makeComplaint({
    id: `c${n}`,
    threadKey: `gmail:${n}`,
    category,
    severity: 'medium',
    subject: summary.slice(0, 30),
    summary,
    createdAt,
    firstResponseAt: answeredAfterHours === null ? null : createdAt + answeredAfterHours * 3_600_000,
  });
};

function records() {
  const complaints = [];
  // Delivery: one a week, then three a week from the week of 9 November.
  for (let w = 0; w < 4; w++) complaints.push(complaint(w, 'delivery', 'El pedido llegó tarde otra vez.', 2));
  for (let w = 4; w < 7; w++)
    for (let k = 0; k < 3; k++)
      complaints.push(
        complaint(w, 'delivery', 'El repartidor llegó tarde. <script>alert(1)</script>', w === 6 ? 30 : 3),
      );
  complaints.push(complaint(2, 'billing', '=HYPERLINK("http://x") cobro doble en la factura', 1));
  complaints.push(complaint(5, 'billing', 'Cobro doble en la tarjeta.', null));
  const task = (id: string, dueIso: string, doneIso: string): Task =>
    ({
      id,
      listId: 'l',
      title: id,
      notes: '',
      dueAt: ms(dueIso),
      dueAllDay: false,
      remindAt: null,
      priority: 'normal',
      status: 'done',
      link: null,
      order: 0,
      createdAt: 0,
      completedAt: ms(doneIso),
      words: [],
    }) as Task;
  const tasks = [
    task('on time', '2026-11-24T10:00', '2026-11-24T09:00'),
    task('late', '2026-11-24T10:00', '2026-11-25T09:00'),
    { ...task('skipped', '2026-11-24T10:00', '2026-11-26T09:00'), skipped: true },
  ];
  const praise: PraiseRecord[] = [
    {
      id: 'p1',
      at: ms('2026-11-24T10:00'),
      customerName: 'A',
      customerEmail: 'a@x',
      quote: 'Gracias por la atención tan rápida',
      language: 'es',
    },
    {
      id: 'p2',
      at: ms('2026-11-25T10:00'),
      customerName: 'B',
      customerEmail: 'b@x',
      quote: 'Muy buena atención rápida, gracias',
      language: 'es',
    },
  ];
  return { complaints, tasks, praise };
}

describe('weekly report', () => {
  const { complaints, tasks, praise } = records();
  const report = computeReport({
    complaints,
    tasks,
    praise,
    meetings: [],
    sla: DEFAULT_SLA_TARGETS,
    hours,
    now: NOW,
  });

  it('counts complaints by category per week and says what doubled since when', () => {
    expect(report.weeks).toHaveLength(8);
    expect(report.byCategory.counts.delivery).toEqual([1, 1, 1, 1, 3, 3, 3, 0]);
    const rose = report.observations.find((o) => o.kind === 'rose');
    expect(rose).toMatchObject({ kind: 'rose', category: 'delivery', before: 1, after: 3 });
    expect(DateTime.fromMillis((rose as { since: number }).since, { zone: MADRID }).toISODate()).toBe(
      '2026-11-09',
    );
  });

  it('measures first responses against the SLA per week, and says how the last week compares', () => {
    const lastWeek = report.response[6]!;
    expect(lastWeek).toMatchObject({ answered: 3, withinSla: 0, medianHours: 30 });
    expect(report.response[5]).toMatchObject({ answered: 3, withinSla: 3, lateUnanswered: 1 });
    const sla = report.observations.find((o) => o.kind === 'sla');
    expect(sla).toMatchObject({ kind: 'sla', lastWeek: 0 });
    expect((sla as { before: number }).before).toBeCloseTo(11 / 12);
  });

  it('finds recurring issues with a short quote, kept as text', () => {
    const top = report.recurring[0]!;
    expect(top.category).toBe('delivery');
    expect(top.phrase).toBe('llegó tarde');
    expect(top.quote).toContain('llegó tarde');
    expect(top.quote.length).toBeLessThanOrEqual(161);
  });

  it('tasks done late and thanks themes', () => {
    expect(report.tasks[6]).toMatchObject({ done: 2, late: 1 });
    expect(report.observations).toContainEqual({ kind: 'late-tasks', late: 1, done: 2 });
    expect(report.thanks.total).toBe(2);
    expect(report.thanks.themes[0]).toMatchObject({ count: 2 });
    expect(report.thanks.themes[0]!.phrase).toMatch(/atención|rápida/);
  });

  it('exports one figure per row; a quiet period says so', () => {
    const rows = reportRows(report, (w) => DateTime.fromMillis(w, { zone: MADRID }).toISODate()!);
    expect(rows[0]).toEqual(['section', 'week', 'item', 'value']);
    expect(rows).toContainEqual(['complaints', '2026-11-09', 'delivery', '3']);
    const quiet = computeReport({
      complaints: [],
      tasks: [],
      praise: [],
      meetings: [],
      sla: DEFAULT_SLA_TARGETS,
      hours,
      now: NOW,
    });
    expect(quiet.observations).toEqual([{ kind: 'quiet' }]);
  });
});
