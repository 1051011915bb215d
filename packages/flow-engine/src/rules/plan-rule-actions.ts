import type { I18nText, JsonLogic, RuleAction, RuleDoc, ValueMap } from '@lattice/engine';
import { assertNever, compileJsonLogic } from '@lattice/engine';
import { durationMs } from './duration-ms';
import { type RuleContext, ruleData } from './rule-context';
import { assertRuleDepth } from './rule-depth';
import type { EffectBase, RuleEffect } from './rule-effect';
import { substituteContext } from './substitute-context';

/** Effects that leave the process (mail, HTTP) always go through the durable job table. */
const ALWAYS_ASYNC: readonly RuleEffect['type'][] = ['callWebhook'];

/**
 * Turns a rule's actions into effects for the runtime to execute, evaluating values against the
 * triggering record now. Throws `LATTICE_ERR_RULE_DEPTH` when the chain is too deep. Does not check the
 * trigger or condition: call `matchTrigger` and `ruleCondition` first.
 *
 * @example
 * planRuleActions(markOverdue, { record, clock, depth: 0 });
 * // → [{ type: 'setFields', entity: 'opportunity', recordId, values: { flag: 'red' }, mode: 'sync', … }]
 */
export function planRuleActions(rule: RuleDoc, ctx: RuleContext): RuleEffect[] {
  const depth = ctx.depth ?? 0;
  assertRuleDepth(depth, rule.name);
  const data = ruleData(ctx);
  const evaluate = (values: ValueMap | undefined) => evaluateValues(values, data, ctx);
  const recordId = String(ctx.record.id ?? '');
  return rule.actions.map((action, i) => {
    const effect = planOne(action, rule, ctx, recordId, evaluate);
    const base: EffectBase = {
      rule: rule.name,
      mode: rule.async || ALWAYS_ASYNC.includes(effect.type) || isAsyncChannel(action) ? 'async' : 'sync',
      idempotencyKey: `${rule.name}:${recordId}:${ctx.eventId ?? depth}:${i}`,
      depth: depth + 1,
    };
    return { ...effect, ...base } as RuleEffect;
  });
}

type Planned = DistributiveOmit<RuleEffect, keyof EffectBase>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function isAsyncChannel(action: RuleAction): boolean {
  return action.type === 'notify' && action.channel !== 'inbox';
}

function planOne(
  action: RuleAction,
  rule: RuleDoc,
  ctx: RuleContext,
  recordId: string,
  evaluate: (v: ValueMap | undefined) => Record<string, unknown>,
): Planned {
  const entity = rule.entity;
  switch (action.type) {
    case 'set_fields':
      return { type: 'setFields', entity, recordId, values: evaluate(action.values) };
    case 'create_record':
      return { type: 'createRecord', entity: action.entity, values: evaluate(action.values) };
    case 'update_related':
      return {
        type: 'updateRelated',
        entity: action.entity,
        filter: substituteContext(action.match, ctx),
        values: substituteValues(action.values, ctx),
      };
    case 'create_task': {
      const dueAt = action.due
        ? new Date(ctx.clock.now().getTime() + durationMs(action.due)).toISOString()
        : null;
      const title = taskTitle(action.title, ctx);
      if (action.forEach) {
        return {
          type: 'createTasks',
          title,
          assignee: action.forEach.assignee ?? action.assignee,
          dueAt,
          forEach: {
            entity: action.forEach.entity,
            filter: substituteContext(action.forEach.match, ctx),
            ...(action.forEach.distinctBy ? { distinctBy: action.forEach.distinctBy } : {}),
          },
          values: substituteValues(action.values ?? {}, ctx),
        };
      }
      return {
        type: 'createTask',
        title,
        assignee: action.assignee,
        dueAt,
        entity,
        recordId,
        values: evaluate(action.values),
      };
    }
    case 'notify':
      return {
        type: 'notify',
        channel: action.channel,
        to: action.to,
        title: action.title,
        body: action.body ?? null,
        url: action.url ?? null,
        entity,
        recordId,
      };
    case 'assign_owner':
      return { type: 'assignOwner', to: action.to, entity, recordId };
    case 'start_flow':
      return { type: 'startFlow', flow: action.flow, entity, recordId };
    case 'call_webhook':
      return {
        type: 'callWebhook',
        url: action.url,
        method: action.method ?? 'POST',
        body: evaluate(action.body),
      };
    case 'recompute':
      return { type: 'recompute', entity, recordId, fields: action.fields };
    default:
      return assertNever(action, 'rule action');
  }
}

function evaluateValues(
  values: ValueMap | undefined,
  data: unknown,
  ctx: RuleContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, expr] of Object.entries(values ?? {})) {
    out[field] = compileJsonLogic(expr, { now: () => ctx.clock.now() })(data);
  }
  return out;
}

function substituteValues(values: ValueMap, ctx: RuleContext): ValueMap {
  const out: ValueMap = {};
  for (const [field, expr] of Object.entries(values)) out[field] = substituteContext(expr, ctx);
  return out;
}

/** A task title is either bilingual text or JsonLogic computing a string (e.g. a `cat`). */
function taskTitle(title: I18nText | JsonLogic, ctx: RuleContext): string | I18nText {
  if (isI18nText(title)) return title;
  return String(compileJsonLogic(title, { now: () => ctx.clock.now() })(ruleData(ctx)) ?? '');
}

function isI18nText(v: unknown): v is I18nText {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'zh' in v && 'en' in v;
}
