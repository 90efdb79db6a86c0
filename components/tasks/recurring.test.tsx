import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { TasksPage } from './TasksPage';
import { db } from '../../services/db/db';
import { defaultListId } from '../../services/db/lists';
import { saveStaff } from '../../services/db/contacts';
import { saveProfile } from '../../services/profile';
import { setLocale } from '../../services/i18n';
import { createSeries } from '../../services/tasks/series';

// Repeating tasks in the task UI: typed in Spanish, shown with the rule in words, completed into
// the next occurrence; a schedule that never happens is refused with a clear message.

beforeEach(async () => {
  setLocale('es');
  location.hash = '';
  await db.delete();
  await db.open();
  await saveProfile({ timeZone: 'Europe/Madrid' });
});

async function openFirstList() {
  await defaultListId();
  render(<TasksPage path={[]} />);
  const lists = await screen.findByTestId('task-lists');
  fireEvent.click((await within(lists).findAllByRole('button'))[0]!);
}

describe('recurring tasks in the list', () => {
  it('quick add in Spanish stores the rule, shows it in words, and completing makes the next one', async () => {
    await openFirstList();
    const input = screen.getByLabelText('Tarea');
    fireEvent.input(input, { target: { value: 'Revisar inventario de la cámara cada lunes a las 9:00' } });
    expect((await screen.findByTestId('quick-add-rule')).textContent).toBe(
      'Se repite: cada lunes a las 9:00',
    );
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect(await db.tasks.count()).toBe(1));
    const [task] = await db.tasks.toArray();
    expect(task).toMatchObject({
      title: 'Revisar inventario de la cámara',
      rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
    });
    expect(
      new Date(task!.dueAt!).toLocaleString('en-GB', { timeZone: 'Europe/Madrid', weekday: 'long' }),
    ).toBe('Monday');
    const row = await screen.findByTestId('task-item');
    expect(within(row).getByTestId('task-rule').textContent).toBe('↻ cada lunes a las 9:00');
    fireEvent.click(within(row).getByRole('checkbox'));
    await waitFor(async () => expect(await db.tasks.where('status').equals('open').count()).toBe(1));
    const next = (await db.tasks.where('status').equals('open').toArray())[0]!;
    expect(next.id).not.toBe(task!.id);
    expect(next.dueAt! - task!.dueAt!).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
  });

  it('a schedule that never happens is refused and the text stays', async () => {
    await openFirstList();
    const input = screen.getByLabelText('Tarea') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'Revisar caja cada 30 de febrero' } });
    fireEvent.submit(input.closest('form')!);
    const alert = await screen.findAllByRole('alert');
    expect(alert.map((a) => a.textContent).join(' ')).toMatch(/no ocurre nunca/);
    expect(await db.tasks.count()).toBe(0);
    expect(input.value).toBe('Revisar caja cada 30 de febrero');
  });

  it('filters by person; quick add under a person assigns to them', async () => {
    await saveStaff({
      name: 'Ana Ruiz',
      email: 'ana@example.com',
      role: '',
      provider: null,
      calendarId: null,
    });
    await openFirstList();
    const filter = await screen.findByTestId('tasks-person-filter');
    const input = screen.getByLabelText('Tarea');
    fireEvent.input(input, { target: { value: 'Llamar al gestor' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect(await db.tasks.count()).toBe(1));
    fireEvent.change(filter, { target: { value: 'ana@example.com' } });
    await waitFor(() => expect(screen.queryAllByTestId('task-item')).toHaveLength(0));
    fireEvent.input(input, { target: { value: 'Abrir la tienda cada día laborable a las 8' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(screen.queryAllByTestId('task-item')).toHaveLength(1));
    expect(within(screen.getByTestId('task-item')).getByTestId('task-assignee').textContent).toBe('Ana Ruiz');
    expect((await db.tasks.where('assignee').equals('ana@example.com').toArray())[0]!.title).toBe(
      'Abrir la tienda',
    );
  });

  it('the editor asks "this one only" or "all": a title change goes to the series only when asked', async () => {
    const task = await createSeries({
      title: 'Cuadrar caja',
      listId: await defaultListId(),
      anchor: { rule: 'FREQ=DAILY;BYHOUR=20;BYMINUTE=0', zone: 'Europe/Madrid', start: '2026-11-25' },
    });
    render(<TasksPage path={[task.id]} />);
    const editor = await screen.findByTestId('task-editor');
    const scope = await within(editor).findByTestId('task-edit-scope');
    const title = within(editor).getByLabelText('Tarea');
    fireEvent.input(title, { target: { value: 'Cuadrar caja (solo hoy)' } });
    fireEvent.blur(title);
    await waitFor(async () => expect((await db.tasks.get(task.id))!.title).toBe('Cuadrar caja (solo hoy)'));
    expect((await db.series.get(task.seriesId!))!.title).toBe('Cuadrar caja');

    fireEvent.click(within(scope).getByLabelText('todas las de la serie'));
    fireEvent.input(title, { target: { value: 'Cuadrar y cerrar caja' } });
    fireEvent.blur(title);
    await waitFor(async () =>
      expect((await db.series.get(task.seriesId!))!.title).toBe('Cuadrar y cerrar caja'),
    );
    expect((await db.tasks.get(task.id))!.title).toBe('Cuadrar y cerrar caja');
    // The repeat editor shows the rule in words.
    expect(within(editor).getByTestId('recurrence-editor-words').textContent).toBe('cada día a las 20:00');
  });
});
