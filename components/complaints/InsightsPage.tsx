import { useState } from 'preact/hooks';
import { useLive } from '../use-live';
import { formatDateTime, t, tn } from '../../services/i18n';
import { loadInsights, type Insights } from '../../services/complaints/insights';
import { SEVERITIES } from '../../services/complaints/settings';
import { categoryLabel, formatDuration, severityLabel } from './labels';
import { WeeklyChart } from './WeeklyChart';
import './complaints.css';

const RANGES = [4, 12, 26, 52];

function WeeklyTable({ insights }: { insights: Insights }) {
  const { weeks, categories, counts } = insights.weekly;
  return (
    <table class="data" data-testid="weekly-table">
      <caption>{t('insightsPerWeekHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('insightsWeek')}</th>
          {categories.map((c) => (
            <th key={c} scope="col">
              {categoryLabel(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((w, i) => (
          <tr key={w}>
            <th scope="row">{formatDateTime(w, { dateStyle: 'medium' }, insights.zone)}</th>
            {categories.map((c) => (
              <td key={c} class="num">
                {counts[c]?.[i] ?? 0}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Times({ insights }: { insights: Insights }) {
  const { times } = insights;
  const row = (label: string, value: number | null, count: number) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="num">{value === null ? t('insightsNoData') : formatDuration(value)}</td>
      <td class="num">{tn('complaintCount', count)}</td>
    </tr>
  );
  return (
    <table class="data" data-testid="times-table">
      <caption>{t('insightsTimesHeading')}</caption>
      <tbody>
        {row(t('insightsMedianFirst'), times.firstResponse, times.firstResponseCount)}
        {row(t('insightsMedianResolution'), times.resolution, times.resolutionCount)}
      </tbody>
    </table>
  );
}

function Breaches({ insights }: { insights: Insights }) {
  const { breaches } = insights;
  return (
    <table class="data" data-testid="breaches-table">
      <caption>{t('insightsBreachesHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('fieldSeverity')}</th>
          <th scope="col">{t('insightsBreachFirst')}</th>
          <th scope="col">{t('insightsBreachResolution')}</th>
        </tr>
      </thead>
      <tbody>
        {[...SEVERITIES, 'total' as const].map((s) => (
          <tr key={s}>
            <th scope="row">{s === 'total' ? t('insightsTotal') : severityLabel(s)}</th>
            <td class="num">{breaches[s].firstResponse}</td>
            <td class="num">{breaches[s].resolution}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Repeat({ insights }: { insights: Insights }) {
  if (insights.repeat.length === 0) return <p class="muted">{t('insightsNoRepeat')}</p>;
  return (
    <table class="data" data-testid="repeat-table">
      <caption>{t('insightsRepeatHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colCustomer')}</th>
          <th scope="col">{t('insightsComplaints')}</th>
          <th scope="col">{t('colCategory')}</th>
          <th scope="col">{t('insightsLastComplaint')}</th>
        </tr>
      </thead>
      <tbody>
        {insights.repeat.map((r) => (
          <tr key={r.email}>
            <th scope="row">{r.name ? `${r.name} <${r.email}>` : r.email}</th>
            <td class="num">{r.count}</td>
            <td>{r.categories.map(categoryLabel).join(', ')}</td>
            <td>{formatDateTime(r.lastAt, { dateStyle: 'medium' })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Phrases({ insights }: { insights: Insights }) {
  const entries = Object.entries(insights.phrases).filter(([, list]) => list.length > 0);
  if (entries.length === 0) return <p class="muted">{t('insightsNoPhrases')}</p>;
  return (
    <div class="grid" data-testid="phrases">
      {entries.map(([category, list]) => (
        <table key={category} class="data">
          <caption>{categoryLabel(category)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insightsPhrase')}</th>
              <th scope="col">{t('insightsTimes')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.phrase}>
                <td>{p.phrase}</td>
                <td class="num">{p.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

export function InsightsPage({ now }: { path?: string[]; now?: number }) {
  const [weeks, setWeeks] = useState(12);
  const insights = useLive(() => loadInsights(weeks, now), [weeks, now]);
  return (
    <section>
      <h2>{t('insightsHeading')}</h2>
      <label>
        {t('insightsRange')}{' '}
        <select value={weeks} onChange={(e) => setWeeks(Number(e.currentTarget.value))}>
          {RANGES.map((n) => (
            <option key={n} value={n}>
              {t('insightsWeeks', n)}
            </option>
          ))}
        </select>
      </label>
      {!insights && <p class="muted">{t('loading')}</p>}
      {insights && (
        <>
          <h3>{t('insightsPerWeekHeading')}</h3>
          <div class="insights-pair">
            <WeeklyChart weekly={insights.weekly} zone={insights.zone} />
            <WeeklyTable insights={insights} />
          </div>
          <div class="insights-pair">
            <Times insights={insights} />
            <Breaches insights={insights} />
          </div>
          <h3>{t('insightsRepeatHeading')}</h3>
          <Repeat insights={insights} />
          <h3>{t('insightsPhrasesHeading')}</h3>
          <Phrases insights={insights} />
        </>
      )}
    </section>
  );
}
