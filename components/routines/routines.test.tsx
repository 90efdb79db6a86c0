import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { db } from '../../services/db/db';
import { addTask, setTaskDone } from '../../services/db/tasks';
import { saveProfile } from '../../services/profile';
import { setLocale } from '../../services/i18n';
import { makeComplaint } from '../../services/complaints/test-helpers';
import { BriefPage } from './BriefPage';
import { ChecklistsPage } from './ChecklistsPage';
import { ReportPage, observationText } from './ReportPage';
import { PeopleDueToday } from './PeopleDueToday';
import { saveStaff } from '../../services/db/contacts';

// The routines pages in jsdom: the brief from records (mail text shown as text), checklists with a
// run's progress, and the report's observations in words.

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
  await saveProfile({ timeZone: 'Europe/Madrid', managerEmail: 'boss@example.com' });
});

describe('routines pages', () => {
  it('the brief lists a breached complaint and a task; customer text is never markup', async () => {
    const now = Date.now();
    await db.complaints.add(
      makeComplaint({
        id: 'x',
        subject: '<img src=x onerror=alert(1)>Broken',
        dueAt: now - 3_600_000,
        createdAt: now - 86_400_000,
        status: 'in_progress',
      }),
    );
    await addTask({ title: 'Call the plumber', dueAt: now - 60_000 });
    render(<BriefPage />);
    const complaints = await screen.findByTestId('brief-complaints');
    await waitFor(() =>
      expect(within(complaints).getByText('<img src=x onerror=alert(1)>Broken')).toBeTruthy(),
    );
    expect(complaints.querySelector('img')).toBeNull();
    expect(within(screen.getByTestId('brief-tasks')).getByText('Call the plumber')).toBeTruthy();
    expect(screen.getByTestId('brief-text').textContent).toContain('Breached: Lucía Pérez');
    expect(screen.getByTestId('brief-mailto').getAttribute('href')).toMatch(/^mailto:boss%40example\.com\?/);
  });

  it('an empty brief says so', async () => {
    render(<BriefPage />);
    expect((await screen.findByTestId('brief-empty')).textContent).toMatch(/Nothing needs you/);
  });

  it('checklists: the built-ins are listed, a run started by hand shows its progress', async () => {
    render(<ChecklistsPage />);
    await waitFor(() => expect(screen.getAllByTestId('checklist-template')).toHaveLength(4));
    const onboarding = screen
      .getAllByTestId('checklist-template')
      .find((li) => li.textContent?.includes('New staff onboarding'))!;
    expect(onboarding.textContent).toContain('started by hand');
    fireEvent.click(within(onboarding).getByRole('button', { name: 'Start now' }));
    const run = await screen.findByTestId('checklist-run');
    await waitFor(() => expect(run.textContent).toContain('0 of 5 done'));
    const first = (
      await db.tasks
        .where('checklistRunId')
        .anyOf((await db.checklistRuns.toArray()).map((r) => r.id))
        .toArray()
    )[0]!;
    await setTaskDone(first.id, true);
    await waitFor(() => expect(screen.getByTestId('checklist-run').textContent).toContain('1 of 5 done'));
  });

  it('the report says what doubled since when, in words', async () => {
    expect(
      observationText(
        {
          kind: 'rose',
          category: 'delivery',
          since: DateTime.fromISO('2026-11-09', { zone: 'Europe/Madrid' }).toMillis(),
          before: 1,
          after: 2,
          factor: 2,
        },
        'Europe/Madrid',
      ),
    ).toBe('Delivery complaints doubled since the week of Nov 9 (2 a week, up from 1).');
    setLocale('es');
    expect(observationText({ kind: 'late-tasks', late: 2, done: 9 }, 'Europe/Madrid')).toBe(
      'La semana pasada 2 de 9 tareas se hicieron tarde.',
    );
    setLocale('en');
    render(<ReportPage />);
    expect((await screen.findByTestId('report-observations')).textContent).toContain('A quiet period');
  });

  it('the popup shows what each person has due today', async () => {
    await saveStaff({
      name: 'Carmen Vidal',
      email: 'carmen@example.es',
      role: '',
      provider: null,
      calendarId: null,
    });
    // 00:01 today: due today whatever the time the test runs.
    const soon = new Date().setHours(0, 1, 0, 0);
    await addTask({ title: 'Contar la caja', dueAt: soon, assignee: 'carmen@example.es' });
    await addTask({ title: 'Sin asignar', dueAt: soon });
    render(<PeopleDueToday />);
    const people = await screen.findByTestId('people-due-today');
    expect(people.textContent).toContain('Carmen Vidal');
    expect(people.textContent).toContain('Contar la caja');
    expect(people.textContent).not.toContain('Sin asignar');
  });
});
