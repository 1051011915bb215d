import type { ApproverSpec, FlowDoc, FlowNode, I18nText, JsonLogic } from '@lattice/engine';

type ApprovalNode = Extract<FlowNode, { type: 'approval' }>;
type CcNode = Extract<FlowNode, { type: 'cc' }>;

/**
 * The designer's view of a flow: a vertical list of steps between start and end, where a condition
 * holds one step list per branch (plus "otherwise") that meet again below it, and a parallel split holds
 * one list per branch that its join waits for. `toFlowNodes` turns it into the graph the engine runs.
 */
export type Step =
  | { kind: 'approval'; node: Omit<ApprovalNode, 'next'> }
  | { kind: 'cc'; node: Omit<CcNode, 'next'> }
  | { kind: 'auto_approve'; id: string }
  | {
      kind: 'condition';
      id: string;
      label?: I18nText;
      branches: { when: JsonLogic; label?: I18nText; steps: Step[] }[];
      otherwise: Step[];
    }
  | { kind: 'parallel'; id: string; joinId: string; branches: Step[][] };

export type StepKind = Step['kind'];

/** Where a step list sits: [] is the main line; `[i, 'b', k]` branch k of step i, `[i, 'o']` its otherwise, `[i, 'p', k]` a parallel branch. */
export type SeqPath = (number | string)[];

export function stepId(s: Step): string {
  return s.kind === 'approval' || s.kind === 'cc' ? s.node.id : s.id;
}

/** Builds the engine graph: start → steps → end; branches of a condition rejoin at the next step. */
export function toFlowNodes(steps: Step[]): FlowNode[] {
  const nodes: FlowNode[] = [{ type: 'start', id: 'start', next: '' }];
  const emit = (seq: Step[], next: string): string => {
    let target = next;
    for (let i = seq.length - 1; i >= 0; i--) {
      const s = seq[i]!;
      switch (s.kind) {
        case 'approval':
          nodes.push({ ...s.node, next: target });
          break;
        case 'cc':
          nodes.push({ ...s.node, next: target });
          break;
        case 'auto_approve':
          nodes.push({ type: 'auto_approve', id: s.id, next: target });
          break;
        case 'condition': {
          const after = target;
          nodes.push({
            type: 'condition',
            id: s.id,
            ...(s.label ? { label: s.label } : {}),
            branches: s.branches.map((b) => ({
              when: b.when,
              next: emit(b.steps, after),
              ...(b.label ? { label: b.label } : {}),
            })),
            otherwise: emit(s.otherwise, after),
          });
          break;
        }
        case 'parallel': {
          nodes.push({ type: 'join', id: s.joinId, next: target });
          nodes.push({
            type: 'parallel',
            id: s.id,
            branches: s.branches.map((b) => emit(b, s.joinId)),
            join: s.joinId,
          });
          break;
        }
      }
      target = stepId(s);
    }
    return target;
  };
  const first = emit(steps, 'end');
  nodes[0] = { type: 'start', id: 'start', next: first };
  nodes.push({ type: 'end', id: 'end' });
  return nodes;
}

/**
 * Reads a flow graph into steps; null when it is not a vertical flow (e.g. branches that never meet
 * again), so the designer can say so instead of guessing.
 */
