import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
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

afterEach(() => {
  cleanup();
  boundThread.value = null;
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
  it('puts the chosen intent first and keeps the others behind it', () => {
    const read = analyse('El pedido llegó roto y quiero que me devuelvan el dinero, ¿cuándo me lo abonáis?');
    const chosen = withChosenIntent(read, 'question');
    expect(chosen.intents[0]).toEqual({ intent: 'question', confidence: 1 });
    expect(chosen.intents.map((i) => i.intent)).toContain('complaint');
    expect(chosen.uncertain).toBe(false);
  });
});
