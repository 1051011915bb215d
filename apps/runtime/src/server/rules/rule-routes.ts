import type { RuleDoc } from '@lattice/engine';
import { documentsOfKind, findEntity, hasRight, LatticeError, validateDocument } from '@lattice/engine';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../auth/access-token';
import { requireRole } from '../auth/require-role';
import { DESIGNER_ROLES } from '../routes/app-routes';
import { requestContext, type ServerContext } from '../server-context';
import { dryRunRule } from './dry-run-rule';
import { redactDryRun } from './redact-dry-run';
import { ruleNotFound } from './rule-engine';
import type { RulesService } from './setup-rules';

const ruleParams = {
  type: 'object',
  required: ['app', 'id'],
  properties: {
    app: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' },
    id: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
  },
} as const;

const appParams = {
  type: 'object',
  required: ['app'],
  properties: { app: ruleParams.properties.app },
} as const;

const runBody = {
  type: 'object',
  additionalProperties: false,
  required: ['recordId'],
  properties: { recordId: { type: 'string', format: 'uuid' } },
} as const;

const dryRunBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** The rule as edited in the studio (unsaved); default: the draft's rule, else the live one. */
    rule: { type: 'object' },
    recordId: { type: 'string', format: 'uuid' },
    /** A sample record to test against (studio "test"). */
    record: { type: 'object' },
    scan: { type: 'integer', minimum: 1, maximum: 500 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
  },
} as const;

const jobsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['queued', 'running', 'done', 'dead'] },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
  },
} as const;

type RuleParams = { app: string; id: string };
interface DryRunBody {
  rule?: unknown;
  recordId?: string;
  record?: Record<string, unknown>;
  scan?: number;
  limit?: number;
}

/**
 * Rules endpoints under `/api/apps`: list the live rules (manual buttons), run a manual rule on a record,
 * dry-run a rule (draft, live or as posted by the studio) without writing, and the app's job queue
 * (admins: dead letters and retry).
 */
export async function ruleRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  rules: RulesService,
): Promise<void> {
  app.addHook('onRequest', requireAuth(app, ctx.clock));
  const designer = requireRole(...DESIGNER_ROLES);
  const admin = requireRole('admin');

  app.get<{ Params: { app: string } }>('/:app/rules', { schema: { params: appParams } }, async (request) => {
    const live = await ctx.appStore.getLive(request.params.app);
    const { actor } = requestContext(ctx, request);
    return {
      items: documentsOfKind(live.definition, 'rule').map((r) => ({
        name: r.name,
        label: r.label,
        entity: r.entity,
        enabled: r.enabled,
        trigger: r.trigger.type,
        button: r.trigger.type === 'manual' ? r.trigger.button : null,
        /** May the caller press it (a manual rule writes: it needs the update right on its entity)? */
        runnable:
          r.trigger.type === 'manual' &&
          findEntity(live.definition, r.entity) !== undefined &&
          hasRight(ctx.scope.accessFor(actor, live, r.entity), 'update'),
      })),
    };
  });

  app.post<{ Params: RuleParams; Body: { recordId: string } }>(
    '/:app/rules/:id/run',
    { schema: { params: ruleParams, body: runBody } },
    async (request) => {
      const rc = requestContext(ctx, request);
      const { app: appId, id } = request.params;
      // Rule effects write as the rule: pressing the button needs the update right on its entity.
      const live = await ctx.appStore.getLive(appId);
      const rule = documentsOfKind(live.definition, 'rule').find((r) => r.name === id);
      if (rule) ctx.scope.assertRight(rc.actor, live, rule.entity, 'update');
      return rules.engine.runManual(rc, appId, id, request.body.recordId);
    },
  );

  app.post<{ Params: RuleParams; Body: DryRunBody | undefined }>(
    '/:app/rules/:id/dry-run',
    { schema: { params: ruleParams, body: dryRunBody }, onRequest: designer },
    async (request) => {
      const { app: appId, id } = request.params;
      const body = request.body ?? {};
      const rule = body.rule !== undefined ? postedRule(body.rule) : await storedRule(ctx, appId, id);
      const rc = requestContext(ctx, request);
      const result = await dryRunRule(rules.env, rc, appId, {
        rule,
        ...(body.record ? { sample: body.record } : {}),
        ...(body.recordId ? { recordId: body.recordId } : {}),
        ...(body.scan ? { scan: body.scan } : {}),
        ...(body.limit ? { limit: body.limit } : {}),
      });
      return redactDryRun(result, await ctx.appStore.getLive(appId), ctx.scope, rc.actor);
    },
  );

  app.get<{
    Params: { app: string };
    Querystring: { status?: 'queued' | 'running' | 'done' | 'dead'; limit?: number };
  }>(
    '/:app/jobs',
    { schema: { params: appParams, querystring: jobsQuery }, onRequest: admin },
    async (request) => ({
      items: await ctx.jobs.list({
        appId: request.params.app,
        ...(request.query.status ? { status: request.query.status } : {}),
        limit: request.query.limit ?? 100,
      }),
    }),
  );

  app.post<{ Params: RuleParams }>(
    '/:app/jobs/:id/retry',
    {
      schema: {
        params: {
          type: 'object',
          required: ['app', 'id'],
          properties: { app: ruleParams.properties.app, id: { type: 'string', format: 'uuid' } },
        },
      },
      onRequest: admin,
    },
    async (request) => {
      const job = await ctx.jobs.get(request.params.id);
      if (!job || job.appId !== request.params.app || !(await ctx.jobs.retryDead(job.id))) {
        throw new LatticeError('LATTICE_ERR_NOT_FOUND', [
          { path: 'params.id', message: { zh: '没有这个死信任务', en: 'No dead job with this id' } },
        ]);
      }
      return { ok: true };
    },
  );
}

function postedRule(doc: unknown): RuleDoc {
  const errors = validateDocument(doc);
  if (errors.length) {
    throw new LatticeError(
      'LATTICE_ERR_VALIDATION',
      errors.map((e) => ({ ...e, path: e.path ? `rule.${e.path}` : 'rule' })),
    );
  }
  if ((doc as { kind?: unknown }).kind !== 'rule') {
    throw new LatticeError('LATTICE_ERR_VALIDATION', [
      { path: 'rule.kind', message: { zh: '需要一个规则文档', en: 'Expected a rule document' } },
    ]);
  }
  return doc as RuleDoc;
}

async function storedRule(ctx: ServerContext, appId: string, name: string): Promise<RuleDoc> {
  const draft = await ctx.appStore.getDraft(appId);
  const fromDraft = documentsOfKind(draft, 'rule').find((r) => r.name === name);
  if (fromDraft) return fromDraft;
  const live = await ctx.appStore.getLive(appId);
  const fromLive = documentsOfKind(live.definition, 'rule').find((r) => r.name === name);
  if (!fromLive) throw ruleNotFound(name);
  return fromLive;
}
