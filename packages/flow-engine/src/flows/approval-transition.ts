import type { FlowDoc, FlowNode } from '@lattice/engine';
import { assertNever, LatticeError } from '@lattice/engine';
import type {
  ActiveNode,
  ApprovalContext,
  ApprovalEvent,
  ApprovalResult,
  ApprovalState,
  ApprovalTask,
} from './approval-types';
import { signatureFor, signatureRequired } from './flow-signature';
import { successors } from './successors';
import { createStep, log, nextTaskId, notify, outcomeEffect, type Step } from './transition-step';
import { closeAll, completeNode, enter, finish, isOpen, tasksAt } from './walk-flow';

/** A fresh, not yet submitted instance of `flow` for one record. */
export function initialApprovalState(flow: FlowDoc, recordId: string, instanceId: string): ApprovalState {
  return {
    instanceId,
    flow: flow.name,
    entity: flow.entity,
    recordId,
    status: 'draft',
    submitter: null,
    active: [],
    tasks: [],
    joins: {},
    visits: {},
    seq: 0,
  };
}

/**
 * The approval state machine, pure in the xstate sense: returns the next state and the effects the
 * runtime must run (persist the timeline entry, notify, schedule/cancel timeout jobs, lock/unlock the
 * record, emit the outcome). The input state is never mutated. Throws `LATTICE_ERR_ALREADY_DECIDED`
 * when the actor's task was already closed (e.g. the other any-sign approver was faster),
 * `LATTICE_ERR_FORBIDDEN` when the actor has no say, `LATTICE_ERR_VALIDATION` for a bad reject target.
 * A `timeout` event for a node that is no longer active is ignored (stale job).
 *
 * @example
 * let { state, effects } = approvalTransition(flow, initialApprovalState(flow, id, 'i1'), { type: 'submit', actor: 'u1' }, ctx);
 * ({ state, effects } = approvalTransition(flow, state, { type: 'approve', actor: 'risk1', comment: '同意' }, ctx));
 */
export function approvalTransition(
  flow: FlowDoc,
  state: ApprovalState,
  event: ApprovalEvent,
  ctx: ApprovalContext,
): ApprovalResult {
  const t = createStep(flow, state, ctx);
  const lockedBefore = editableKey(t);
  switch (event.type) {
    case 'submit':
      submit(t, event.actor, event.comment);
      break;
    case 'approve': {
      const task = findTask(t, event.actor, event.taskId);
      const signature = signatureFor(t, task, event.signature);
      log(t, {
        actor: event.actor,
        nodeId: task.nodeId,
        action: 'approve',
        taskId: task.id,
        comment: event.comment,
        ...(signature ? { signature } : {}),
      });
      if (signature) task.signature = signature;
      approveTask(t, task, event.actor);
      break;
    }
    case 'reject':
      reject(t, event);
      break;
    case 'transfer':
      transfer(t, event.actor, event.taskId, event.to, event.comment);
      break;
    case 'add_signer':
      addSigner(t, event);
      break;
    case 'withdraw':
      requireSubmitter(t, event.actor);
      closeAll(t);
      t.s.status = 'withdrawn';
      t.fx.push({ type: 'unlockRecord', entity: t.s.entity, recordId: t.s.recordId });
      t.fx.push(outcomeEffect(t, 'withdrawn'));
      log(t, { actor: event.actor, nodeId: null, action: 'withdraw', comment: event.comment });
      break;
    case 'comment':
      log(t, {
        actor: event.actor,
        nodeId: null,
        action: 'comment',
        comment: event.comment,
        attachments: event.attachments,
      });
      break;
    case 'urge':
      requireSubmitter(t, event.actor);
      notify(t, openAssignees(t), 'urge', null);
      log(t, { actor: event.actor, nodeId: null, action: 'urge', comment: event.comment });
      break;
    case 'timeout':
      timeout(t, event);
      break;
    default:
      assertNever(event, 'approval event');
  }
  if (t.s.status === 'running' && editableKey(t) !== lockedBefore) {
    t.fx.push({
      type: 'lockRecord',
      entity: t.s.entity,
      recordId: t.s.recordId,
      editableFields: editableFields(t),
    });
  }
  return { state: t.s, effects: t.fx };
}

function editableFields(t: Step): string[] {
  const fields = t.s.active.flatMap((a) => {
    const node = t.nodes.get(a.nodeId);
    return node?.type === 'approval' ? (node.editableFields ?? []) : [];
  });
  return [...new Set(fields)].sort();
}

function editableKey(t: Step): string {
  return t.s.status === 'running' ? `running:${editableFields(t).join(',')}` : t.s.status;
}

function fail(
  code: 'LATTICE_ERR_ALREADY_DECIDED' | 'LATTICE_ERR_FORBIDDEN' | 'LATTICE_ERR_VALIDATION',
  path: string,
  zh: string,
  en: string,
): never {
  throw new LatticeError(code, [{ path, message: { zh, en }, reason: code }]);
}

