import { type ApprovalOutcome, LatticeError } from '@lattice/engine';
import type { AppStore, DbTransaction } from '@lattice/engine/storage';
import type { FlowSignature } from '@lattice/flow-engine';
import type { ServerContext } from '../server-context';
import { migrateRulesSchema } from './migrate-rules-schema';
import { createNotificationStore, type NotificationStore } from './notification-store';
import { createRuleEngine, type RuleEngine } from './rule-engine';
import { fetchHttpPost, type HttpPost, type RulesEnv } from './rules-env';
import type { RulesHook } from './rules-hook';

/** What rules need from approval flows: a subscription to outcomes (the flows service provides it). */
export interface ApprovalOutcomes {
  onOutcome(
    listener: (
      trx: DbTransaction,
      e: {
        appId: string;
        flow: string;
        entity: string;
        recordId: string;
        outcome: ApprovalOutcome;
        actorId: string;
        instanceId: string;
        /** The latest signature of the run, for `$approval.signedBy/signedAt/signature`. */
        signature?: FlowSignature;
      },
    ) => Promise<void>,
  ): void;
}

/** The rules runtime of one server, as route plugins and tests get it. */
export interface RulesService {
  engine: RuleEngine;
  env: RulesEnv;
  notifications: NotificationStore;
}

/**
 * Rules for one server: migrates the inbox/outbox tables, builds the engine over `ctx.records` (whose
 * `hook` it binds, so every write runs its rules), registers the `rule.*` job kinds, feeds approval
 * outcomes from `opts.flows` into rules (`approval_outcome` triggers), wraps `ctx.appStore` so publish/rollback re-queue cron jobs, and
 * queues the cron jobs of every published app.
 */
export async function setupRules(
  ctx: ServerContext,
  hook: RulesHook,
  opts: { http?: HttpPost; log?: (error: unknown) => void; flows?: ApprovalOutcomes } = {},
): Promise<RulesService> {
  await migrateRulesSchema(ctx.db);
  const notifications = createNotificationStore(ctx.db, ctx.clock);
  const env: RulesEnv = {
    db: ctx.db,
    clock: ctx.clock,
    appStore: ctx.appStore,
    records: ctx.records,
    jobs: ctx.jobs,
    notifications,
    http: opts.http ?? fetchHttpPost,
  };
  const engine = createRuleEngine(env);
  hook.bind(engine);
  engine.registerJobHandlers(ctx.jobRunner);
  opts.flows?.onOutcome(async (trx, e) => {
    const app = await ctx.appStore.getLive(e.appId, { trx });
    const rc = { actor: { id: e.actorId, username: e.actorId, roles: [], system: true }, clock: ctx.clock };
    const record = await ctx.records.get(rc, e.appId, e.entity, e.recordId, { trx });
    await engine.fire(trx, rc, app, {
      type: 'approval_outcome',
      entity: e.entity,
      flow: e.flow,
      outcome: e.outcome,
      record,
      approval: {
        instanceId: e.instanceId,
        decidedBy: e.actorId,
        ...(e.signature
          ? { signedBy: e.signature.by, signedAt: e.signature.at, signature: e.signature.file }
          : {}),
      },
    });
  });
  ctx.appStore = withScheduleSync(ctx.appStore, engine, opts.log);
  try {
    await engine.syncAllSchedules();
  } catch (error) {
    if (!(error instanceof LatticeError)) throw error;
    opts.log?.(error);
  }
  return { engine, env, notifications };
}

function withScheduleSync(base: AppStore, engine: RuleEngine, log?: (error: unknown) => void): AppStore {
  const sync = async (appId: string) => {
    try {
      await engine.syncSchedules(appId);
    } catch (error) {
      log?.(error);
    }
  };
  return {
    ...base,
    async publish(appId, opts, rc) {
      const info = await base.publish(appId, opts, rc);
      if (!opts.trx) await sync(appId);
      return info;
    },
    async rollback(appId, toVersion, rc, opts) {
      const info = await base.rollback(appId, toVersion, rc, opts);
      if (!opts?.trx) await sync(appId);
      return info;
    },
  };
}
