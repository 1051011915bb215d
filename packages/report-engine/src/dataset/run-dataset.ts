import type { AppDefinition, Dataset } from '@lattice/engine';
import type { Kysely } from 'kysely';
import { compileDataset } from './compile-dataset';
import type { DatasetResult } from './dataset-result';
import { normalizeRows } from './normalize-rows';
import type { CompileDatasetOptions } from './plan-dataset';

/**
 * Compiles and executes a dataset: one query, rows normalised to JSON (`{ columns, rows }`). Throws
 * `LATTICE_ERR_VALIDATION` for a bad dataset before touching the database.
 */
export async function runDataset<DB>(
  db: Kysely<DB>,
  app: AppDefinition,
  dataset: Dataset,
  opts: CompileDatasetOptions,
): Promise<DatasetResult> {
  const { query, columns } = compileDataset(app, dataset, opts, db);
  const rows = await query.execute();
  return { columns, rows: normalizeRows(columns, rows) };
}
