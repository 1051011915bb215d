import type { Locale } from '@lattice/engine';
import type { EChartsOption } from 'echarts';
import type { ResultRow } from '../dataset/dataset-result';
import { type ChartRoles, chartValue, columnLabel, drillCell, formatCategory } from './chart-helpers';

/**
 * Scatter: one point per group, the first measure on x and the second on y (e.g. order count vs revenue
 * per customer). With a single measure, the x dimension goes on the x axis.
 */
export function scatterOption(roles: ChartRoles, rows: ResultRow[], locale: Locale): EChartsOption {
  const { x } = roles;
  const [mx, my] = roles.measures;
  const twoMeasures = mx !== undefined && my !== undefined;
  const data = rows.map((r) => ({
    name: formatCategory(x ? (r[x.key] ?? null) : null, locale, x),
    value: twoMeasures
      ? [chartValue(r[mx.key]), chartValue(r[my.key])]
      : [
          x?.type === 'number' ? chartValue(r[x.key]) : formatCategory(x ? (r[x.key] ?? null) : null, locale),
          mx ? chartValue(r[mx.key]) : '-',
        ],
    cell: drillCell(r, [x], twoMeasures ? undefined : mx),
  }));
  const xNumeric = twoMeasures || x?.type === 'number';
  return {
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: xNumeric ? 'value' : 'category',
      name: columnLabel(twoMeasures ? mx : x, locale),
      scale: true,
    },
    yAxis: { type: 'value', name: columnLabel(twoMeasures ? my : mx, locale), scale: true },
    series: [{ type: 'scatter', data, symbolSize: 10 }],
  };
}
