import type { Locale } from '@lattice/engine';
import type { EChartsOption } from 'echarts';
import type { ResultRow } from '../dataset/dataset-result';
import {
  type ChartRoles,
  columnLabel,
  distinctValues,
  drillCell,
  formatCategory,
  formatValue,
  numberOrNull,
} from './chart-helpers';

/** Heatmap of two dimensions (e.g. month on x, region on y) coloured by `value`; `format: 'percent'` labels rates. */
export function heatmapOption(
  roles: ChartRoles,
  rows: ResultRow[],
  locale: Locale,
  format?: unknown,
): EChartsOption {
  const { x, series: y, value } = roles;
  const xs = distinctValues(rows, x);
  const ys = distinctValues(rows, y);
  const data = rows.map((r) => ({
    value: [
      xs.indexOf(x ? (r[x.key] ?? null) : null),
      ys.indexOf(y ? (r[y.key] ?? null) : null),
      value ? numberOrNull(r[value.key]) : null,
    ],
    cell: drillCell(r, [x, y], value),
  }));
  const numbers = data.map((d) => d.value[2]).filter((v): v is number => typeof v === 'number');
  return {
    tooltip: { position: 'top' },
    grid: { left: 8, right: 16, top: 16, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      name: columnLabel(x, locale),
      data: xs.map((v) => formatCategory(v, locale, x)),
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      name: columnLabel(y, locale),
      data: ys.map((v) => formatCategory(v, locale, y)),
      splitArea: { show: true },
    },
    visualMap: {
      min: numbers.length ? Math.min(...numbers) : 0,
      max: numbers.length ? Math.max(...numbers) : 1,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
    },
    series: [
      {
        type: 'heatmap',
        name: columnLabel(value, locale),
        data,
        label: {
          show: true,
          formatter: (p: { value?: unknown }) =>
            formatValue(Array.isArray(p.value) ? (p.value[2] as number | null) : null, locale, format),
        },
      },
    ],
  };
}
