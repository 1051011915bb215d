import type { Locale } from '@lattice/engine';
import type { EChartsOption } from 'echarts';
import type { ResultRow } from '../dataset/dataset-result';
import { type ChartRoles, chartValue, columnLabel, drillCell, numberOrNull } from './chart-helpers';

/** Gauge of the first row's `value` against `max` (spec.options.max, default 100; a 0..1 rate shows as %). */
export function gaugeOption(
  roles: ChartRoles,
  rows: ResultRow[],
  locale: Locale,
  max?: number,
): EChartsOption {
  const row = rows[0];
  const raw = row && roles.value ? numberOrNull(row[roles.value.key]) : null;
  const isRate = max === undefined && raw !== null && raw >= 0 && raw <= 1;
  const value = raw === null ? null : isRate ? Math.round(raw * 1000) / 10 : raw;
  // A variable, not an inline literal: ECharts' item type does not know our `cell` drill payload.
  const data = [
    {
      name: columnLabel(roles.value, locale),
      value: chartValue(value),
      cell: row ? drillCell(row, [], roles.value) : { values: {} },
    },
  ];
  return {
    tooltip: { formatter: '{b}: {c}' },
    series: [
      {
        type: 'gauge',
        min: 0,
        max: max ?? 100,
        progress: { show: true },
        detail: { valueAnimation: true, formatter: isRate ? '{value}%' : '{value}' },
        data,
      },
    ],
  };
}
