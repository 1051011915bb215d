import type { Locale } from '@lattice/engine';
import type { ResultColumn, ResultRow } from '../dataset/dataset-result';
import { columnLabel, drillCell, formatCategory, formatNumber } from './chart-helpers';
import type { PivotModel, TableModel } from './chart-render';

/** A flat table: every column, numbers formatted for the locale, each row drilling to its group. */
export function tableModel(columns: ResultColumn[], rows: ResultRow[], locale: Locale): TableModel {
  const dims = columns.filter((c) => c.role === 'dimension');
  return {
    columns: columns.map((c) => ({
      key: c.key,
      label: columnLabel(c, locale),
      numeric: c.type === 'number',
    })),
    rows: rows.map((r) => ({
      cells: columns.map((c) =>
        c.type === 'number'
          ? formatNumber(r[c.key] ?? null, locale)
          : formatCategory(r[c.key] ?? null, locale, c),
      ),
      drill: drillCell(r, dims),
    })),
  };
}

/** A cross-tab: `row` dimension down, `col` dimension across, `value` in the cells. */
export function pivotModel(
  row: ResultColumn,
  col: ResultColumn,
  value: ResultColumn,
  rows: ResultRow[],
  locale: Locale,
): PivotModel {
  const rowKeys = [...new Set(rows.map((r) => r[row.key] ?? null))];
  const colKeys = [...new Set(rows.map((r) => r[col.key] ?? null))];
  const cells = rowKeys.map(() => colKeys.map((): number | null => null));
  for (const r of rows) {
    const v = r[value.key];
    cells[rowKeys.indexOf(r[row.key] ?? null)]![colKeys.indexOf(r[col.key] ?? null)] =
      typeof v === 'number' ? v : null;
  }
  return {
    rowLabel: columnLabel(row, locale),
    columnLabel: columnLabel(col, locale),
    rowKeys,
    colKeys,
    cells,
    rowLabels: rowKeys.map((k) => formatCategory(k, locale, row)),
    colLabels: colKeys.map((k) => formatCategory(k, locale, col)),
    valueKey: value.key,
    rowKey: row.key,
    colKey: col.key,
  };
}
