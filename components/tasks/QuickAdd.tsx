import { useState } from 'preact/hooks';
import { addTask } from '../../services/db/tasks';
import { parseQuickTask } from '../../services/tasks/quick-add';
import { t } from '../../services/i18n';

export function QuickAdd() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!text.trim()) return;
    try {
      const parsed = parseQuickTask(text);
      await addTask({ title: parsed.title, dueAt: parsed.dueAt, dueAllDay: parsed.dueAllDay });
      setText('');
      setError(null);
    } catch (err) {
      // The typed text stays in the box so nothing is lost.
      setError(t('errorGeneric', err instanceof Error ? err.message : String(err)));
    }
  }

  return (
    <form class="row" onSubmit={(e) => void submit(e)}>
      <input
        aria-label={t('taskTitle')}
        placeholder={t('quickAddPlaceholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        style={{ flex: 1 }}
      />
      <button type="submit" class="primary">
        {t('addTask')}
      </button>
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
    </form>
  );
}
