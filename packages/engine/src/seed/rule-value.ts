import { truthy } from '../expr/standard-helpers';
import { type AppDefinition, documentsOfKind } from '../model/app';
import type { LogicEvaluator } from './evaluate-logic';
import { seedError } from './seed-error';
import type { FieldGen, SeedRecord } from './seed-spec';

export interface RuleValueEnv {
  path: string;
  evaluate: LogicEvaluator;
  /** The generation's "now" as an ISO string (`$now`). */
  now: string;
  /** Every rollup of the record (computed on demand). */
  rollups(): Record<string, unknown>;
}

/**
 * The value rule `gen.rule` would set field `gen.field ?? name` to on this seed record: its `set_fields`
 * expression over `{ ...rollups, ...record, $record, $old: null, $user: null, $now }`, like the rules
 * engine's data. When the rule has a condition that does not hold, the value generated so far stays.
 */
export function ruleValue(
  app: AppDefinition | undefined,
  gen: Extract<FieldGen, { gen: 'rule' }>,
  scope: { record: SeedRecord; entity: string; name: string },
  env: RuleValueEnv,
): unknown {
  const field = gen.field ?? scope.name;
  const rule = app
    ? documentsOfKind(app, 'rule').find((r) => r.name === gen.rule && r.entity === scope.entity)
    : undefined;
  if (!rule) {
    throw seedError(
      env.path,
      `no rule "${gen.rule}" on entity "${scope.entity}" (pass options.app)`,
      `实体 ${scope.entity} 没有规则「${gen.rule}」`,
    );
  }
  let expr: unknown;
  for (const action of rule.actions) {
    if (action.type === 'set_fields' && field in action.values) expr = action.values[field];
  }
  if (expr === undefined) {
    throw seedError(
      env.path,
      `rule "${gen.rule}" sets no field "${field}"`,
      `规则「${gen.rule}」不设置字段 ${field}`,
    );
  }
  const record = { ...env.rollups(), ...scope.record };
  const data = { ...record, $record: record, $old: null, $user: null, $now: env.now };
  if (rule.condition !== undefined && !truthy(env.evaluate(rule.condition, data))) {
    return scope.record[scope.name] ?? null;
  }
  return env.evaluate(expr as Parameters<LogicEvaluator>[0], data) ?? null;
}
