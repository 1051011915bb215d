import type { EChartsOption } from 'echarts';
import type { ResultColumn, ResultRow } from '../dataset/dataset-result';

/**
 * What a drill-down click yields: the clicked cell's dimension values keyed by alias (pass them to
 * `drillDownFilter(dataset, cell.values, { measure: cell.measure })`) and the measure clicked, if any.
 */
export interface DrillCell {
  values: Record<string, string | number | boolean | null>;
  measure?: string;
}

export interface TableModel {
  columns: { key: string; label: string; numeric: boolean }[];
  rows: { cells: string[]; drill: DrillCell }[];
}

export interface PivotModel {
  rowLabel: string;
  columnLabel: string;
  rowKeys: (string | number | boolean | null)[];
  colKeys: (string | number | boolean | null)[];
  /** `cells[r][c]` for rowKeys[r] × colKeys[c]; null where the group is absent. */
  cells: (number | null)[][];
  /** Formatted for display. */
  rowLabels: string[];
  colLabels: string[];
  valueKey: string;
  rowKey: string;
  colKey: string;
}

export interface KpiModel {
  label: string;
  value: number | null;
  previous: number | null;
  /** (value − previous) ÷ |previous|; null without a previous period or when it was 0. */
  change: number | null;
  /** The period label of `value` when the KPI has a date dimension (`2026-Q3`). */
  period: string | null;
}

/**
 * How a chart renders: an ECharts option (every graphic type, KPI included) or a table/pivot model for
 * the HTML components. ECharts data items carry a `cell: DrillCell` for drill-down.
 */
export type ChartRender =
  | { kind: 'echarts'; option: EChartsOption; kpi?: KpiModel }
  | { kind: 'table'; table: TableModel }
  | { kind: 'pivot'; pivot: PivotModel };

/** The parts of a dataset result a chart reads. */
export interface ChartData {
  columns: ResultColumn[];
  rows: ResultRow[];
}
