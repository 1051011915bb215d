import type { JsonLogic } from '@lattice/engine';
import type {
  ConditionGroup,
  ConditionNode,
  ConditionOperator,
  ConditionRow,
  ConditionValue,
} from './condition-model';

type LogicObject = { [op: string]: JsonLogic };

const BINARY: Record<string, ConditionOperator> = {
  '==': 'eq',
  '!=': 'ne',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
};

/**
 * Reads JsonLogic back into a condition tree for the builder: the shapes `conditionToJsonLogic` writes,
 * plus `===`/`!==` comparisons. Returns an empty AND group for "no condition", and null when the
 * expression uses anything the builder cannot show (the designer then offers the raw JSON instead).
 */
export function jsonLogicToCondition(expr: JsonLogic | undefined): ConditionGroup | null {
  if (expr === undefined || expr === null) return { kind: 'group', join: 'and', children: [] };
  const node = parseNode(expr);
  if (!node) return null;
  return node.kind === 'group' ? node : { kind: 'group', join: 'and', children: [node] };
}

function parseNode(expr: JsonLogic): ConditionNode | null {
  const entry = singleOp(expr);
  if (!entry) return null;
  const [op, args] = entry;
  if (op === 'and' || op === 'or') {
    if (!Array.isArray(args)) return null;
    const children = args.map(parseNode);
    return children.every((c): c is ConditionNode => c !== null)
      ? { kind: 'group', join: op, children }
      : null;
  }
  return parseRow(op, args);
}

function parseRow(op: string, args: JsonLogic): ConditionRow | null {
  const binary = BINARY[op];
  if (binary && Array.isArray(args) && args.length === 2) {
    const field = varName(args[0]);
    const value = plainValue(args[1]);
    return field !== null && value !== undefined ? row(field, binary, value) : null;
  }
  if ((op === '===' || op === '!==') && Array.isArray(args) && args[1] === true) {
    const field = varName(args[0]);
    return field === null ? null : row(field, op === '===' ? 'is_true' : 'is_false');
  }
  if (op === 'in' && Array.isArray(args) && args.length === 2) {
    const field = varName(args[0]);
    if (field !== null && Array.isArray(args[1])) {
      const list = args[1].map(plainValue);
      return list.every((v) => typeof v === 'string') ? row(field, 'in', list as string[]) : null;
    }
    const container = varName(args[1]);
    const value = plainValue(args[0]);
    return container !== null && value !== undefined ? row(container, 'contains', value) : null;
  }
  if (op === '!' || op === '!!') {
    const inner = Array.isArray(args) && args.length === 1 ? args[0]! : args;
    const field = varName(inner);
    if (field !== null) return row(field, op === '!' ? 'is_empty' : 'not_empty');
    if (op === '!') {
      const negated = parseNode(inner);
      if (negated?.kind === 'row' && negated.operator === 'in') return { ...negated, operator: 'not_in' };
    }
  }
  return null;
}

function row(field: string, operator: ConditionOperator, value?: ConditionValue): ConditionRow {
  return value === undefined ? { kind: 'row', field, operator } : { kind: 'row', field, operator, value };
}

function singleOp(expr: JsonLogic): [string, JsonLogic] | null {
  if (expr === null || typeof expr !== 'object' || Array.isArray(expr)) return null;
  const keys = Object.keys(expr);
  return keys.length === 1 ? [keys[0]!, (expr as LogicObject)[keys[0]!]!] : null;
}

function varName(expr: JsonLogic | undefined): string | null {
  const entry = expr === undefined ? null : singleOp(expr);
  if (entry?.[0] !== 'var') return null;
  const arg = Array.isArray(entry[1]) ? entry[1][0] : entry[1];
  return typeof arg === 'string' && arg !== '' ? arg : null;
}

function plainValue(expr: JsonLogic | undefined): ConditionValue | undefined {
  if (expr === undefined) return undefined;
  if (expr === null || typeof expr === 'string' || typeof expr === 'number' || typeof expr === 'boolean')
    return expr;
  if (Array.isArray(expr) && expr.every((e) => typeof e === 'string')) return expr as string[];
  return undefined;
}
