import { useMemo } from 'preact/hooks';
import Papa from 'papaparse';
import { DateTime } from 'luxon';
import { useLive } from '../use-live';
import { WeeklyChart } from '../complaints/WeeklyChart';
import { categoryLabel, download } from '../complaints/labels';
import { ReportChart, type ChartSeries } from './ReportChart';
import { loadReport, reportRows, type Observation, type WeeklyReport } from '../../services/routines/report';
import { formatDateTime, formatNumber, t } from '../../services/i18n';
import '../complaints/complaints.css';
import './routines.css';

// The weekly report (dashboard #/report): observations first, in plain words, then the charts and
// the figures behind them. Printable (print CSS hides the controls) and exportable as CSV.

const weekLabel = (ms: number, zone: string) => formatDateTime(ms, { day: 'numeric', month: 'short' }, zone);
const percent = (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });

/** One observation as a sentence in the UI language. */
export function observationText(o: Observation, zone: string): string {
  switch (o.kind) {
    case 'rose':
      return o.factor >= 2 && o.factor < 3
        ? t(
            'reportObsDoubled',
            categoryLabel(o.category),
            weekLabel(o.since, zone),
            formatNumber(o.after, { maximumFractionDigits: 1 }),
            formatNumber(o.before, { maximumFractionDigits: 1 }),
          )
        : t(
            'reportObsRose',
            categoryLabel(o.category),
            formatNumber(o.factor, { maximumFractionDigits: 1 }),
            weekLabel(o.since, zone),
            formatNumber(o.after, { maximumFractionDigits: 1 }),
            formatNumber(o.before, { maximumFractionDigits: 1 }),
          );
    case 'fell':
      return t(
        'reportObsFell',
        categoryLabel(o.category),
        weekLabel(o.since, zone),
        formatNumber(o.after, { maximumFractionDigits: 1 }),
        formatNumber(o.before, { maximumFractionDigits: 1 }),
      );
    case 'sla':
      return o.before === null
        ? t('reportObsSlaOnly', percent(o.lastWeek))
        : t('reportObsSla', percent(o.lastWeek), percent(o.before));
    case 'recurring':
      return t('reportObsRecurring', o.phrase, formatNumber(o.count), categoryLabel(o.category));
    case 'late-tasks':
      return t('reportObsLateTasks', formatNumber(o.late), formatNumber(o.done));
    case 'thanks':
      return t('reportObsThanks', o.phrase, formatNumber(o.count));
    case 'quiet':
      return t('reportObsQuiet');
  }
}

function exportCsv(report: WeeklyReport) {
  const rows = reportRows(report, (w) => DateTime.fromMillis(w, { zone: report.zone }).toISODate()!);
  // escapeFormulae: quotes come from customers; a cell starting with "=" must stay text in a spreadsheet.
  const csv = `\ufeff${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true })}`;
  download(
    `weekly-report-${DateTime.fromMillis(report.to, { zone: report.zone }).toISODate()}.csv`,
    'text/csv',
    csv,
  );
}

function charts(report: WeeklyReport): {
  response: ChartSeries[];
  tasks: ChartSeries[];
  meetings: ChartSeries[];
} {
  return {
    response: [
      {
        label: t('reportWithinSla'),
        values: report.response.map((r) => r.withinSla),
        color: '#26a269',
        bars: true,
      },
      {
        label: t('reportOutsideSla'),
        values: report.response.map((r) => r.answered - r.withinSla + r.lateUnanswered),
        color: '#c64600',
        bars: true,
      },
    ],
    tasks: [
      { label: t('reportTasksDone'), values: report.tasks.map((r) => r.done), color: '#1a5fb4', bars: true },
      { label: t('reportTasksLate'), values: report.tasks.map((r) => r.late), color: '#a51d2d', bars: true },
    ],
    meetings: [{ label: t('reportMeetingsHeld'), values: report.meetings, color: '#613583' }],
  };
}

