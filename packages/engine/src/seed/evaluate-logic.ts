import { type CompiledLogic, compileJsonLogic } from '../expr/compile-json-logic';
import type { JsonLogic } from '../model/json-logic';

/** A JsonLogic evaluator bound to one clock, compiling each expression of a spec once. */
export type LogicEvaluator = (expr: JsonLogic, data: unknown) => unknown;

/**
 * Evaluator for the seed generator: the engine's compiled JsonLogic (with Lattice extras such as
 * `round` and `add_days`), its clock pinned to the generation's `now` so output stays deterministic.
 */
export function createLogicEvaluator(now: Date): LogicEvaluator {
  const cache = new WeakMap<object, CompiledLogic>();
  const opts = { now: () => now };
  return (expr, data) => {
    if (typeof expr !== 'object' || expr === null) return compileJsonLogic(expr, opts)(data);
    let fn = cache.get(expr);
    if (!fn) {
      fn = compileJsonLogic(expr, opts);
      cache.set(expr, fn);
    }
    return fn(data);
  };
}
