import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { addTask } from '../../services/db/tasks';
import { matchList, orderedLists } from '../../services/db/lists';
import { t } from '../../services/i18n';

interface Props {
  /** The list new tasks go to unless the text names one with "#name". */
  listId?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function QuickAdd({ listId, inputRef }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!text.trim()) return;
    try {
      // The date parser (chrono, en + es) loads on the first add, not with the popup.
      const { parseQuickTask } = await import('../../services/tasks/quick-add');
      const parsed = parseQuickTask(text);
      let title = parsed.title;
      let target = listId;
      if (parsed.listHint) {
        const named = matchList(await orderedLists(), parsed.listHint);
        // An unknown "#word" is part of the title rather than a list to invent.
        if (named) target = named.id;
        else title = `${title} #${parsed.listHint}`;
      }
      await addTask({
        title,
        listId: target,
        dueAt: parsed.dueAt,
        dueAllDay: parsed.dueAllDay,
        remindAt: parsed.remindAt ?? null,
        priority: parsed.priority ?? 'normal',
      });
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
        ref={inputRef}
        aria-label={t('taskTitle')}
        placeholder={t('quickAddPlaceholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
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
