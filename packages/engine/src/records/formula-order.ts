import type { EntityDoc } from '../model/entity';
import type { FormulaField } from '../model/field';
import { logicVars } from './evaluate-logic';
import { perDocument } from './per-document';

export interface FormulaOrder {
  /** Formulas in an order where each comes after the formulas it reads. */
  order: FormulaField[];
  /** Names of formulas caught in a dependency cycle (left out of `order`). */
  cyclic: string[];
}

/**
 * Orders an entity's formula fields so each is evaluated after the formulas it reads (Kahn's algorithm,
 * declaration order among independent ones, so results are deterministic).
 */
export const formulaOrder: (entity: EntityDoc) => FormulaOrder = perDocument(orderFormulas);

function orderFormulas(entity: EntityDoc): FormulaOrder {
  const formulas = entity.fields.filter((f): f is FormulaField => f.type === 'formula');
  const names = new Set(formulas.map((f) => f.name));
  const deps = new Map(
    formulas.map((f) => [f.name, [...logicVars(f.expression)].filter((v) => names.has(v) && v !== f.name)]),
  );
  const selfLoops = formulas.filter((f) => logicVars(f.expression).has(f.name)).map((f) => f.name);
  const done = new Set<string>();
  const order: FormulaField[] = [];
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const f of formulas) {
      if (done.has(f.name) || selfLoops.includes(f.name)) continue;
      if ((deps.get(f.name) ?? []).every((d) => done.has(d))) {
        done.add(f.name);
        order.push(f);
        progressed = true;
      }
    }
  }
  const cyclic = formulas.filter((f) => !done.has(f.name)).map((f) => f.name);
  return { order, cyclic };
}
