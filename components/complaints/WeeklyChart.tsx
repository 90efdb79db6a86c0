import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDateTime, locale, t } from '../../services/i18n';
import type { WeeklyCounts } from '../../services/complaints/insights';
import { categoryLabel } from './labels';

const COLORS = ['#1a5fb4', '#c64600', '#26a269', '#a51d2d', '#613583', '#986a44', '#1c71d8', '#e5a50a'];

/**
 * Complaints per category per week as lines (uPlot, canvas). The chart is a picture for sighted
 * users; the table beside it carries the same figures for everyone, so the canvas is hidden from
 * assistive technology and described by its label.
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
        chart = new UPlot(
          {
            width,
            height: 260,
            scales: { x: { time: true } },
            axes: [
              {
                values: (_u, ticks) =>
                  ticks.map((s) => formatDateTime(s * 1000, { day: 'numeric', month: 'short' }, zone)),
              },
              { label: t('insightsComplaints') },
            ],
            series: [
              {
                label: t('insightsWeek'),
                value: (_u, s) => (s == null ? '' : formatDateTime(s * 1000, { dateStyle: 'medium' }, zone)),
              },
              ...weekly.categories.map((c, i) => ({
                label: categoryLabel(c),
                stroke: COLORS[i % COLORS.length],
                width: 2,
              })),
            ],
          },
          [weekly.weeks.map((w) => w / 1000), ...weekly.categories.map((c) => weekly.counts[c] ?? [])],
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
  return <div ref={host} role="img" aria-label={t('insightsChartLabel')} data-testid="weekly-chart" />;
}