function submit(t: Step, actor: string, comment: string | undefined): void {
  if (t.s.status === 'running')
    fail('LATTICE_ERR_ALREADY_DECIDED', 'status', '审批已在进行中', 'The approval is already running');
  if (t.s.status === 'approved')
    fail('LATTICE_ERR_ALREADY_DECIDED', 'status', '审批已通过', 'The approval is already approved');
  const start = t.flow.nodes.find((n): n is Extract<FlowNode, { type: 'start' }> => n.type === 'start');
  if (!start) fail('LATTICE_ERR_VALIDATION', 'nodes', '流程缺少开始节点', 'The flow has no start node');
  t.s.status = 'running';
  t.s.submitter = actor;
  t.s.joins = {};
  log(t, { actor, nodeId: start.id, action: 'submit', comment });
  // Before entering the first node: a flow that ends at once reports its submission, then its end.
  t.fx.push(outcomeEffect(t, 'submitted'));
  enter(t, start.next, []);
}

function requireRunning(t: Step): void {
  if (t.s.status !== 'running') {
    fail('LATTICE_ERR_ALREADY_DECIDED', 'status', '该审批已结束', `The approval is ${t.s.status}`);
  }
}

function requireSubmitter(t: Step, actor: string): void {
  requireRunning(t);
  if (actor !== t.s.submitter)
    fail('LATTICE_ERR_FORBIDDEN', 'actor', '只有提交人可以执行此操作', 'Only the submitter may do this');
}

/** The actor's open task (or the one named); distinguishes "too late" from "not yours". */
function findTask(t: Step, actor: string, taskId: string | undefined): ApprovalTask {
  requireRunning(t);
  const mine = t.s.tasks.filter((k) => k.assignee === actor && (taskId === undefined || k.id === taskId));
  const pending = mine.find(
    (k) => k.status === 'pending' && t.s.active.some((a) => a.nodeId === k.nodeId && a.visit === k.visit),
  );
  if (pending) return pending;
  if (mine.some((k) => k.status === 'waiting')) {
    fail('LATTICE_ERR_FORBIDDEN', 'taskId', '还没轮到您审批', 'It is not your turn yet');
  }
  if (mine.some((k) => k.status !== 'transferred')) {
    fail('LATTICE_ERR_ALREADY_DECIDED', 'taskId', '该审批已被处理', 'This approval was already decided');
  }
  return fail(
    'LATTICE_ERR_FORBIDDEN',
    'taskId',
    '您不是该节点的审批人',
    'You are not an approver of this step',
  );
}

function activeOf(t: Step, task: ApprovalTask): ActiveNode {
  const a = t.s.active.find((x) => x.nodeId === task.nodeId && x.visit === task.visit);
  if (!a) throw new Error(`task ${task.id} has no active node`);
  return a;
}

/** Records an approval and completes the node when its mode's rule is met. */
function approveTask(t: Step, task: ApprovalTask, actor: string): void {
  const active = activeOf(t, task);
  task.status = 'approved';
  task.decidedBy = actor;
  task.decidedAt = t.now;
  const here = tasksAt(t, active);
  for (const k of here) {
    if (k.status === 'waiting' && k.resumesAfter === task.id) {
      k.status = 'pending';
      notify(t, [k.assignee], 'task', k.nodeId);
    }
  }
  const decidesAlone =
    task.added === 'escalation' ||
    ((active.mode === 'single' || active.mode === 'anysign') && task.added !== 'before');
  if (decidesAlone) {
    for (const k of here)
      if (k !== task && isOpen(k) && (task.added === 'escalation' || k.added !== 'after'))
        k.status = 'cancelled';
  }
  if (!here.some((k) => k.status === 'pending')) {
    const next = here
      .filter((k) => k.status === 'waiting' && !k.resumesAfter)
      .sort((a, b) => a.order - b.order)[0];
    if (next) {
      next.status = 'pending';
      notify(t, [next.assignee], 'task', next.nodeId);
    }
  }
  if (!here.some(isOpen)) completeNode(t, active);
}

function reject(t: Step, event: Extract<ApprovalEvent, { type: 'reject' }>): void {
  const task = findTask(t, event.actor, event.taskId);
  const target = event.to && event.to !== 'submitter' ? event.to.node : null;
  if (target !== null) {
    const node = t.nodes.get(target);
    if (node?.type !== 'approval' || !t.s.visits[target] || inParallel(t, target)) {
      fail(
        'LATTICE_ERR_VALIDATION',
        'to.node',
        `只能退回到已经过的审批节点：${target}`,
        `Can only send back to an earlier approval step: ${target}`,
      );
    }
  }
  task.status = 'rejected';
  task.decidedBy = event.actor;
  task.decidedAt = t.now;
  log(t, {
    actor: event.actor,
    nodeId: task.nodeId,
    action: 'reject',
    taskId: task.id,
    comment: event.comment,
    target: target ?? 'submitter',
  });
  if (target === null) {
    finish(t, 'rejected', event.actor);
    return;
  }
  closeAll(t);
  if (t.s.submitter) notify(t, [t.s.submitter], 'returned', target);
  enter(t, target, []);
}

