import type { ChartSpec, Locale } from '@lattice/engine';
import { assertNever } from '@lattice/engine';
import { cartesianOption } from './cartesian-option';
import { chartRoles } from './chart-helpers';
import type { ChartData, ChartRender } from './chart-render';
import { gaugeOption } from './gauge-option';
import { heatmapOption } from './heatmap-option';
import { kpiModel, kpiOption } from './kpi-option';
import { mapOption } from './map-option';
import { pieLikeOption } from './pie-like-option';
import { scatterOption } from './scatter-option';
import { pivotModel, tableModel } from './table-model';

/**
 * Turns a chart spec and a dataset result into what to draw. Pure (no DOM, no ECharts instance), so it runs
 * in tests and on the server. Spec roles: `x` category dimension, `series` second dimension (stacks,
 * heatmap rows, pivot columns), `y` measures, `value` the single measure of pie/funnel/gauge/kpi/heatmap/map.
 * `options`: `horizontal` (bar), `max` (gauge), `nameMap` (map: value → province or region).
 *
 * @example
 * const render = buildChartOption({ type: 'funnel', x: 'stage', value: 'n' }, result, 'zh-CN');
 * if (render.kind === 'echarts') chart.setOption(render.option);
 */
export function buildChartOption(spec: ChartSpec, data: ChartData, locale: Locale = 'zh-CN'): ChartRender {
  const { rows } = data;
  const opts = spec.options ?? {};
  switch (spec.type) {
    case 'table':
      return { kind: 'table', table: tableModel(data.columns, rows, locale) };
    case 'pivot': {
      const roles = chartRoles(spec, data, true);
      if (!roles.x || !roles.series || !roles.value)
        return { kind: 'table', table: tableModel(data.columns, rows, locale) };
      return { kind: 'pivot', pivot: pivotModel(roles.x, roles.series, roles.value, rows, locale) };
    }
    case 'kpi': {
      const roles = chartRoles(spec, data);
      const kpi = kpiModel(roles, rows, locale);
      return { kind: 'echarts', option: kpiOption(kpi, roles, rows, locale), kpi };
    }
    case 'bar':
    case 'stacked_bar':
    case 'line':
    case 'area':
      return {
        kind: 'echarts',
        option: cartesianOption(
          spec.type,
          chartRoles(spec, data, spec.type === 'stacked_bar'),
          rows,
          locale,
          opts.horizontal === true,
        ),
      };
    case 'pie':
    case 'donut':
    case 'funnel':
      return { kind: 'echarts', option: pieLikeOption(spec.type, chartRoles(spec, data), rows, locale) };
    case 'heatmap':
      return {
        kind: 'echarts',
        option: heatmapOption(chartRoles(spec, data, true), rows, locale, spec.options?.format),
      };
    case 'scatter':
      return { kind: 'echarts', option: scatterOption(chartRoles(spec, data), rows, locale) };
    case 'gauge':
      return {
        kind: 'echarts',
        option: gaugeOption(
          chartRoles(spec, data),
          rows,
          locale,
          typeof opts.max === 'number' ? opts.max : undefined,
        ),
      };
    case 'map':
      return {
        kind: 'echarts',
        option: mapOption(chartRoles(spec, data), rows, locale, stringRecord(opts.nameMap)),
      };
    default:
      return assertNever(spec.type, 'chart type');
  }
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
