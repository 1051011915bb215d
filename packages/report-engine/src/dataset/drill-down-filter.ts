import type { Dataset, JsonLogic } from '@lattice/engine';
import { dateBucketRange } from './date-bucket';
import { defaultDimensionAlias } from './plan-dataset';

/**
 * The record filter behind one chart cell: the dataset's filter AND, for every dimension present in
 * `cell` (keyed by alias), equality with its value, a `[from, to)` range for date buckets (`2026-Q3` →
 * 2026-07-01 ≤ d < 2026-10-01) or `is_empty` for an empty group; plus the clicked measure's own filter
 * when `measure` names one. Vars are field paths of the dataset's entity (`customer.region` for joined
 * dimensions). Dimensions missing from `cell` (a KPI total, a row total) are not constrained.
 */
export function drillDownFilter(
  dataset: Dataset,
  cell: Readonly<Record<string, unknown>>,
  opts: { measure?: string } = {},
): JsonLogic {
  const parts: JsonLogic[] = [];
  if (dataset.filter !== undefined) parts.push(dataset.filter);
  for (const dim of dataset.dimensions) {
    const alias = dim.as ?? defaultDimensionAlias(dim);
    if (!Object.hasOwn(cell, alias)) continue;
    const value = cell[alias];
    const v = { var: dim.field };
    if (value === null || value === undefined || value === '') {
      parts.push({ is_empty: [v] });
      continue;
    }
    if (dim.bucket && typeof value === 'string') {
      const range = dateBucketRange(dim.bucket, value);
      if (range) {
        parts.push({ '>=': [v, range.from] }, { '<': [v, range.to] });
        continue;
      }
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      parts.push({ '==': [v, value] });
    }
  }
  const measure = dataset.measures.find((m) => m.as === opts.measure);
  if (measure && measure.type !== 'formula' && measure.filter !== undefined) parts.push(measure.filter);
  return parts.length === 1 ? parts[0]! : { and: parts };
}
