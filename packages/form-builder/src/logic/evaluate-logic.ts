import type { JsonLogic } from '@lattice/engine';
import { compileJsonLogic, jsonLogicTruthy } from '@lattice/engine';

type Compiled = (data: unknown) => unknown;

/** Compiled-rule cache: forms re-evaluate the same expressions on every keystroke. */
const cache = new WeakMap<object, Compiled>();

/**
 * Compiles a JsonLogic expression (with the engine's compiler, the same one the server uses) into a
 * function of the record data, once per expression object. A malformed expression or a runtime error
 * evaluates to `undefined` instead of throwing, so one bad condition cannot break a whole form while the
 * user types (the designer reports bad expressions through `validateForm`).
 *
 * @example compileLogic({ '>': [{ var: 'amount' }, 100] })({ amount: 120 }) // → true
 */
export function compileLogic(expr: JsonLogic): Compiled {
  if (expr === null || typeof expr !== 'object') return () => expr;
  const hit = cache.get(expr);
  if (hit) return hit;
  let fn: Compiled;
  try {
    const compiled = compileJsonLogic(expr);
    fn = (data) => {
      try {
        return compiled(data);
      } catch {
        return undefined;
      }
    };
  } catch {
    fn = () => undefined;
  }
  cache.set(expr, fn);
  return fn;
}

/** Evaluates a JsonLogic expression against `data`; see {@link compileLogic}. */
export function evaluateLogic(expr: JsonLogic, data: unknown): unknown {
  return compileLogic(expr)(data);
}

/** JsonLogic truthiness: an empty array is false, as in json-logic-js. */
export function isTruthy(value: unknown): boolean {
  return jsonLogicTruthy(value);
}
