import { useState } from 'preact/hooks';
import { t } from '../../services/i18n';

/** The self-check's fallback: the user pastes the thread and it goes through the same pipeline. */
export function PasteThread({ onText }: { onText: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <div class="card">
      <label for="paste-thread">
        <strong>{t('pasteThread')}</strong>
      </label>
      <textarea
        id="paste-thread"
        rows={8}
        placeholder={t('pastePlaceholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="button" disabled={!text.trim()} onClick={() => onText(text)}>
        {t('usePasted')}
      </button>
    </div>
  );
}