export function fromFlowNodes(flow: Pick<FlowDoc, 'nodes'>): Step[] | null {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const start = flow.nodes.find((n) => n.type === 'start');
  if (!start) return null;
  const spine = (from: string, guard: number): string[] => {
    const out: string[] = [];
    let id: string | null = from;
    while (id && out.length < 500 && guard < 50) {
      const n = byId.get(id);
      if (!n) break;
      out.push(id);
      if (n.type === 'end') break;
      if (n.type === 'condition') id = mergeOf(n, guard + 1);
      else if (n.type === 'parallel') id = n.join;
      else id = n.next;
    }
    return out;
  };
  const mergeOf = (n: Extract<FlowNode, { type: 'condition' }>, guard: number): string | null => {
    const spines = [...n.branches.map((b) => b.next), n.otherwise].map((t) => spine(t, guard));
    const [first, ...rest] = spines;
    return first?.find((id) => rest.every((s) => s.includes(id))) ?? null;
  };
  let ok = true;
  const parse = (from: string | null, stop: string | null): Step[] => {
    const steps: Step[] = [];
    let id = from;
    let guard = 0;
    while (id && id !== stop && guard++ < 500) {
      const n = byId.get(id);
      if (!n) {
        ok = false;
        return steps;
      }
      switch (n.type) {
        case 'end':
        case 'join':
          return steps;
        case 'start':
          id = n.next;
          break;
        case 'approval': {
          const { next, ...node } = n;
          steps.push({ kind: 'approval', node });
          id = next;
          break;
        }
        case 'cc': {
          const { next, ...node } = n;
          steps.push({ kind: 'cc', node });
          id = next;
          break;
        }
        case 'auto_approve':
          steps.push({ kind: 'auto_approve', id: n.id });
          id = n.next;
          break;
        case 'condition': {
          const merge = mergeOf(n, 0);
          if (merge === null) ok = false;
          steps.push({
            kind: 'condition',
            id: n.id,
            ...(n.label ? { label: n.label } : {}),
            branches: n.branches.map((b) => ({
              when: b.when,
              ...(b.label ? { label: b.label } : {}),
              steps: parse(b.next, merge),
            })),
            otherwise: parse(n.otherwise, merge),
          });
          id = merge;
          break;
        }
        case 'parallel': {
          steps.push({
            kind: 'parallel',
            id: n.id,
            joinId: n.join,
            branches: n.branches.map((b) => parse(b, n.join)),
          });
          const join = byId.get(n.join);
          id = join?.type === 'join' ? join.next : null;
          break;
        }
      }
    }
    return steps;
  };
  const steps = parse(start.id, null);
  return ok ? steps : null;
}

/** The step list at `path`. */
export function seqAt(steps: Step[], path: SeqPath): Step[] {
  let seq = steps;
  for (let i = 0; i < path.length; ) {
    const step = seq[path[i] as number];
    const tag = path[i + 1];
    if (step?.kind === 'condition' && tag === 'b') seq = step.branches[path[i + 2] as number]?.steps ?? [];
    else if (step?.kind === 'condition' && tag === 'o') seq = step.otherwise;
    else if (step?.kind === 'parallel' && tag === 'p') seq = step.branches[path[i + 2] as number] ?? [];
    else return [];
    i += tag === 'o' ? 2 : 3;
  }
  return seq;
}

/** Returns new steps with the list at `path` replaced by `edit(list)` (immutable). */
export function editSeq(steps: Step[], path: SeqPath, edit: (seq: Step[]) => Step[]): Step[] {
  if (path.length === 0) return edit(steps);
  const i = path[0] as number;
  const tag = path[1];
  const rest = path.slice(tag === 'o' ? 2 : 3);
  const k = path[2] as number;
  return steps.map((s, j) => {
    if (j !== i) return s;
    if (s.kind === 'condition' && tag === 'b')
      return {
        ...s,
        branches: s.branches.map((b, n) => (n === k ? { ...b, steps: editSeq(b.steps, rest, edit) } : b)),
      };
    if (s.kind === 'condition' && tag === 'o') return { ...s, otherwise: editSeq(s.otherwise, rest, edit) };
    if (s.kind === 'parallel' && tag === 'p')
      return { ...s, branches: s.branches.map((b, n) => (n === k ? editSeq(b, rest, edit) : b)) };
    return s;
  });
}

