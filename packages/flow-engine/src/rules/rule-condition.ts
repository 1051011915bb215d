import type { RuleDoc } from '@lattice/engine';
import { compileJsonLogic, jsonLogicTruthy } from '@lattice/engine';
import { type RuleContext, ruleData } from './rule-context';

/** A rule's condition as a predicate over a trigger context. */
export type RulePredicate = (ctx: RuleContext) => boolean;

const cache = new WeakMap<RuleDoc, RulePredicate>();

/**
 * The rule's condition compiled once (memoised per rule document); a rule without a condition always
 * passes. Time-based extras (`days_since`…) read the context's clock at evaluation time.
 *
 * @example
 * if (matchTrigger(rule, event) && ruleCondition(rule)(ctx)) effects.push(...planRuleActions(rule, ctx));
 */
export function ruleCondition(rule: RuleDoc): RulePredicate {
  const known = cache.get(rule);
  if (known) return known;
  let predicate: RulePredicate;
  if (rule.condition === undefined || rule.condition === null) {
    predicate = () => true;
  } else {
    let current: RuleContext | undefined;
    const fn = compileJsonLogic(rule.condition, { now: () => (current ? current.clock.now() : new Date(0)) });
    predicate = (ctx) => {
      current = ctx;
      return jsonLogicTruthy(fn(ruleData(ctx)));
    };
  }
  cache.set(rule, predicate);
  return predicate;
}
