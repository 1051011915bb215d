import { createNotificationStore } from '../rules/notification-store';
import type { ServerContext } from '../server-context';
import { registerFlowJobs } from './flow-jobs';
import { createFlowService, type FlowService } from './flow-service';
import { migrateFlowsSchema } from './migrate-flows-schema';

/**
 * Approval flows for one server: migrates the flow tables, builds the {@link FlowService}, registers its
 * job kinds (`flow.timeout`, `flow.start`) and puts it on `ctx.flows` (rules subscribe to outcomes there).
 * The record lock itself is the record-service hook `enforceFlowLock`.
 */
export async function setupFlows(ctx: ServerContext): Promise<FlowService> {
  await migrateFlowsSchema(ctx.db);
  const flows = createFlowService({ ...ctx, notifications: createNotificationStore(ctx.db, ctx.clock) });
  registerFlowJobs(ctx, flows);
  ctx.flows = flows;
  return flows;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Approval flows of this server (tests subscribe to outcomes here). */
    flows: FlowService;
  }
}