/** Every node id in use (steps, joins, start, end). */
export function usedIds(steps: Step[]): Set<string> {
  const ids = new Set(['start', 'end']);
  const walk = (seq: Step[]) => {
    for (const s of seq) {
      ids.add(stepId(s));
      if (s.kind === 'condition') {
        for (const b of s.branches) walk(b.steps);
        walk(s.otherwise);
      }
      if (s.kind === 'parallel') {
        ids.add(s.joinId);
        for (const b of s.branches) walk(b);
      }
    }
  };
  walk(steps);
  return ids;
}

function freshId(base: string, used: Set<string>): string {
  let n = 1;
  while (used.has(`${base}_${n}`)) n++;
  used.add(`${base}_${n}`);
  return `${base}_${n}`;
}

const DEFAULT_APPROVER: ApproverSpec = { type: 'department_head' };

/** A new step of `kind` with ids unused in `steps`. */
export function newStep(kind: StepKind, steps: Step[]): Step {
  const used = usedIds(steps);
  switch (kind) {
    case 'approval':
      return {
        kind,
        node: {
          type: 'approval',
          id: freshId('approve', used),
          label: { zh: '审批', en: 'Approval' },
          mode: 'single',
          approvers: [DEFAULT_APPROVER],
        },
      };
    case 'cc':
      return {
        kind,
        node: {
          type: 'cc',
          id: freshId('cc', used),
          label: { zh: '抄送', en: 'CC' },
          to: [{ type: 'department_head' }],
        },
      };
    case 'auto_approve':
      return { kind, id: freshId('auto', used) };
    case 'condition':
      return {
        kind,
        id: freshId('branch', used),
        label: { zh: '条件分支', en: 'Condition' },
        branches: [{ when: { '==': [1, 1] }, label: { zh: '分支 1', en: 'Branch 1' }, steps: [] }],
        otherwise: [],
      };
    case 'parallel':
      return { kind, id: freshId('split', used), joinId: freshId('join', used), branches: [[], []] };
  }
}

/** Where the step `id` sits: the list's path and its index there; null when no step has that id. */
export function locateStep(
  steps: Step[],
  id: string,
  path: SeqPath = [],
): { path: SeqPath; index: number } | null {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (stepId(s) === id) return { path, index: i };
    const inner: [SeqPath, Step[]][] =
      s.kind === 'condition'
        ? [
            ...s.branches.map((b, k): [SeqPath, Step[]] => [[...path, i, 'b', k], b.steps]),
            [[...path, i, 'o'], s.otherwise],
          ]
        : s.kind === 'parallel'
          ? s.branches.map((b, k): [SeqPath, Step[]] => [[...path, i, 'p', k], b])
          : [];
    for (const [p, seq] of inner) {
      const hit = locateStep(seq, id, p);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * Moves the step `id` (with everything inside it) to the slot before `index` of the list at `to` — within its
 * list, into or out of a condition or parallel branch, or across branches. Null when the move is impossible:
 * no such step, or a slot inside the moved step itself.
 */
export function moveStep(steps: Step[], id: string, to: SeqPath, index: number): Step[] | null {
  const from = locateStep(steps, id);
  if (!from) return null;
  const own = [...from.path, from.index];
  if (to.length >= own.length && own.every((x, i) => to[i] === x)) return null;
  const step = seqAt(steps, from.path)[from.index]!;
  const removed = editSeq(steps, from.path, (seq) => seq.filter((_, i) => i !== from.index));
  // Removing the step shifts what follows it in its list: the target list's position or the index in it.
  const depth = from.path.length;
  const samePrefix = from.path.every((x, i) => to[i] === x);
  let target = to;
  let at = index;
  if (samePrefix && to.length === depth) {
    if (index > from.index) at = index - 1;
  } else if (samePrefix && (to[depth] as number) > from.index) {
    target = [...to.slice(0, depth), (to[depth] as number) - 1, ...to.slice(depth + 1)];
  }
  return editSeq(removed, target, (seq) => [...seq.slice(0, at), step, ...seq.slice(at)]);
}
