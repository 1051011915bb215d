import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ErrorDetail, LatticeError } from '../errors';
import type { EntityDoc } from '../model/entity';
import { escapeLike } from './escape-like';
import { filterValue } from './filter-value';
import { type ColumnResolver, createColumnResolver, type ResolvedColumn } from './resolve-filter-column';

/** The JsonLogic operators a filter may use (the query subset of the storage conventions). */
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
  'between',
  'contains',
  'starts_with',
  'is_empty',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface CompileFilterOptions {
  /** Qualifies column references (`c.f_name`) when the query joins or aliases the entity table. */
  tableAlias?: string;
  /** "Now" for `{"days_ago": n}` / `{"months_ago": n}`; required when the filter uses them. */
  now?: Date;
  /** Minutes east of UTC for relative dates on date columns; 480 (China) by default. */
  utcOffsetMinutes?: number;
  /** Replaces the default name → column mapping (joins, rollups as subqueries). */
  resolveField?: ColumnResolver;
}

type Sql = RawBuilder<unknown>;

interface Ctx {
  resolve: ColumnResolver;
  now: Date | undefined;
  utcOffsetMinutes: number | undefined;
  errors: ErrorDetail[];
  /** validateFilter only checks shape; relative dates then need no clock. */
  checkOnly: boolean;
}

/**
 * Checks a filter without building SQL: every node must be a known operator over `{"var": "<field
 * name>"}` of a filterable field and plain values of the right kind. Returns one error per bad node
 * (path like `filter.and.1.==.0`); `[]` means valid.
 */
export function validateFilter(entity: EntityDoc, expr: unknown, path = 'filter'): ErrorDetail[] {
  const ctx: Ctx = {
    resolve: createColumnResolver(entity),
    now: undefined,
    utcOffsetMinutes: undefined,
    errors: [],
    checkOnly: true,
  };
  compileNode(expr, path, ctx);
  return ctx.errors;
}

/**
 * Compiles a JsonLogic filter (field NAMES in `var`) into a SQL predicate for kysely's `where`. Column
 * identifiers come only from entity metadata (via `resolveField`), every value is a bound parameter, so
 * nothing in `expr` can inject SQL. Throws `LATTICE_ERR_VALIDATION` listing every bad node.
 *
 * @example
 * db.selectFrom(`${schema}.${entity.name}`).selectAll()
 *   .where((eb) => compileFilter(entity, { and: [{ '==': [{ var: 'level' }, 'A'] }, { '>=': [{ var: 'signed_on' }, { days_ago: 30 }] }] }, eb, { now: clock.now() }));
 */
export function compileFilter<DB, TB extends keyof DB>(
  entity: EntityDoc,
  expr: unknown,
  _eb: ExpressionBuilder<DB, TB>,
  opts: CompileFilterOptions = {},
): Expression<SqlBool> {
  const ctx: Ctx = {
    resolve: opts.resolveField ?? createColumnResolver(entity, opts.tableAlias),
    now: opts.now,
    utcOffsetMinutes: opts.utcOffsetMinutes,
    errors: [],
    checkOnly: false,
  };
  const out = compileNode(expr, 'filter', ctx);
  if (ctx.errors.length > 0) throw new LatticeError('LATTICE_ERR_VALIDATION', ctx.errors);
  return out as RawBuilder<SqlBool>;
}

function fail(ctx: Ctx, path: string, en: string, zh: string): Sql {
  ctx.errors.push({ path, message: { en, zh }, reason: 'LATTICE_ERR_VALIDATION' });
  return sql`false`;
}

function isFilterOperator(op: string): op is FilterOperator {
  return (FILTER_OPERATORS as readonly string[]).includes(op);
}

function compileNode(expr: unknown, path: string, ctx: Ctx): Sql {
  if (expr === true) return sql`true`;
  if (expr === false) return sql`false`;
  if (typeof expr !== 'object' || expr === null || Array.isArray(expr)) {
    return fail(
      ctx,
      path,
      'expected a condition such as {"==": [{"var": "field"}, value]}',
      '应为条件，例如 {"==": [{"var": "字段"}, 值]}',
    );
  }
  const keys = Object.keys(expr);
  if (keys.length !== 1)
    return fail(ctx, path, 'a condition has exactly one operator', '每个条件只能有一个运算符');
  const op = keys[0]!;
  const p = `${path}.${op}`;
  if (!isFilterOperator(op)) {
    return fail(ctx, p, `unsupported filter operator "${op}"`, `不支持的筛选运算符 "${op}"`);
  }
  const raw = (expr as Record<string, unknown>)[op];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  return compileOperator(op, args, p, ctx);
}

