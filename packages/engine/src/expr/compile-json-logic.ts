import type { ErrorDetail } from '../errors';
import { LatticeError } from '../errors';
import type { JsonLogic } from '../model/json-logic';
import { compileClosure } from './compile-closure';
import { createExtraOperations } from './extra-operations';
import { generateSource } from './generate-source';
import { isJsonLogicOperator } from './json-logic-operators';
import * as helpers from './standard-helpers';

/** A compiled expression: call it with the data (record, `{ current, accumulator }`…). */
export type CompiledLogic = (data: unknown) => unknown;

export interface CompileJsonLogicOptions {
  /** Clock for `now`, `today`, `days_since`, `hours_since`; defaults to the system clock. */
  now?: () => Date;
  /** Minutes east of UTC for date-only values and `today`; defaults to 480 (China Standard Time). */
  utcOffsetMinutes?: number;
  /**
   * `auto` (default) generates JS source and falls back to closures where `new Function` is forbidden
   * (a strict CSP); `codegen` and `closure` force one path (tests, benchmarks).
   */
  strategy?: 'auto' | 'codegen' | 'closure';
}

/**
 * Compiles a JsonLogic expression once into a JS function. The standard operators agree with
 * json-logic-js on every input (property-tested, loose `==` and "[] is falsy" included); the Lattice
 * extras are documented on {@link createExtraOperations}. Unknown operators throw
 * `LATTICE_ERR_EXPRESSION` here, at compile time, naming the path of the bad node; use
 * `validateJsonLogic` to collect every problem (arity too) without throwing.
 *
 * @example
 * const overdue = compileJsonLogic({ and: [{ '>': [{ var: 'receivable' }, 0] }, { '>': [{ days_since: { var: 'due_date' } }, 30] }] }, { now: clock.now });
 * overdue({ receivable: 12000, due_date: '2024-01-01' }); // → true or false
 */
export function compileJsonLogic(expr: JsonLogic, opts: CompileJsonLogicOptions = {}): CompiledLogic {
  const unknownOps: ErrorDetail[] = [];
  findUnknownOperators(expr, '', unknownOps);
  if (unknownOps.length > 0) throw new LatticeError('LATTICE_ERR_EXPRESSION', unknownOps);
  const extras = createExtraOperations({
    now: opts.now ?? (() => new Date()),
    utcOffsetMinutes: opts.utcOffsetMinutes ?? 480,
  });
  const strategy = opts.strategy ?? 'auto';
  if (strategy !== 'closure') {
    try {
      const { source, consts } = generateSource(expr);
      const dyn: helpers.DynamicApply = (logic, data) => compileClosure(logic, extras)(data);
      const factory = new Function('H', 'X', 'C', source) as (
        h: unknown,
        x: unknown,
        c: unknown,
      ) => CompiledLogic;
      return factory({ ...helpers, dyn }, extras, consts);
    } catch (e) {
      if (strategy === 'codegen') throw e;
    }
  }
  return compileClosure(expr, extras);
}

/** Only single-key objects are logic; the reference returns other objects as literal values. */
function findUnknownOperators(node: unknown, path: string, out: ErrorDetail[]): void {
  const at = (k: string | number) => (path === '' ? String(k) : `${path}.${k}`);
  if (Array.isArray(node)) {
    node.forEach((n, i) => {
      findUnknownOperators(n, at(i), out);
    });
    return;
  }
  if (typeof node !== 'object' || node === null || Object.keys(node).length !== 1) return;
  const op = Object.keys(node)[0]!;
  if (!isJsonLogicOperator(op)) {
    out.push({
      path: at(op),
      message: { zh: `未知运算符 "${op}"`, en: `Unknown operator "${op}"` },
      reason: 'LATTICE_ERR_EXPRESSION',
    });
    return;
  }
  const raw = (node as Record<string, unknown>)[op];
  if (Array.isArray(raw))
    raw.forEach((n, i) => {
      findUnknownOperators(n, at(`${op}.${i}`), out);
    });
  else findUnknownOperators(raw, at(op), out);
}
