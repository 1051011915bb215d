/**
 * `pnpm bench records`: create and read-by-id throughput through the Lattice records API versus a
 * hand-written fastify + kysely route doing the same work by hand, same process, same database
 * (PostgreSQL when DATABASE_URL is set, else PGlite). bench/run.ts writes `bench/results/records.json`.
 * The implementation lives in the runtime package, whose dependencies it needs.
 */
import { runRecordsBench } from '../apps/runtime/src/server/bench/run-records-bench';

export async function run(): Promise<object> {
  return runRecordsBench();
}