function compileOperator(op: FilterOperator, args: unknown[], p: string, ctx: Ctx): Sql {
  switch (op) {
    case 'and':
    case 'or':
      return combine(op, args, p, ctx);
    case '!':
      // coalesce: SQL's NOT of an unknown (a comparison with NULL) is unknown, JsonLogic's `!` is true.
      return arity(args, 1, p, ctx)
        ? sql`not coalesce((${compileNode(args[0], `${p}.0`, ctx)}), false)`
        : sql`false`;
    case '==':
    case '===':
    case '!=':
    case '!==':
      return equality(op === '!=' || op === '!==', args, p, ctx);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return args.length === 3 && (op === '<' || op === '<=')
        ? chained(op, args, p, ctx)
        : compare(op, args, p, ctx);
    case 'between':
      return between(args, p, ctx);
    case 'in':
      return inList(args, p, ctx);
    case 'contains':
    case 'starts_with':
      return textMatch(op, args, p, ctx);
    case 'is_empty':
      return isEmpty(args, p, ctx);
    default:
      return op satisfies never;
  }
}

function arity(args: unknown[], n: number, p: string, ctx: Ctx): boolean {
  if (args.length === n) return true;
  fail(ctx, p, `expected ${n} argument(s), got ${args.length}`, `应有 ${n} 个参数，实际 ${args.length} 个`);
  return false;
}

function combine(op: 'and' | 'or', args: unknown[], p: string, ctx: Ctx): Sql {
  if (args.length === 0) return op === 'and' ? sql`true` : sql`false`;
  const parts = args.map((a, i) => sql`(${compileNode(a, `${p}.${i}`, ctx)})`);
  return sql`(${sql.join(parts, op === 'and' ? sql` and ` : sql` or `)})`;
}

function isVar(x: unknown): x is { var: unknown } {
  return (
    typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === 1 && 'var' in x
  );
}

function column(x: unknown, path: string, ctx: Ctx): ResolvedColumn | null {
  if (!isVar(x)) {
    fail(ctx, path, 'expected a field reference {"var": "<field name>"}', '应为字段引用 {"var": "字段名"}');
    return null;
  }
  const name = Array.isArray(x.var) ? x.var[0] : x.var;
  const col = typeof name === 'string' ? ctx.resolve(name) : null;
  if (!col) {
    fail(
      ctx,
      path,
      `unknown or unfilterable field ${JSON.stringify(name)}`,
      `字段 ${JSON.stringify(name)} 不存在或不可筛选`,
    );
  }
  return col;
}

function value(x: unknown, col: ResolvedColumn, path: string, ctx: Ctx): Sql {
  const r = filterValue(x, col.type, ctx);
  if (!r.ok) return fail(ctx, path, r.message.en, r.message.zh);
  return sql`${r.value}`;
}

/** Splits `[var, value]` or `[value, var]` into the column side and the value side (with paths). */
function sides(
  args: unknown[],
  p: string,
  ctx: Ctx,
): { col: ResolvedColumn; v: unknown; vPath: string; flipped: boolean } | null {
  if (!arity(args, 2, p, ctx)) return null;
  const flipped = !isVar(args[0]) && isVar(args[1]);
  const col = column(args[flipped ? 1 : 0], `${p}.${flipped ? 1 : 0}`, ctx);
  return col ? { col, v: args[flipped ? 0 : 1], vPath: `${p}.${flipped ? 0 : 1}`, flipped } : null;
}

function equality(negate: boolean, args: unknown[], p: string, ctx: Ctx): Sql {
  const s = sides(args, p, ctx);
  if (!s) return sql`false`;
  if (s.v === null) return negate ? sql`${s.col.ref} is not null` : sql`${s.col.ref} is null`;
  if (s.col.type === 'text[]' && !Array.isArray(s.v)) {
    const v = value(s.v, { ...s.col, type: 'text' }, s.vPath, ctx);
    return negate ? sql`not (${v} = any(coalesce(${s.col.ref}, '{}')))` : sql`${v} = any(${s.col.ref})`;
  }
  const v = value(s.v, s.col, s.vPath, ctx);
  // `is distinct from` so "status != 'won'" keeps rows whose status is empty, as JsonLogic would.
  return negate ? sql`${s.col.ref} is distinct from ${v}` : sql`${s.col.ref} = ${v}`;
}

const FLIP = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;

