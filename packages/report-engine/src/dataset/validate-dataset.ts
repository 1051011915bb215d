import type { AppDefinition, Dataset, ErrorDetail } from '@lattice/engine';
import { planDataset } from './plan-dataset';

/**
 * Every problem of a dataset against the app, keyed by path (`dataset.measures.2.field`) with zh/en
 * messages: unknown entity or field, a measure on a non-numeric field, a date bucket on a non-date field,
 * a formula naming an unknown alias, bad filter operators, bad aliases, sort or limit. Empty when valid.
 */
export function validateDataset(app: AppDefinition, dataset: Dataset): ErrorDetail[] {
  // The time only feeds relative-date parameters, which validation never looks at.
  return planDataset(app, dataset, { now: new Date(0) }).errors;
}
