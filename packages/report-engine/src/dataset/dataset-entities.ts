import type { AppDefinition, Dataset } from '@lattice/engine';
import { planDataset } from './plan-dataset';

/**
 * The entities one dataset's query touches: its base entity first, then every entity joined along a
 * reference path (dimensions, measures, filters, `extraFilter`). Callers resolve a row scope for each
 * before compiling, since the `scopeFilter` hook is synchronous. Unknown entities/paths are skipped
 * (compilation reports them).
 */
export function datasetEntities(
  app: AppDefinition,
  dataset: Dataset,
  opts: { extraFilter?: Dataset['filter'] } = {},
): string[] {
  const plan = planDataset(app, dataset, {
    now: new Date(0),
    ...(opts.extraFilter !== undefined ? { extraFilter: opts.extraFilter } : {}),
  });
  if (!plan.scope) return [];
  const names = [plan.scope.base.name];
  for (const join of plan.scope.joins.values()) {
    if (!names.includes(join.entity.name)) names.push(join.entity.name);
  }
  return names;
}
