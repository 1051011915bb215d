import { LatticeError } from '@lattice/engine';

/**
 * How many rule-caused writes may chain (rule A's write fires rule B, …) before the chain is cut. The
 * runtime writes the resulting error into the record's history.
 */
export const RULE_CHAIN_DEPTH_LIMIT = 8;

/** Throws `LATTICE_ERR_RULE_DEPTH` when `depth` is past the limit; path names the rule. */
export function assertRuleDepth(depth: number, ruleName: string): void {
  if (depth <= RULE_CHAIN_DEPTH_LIMIT) return;
  throw new LatticeError('LATTICE_ERR_RULE_DEPTH', [
    {
      path: `rules.${ruleName}`,
      message: {
        zh: `规则「${ruleName}」的触发链超过 ${RULE_CHAIN_DEPTH_LIMIT} 层，已停止执行，请检查规则之间是否循环触发`,
        en: `Rule "${ruleName}" was reached through more than ${RULE_CHAIN_DEPTH_LIMIT} chained rules and was stopped; check for rules triggering each other`,
      },
      reason: 'LATTICE_ERR_RULE_DEPTH',
    },
  ]);
}
