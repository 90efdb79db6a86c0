import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { DateTime } from 'luxon';
import type { TaskList } from '../../services/db/db';
import { addTask } from '../../services/db/tasks';
import { defaultListId, listName, matchList, orderedLists } from '../../services/db/lists';
import { syncReminderAlarm } from '../../services/tasks/reminders';
import { dayFirst, formatDateTime, t, type MessageKey } from '../../services/i18n';
import type { DayPart, QuickTask } from '../../services/tasks/quick-add';
import { getProfile } from '../../services/profile';
import { describeRule, recurrenceProblemText } from '../../services/tasks/recurrence-words';
import { RecurrenceError } from '../../services/tasks/recurrence';

interface Props {
  /** The list new tasks go to unless the text names one with "#name". */
  listId?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Staff member new tasks are assigned to (the list's person filter). */
  assignee?: string | null;
}

/** What the typed text will become, read the same way as on saving. */
interface Understood {
  task: QuickTask;
  /** The list "#name" matched, or undefined when it matches none (the tag then stays in the title). */
  list?: TaskList;
  /** Window of a typed part of the day, for the preview. */
  window?: { from: number; to: number };
}

const DAY_PART_LABEL: Record<DayPart, MessageKey> = {
  morning: 'dayPartMorning',
  noon: 'dayPartNoon',
  afternoon: 'dayPartAfternoon',
  evening: 'dayPartEvening',
};

async function understand(text: string): Promise<Understood> {
  // The date parser (chrono, en + es) loads on the first keystroke, not with the popup.
  const { parseQuickTask, DAY_PART_HOURS } = await import('../../services/tasks/quick-add');
  // One-off times are the browser's; schedules run in the business's zone (its profile), so
  // "cada lunes a las 9:00" is 9:00 at the business whatever the browser's zone.
  const recurrenceZone = (await getProfile()).timeZone;
  const task = parseQuickTask(text, new Date(), { dayFirst: dayFirst(), recurrenceZone });
  const list = task.listHint ? matchList(await orderedLists(), task.listHint) : undefined;
  let window: Understood['window'];
  if (task.dayPart && task.dueAt !== null) {
    const day = DateTime.fromMillis(task.dueAt).startOf('day');
    const hours = DAY_PART_HOURS[task.dayPart];
    window = { from: day.set({ hour: hours.from }).toMillis(), to: day.set({ hour: hours.to }).toMillis() };
  }
  return { task, list, window };
}

const time = (ms: number) => formatDateTime(ms, { timeStyle: 'short' });

/** The parts understood, each highlighted, so a wrong reading is seen before Enter. */
function Preview({ understood }: { understood: Understood }) {
  const { task, list, window } = understood;
  const title = task.listHint && !list ? `${task.title} #${task.listHint}` : task.title;
  return (
    <p class="row" data-testid="quick-add-preview" aria-live="polite" style={{ flexBasis: '100%' }}>
      <span class="muted">{t('quickAddUnderstood')}</span>
      <span data-testid="quick-add-preview-title">{title}</span>
      {task.dueAt !== null ? (
        <span class="chip strong" data-part="date">
          {formatDateTime(task.dueAt, { weekday: 'short', day: 'numeric', month: 'short' })}
        </span>
      ) : (
        <span class="chip" data-part="date">
          {t('quickAddNoDate')}
        </span>
      )}
      {task.dayPart && window && (
        <span class="chip strong" data-part="time">
          {t('quickAddDayPart', t(DAY_PART_LABEL[task.dayPart]), time(window.from), time(window.to))}
        </span>
      )}
      {!task.dayPart && task.dueAt !== null && !task.dueAllDay && (
        <span class="chip strong" data-part="time">
          {time(task.dueAt)}
        </span>
      )}
      {task.recurrence && (
        <span class="chip strong" data-part="rule" data-testid="quick-add-rule">
          {t('quickAddRepeats', describeRule(task.recurrence.rule))}
        </span>
      )}
      {task.recurrenceError && (
        <span class="chip severity-high" data-part="rule" role="alert">
          {recurrenceProblemText(new RecurrenceError(task.recurrenceError))}
        </span>
      )}
      {task.listHint && (
        <span class={list ? 'chip strong' : 'chip'} data-part="list">
          {list ? t('quickAddList', listName(list)) : t('quickAddNoList', task.listHint)}
        </span>
      )}
      {task.priority && (
        <span class="chip strong" data-part="priority">
          {t('quickAddPriority', task.priority === 'high' ? t('priorityHigh') : t('priorityLow'))}
        </span>
      )}
      {task.remindAt !== undefined && (
        <span class="chip strong" data-part="reminder">
          {t('reminderShort', time(task.remindAt))}
        </span>
      )}
    </p>
  );
}

export function QuickAdd({ listId, inputRef, assignee }: Props) {
  const [text, setText] = useState('');
  const [understood, setUnderstood] = useState<Understood | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Readings finish out of order when typing fast: only the latest one is shown.
  const latest = useRef(0);

  function onInput(value: string) {
    setText(value);
    const turn = ++latest.current;
    if (!value.trim()) return setUnderstood(null);
    void understand(value).then(
      (result) => turn === latest.current && setUnderstood(result),
      () => turn === latest.current && setUnderstood(null),
    );
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!text.trim()) return;
    try {
      const { task: parsed, list } = await understand(text);
      // An unknown "#word" is part of the title rather than a list to invent.
      const title = parsed.listHint && !list ? `${parsed.title} #${parsed.listHint}` : parsed.title;
      // A schedule that cannot be kept is said, and nothing is saved: the text stays to be fixed.
      if (parsed.recurrenceError) throw new RecurrenceError(parsed.recurrenceError);
      if (parsed.recurrence && parsed.dueAt !== null) {
        const { createSeries } = await import('../../services/tasks/series');
        await createSeries(
          {
            title,
            listId: list?.id ?? listId ?? (await defaultListId()),
            priority: parsed.priority ?? 'normal',
            remindBefore:
              parsed.remindAt !== undefined ? Math.round((parsed.dueAt - parsed.remindAt) / 60_000) : null,
            assignee: assignee ?? null,
            anchor: parsed.recurrence,
          },
          Date.now(),
          parsed.dueAt,
        );
        await syncReminderAlarm();
      } else
        await addTask({
          title,
          listId: list?.id ?? listId,
          dueAt: parsed.dueAt,
          dueAllDay: parsed.dueAllDay,
          remindAt: parsed.remindAt ?? null,
          priority: parsed.priority ?? 'normal',
          assignee: assignee ?? null,
        });
      latest.current++;
      setText('');
      setUnderstood(null);
      setError(null);
    } catch (err) {
      // The typed text stays in the box so nothing is lost.
      setError(
        err instanceof RecurrenceError
          ? recurrenceProblemText(err)
          : t('errorGeneric', err instanceof Error ? err.message : String(err)),
      );
    }
  }

  return (
    <form class="row" onSubmit={(e) => void submit(e)} style={{ flexWrap: 'wrap' }}>
      <input
        ref={inputRef}
        aria-label={t('taskTitle')}
        placeholder={t('quickAddPlaceholder')}
        value={text}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        style={{ flex: 1 }}
      />
      <button type="submit" class="primary">
        {t('addTask')}
      </button>
      {understood && <Preview understood={understood} />}
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
    </form>
  );
}
