import type { ResultColumn, ResultRow } from './dataset-result';

/**
 * Turns driver rows into plain JSON: numeric/bigint strings (count, sum, numeric columns) into JS numbers,
 * timestamps into ISO strings. Keys not among `columns` are dropped.
 */
export function normalizeRows(
  columns: ResultColumn[],
  rows: readonly Record<string, unknown>[],
): ResultRow[] {
  return rows.map((raw) => {
    const row: ResultRow = {};
    for (const c of columns) row[c.key] = normalizeValue(c, raw[c.key]);
    return row;
  });
}

function normalizeValue(column: ResultColumn, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return column.type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  switch (column.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 't' || value === 'true';
    case 'string':
    case 'date':
    case 'datetime':
      return String(value);
  }
}
