/** @lattice/report-engine/react — chart options (pure), React chart components (ECharts) and exports. */

export { toCsv } from '../export/to-csv';
export { buildChartOption } from './build-chart-option';
export type { ChartProps } from './chart';
export { Chart } from './chart';
export type { ChartData, ChartRender, DrillCell, KpiModel, PivotModel, TableModel } from './chart-render';
export { CHINA_MAP_NAME, CHINA_REGIONS, provincesForRegion } from './china-regions';
export type { DataTableProps } from './data-table';
export { DataTable } from './data-table';
export { setupEcharts } from './echarts-setup';
export type { PngExportable } from './export-chart-png';
export { exportChartPng } from './export-chart-png';
export type { PivotTableProps } from './pivot-table';
export { PivotTable } from './pivot-table';

export const CHARTS_VERSION = '0.1.0';
