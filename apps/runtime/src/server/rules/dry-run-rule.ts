import type { RuleDoc } from '@lattice/engine';
import { compileJsonLogic, jsonLogicTruthy } from '@lattice/engine';
import type { RequestContext } from '@lattice/engine/storage';
import {
  planRuleActions,
  type RuleContext,
  type RuleEffect,
  relativeTimerDueAt,
  ruleCondition,
  ruleData,
} from '@lattice/flow-engine';
import { USERS_TABLE } from '../auth/migrate-auth-schema';
import { evaluateValuesOn } from './evaluate-values-on';
import { resolveRecipients } from './resolve-recipients';
import type { RulesEnv } from './rules-env';

/** One field a rule would change: from → to. */
export interface PlannedChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** What one effect would do, with the records it would touch. */
export interface PlannedEffect {
  type: RuleEffect['type'];
  mode: 'sync' | 'async';
  entity: string | null;
  /** Records changed (setFields / updateRelated / assignOwner), with their field changes. */
  records: { id: string; changes: PlannedChange[] }[];
  /** Records created (createRecord / createTask(s)). */
  creates: number;
  /** Usernames notified or assigned. */
  recipients: string[];
  /** Extra facts (webhook url, flow name…). */
  detail: Record<string, unknown>;
}

export interface DryRunMatch {
  recordId: string | null;
  /** Relative timers: when it fires for this record. */
  dueAt: string | null;
  effects: PlannedEffect[];
}

export interface DryRunResult {
  rule: string;
  entity: string;
  /** Records looked at (existing records, or the sample). */
  scanned: number;
  matched: number;
  /** The first `limit` matches with their planned changes. */
  matches: DryRunMatch[];
  /** Why the rule could not be planned (e.g. a bad expression), with paths. */
  errors: { path: string; message: { zh: string; en: string } }[];
}

export interface DryRunInput {
  rule: RuleDoc;
  /** A sample record (studio "test"): evaluated as given, nothing is read for it. */
  sample?: Record<string, unknown>;
  /** One existing record. */
  recordId?: string;
  /** Existing records to scan at most (default 500) and matches to describe (default 20). */
  scan?: number;
  limit?: number;
}

/**
 * What `rule` would do — which existing records (or the sample) it matches now and what each action
 * would change — computed by planning purely and reading; nothing is written.
 */
export async function dryRunRule(
  env: RulesEnv,
  ctx: RequestContext,
  appId: string,
  input: DryRunInput,
): Promise<DryRunResult> {
  const { rule } = input;
  const limit = input.limit ?? 20;
  const candidates: Record<string, unknown>[] = [];
  if (input.sample) {
    candidates.push({ ...input.sample });
  } else if (input.recordId) {
    candidates.push(await env.records.get(ctx, appId, rule.entity, input.recordId));
  } else {
    const filter = rule.trigger.type === 'schedule' ? rule.trigger.filter : undefined;
    const page = await env.records.list(ctx, appId, rule.entity, {
      ...(filter !== undefined ? { filter } : {}),
      limit: Math.min(input.scan ?? 500, 500),
      sort: [{ field: 'updated_at', dir: 'desc' }],
    });
    candidates.push(...page.items);
  }
  const rctxOf = (record: Record<string, unknown>): RuleContext => ({
    record,
    user: { id: ctx.actor.id, username: ctx.actor.username, roles: ctx.actor.roles },
    clock: env.clock,
    depth: 0,
    eventId: 'dry-run',
  });
  const condition = ruleCondition(rule);
  const unless =
    rule.trigger.type === 'relative_timer' && rule.trigger.unless !== undefined
      ? compileJsonLogic(rule.trigger.unless, { now: () => env.clock.now() })
      : null;
  const result: DryRunResult = {
    rule: rule.name,
    entity: rule.entity,
    scanned: candidates.length,
    matched: 0,
    matches: [],
    errors: [],
  };
  for (const record of candidates) {
    const rctx = rctxOf(record);
    if (unless && jsonLogicTruthy(unless(ruleData(rctx)))) continue;
    if (!condition(rctx)) continue;
    result.matched++;
    if (result.matches.length >= limit) continue;
    const due = relativeTimerDueAt(rule, record);
    const effects = planRuleActions(rule, rctx);
    result.matches.push({
      recordId: typeof record.id === 'string' ? record.id : null,
      dueAt: due ? due.toISOString() : null,
      effects: await Promise.all(effects.map((e) => describeEffect(env, ctx, appId, e, record))),
    });
  }
  return result;
}