/** Nodes inside a parallel block cannot be re-entered alone: their join would wait forever. */
function inParallel(t: Step, nodeId: string): boolean {
  return (
    t.s.tasks.some((k) => k.nodeId === nodeId) &&
    t.flow.nodes.some((n) => n.type === 'parallel' && reachesBefore(t, n.branches, nodeId, n.join))
  );
}

function reachesBefore(t: Step, from: string[], target: string, stop: string): boolean {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === target) return true;
    if (id === stop || seen.has(id)) continue;
    seen.add(id);
    const n = t.nodes.get(id);
    if (n) stack.push(...successors(n));
  }
  return false;
}

function transfer(
  t: Step,
  actor: string,
  taskId: string | undefined,
  to: string,
  comment: string | undefined,
): void {
  const task = findTask(t, actor, taskId);
  task.status = 'transferred';
  const copy: ApprovalTask = { ...task, id: nextTaskId(t), assignee: to, status: 'pending' };
  delete copy.decidedAt;
  t.s.tasks.push(copy);
  for (const k of t.s.tasks) if (k.resumesAfter === task.id) k.resumesAfter = copy.id;
  log(t, { actor, nodeId: task.nodeId, action: 'transfer', taskId: task.id, target: to, comment });
  notify(t, [to], 'task', task.nodeId);
}

function addSigner(t: Step, e: Extract<ApprovalEvent, { type: 'add_signer' }>): void {
  const task = findTask(t, e.actor, e.taskId);
  if (e.position === 'after' && signatureRequired(t, task)) {
    // Adding a signer after approves the actor's task, which here needs a signature: approve, then add.
    fail(
      'LATTICE_ERR_VALIDATION',
      'position',
      '此步骤需要签名，不能后加签；请先加签在前或签字同意',
      'This step needs a signature, so no signer can be added after: add one before, or sign and approve',
    );
  }
  const active = activeOf(t, task);
  const added: ApprovalTask = {
    id: nextTaskId(t),
    nodeId: task.nodeId,
    visit: task.visit,
    assignee: e.user,
    status: 'pending',
    order: task.order + 0.5,
    added: e.position,
  };
  log(t, {
    actor: e.actor,
    nodeId: task.nodeId,
    action: 'add_signer',
    taskId: task.id,
    target: e.user,
    comment: e.comment,
  });
  if (e.position === 'before') {
    // The new signer goes first; the actor's task waits for them and then comes back.
    added.order = task.order - 0.5;
    task.status = 'waiting';
    task.resumesAfter = added.id;
    t.s.tasks.push(added);
    notify(t, [e.user], 'task', task.nodeId);
    return;
  }
  if (active.mode === 'sequential') added.status = 'waiting';
  t.s.tasks.push(added);
  if (added.status === 'pending') notify(t, [e.user], 'task', task.nodeId);
  approveTask(t, task, e.actor);
}

function openAssignees(t: Step): string[] {
  return t.s.tasks.filter((k) => k.status === 'pending').map((k) => k.assignee);
}

function timeout(t: Step, e: Extract<ApprovalEvent, { type: 'timeout' }>): void {
  const active =
    t.s.status === 'running'
      ? t.s.active.find((a) => a.nodeId === e.nodeId && a.visit === e.visit)
      : undefined;
  if (!active) return;
  active.timeoutKey = null;
  const pending = tasksAt(t, active).filter((k) => k.status === 'pending');
  switch (e.action) {
    case 'remind':
      notify(
        t,
        pending.map((k) => k.assignee),
        'remind',
        e.nodeId,
      );
      log(t, { actor: 'system', nodeId: e.nodeId, action: 'remind' });
      return;
    case 'escalate': {
      const heads = t.ctx.resolveApprovers({ type: 'department_head' }, t.ctx.record, t.s.submitter ?? '');
      const head = heads[0] ?? t.ctx.fallbackApprover;
      if (!head) {
        notify(
          t,
          pending.map((k) => k.assignee),
          'remind',
          e.nodeId,
        );
        log(t, { actor: 'system', nodeId: e.nodeId, action: 'remind' });
        return;
      }
      const order = Math.max(0, ...tasksAt(t, active).map((k) => k.order)) + 1;
      t.s.tasks.push({
        id: nextTaskId(t),
        nodeId: e.nodeId,
        visit: e.visit,
        assignee: head,
        status: 'pending',
        order,
        added: 'escalation',
      });
      log(t, { actor: 'system', nodeId: e.nodeId, action: 'escalate', target: head });
      notify(t, [head], 'escalated', e.nodeId);
      return;
    }
    case 'auto_approve':
      for (const k of tasksAt(t, active)) {
        if (isOpen(k)) Object.assign(k, { status: 'approved', decidedBy: 'system', decidedAt: t.now });
      }
      log(t, { actor: 'system', nodeId: e.nodeId, action: 'auto_approve' });
      completeNode(t, active);
      return;
    case 'auto_reject':
      log(t, { actor: 'system', nodeId: e.nodeId, action: 'reject', target: 'submitter' });
      finish(t, 'rejected', 'system');
      return;
    default:
      assertNever(e.action, 'timeout action');
  }
}
