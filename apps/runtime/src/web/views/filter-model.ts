import type { EntityDoc, Field, JsonLogic } from '@lattice/engine';

/** Operators the filter builder offers. */
export type FilterOp = 'eq' | 'ne' | 'contains' | 'gt' | 'lt' | 'gte' | 'lte' | 'empty' | 'notEmpty';

/** One row of the filter builder: `field op value` (value unused for empty/notEmpty). */
export interface FilterCondition {
  field: string;
  op: FilterOp;
  value: string;
}

const TEXT_TYPES = new Set(['text', 'longtext', 'email', 'phone', 'url', 'autonumber']);
const ORDERED_TYPES = new Set([
  'number',
  'integer',
  'currency',
  'percent',
  'rating',
  'date',
  'datetime',
  'rollup',
]);
const CHOICE_TYPES = new Set(['select', 'stage', 'boolean', 'multiselect', 'tags']);
const NOT_FILTERABLE = new Set(['json', 'file', 'image', 'geo', 'signature', 'richtext', 'notes', 'formula']);

/** Fields a user may filter on (sensitive ones only by emptiness). */
export function filterableFields(entity: EntityDoc): Field[] {
  return entity.fields.filter((f) => !NOT_FILTERABLE.has(f.type));
}

/** The operators that make sense for a field type. */
export function operatorsFor(field: Field): FilterOp[] {
  if (field.sensitive) return ['empty', 'notEmpty'];
  if (field.type === 'multiselect' || field.type === 'tags') return ['contains', 'empty', 'notEmpty'];
  if (TEXT_TYPES.has(field.type)) return ['contains', 'eq', 'ne', 'empty', 'notEmpty'];
  if (ORDERED_TYPES.has(field.type)) return ['eq', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty'];
  if (CHOICE_TYPES.has(field.type)) return ['eq', 'ne', 'empty', 'notEmpty'];
  return ['eq', 'ne', 'empty', 'notEmpty'];
}

function typedValue(field: Field, text: string): unknown {
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'currency':
    case 'percent':
    case 'rating':
    case 'rollup': {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return text === 'true';
    default:
      return text;
  }
}

/**
 * The JsonLogic of the builder's conditions (and-ed), in the records API's filter subset; null when
 * there is nothing to filter. Conditions on unknown fields or with an empty value are skipped.
 *
 * @example conditionsToFilter(customer, [{field:'name', op:'contains', value:'华'}])
 * // → {"contains": [{"var": "name"}, "华"]}
 */
export function conditionsToFilter(entity: EntityDoc, conditions: FilterCondition[]): JsonLogic | null {
  const parts: JsonLogic[] = [];
  for (const c of conditions) {
    const field = entity.fields.find((f) => f.name === c.field);
    if (!field) continue;
    const v = { var: field.name };
    if (c.op === 'empty') parts.push({ is_empty: [v] });
    else if (c.op === 'notEmpty') parts.push({ '!': { is_empty: [v] } });
    else if (c.value === '') continue;
    else {
      const value = typedValue(field, c.value);
      const op = { eq: '==', ne: '!=', contains: 'contains', gt: '>', lt: '<', gte: '>=', lte: '<=' }[c.op];
      parts.push({ [op]: [v, value] } as JsonLogic);
    }
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : { and: parts };
}

/** Combines the view's own filter with the user's (both must hold). */
export function andFilters(...filters: (JsonLogic | null | undefined)[]): JsonLogic | null {
  const present = filters.filter((f): f is JsonLogic => f !== null && f !== undefined);
  if (present.length === 0) return null;
  return present.length === 1 ? present[0]! : { and: present };
}
