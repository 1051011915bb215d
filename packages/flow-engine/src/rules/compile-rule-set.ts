import type { AppDefinition, RuleDoc, RuleTriggerType } from '@lattice/engine';
import { documentsOfKind } from '@lattice/engine';
import { matchTrigger } from './match-trigger';
import { ruleCondition } from './rule-condition';
import type { RuleContext } from './rule-context';
import type { RuleEvent, RuleEventType } from './rule-event';

/** A published rule with its condition compiled. */
export interface CompiledRule {
  rule: RuleDoc;
  condition: (ctx: RuleContext) => boolean;
}

/** The enabled rules of an app, indexed once per publish. */
export interface RuleSet {
  /** Rules whose trigger matches `event` (entity, type, fields…); document order within a trigger type. */
  forEvent(event: RuleEvent): CompiledRule[];
  /** Enabled rules of one entity and trigger type (e.g. every `relative_timer` of `opportunity`). */
  byTrigger(entity: string, type: RuleTriggerType): CompiledRule[];
  /** Every enabled `schedule` rule, for the cron scheduler. */
  scheduled(): CompiledRule[];
}

const EVENT_TRIGGERS: Readonly<Record<RuleEventType, readonly RuleTriggerType[]>> = {
  created: ['record_created', 'stage_entered'],
  updated: ['record_updated', 'field_changed', 'stage_entered'],
  deleted: ['record_deleted'],
  approval_outcome: ['approval_outcome'],
  import_finished: ['import_finished'],
  manual: ['manual'],
};

/**
 * Indexes an app's enabled rules by entity and trigger type and compiles their conditions, so the hot
 * path (every record write) only looks at candidate rules.
 *
 * @example
 * const rules = compileRuleSet(app);
 * for (const { rule, condition } of rules.forEvent(event)) if (condition(ctx)) plan(rule, ctx);
 */
export function compileRuleSet(app: Pick<AppDefinition, 'documents'>): RuleSet {
  const index = new Map<string, CompiledRule[]>();
  const scheduled: CompiledRule[] = [];
  for (const rule of documentsOfKind(app, 'rule')) {
    if (!rule.enabled) continue;
    const compiled: CompiledRule = { rule, condition: ruleCondition(rule) };
    const key = `${rule.entity}\u0000${rule.trigger.type}`;
    index.set(key, [...(index.get(key) ?? []), compiled]);
    if (rule.trigger.type === 'schedule') scheduled.push(compiled);
  }
  const byTrigger = (entity: string, type: RuleTriggerType) => index.get(`${entity}\u0000${type}`) ?? [];
  return {
    byTrigger,
    scheduled: () => scheduled,
    forEvent(event) {
      const candidates = EVENT_TRIGGERS[event.type].flatMap((t) => byTrigger(event.entity, t));
      return candidates.filter((c) => matchTrigger(c.rule, event));
    },
  };
}
