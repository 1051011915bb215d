import type { AppDefinition } from '@lattice/engine';
import { compileRuleSet, type RuleSet } from '@lattice/flow-engine';

const cache = new WeakMap<AppDefinition, RuleSet>();

/**
 * The compiled rules of a published definition. The app store caches one definition object per
 * published version, so rules compile once per publish (per instance) and every write reuses them.
 */
export function ruleSetFor(definition: AppDefinition): RuleSet {
  let set = cache.get(definition);
  if (!set) {
    set = compileRuleSet(definition);
    cache.set(definition, set);
  }
  return set;
}
