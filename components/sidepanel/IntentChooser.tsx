import { useEffect, useState } from 'preact/hooks';
import { INTENTS, type Analysis, type Intent } from '../../services/assistant/types';
import { aiIntent } from '../../services/assistant/ai-understand';
import { activeBackend, aiSettings } from '../../services/ai-settings';
import { t } from '../../services/i18n';
import { intentLabel } from './AnalysisCard';

/**
 * Shown when the reader is not sure of the intent (weak evidence, unreadable or mixed input): one click
 * on an intent re-drafts for it. Once chosen, it says so, and the choice can be changed. When the user
 * has turned an AI on, "Ask the AI" lets it read the message (schema-bound answer, cross-checked) and
 * picks its intent the same way; nothing is sent to a model without that click.
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
  const [aiOn, setAiOn] = useState(false);
  const [all, setAll] = useState(false);
  const [asking, setAsking] = useState<'idle' | 'busy' | 'failed'>('idle');
  useEffect(() => {
    setAsking('idle');
    setAll(false);
  }, [analysis]);
  useEffect(() => {
    let live = true;
    const check = () =>
      void activeBackend()
        .then((backend) => live && setAiOn(backend !== null))
        .catch(() => live && setAiOn(false));
    check();
    const unwatch = aiSettings.watch(check);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  if (!analysis.uncertain && chosen === null) return null;
  // The reader's own guesses first, then the rest.
  const guesses = analysis.intents.map((i) => i.intent);
  const order = [...guesses, ...INTENTS.filter((i) => !guesses.includes(i))];
  // The likeliest three in one row (the draft stays on the first screen of a narrow panel); the rest
  // one click further. A chosen intent is always shown.
  const shown = all ? order : order.filter((i, k) => k < 3 || i === chosen);

  async function askAi() {
    setAsking('busy');
    try {
      const intent = await aiIntent(analysis, await activeBackend());
      if (intent) {
        setAsking('idle');
        onChoose(intent);
      } else setAsking('failed');
    } catch {
      setAsking('failed');
    }
  }

  return (
    <section class="card" data-testid="intent-chooser" aria-labelledby="intent-chooser-heading">
      <p id="intent-chooser-heading" class={chosen ? 'muted' : 'notice'} role={chosen ? undefined : 'status'}>
        {chosen ? t('intentChosen') : t('intentUnsure')}
      </p>
      <p class="row">
        {shown.map((i) => (
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
        {shown.length < order.length && (
          <button type="button" class="chip" data-testid="intent-more" onClick={() => setAll(true)}>
            {t('intentMore')}
          </button>
        )}
      </p>
      {aiOn && !chosen && (
        <p class="row">
          <button
            type="button"
            data-testid="intent-ask-ai"
            disabled={asking === 'busy'}
            aria-busy={asking === 'busy'}
            onClick={() => void askAi()}
          >
            {asking === 'busy' ? t('intentAskAiBusy') : t('intentAskAi')}
          </button>
          {asking === 'failed' && (
            <span class="muted" role="status">
              {t('intentAiNoAnswer')}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
