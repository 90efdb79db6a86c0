import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
// wxt/browser is WXT's fakeBrowser under vitest; spying through it keeps the real API types.
import { browser } from 'wxt/browser';
import { aiSettings } from '../../services/ai-settings';
import { useMemo, useState } from 'preact/hooks';
import { IntentChooser } from './IntentChooser';
import { Drafts } from './Drafts';
import { thread as boundThread } from './bound-tab';
import { analyseThread } from '../../services/assistant/analyse';
import { withChosenIntent } from '../../services/assistant/choose-intent';
import { seedTemplates } from '../../services/assistant/seed-templates';
import { message, thread } from '../../services/assistant/testing-fixtures';
import type { Analysis, Intent } from '../../services/assistant/types';
import { defaultProfile } from '../../services/profile';
import { setLocale, t } from '../../services/i18n';

const profile = {
  ...defaultProfile(),
  businessName: 'Tienda Sol',
  managerName: 'Marta',
  tone: 'formal' as const,
};
const templates = seedTemplates(1);

// The side panel's wiring (entrypoints/sidepanel/App.tsx): the choice replaces the read intent.
function Panel({ read }: { read: Analysis }) {
  const [chosen, setChosen] = useState<Intent | null>(null);
  const analysis = useMemo(() => (chosen ? withChosenIntent(read, chosen) : read), [read, chosen]);
  return (
    <>
      <IntentChooser analysis={read} chosen={chosen} onChoose={setChosen} />
      <Drafts analysis={analysis} templates={templates} profile={profile} tabId={7} />
    </>
  );
}

function analyse(text: string) {
  const snapshot = thread([message({ id: 'm1', text })]);
  boundThread.value = { ok: true, snapshot };
  return analyseThread(snapshot, undefined, { timeZone: 'Europe/Madrid' });
}

afterEach(async () => {
  cleanup();
  boundThread.value = null;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await aiSettings.setValue({ mode: 'off', url: '', model: '', apiKey: '' });
});

describe('IntentChooser', () => {
  it('stays hidden when the reader is sure', () => {
    setLocale('es');
    render(<Panel read={analyse('¿Dónde está mi pedido 4512? Todavía no ha llegado.')} />);
    expect(screen.queryByTestId('intent-chooser')).toBeNull();
  });
  it('says it is unsure and re-drafts for the intent picked with one click', () => {
    setLocale('es');
    const read = analyse('👍👍');
    expect(read.uncertain).toBe(true);
    render(<Panel read={read} />);
    expect(screen.getByTestId('intent-chooser').textContent).toContain('No está claro');
    const before = (screen.getByTestId('draft-text') as HTMLTextAreaElement).value;
    fireEvent.click(screen.getByRole('button', { name: t('intentComplaint') }));
    const after = (screen.getByTestId('draft-text') as HTMLTextAreaElement).value;
    expect(after).not.toBe(before);
    expect(screen.getByRole('button', { name: t('intentComplaint') }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByTestId('intent-chooser').textContent).toContain('elegida por ti');
  });
  it('offers the likeliest three in one row and the rest one click further', () => {
    setLocale('es');
    render(<Panel read={analyse('👍👍')} />);
    const chips = () => screen.getByTestId('intent-chooser').querySelectorAll('[data-intent]');
    expect(chips().length).toBe(3);
    fireEvent.click(screen.getByTestId('intent-more'));
    expect(chips().length).toBe(8);
    expect(screen.queryByTestId('intent-more')).toBeNull();
  });
  it('puts the chosen intent first and keeps the others behind it', () => {
    const read = analyse('El pedido llegó roto y quiero que me devuelvan el dinero, ¿cuándo me lo abonáis?');
    const chosen = withChosenIntent(read, 'question');
    expect(chosen.intents[0]).toEqual({ intent: 'question', confidence: 1 });
    expect(chosen.intents.map((i) => i.intent)).toContain('complaint');
    expect(chosen.uncertain).toBe(false);
  });
  it('asks the AI only on a click, and picks the intent it reads (checked against our schema)', async () => {
    setLocale('en');
    await aiSettings.setValue({ mode: 'endpoint', url: 'http://localhost:11434/v1', model: 'm', apiKey: '' });
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => true);
    const answer = { intent: 'complaint', secondary: 'none', dates: [], references: [] };
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ choices: [{ message: { content: JSON.stringify(answer) } }] })),
    );
    vi.stubGlobal('fetch', fetch);
    const read = analyse('👍👍');
    render(<Panel read={read} />);
    const ask = await screen.findByTestId('intent-ask-ai');
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(ask);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: t('intentComplaint') }).getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
    const body = JSON.parse(String(fetch.mock.calls[0]![1]!.body)) as { response_format: { type: string } };
    expect(body.response_format.type).toBe('json_schema');
  });
  it('says so when the AI answers outside the schema, and chooses nothing', async () => {
    setLocale('en');
    await aiSettings.setValue({ mode: 'endpoint', url: 'http://localhost:11434/v1', model: 'm', apiKey: '' });
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => true);
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ choices: [{ message: { content: 'It is a complaint.' } }] })),
      ),
    );
    render(<Panel read={analyse('👍👍')} />);
    fireEvent.click(await screen.findByTestId('intent-ask-ai'));
    await screen.findByText(t('intentAiNoAnswer'));
    expect(screen.getByTestId('intent-chooser').querySelector('[aria-pressed="true"]')).toBeNull();
  });
});
