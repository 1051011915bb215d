import type { LatticeDb } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';
import { sql } from 'kysely';

export const FILES = `${SYSTEM_SCHEMA}.files`;

/**
 * Creates `lattice.files` (idempotent, advisory-locked; append statements, never edit shipped ones): one
 * row per upload with its content (bytea), so an upload and the record write that attaches it are plain
 * transactions that behave the same on PGlite and PostgreSQL. `record_id` stays null until a record (or a
 * flow comment, `field = '$comment'`) references the file; `created_by` is the uploader.
 */
export async function migrateFilesSchema(db: LatticeDb): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727281)`.execute(trx);
    await trx.schema.createSchema(SYSTEM_SCHEMA).ifNotExists().execute();
    await trx.schema
      .createTable(FILES)
      .ifNotExists()
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('record_id', 'uuid')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('content', 'bytea', (c) => c.notNull())
      .execute();
    await sql`create index if not exists files_record_idx on ${sql.table(FILES)} (app_id, record_id)`.execute(
      trx,
    );
    await sql`create index if not exists files_orphan_idx on ${sql.table(FILES)} (created_at) where record_id is null`.execute(
      trx,
    );
  });
}
