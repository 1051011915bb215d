import { isExtraOperator } from './json-logic-operators';

/** Static type of a generated expression; anything but `any` is known not to be an array. */
type Ty = 'bool' | 'num' | 'str' | 'any';

interface Gen {
  code: string;
  ty: Ty;
  /** Cannot throw or log, so the reference's eager evaluation of unused arguments may be skipped. */
  pure: boolean;
  /** A JSON-ish literal known at compile time (primitives only). */
  lit?: { value: unknown };
  /** An array literal whose items are all primitive literals. */
  list?: unknown[];
}

interface Unit {
  temps: string[];
}

interface Program {
  fns: string[];
  consts: unknown[];
  paths: Map<string, string>;
  extras: Set<string>;
  counter: number;
}

/** Generated JavaScript for one expression; run with `new Function('H', 'X', 'C', source)`. */
export interface GeneratedSource {
  source: string;
  consts: unknown[];
}

const NOT_ARRAY: readonly Ty[] = ['bool', 'num', 'str'];
/** Above this many items, `in` over a literal list uses indexOf instead of an inlined `===` chain. */
const INLINE_IN_LIMIT = 12;

/**
 * Turns a JsonLogic expression into the source of a JS function with every operator inlined where its
 * semantics allow it (comparisons, boolean logic, `var` on literal paths, `in` over literal lists), and
 * into calls to the reference-equivalent helpers elsewhere. Unknown operators must be rejected before.
 */
export function generateSource(expr: unknown): GeneratedSource {
  const program: Program = { fns: [], consts: [], paths: new Map(), extras: new Set(), counter: 0 };
  const unit: Unit = { temps: [] };
  const body = gen(expr, program, unit);
  const extras = [...program.extras].map((op) => `var x_${op} = X[${JSON.stringify(op)}];`);
  const source = [
    '"use strict";',
    HELPER_PRELUDE,
    ...extras,
    ...program.fns,
    `return function compiledLogic(d) {${declare(unit)} return ${body.code}; };`,
  ].join('\n');
  return { source, consts: program.consts };
}

const HELPER_PRELUDE = [
  'var tr = H.truthy, vl = H.varLookup, miss = H.missingOp, msome = H.missingSomeOp, inop = H.inOp;',
  'var cat = H.catOp, substr = H.substrOp, merge = H.mergeOp, sub = H.subOp, lt = H.ltOp, le = H.leOp;',
  'var pf = H.pf, mul = H.mulOp, add = H.addOp, mapop = H.mapOp, filterop = H.filterOp;',
  'var reduceop = H.reduceOp, allop = H.allOp, noneop = H.noneOp, someop = H.someOp, log = H.logOp, dyn = H.dyn;',
  'function nv(x) { return x === void 0 ? null : x; }',
].join('\n');

function declare(unit: Unit): string {
  return unit.temps.length > 0 ? ` var ${unit.temps.join(', ')};` : '';
}

function tmp(p: Program, u: Unit): string {
  const name = `t${p.counter++}`;
  u.temps.push(name);
  return name;
}

function literal(value: unknown): Gen {
  if (value === undefined) return { code: 'void 0', ty: 'any', pure: true, lit: { value } };
  if (value === null) return { code: 'null', ty: 'any', pure: true, lit: { value } };
  if (typeof value === 'boolean') return { code: String(value), ty: 'bool', pure: true, lit: { value } };
  if (typeof value === 'number') return { code: numberCode(value), ty: 'num', pure: true, lit: { value } };
  return { code: JSON.stringify(value), ty: 'str', pure: true, lit: { value } };
}

function numberCode(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (Object.is(n, -0)) return '(-0)';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '(-Infinity)';
  return n < 0 ? `(${n})` : String(n);
}

function truthyCode(g: Gen): string {
  if (g.ty === 'bool') return g.code;
  if (NOT_ARRAY.includes(g.ty)) return `!!${g.code}`;
  return `tr(${g.code})`;
}

function isLogic(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length === 1;
}

