import type { LatticeDb } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';
import { sql } from 'kysely';

/** The durable job table (outbox, timers, retries, dead letters), beside the platform tables. */
export const JOBS_TABLE = `${SYSTEM_SCHEMA}.jobs`;

/**
 * Creates `lattice.jobs`. Idempotent (`if not exists` everywhere) and serialized across instances by an
 * advisory lock, so every runtime can run it at start. Append new statements; never edit shipped ones.
 *
 * Columns: `app_id` (every table carries it, for Citus), `kind` (handler key), `payload` (jsonb), `run_at`,
 * `attempts`/`max_attempts`, `idempotency_key` (unique per app), `locked_by`/`locked_until` (the lease of
 * the worker running it), `status` queued | running | done | dead, `last_error`.
 */
export async function migrateJobsSchema(db: LatticeDb): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727276)`.execute(trx);
    await trx.schema.createSchema(SYSTEM_SCHEMA).ifNotExists().execute();
    await trx.schema
      .createTable(JOBS_TABLE)
      .ifNotExists()
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('queued').check(sql`status in ('queued', 'running', 'done', 'dead')`),
      )
      .addColumn('run_at', 'timestamptz', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8))
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'timestamptz')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('finished_at', 'timestamptz')
      .addUniqueConstraint('jobs_idempotency_key_uq', ['app_id', 'idempotency_key'])
      .execute();
    await sql`create index if not exists jobs_due_idx on ${sql.table(JOBS_TABLE)} (run_at) where status = 'queued'`.execute(
      trx,
    );
    await sql`create index if not exists jobs_lease_idx on ${sql.table(JOBS_TABLE)} (locked_until) where status = 'running'`.execute(
      trx,
    );
  });
}
