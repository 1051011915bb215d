/**
 * `pnpm bench import`: a deterministic 100,000-row × 20-column customer file (.xlsx and .csv) imported
 * through the engine in upsert mode (once each, cold), against the xlsx reader alone and a raw COPY into a
 * bare table (each the median of 3 runs), same run, same database (PostgreSQL when DATABASE_URL is set,
 * else PGlite). bench/run.ts writes
 * `bench/results/import.json`; targets: ratio.xlsx ≤ 1.5, ratio.csv ≤ 3, peak RSS < 500 MB.
 * The implementation lives in the runtime package, whose dependencies it needs.
 */
import { runImportBench } from '../apps/runtime/src/server/bench/run-import-bench';

export async function run(): Promise<object> {
  return runImportBench();
}
