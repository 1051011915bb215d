import type { LatticeDb } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';
import { sql } from 'kysely';

export const IMPORT_JOBS = `${SYSTEM_SCHEMA}.import_jobs`;
export const IMPORT_ERRORS = `${SYSTEM_SCHEMA}.import_errors`;
export const IMPORT_MAPPINGS = `${SYSTEM_SCHEMA}.import_mappings`;

/**
 * Creates the import tables (idempotent, advisory-locked; append statements, never edit shipped ones):
 * - `import_jobs`: one row per upload — file, sheet, header row, mapping and settings, status
 *   draft | queued | running | done | failed, the **checkpoint** (last sheet row committed) with the
 *   counters committed with it, and a lease (`locked_by`/`locked_until`) so a crashed runner's import is
 *   resumed by the next one.
 * - `import_errors`: the error report rows (row, column, value, reason), written in the same
 *   transaction as the batch they belong to.
 * - `import_mappings`: named column mappings per app and entity.
 */
export async function migrateImportSchema(db: LatticeDb): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727279)`.execute(trx);
    await trx.schema.createSchema(SYSTEM_SCHEMA).ifNotExists().execute();
    await trx.schema
      .createTable(IMPORT_JOBS)
      .ifNotExists()
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('file_path', 'text', (c) => c.notNull())
      .addColumn('sheet', 'text')
      .addColumn('header_row', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('mapping', 'jsonb')
      .addColumn('mode', 'text', (c) => c.notNull().defaultTo('insert'))
      .addColumn('key', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('on_error', 'text', (c) => c.notNull().defaultTo('skip'))
      .addColumn('per_row_triggers', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('draft').check(sql`status in ('draft', 'queued', 'running', 'done', 'failed')`),
      )
      .addColumn('total_rows', 'integer')
      .addColumn('checkpoint_row', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('message', 'jsonb')
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'timestamptz')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('started_at', 'timestamptz')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('finished_at', 'timestamptz')
      .execute();
    await sql`create index if not exists import_jobs_app_idx on ${sql.table(IMPORT_JOBS)} (app_id, created_at)`.execute(
      trx,
    );
    await trx.schema
      .createTable(IMPORT_ERRORS)
      .ifNotExists()
      .addColumn('import_id', 'uuid', (c) => c.notNull())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('row_no', 'integer', (c) => c.notNull())
      .addColumn('col', 'text')
      .addColumn('field', 'text')
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('reason', 'jsonb', (c) => c.notNull())
      .addColumn('seq', 'bigserial')
      .execute();
    await sql`create index if not exists import_errors_import_idx on ${sql.table(IMPORT_ERRORS)} (import_id, row_no, seq)`.execute(
      trx,
    );
    await trx.schema
      .createTable(IMPORT_MAPPINGS)
      .ifNotExists()
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('mapping', 'jsonb', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_mappings_pk', ['app_id', 'entity', 'name'])
      .execute();
  });
}
