import { LatticeError } from '@lattice/engine';
import type { DbTransaction, LiveApp, RecordEvent, RequestContext } from '@lattice/engine/storage';
import { runningInstanceOf } from './flow-store';
import { FLOW_TASKS_TABLE } from './migrate-flows-schema';

/**
 * The record-service hook that locks a record while it is in a running flow: updates and deletes by
 * users are refused with `LATTICE_ERR_LOCKED` (423) naming each locked field, except the fields the
 * active node allows — and those only for someone holding a pending task on the instance. System actors
 * (rules, jobs, the flow itself) are not locked out. Runs inside the write's transaction, so a refusal
 * rolls the write back.
 */
export async function enforceFlowLock(
  trx: DbTransaction,
  rc: RequestContext,
  app: LiveApp,
  event: RecordEvent,
): Promise<void> {
  if (rc.actor.system || event.type === 'created') return;
  const running = await runningInstanceOf(trx, app.appId, event.entity, event.record.id);
  if (!running) return;
  if (event.type === 'deleted') {
    throw new LatticeError('LATTICE_ERR_LOCKED', [
      {
        path: 'id',
        message: { zh: '记录审批中，不能删除', en: 'The record is in approval and cannot be deleted' },
      },
    ]);
  }
  const allowed = new Set(running.editableFields);
  const mayEditAllowed =
    allowed.size > 0 &&
    (await trx
      .selectFrom(FLOW_TASKS_TABLE)
      .select('id')
      .where('instance_id', '=', running.id)
      .where('assignee', '=', rc.actor.id)
      .where('status', '=', 'pending')
      .executeTakeFirst()) !== undefined;
  const locked = event.changed.filter((f) => !(mayEditAllowed && allowed.has(f)));
  if (locked.length === 0) return;
  throw new LatticeError(
    'LATTICE_ERR_LOCKED',
    locked.map((f) => ({
      path: f,
      message: {
        zh: `记录审批中，字段 ${f} 不可修改`,
        en: `The record is in approval; ${f} cannot be changed`,
      },
    })),
  );
}
