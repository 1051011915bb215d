import type { ExtraOperator } from './json-logic-operators';
import { isExtraOperator } from './json-logic-operators';
import {
  addOp,
  allOp,
  catOp,
  type DynamicApply,
  filterOp,
  inOp,
  leOp,
  logOp,
  looseEq,
  looseNe,
  ltOp,
  mapOp,
  mergeOp,
  missingOp,
  missingSomeOp,
  mulOp,
  noneOp,
  reduceOp,
  someOp,
  subOp,
  substrOp,
  truthy,
  varLookup,
} from './standard-helpers';

type Fn = (data: unknown) => unknown;
type Extras = Readonly<Record<ExtraOperator, (...args: unknown[]) => unknown>>;
type Eager = (args: unknown[], data: unknown, dyn: DynamicApply) => unknown;

const num = (v: unknown) => v as number;

/** Operators whose arguments are all evaluated before the operation, as in the reference. */
const EAGER: Readonly<Record<string, Eager>> = {
  '==': (a) => looseEq(a[0], a[1]),
  '===': (a) => a[0] === a[1],
  '!=': (a) => looseNe(a[0], a[1]),
  '!==': (a) => a[0] !== a[1],
  '>': (a) => num(a[0]) > num(a[1]),
  '>=': (a) => num(a[0]) >= num(a[1]),
  '<': (a) => ltOp(a[0], a[1], a[2]),
  '<=': (a) => leOp(a[0], a[1], a[2]),
  '!': (a) => !truthy(a[0]),
  '!!': (a) => truthy(a[0]),
  '%': (a) => num(a[0]) % num(a[1]),
  '/': (a) => num(a[0]) / num(a[1]),
  '-': (a) => subOp(a[0], a[1]),
  '+': (a) => addOp(...a),
  '*': (a) => mulOp(...a),
  min: (a) => Math.min(...(a as number[])),
  max: (a) => Math.max(...(a as number[])),
  in: (a) => inOp(a[0], a[1]),
  cat: (a) => catOp(...a),
  substr: (a) => substrOp(a[0], a[1], a[2]),
  merge: (a) => mergeOp(...a),
  log: (a) => logOp(a[0]),
  var: (a, d) => varLookup(d, a[0], a[1]),
  missing: (a, d, dyn) => missingOp(d, a, dyn),
  missing_some: (a, d, dyn) => missingSomeOp(d, a[0], a[1], dyn),
};

const SCOPED = {
  map: mapOp,
  filter: filterOp,
  all: allOp,
  none: noneOp,
  some: someOp,
} as const;

/**
 * The CSP-safe fallback: a tree of closures, used where `new Function` is forbidden. Slower than the
 * generated code but with the same semantics (both run the same property tests).
 */
export function compileClosure(node: unknown, extras: Extras): Fn {
  const dyn: DynamicApply = (logic, data) => compileClosure(logic, extras)(data);
  const build = (n: unknown): Fn => {
    if (Array.isArray(n)) {
      const items = n.map(build);
      return (d) => items.map((f) => f(d));
    }
    if (typeof n !== 'object' || n === null || Object.keys(n).length !== 1) return () => n;
    const op = Object.keys(n)[0]!;
    const raw = (n as Record<string, unknown>)[op];
    const values = Array.isArray(raw) ? raw : [raw];
    return buildOperator(op, values, build, dyn, extras);
  };
  return build(node);
}

function buildOperator(
  op: string,
  values: unknown[],
  build: (n: unknown) => Fn,
  dyn: DynamicApply,
  extras: Extras,
): Fn {
  const fs = () => values.map(build);
  if (op === 'if' || op === '?:') {
    const parts = fs();
    return (d) => {
      let i = 0;
      for (; i < parts.length - 1; i += 2) if (truthy(parts[i]!(d))) return parts[i + 1]!(d);
      return parts.length === i + 1 ? parts[i]!(d) : null;
    };
  }
  if (op === 'and' || op === 'or') {
    const parts = fs();
    const stopWhen = op === 'or';
    return (d) => {
      let current: unknown;
      for (const f of parts) {
        current = f(d);
        if (truthy(current) === stopWhen) return current;
      }
      return current;
    };
  }
  if (op in SCOPED) {
    const scoped = SCOPED[op as keyof typeof SCOPED];
    const arr = build(values[0]);
    const logic = build(values[1]);
    return (d) => scoped(arr(d), logic);
  }
  if (op === 'reduce') {
    const arr = build(values[0]);
    const logic = build(values[1]);
    const initial = typeof values[2] !== 'undefined' ? build(values[2]) : () => null;
    return (d) => {
      const a = arr(d);
      return reduceOp(a, logic, initial(d));
    };
  }
  const parts = fs();
  const eager = EAGER[op];
  if (eager)
    return (d) =>
      eager(
        parts.map((f) => f(d)),
        d,
        dyn,
      );
  if (isExtraOperator(op)) {
    const fn = extras[op];
    return (d) => fn(...parts.map((f) => f(d)));
  }
  throw new Error(`compileClosure: unknown operator ${op}`);
}
