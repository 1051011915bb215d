import type { I18nText } from './i18n-text';
import type { JsonLogic } from './json-logic';

export type DateBucket = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Dimension {
  /** Field path: `field` or `reference_field.field` for one join hop. */
  field: string;
  bucket?: DateBucket;
  as?: string;
  label?: I18nText;
}

/**
 * `filter` (optional, JsonLogic query subset over the dataset's entity) restricts the rows one measure
 * aggregates, e.g. won deals next to all deals for a conversion-rate formula (SQL `FILTER (WHERE …)`).
 */
export type Measure =
  | { type: 'count'; as: string; label?: I18nText; filter?: JsonLogic }
  | {
      type: 'count_distinct' | 'sum' | 'avg' | 'min' | 'max';
      field: string;
      as: string;
      label?: I18nText;
      filter?: JsonLogic;
    }
  /** Arithmetic over other measures by alias, e.g. `{"/": [{"var":"won"}, {"var":"total"}]}`. */
  | { type: 'formula'; expression: JsonLogic; as: string; label?: I18nText };

export interface Dataset {
  entity: string;
  filter?: JsonLogic;
  dimensions: Dimension[];
  measures: Measure[];
  /**
   * Keeps only the groups whose measures satisfy it (SQL HAVING): JsonLogic over measure aliases,
   * `== != > >= < <=` with `and`/`or`/`!`, e.g. `{">": [{"var": "customers"}, 1]}` for duplicate names.
   */
  having?: JsonLogic;
  sort?: { by: string; dir: 'asc' | 'desc' }[];
  limit?: number;
}

export const CHART_TYPES = [
  'table',
  'pivot',
  'kpi',
  'bar',
  'stacked_bar',
  'line',
  'area',
  'pie',
  'donut',
  'funnel',
  'heatmap',
  'scatter',
  'gauge',
  'map',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ChartSpec {
  type: ChartType;
  /** Dimension/measure aliases mapped onto chart axes; interpretation depends on `type`. */
  x?: string;
  y?: string[];
  series?: string;
  value?: string;
  options?: Record<string, unknown>;
}

export interface ReportDoc {
  kind: 'report';
  schemaVersion: number;
  name: string;
  label: I18nText;
  dataset: Dataset;
  chart: ChartSpec;
}

export interface DashboardTile {
  id: string;
  report: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DashboardFilter {
  id: string;
  type: 'date_range' | 'region' | 'owner' | 'select';
  /** Field filtered, per entity name (a dashboard mixes entities). */
  fields: Record<string, string>;
  label: I18nText;
}

export interface DashboardDoc {
  kind: 'dashboard';
  schemaVersion: number;
  name: string;
  label: I18nText;
  tiles: DashboardTile[];
  filters?: DashboardFilter[];
}
