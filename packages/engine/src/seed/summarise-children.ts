import { truthy } from '../expr/standard-helpers';
import type { JsonLogic } from '../model/json-logic';
import type { LogicEvaluator } from './evaluate-logic';
import type { SeedRecord } from './seed-spec';

export type SeedAggregate = 'count' | 'sum' | 'min' | 'max' | 'avg';

/** Generated records of one entity grouped by the value of one reference field (built once, lazily). */
export type ChildIndex = Map<string, SeedRecord[]>;

export function indexChildren(records: readonly SeedRecord[], via: string): ChildIndex {
  const index: ChildIndex = new Map();
  for (const r of records) {
    const parent = r[via];
    if (typeof parent !== 'string') continue;
    const list = index.get(parent) ?? [];
    list.push(r);
    index.set(parent, list);
  }
  return index;
}

/**
 * SQL-like aggregate of `children` matching `where` (already free of relative dates): count → a number
 * (0 when none); sum/avg/min/max skip nulls and give null when nothing is left, as PostgreSQL does.
 */
export function summariseChildren(
  children: readonly SeedRecord[],
  aggregate: SeedAggregate,
  field: string | undefined,
  where: JsonLogic | undefined,
  evaluate: LogicEvaluator,
): unknown {
  const matches = where === undefined ? children : children.filter((c) => truthy(evaluate(where, c)));
  if (aggregate === 'count') return matches.length;
  const values = field ? matches.map((m) => m[field]).filter((v) => v !== null && v !== undefined) : [];
  if (values.length === 0) return null;
  switch (aggregate) {
    case 'sum':
      return roundSum(values.reduce<number>((a, v) => a + Number(v), 0));
    case 'avg':
      return values.reduce<number>((a, v) => a + Number(v), 0) / values.length;
    case 'min':
      return extreme(values, -1);
    case 'max':
      return extreme(values, 1);
  }
}

/** Smallest (`sign` −1) or largest (1) value; numbers and ISO date strings compare alike. */
function extreme(values: unknown[], sign: 1 | -1): unknown {
  let best = values[0];
  for (const v of values) if (compare(v, best) * sign > 0) best = v;
  return best;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Money sums are exact decimals in the database; drop the float noise of adding 2-decimal values. */
function roundSum(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
