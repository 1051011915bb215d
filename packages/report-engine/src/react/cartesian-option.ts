import type { Locale } from '@lattice/engine';
import type { EChartsOption, SeriesOption } from 'echarts';
import type { ResultRow } from '../dataset/dataset-result';
import {
  type ChartRoles,
  columnLabel,
  distinctValues,
  drillCell,
  formatCategory,
  numberOrNull,
} from './chart-helpers';

export type CartesianType = 'bar' | 'stacked_bar' | 'line' | 'area';

/**
 * Bar, stacked bar, line and area: categories on x; with a series dimension one series per series value
 * (showing `value`), otherwise one series per measure. Every point carries its drill cell.
 */
export function cartesianOption(
  type: CartesianType,
  roles: ChartRoles,
  rows: ResultRow[],
  locale: Locale,
  horizontal = false,
): EChartsOption {
  const { x, series: seriesDim } = roles;
  const categories = distinctValues(rows, x);
  const seriesType = type === 'bar' || type === 'stacked_bar' ? 'bar' : 'line';
  const extra = (): Partial<SeriesOption> => ({
    ...(type === 'stacked_bar' || (type === 'area' && seriesDim) ? { stack: 'total' } : {}),
    ...(type === 'area' ? { areaStyle: {} } : {}),
    ...(seriesType === 'line' ? { smooth: false, connectNulls: false } : {}),
  });
  const pointsFor = (match: (r: ResultRow) => boolean, measureKey: string) =>
    categories.map((c) => {
      const row = rows.find((r) => (x ? (r[x.key] ?? null) === c : true) && match(r));
      const measure = roles.measures.find((m) => m.key === measureKey);
      return row
        ? { value: numberOrNull(row[measureKey]), cell: drillCell(row, [x, seriesDim], measure) }
        : { value: null };
    });
  let series: SeriesOption[];
  if (seriesDim && roles.value) {
    const valueKey = roles.value.key;
    series = distinctValues(rows, seriesDim).map((s) => ({
      type: seriesType,
      name: formatCategory(s, locale, seriesDim),
      data: pointsFor((r) => (r[seriesDim.key] ?? null) === s, valueKey),
      ...extra(),
    })) as SeriesOption[];
  } else {
    series = roles.measures.map((m) => ({
      type: seriesType,
      name: columnLabel(m, locale),
      data: pointsFor(() => true, m.key),
      ...extra(),
    })) as SeriesOption[];
  }
  const categoryAxis = {
    type: 'category' as const,
    name: columnLabel(x, locale),
    data: categories.map((c) => formatCategory(c, locale, x)),
    boundaryGap: seriesType === 'bar',
  };
  const valueAxis = { type: 'value' as const };
  return {
    tooltip: { trigger: 'axis' },
    legend: { show: series.length > 1, type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}
