import type { LatticeDb } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { USERS_TABLE } from '../auth/migrate-auth-schema';

export const DEPARTMENTS_TABLE = `${SYSTEM_SCHEMA}.departments`;
export const REGIONS_TABLE = `${SYSTEM_SCHEMA}.regions`;
export const API_KEYS_TABLE = `${SYSTEM_SCHEMA}.api_keys`;

/**
 * The security tables beside the auth tables: departments (a tree by `parent`), regions, API keys (only a
 * SHA-256 of the secret is stored) and `users.tokens_valid_after` (access tokens issued before it are
 * refused: password change, forced sign-out). Idempotent; run after `migrateAuthSchema`.
 */
export async function migrateSecuritySchema(db: LatticeDb): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727276)`.execute(trx);
    await trx.schema
      .createTable(DEPARTMENTS_TABLE)
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('parent', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable(REGIONS_TABLE)
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable(API_KEYS_TABLE)
      .ifNotExists()
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_used_at', 'timestamptz')
      .addColumn('revoked_at', 'timestamptz')
      .execute();
    await sql`alter table ${sql.table(USERS_TABLE)} add column if not exists tokens_valid_after timestamptz`.execute(
      trx,
    );
  });
}
