import type { ErrorDetail } from '../../errors';
import { type CompiledLogic, compileJsonLogic } from '../../expr/compile-json-logic';
import { truthy } from '../../expr/standard-helpers';
import type { EntityDoc } from '../../model/entity';
import type { FormulaField } from '../../model/field';
import type { JsonLogic } from '../../model/json-logic';

/**
 * Compiles and caches the JsonLogic of formulas and validations. Keyed by the expression object, which
 * lives in the cached live definition, so each expression compiles once per published version.
 */
export function createRecordLogic() {
  const cache = new WeakMap<object, CompiledLogic>();
  let now: () => Date = () => new Date();
  const compiled = (expr: JsonLogic): CompiledLogic => {
    if (expr === null || typeof expr !== 'object') return () => expr;
    let fn = cache.get(expr);
    if (!fn) {
      fn = compileJsonLogic(expr, { now: () => now() });
      cache.set(expr, fn);
    }
    return fn;
  };
  return {
    /** Sets the clock the next evaluation reads (`today`, `days_since`). */
    useClock(clock: () => Date) {
      now = clock;
    },
    /** Fills formula fields of `record` (field names) in place; formulas may use earlier formulas. */
    computeFormulas(entity: EntityDoc, record: Record<string, unknown>): void {
      const formulas = entity.fields.filter((f): f is FormulaField => f.type === 'formula');
      for (let pass = 0; pass < 2; pass++) {
        for (const f of formulas) record[f.name] = formulaValue(f, compiled(f.expression)(record));
      }
    },
    /** Errors of every field validation whose rule is falsy for the merged record. */
    validate(entity: EntityDoc, record: Record<string, unknown>): ErrorDetail[] {
      const out: ErrorDetail[] = [];
      for (const f of entity.fields) {
        for (const v of f.validations ?? []) {
          if (!truthy(compiled(v.rule)(record)))
            out.push({ path: f.name, message: v.message, reason: 'validation' });
        }
      }
      return out;
    },
  };
}

function formulaValue(f: FormulaField, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (f.resultType) {
    case 'number': {
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'text':
      return String(v);
    case 'boolean':
      return truthy(v);
    case 'date': {
      const d = v instanceof Date ? v : new Date(String(v));
      return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
    }
  }
}
