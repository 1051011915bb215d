import type { ChartSpec, Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import type { ResultColumn, ResultRow } from '../dataset/dataset-result';
import type { ChartData, DrillCell } from './chart-render';

export type CellValue = string | number | boolean | null;

/** Resolved roles of a chart spec against a result: defaults fill what the spec leaves out. */
export interface ChartRoles {
  x?: ResultColumn;
  series?: ResultColumn;
  measures: ResultColumn[];
  value?: ResultColumn;
}

/**
 * x = `spec.x` or the first dimension; series = `spec.series` or (for charts that need two dimensions)
 * the second one; measures = `spec.y` or all measures; value = `spec.value` or the first measure.
 */
export function chartRoles(spec: ChartSpec, data: ChartData, needsSeries = false): ChartRoles {
  const byKey = (k?: string) => (k ? data.columns.find((c) => c.key === k) : undefined);
  const dims = data.columns.filter((c) => c.role === 'dimension');
  const measures = spec.y?.length
    ? spec.y.map((k) => byKey(k)).filter((c): c is ResultColumn => c !== undefined)
    : data.columns.filter((c) => c.role === 'measure');
  const x = byKey(spec.x) ?? dims[0];
  const series = byKey(spec.series) ?? (needsSeries ? dims.find((d) => d !== x) : undefined);
  return { x, series, measures, value: byKey(spec.value) ?? measures[0] };
}

export function columnLabel(column: ResultColumn | undefined, locale: Locale): string {
  return column ? pickText(column.label, locale) : '';
}

/** Display text of a dimension value; empty groups read "（空）" / "(empty)". */
export function formatCategory(
  value: CellValue | undefined,
  locale: Locale,
  column?: Pick<ResultColumn, 'valueLabels'>,
): string {
  if (value === null || value === undefined || value === '') return locale === 'en' ? '(empty)' : '（空）';
  const text = typeof value === 'string' && column?.valueLabels ? column.valueLabels[value] : undefined;
  if (text) return pickText(text, locale);
  if (typeof value === 'boolean')
    return value ? (locale === 'en' ? 'Yes' : '是') : locale === 'en' ? 'No' : '否';
  return String(value);
}

export function formatNumber(value: CellValue | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(
    value,
  );
}

/**
 * Distinct values of a column in first-seen (i.e. query ORDER BY) order — except date buckets, which are
 * sorted by time (their labels sort lexically: `2025-Q4` < `2026-Q1`), empty last: when a bucket is the
 * second dimension the query order would interleave them.
 */
export function distinctValues(rows: ResultRow[], column: ResultColumn | undefined): CellValue[] {
  if (!column) return [null];
  const seen = new Set<CellValue>();
  for (const r of rows) seen.add(r[column.key] ?? null);
  const values = [...seen];
  if (!column.bucket) return values;
  return values.sort((a, b) =>
    a === null ? 1 : b === null ? -1 : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
}

/** A value as chart label text: percent (`41.7%`) when `format` is `percent`, else a rounded number. */
export function formatValue(value: CellValue | undefined, locale: Locale, format?: unknown): string {
  if (format === 'percent' && typeof value === 'number') {
    return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(value);
  }
  return formatNumber(value, locale);
}

export function numberOrNull(value: CellValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The drill cell of a row restricted to the given dimension columns. */
export function drillCell(
  row: ResultRow,
  dims: (ResultColumn | undefined)[],
  measure?: ResultColumn,
): DrillCell {
  const values: DrillCell['values'] = {};
  for (const d of dims) if (d) values[d.key] = row[d.key] ?? null;
  return measure ? { values, measure: measure.key } : { values };
}

/** ECharts' empty-value marker is `'-'`, not null. */
export function chartValue(value: CellValue | undefined): number | '-' {
  return numberOrNull(value) ?? '-';
}