function compare(op: '<' | '<=' | '>' | '>=', args: unknown[], p: string, ctx: Ctx): Sql {
  const s = sides(args, p, ctx);
  if (!s) return sql`false`;
  const v = value(s.v, s.col, s.vPath, ctx);
  return sql`${s.col.ref} ${sql.raw(s.flipped ? FLIP[op] : op)} ${v}`;
}

/** JsonLogic's between form `{"<=": [a, {"var": "x"}, b]}`. */
function chained(op: '<' | '<=', args: unknown[], p: string, ctx: Ctx): Sql {
  const col = column(args[1], `${p}.1`, ctx);
  if (!col) return sql`false`;
  const lo = value(args[0], col, `${p}.0`, ctx);
  const hi = value(args[2], col, `${p}.2`, ctx);
  return sql`(${lo} ${sql.raw(op)} ${col.ref} and ${col.ref} ${sql.raw(op)} ${hi})`;
}

function between(args: unknown[], p: string, ctx: Ctx): Sql {
  if (!arity(args, 3, p, ctx)) return sql`false`;
  const col = column(args[0], `${p}.0`, ctx);
  if (!col) return sql`false`;
  return sql`${col.ref} between ${value(args[1], col, `${p}.1`, ctx)} and ${value(args[2], col, `${p}.2`, ctx)}`;
}

function inList(args: unknown[], p: string, ctx: Ctx): Sql {
  if (!arity(args, 2, p, ctx)) return sql`false`;
  if (!isVar(args[0]) && isVar(args[1])) return textMatch('contains', [args[1], args[0]], p, ctx, true);
  const col = column(args[0], `${p}.0`, ctx);
  if (!col) return sql`false`;
  const list = args[1];
  if (!Array.isArray(list)) return fail(ctx, `${p}.1`, 'expected a list of values', '应为值列表');
  if (list.length === 0) return sql`false`;
  const scalar: ResolvedColumn = col.type === 'text[]' ? { ...col, type: 'text' } : col;
  const nonNull = list.map((v, i) => ({ v, i })).filter((x) => x.v !== null);
  const params = nonNull.map((x) => value(x.v, scalar, `${p}.1.${x.i}`, ctx));
  const hasNull = nonNull.length < list.length;
  const member =
    params.length === 0
      ? sql`false`
      : col.type === 'text[]'
        ? sql`${col.ref} && array[${sql.join(params)}]::text[]`
        : sql`${col.ref} in (${sql.join(params)})`;
  return hasNull ? sql`(${member} or ${col.ref} is null)` : member;
}

/**
 * `contains` / `starts_with` on text are case-insensitive (ILIKE, wildcards escaped); on lists
 * (multiselect/tags) `contains` is membership. `in` with the field second (`{"in": ["华东", {"var":
 * "name"}]}`) is JsonLogic's substring test and compiles like `contains`.
 */
function textMatch(
  op: 'contains' | 'starts_with',
  args: unknown[],
  p: string,
  ctx: Ctx,
  swapped = false,
): Sql {
  if (!arity(args, 2, p, ctx)) return sql`false`;
  const colPath = `${p}.${swapped ? 1 : 0}`;
  const valuePath = `${p}.${swapped ? 0 : 1}`;
  const col = column(args[0], colPath, ctx);
  if (!col) return sql`false`;
  const needle = args[1];
  if (typeof needle !== 'string' && typeof needle !== 'number') {
    return fail(ctx, valuePath, 'expected a text value', '应为文本值');
  }
  if (col.type === 'text[]') {
    if (op === 'starts_with')
      return fail(ctx, colPath, 'starts_with needs a text field', 'starts_with 只适用于文本字段');
    return sql`${String(needle)} = any(${col.ref})`;
  }
  if (col.type !== 'text') {
    return fail(ctx, colPath, `${op} needs a text field`, `${op} 只适用于文本字段`);
  }
  const escaped = escapeLike(String(needle));
  return sql`${col.ref} ilike ${op === 'contains' ? `%${escaped}%` : `${escaped}%`}`;
}

function isEmpty(args: unknown[], p: string, ctx: Ctx): Sql {
  if (!arity(args, 1, p, ctx)) return sql`false`;
  const col = column(args[0], `${p}.0`, ctx);
  if (!col) return sql`false`;
  switch (col.type) {
    case 'text':
      return sql`(${col.ref} is null or ${col.ref} = '')`;
    case 'text[]':
      return sql`(${col.ref} is null or cardinality(${col.ref}) = 0)`;
    case 'jsonb':
      return sql`(${col.ref} is null or ${col.ref} in ('null'::jsonb, '[]'::jsonb, '""'::jsonb))`;
    default:
      return sql`${col.ref} is null`;
  }
}
