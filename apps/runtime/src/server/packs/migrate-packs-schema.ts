import type { LatticeDb } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';
import { sql } from 'kysely';

/** Which pack (and which exact files) each app was installed or last upgraded from. */
export const PACK_INSTALLS_TABLE = `${SYSTEM_SCHEMA}.pack_installs`;

/**
 * `lattice.pack_installs`: one row per app installed from a pack, holding the pack's manifest, all its
 * files and the app it defined — the *base* of the three-way merge when the pack is upgraded later. Idempotent, advisory-locked.
 */
export async function migratePacksSchema(db: LatticeDb): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727277)`.execute(trx);
    await trx.schema
      .createTable(PACK_INSTALLS_TABLE)
      .ifNotExists()
      .addColumn('app_id', 'text', (c) => c.primaryKey())
      .addColumn('pack_id', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('files', 'jsonb', (c) => c.notNull())
      .addColumn('app', 'jsonb', (c) => c.notNull())
      .addColumn('installed_at', 'timestamptz', (c) => c.notNull())
      .addColumn('installed_by', 'text')
      .addColumn('upgraded_at', 'timestamptz')
      .execute();
  });
}
