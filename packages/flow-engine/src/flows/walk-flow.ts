import type { FlowNode } from '@lattice/engine';
import { assertNever, compileJsonLogic, jsonLogicTruthy } from '@lattice/engine';
import { durationMs } from '../rules/duration-ms';
import type { ActiveNode, ApprovalTask } from './approval-types';
import { latestSignature } from './flow-signature';
import { log, nextTaskId, notify, outcomeEffect, type Step } from './transition-step';

type Path = ActiveNode['path'];
type ApprovalNode = Extract<FlowNode, { type: 'approval' }>;

const OPEN: readonly ApprovalTask['status'][] = ['pending', 'waiting'];

export function isOpen(task: ApprovalTask): boolean {
  return OPEN.includes(task.status);
}

export function tasksAt(t: Step, a: Pick<ActiveNode, 'nodeId' | 'visit'>): ApprovalTask[] {
  return t.s.tasks.filter((k) => k.nodeId === a.nodeId && k.visit === a.visit);
}

/** Follows the graph from `nodeId` until every branch waits at an approval node, a join, or the end. */
export function enter(t: Step, nodeId: string, path: Path): void {
  if (t.s.status !== 'running') return;
  const node = t.nodes.get(nodeId);
  if (!node) throw new Error(`flow ${t.flow.name}: no node ${nodeId} (validateFlow should have caught it)`);
  switch (node.type) {
    case 'start':
    case 'auto_approve':
      if (node.type === 'auto_approve') log(t, { actor: 'system', nodeId: node.id, action: 'auto_approve' });
      enter(t, node.next, path);
      return;
    case 'approval':
      openApproval(t, node, path);
      return;
    case 'condition':
      enter(t, chooseBranch(t, node), path);
      return;
    case 'parallel':
      t.s.joins[node.id] = [];
      node.branches.forEach((b, i) => {
        enter(t, b, [...path, { split: node.id, branch: i }]);
      });
      return;
    case 'join':
      arriveAtJoin(t, node, path);
      return;
    case 'cc': {
      const users = node.to.flatMap((spec) =>
        t.ctx.resolveApprovers(spec, t.ctx.record, t.s.submitter ?? ''),
      );
      notify(t, users, 'cc', node.id);
      log(t, { actor: 'system', nodeId: node.id, action: 'cc', target: [...new Set(users)].join(',') });
      enter(t, node.next, path);
      return;
    }
    case 'end':
      finish(t, 'approved', 'system');
      return;
    default:
      assertNever(node, 'flow node');
  }
}

function chooseBranch(t: Step, node: Extract<FlowNode, { type: 'condition' }>): string {
  const data = {
    ...t.ctx.record,
    $record: t.ctx.record,
    $submitter: t.ctx.submitterInfo ?? { id: t.s.submitter },
  };
  for (const b of node.branches) {
    if (jsonLogicTruthy(compileJsonLogic(b.when, { now: () => t.ctx.clock.now() })(data))) return b.next;
  }
  return node.otherwise;
}

function arriveAtJoin(t: Step, node: Extract<FlowNode, { type: 'join' }>, path: Path): void {
  const top = path[path.length - 1];
  if (!top) {
    enter(t, node.next, path);
    return;
  }
  const split = t.nodes.get(top.split);
  const arrived = [...new Set([...(t.s.joins[top.split] ?? []), top.branch])];
  t.s.joins[top.split] = arrived;
  if (split?.type === 'parallel' && arrived.length >= split.branches.length) {
    delete t.s.joins[top.split];
    enter(t, node.next, path.slice(0, -1));
  }
}

function resolveNodeApprovers(t: Step, node: ApprovalNode): string[] {
  const submitter = t.s.submitter ?? '';
  const resolve = (specs: ApprovalNode['approvers']) =>
    specs.flatMap((spec) => t.ctx.resolveApprovers(spec, t.ctx.record, submitter));
  let users = resolve(node.approvers);
  if (users.length === 0 && node.fallback) users = resolve([node.fallback]);
  if (users.length === 0 && t.ctx.fallbackApprover) users = [t.ctx.fallbackApprover];
  return [...new Set(users)];
}

/** Opens tasks at an approval node (sequential: only the first is pending) and schedules its timeout. */
export function openApproval(t: Step, node: ApprovalNode, path: Path): void {
  const visit = (t.s.visits[node.id] ?? 0) + 1;
  t.s.visits[node.id] = visit;
  const users = resolveNodeApprovers(t, node);
  if (users.length === 0) {
    log(t, { actor: 'system', nodeId: node.id, action: 'no_approver' });
    enter(t, node.next, path);
    return;
  }
  users.forEach((assignee, i) => {
    const status = node.mode === 'sequential' && i > 0 ? 'waiting' : 'pending';
    t.s.tasks.push({ id: nextTaskId(t), nodeId: node.id, visit, assignee, status, order: i });
  });
  let timeoutKey: string | null = null;
  if (node.timeout) {
    timeoutKey = `${t.s.instanceId}:${node.id}:${visit}`;
    const dueAt = new Date(t.ctx.clock.now().getTime() + durationMs(node.timeout.after)).toISOString();
    t.fx.push({
      type: 'scheduleTimeout',
      key: timeoutKey,
      nodeId: node.id,
      visit,
      action: node.timeout.action,
      dueAt,
    });
  }
  t.s.active.push({ nodeId: node.id, visit, mode: node.mode, enteredAt: t.now, path, timeoutKey });
  log(t, { actor: 'system', nodeId: node.id, action: 'enter' });
  notify(t, node.mode === 'sequential' ? users.slice(0, 1) : users, 'task', node.id);
}

/** Closes an active node and moves on along its `next`. */
export function completeNode(t: Step, active: ActiveNode): void {
  t.s.active = t.s.active.filter((a) => a !== active);
  if (active.timeoutKey) t.fx.push({ type: 'cancelTimeout', key: active.timeoutKey });
  log(t, { actor: 'system', nodeId: active.nodeId, action: 'complete' });
  const node = t.nodes.get(active.nodeId);
  if (node?.type === 'approval') enter(t, node.next, active.path);
}

/** Cancels every open task and timeout. */
export function closeAll(t: Step): void {
  for (const a of t.s.active) if (a.timeoutKey) t.fx.push({ type: 'cancelTimeout', key: a.timeoutKey });
  for (const task of t.s.tasks) if (isOpen(task)) task.status = 'cancelled';
  t.s.active = [];
  t.s.joins = {};
}

/** Ends the flow with an outcome: unlocks the record and emits the outcome (a rule trigger). */
export function finish(t: Step, outcome: 'approved' | 'rejected', actor: string): void {
  closeAll(t);
  t.s.status = outcome;
  t.fx.push({ type: 'unlockRecord', entity: t.s.entity, recordId: t.s.recordId });
  const signature = outcome === 'approved' ? latestSignature(t.s) : undefined;
  t.fx.push({ ...outcomeEffect(t, outcome), ...(signature ? { signature } : {}) });
  if (t.s.submitter) notify(t, [t.s.submitter], outcome === 'approved' ? 'outcome' : 'returned', null);
  if (outcome === 'approved') log(t, { actor, nodeId: null, action: 'complete' });
}
