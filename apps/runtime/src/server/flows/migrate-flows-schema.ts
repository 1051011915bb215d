import type { LatticeDb } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';
import { sql } from 'kysely';

/** One row per flow run on a record; `state` is the pure machine's `ApprovalState` as JSON. */
export const FLOW_INSTANCES_TABLE = `${SYSTEM_SCHEMA}.flow_instances`;
/** The open and closed tasks of every instance, mirrored from `state.tasks` for the inbox queries. */
export const FLOW_TASKS_TABLE = `${SYSTEM_SCHEMA}.flow_tasks`;
/** Append-only timeline: who did what, when, at which node, with which comment (and signature). */
export const FLOW_EVENTS_TABLE = `${SYSTEM_SCHEMA}.flow_events`;
/** In-app notices from flows (task, cc, urge, remind, escalated, returned, outcome). */
export const FLOW_NOTICES_TABLE = `${SYSTEM_SCHEMA}.flow_notices`;

/**
 * Creates the approval-flow tables. Idempotent and serialized by an advisory lock. Every table carries
 * `app_id` (Citus distribution key); statements are only ever appended.
 */
export async function migrateFlowsSchema(db: LatticeDb): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727277)`.execute(trx);
    await trx.schema.createSchema(SYSTEM_SCHEMA).ifNotExists().execute();
    await trx.schema
      .createTable(FLOW_INSTANCES_TABLE)
      .ifNotExists()
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('flow', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('record_id', 'uuid', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('submitter', 'text')
      .addColumn('state', 'jsonb', (c) => c.notNull())
      .addColumn('editable_fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('finished_at', 'timestamptz')
      .execute();
    await sql`create index if not exists flow_instances_record_idx on ${sql.table(FLOW_INSTANCES_TABLE)} (app_id, entity, record_id)`.execute(
      trx,
    );
    await sql`create unique index if not exists flow_instances_one_running_uq on ${sql.table(FLOW_INSTANCES_TABLE)} (app_id, entity, record_id) where status = 'running'`.execute(
      trx,
    );
    await sql`create index if not exists flow_instances_submitter_idx on ${sql.table(FLOW_INSTANCES_TABLE)} (app_id, submitter)`.execute(
      trx,
    );
    await trx.schema
      .createTable(FLOW_TASKS_TABLE)
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'uuid', (c) => c.notNull())
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('visit', 'integer', (c) => c.notNull())
      .addColumn('assignee', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('added', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`create index if not exists flow_tasks_assignee_idx on ${sql.table(FLOW_TASKS_TABLE)} (app_id, assignee, status)`.execute(
      trx,
    );
    await sql`create index if not exists flow_tasks_instance_idx on ${sql.table(FLOW_TASKS_TABLE)} (instance_id)`.execute(
      trx,
    );
    await trx.schema
      .createTable(FLOW_EVENTS_TABLE)
      .ifNotExists()
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'uuid', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('node_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('attachments', 'jsonb')
      .addColumn('task_id', 'text')
      .addColumn('target', 'text')
      .execute();
    await sql`create index if not exists flow_events_instance_idx on ${sql.table(FLOW_EVENTS_TABLE)} (instance_id, id)`.execute(
      trx,
    );
    // The signature image (a file ref) of an approval on a `requireSignature` step.
    await sql`alter table ${sql.table(FLOW_EVENTS_TABLE)} add column if not exists signature jsonb`.execute(
      trx,
    );
    await trx.schema
      .createTable(FLOW_NOTICES_TABLE)
      .ifNotExists()
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'uuid', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('node_id', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('read_at', 'timestamptz')
      .execute();
    await sql`create index if not exists flow_notices_user_idx on ${sql.table(FLOW_NOTICES_TABLE)} (app_id, user_id, kind)`.execute(
      trx,
    );
  });
}
