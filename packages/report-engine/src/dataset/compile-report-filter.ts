import type { ErrorDetail, I18nText, JsonLogic } from '@lattice/engine';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ValueKind } from './field-kind';
import { isRelativeDateOperator, relativeDateValue } from './relative-date';
import type { ResolvedColumn, ResolveResult } from './resolve-field-path';

/** Operators of the query subset of JsonLogic (see the storage conventions). */
export const FILTER_OPERATORS = [
  'and',
  'or',
  '!',
  '==',
  '===',
  '!=',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'contains',
  'starts_with',
  'between',
  'is_empty',
] as const;

/** What a filter needs from its surroundings: how to resolve `{"var": name}` and the current time. */
export interface FilterContext {
  resolve: (name: string) => ResolveResult;
  now: Date;
  /** Problems are appended here (all of them, keyed by path) instead of thrown. */
  errors: ErrorDetail[];
}

type Operand =
  | { type: 'column'; column: ResolvedColumn }
  | { type: 'value'; value: JsonLogic; path: string }
  | { type: 'bad' };

const FALSE = sql<SqlBool>`false`;

/**
 * Compiles the JsonLogic query subset to a SQL boolean. Column references come only from `ctx.resolve`
 * (metadata), every literal is a bound parameter. Errors are collected in `ctx.errors` with the path of the
 * bad node (`filter.and.1.==.0`); the returned SQL is meaningless when any were added.
 *
 * This is the report engine's local version of the engine's `compileFilter`: it also resolves dotted
 * reference paths (`customer.region`) into LEFT JOINs, which the records list does not need.
 */
export function compileReportFilter(expr: JsonLogic, path: string, ctx: FilterContext): RawBuilder<SqlBool> {
  if (expr === true) return sql<SqlBool>`true`;
  if (expr === false) return FALSE;
  if (expr === null || typeof expr !== 'object' || Array.isArray(expr)) {
    return bad(ctx, path, '条件必须是一个运算对象', 'a condition must be an operator object');
  }
  const ops = Object.keys(expr);
  if (ops.length !== 1) {
    return bad(ctx, path, '条件对象只能有一个运算符', 'a condition object must have exactly one operator');
  }
  const op = ops[0]!;
  const raw = expr[op] as JsonLogic;
  const args = Array.isArray(raw) ? raw : [raw];
  const at = `${path}.${op}`;
  switch (op) {
    case 'and':
    case 'or': {
      if (args.length === 0) return op === 'and' ? sql<SqlBool>`true` : FALSE;
      const parts = args.map((a, i) => compileReportFilter(a, `${at}.${i}`, ctx));
      return sql<SqlBool>`(${sql.join(parts, op === 'and' ? sql` and ` : sql` or `)})`;
    }
    case '!':
      return sql<SqlBool>`not (${compileReportFilter(args[0] ?? null, `${at}.0`, ctx)})`;
    case '==':
    case '===':
    case '!=':
    case '!==':
      return compileEquality(op === '==' || op === '===', args, at, ctx);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compileComparison(op, args, at, ctx);
    case 'between': {
      const [x, lo, hi] = operands(args, at, ctx, 3);
      return sql<SqlBool>`${x} between ${lo} and ${hi}`;
    }
    case 'in':
      return compileIn(args, at, ctx);
    case 'contains':
    case 'starts_with':
      return compileLike(op, args, at, ctx);
    case 'is_empty':
      return compileIsEmpty(args, at, ctx);
    default:
      return bad(ctx, path, `不支持的运算符 "${op}"`, `unsupported operator "${op}"`);
  }
}

