/**
 * Run-time helpers shared by the generated code and the closure fallback. Each one mirrors a
 * json-logic-js 2.0.5 operation line by line (including its odd corners), so compiled rules agree with
 * the reference on every input. Loose equality and `var` walking are deliberate copies of the reference.
 */

/** Evaluates a JsonLogic value built from data at run time (the reference re-applies some arguments). */
export type DynamicApply = (logic: unknown, data: unknown) => unknown;
type Scoped = (datum: unknown) => unknown;

/** JsonLogic truthiness: like JS, except an empty array is false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}

/** `var` with a path only known at run time (same walk as the reference). */
export function varLookup(data: unknown, a: unknown, b: unknown): unknown {
  const notFound = b === undefined ? null : b;
  if (a === undefined || a === '' || a === null) return data;
  const props = String(a).split('.');
  let cur: unknown = data;
  for (const prop of props) {
    if (cur === null || cur === undefined) return notFound;
    cur = (cur as Record<string, unknown>)[prop];
    if (cur === undefined) return notFound;
  }
  return cur;
}

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

/** `missing`: keys whose value is null or "" (one array argument is taken as the key list). */
export function missingOp(data: unknown, args: unknown[], dyn: DynamicApply): unknown[] {
  const keys = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const out: unknown[] = [];
  for (const key of keys) {
    // The reference evaluates `{"var": key}`, which re-applies a non-primitive key as logic.
    const value = isPrimitive(key) ? varLookup(data, key, undefined) : dyn({ var: key }, data);
    if (value === null || value === '') out.push(key);
  }
  return out;
}

/** `missing_some`: [] when at least `need` of `options` are present, else the missing ones. */
export function missingSomeOp(data: unknown, need: unknown, options: unknown, dyn: DynamicApply): unknown {
  const fast = Array.isArray(options) && options.every(isPrimitive);
  const areMissing = (fast ? missingOp(data, options, dyn) : dyn({ missing: options }, data)) as unknown[];
  // `options.length` throws on null exactly like the reference does.
  const total = (options as { length: number }).length;
  return total - areMissing.length >= (need as number) ? [] : areMissing;
}

/** `in`: substring or array membership (strict equality via indexOf). */
export function inOp(a: unknown, b: unknown): boolean {
  if (!b || typeof (b as { indexOf?: unknown }).indexOf === 'undefined') return false;
  return (b as { indexOf: (x: unknown) => number }).indexOf(a) !== -1;
}

/** `cat`: join with "" (null/undefined become ""). */
export function catOp(...args: unknown[]): string {
  return args.join('');
}

/** `substr` with PHP-style negative length. */
export function substrOp(source: unknown, start: unknown, end: unknown): string {
  const s = start as number;
  const e = end as number;
  if (e < 0) {
    const temp = String(source).substr(s);
    return temp.substr(0, temp.length + e);
  }
  return String(source).substr(s, e);
}

/** `merge`: flattens one level. */
export function mergeOp(...args: unknown[]): unknown[] {
  return args.reduce<unknown[]>((a, b) => a.concat(b), []);
}

/** Binary `-`, unary when `b` is undefined. */
export function subOp(a: unknown, b: unknown): number {
  return b === undefined ? -(a as number) : (a as number) - (b as number);
}

/** `<` with optional third argument (between, exclusive). */
export function ltOp(a: unknown, b: unknown, c: unknown): boolean {
  const x = a as number;
  const y = b as number;
  return c === undefined ? x < y : x < y && y < (c as number);
}

/** `<=` with optional third argument (between, inclusive). */
export function leOp(a: unknown, b: unknown, c: unknown): boolean {
  const x = a as number;
  const y = b as number;
  return c === undefined ? x <= y : x <= y && y <= (c as number);
}

/** parseFloat of the reference's `+`/`*`, typed loosely on purpose. */
export function pf(v: unknown): number {
  return Number.parseFloat(v as string);
}

/** `*` over evaluated arguments, exactly the reference's reduce without an initial value. */
export function mulOp(...args: unknown[]): unknown {
  return args.reduce((a, b) => pf(a) * pf(b));
}

/** `+` over evaluated arguments. */
export function addOp(...args: unknown[]): number {
  return args.reduce<number>((a, b) => pf(a) + pf(b), 0);
}

export function mapOp(arr: unknown, fn: Scoped): unknown[] {
  return Array.isArray(arr) ? arr.map((x) => fn(x)) : [];
}

export function filterOp(arr: unknown, fn: Scoped): unknown[] {
  return Array.isArray(arr) ? arr.filter((x) => truthy(fn(x))) : [];
}

export function reduceOp(arr: unknown, fn: Scoped, initial: unknown): unknown {
  if (!Array.isArray(arr)) return initial;
  return arr.reduce((accumulator, current) => fn({ current, accumulator }), initial);
}

export function allOp(arr: unknown, fn: Scoped): boolean {
  if (!Array.isArray(arr) || !arr.length) return false;
  for (const x of arr) if (!truthy(fn(x))) return false;
  return true;
}

export function noneOp(arr: unknown, fn: Scoped): boolean {
  if (!Array.isArray(arr) || !arr.length) return true;
  for (const x of arr) if (truthy(fn(x))) return false;
  return true;
}

export function someOp(arr: unknown, fn: Scoped): boolean {
  if (!Array.isArray(arr) || !arr.length) return false;
  for (const x of arr) if (truthy(fn(x))) return true;
  return false;
}

export function logOp(a: unknown): unknown {
  console.log(a);
  return a;
}

/** Loose equality, the reference's `==`. */
export function looseEq(a: unknown, b: unknown): boolean {
  // biome-ignore lint/suspicious/noDoubleEquals: json-logic-js `==` is JS loose equality by definition.
  return a == b;
}

/** Loose inequality, the reference's `!=`. */
export function looseNe(a: unknown, b: unknown): boolean {
  // biome-ignore lint/suspicious/noDoubleEquals: json-logic-js `!=` is JS loose inequality by definition.
  return a != b;
}
