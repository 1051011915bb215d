import type { ErrorDetail, JsonLogic } from '@lattice/engine';
import { type RawBuilder, sql } from 'kysely';

/** Arithmetic allowed in formula measures. */
export const FORMULA_OPERATORS = ['+', '-', '*', '/'] as const;

/**
 * Compiles a formula measure (`{"/": [{"var": "won"}, {"var": "total"}]}`) to SQL over the other measures'
 * aggregate expressions, inlined because PostgreSQL cannot reference SELECT aliases in the same SELECT.
 * Division goes through numeric and `nullif(…, 0)`: integer counts would otherwise truncate, and a zero
 * denominator yields null (an empty cell) rather than an error. `measureSql(alias)` returns null for an
 * unknown alias or a cycle; the error is recorded at the var's path.
 */
export function compileFormulaMeasure(
  expr: JsonLogic,
  path: string,
  measureSql: (alias: string) => RawBuilder<unknown> | null,
  errors: ErrorDetail[],
): RawBuilder<unknown> {
  if (typeof expr === 'number' && Number.isFinite(expr)) return sql`${sql.lit(expr)}::numeric`;
  if (expr !== null && typeof expr === 'object' && !Array.isArray(expr)) {
    const op = Object.keys(expr)[0] ?? '';
    const raw = expr[op] as JsonLogic;
    const args = Array.isArray(raw) ? raw : [raw];
    if (op === 'var') {
      const alias = args[0];
      const found = typeof alias === 'string' ? measureSql(alias) : null;
      if (!found) {
        errors.push({
          path,
          message: {
            zh: `公式引用了不存在的指标 ${JSON.stringify(alias)}`,
            en: `formula references unknown measure ${JSON.stringify(alias)}`,
          },
          reason: 'LATTICE_ERR_VALIDATION',
        });
        return sql`null`;
      }
      return sql`(${found})::numeric`;
    }
    if ((FORMULA_OPERATORS as readonly string[]).includes(op) && args.length > 0) {
      const parts = args.map((a, i) => compileFormulaMeasure(a, `${path}.${op}.${i}`, measureSql, errors));
      if (op === '-' && parts.length === 1) return sql`(-${parts[0]!})`;
      if (op === '/') {
        if (parts.length !== 2)
          return fail(errors, `${path}./`, '除法需要 2 个参数', 'division takes 2 arguments');
        return sql`(${parts[0]!} / nullif(${parts[1]!}, 0))`;
      }
      return sql`(${sql.join(parts, sql.raw(` ${op} `))})`;
    }
    return fail(errors, path, `公式不支持运算符 "${op}"`, `formula operator "${op}" is not supported`);
  }
  return fail(
    errors,
    path,
    '公式应为数字、{"var": 指标} 或 + - * /',
    'expected a number, {"var": measure} or + - * /',
  );
}

function fail(errors: ErrorDetail[], path: string, zh: string, en: string): RawBuilder<unknown> {
  errors.push({ path, message: { zh, en }, reason: 'LATTICE_ERR_VALIDATION' });
  return sql`null`;
}
