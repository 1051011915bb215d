import { truthy } from '../expr/standard-helpers';
import { assertNever } from '../model/assert-never';
import type { EntityDoc } from '../model/entity';
import type { FormulaResultType } from '../model/field';
import { type EvaluateLogicOptions, evaluateLogic } from './evaluate-logic';
import { formulaOrder } from './formula-order';

/**
 * Evaluates the entity's formula fields over `record` (keyed by field names) in dependency order, each
 * formula seeing the results of those it reads. Returns ONLY the formula values, keyed by field name and
 * cast to the formula's `resultType` (numbers as finite numbers, dates as `YYYY-MM-DD`); a formula that
 * fails, yields nothing castable, or sits in a dependency cycle gives `null`.
 *
 * @example
 * computeFormulas(orderEntity, { qty: 3, price: 9.5 }); // → { amount: 28.5 }
 * // merge before writing: { ...values, ...computeFormulas(entity, { ...existing, ...values }) }
 */
export function computeFormulas(
  entity: EntityDoc,
  record: Record<string, unknown>,
  opts: EvaluateLogicOptions = {},
): Record<string, unknown> {
  const { order, cyclic } = formulaOrder(entity);
  const scope: Record<string, unknown> = { ...record };
  const out: Record<string, unknown> = {};
  for (const name of cyclic) {
    scope[name] = null;
    out[name] = null;
  }
  for (const f of order) {
    let value: unknown;
    try {
      value = castFormulaResult(evaluateLogic(f.expression, scope, opts), f.resultType);
    } catch {
      value = null;
    }
    scope[f.name] = value;
    out[f.name] = value;
  }
  return out;
}

/** Casts a raw JsonLogic result to what the formula's column stores. */
export function castFormulaResult(v: unknown, type: FormulaResultType): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
      return Number.isFinite(n) ? n : null;
    }
    case 'text':
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    case 'boolean':
      return truthy(v);
    case 'date': {
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
      const m = typeof v === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(v) : null;
      return m ? m[0] : null;
    }
    default:
      return assertNever(type);
  }
}
