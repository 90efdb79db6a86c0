import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { TasksPage } from './TasksPage';
import { db } from '../../services/db/db';
import { addTask } from '../../services/db/tasks';
import { defaultListId, orderedLists } from '../../services/db/lists';
import { setLocale } from '../../services/i18n';

beforeEach(async () => {
  setLocale('en');
  location.hash = '';
  await db.delete();
  await db.open();
});
afterEach(cleanup);

const rows = () => screen.queryAllByTestId('task-item');
const rowTitles = () => rows().map((r) => within(r).getAllByRole('button')[0]!.textContent);
const key = (k: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(document.body, { key: k, ...init });
const selectedTitle = () =>
  rows()
    .find((r) => r.getAttribute('aria-current') === 'true')
    ?.querySelector('button')?.textContent;

async function openFirstList() {
  const listId = await defaultListId();
  render(<TasksPage path={[]} />);
  const lists = await screen.findByTestId('task-lists');
  fireEvent.click(await within(lists).findByRole('button', { name: 'My day' }));
  return listId;
}

describe('TasksPage', () => {
  it('adds from quick add in natural language, into the named list', async () => {
    await openFirstList();
    const input = screen.getByLabelText('Task');
    fireEvent.input(input, { target: { value: 'Llamar al gestor mañana 10:00 #seguimientos !' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect(await db.tasks.count()).toBe(1));
    const [task] = await db.tasks.toArray();
    const followups = (await orderedLists()).find((l) => l.builtIn === 'followups')!;
    expect(task).toMatchObject({
      title: 'Llamar al gestor',
      priority: 'high',
      listId: followups.id,
      dueAllDay: false,
    });
  });

  it('shows what quick add understood before saving, keeping the part of the day', async () => {
    await openFirstList();
    const input = screen.getByLabelText('Task');
    fireEvent.input(input, { target: { value: 'llamar al proveedor mañana por la tarde #seguimientos !' } });
    const preview = await screen.findByTestId('quick-add-preview');
    const part = (name: string) => preview.querySelector(`[data-part="${name}"]`)?.textContent;
    await waitFor(() => expect(part('time')).toBe('afternoon, 4:00 PM–8:00 PM'));
    expect(part('list')).toBe('list: Follow-ups');
    expect(part('priority')).toBe('priority: High');
    expect(screen.getByTestId('quick-add-preview-title').textContent).toBe('llamar al proveedor');
    expect(await db.tasks.count()).toBe(0);

    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect(await db.tasks.count()).toBe(1));
    const [task] = await db.tasks.toArray();
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(16, 0, 0, 0);
    expect(task).toMatchObject({ title: 'llamar al proveedor', dueAt: tomorrow.getTime(), dueAllDay: false });
    expect(screen.queryByTestId('quick-add-preview')).toBeNull();

    // The English UI here is en-US: "12/10" is December 10.
    fireEvent.input(input, { target: { value: 'pay rent 12/10' } });
    await waitFor(() =>
      expect(
        screen.getByTestId('quick-add-preview').querySelector('[data-part="date"]')?.textContent,
      ).toMatch(/Dec 10/),
    );
  });

  it('moves through tasks with j/k, completes with x, reorders with Alt+arrows', async () => {
    const listId = await defaultListId();
    for (const title of ['first', 'second', 'third']) await addTask({ title, listId });
    await openFirstList();
    await waitFor(() => expect(rowTitles()).toEqual(['first', 'second', 'third']));
    expect(screen.getByTestId('tasks-keyboard-help').textContent).toMatch(/j \/ k/);

    key('j');
    await waitFor(() => expect(selectedTitle()).toBe('second'));
    key('ArrowDown', { altKey: true });
    await waitFor(() => expect(rowTitles()).toEqual(['first', 'third', 'second']));
    key('k');
    await waitFor(() => expect(selectedTitle()).toBe('third'));
    key('x');
    await waitFor(() => expect(rowTitles()).toEqual(['first', 'second']));
    expect((await db.tasks.filter((t) => t.title === 'third').first())?.status).toBe('done');
    expect((await screen.findByTestId('undo-toast')).textContent).toContain('Done: third');

    // u takes the completion back: the task returns where it was, open again.
    key('u');
    await waitFor(() => expect(rowTitles()).toEqual(['first', 'third', 'second']));
    expect(await db.tasks.filter((t) => t.title === 'third').first()).toMatchObject({
      status: 'open',
      completedAt: null,
    });
    expect(screen.queryByTestId('undo-toast')).toBeNull();
  });

  it('names views and lists apart and highlights the one shown', async () => {
    await openFirstList();
    const views = screen.getByTestId('task-views');
    const lists = screen.getByTestId('task-lists');
    const myDay = within(lists).getByRole('button', { name: 'My day' });
    const dueToday = within(views).getByRole('button', { name: 'Due today' });
    await waitFor(() => expect(myDay.getAttribute('aria-pressed')).toBe('true'));
    expect(myDay.className).toBe('primary');
    expect(dueToday.getAttribute('aria-pressed')).toBe('false');
    expect(dueToday.className).toBe('');
    fireEvent.click(dueToday);
    await waitFor(() => expect(dueToday.className).toBe('primary'));
    expect(myDay.className).toBe('');
    expect(screen.getByTestId('tasks-view-title').textContent).toBe('Due today');
  });

  it('deletes with Del and undoes from the toast, restoring the task exactly', async () => {
    const listId = await defaultListId();
    const task = await addTask({
      title: 'Pay the rent',
      notes: 'bank transfer',
      listId,
      dueAt: Date.now() + 86_400_000,
      remindAt: Date.now() + 3_600_000,
      priority: 'high',
    });
    await addTask({ title: 'other', listId });
    await openFirstList();
    await waitFor(() => expect(rows()).toHaveLength(2));
    key('Delete');
    await waitFor(() => expect(rowTitles()).toEqual(['other']));
    const toast = screen.getByTestId('undo-toast');
    expect(toast.textContent).toContain('Pay the rent');
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Pay the rent', 'other']));
    expect(await db.tasks.get(task.id)).toEqual(task);
    expect(screen.queryByTestId('undo-toast')).toBeNull();

    key('Delete');
    await waitFor(() => expect(rowTitles()).toEqual(['other']));
    key('u');
    await waitFor(() => expect(rowTitles()).toEqual(['Pay the rent', 'other']));
  });

  it('moves a task to another list with m', async () => {
    const listId = await defaultListId();
    const task = await addTask({ title: 'for the manager', listId });
    await openFirstList();
    await waitFor(() => expect(rows()).toHaveLength(1));
    key('m');
    const picker = await screen.findByLabelText('Move “for the manager” to');
    const manager = (await orderedLists()).find((l) => l.builtIn === 'manager')!;
    // The choices come from a live query: pick one only once it is offered.
    await waitFor(() => expect(picker.querySelector(`option[value="${manager.id}"]`)).not.toBeNull());
    fireEvent.change(picker, { target: { value: manager.id } });
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect((await db.tasks.get(task.id))?.listId).toBe(manager.id);
  });

  it('opens one task from #/tasks/<id> and finds tasks by search', async () => {
    const task = await addTask({ title: 'Revisar factura de Óscar', notes: 'proveedor' });
    await addTask({ title: 'Something else' });
    render(<TasksPage path={[task.id]} />);
    const editor = await screen.findByTestId('task-editor');
    await waitFor(() =>
      expect((within(editor).getByLabelText('Task') as HTMLInputElement).value).toBe(task.title),
    );
    fireEvent.input(screen.getByLabelText('Search tasks'), { target: { value: 'oscar fact' } });
    await waitFor(() => expect(rowTitles()).toEqual(['Revisar factura de Óscar']));
  });

  it('deletes a list after confirming, moving its tasks', async () => {
    const listId = await openFirstList();
    await addTask({ title: 'keep', listId });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete list' }));
    const dialog = await screen.findByRole('alertdialog');
    await waitFor(() => expect(dialog.textContent).toContain('It has 1 task.'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move the tasks and delete the list' }));
    await waitFor(async () => expect(await db.lists.count()).toBe(2));
    const [task] = await db.tasks.toArray();
    expect((await db.lists.get(task!.listId))?.builtIn).toBe('manager');
  });
});