export function ReportPage() {
  const report = useLive(() => loadReport(Date.now()), []);
  const series = useMemo(() => (report ? charts(report) : null), [report]);
  if (!report || !series) return <p class="muted">…</p>;
  const z = report.zone;
  return (
    <section class="routines-page" data-testid="report-page">
      <h2>{t('reportHeading')}</h2>
      <p class="muted">
        {t('reportRange', weekLabel(report.from, z), formatDateTime(report.to, { dateStyle: 'medium' }, z))}
      </p>
      <div class="row no-print">
        <button type="button" onClick={() => window.print()}>
          {t('reportPrint')}
        </button>
        <button type="button" onClick={() => exportCsv(report)}>
          {t('exportCsv')}
        </button>
      </div>
      <section class="card report-block" aria-label={t('reportObservations')}>
        <h3>{t('reportObservations')}</h3>
        <ul class="report-observations" data-testid="report-observations">
          {report.observations.map((o, i) => (
            <li key={i}>{observationText(o, z)}</li>
          ))}
        </ul>
      </section>
      <section class="card report-block">
        <h3>{t('reportByCategory')}</h3>
        {report.byCategory.categories.length ? (
          <WeeklyChart weekly={report.byCategory} zone={z} />
        ) : (
          <p class="muted">{t('reportNoComplaints')}</p>
        )}
      </section>
      <div class="report-charts">
        <section class="card report-block">
          <h3>{t('reportResponse')}</h3>
          <ReportChart
            weeks={report.weeks}
            zone={z}
            series={series.response}
            yLabel={t('insightsComplaints')}
            label={t('reportResponse')}
            testId="report-chart-response"
          />
          <table class="report">
            <thead>
              <tr>
                <th>{t('reportWeek')}</th>
                <th>{t('reportWithinSla')}</th>
                <th>{t('reportOutsideSla')}</th>
                <th>{t('reportMedianHours')}</th>
              </tr>
            </thead>
            <tbody>
              {report.response.map((r) => (
                <tr key={r.week}>
                  <td>{weekLabel(r.week, z)}</td>
                  <td>{formatNumber(r.withinSla)}</td>
                  <td>{formatNumber(r.answered - r.withinSla + r.lateUnanswered)}</td>
                  <td>{r.medianHours === null ? '—' : formatNumber(r.medianHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="card report-block">
          <h3>{t('reportTasks')}</h3>
          <ReportChart
            weeks={report.weeks}
            zone={z}
            series={series.tasks}
            yLabel={t('reportTasksDone')}
            label={t('reportTasks')}
            testId="report-chart-tasks"
          />
        </section>
        <section class="card report-block">
          <h3>{t('reportMeetingsHeld')}</h3>
          <ReportChart
            weeks={report.weeks}
            zone={z}
            series={series.meetings}
            yLabel={t('reportMeetingsHeld')}
            label={t('reportMeetingsHeld')}
            testId="report-chart-meetings"
          />
          <p class="muted">{t('reportMeetingsNote')}</p>
        </section>
      </div>
      <section class="card report-block" data-testid="report-recurring">
        <h3>{t('reportRecurring')}</h3>
        {report.recurring.length === 0 && <p class="muted">{t('reportNoRecurring')}</p>}
        <ul class="plain">
          {report.recurring.map((r) => (
            <li key={`${r.category}:${r.phrase}`}>
              <strong>“{r.phrase}”</strong> — {categoryLabel(r.category)} ·{' '}
              {t('reportTimes', formatNumber(r.count))}
              {r.quote && <blockquote class="report-quote">{r.quote}</blockquote>}
            </li>
          ))}
        </ul>
      </section>
      <section class="card report-block" data-testid="report-thanks">
        <h3>{t('reportThanks')}</h3>
        {report.thanks.total === 0 ? (
          <p class="muted">{t('reportNoThanks')}</p>
        ) : (
          <>
            <p>{t('reportThanksTotal', formatNumber(report.thanks.total))}</p>
            <ul class="plain">
              {report.thanks.themes.map((th) => (
                <li key={th.phrase}>
                  <strong>“{th.phrase}”</strong> · {t('reportTimes', formatNumber(th.count))}
                  <blockquote class="report-quote">{th.quote}</blockquote>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </section>
  );
}