function compileEquality(
  eq: boolean,
  args: JsonLogic[],
  at: string,
  ctx: FilterContext,
): RawBuilder<SqlBool> {
  const parsed = [
    parseOperand(args[0] ?? null, `${at}.0`, ctx),
    parseOperand(args[1] ?? null, `${at}.1`, ctx),
  ];
  const nullIndex = parsed.findIndex((p) => p.type === 'value' && p.value === null);
  if (nullIndex >= 0) {
    const other = toSql(parsed[1 - nullIndex]!, kindOf(parsed), ctx);
    return eq ? sql<SqlBool>`${other} is null` : sql<SqlBool>`${other} is not null`;
  }
  const [a, b] = parsed.map((p) => toSql(p, kindOf(parsed), ctx)) as [
    RawBuilder<unknown>,
    RawBuilder<unknown>,
  ];
  // `!=` keeps JsonLogic's meaning for empty cells: a null customer region is "not 华东".
  return eq ? sql<SqlBool>`${a} = ${b}` : sql<SqlBool>`${a} is distinct from ${b}`;
}

function compileComparison(op: '<' | '<=' | '>' | '>=', args: JsonLogic[], at: string, ctx: FilterContext) {
  const sqlOp = sql.raw(op);
  if (args.length === 3 && (op === '<' || op === '<=')) {
    const [lo, x, hi] = operands(args, at, ctx, 3);
    return sql<SqlBool>`(${lo} ${sqlOp} ${x} and ${x} ${sqlOp} ${hi})`;
  }
  const [a, b] = operands(args, at, ctx, 2);
  return sql<SqlBool>`${a} ${sqlOp} ${b}`;
}

function compileIn(args: JsonLogic[], at: string, ctx: FilterContext): RawBuilder<SqlBool> {
  const needle = parseOperand(args[0] ?? null, `${at}.0`, ctx);
  const hay = args[1];
  if (Array.isArray(hay)) {
    if (hay.length === 0) return FALSE;
    const kind = needle.type === 'column' ? needle.column.kind : undefined;
    const values = hay.map((v, i) => toSql({ type: 'value', value: v, path: `${at}.1.${i}` }, kind, ctx));
    return sql<SqlBool>`${toSql(needle, undefined, ctx)} in (${sql.join(values)})`;
  }
  const haystack = parseOperand(hay ?? null, `${at}.1`, ctx);
  if (haystack.type === 'column' && haystack.column.kind === 'array') {
    return sql<SqlBool>`${toSql(needle, 'string', ctx, true)} = any(${haystack.column.ref})`;
  }
  return sql<SqlBool>`strpos(${toSql(haystack, 'string', ctx, true)}, ${toSql(needle, 'string', ctx, true)}) > 0`;
}

function compileLike(op: 'contains' | 'starts_with', args: JsonLogic[], at: string, ctx: FilterContext) {
  const subject = parseOperand(args[0] ?? null, `${at}.0`, ctx);
  const value = args[1];
  if (typeof value !== 'string') {
    return bad(ctx, `${at}.1`, '应为文本', `expected a string, got ${JSON.stringify(value ?? null)}`);
  }
  if (subject.type === 'column' && subject.column.kind === 'array') {
    return sql<SqlBool>`${value} = any(${subject.column.ref})`;
  }
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = op === 'contains' ? `%${escaped}%` : `${escaped}%`;
  return sql<SqlBool>`${toSql(subject, 'string', ctx, true)} like ${pattern}`;
}

function compileIsEmpty(args: JsonLogic[], at: string, ctx: FilterContext): RawBuilder<SqlBool> {
  const subject = parseOperand(args[0] ?? null, `${at}.0`, ctx, { allowSensitive: true });
  if (subject.type !== 'column') return bad(ctx, `${at}.0`, '应为字段引用', 'expected {"var": field}');
  const ref = subject.column.ref;
  if (subject.column.uuid) return sql<SqlBool>`${ref} is null`;
  switch (subject.column.kind) {
    case 'string':
      return sql<SqlBool>`(${ref} is null or ${ref} = '')`;
    case 'array':
      return sql<SqlBool>`(${ref} is null or cardinality(${ref}) = 0)`;
    default:
      return sql<SqlBool>`${ref} is null`;
  }
}

