import type { JsonLogic } from '@lattice/engine';
import { compileJsonLogic } from '@lattice/engine';
import type { RuleContext } from './rule-context';
import { ruleData } from './rule-context';

const CONTEXT_ROOTS = ['$record', '$old', '$user', '$now'];

function isContextPath(path: unknown): path is string {
  return typeof path === 'string' && CONTEXT_ROOTS.some((r) => path === r || path.startsWith(`${r}.`));
}

/**
 * Replaces every `{"var": "$record.x"}` (and `$old`, `$user`, `$now`) by the literal value from the
 * triggering context, leaving other `var`s alone: the result is a filter over the related entity only,
 * e.g. `{"==": [{"var": "part_no"}, {"var": "$record.part_no"}]}` → `{"==": [{"var": "part_no"}, "P-100"]}`.
 */
export function substituteContext(expr: JsonLogic, ctx: RuleContext): JsonLogic {
  const data = ruleData(ctx);
  const walk = (node: JsonLogic): JsonLogic => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === 'var') {
      const arg = node.var;
      const path = Array.isArray(arg) ? arg[0] : arg;
      if (isContextPath(path)) return literal(compileJsonLogic(node, { now: () => ctx.clock.now() })(data));
      return node;
    }
    const out: { [op: string]: JsonLogic } = {};
    for (const k of keys) out[k] = walk(node[k] as JsonLogic);
    return out;
  };
  return walk(expr);
}

/** Values become JsonLogic literals; arrays and objects are wrapped so they are not read as logic. */
function literal(value: unknown): JsonLogic {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value as JsonLogic;
  // Arrays of plain values stay arrays (JsonLogic evaluates them to themselves, and the SQL filter
  // compiler takes them as `in` lists); arrays holding objects are wrapped so they are not read as logic.
  if (Array.isArray(value)) {
    const plain = value.every((v) => v === null || typeof v !== 'object');
    return plain ? (value as JsonLogic[]) : { merge: [value as JsonLogic[]] };
  }
  return value as JsonLogic;
}
