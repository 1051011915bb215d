import { compileJsonLogic } from '../expr/compile-json-logic';
import type { JsonLogic } from '../model/json-logic';

/** Options for {@link evaluateLogic}: the clock behind `now`/`today` in formulas and validations. */
export interface EvaluateLogicOptions {
  now?: () => Date;
}

type Compiled = (data: unknown) => unknown;
const cache = new WeakMap<object, WeakMap<object, Compiled>>();
const NO_CLOCK = {};

/**
 * Evaluates a JsonLogic expression against `data` with the engine's compiler, compiling each expression
 * object once per clock (metadata objects are long-lived, so the cache pays off across records).
 */
export function evaluateLogic(expr: JsonLogic, data: unknown, opts: EvaluateLogicOptions = {}): unknown {
  if (typeof expr !== 'object' || expr === null) return compileJsonLogic(expr, opts)(data);
  const clockKey: object = opts.now ?? NO_CLOCK;
  let perClock = cache.get(expr);
  if (!perClock) {
    perClock = new WeakMap();
    cache.set(expr, perClock);
  }
  let fn = perClock.get(clockKey);
  if (!fn) {
    fn = compileJsonLogic(expr, opts);
    perClock.set(clockKey, fn);
  }
  return fn(data);
}

/** Field names an expression reads through `var` (first path segment, so `{"var":"a.b"}` reads `a`). */
export function logicVars(expr: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(expr)) {
    for (const e of expr) logicVars(e, out);
    return out;
  }
  if (typeof expr !== 'object' || expr === null) return out;
  for (const [op, arg] of Object.entries(expr)) {
    if (op === 'var') {
      const name = Array.isArray(arg) ? arg[0] : arg;
      if (typeof name === 'string' && name !== '') out.add(name.split('.')[0]!);
      else if (typeof name === 'number') out.add(String(name));
    }
    logicVars(arg, out);
  }
  return out;
}
