import type { FileRef } from '@lattice/engine';
import type { DbExecutor } from '@lattice/engine/storage';
import type { ApprovalState, FlowAttachment, TransitionLogEntry } from '@lattice/flow-engine';
import { sql } from 'kysely';
import {
  FLOW_EVENTS_TABLE,
  FLOW_INSTANCES_TABLE,
  FLOW_NOTICES_TABLE,
  FLOW_TASKS_TABLE,
} from './migrate-flows-schema';

/** A `flow_instances` row, decoded. */
export interface InstanceRow {
  id: string;
  appId: string;
  flow: string;
  entity: string;
  recordId: string;
  status: ApprovalState['status'];
  submitter: string | null;
  state: ApprovalState;
  editableFields: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** A `flow_events` row, decoded. */
export interface EventRow extends TransitionLogEntry {
  id: string;
  instanceId: string;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

export function toInstanceRow(r: Record<string, unknown>): InstanceRow {
  const state = (typeof r.state === 'string' ? JSON.parse(r.state) : r.state) as ApprovalState;
  return {
    id: String(r.id),
    appId: String(r.app_id),
    flow: String(r.flow),
    entity: String(r.entity),
    recordId: String(r.record_id),
    status: r.status as ApprovalState['status'],
    submitter: (r.submitter as string | null) ?? null,
    state,
    editableFields: Array.isArray(r.editable_fields) ? r.editable_fields.map(String) : [],
    version: Number(r.version),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    finishedAt: r.finished_at ? date(r.finished_at) : null,
  };
}

/** Reads one instance; `forUpdate` takes the row lock that serialises every transition of it. */
export async function loadInstance(
  db: DbExecutor,
  appId: string,
  id: string,
  forUpdate = false,
): Promise<InstanceRow | null> {
  const base = db
    .selectFrom(FLOW_INSTANCES_TABLE)
    .selectAll()
    .where('app_id', '=', appId)
    .where('id', '=', id);
  const row = await (forUpdate ? base.forUpdate() : base).executeTakeFirst();
  return row ? toInstanceRow(row) : null;
}

export async function runningInstanceOf(
  db: DbExecutor,
  appId: string,
  entity: string,
  recordId: string,
): Promise<InstanceRow | null> {
  const row = await db
    .selectFrom(FLOW_INSTANCES_TABLE)
    .selectAll()
    .where('app_id', '=', appId)
    .where('entity', '=', entity)
    .where('record_id', '=', recordId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return row ? toInstanceRow(row) : null;
}

export async function instancesOfRecord(
  db: DbExecutor,
  appId: string,
  entity: string,
  recordId: string,
): Promise<InstanceRow[]> {
  const rows = await db
    .selectFrom(FLOW_INSTANCES_TABLE)
    .selectAll()
    .where('app_id', '=', appId)
    .where('entity', '=', entity)
    .where('record_id', '=', recordId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toInstanceRow);
}

export async function insertInstance(
  db: DbExecutor,
  row: Pick<InstanceRow, 'id' | 'appId' | 'flow' | 'entity' | 'recordId' | 'state'>,
  now: Date,
): Promise<void> {
  await db
    .insertInto(FLOW_INSTANCES_TABLE)
    .values({
      id: row.id,
      app_id: row.appId,
      flow: row.flow,
      entity: row.entity,
      record_id: row.recordId,
      status: row.state.status,
      submitter: row.state.submitter,
      state: JSON.stringify(row.state),
      version: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Writes the next state; the version check makes a lost update impossible even without the row lock. */
export async function saveInstance(
  db: DbExecutor,
  row: InstanceRow,
  state: ApprovalState,
  editableFields: string[],
  now: Date,
): Promise<number> {
  const finished = state.status !== 'running' && state.status !== 'draft';
  const result = await db
    .updateTable(FLOW_INSTANCES_TABLE)
    .set({
      status: state.status,
      submitter: state.submitter,
      state: JSON.stringify(state),
      editable_fields: sql`${editableFields}::text[]`,
      version: row.version + 1,
      updated_at: now,
      finished_at: finished ? now : null,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Error(`flow instance ${row.id} changed concurrently`);
  return row.version + 1;
}

/** Mirrors `state.tasks` into `flow_tasks` (insert new, update changed). */
export async function syncTasks(
  db: DbExecutor,
  appId: string,
  state: ApprovalState,
  now: Date,
): Promise<void> {
  if (state.tasks.length === 0) return;
  await db
    .insertInto(FLOW_TASKS_TABLE)
    .values(
      state.tasks.map((t) => ({
        id: t.id,
        app_id: appId,
        instance_id: state.instanceId,
        node_id: t.nodeId,
        visit: t.visit,
        assignee: t.assignee,
        status: t.status,
        added: t.added ?? null,
        decided_by: t.decidedBy ?? null,
        decided_at: t.decidedAt ?? null,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        status: sql`excluded.status`,
        decided_by: sql`excluded.decided_by`,
        decided_at: sql`excluded.decided_at`,
        updated_at: sql`case when ${sql.ref(`${FLOW_TASKS_TABLE}.status`)} is distinct from excluded.status then excluded.updated_at else ${sql.ref(`${FLOW_TASKS_TABLE}.updated_at`)} end`,
      }),
    )
    .execute();
}

export async function appendEvent(
  db: DbExecutor,
  appId: string,
  instanceId: string,
  e: TransitionLogEntry,
): Promise<void> {
  await db
    .insertInto(FLOW_EVENTS_TABLE)
    .values({
      app_id: appId,
      instance_id: instanceId,
      at: e.at,
      actor: e.actor,
      node_id: e.nodeId,
      action: e.action,
      comment: e.comment ?? null,
      attachments: e.attachments && e.attachments.length > 0 ? JSON.stringify(e.attachments) : null,
      signature: e.signature ? JSON.stringify(e.signature) : null,
      task_id: e.taskId ?? null,
      target: e.target ?? null,
    })
    .execute();
}

export async function eventsOf(db: DbExecutor, appId: string, instanceId: string): Promise<EventRow[]> {
  const rows = await db
    .selectFrom(FLOW_EVENTS_TABLE)
    .selectAll()
    .where('app_id', '=', appId)
    .where('instance_id', '=', instanceId)
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const attachments = typeof r.attachments === 'string' ? JSON.parse(r.attachments) : r.attachments;
    const signature = typeof r.signature === 'string' ? JSON.parse(r.signature) : r.signature;
    return {
      id: String(r.id),
      instanceId: String(r.instance_id),
      at: date(r.at).toISOString(),
      actor: String(r.actor),
      nodeId: (r.node_id as string | null) ?? null,
      action: r.action as TransitionLogEntry['action'],
      ...(r.comment ? { comment: String(r.comment) } : {}),
      ...(Array.isArray(attachments) ? { attachments: attachments.map(toAttachment) } : {}),
      ...(signature && typeof signature === 'object'
        ? { signature: toAttachment(signature) as FileRef }
        : {}),
      ...(r.task_id ? { taskId: String(r.task_id) } : {}),
      ...(r.target ? { target: String(r.target) } : {}),
    };
  });
}

export async function insertNotices(
  db: DbExecutor,
  appId: string,
  instanceId: string,
  to: string[],
  kind: string,
  nodeId: string | null,
  now: Date,
): Promise<void> {
  if (to.length === 0) return;
  await db
    .insertInto(FLOW_NOTICES_TABLE)
    .values(
      to.map((user) => ({
        app_id: appId,
        instance_id: instanceId,
        user_id: user,
        kind,
        node_id: nodeId,
        at: now,
      })),
    )
    .execute();
}

/** A stored attachment: a FileRef object (uploads) or a link string (older timelines). */
function toAttachment(a: unknown): FlowAttachment {
  if (typeof a === 'object' && a !== null && typeof (a as FileRef).id === 'string') {
    const r = a as FileRef;
    return { id: r.id, name: String(r.name), size: Number(r.size), mime: String(r.mime) };
  }
  return String(a);
}
