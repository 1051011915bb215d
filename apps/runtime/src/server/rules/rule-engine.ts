import type { Locale, RuleDoc } from '@lattice/engine';
import {
  compileJsonLogic,
  documentsOfKind,
  findEntity,
  jsonLogicTruthy,
  LatticeError,
} from '@lattice/engine';
import type {
  DbTransaction,
  LiveApp,
  RecordData,
  RecordHooks,
  RequestContext,
} from '@lattice/engine/storage';
import {
  type CompiledRule,
  durationMs,
  nextCronRun,
  planRuleActions,
  type RuleContext,
  type RuleEffect,
  type RuleEvent,
  relativeTimerDueAt,
  ruleData,
} from '@lattice/flow-engine';
import type { JobRunner } from '../jobs/job-runner';
import { countReportRows } from './count-report-rows';
import { executeEffect } from './execute-effect';
import { forEachMatch } from './for-each-match';
import { ruleSetFor } from './rule-set-for';
import { chainDepthOf, ruleWriteContext } from './rule-write-context';
import type { RulesEnv } from './rules-env';
import { writeRuleErrorHistory } from './write-rule-error-history';

/** What one rule did for one trigger. */
export interface RuleRunResult {
  rule: string;
  recordId: string | null;
  /** False when the condition did not hold (nothing ran). */
  matched: boolean;
  /** Effects run now (`sync`) or queued as jobs (`async`). */
  effects: { type: RuleEffect['type']; mode: 'sync' | 'async' }[];
  /** Set when the rule was stopped (chain depth limit); also written to the record's history. */
  error?: { code: string; message: { zh: string; en: string } };
}

/** The rules runtime: record hook, event entry point, manual runs, job handlers and cron schedules. */
export interface RuleEngine {
  /** The record service hook: runs matching rules inside the write's transaction and arms relative timers. */
  onEvent: NonNullable<RecordHooks['onEvent']>;
  /**
   * Runs the rules `event` triggers inside `trx` — the entry point for approval outcomes
   * (`{type:'approval_outcome', …}` from the flows runtime) and finished imports.
   */
  fire(trx: DbTransaction, ctx: RequestContext, app: LiveApp, event: RuleEvent): Promise<RuleRunResult[]>;
  /** A manual-button rule on one record the caller can read (POST /api/apps/:app/rules/:id/run). */
  runManual(ctx: RequestContext, appId: string, rule: string, recordId: string): Promise<RuleRunResult>;
  /** Registers `rule.effect`, `rule.timer` and `rule.schedule` handlers on this instance's runner. */
  registerJobHandlers(runner: JobRunner): void;
  /** Queues the next run of every enabled cron rule of the app's live version (idempotent). */
  syncSchedules(appId: string): Promise<number>;
  /** `syncSchedules` for every published app (at start-up). */
  syncAllSchedules(): Promise<void>;
}

/**
 * @example
 * const rules = createRuleEngine(env);
 * const records = createRecordService(db, appStore, { hooks: { onEvent: rules.onEvent } });
 */
