import type { EntityDoc, ErrorDetail, FlowDoc, FlowNode } from '@lattice/engine';
import { logicVars, SYSTEM_COLUMNS, validateJsonLogic } from '@lattice/engine';
import { successors } from './successors';

/**
 * Graph checks of a flow document (its JSON Schema is checked elsewhere): exactly one start, unique ids,
 * no dangling `next`/branch/join reference, every node reachable from the start, every node able to
 * reach an end, each parallel's `join` is a join node that all its branches reach without ending first
 * and that no other parallel claims, well-formed branch conditions, approvers present, no auto-approving
 * timeout on a `requireSignature` node. With `entity`,
 * also the flow's entity name, `field` approvers, editable fields and the fields branch conditions read
 * (record fields, system columns, `$record.*`, `$submitter.*`). Paths name the node:
 * `nodes.3 (id: risk_review).next`.
 */
export function validateFlow(flow: FlowDoc, entity?: EntityDoc): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const at = (i: number, suffix = '') => `nodes.${i} (id: ${flow.nodes[i]?.id})${suffix}`;
  const err = (path: string, zh: string, en: string) =>
    errors.push({ path, message: { zh, en }, reason: 'LATTICE_ERR_VALIDATION' });
  const index = new Map<string, number>();
  flow.nodes.forEach((n, i) => {
    if (index.has(n.id)) err(at(i, '.id'), `节点 id 重复：${n.id}`, `Duplicate node id: ${n.id}`);
    else index.set(n.id, i);
  });
  const starts = flow.nodes.filter((n) => n.type === 'start');
  if (starts.length !== 1)
    err(
      'nodes',
      `流程必须恰好有一个开始节点，实际 ${starts.length} 个`,
      `A flow needs exactly one start node, got ${starts.length}`,
    );
  if (entity && entity.name !== flow.entity)
    err(
      'entity',
      `流程实体 ${flow.entity} 与 ${entity.name} 不符`,
      `Flow entity ${flow.entity} is not ${entity.name}`,
    );

  flow.nodes.forEach((n, i) => {
    for (const [suffix, target] of references(n)) {
      if (!index.has(target))
        err(at(i, suffix), `指向不存在的节点：${target}`, `Points at a missing node: ${target}`);
    }
    checkNode(n, i, at, err, entity);
  });
  if (errors.length > 0) return errors;

  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const reachable = walk([starts[0]!.id], (id) => successors(nodes.get(id)!));
  const predecessors = new Map<string, string[]>();
  for (const n of flow.nodes)
    for (const s of successors(n)) predecessors.set(s, [...(predecessors.get(s) ?? []), n.id]);
  const endsReachable = walk(
    flow.nodes.filter((n) => n.type === 'end').map((n) => n.id),
    (id) => predecessors.get(id) ?? [],
  );
  flow.nodes.forEach((n, i) => {
    if (!reachable.has(n.id)) err(at(i), '节点从开始节点不可达', 'The node cannot be reached from the start');
    else if (!endsReachable.has(n.id))
      err(at(i), '从该节点出发无法到达结束节点', 'No path from this node reaches an end');
  });
  checkSplits(flow, nodes, at, err);
  return errors;
}

type At = (i: number, suffix?: string) => string;
type Err = (path: string, zh: string, en: string) => void;

function references(n: FlowNode): [string, string][] {
  switch (n.type) {
    case 'condition':
      return [
        ...n.branches.map((b, k): [string, string] => [`.branches.${k}.next`, b.next]),
        ['.otherwise', n.otherwise],
      ];
    case 'parallel':
      return [...n.branches.map((b, k): [string, string] => [`.branches.${k}`, b]), ['.join', n.join]];
    case 'end':
      return [];
    default:
      return [['.next', n.next]];
  }
}

function checkNode(n: FlowNode, i: number, at: At, err: Err, entity?: EntityDoc): void {
  if (n.type === 'condition') {
    if (n.branches.length === 0)
      err(at(i, '.branches'), '条件节点至少需要一个分支', 'A condition node needs at least one branch');
    const known = entity
      ? new Set<string>([...entity.fields.map((f) => f.name), ...SYSTEM_COLUMNS, '$record', '$submitter'])
      : null;
    n.branches.forEach((b, k) => {
      const problems = validateJsonLogic(b.when, at(i, `.branches.${k}.when`));
      for (const e of problems) err(e.path, e.message.zh, e.message.en);
      if (!known || problems.length > 0) return;
      for (const v of logicVars(b.when)) {
        if (!known.has(v))
          err(
            at(i, `.branches.${k}.when`),
            `条件引用了不存在的字段：${v}`,
            `The condition reads an unknown field: ${v}`,
          );
      }
    });
  }
  if (n.type === 'parallel' && n.branches.length < 2)
    err(at(i, '.branches'), '并行节点至少需要两个分支', 'A parallel split needs at least two branches');
  if (n.type === 'approval') {
    if (n.approvers.length === 0)
      err(at(i, '.approvers'), '审批节点至少需要一个审批人', 'An approval node needs at least one approver');
    if (n.requireSignature && n.timeout?.action === 'auto_approve')
      err(
        at(i, '.timeout.action'),
        '需要签名的节点不能超时自动通过（系统无法代签）',
        'A step that requires a signature cannot auto-approve on timeout (the system cannot sign)',
      );
    if (entity) {
      const fields = new Map(entity.fields.map((f) => [f.name, f]));
      [...n.approvers, ...(n.fallback ? [n.fallback] : [])].forEach((spec, k) => {
        if (spec.type === 'field' && fields.get(spec.field)?.type !== 'user') {
          err(
            at(i, k < n.approvers.length ? `.approvers.${k}.field` : '.fallback.field'),
            `${spec.field} 不是用户字段`,
            `${spec.field} is not a user field`,
          );
        }
      });
      (n.editableFields ?? []).forEach((f, k) => {
        if (!fields.has(f)) err(at(i, `.editableFields.${k}`), `字段不存在：${f}`, `Unknown field: ${f}`);
      });
    }
  }
}

/** Each parallel's branches must all reach its join (and not an end first); a join belongs to one split. */
function checkSplits(flow: FlowDoc, nodes: Map<string, FlowNode>, at: At, err: Err): void {
  const owners = new Map<string, number>();
  flow.nodes.forEach((n, i) => {
    if (n.type !== 'parallel') return;
    if (nodes.get(n.join)?.type !== 'join') {
      err(at(i, '.join'), `${n.join} 不是汇聚节点`, `${n.join} is not a join node`);
      return;
    }
    if (owners.has(n.join))
      err(
        at(i, '.join'),
        `汇聚节点 ${n.join} 已属于另一个并行节点`,
        `Join ${n.join} already belongs to another split`,
      );
    owners.set(n.join, i);
    n.branches.forEach((b, k) => {
      const inside = walk([b], (id) => (id === n.join ? [] : successors(nodes.get(id)!)));
      if (!inside.has(n.join))
        err(at(i, `.branches.${k}`), `分支未汇聚到 ${n.join}`, `The branch never reaches its join ${n.join}`);
      for (const id of inside) {
        if (nodes.get(id)?.type === 'end')
          err(
            at(i, `.branches.${k}`),
            `分支在汇聚前结束（${id}）`,
            `The branch ends (${id}) before its join`,
          );
      }
    });
  });
  flow.nodes.forEach((n, i) => {
    if (n.type === 'join' && !owners.has(n.id))
      err(at(i), '汇聚节点没有对应的并行节点', 'The join has no matching parallel split');
  });
}

function walk(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...next(id));
  }
  return seen;
}
