/**
 * Every JsonLogic operator Lattice accepts, with its arity. The standard ones behave exactly like
 * json-logic-js 2.0.5 (the reference); the extras are Lattice's documented additions (dates, strings).
 */
export const STANDARD_OPERATORS = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'in',
  'cat',
  'substr',
  'merge',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'log',
] as const;

export const EXTRA_OPERATORS = [
  'now',
  'today',
  'days_since',
  'hours_since',
  'add_days',
  'add_hours',
  'date_diff_days',
  'lower',
  'upper',
  'trim',
  'contains',
  'starts_with',
  'ends_with',
  'length',
  'round',
  'coalesce',
  'is_empty',
  'credit_code_valid',
] as const;

export type StandardOperator = (typeof STANDARD_OPERATORS)[number];
export type ExtraOperator = (typeof EXTRA_OPERATORS)[number];
export type JsonLogicOperator = StandardOperator | ExtraOperator;

/** All operators, standard first. */
export const JSON_LOGIC_OPERATORS: readonly JsonLogicOperator[] = [...STANDARD_OPERATORS, ...EXTRA_OPERATORS];

/** Argument count bounds used at publish time (`max` undefined = variadic). */
export interface Arity {
  min: number;
  max?: number;
}

/** Publish-time arity of each operator; the reference is more lenient at run time, we are stricter on purpose. */
export const OPERATOR_ARITY: Readonly<Record<JsonLogicOperator, Arity>> = {
  var: { min: 0, max: 2 },
  missing: { min: 0 },
  missing_some: { min: 2, max: 2 },
  if: { min: 1 },
  '?:': { min: 1 },
  '==': { min: 2, max: 2 },
  '===': { min: 2, max: 2 },
  '!=': { min: 2, max: 2 },
  '!==': { min: 2, max: 2 },
  '!': { min: 1, max: 1 },
  '!!': { min: 1, max: 1 },
  or: { min: 1 },
  and: { min: 1 },
  '>': { min: 2, max: 2 },
  '>=': { min: 2, max: 2 },
  '<': { min: 2, max: 3 },
  '<=': { min: 2, max: 3 },
  max: { min: 1 },
  min: { min: 1 },
  '+': { min: 1 },
  '-': { min: 1, max: 2 },
  '*': { min: 1 },
  '/': { min: 2, max: 2 },
  '%': { min: 2, max: 2 },
  in: { min: 2, max: 2 },
  cat: { min: 1 },
  substr: { min: 2, max: 3 },
  merge: { min: 0 },
  map: { min: 2, max: 2 },
  filter: { min: 2, max: 2 },
  reduce: { min: 2, max: 3 },
  all: { min: 2, max: 2 },
  none: { min: 2, max: 2 },
  some: { min: 2, max: 2 },
  log: { min: 1, max: 1 },
  now: { min: 0, max: 0 },
  today: { min: 0, max: 0 },
  days_since: { min: 1, max: 1 },
  hours_since: { min: 1, max: 1 },
  add_days: { min: 2, max: 2 },
  add_hours: { min: 2, max: 2 },
  date_diff_days: { min: 2, max: 2 },
  lower: { min: 1, max: 1 },
  upper: { min: 1, max: 1 },
  trim: { min: 1, max: 1 },
  contains: { min: 2, max: 2 },
  starts_with: { min: 2, max: 2 },
  ends_with: { min: 2, max: 2 },
  length: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  coalesce: { min: 1 },
  is_empty: { min: 1, max: 1 },
  credit_code_valid: { min: 1, max: 1 },
};

const KNOWN = new Set<string>(JSON_LOGIC_OPERATORS);

/** Whether `op` is an operator Lattice knows (standard or extra). */
export function isJsonLogicOperator(op: string): op is JsonLogicOperator {
  return KNOWN.has(op);
}

const EXTRA = new Set<string>(EXTRA_OPERATORS);

/** Whether `op` is one of Lattice's extras rather than a json-logic-js operation. */
export function isExtraOperator(op: string): op is ExtraOperator {
  return EXTRA.has(op);
}
