import type { Locale } from '@lattice/engine';
import type { EChartsOption } from 'echarts';
import type { ResultRow } from '../dataset/dataset-result';
import { type ChartRoles, columnLabel, formatCategory, formatNumber, numberOrNull } from './chart-helpers';
import type { KpiModel } from './chart-render';

/**
 * KPI card: with an x dimension (a date bucket, rows in period order) the last row is the current period
 * and the one before it the previous period; without one, the single row is the value and there is no trend.
 */
export function kpiModel(roles: ChartRoles, rows: ResultRow[], locale: Locale): KpiModel {
  const key = roles.value?.key;
  const current = rows[rows.length - 1];
  const prev = roles.x && rows.length > 1 ? rows[rows.length - 2] : undefined;
  const value = current && key ? numberOrNull(current[key]) : null;
  const previous = prev && key ? numberOrNull(prev[key]) : null;
  const change =
    value !== null && previous !== null && previous !== 0 ? (value - previous) / Math.abs(previous) : null;
  const period = current && roles.x ? formatCategory(current[roles.x.key] ?? null, locale, roles.x) : null;
  return { label: columnLabel(roles.value, locale), value, previous, change, period };
}

/** The KPI drawn with ECharts graphics (big number, trend arrow) over a faint sparkline of the periods. */
export function kpiOption(
  kpi: KpiModel,
  roles: ChartRoles,
  rows: ResultRow[],
  locale: Locale,
): EChartsOption {
  const up = kpi.change !== null && kpi.change >= 0;
  const trend =
    kpi.change === null
      ? ''
      : `${up ? '▲' : '▼'} ${formatNumber(Math.abs(kpi.change) * 100, locale)}% ${locale === 'en' ? 'vs previous' : '环比'}`;
  const key = roles.value?.key;
  return {
    grid: { left: 0, right: 0, top: '60%', bottom: 0 },
    xAxis: { type: 'category', show: false, data: rows.map((_, i) => i) },
    yAxis: { type: 'value', show: false, scale: true },
    series:
      roles.x && key
        ? [
            {
              type: 'line',
              data: rows.map((r) => numberOrNull(r[key])),
              symbol: 'none',
              areaStyle: { opacity: 0.15 },
              lineStyle: { opacity: 0.4 },
              silent: true,
            },
          ]
        : [],
    graphic: [
      {
        type: 'text',
        left: 16,
        top: 12,
        style: { text: kpi.label + (kpi.period ? ` · ${kpi.period}` : ''), fontSize: 14, fill: '#666' },
      },
      {
        type: 'text',
        left: 16,
        top: 36,
        style: {
          text: kpi.value === null ? '—' : formatNumber(kpi.value, locale),
          fontSize: 32,
          fontWeight: 'bold',
          fill: '#222',
        },
      },
      // Chinese convention: red means up, green means down.
      {
        type: 'text',
        left: 16,
        top: 80,
        style: { text: trend, fontSize: 13, fill: up ? '#cf1322' : '#3f8600' },
      },
    ],
  };
}
