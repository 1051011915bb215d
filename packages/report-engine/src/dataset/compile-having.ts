import type { ErrorDetail, JsonLogic } from '@lattice/engine';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/** Comparisons a `having` condition may use (JsonLogic spelling → SQL). */
const COMPARISONS: Readonly<Record<string, string>> = {
  '==': '=',
  '!=': 'is distinct from',
  '>': '>',
  '>=': '>=',
  '<': '<',
  '<=': '<=',
};

/**
 * Compiles a dataset's `having` (JsonLogic over MEASURE aliases, e.g. `{">": [{"var": "customers"}, 1]}`)
 * to a SQL HAVING condition. Measures are inlined (`count(*) > $1`): PostgreSQL cannot name SELECT aliases
 * in HAVING. Operands are measure vars or numbers (bound parameters); `and`, `or` and `!` combine. Dimension
 * values are filtered by the dataset's `filter` (WHERE), not here.
 */
export function compileHaving(
  expr: JsonLogic,
  path: string,
  measureSql: (alias: string) => RawBuilder<unknown> | null,
  errors: ErrorDetail[],
): RawBuilder<SqlBool> {
  if (expr === null || typeof expr !== 'object' || Array.isArray(expr)) {
    return fail(errors, path, '分组条件应为比较或 and/or/!', 'expected a comparison or and/or/!');
  }
  const op = Object.keys(expr)[0] ?? '';
  const raw = expr[op] as JsonLogic;
  const args = Array.isArray(raw) ? raw : [raw];
  if ((op === 'and' || op === 'or') && args.length > 0) {
    const parts = args.map((a, i) => compileHaving(a, `${path}.${op}.${i}`, measureSql, errors));
    return sql<SqlBool>`(${sql.join(parts, sql.raw(` ${op} `))})`;
  }
  if (op === '!' && args.length === 1) {
    return sql<SqlBool>`(not ${compileHaving(args[0]!, `${path}.!.0`, measureSql, errors)})`;
  }
  const cmp = COMPARISONS[op];
  if (cmp && args.length === 2) {
    const [left, right] = args.map((a, i) => operand(a, `${path}.${op}.${i}`, measureSql, errors));
    return sql<SqlBool>`(${left!} ${sql.raw(cmp)} ${right!})`;
  }
  return fail(
    errors,
    path,
    `分组条件不支持运算符 "${op}"`,
    `having operator "${op}" is not supported (use == != > >= < <= and or !)`,
  );
}

function operand(
  arg: JsonLogic,
  path: string,
  measureSql: (alias: string) => RawBuilder<unknown> | null,
  errors: ErrorDetail[],
): RawBuilder<unknown> {
  if (typeof arg === 'number' && Number.isFinite(arg)) return sql`${arg}::numeric`;
  if (arg !== null && typeof arg === 'object' && !Array.isArray(arg) && 'var' in arg) {
    const name = Array.isArray(arg.var) ? arg.var[0] : arg.var;
    const found = typeof name === 'string' ? measureSql(name) : null;
    if (found) return sql`(${found})`;
    return fail(
      errors,
      path,
      `分组条件引用了不存在的指标 ${JSON.stringify(name)}`,
      `having references unknown measure ${JSON.stringify(name)}`,
    );
  }
  return fail(
    errors,
    path,
    '操作数应为 {"var": 指标} 或数字',
    'operand must be {"var": measure} or a number',
  );
}

function fail(errors: ErrorDetail[], path: string, zh: string, en: string): RawBuilder<SqlBool> {
  errors.push({ path, message: { zh, en }, reason: 'LATTICE_ERR_VALIDATION' });
  return sql<SqlBool>`false`;
}
