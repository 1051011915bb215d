import type { FieldType } from '@lattice/engine';

/** Operators a condition row offers; each maps to one JsonLogic shape (see `conditionToJsonLogic`). */
export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'contains',
  'is_empty',
  'not_empty',
  'is_true',
  'is_false',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Operators that take no value. */
export const UNARY_OPERATORS: readonly ConditionOperator[] = ['is_empty', 'not_empty', 'is_true', 'is_false'];

export type ConditionValue = string | number | boolean | string[] | null;

/** One `field operator value` row. */
export interface ConditionRow {
  kind: 'row';
  field: string;
  operator: ConditionOperator;
  value?: ConditionValue;
}

/** Rows and nested groups joined by AND or OR. */
export interface ConditionGroup {
  kind: 'group';
  join: 'and' | 'or';
  children: ConditionNode[];
}

export type ConditionNode = ConditionRow | ConditionGroup;

/** The operators that make sense for a field type, most useful first. */
export function operatorsForFieldType(type: FieldType): readonly ConditionOperator[] {
  if (type === 'boolean') return ['is_true', 'is_false'];
  if (
    ['number', 'integer', 'currency', 'percent', 'rating', 'date', 'datetime', 'formula', 'rollup'].includes(
      type,
    )
  )
    return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'is_empty', 'not_empty'];
  if (type === 'select' || type === 'stage') return ['eq', 'ne', 'in', 'not_in', 'is_empty', 'not_empty'];
  if (type === 'multiselect' || type === 'tags') return ['contains', 'is_empty', 'not_empty'];
  if (['text', 'longtext', 'richtext', 'email', 'phone', 'url', 'autonumber'].includes(type))
    return ['eq', 'ne', 'contains', 'in', 'is_empty', 'not_empty'];
  return ['eq', 'ne', 'is_empty', 'not_empty'];
}