function gen(node: unknown, p: Program, u: Unit): Gen {
  if (Array.isArray(node)) {
    const items = node.map((n) => gen(n, p, u));
    const code = `[${items.map((i) => i.code).join(', ')}]`;
    const list = items.every((i) => i.lit) ? items.map((i) => i.lit!.value) : undefined;
    return { code, ty: 'any', pure: items.every((i) => i.pure), ...(list ? { list } : {}) };
  }
  if (typeof node === 'object' && node !== null) {
    if (!isLogic(node)) {
      // The reference returns non-logic objects unchanged (same reference).
      p.consts.push(node);
      return { code: `C[${p.consts.length - 1}]`, ty: 'any', pure: true };
    }
    const op = Object.keys(node)[0]!;
    const raw = node[op];
    const values = Array.isArray(raw) ? raw : [raw];
    return genOperator(op, values, p, u);
  }
  return literal(node);
}

function genOperator(op: string, values: unknown[], p: Program, u: Unit): Gen {
  switch (op) {
    case 'if':
    case '?:':
      return genIf(values, p, u);
    case 'and':
      return genAndOr(values, p, u, true);
    case 'or':
      return genAndOr(values, p, u, false);
    case 'var':
      return genVar(values, p, u);
    case 'map':
    case 'filter':
    case 'all':
    case 'none':
    case 'some':
      return genScoped(op, values, p, u);
    case 'reduce':
      return genReduce(values, p, u);
    default:
      return genEager(op, values, p, u);
  }
}

function genIf(values: unknown[], p: Program, u: Unit): Gen {
  const n = values.length;
  let i = 0;
  const pairs: [Gen, Gen][] = [];
  for (; i < n - 1; i += 2) pairs.push([gen(values[i], p, u), gen(values[i + 1], p, u)]);
  const last = n === i + 1 ? gen(values[i], p, u) : literal(null);
  const all = [...pairs.flat(), last];
  const code = pairs.reduceRight((acc, [c, v]) => `(${truthyCode(c)} ? ${v.code} : ${acc})`, last.code);
  const ty = sameType([...pairs.map(([, v]) => v), last]) ?? 'any';
  return { code, ty, pure: all.every((g) => g.pure) };
}

function sameType(gs: Gen[]): Ty | undefined {
  const first = gs[0]?.ty;
  return first !== undefined && gs.every((g) => g.ty === first) ? first : undefined;
}

/** `and` returns the first falsy operand or the last; `or` the first truthy or the last. */
function genAndOr(values: unknown[], p: Program, u: Unit, isAnd: boolean): Gen {
  if (values.length === 0) return literal(undefined);
  const gs = values.map((v) => gen(v, p, u));
  const pure = gs.every((g) => g.pure);
  const ty = sameType(gs) ?? 'any';
  const heads = gs.slice(0, -1);
  if (heads.every((g) => NOT_ARRAY.includes(g.ty))) {
    // JS && / || agree with JsonLogic when no tested operand can be an array.
    return { code: `(${gs.map((g) => g.code).join(isAnd ? ' && ' : ' || ')})`, ty, pure };
  }
  let code = gs[gs.length - 1]!.code;
  for (let k = gs.length - 2; k >= 0; k--) {
    const g = gs[k]!;
    if (NOT_ARRAY.includes(g.ty)) {
      code = `(${g.code} ${isAnd ? '&&' : '||'} ${code})`;
      continue;
    }
    const t = tmp(p, u);
    code = isAnd ? `(tr(${t} = ${g.code}) ? ${code} : ${t})` : `(tr(${t} = ${g.code}) ? ${t} : ${code})`;
  }
  return { code, ty, pure };
}

function genVar(values: unknown[], p: Program, u: Unit): Gen {
  const a = gen(values[0], p, u);
  const b = values.length > 1 ? gen(values[1], p, u) : undefined;
  const rest = values.slice(2).map((v) => gen(v, p, u));
  const pure = a.pure && (b?.pure ?? true) && rest.every((g) => g.pure);
  let code: string;
  if (a.lit) {
    const key = a.lit.value;
    const nf =
      b === undefined ? 'null' : b.lit ? (b.lit.value === undefined ? 'null' : b.code) : `nv(${b.code})`;
    if (key === undefined || key === '' || key === null) {
      code = b && !b.pure ? `(${b.code}, d)` : 'd';
    } else {
      code = `${pathFunction(String(key).split('.'), p)}(d, ${nf})`;
    }
  } else {
    code = `vl(d, ${a.code}, ${b ? b.code : 'void 0'})`;
  }
  const impureRest = rest.filter((g) => !g.pure);
  if (impureRest.length > 0) {
    const t = tmp(p, u);
    code = `(${t} = ${code}, ${impureRest.map((g) => g.code).join(', ')}, ${t})`;
  }
  return { code, ty: 'any', pure };
}