function operands(args: JsonLogic[], at: string, ctx: FilterContext, n: number): RawBuilder<unknown>[] {
  if (args.length !== n) {
    bad(ctx, at, `需要 ${n} 个参数`, `expected ${n} arguments, got ${args.length}`);
  }
  const parsed = Array.from({ length: n }, (_, i) => parseOperand(args[i] ?? null, `${at}.${i}`, ctx));
  const kind = kindOf(parsed);
  return parsed.map((p) => toSql(p, kind, ctx));
}

function parseOperand(
  arg: JsonLogic,
  path: string,
  ctx: FilterContext,
  opts: { allowSensitive?: boolean } = {},
): Operand {
  if (arg !== null && typeof arg === 'object' && !Array.isArray(arg) && 'var' in arg) {
    const v = arg.var;
    const name = Array.isArray(v) ? v[0] : v;
    if (typeof name !== 'string' || name === '') {
      bad(ctx, path, '字段引用无效', 'a {"var": …} must name a field');
      return { type: 'bad' };
    }
    const resolved = ctx.resolve(name);
    if (!resolved.ok) {
      ctx.errors.push({ path, message: resolved.message, reason: 'LATTICE_ERR_UNKNOWN_FIELD' });
      return { type: 'bad' };
    }
    if (resolved.column.sensitive && !opts.allowSensitive) {
      bad(
        ctx,
        path,
        `加密字段 "${name}" 不能用于报表筛选`,
        `encrypted field "${name}" cannot be filtered in reports`,
      );
      return { type: 'bad' };
    }
    return { type: 'column', column: resolved.column };
  }
  return { type: 'value', value: arg, path };
}

function kindOf(parsed: Operand[]): ValueKind | undefined {
  for (const p of parsed) if (p.type === 'column') return p.column.kind;
  return undefined;
}

function toSql(
  operand: Operand,
  kind: ValueKind | undefined,
  ctx: FilterContext,
  asText = false,
): RawBuilder<unknown> {
  switch (operand.type) {
    case 'column':
      // Text operators (LIKE, strpos) need text; uuid columns do not cast implicitly.
      return asText && operand.column.uuid ? sql`${operand.column.ref}::text` : operand.column.ref;
    case 'bad':
      return sql`null`;
    case 'value':
      return literal(operand.value, operand.path, kind, ctx);
  }
}

function literal(value: JsonLogic, path: string, kind: ValueKind | undefined, ctx: FilterContext) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const op = Object.keys(value)[0] ?? '';
    const amount = value[op];
    if (isRelativeDateOperator(op) && typeof amount === 'number' && Number.isFinite(amount)) {
      return sql`${relativeDateValue(op, amount, ctx.now, kind ?? 'datetime')}`;
    }
    bad(ctx, path, `不支持的取值 "${op}"`, `unsupported value operator "${op}"`);
    return sql`null`;
  }
  const problem = literalProblem(value, kind);
  if (problem) {
    bad(ctx, path, problem.zh, problem.en);
    return sql`null`;
  }
  return sql`${value}`;
}

function literalProblem(value: JsonLogic, kind: ValueKind | undefined): I18nText | null {
  if (Array.isArray(value)) return { zh: '此处不能是数组', en: 'an array is not allowed here' };
  if (value === null || kind === undefined) return null;
  const got = JSON.stringify(value);
  switch (kind) {
    case 'number':
      return typeof value === 'number' ? null : { zh: '应为数字', en: `expected a number, got ${got}` };
    case 'boolean':
      return typeof value === 'boolean' ? null : { zh: '应为是/否', en: `expected a boolean, got ${got}` };
    case 'date':
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? null
        : { zh: '应为日期', en: `expected a date, got ${got}` };
    case 'string':
    case 'array':
      return typeof value === 'string' ? null : { zh: '应为文本', en: `expected a string, got ${got}` };
    case 'opaque':
      return { zh: '此字段不能比较', en: 'this field cannot be compared' };
  }
}

function bad(ctx: FilterContext, path: string, zh: string, en: string): RawBuilder<SqlBool> {
  ctx.errors.push({ path, message: { zh, en }, reason: 'LATTICE_ERR_VALIDATION' });
  return FALSE;
}