async function describeEffect(
  env: RulesEnv,
  ctx: RequestContext,
  appId: string,
  effect: RuleEffect,
  record: Record<string, unknown>,
): Promise<PlannedEffect> {
  const base: PlannedEffect = {
    type: effect.type,
    mode: effect.mode,
    entity: 'entity' in effect ? effect.entity : null,
    records: [],
    creates: 0,
    recipients: [],
    detail: {},
  };
  const recordId = typeof record.id === 'string' ? record.id : '';
  switch (effect.type) {
    case 'setFields':
      return { ...base, records: [{ id: recordId, changes: diff(record, effect.values) }] };
    case 'createRecord':
      return { ...base, creates: 1, detail: { values: effect.values } };
    case 'updateRelated': {
      const page = await env.records.list(ctx, appId, effect.entity, { filter: effect.filter, limit: 50 });
      return {
        ...base,
        records: page.items.map((rel) => ({
          id: rel.id,
          changes: diff(rel, evaluateValuesOn(effect.values, rel, env.clock)),
        })),
        detail: { more: page.nextCursor !== null },
      };
    }
    case 'createTask':
      return {
        ...base,
        creates: 1,
        recipients: await usernames(env, await resolveRecipients(env.db.kysely, effect.assignee, record)),
        detail: { title: effect.title, dueAt: effect.dueAt },
      };
    case 'createTasks': {
      const page = await env.records.list(ctx, appId, effect.forEach.entity, {
        filter: effect.forEach.filter,
        limit: 200,
      });
      const by = effect.forEach.distinctBy;
      const n = by ? new Set(page.items.map((m) => JSON.stringify(m[by] ?? null))).size : page.items.length;
      return {
        ...base,
        entity: effect.forEach.entity,
        creates: n,
        detail: { title: effect.title, dueAt: effect.dueAt, matchedRecords: page.items.length },
      };
    }
    case 'notify':
      return {
        ...base,
        recipients: await usernames(env, await resolveRecipients(env.db.kysely, effect.to, record)),
        detail: { channel: effect.channel, title: effect.title },
      };
    case 'assignOwner': {
      const [owner] = await resolveRecipients(env.db.kysely, effect.to, record);
      return {
        ...base,
        records: owner ? [{ id: recordId, changes: diff(record, { owner }) }] : [],
        recipients: await usernames(env, owner ? [owner] : []),
      };
    }
    case 'startFlow':
      return { ...base, detail: { flow: effect.flow } };
    case 'callWebhook':
      return { ...base, detail: { url: effect.url, method: effect.method, body: effect.body } };
    case 'recompute':
      return { ...base, records: [{ id: recordId, changes: [] }], detail: { fields: effect.fields } };
  }
}

function diff(record: Record<string, unknown>, values: Record<string, unknown>): PlannedChange[] {
  return Object.entries(values)
    .filter(([k, v]) => JSON.stringify(v ?? null) !== JSON.stringify(record[k] ?? null))
    .map(([field, to]) => ({ field, from: record[field] ?? null, to }));
}

async function usernames(env: RulesEnv, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await env.db.kysely
    .selectFrom(USERS_TABLE)
    .select(['id', 'username'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [String(r.id), String(r.username)]));
  return ids.map((id) => byId.get(id) ?? id);
}
