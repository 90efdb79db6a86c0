import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDateTime, formatNumber, locale } from '../../services/i18n';
import { countTicks } from '../../services/complaints/insights';

// A small weekly chart for the report (uPlot, canvas): bars or lines per series over the report's
// weeks. The canvas is a picture; each chart sits beside a table or list with the same figures.

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  bars?: boolean;
}

interface Props {
  weeks: number[];
  zone: string;
  series: ChartSeries[];
  yLabel: string;
  label: string;
  testId: string;
  /** Upper bound of the y axis (100 for percentages); the data's maximum otherwise. */
  yMax?: number;
}

export function ReportChart({ weeks, zone, series, yLabel, label, testId, yMax }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: uPlot | null = null;
    let cancelled = false;
    void import('uplot')
      .then(({ default: UPlot }) => {
        if (cancelled || !host.current) return;
        const width = Math.max(320, Math.min(host.current.clientWidth || 420, 640));
        const xs = weeks.map((w) => w / 1000);
        // Whole-number ticks for counts (there is no half a task); a fixed top for percentages.
        const yTicks = yMax
          ? [0, yMax / 2, yMax]
          : countTicks(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
        const half = 3.5 * 86_400;
        const bars = UPlot.paths.bars?.({
          size: [0.6 / Math.max(1, series.filter((s) => s.bars).length), 40],
        });
        chart = new UPlot(
          {
            width,
            height: 200,
            legend: { show: false },
            scales: {
              x: { time: true, range: () => [xs[0]! - half, xs.at(-1)! + half] },
              y: { range: () => [0, yTicks.at(-1)!] },
            },
            axes: [
              {
                splits: () => xs,
                values: (_u, ticks) =>
                  ticks.map((s, i) =>
                    i % 2 === 0 ? formatDateTime(s * 1000, { day: 'numeric', month: 'short' }, zone) : '',
                  ),
              },
              {
                label: yLabel,
                splits: () => yTicks,
                values: (_u, ticks) => ticks.map((v) => formatNumber(v)),
              },
            ],
            series: [
              {},
              ...series.map((s) => ({
                label: s.label,
                stroke: s.color,
                fill: s.bars ? s.color : undefined,
                width: 2,
                paths: s.bars ? bars : undefined,
                points: { show: !s.bars, size: 5 },
              })),
            ],
          },
          [xs, ...series.map((s) => s.values)] as uPlot.AlignedData,
          host.current,
        );
      })
      .catch((err: unknown) => console.warn('Chart unavailable', err));
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [weeks, zone, series, locale.value]);
  return (
    <figure class="weekly-chart">
      <div ref={host} role="img" aria-label={label} data-testid={testId} />
      <ul class="chart-legend">
        {series.map((s) => (
          <li key={s.label}>
            <span class="swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
