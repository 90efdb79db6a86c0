import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Templates } from './Templates';
import { db } from '../../services/db/db';
import { setLocale } from '../../services/i18n';
import { seedTemplates } from '../../services/assistant/seed-templates';

beforeEach(async () => {
  setLocale('en');
  await db.templates.clear();
  await db.settings.clear();
});
afterEach(cleanup);

function fileInput(): HTMLInputElement {
  return screen.getByLabelText('Import JSON') as HTMLInputElement;
}

async function choose(input: HTMLInputElement, content: string, name = 'templates.json') {
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('templates editor', () => {
  it('creates a template with a variable inserted at the cursor and a live preview', async () => {
    render(<Templates />);
    await waitFor(() => expect(screen.getAllByTestId('template-item').length).toBeGreaterThan(5));
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    const editor = screen.getByTestId('template-editor');
    fireEvent.input(within(editor).getByLabelText('Name'), { target: { value: 'Gracias VIP' } });
    fireEvent.change(within(editor).getByLabelText('Language'), { target: { value: 'es' } });
    fireEvent.change(within(editor).getByLabelText('Kind of message'), { target: { value: 'thanks' } });
    const body = within(editor).getByLabelText('Text') as HTMLTextAreaElement;
    fireEvent.input(body, { target: { value: 'Hola, ! Gracias.' } });
    body.setSelectionRange(6, 6);
    fireEvent.click(within(editor).getByRole('button', { name: 'Insert {{customer.firstName}}' }));
    expect(body.value).toBe('Hola, {{customer.firstName}}! Gracias.');
    expect(screen.getByTestId('template-preview').textContent).toBe('Hola, Lucía! Gracias.');

    fireEvent.input(body, { target: { value: 'Hola {{custmer.name}}' } });
    expect(screen.getByTestId('unknown-variables').textContent).toContain('custmer.name');
    fireEvent.input(body, { target: { value: 'Hola {{customer.firstName}}, gracias.' } });
    fireEvent.click(within(editor).getByLabelText('a refund'));
    fireEvent.click(within(editor).getByRole('button', { name: 'Save template' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Template saved.'));
    const saved = await db.templates.filter((x) => x.name === 'Gracias VIP').first();
    expect(saved).toMatchObject({
      language: 'es',
      intent: 'thanks',
      body: 'Hola {{customer.firstName}}, gracias.',
      commitments: ['refund'],
      builtIn: false,
    });
  });

  it('keeps the typed text and says what is missing when a template has no name', async () => {
    render(<Templates />);
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    const editor = screen.getByTestId('template-editor');
    fireEvent.input(within(editor).getByLabelText('Text'), { target: { value: 'Texto importante' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save template' }));
    expect(await within(editor).findByText('Give the template a name.')).toBeTruthy();
    expect((within(editor).getByLabelText('Text') as HTMLTextAreaElement).value).toBe('Texto importante');
  });

  it('edits, duplicates and deletes (after confirming)', async () => {
    render(<Templates />);
    const first = seedTemplates()[0]!;
    const editButton = await screen.findByRole('button', { name: `Edit ${first.name}` });
    fireEvent.click(editButton);
    const editor = screen.getByTestId('template-editor');
    fireEvent.input(within(editor).getByLabelText('Name'), { target: { value: 'Renamed' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save template' }));
    await waitFor(async () => expect((await db.templates.get(first.id))?.name).toBe('Renamed'));

    fireEvent.click(await screen.findByRole('button', { name: 'Duplicate Renamed' }));
    await waitFor(async () =>
      expect(await db.templates.filter((x) => x.name === 'Renamed (copy)').count()).toBe(1),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Delete Renamed' }));
    expect(await db.templates.get(first.id)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(async () => expect(await db.templates.get(first.id)).toBeUndefined());

    fireEvent.click(screen.getByRole('button', { name: 'Restore built-in templates' }));
    await waitFor(async () => expect((await db.templates.get(first.id))?.name).toBe(first.name));
    expect(await db.templates.filter((x) => x.name === 'Renamed (copy)').count()).toBe(1);
  });

  it('filters by language and intent', async () => {
    render(<Templates />);
    await waitFor(() => expect(screen.getAllByTestId('template-item').length).toBeGreaterThan(5));
    fireEvent.change(screen.getAllByLabelText('Language')[0]!, { target: { value: 'en' } });
    fireEvent.change(screen.getAllByLabelText('Kind of message')[0]!, { target: { value: 'complaint' } });
    expect(screen.queryByTestId('group-complaint:es')).toBeNull();
    expect(screen.getByTestId('group-complaint:en')).toBeTruthy();
    expect(screen.queryByTestId('group-thanks:en')).toBeNull();
  });

  it('refuses a file that is not JSON or not ours and keeps every template', async () => {
    render(<Templates />);
    await waitFor(() => expect(screen.getAllByTestId('template-item').length).toBeGreaterThan(5));
    const before = await db.templates.count();
    await choose(fileInput(), 'name,email\nx,y');
    expect((await screen.findByRole('alert')).textContent).toMatch(/not JSON/);
    await choose(fileInput(), JSON.stringify({ format: 'something-else', templates: [] }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/not an Ops Assistant template export/),
    );
    expect(await db.templates.count()).toBe(before);

    const mine = { ...seedTemplates()[0]!, id: 'imported-1', name: 'Imported one', builtIn: false };
    await choose(
      fileInput(),
      JSON.stringify({ format: 'ops-assistant/templates', version: 1, templates: [mine] }),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/1 new, 0 updated/));
    expect(await db.templates.count()).toBe(before + 1);
  });

  it('exports every template as a JSON download that imports back', async () => {
    let blob: Blob | null = null;
    // jsdom has no object URLs; put them back afterwards so no other test sees these stand-ins.
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    onTestFinished(() => {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    });
    URL.createObjectURL = (b: Blob) => ((blob = b), 'blob:x');
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<Templates />);
    await waitFor(() => expect(screen.getAllByTestId('template-item').length).toBeGreaterThan(5));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const exported = JSON.parse(await blob!.text()) as { format: string; templates: unknown[] };
    expect(exported.format).toBe('ops-assistant/templates');
    expect(exported.templates).toHaveLength(await db.templates.count());
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toMatch(
      /^ops-assistant-templates-.*\.json$/,
    );
  });
});
