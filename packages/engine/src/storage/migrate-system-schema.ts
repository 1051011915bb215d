import { sql } from 'kysely';
import type { DbTransaction, LatticeDb } from './contracts';

/** Ordered platform migrations; append only, never edit a shipped one. */
const SYSTEM_MIGRATIONS: readonly {
  version: number;
  name: string;
  up: (trx: DbTransaction) => Promise<void>;
}[] = [
  { version: 1, name: 'apps, versions, drafts, history, audit, counters', up: createCoreTables },
  { version: 2, name: 'app_versions.publish_id', up: addPublishId },
  { version: 3, name: 'audit_log append-only', up: makeAuditLogAppendOnly },
];

/** Platform tables live in this schema; entity tables live in `appSchemaName(appId)`. */
export const SYSTEM_SCHEMA = 'lattice';

/**
 * Creates or upgrades the platform schema `lattice` (apps, app_versions, app_drafts, record_history,
 * audit_log, autonumber_counters). Idempotent and versioned; concurrent callers serialize on an advisory
 * lock. Returns the versions it applied.
 */
export async function migrateSystemSchema(db: LatticeDb): Promise<number[]> {
  return db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
    await trx.schema.createSchema(SYSTEM_SCHEMA).ifNotExists().execute();
    await trx.schema
      .createTable(`${SYSTEM_SCHEMA}.schema_migrations`)
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    const done = await trx.selectFrom(`${SYSTEM_SCHEMA}.schema_migrations`).select('version').execute();
    const applied = new Set(done.map((r) => Number(r.version)));
    const ran: number[] = [];
    for (const m of SYSTEM_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await m.up(trx);
      await trx
        .insertInto(`${SYSTEM_SCHEMA}.schema_migrations`)
        .values({ version: m.version, name: m.name })
        .execute();
      ran.push(m.version);
    }
    return ran;
  });
}

async function createCoreTables(trx: DbTransaction): Promise<void> {
  const s = SYSTEM_SCHEMA;
  await trx.schema
    .createTable(`${s}.apps`)
    .addColumn('app_id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'jsonb', (c) => c.notNull())
    .addColumn('live_version', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await trx.schema
    .createTable(`${s}.app_drafts`)
    .addColumn('app_id', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await trx.schema
    .createTable(`${s}.app_versions`)
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('app_versions_pk', ['app_id', 'version'])
    .execute();
  await trx.schema
    .createTable(`${s}.record_history`)
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'uuid', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'jsonb')
    .addColumn('new_value', 'jsonb')
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigserial')
    .addPrimaryKeyConstraint('record_history_pk', ['app_id', 'id'])
    .execute();
  await trx.schema
    .createIndex('record_history_record_idx')
    .on(`${s}.record_history`)
    .columns(['app_id', 'entity', 'record_id', 'changed_at'])
    .execute();
  await trx.schema
    .createTable(`${s}.audit_log`)
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('record_id', 'text')
    .addColumn('detail', 'jsonb')
    .addColumn('ip', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('seq', 'bigserial')
    .addPrimaryKeyConstraint('audit_log_pk', ['app_id', 'id'])
    .execute();
  await trx.schema.createIndex('audit_log_at_idx').on(`${s}.audit_log`).columns(['app_id', 'at']).execute();
  await trx.schema
    .createTable(`${s}.autonumber_counters`)
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('autonumber_counters_pk', ['app_id', 'entity', 'field', 'period'])
    .execute();
}

/** A unique id per publish: the live-definition cache keys on it, so a rolled-back publish never leaks. */
async function addPublishId(trx: DbTransaction): Promise<void> {
  await trx.schema
    .alterTable(`${SYSTEM_SCHEMA}.app_versions`)
    .addColumn('publish_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .execute();
}

/**
 * The audit log is append-only in the database itself: UPDATE, DELETE and TRUNCATE raise (SQLSTATE
 * 55000), whoever the client is — only INSERT (`appendAudit`) is possible.
 */
async function makeAuditLogAppendOnly(trx: DbTransaction): Promise<void> {
  const s = SYSTEM_SCHEMA;
  await sql
    .raw(`create or replace function ${s}.audit_log_append_only() returns trigger language plpgsql as $fn$
begin
  raise exception 'lattice.audit_log is append-only' using errcode = '55000';
end
$fn$`)
    .execute(trx);
  await sql
    .raw(`create trigger audit_log_append_only before update or delete on ${s}.audit_log
for each row execute function ${s}.audit_log_append_only()`)
    .execute(trx);
  await sql
    .raw(`create trigger audit_log_no_truncate before truncate on ${s}.audit_log
for each statement execute function ${s}.audit_log_append_only()`)
    .execute(trx);
}
