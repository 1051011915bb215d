import type { ErrorDetail } from '../errors';
import { isJsonLogicOperator, OPERATOR_ARITY } from './json-logic-operators';

/**
 * Checks a JsonLogic expression before publish: every object must have exactly one key, every key must
 * be a known operator (standard or Lattice extra) and get an allowed number of arguments. Returns one
 * error per bad node, its path rooted at `path` (`condition.and.1.frobnicate`); `[]` means valid.
 *
 * @example
 * validateJsonLogic({ and: [true, { frobnicate: 1 }] }, 'condition');
 * // → [{ path: 'condition.and.1.frobnicate', reason: 'LATTICE_ERR_EXPRESSION', message: … }]
 */
export function validateJsonLogic(expr: unknown, path: string): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  walk(expr, path, errors);
  return errors;
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

function walk(node: unknown, path: string, errors: ErrorDetail[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      walk(item, join(path, i), errors);
    });
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    errors.push(
      detail(path, {
        zh: `表达式节点必须恰好有一个运算符，实际有 ${keys.length} 个键`,
        en: `An expression node needs exactly one operator key, got ${keys.length}`,
      }),
    );
    return;
  }
  const op = keys[0]!;
  const opPath = join(path, op);
  if (!isJsonLogicOperator(op)) {
    errors.push(detail(opPath, { zh: `未知运算符 "${op}"`, en: `Unknown operator "${op}"` }));
    return;
  }
  const raw = (node as Record<string, unknown>)[op];
  const count = Array.isArray(raw) ? raw.length : 1;
  const { min, max } = OPERATOR_ARITY[op];
  if (count < min || (max !== undefined && count > max)) {
    const expected = max === undefined ? `≥ ${min}` : min === max ? `${min}` : `${min}–${max}`;
    errors.push(
      detail(opPath, {
        zh: `运算符 "${op}" 需要 ${expected} 个参数，实际 ${count} 个`,
        en: `Operator "${op}" takes ${expected} argument(s), got ${count}`,
      }),
    );
  }
  if (Array.isArray(raw))
    raw.forEach((arg, i) => {
      walk(arg, join(opPath, i), errors);
    });
  else walk(raw, opPath, errors);
}

function detail(path: string, message: { zh: string; en: string }): ErrorDetail {
  return { path, message, reason: 'LATTICE_ERR_EXPRESSION' };
}
