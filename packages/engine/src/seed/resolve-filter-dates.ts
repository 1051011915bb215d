import type { EntityDoc } from '../model/entity';
import type { JsonLogic } from '../model/json-logic';
import { RELATIVE_DATE_UNITS, type RelativeDateUnit, resolveRelativeDate } from '../query/relative-date';
import { type ColumnType, columnTypeFor } from '../records/column-type-for';

/**
 * A query filter over `entity` made evaluable in memory: every `{"days_ago": n}` / `{"months_ago": n}`
 * becomes the literal the SQL compiler would bind for the field it is compared with (`'YYYY-MM-DD'` in
 * China time for date fields, a UTC ISO instant otherwise), so JsonLogic's string comparison of seed
 * values agrees with the database's date comparison.
 *
 * @example
 * resolveFilterDates({ '>=': [{ var: 'order_date' }, { days_ago: 183 }] }, order, now)
 * // → { '>=': [{ var: 'order_date' }, '2024-12-29'] }
 */
export function resolveFilterDates(filter: JsonLogic, entity: EntityDoc | undefined, now: Date): JsonLogic {
  const walk = (node: JsonLogic, columnOfSibling: ColumnType | null): JsonLogic => {
    if (Array.isArray(node)) {
      const column = columnOfSibling ?? comparedColumn(node, entity);
      return node.map((n) => walk(n, column));
    }
    if (node === null || typeof node !== 'object') return node;
    const relative = relativeDate(node);
    if (relative)
      return resolveRelativeDate(relative.unit, relative.n, now, columnOfSibling ?? 'timestamptz');
    const out: Record<string, JsonLogic> = {};
    for (const [op, args] of Object.entries(node)) out[op] = walk(args as JsonLogic, null);
    return out as JsonLogic;
  };
  return walk(filter, null);
}

/** The column type of the field a comparison's `var` operand names, when the operands hold one. */
function comparedColumn(args: JsonLogic[], entity: EntityDoc | undefined): ColumnType | null {
  for (const a of args) {
    if (a === null || typeof a !== 'object' || Array.isArray(a) || !('var' in a)) continue;
    const name = Array.isArray(a.var) ? a.var[0] : a.var;
    const field = entity?.fields.find((f) => f.name === name);
    const type = field ? columnTypeFor(field) : null;
    if (type) return type;
  }
  return null;
}

function relativeDate(node: object): { unit: RelativeDateUnit; n: number } | null {
  const keys = Object.keys(node);
  if (keys.length !== 1) return null;
  const unit = RELATIVE_DATE_UNITS.find((u) => u === keys[0]);
  const n = unit ? (node as Record<string, unknown>)[unit] : undefined;
  return unit && typeof n === 'number' ? { unit, n } : null;
}
