import type { Locale } from '@lattice/engine';
import type { EChartsOption } from 'echarts';
import type { ResultRow } from '../dataset/dataset-result';
import { type ChartRoles, chartValue, columnLabel, drillCell, formatCategory } from './chart-helpers';

/** Pie, donut (a pie with a hole) and funnel (sorted descending: stages by volume). */
export function pieLikeOption(
  type: 'pie' | 'donut' | 'funnel',
  roles: ChartRoles,
  rows: ResultRow[],
  locale: Locale,
): EChartsOption {
  const { x, value } = roles;
  const data = rows.map((r) => ({
    name: formatCategory(x ? (r[x.key] ?? null) : null, locale, x),
    value: value ? chartValue(r[value.key]) : '-',
    cell: drillCell(r, [x], value),
  }));
  const name = columnLabel(value, locale);
  if (type === 'funnel') {
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      legend: { type: 'scroll', top: 0 },
      series: [
        {
          type: 'funnel',
          name,
          sort: 'descending',
          left: '10%',
          width: '80%',
          top: 32,
          bottom: 8,
          gap: 2,
          label: { show: true, position: 'inside' },
          data,
        },
      ],
    };
  }
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', top: 0 },
    series: [
      { type: 'pie', name, radius: type === 'donut' ? ['45%', '70%'] : '70%', center: ['50%', '55%'], data },
    ],
  };
}
