import type { I18nText } from '@lattice/engine';
import { documentsOfKind, findEntity } from '@lattice/engine';
import type { AppStore, Clock, DbExecutor, RecordService } from '@lattice/engine/storage';
import { nodeRequiresSignature } from '@lattice/flow-engine';
import { sql } from 'kysely';
import type { UserStore } from '../auth/user-store';
import { SYSTEM_ACTOR } from '../demo/system-actor';
import type { InboxBox, InboxCounts, InboxItem } from './flow-views';
import { FLOW_INSTANCES_TABLE, FLOW_NOTICES_TABLE, FLOW_TASKS_TABLE } from './migrate-flows-schema';

const DONE = ['approved', 'rejected', 'transferred'];

interface RawItem {
  instance_id: string;
  task_id: string | null;
  flow: string;
  entity: string;
  record_id: string;
  node_id: string | null;
  status: string;
  task_status: string | null;
  submitter: string | null;
  at: Date | string;
}

function boxQuery(appId: string, userId: string, box: InboxBox) {
  const i = FLOW_INSTANCES_TABLE;
  switch (box) {
    case 'todo':
      return sql<RawItem>`select i.id as instance_id, t.id as task_id, i.flow, i.entity, i.record_id, t.node_id,
          i.status, t.status as task_status, i.submitter, t.updated_at as at
        from ${sql.table(FLOW_TASKS_TABLE)} t join ${sql.table(i)} i on i.id = t.instance_id
        where t.app_id = ${appId} and t.assignee = ${userId} and t.status = 'pending' and i.status = 'running'`;
    case 'done':
      return sql<RawItem>`select i.id as instance_id, t.id as task_id, i.flow, i.entity, i.record_id, t.node_id,
          i.status, t.status as task_status, i.submitter, coalesce(t.decided_at, t.updated_at) as at
        from ${sql.table(FLOW_TASKS_TABLE)} t join ${sql.table(i)} i on i.id = t.instance_id
        where t.app_id = ${appId} and t.assignee = ${userId}
          and (t.status = 'transferred' or (t.status in (${sql.join(DONE)}) and t.decided_by = ${userId}))`;
    case 'cc':
      return sql<RawItem>`select distinct on (i.id) i.id as instance_id, null as task_id, i.flow, i.entity, i.record_id,
          n.node_id, i.status, null as task_status, i.submitter, n.at
        from ${sql.table(FLOW_NOTICES_TABLE)} n join ${sql.table(i)} i on i.id = n.instance_id
        where n.app_id = ${appId} and n.user_id = ${userId} and n.kind = 'cc'
        order by i.id, n.at desc`;
    case 'mine':
      return sql<RawItem>`select i.id as instance_id, null as task_id, i.flow, i.entity, i.record_id, null as node_id,
          i.status, null as task_status, i.submitter, i.created_at as at
        from ${sql.table(i)} i where i.app_id = ${appId} and i.submitter = ${userId}`;
  }
}

/** How many items each inbox tab holds for `userId` (the navigation badge shows `todo`). */
export async function inboxCounts(db: DbExecutor, appId: string, userId: string): Promise<InboxCounts> {
  const counts = { todo: 0, done: 0, cc: 0, mine: 0 };
  for (const box of Object.keys(counts) as InboxBox[]) {
    const r = await sql<{
      n: number | string;
    }>`select count(*) as n from (${boxQuery(appId, userId, box)}) x`.execute(db);
    counts[box] = Number(r.rows[0]?.n ?? 0);
  }
  return counts;
}

export interface InboxDeps {
  appStore: AppStore;
  records: RecordService;
  users: UserStore;
  clock: Clock;
}

/** One inbox tab, newest first, with flow/node/entity labels, record titles and submitter names. */
export async function listInbox(
  db: DbExecutor,
  deps: InboxDeps,
  appId: string,
  userId: string,
  box: InboxBox,
  limit = 100,
): Promise<InboxItem[]> {
  const rows =
    await sql<RawItem>`select * from (${boxQuery(appId, userId, box)}) x order by at desc limit ${limit}`.execute(
      db,
    );
  if (rows.rows.length === 0) return [];
  const live = await deps.appStore.getLive(appId);
  const flows = new Map(documentsOfKind(live.definition, 'flow').map((f) => [f.name, f]));
  const names = new Map((await deps.users.list()).map((u) => [u.id, u.displayName]));
  const rc = { actor: SYSTEM_ACTOR, clock: deps.clock };
  const titles = new Map<string, string>();
  const out: InboxItem[] = [];
  for (const r of rows.rows) {
    const flow = flows.get(r.flow);
    const entity = findEntity(live.definition, r.entity);
    const node = r.node_id ? flow?.nodes.find((n) => n.id === r.node_id) : undefined;
    if (!titles.has(r.record_id)) {
      let title = r.record_id.slice(0, 8);
      try {
        const rec = await deps.records.get(rc, appId, r.entity, r.record_id, { includeDeleted: true });
        const t = entity ? rec[entity.titleField] : undefined;
        if (t !== undefined && t !== null && t !== '') title = String(t);
      } catch {
        // a record the app no longer has keeps its short id
      }
      titles.set(r.record_id, title);
    }
    out.push({
      instanceId: String(r.instance_id),
      taskId: r.task_id,
      flow: r.flow,
      flowLabel: flow?.label ?? { zh: r.flow, en: r.flow },
      entity: r.entity,
      entityLabel: entity?.label ?? { zh: r.entity, en: r.entity },
      recordId: String(r.record_id),
      recordTitle: titles.get(r.record_id)!,
      nodeId: r.node_id,
      nodeLabel: node && 'label' in node && node.label ? (node.label as I18nText) : null,
      requireSignature: nodeRequiresSignature(node),
      status: r.status as InboxItem['status'],
      taskStatus: (r.task_status as InboxItem['taskStatus']) ?? null,
      submitter: r.submitter,
      submitterName: r.submitter ? (names.get(r.submitter) ?? r.submitter) : null,
      at: new Date(r.at).toISOString(),
    });
  }
  return out;
}
