import { useEffect, useState } from 'preact/hooks';
import {
  emptyParts,
  fromRule,
  toRule,
  type Frequency,
  type RuleParts,
} from '../../services/tasks/recurrence';
import { describeRule } from '../../services/tasks/recurrence-words';
import { formatDateTime, t, type MessageKey } from '../../services/i18n';

// The repeat rule of a task as form fields (what quick add reads from words): how often, which
// weekdays, which day of the month, at what times. The rule in words is shown as it is built.

const FREQ_LABEL: Record<Frequency, MessageKey> = {
  daily: 'repeatDaily',
  weekly: 'repeatWeekly',
  monthly: 'repeatMonthly',
  yearly: 'repeatYearly',
};
type MonthMode = 'day' | 'nth' | 'last';
const NTH_LABEL: [number, MessageKey][] = [
  [1, 'ruleOrdinalFirst'],
  [2, 'ruleOrdinalSecond'],
  [3, 'ruleOrdinalThird'],
  [4, 'ruleOrdinalFourth'],
  [-1, 'ruleOrdinalLast'],
];

const dayName = (day: number, width: 'short' | 'long') =>
  formatDateTime(Date.UTC(2024, 0, day, 12), { weekday: width, timeZone: 'UTC' });

const TIME = /^(\d{1,2})(?::(\d{2}))?$/;

/** "9:00, 17:00" → times; null when a part is not a time. */
export function readTimesField(text: string): RuleParts['times'] | null {
  const out: RuleParts['times'] = [];
  for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
    const m = TIME.exec(part);
    if (!m || Number(m[1]) > 23 || Number(m[2] ?? 0) > 59) return null;
    out.push({ hour: Number(m[1]), minute: Number(m[2] ?? 0) });
  }
  return out;
}

const timesText = (parts: RuleParts) =>
  parts.times.map((x) => `${x.hour}:${String(x.minute).padStart(2, '0')}`).join(', ');

interface Props {
  /** The current RRULE, or null for a task that does not repeat. */
  rule: string | null;
  /** Saves a rule (throws a RecurrenceError for one that never occurs). */
  onSave: (rule: string) => Promise<void>;
  /** Shown only for a repeating task. */
  onStop?: () => Promise<void>;
  /** Turns a refusal into words. */
  problemText: (err: unknown) => string;
}

export function RecurrenceEditor({ rule, onSave, onStop, problemText }: Props) {
  const initial = () => (rule ? safeParts(rule) : emptyParts('weekly'));
  const [parts, setParts] = useState<RuleParts>(initial);
  const [times, setTimes] = useState(() => timesText(initial()));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const next = initial();
    setParts(next);
    setTimes(timesText(next));
    setError(null);
  }, [rule]);

  const set = (changes: Partial<RuleParts>) => setParts({ ...parts, ...changes });
  const mode: MonthMode = parts.weekdays.some((w) => w.nth)
    ? 'nth'
    : parts.monthDays[0] === -1
      ? 'last'
      : 'day';
  const readTimes = readTimesField(times);
  const built = readTimes ? toRule({ ...parts, times: readTimes }) : null;

  async function save() {
    if (!built) return setError(t('ruleMalformed'));
    if (new Set(readTimes!.map((x) => x.minute)).size > 1) return setError(t('ruleUnsupported'));
    try {
      await onSave(built);
      setError(null);
    } catch (err) {
      setError(problemText(err));
    }
  }

  return (
    <fieldset data-testid="recurrence-editor">
      <legend>{t('repeatHeading')}</legend>
      <div class="row">
        <label>
          {t('repeatEvery')}{' '}
          <input
            type="number"
            min={1}
            max={99}
            style={{ width: '4em' }}
            value={parts.interval}
            onInput={(e) => set({ interval: Math.max(1, Number(e.currentTarget.value) || 1) })}
          />
        </label>
        <select
          aria-label={t('repeatFrequency')}
          value={parts.freq}
          onChange={(e) => {
            const freq = e.currentTarget.value as Frequency;
            set({ freq, weekdays: [], monthDays: freq === 'monthly' ? [1] : [], months: [] });
          }}
        >
          {(Object.keys(FREQ_LABEL) as Frequency[]).map((f) => (
            <option key={f} value={f}>
              {t(FREQ_LABEL[f])}
            </option>
          ))}
        </select>
      </div>
      {parts.freq === 'weekly' && (
        <div class="row" role="group" aria-label={t('repeatWeekdays')}>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={parts.weekdays.some((w) => w.day === day)}
                onChange={(e) =>
                  set({
                    weekdays: e.currentTarget.checked
                      ? [...parts.weekdays, { day }].sort((a, b) => a.day - b.day)
                      : parts.weekdays.filter((w) => w.day !== day),
                  })
                }
              />
              <abbr title={dayName(day, 'long')}>{dayName(day, 'short')}</abbr>
            </label>
          ))}
        </div>
      )}
      {parts.freq === 'monthly' && (
        <div class="row">
          <select
            aria-label={t('repeatMonthMode')}
            value={mode}
            onChange={(e) => {
              const next = e.currentTarget.value as MonthMode;
              if (next === 'day') set({ monthDays: [1], weekdays: [] });
              else if (next === 'last') set({ monthDays: [-1], weekdays: [] });
              else set({ monthDays: [], weekdays: [{ day: 1, nth: 1 }] });
            }}
          >
            <option value="day">{t('repeatMonthDay')}</option>
            <option value="nth">{t('repeatMonthNth')}</option>
            <option value="last">{t('ruleMonthLastDay')}</option>
          </select>
          {mode === 'day' && (
            <input
              type="number"
              min={1}
              max={31}
              aria-label={t('repeatMonthDay')}
              style={{ width: '4em' }}
              value={parts.monthDays[0] ?? 1}
              onInput={(e) =>
                set({ monthDays: [Math.min(31, Math.max(1, Number(e.currentTarget.value) || 1))] })
              }
            />
          )}
          {mode === 'nth' && (
            <>
              <select
                aria-label={t('repeatMonthNth')}
                value={parts.weekdays[0]?.nth ?? 1}
                onChange={(e) =>
                  set({
                    weekdays: [{ day: parts.weekdays[0]?.day ?? 1, nth: Number(e.currentTarget.value) }],
                  })
                }
              >
                {NTH_LABEL.map(([n, key]) => (
                  <option key={n} value={n}>
                    {t(key)}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('repeatWeekdays')}
                value={parts.weekdays[0]?.day ?? 1}
                onChange={(e) =>
                  set({
                    weekdays: [{ day: Number(e.currentTarget.value), nth: parts.weekdays[0]?.nth ?? 1 }],
                  })
                }
              >
                {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                  <option key={day} value={day}>
                    {dayName(day, 'long')}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
      )}
      <label>
        {t('repeatTimes')}{' '}
        <input
          value={times}
          placeholder="9:00, 17:00"
          onInput={(e) => setTimes(e.currentTarget.value)}
          aria-invalid={readTimes ? undefined : 'true'}
        />
      </label>
      <p class="muted" data-testid="recurrence-editor-words">
        {built ? describeRule(built) : t('ruleMalformed')}
      </p>
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={() => void save()}>
          {rule ? t('repeatSave') : t('repeatStart')}
        </button>
        {rule && onStop && (
          <button type="button" onClick={() => void onStop()}>
            {t('repeatStop')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function safeParts(rule: string): RuleParts {
  try {
    return fromRule(rule);
  } catch {
    return emptyParts('weekly');
  }
}
