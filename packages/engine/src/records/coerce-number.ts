import { accept, expected, type FieldValueResult, reject } from './field-value-result';

export interface NumberRules {
  min?: number;
  max?: number;
  /** Maximum digits after the decimal point. */
  precision?: number;
  integer?: boolean;
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Accepts a finite number or numeric text (spaces and thousands separators such as `1,234.5` allowed,
 * since values arrive pasted from spreadsheets) and checks min/max/precision/integer.
 */
export function coerceNumber(raw: unknown, rules: NumberRules): FieldValueResult {
  const n = toNumber(raw);
  if (n === null)
    return expected(rules.integer ? 'an integer' : 'a number', rules.integer ? '整数' : '数字', raw);
  if (rules.integer && !Number.isInteger(n)) return expected('an integer', '整数', raw);
  if (rules.min !== undefined && n < rules.min) {
    return reject(`must be at least ${rules.min}, got ${n}`, `不能小于 ${rules.min}，实际为 ${n}`);
  }
  if (rules.max !== undefined && n > rules.max) {
    return reject(`must be at most ${rules.max}, got ${n}`, `不能大于 ${rules.max}，实际为 ${n}`);
  }
  if (rules.precision !== undefined && decimals(n) > rules.precision) {
    return reject(
      `at most ${rules.precision} decimal places allowed, got ${n}`,
      `最多 ${rules.precision} 位小数，实际为 ${n}`,
    );
  }
  return accept(n);
}

function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  if (!NUMERIC_TEXT.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Digits after the point in the shortest round-trip form (`0.1 + 0.2` counts as 17, on purpose). */
function decimals(n: number): number {
  const s = String(n);
  const exp = /e-(\d+)$/i.exec(s);
  if (exp) {
    const mantissa = s.slice(0, exp.index);
    const frac = mantissa.split('.')[1]?.length ?? 0;
    return frac + Number(exp[1]);
  }
  return s.split('.')[1]?.length ?? 0;
}
