import type { ValueMap } from '@lattice/engine';
import { compileJsonLogic } from '@lattice/engine';
import type { Clock } from '@lattice/engine/storage';

/**
 * Evaluates an action's value map against one (related or matched) record: `var` names that record's
 * fields; `$record.x` references to the triggering record were already substituted at plan time.
 */
export function evaluateValuesOn(
  values: ValueMap,
  record: Record<string, unknown>,
  clock: Clock,
): Record<string, unknown> {
  const data = { ...record, $record: record, $now: clock.now().toISOString() };
  const out: Record<string, unknown> = {};
  for (const [k, expr] of Object.entries(values)) {
    out[k] = compileJsonLogic(expr, { now: () => clock.now() })(data);
  }
  return out;
}
