import type { JsonLogic } from '@lattice/engine';
import jsonLogic from 'json-logic-js';

type Compiled = (data: unknown) => unknown;

/** Compiled-rule cache: forms re-evaluate the same expressions on every keystroke. */
const cache = new WeakMap<object, Compiled>();

/**
 * Compiles a JsonLogic expression into a function of the record data, once per expression object.
 * A malformed expression evaluates to `undefined` instead of throwing, so one bad condition cannot
 * break a whole form while the user types (the designer validates expressions separately).
 *
 * The single swap point for the engine's `compileJsonLogic` once it is exported.
 *
 * @example compileLogic({ '>': [{ var: 'amount' }, 100] })({ amount: 120 }) // → true
 */
export function compileLogic(expr: JsonLogic): Compiled {
  if (expr === null || typeof expr !== 'object') return () => expr;
  const hit = cache.get(expr);
  if (hit) return hit;
  const fn: Compiled = (data) => {
    try {
      return jsonLogic.apply(expr as jsonLogic.RulesLogic, data);
    } catch {
      return undefined;
    }
  };
  cache.set(expr, fn);
  return fn;
}

/** Evaluates a JsonLogic expression against `data`; see {@link compileLogic}. */
export function evaluateLogic(expr: JsonLogic, data: unknown): unknown {
  return compileLogic(expr)(data);
}

/** JsonLogic truthiness: an empty array is false, as in json-logic-js. */
export function isTruthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}
