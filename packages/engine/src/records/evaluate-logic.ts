import { compileJsonLogic } from '../expr/compile-json-logic';
import type { JsonLogic } from '../model/json-logic';

/** Options for {@link evaluateLogic}: the clock behind `now`/`today` in formulas and validations. */
export interface EvaluateLogicOptions {
  now?: () => Date;
}

type Compiled = (data: unknown) => unknown;
const cache = new WeakMap<object, Compiled>();
/** The clock of the evaluation in progress; evaluation is synchronous, so one slot suffices. */
let activeNow: (() => Date) | undefined;
const dispatchNow = (): Date => (activeNow ? activeNow() : new Date());

/**
 * Evaluates a JsonLogic expression against `data` with the engine's compiler. Each expression object is
 * compiled once and reused across records and calls, whatever clock is passed (callers often pass a fresh
 * closure per request): the compiled code reads the clock of the current call.
 */
export function evaluateLogic(expr: JsonLogic, data: unknown, opts: EvaluateLogicOptions = {}): unknown {
  let fn = typeof expr === 'object' && expr !== null ? cache.get(expr) : undefined;
  if (!fn) {
    fn = compileJsonLogic(expr, { now: dispatchNow });
    if (typeof expr === 'object' && expr !== null) cache.set(expr, fn);
  }
  const outer = activeNow;
  activeNow = opts.now;
  try {
    return fn(data);
  } finally {
    activeNow = outer;
  }
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
