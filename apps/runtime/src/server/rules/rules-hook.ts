import type { RecordHooks } from '@lattice/engine/storage';
import type { RuleEngine } from './rule-engine';

type OnEvent = NonNullable<RecordHooks['onEvent']>;

/**
 * The record-service hook for rules, created before the rule engine exists (the engine writes through
 * the hooked record service, so it is built afterwards and `bind`s itself here). Unbound: a no-op.
 */
export interface RulesHook {
  onEvent: OnEvent;
  bind(engine: RuleEngine): void;
}

export function createRulesHook(): RulesHook {
  let engine: RuleEngine | null = null;
  return {
    onEvent: async (trx, ctx, app, event) => {
      if (engine) await engine.onEvent(trx, ctx, app, event);
    },
    bind(e) {
      engine = e;
    },
  };
}

/** Runs record hooks in order in the same transaction (e.g. the flow lock, then rules). */
export function chainRecordHooks(...hooks: OnEvent[]): OnEvent {
  return async (trx, ctx, app, event) => {
    for (const hook of hooks) await hook(trx, ctx, app, event);
  };
}