export function createRuleEngine(env: RulesEnv): RuleEngine {
  const { clock } = env;

  async function runRule(
    trx: DbTransaction,
    app: LiveApp,
    compiled: CompiledRule,
    rctx: RuleContext,
    actorId: string | null,
    locale: Locale | undefined,
  ): Promise<RuleRunResult> {
    const { rule } = compiled;
    const recordId = typeof rctx.record.id === 'string' && rctx.record.id ? rctx.record.id : null;
    if (!compiled.condition(rctx)) return { rule: rule.name, recordId, matched: false, effects: [] };
    let effects: RuleEffect[];
    try {
      effects = planRuleActions(rule, rctx);
    } catch (error) {
      if (!(error instanceof LatticeError) || error.code !== 'LATTICE_ERR_RULE_DEPTH' || !recordId)
        throw error;
      const wctx = ruleWriteContext(clock, rule.name, rctx.depth ?? 0, locale);
      await writeRuleErrorHistory(
        trx,
        wctx,
        { appId: app.appId, entity: rule.entity, recordId, rule: rule.name },
        error.code,
        error.details,
      );
      const message = error.details[0]?.message ?? { zh: error.message, en: error.message };
      return { rule: rule.name, recordId, matched: true, effects: [], error: { code: error.code, message } };
    }
    for (const effect of effects) {
      if (effect.mode === 'sync') {
        await executeEffect(env, { trx, app, actorId, ...(locale ? { locale } : {}) }, effect);
      } else {
        await env.jobs.enqueue(trx, {
          appId: app.appId,
          kind: 'rule.effect',
          payload: { effect: effect as RuleEffect & Record<string, unknown>, actorId },
          idempotencyKey: effect.idempotencyKey,
        });
      }
    }
    return {
      rule: rule.name,
      recordId,
      matched: true,
      effects: effects.map((e) => ({ type: e.type, mode: e.mode })),
    };
  }

  async function fire(
    trx: DbTransaction,
    ctx: RequestContext,
    app: LiveApp,
    event: RuleEvent,
  ): Promise<RuleRunResult[]> {
    const matching = ruleSetFor(app.definition).forEvent(event);
    if (matching.length === 0) return [];
    const record = 'record' in event ? event.record : { importId: event.importId };
    const rctx: RuleContext = {
      record,
      previous: event.type === 'updated' ? event.previous : null,
      user: userOf(ctx),
      clock,
      depth: chainDepthOf(ctx),
      eventId: eventIdOf(event, clock.now()),
      approval: event.type === 'approval_outcome' ? (event.approval ?? null) : null,
    };
    const out: RuleRunResult[] = [];
    for (const compiled of matching) {
      out.push(await runRule(trx, app, compiled, rctx, ctx.actor.system ? null : ctx.actor.id, ctx.locale));
    }
    return out;
  }

  async function armTimers(trx: DbTransaction, app: LiveApp, event: RuleEvent): Promise<void> {
    if (event.type !== 'created' && event.type !== 'updated') return;
    for (const { rule } of ruleSetFor(app.definition).byTrigger(event.entity, 'relative_timer')) {
      const t = rule.trigger;
      if (t.type !== 'relative_timer') continue;
      if (event.type === 'updated' && !event.changed.includes(t.from)) continue;
      const due = relativeTimerDueAt(rule, event.record);
      const recordId = String(event.record.id);
      if (!due) continue;
      await env.jobs.enqueue(trx, {
        appId: app.appId,
        kind: 'rule.timer',
        payload: { rule: rule.name, entity: rule.entity, recordId, dueAt: due.toISOString() },
        idempotencyKey: `timer:${rule.name}:${recordId}:${due.toISOString()}`,
        runAt: due,
      });
    }
  }

  async function enqueueNextRun(
    ex: DbTransaction | RulesEnv['db']['kysely'],
    appId: string,
    rule: RuleDoc,
    after: Date,
  ) {
    const t = rule.trigger;
    if (t.type !== 'schedule') return;
    const next = nextCronRun(t.cron, after, t.timezone);
    await env.jobs.enqueue(ex, {
      appId,
      kind: 'rule.schedule',
      payload: { rule: rule.name, entity: rule.entity, dueAt: next.toISOString() },
      idempotencyKey: `schedule:${rule.name}:${next.toISOString()}`,
      runAt: next,
    });
  }

  /**
   * A timer rule published after its records were created: arm the timers still in the future (records
   * whose `from` lies within the last `after`). Keys dedupe, so re-running this is harmless.
   */
  async function armExistingTimers(app: LiveApp): Promise<void> {
    const now = clock.now();
    for (const rule of documentsOfKind(app.definition, 'rule')) {
      const t = rule.trigger;
      if (!rule.enabled || t.type !== 'relative_timer') continue;
      const entity = findEntity(app.definition, rule.entity);
      const fromField = entity?.fields.find((f) => f.name === t.from);
      const since = new Date(now.getTime() - durationMs(t.after));
      const bound = fromField?.type === 'date' ? since.toISOString().slice(0, 10) : since.toISOString();
      await env.db.kysely.transaction().execute(async (trx) => {
        const wctx = ruleWriteContext(clock, rule.name, 0);
        await forEachMatch(
          env.records,
          wctx,
          trx,
          app.appId,
          rule.entity,
          { '>=': [{ var: t.from }, bound] },
          async (record) => {
            const due = relativeTimerDueAt(rule, record);
            if (!due || due <= now) return;
            await env.jobs.enqueue(trx, {
              appId: app.appId,
              kind: 'rule.timer',
              payload: {
                rule: rule.name,
                entity: rule.entity,
                recordId: record.id,
                dueAt: due.toISOString(),
              },
              idempotencyKey: `timer:${rule.name}:${record.id}:${due.toISOString()}`,
              runAt: due,
            });
          },
        );
      });
    }
  }

  async function loadOrNull(trx: DbTransaction, appId: string, entity: string, id: string, rule: string) {
    try {
      return await env.records.get(ruleWriteContext(clock, rule, 0), appId, entity, id, { trx });
    } catch (error) {
      if (error instanceof LatticeError && error.code === 'LATTICE_ERR_NOT_FOUND') return null;
      throw error;
    }
  }

  const engine: RuleEngine = {
    async onEvent(trx, ctx, app, event) {
      // Demo/pack seeding writes as the plain system actor: data that "already existed" fires no rules.
      if (ctx.actor.system && ctx.actor.username === 'system') return;
      await armTimers(trx, app, event);
      await fire(trx, ctx, app, event);
    },
    fire,

    async runManual(ctx, appId, ruleName, recordId) {
      return env.db.kysely.transaction().execute(async (trx) => {
        const app = await env.appStore.getLive(appId, { trx });
        const rule = documentsOfKind(app.definition, 'rule').find((r) => r.name === ruleName);
        if (!rule) throw ruleNotFound(ruleName);
        if (rule.trigger.type !== 'manual' || !rule.enabled) {
          throw new LatticeError('LATTICE_ERR_BAD_REQUEST', [
            {
              path: 'params.id',
              message: {
                zh: `规则「${ruleName}」不是启用的手动按钮规则`,
                en: `Rule "${ruleName}" is not an enabled manual-button rule`,
              },
            },
          ]);
        }
        const record = await env.records.get(ctx, appId, rule.entity, recordId, { trx });
        const results = await fire(trx, ctx, app, {
          type: 'manual',
          entity: rule.entity,
          rule: ruleName,
          record,
        });
        return results[0] ?? { rule: ruleName, recordId, matched: false, effects: [] };
      });
    },

    registerJobHandlers(runner) {
      runner.register('rule.effect', async ({ job, trx }) => {
        const app = await env.appStore.getLive(job.appId, { trx });
        await executeEffect(
          env,
          { trx, app, actorId: job.payload.actorId },
          job.payload.effect as unknown as RuleEffect,
        );
      });

      runner.register('rule.timer', async ({ job, trx }) => {
        const { rule: name, entity, recordId, dueAt } = job.payload;
        const app = await env.appStore.getLive(job.appId, { trx });
        const compiled = ruleSetFor(app.definition)
          .byTrigger(entity, 'relative_timer')
          .find((c) => c.rule.name === name);
        if (!compiled || compiled.rule.trigger.type !== 'relative_timer') return;
        const record = await loadOrNull(trx, job.appId, entity, recordId, name);
        // Stale timer: the record is gone or its `from` time moved (a newer timer was armed).
        if (!record || relativeTimerDueAt(compiled.rule, record)?.toISOString() !== dueAt) return;
        const rctx: RuleContext = { record, clock, depth: 0, eventId: `timer:${dueAt}` };
        const { unless } = compiled.rule.trigger;
        if (
          unless !== undefined &&
          jsonLogicTruthy(compileJsonLogic(unless, { now: () => clock.now() })(ruleData(rctx)))
        )
          return;
        await runRule(trx, app, compiled, rctx, null, undefined);
      });

      runner.register('rule.schedule', async ({ job, trx }) => {
        const { rule: name, entity, dueAt } = job.payload;
        const app = await env.appStore.getLive(job.appId, { trx });
        const compiled = ruleSetFor(app.definition)
          .scheduled()
          .find((c) => c.rule.name === name && c.rule.entity === entity);
        if (!compiled || compiled.rule.trigger.type !== 'schedule') return;
        const eventId = `schedule:${dueAt}`;
        const wctx = ruleWriteContext(clock, name, 0);
        const reportName = compiled.rule.trigger.report;
        if (reportName !== undefined) {
          // Once per run, and only while the report has rows (a digest task, not one per record).
          const rows = await countReportRows(trx, app, reportName, clock.now());
          if (rows > 0) {
            const report = { name: reportName, rows };
            await runRule(
              trx,
              app,
              compiled,
              { record: {}, clock, depth: 0, eventId, report },
              null,
              undefined,
            );
          }
        } else
          await forEachMatch(
            env.records,
            wctx,
            trx,
            job.appId,
            entity,
            compiled.rule.trigger.filter,
            async (record) => {
              await runRule(trx, app, compiled, { record, clock, depth: 0, eventId }, null, undefined);
            },
          );
        const due = new Date(dueAt);
        await enqueueNextRun(trx, job.appId, compiled.rule, due > clock.now() ? due : clock.now());
      });
    },

    async syncSchedules(appId) {
      const app = await env.appStore.getLive(appId);
      const scheduled = ruleSetFor(app.definition).scheduled();
      for (const { rule } of scheduled) await enqueueNextRun(env.db.kysely, appId, rule, clock.now());
      await armExistingTimers(app);
      return scheduled.length;
    },

    async syncAllSchedules() {
      for (const app of await env.appStore.listApps()) {
        if (app.liveVersion !== null) await engine.syncSchedules(app.id);
      }
    },
  };
  return engine;
}

function userOf(ctx: RequestContext): Record<string, unknown> {
  const a = ctx.actor;
  return {
    id: a.id,
    username: a.username,
    roles: a.roles,
    department: a.department ?? null,
    region: a.region ?? null,
  };
}

function eventIdOf(event: RuleEvent, now: Date): string {
  switch (event.type) {
    case 'created':
    case 'updated':
    case 'deleted':
      return `${event.type}.v${String((event.record as RecordData).version ?? '')}`;
    case 'approval_outcome':
      return `approval.${event.flow}.${event.outcome}.v${String(event.record.version ?? '')}`;
    case 'import_finished':
      return `import.${event.importId}`;
    case 'manual':
      return `manual.v${String(event.record.version ?? '')}.${now.toISOString()}`;
  }
}

export function ruleNotFound(name: string): LatticeError {
  return new LatticeError('LATTICE_ERR_NOT_FOUND', [
    { path: 'params.id', message: { zh: `规则「${name}」不存在`, en: `No rule "${name}"` } },
  ]);
}
