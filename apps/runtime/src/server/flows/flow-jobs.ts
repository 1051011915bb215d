import type { RequestContext } from '@lattice/engine/storage';
import { SYSTEM_ACTOR } from '../demo/system-actor';
import type { ServerContext } from '../server-context';
import type { FlowService } from './flow-service';
import { runningInstanceOf } from './flow-store';
import { loadDirectory } from './load-directory';

/**
 * Registers the approval-flow job kinds on the server's worker:
 * - `flow.timeout` fires a node timeout (remind / escalate / auto-approve / auto-reject); a job for a
 *   node that was decided meanwhile is a no-op (its job was cancelled, or the state machine ignores it);
 * - `flow.start` starts a flow for the rules' `start_flow` action, submitted as the user whose write
 *   triggered the rule (else the record's creator). A record already in a flow is left alone, so a
 *   retried job cannot start a second instance.
 */
export function registerFlowJobs(ctx: ServerContext, flows: FlowService): void {
  ctx.jobRunner.register('flow.timeout', async ({ job, trx }) => {
    await flows.timeout(trx, job.appId, job.payload.instanceId, job.payload.key);
  });
  ctx.jobRunner.register('flow.start', async ({ job, trx, clock }) => {
    const { flow, entity, recordId, submittedBy } = job.payload;
    if (await runningInstanceOf(trx, job.appId, entity, recordId)) return;
    const systemRc: RequestContext = { actor: SYSTEM_ACTOR, clock };
    const record = await ctx.records.get(systemRc, job.appId, entity, recordId, { trx });
    const submitterId = submittedBy ?? (typeof record.created_by === 'string' ? record.created_by : null);
    const submitter = submitterId ? (await loadDirectory(trx)).find((u) => u.id === submitterId) : undefined;
    const rc: RequestContext = submitter
      ? {
          actor: {
            id: submitter.id,
            username: submitter.username,
            roles: submitter.roles,
            department: submitter.department,
            region: submitter.region,
            // Started by a rule: the submitter's own read permission does not gate it.
            system: true,
          },
          clock,
        }
      : systemRc;
    await flows.start(rc, job.appId, { flow, recordId }, { trx });
  });
}
