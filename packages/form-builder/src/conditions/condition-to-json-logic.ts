import type { JsonLogic } from '@lattice/engine';
import { assertNever } from '@lattice/engine';
import type { ConditionGroup, ConditionNode, ConditionRow, ConditionValue } from './condition-model';

/**
 * Turns a condition tree into JsonLogic. A group becomes `{and: […]}` / `{or: […]}` (even with one
 * child, so the shape round-trips); an empty top-level group means "no condition" and yields undefined.
 *
 * @example
 * conditionToJsonLogic({ kind: 'group', join: 'and', children: [
 *   { kind: 'row', field: 'tier', operator: 'eq', value: 'A' } ] })
 * // → { and: [ { '==': [ { var: 'tier' }, 'A' ] } ] }
 */
export function conditionToJsonLogic(group: ConditionGroup): JsonLogic | undefined {
  return group.children.length === 0 ? undefined : nodeToLogic(group);
}

function nodeToLogic(node: ConditionNode): JsonLogic {
  if (node.kind === 'group') return { [node.join]: node.children.map(nodeToLogic) };
  return rowToLogic(node);
}

function rowToLogic(row: ConditionRow): JsonLogic {
  const v: JsonLogic = { var: row.field };
  const value = toLogicValue(row.value);
  switch (row.operator) {
    case 'eq':
      return { '==': [v, value] };
    case 'ne':
      return { '!=': [v, value] };
    case 'gt':
      return { '>': [v, value] };
    case 'gte':
      return { '>=': [v, value] };
    case 'lt':
      return { '<': [v, value] };
    case 'lte':
      return { '<=': [v, value] };
    case 'in':
      return { in: [v, listValue(row.value)] };
    case 'not_in':
      return { '!': { in: [v, listValue(row.value)] } };
    case 'contains':
      return { in: [value, v] };
    case 'is_empty':
      return { '!': v };
    case 'not_empty':
      return { '!!': v };
    case 'is_true':
      return { '===': [v, true] };
    case 'is_false':
      return { '!==': [v, true] };
    default:
      return assertNever(row.operator, 'condition operator');
  }
}

function toLogicValue(value: ConditionValue | undefined): JsonLogic {
  if (value === undefined) return null;
  return Array.isArray(value) ? [...value] : value;
}

function listValue(value: ConditionValue | undefined): JsonLogic {
  if (Array.isArray(value)) return [...value];
  return value === undefined || value === null || value === '' ? [] : [String(value)];
}
