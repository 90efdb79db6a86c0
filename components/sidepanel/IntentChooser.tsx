import { INTENTS, type Analysis, type Intent } from '../../services/assistant/types';
import { t } from '../../services/i18n';
import { intentLabel } from './AnalysisCard';

/**
 * Shown when the reader is not sure of the intent (weak evidence, unreadable or mixed input): one click
 * on an intent re-drafts for it. Once chosen, it says so, and the choice can be changed.
 */
export function IntentChooser({
  analysis,
  chosen,
  onChoose,
}: {
  analysis: Analysis;
  chosen: Intent | null;
  onChoose: (intent: Intent) => void;
}) {
  if (!analysis.uncertain && chosen === null) return null;
  // The reader's own guesses first, then the rest.
  const guesses = analysis.intents.map((i) => i.intent);
  const order = [...guesses, ...INTENTS.filter((i) => !guesses.includes(i))];
  return (
    <section class="card" data-testid="intent-chooser" aria-labelledby="intent-chooser-heading">
      <p id="intent-chooser-heading" class={chosen ? 'muted' : 'notice'} role={chosen ? undefined : 'status'}>
        {chosen ? t('intentChosen') : t('intentUnsure')}
      </p>
      <p class="row">
        {order.map((i) => (
          <button
            key={i}
            type="button"
            class={i === chosen ? 'chip strong' : 'chip'}
            aria-pressed={i === chosen}
            data-intent={i}
            onClick={() => onChoose(i)}
          >
            {intentLabel(i)}
          </button>
        ))}
      </p>
    </section>
  );
}