/** One hoisted accessor per literal path: the reference's walk, unrolled. */
function pathFunction(props: string[], p: Program): string {
  const key = JSON.stringify(props);
  const known = p.paths.get(key);
  if (known) return known;
  const name = `p${p.paths.size}`;
  p.paths.set(key, name);
  const steps = props.map(
    (prop) => `if (d == null) return n; d = d[${JSON.stringify(prop)}]; if (d === void 0) return n;`,
  );
  p.fns.push(`function ${name}(d, n) { ${steps.join(' ')} return d; }`);
  return name;
}

function scopedFunction(logic: unknown, p: Program): string {
  const inner: Unit = { temps: [] };
  const body = gen(logic, p, inner);
  const name = `s${p.counter++}`;
  p.fns.push(`function ${name}(d) {${declare(inner)} return ${body.code}; }`);
  return name;
}

function genScoped(op: string, values: unknown[], p: Program, u: Unit): Gen {
  const arr = gen(values[0], p, u);
  const fn = scopedFunction(values[1], p);
  const ty: Ty = op === 'map' || op === 'filter' ? 'any' : 'bool';
  return { code: `${op}op(${arr.code}, ${fn})`, ty, pure: false };
}

function genReduce(values: unknown[], p: Program, u: Unit): Gen {
  const arr = gen(values[0], p, u);
  const fn = scopedFunction(values[1], p);
  const initial = typeof values[2] !== 'undefined' ? gen(values[2], p, u).code : 'null';
  return { code: `reduceop(${arr.code}, ${fn}, ${initial})`, ty: 'any', pure: false };
}

/**
 * Operators whose arguments are all evaluated first. `used` arguments feed the operation; the reference
 * still evaluates the rest, so impure extras are kept (after the used ones, in order).
 */
function genEager(op: string, values: unknown[], p: Program, u: Unit): Gen {
  const gs = values.map((v) => gen(v, p, u));
  const used = usedArity(op, gs.length);
  const args = gs.slice(0, used);
  while (args.length < used) args.push(literal(undefined));
  const extras = gs.slice(used).filter((g) => !g.pure);
  let prefix = '';
  if (extras.length > 0) {
    const names = args.map((g) => {
      const t = tmp(p, u);
      prefix += `${t} = ${g.code}, `;
      return t;
    });
    prefix += extras.map((g) => `${g.code}, `).join('');
    args.forEach((g, k) => {
      args[k] = { code: names[k]!, ty: g.ty, pure: true };
    });
  }
  const out = applyEager(op, args, p, u);
  const pure = gs.every((g) => g.pure) && PURE_OPS.has(op);
  return { code: prefix ? `(${prefix}${out.code})` : out.code, ty: out.ty, pure };
}

const PURE_OPS = new Set([
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '!',
  '!!',
  '+',
  '-',
  '/',
  '%',
  'min',
  'max',
  'cat',
  'substr',
  'merge',
]);

function usedArity(op: string, n: number): number {
  switch (op) {
    case '==':
    case '===':
    case '!=':
    case '!==':
    case '>':
    case '>=':
    case '/':
    case '%':
    case 'in':
    case 'missing_some':
      return 2;
    case '<':
    case '<=':
      return n >= 3 ? 3 : 2;
    case '!':
    case '!!':
    case 'log':
      return 1;
    case '-':
      return n >= 2 ? 2 : 1;
    case 'substr':
      return 3;
    default:
      return n;
  }
}

