import type { LatticeDb } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';
import { sql } from 'kysely';

/** In-app inbox rows written by `notify` actions (channel `inbox`) and approval flows. */
export const NOTIFICATIONS_TABLE = `${SYSTEM_SCHEMA}.notifications`;
/** E-mails waiting for a mail relay (`notify` channel `email`); a relay marks them sent. */
export const EMAIL_OUTBOX_TABLE = `${SYSTEM_SCHEMA}.email_outbox`;

/** Creates the rules runtime's tables. Idempotent and advisory-locked, like the other runtime schemas. */
export async function migrateRulesSchema(db: LatticeDb): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727277)`.execute(trx);
    await trx.schema.createSchema(SYSTEM_SCHEMA).ifNotExists().execute();
    await trx.schema
      .createTable(NOTIFICATIONS_TABLE)
      .ifNotExists()
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('body', 'jsonb')
      .addColumn('url', 'text')
      .addColumn('entity', 'text')
      .addColumn('record_id', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('read_at', 'timestamptz')
      .addUniqueConstraint('notifications_dedupe_uq', ['app_id', 'user_id', 'dedupe_key'])
      .execute();
    await sql`create index if not exists notifications_user_idx on ${sql.table(NOTIFICATIONS_TABLE)} (user_id, created_at desc)`.execute(
      trx,
    );
    await trx.schema
      .createTable(EMAIL_OUTBOX_TABLE)
      .ifNotExists()
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('sent_at', 'timestamptz')
      .addUniqueConstraint('email_outbox_dedupe_uq', ['app_id', 'user_id', 'dedupe_key'])
      .execute();
  });
}
