import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDateTime, formatNumber, locale, t } from '../../services/i18n';
import { countTicks, labelledWeeks, type WeeklyCounts } from '../../services/complaints/insights';
import { categoryLabel } from './labels';

const COLORS = ['#1a5fb4', '#c64600', '#26a269', '#a51d2d', '#613583', '#986a44', '#1c71d8', '#e5a50a'];

/**
 * Complaints per category per week as lines (uPlot, canvas). The chart is a picture for sighted
 * users; the table beside it carries the same figures for everyone, so the canvas is hidden from
 * assistive technology and described by its label. uPlot's own legend (series values under the
 * cursor, "--" when none) is off: ours names each colour's category and its total.
 */
export function WeeklyChart({ weekly, zone }: { weekly: WeeklyCounts; zone: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: uPlot | null = null;
    let cancelled = false;
    // Loaded on demand: uPlot touches window.matchMedia at import, and only this page needs it.
    void import('uplot')
      .then(({ default: UPlot }) => {
        if (cancelled || !host.current) return;
        const width = Math.max(320, Math.min(host.current.clientWidth || 560, 900));
        const weeks = weekly.weeks.map((w) => w / 1000);
        const max = Math.max(0, ...weekly.categories.flatMap((c) => weekly.counts[c] ?? []));
        const yTicks = countTicks(max);
        const labelled = labelledWeeks(weekly.weeks, width - 60);
        const half = 3.5 * 86_400; // half a week, so the first and last weeks are not cut at the edge
        chart = new UPlot(
          {
            width,
            height: 260,
            legend: { show: false },
            scales: {
              x: { time: true, range: () => [weeks[0]! - half, weeks.at(-1)! + half] },
              y: { range: () => [0, yTicks.at(-1)!] },
            },
            axes: [
              {
                // One tick per week start, labelled when there is room: each date under its week.
                splits: () => weeks,
                values: (_u, ticks) =>
                  ticks.map((s) =>
                    labelled.has(s * 1000)
                      ? formatDateTime(s * 1000, { day: 'numeric', month: 'short' }, zone)
                      : '',
                  ),
              },
              {
                label: t('insightsComplaints'),
                splits: () => yTicks,
                values: (_u, ticks) => ticks.map((v) => formatNumber(v)),
              },
            ],
            series: [
              {},
              ...weekly.categories.map((c, i) => ({
                label: categoryLabel(c),
                stroke: COLORS[i % COLORS.length],
                width: 2,
                points: { show: true, size: 5 },
              })),
            ],
          },
          [weeks, ...weekly.categories.map((c) => weekly.counts[c] ?? [])],
          host.current,
        );
      })
      .catch((err: unknown) => {
        // No chart (e.g. no canvas): the table beside it still has every figure.
        console.warn('Chart unavailable', err);
      });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [weekly, zone, locale.value]);
  return (
    <figure class="weekly-chart">
      <div ref={host} role="img" aria-label={t('insightsChartLabel')} data-testid="weekly-chart" />
      <ul class="chart-legend" data-testid="chart-legend">
        {weekly.categories.map((c, i) => (
          <li key={c}>
            <span class="swatch" style={{ background: COLORS[i % COLORS.length] }} />
            {t(
              'insightsLegendItem',
              categoryLabel(c),
              formatNumber((weekly.counts[c] ?? []).reduce((a, b) => a + b, 0)),
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
