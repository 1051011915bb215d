import type { LatticeDb } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';
import { sql } from 'kysely';

/** Runtime auth tables live beside the platform tables in schema `lattice`. */
export const USERS_TABLE = `${SYSTEM_SCHEMA}.users`;
export const REFRESH_TOKENS_TABLE = `${SYSTEM_SCHEMA}.refresh_tokens`;

/**
 * Creates the runtime's auth tables (`lattice.users`, `lattice.refresh_tokens`). Idempotent: every
 * statement is `if not exists`, and concurrent instances serialize on an advisory lock. Run it after
 * `migrateSystemSchema`.
 */
export async function migrateAuthSchema(db: LatticeDb): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727275)`.execute(trx);
    await trx.schema.createSchema(SYSTEM_SCHEMA).ifNotExists().execute();
    await trx.schema
      .createTable(USERS_TABLE)
      .ifNotExists()
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
      .addColumn('department', 'text')
      .addColumn('region', 'text')
      .addColumn('manager_id', 'uuid')
      .addColumn('locked_until', 'timestamptz')
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable(REFRESH_TOKENS_TABLE)
      .ifNotExists()
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'uuid', (c) => c.notNull())
      .addColumn('family_id', 'uuid', (c) => c.notNull())
      .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('replaced_by', 'text')
      .execute();
    await trx.schema
      .createIndex('refresh_tokens_family_idx')
      .ifNotExists()
      .on(REFRESH_TOKENS_TABLE)
      .column('family_id')
      .execute();
  });
}