function applyEager(op: string, a: Gen[], p: Program, u: Unit): Gen {
  const c = a.map((g) => g.code);
  const bool = (code: string): Gen => ({ code, ty: 'bool', pure: true });
  const num = (code: string): Gen => ({ code, ty: 'num', pure: true });
  const any = (code: string): Gen => ({ code, ty: 'any', pure: true });
  switch (op) {
    case '==':
    case '===':
    case '!=':
    case '!==':
    case '>':
    case '>=':
      return bool(`(${c[0]} ${op} ${c[1]})`);
    case '<':
    case '<=':
      return bool(genBetween(op, a, p, u));
    case '!':
      return bool(`!${truthyCode(a[0]!)}`);
    case '!!':
      return bool(a[0]!.ty === 'bool' ? a[0]!.code : `(${truthyCode(a[0]!)})`);
    case '%':
    case '/':
      return num(`(${c[0]} ${op} ${c[1]})`);
    case '-':
      if (a.length === 1) return num(`(-${c[0]})`);
      // `sub` turns an undefined right operand into unary minus, as json-logic-js does.
      return num(
        (a[1]!.lit && a[1]!.lit.value !== undefined) || NOT_ARRAY.includes(a[1]!.ty)
          ? `(${c[0]} - ${c[1]})`
          : `sub(${c[0]}, ${c[1]})`,
      );
    case '+':
      return num(`(0${a.map((g) => ` + ${g.ty === 'num' ? g.code : `pf(${g.code})`}`).join('')})`);
    case '*':
      return a.length === 1 ? a[0]! : any(`mul(${c.join(', ')})`);
    case 'min':
    case 'max':
      return num(`Math.${op}(${c.join(', ')})`);
    case 'in':
      return bool(genIn(a[0]!, a[1]!, p, u));
    case 'cat':
      return { code: `cat(${c.join(', ')})`, ty: 'str', pure: true };
    case 'substr':
      return { code: `substr(${c.join(', ')})`, ty: 'str', pure: true };
    case 'merge':
      return any(`merge(${c.join(', ')})`);
    case 'log':
      return any(`log(${c[0]})`);
    case 'missing':
      return any(`miss(d, [${c.join(', ')}], dyn)`);
    case 'missing_some':
      return any(`msome(d, ${c[0]}, ${c[1]}, dyn)`);
    default:
      if (!isExtraOperator(op)) throw new Error(`generateSource: unknown operator ${op}`);
      p.extras.add(op);
      return { code: `x_${op}(${c.join(', ')})`, ty: EXTRA_TYPES[op] ?? 'any', pure: false };
  }
}

const EXTRA_TYPES: Readonly<Record<string, Ty>> = {
  contains: 'bool',
  starts_with: 'bool',
  ends_with: 'bool',
  is_empty: 'bool',
  credit_code_valid: 'bool',
  length: 'num',
};

function genBetween(op: '<' | '<=', a: Gen[], p: Program, u: Unit): string {
  if (a.length === 2) return `(${a[0]!.code} ${op} ${a[1]!.code})`;
  const third = a[2]!;
  if (third.lit && third.lit.value !== undefined) {
    const t = tmp(p, u);
    if (a[0]!.pure) return `(${t} = ${a[1]!.code}, ${a[0]!.code} ${op} ${t} && ${t} ${op} ${third.code})`;
    const s = tmp(p, u);
    return `(${s} = ${a[0]!.code}, ${t} = ${a[1]!.code}, ${s} ${op} ${t} && ${t} ${op} ${third.code})`;
  }
  return `${op === '<' ? 'lt' : 'le'}(${a.map((g) => g.code).join(', ')})`;
}

function genIn(needle: Gen, hay: Gen, p: Program, u: Unit): string {
  const list = hay.list;
  if (list && list.length <= INLINE_IN_LIMIT) {
    if (list.length === 0) return needle.pure ? 'false' : `(${needle.code}, false)`;
    const t = tmp(p, u);
    return `(${t} = ${needle.code}, ${list.map((x) => `${t} === ${literal(x).code}`).join(' || ')})`;
  }
  if (list) {
    p.consts.push(list);
    return `(C[${p.consts.length - 1}].indexOf(${needle.code}) !== -1)`;
  }
  if (hay.lit && typeof hay.lit.value === 'string') {
    // A non-empty literal string: the reference's `indexOf` coerces the needle to a string.
    return hay.lit.value === '' ? `(${needle.code}, false)` : `(${hay.code}.indexOf(${needle.code}) !== -1)`;
  }
  return `inop(${needle.code}, ${hay.code})`;
}
