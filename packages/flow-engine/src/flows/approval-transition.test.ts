import type { ApproverSpec, FlowDoc } from '@lattice/engine';
import { isLatticeError } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { approvalTransition, initialApprovalState } from './approval-transition';
import type { ApprovalContext, ApprovalEffect, ApprovalEvent, ApprovalState } from './approval-types';

const L = { zh: '节点', en: 'Node' };
const ROLES: Record<string, string[]> = {
  sales: ['sales1'],
  risk: ['risk1'],
  finance: ['fin1'],
  sales_director: ['director'],
  ops: ['ops1', 'ops2'],
};

let now = new Date('2024-06-17T01:00:00Z');
const clock = { now: () => now };

function ctx(record: Record<string, unknown> = {}, extra: Partial<ApprovalContext> = {}): ApprovalContext {
  return {
    clock,
    record,
    resolveApprovers: (spec: ApproverSpec) => {
      switch (spec.type) {
        case 'user':
          return [spec.user];
        case 'role':
          return ROLES[spec.role] ?? [];
        case 'department_head':
          return ['head'];
        case 'field':
          return typeof record[spec.field] === 'string' ? [record[spec.field] as string] : [];
      }
    },
    ...extra,
  };
}

/** New-customer admission: strategic customers take the green channel, others need a countersign. */
const admission: FlowDoc = {
  kind: 'flow',
  schemaVersion: 1,
  name: 'customer_admission',
  label: { zh: '新客户准入', en: 'New customer admission' },
  entity: 'customer',
  nodes: [
    { type: 'start', id: 'start', next: 'route' },
    {
      type: 'condition',
      id: 'route',
      branches: [{ when: { '==': [{ var: 'is_strategic' }, true] }, next: 'green' }],
      otherwise: 'impact',
    },
    {
      type: 'approval',
      id: 'green',
      label: L,
      mode: 'single',
      approvers: [{ type: 'role', role: 'sales_director' }],
      next: 'end',
    },
    {
      type: 'condition',
      id: 'impact',
      branches: [{ when: { '==': [{ var: 'impact' }, '重大影响'] }, next: 'countersign_major' }],
      otherwise: 'countersign',
    },
    {
      type: 'approval',
      id: 'countersign',
      label: L,
      mode: 'countersign',
      approvers: [
        { type: 'role', role: 'sales' },
        { type: 'role', role: 'risk' },
        { type: 'role', role: 'finance' },
      ],
      editableFields: ['credit_limit'],
      next: 'notify_ops',
    },
    {
      type: 'approval',
      id: 'countersign_major',
      label: L,
      mode: 'countersign',
      approvers: [
        { type: 'role', role: 'sales' },
        { type: 'role', role: 'risk' },
        { type: 'role', role: 'finance' },
      ],
      timeout: { after: { hours: 2 }, action: 'escalate' },
      next: 'notify_ops',
    },
    { type: 'cc', id: 'notify_ops', to: [{ type: 'role', role: 'ops' }], next: 'end' },
    { type: 'end', id: 'end' },
  ],
};

/** Any-sign review, then a manager who may send it back. */
const review: FlowDoc = {
  kind: 'flow',
  schemaVersion: 1,
  name: 'quote_review',
  label: L,
  entity: 'quote',
  nodes: [
    { type: 'start', id: 'start', next: 'review' },
    {
      type: 'approval',
      id: 'review',
      label: L,
      mode: 'anysign',
      approvers: [
        { type: 'user', user: 'a' },
        { type: 'user', user: 'b' },
      ],
      next: 'seq',
    },
    {
      type: 'approval',
      id: 'seq',
      label: L,
      mode: 'sequential',
      approvers: [
        { type: 'user', user: 'c' },
        { type: 'user', user: 'd' },
      ],
      next: 'manager',
    },
    {
      type: 'approval',
      id: 'manager',
      label: L,
      mode: 'single',
      approvers: [{ type: 'field', field: 'manager' }],
      fallback: { type: 'user', user: 'admin' },
      next: 'end',
    },
    { type: 'end', id: 'end' },
  ],
};

const parallel: FlowDoc = {
  kind: 'flow',
  schemaVersion: 1,
  name: 'contract',
  label: L,
  entity: 'contract',
  nodes: [
    { type: 'start', id: 'start', next: 'split' },
    { type: 'parallel', id: 'split', branches: ['legal', 'tech'], join: 'join' },
    {
      type: 'approval',
      id: 'legal',
      label: L,
      mode: 'single',
      approvers: [{ type: 'user', user: 'lawyer' }],
      next: 'join',
    },
    {
      type: 'approval',
      id: 'tech',
      label: L,
      mode: 'single',
      approvers: [{ type: 'user', user: 'engineer' }],
      next: 'auto',
    },
    { type: 'auto_approve', id: 'auto', next: 'join' },
    { type: 'join', id: 'join', next: 'end' },
    { type: 'end', id: 'end' },
  ],
};

function drive(flow: FlowDoc, c: ApprovalContext, events: ApprovalEvent[], from?: ApprovalState) {
  let state = from ?? initialApprovalState(flow, 'rec1', 'i1');
  const effects: ApprovalEffect[] = [];
  for (const e of events) {
    const r = approvalTransition(flow, state, e, c);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

const pendingOf = (s: ApprovalState) =>
  s.tasks
    .filter((t) => t.status === 'pending')
    .map((t) => t.assignee)
    .sort();
/** The last outcome effect (a run driven from its submission reports `submitted` first). */
const outcome = (fx: ApprovalEffect[]) => fx.filter((e) => e.type === 'outcome').at(-1);
const outcomes = (fx: ApprovalEffect[]) => fx.flatMap((e) => (e.type === 'outcome' ? [e.outcome] : []));

function expectError(f: () => unknown, code: string): void {
  try {
    f();
    expect.unreachable();
  } catch (e) {
    expect(isLatticeError(e) ? e.code : e).toBe(code);
  }
}

describe('approvalTransition: new-customer admission', () => {
  it('needs sales, risk and finance to countersign, then copies ops and approves', () => {
    const c = ctx({ is_strategic: false });
    const submitted = drive(admission, c, [{ type: 'submit', actor: 'u1' }]);
    expect(submitted.state.status).toBe('running');
    expect(pendingOf(submitted.state)).toEqual(['fin1', 'risk1', 'sales1']);
    expect(submitted.effects).toContainEqual({
      type: 'lockRecord',
      entity: 'customer',
      recordId: 'rec1',
      editableFields: ['credit_limit'],
    });
    expect(submitted.effects).toContainEqual({
      type: 'notify',
      to: ['sales1', 'risk1', 'fin1'],
      kind: 'task',
      nodeId: 'countersign',
    });

    const partly = drive(
      admission,
      c,
      [
        { type: 'approve', actor: 'sales1' },
        { type: 'approve', actor: 'risk1', comment: '风险可控' },
      ],
      submitted.state,
    );
    expect(partly.state.status).toBe('running');
    expect(pendingOf(partly.state)).toEqual(['fin1']);
    expect(partly.effects).toContainEqual({
      type: 'persist',
      entry: {
        at: now.toISOString(),
        actor: 'risk1',
        nodeId: 'countersign',
        action: 'approve',
        taskId: expect.any(String),
        comment: '风险可控',
      },
    });

    const done = drive(admission, c, [{ type: 'approve', actor: 'fin1' }], partly.state);
    expect(done.state.status).toBe('approved');
    expect(done.effects).toContainEqual({
      type: 'notify',
      to: ['ops1', 'ops2'],
      kind: 'cc',
      nodeId: 'notify_ops',
    });
    expect(done.effects).toContainEqual({ type: 'unlockRecord', entity: 'customer', recordId: 'rec1' });
    expect(outcome(done.effects)).toEqual({
      type: 'outcome',
      flow: 'customer_admission',
      entity: 'customer',
      recordId: 'rec1',
      outcome: 'approved',
    });
  });

  it('sends a strategic customer through the green channel with one approval', () => {
    const c = ctx({ is_strategic: true });
    const { state, effects } = drive(admission, c, [
      { type: 'submit', actor: 'u1' },
      { type: 'approve', actor: 'director' },
    ]);
    expect(state.status).toBe('approved');
    expect(state.tasks.map((t) => t.nodeId)).toEqual(['green']);
    expect(outcome(effects)).toMatchObject({ outcome: 'approved' });
  });

  it('escalates a major-impact request to the department head after 2 hours', () => {
    now = new Date('2024-06-17T01:00:00Z');
    const c = ctx({ is_strategic: false, impact: '重大影响' });
    const submitted = drive(admission, c, [{ type: 'submit', actor: 'u1' }]);
    const schedule = submitted.effects.find((e) => e.type === 'scheduleTimeout');
    expect(schedule).toMatchObject({
      nodeId: 'countersign_major',
      action: 'escalate',
      dueAt: '2024-06-17T03:00:00.000Z',
    });
    if (schedule?.type !== 'scheduleTimeout') throw new Error('no timeout');

    now = new Date('2024-06-17T03:00:00Z');
    const escalated = drive(
      admission,
      c,
      [{ type: 'timeout', nodeId: schedule.nodeId, visit: schedule.visit, action: schedule.action }],
      submitted.state,
    );
    expect(escalated.effects).toContainEqual({
      type: 'notify',
      to: ['head'],
      kind: 'escalated',
      nodeId: 'countersign_major',
    });
    expect(pendingOf(escalated.state)).toEqual(['fin1', 'head', 'risk1', 'sales1']);

    const decided = drive(
      admission,
      c,
      [{ type: 'approve', actor: 'head', comment: '特批' }],
      escalated.state,
    );
    expect(decided.state.status).toBe('approved');
    expect(decided.state.tasks.filter((t) => t.assignee === 'sales1').map((t) => t.status)).toEqual([
      'cancelled',
    ]);
  });

  it('ignores a timeout for a node that was already completed', () => {
    const c = ctx({ impact: '重大影响' });
    const s = drive(admission, c, [
      { type: 'submit', actor: 'u1' },
      { type: 'approve', actor: 'sales1' },
      { type: 'approve', actor: 'risk1' },
      { type: 'approve', actor: 'fin1' },
    ]);
    const stale = approvalTransition(
      admission,
      s.state,
      { type: 'timeout', nodeId: 'countersign_major', visit: 1, action: 'escalate' },
      c,
    );
    expect(stale.effects).toEqual([]);
    expect(stale.state).toEqual(s.state);
  });

  it('never mutates the state it is given', () => {
    const c = ctx({});
    const s = drive(admission, c, [{ type: 'submit', actor: 'u1' }]).state;
    const snapshot = structuredClone(s);
    approvalTransition(admission, s, { type: 'approve', actor: 'sales1' }, c);
    expect(s).toEqual(snapshot);
  });
});

describe('approvalTransition: operations', () => {
  const c = ctx({ manager: 'mgr' });

  it('lets only the first any-sign decision count; the second gets ALREADY_DECIDED', () => {
    const s = drive(review, c, [{ type: 'submit', actor: 'u1' }]).state;
    const [taskA, taskB] = s.tasks;
    const afterA = approvalTransition(review, s, { type: 'approve', actor: 'a', taskId: taskA!.id }, c).state;
    expectError(
      () => approvalTransition(review, afterA, { type: 'approve', actor: 'b', taskId: taskB!.id }, c),
      'LATTICE_ERR_ALREADY_DECIDED',
    );
    expectError(
      () => approvalTransition(review, afterA, { type: 'reject', actor: 'b' }, c),
      'LATTICE_ERR_ALREADY_DECIDED',
    );
    expectError(
      () => approvalTransition(review, afterA, { type: 'approve', actor: 'stranger' }, c),
      'LATTICE_ERR_FORBIDDEN',
    );
  });

  it('runs a sequential node one approver at a time', () => {
    const s = drive(review, c, [
      { type: 'submit', actor: 'u1' },
      { type: 'approve', actor: 'a' },
    ]).state;
    expect(pendingOf(s)).toEqual(['c']);
    expectError(
      () => approvalTransition(review, s, { type: 'approve', actor: 'd' }, c),
      'LATTICE_ERR_FORBIDDEN',
    );
    const next = drive(review, c, [{ type: 'approve', actor: 'c' }], s).state;
    expect(pendingOf(next)).toEqual(['d']);
  });

  it('rejects back to an earlier node, which starts a new visit', () => {
    const s = drive(review, c, [
      { type: 'submit', actor: 'u1' },
      { type: 'approve', actor: 'a' },
      { type: 'approve', actor: 'c' },
      { type: 'approve', actor: 'd' },
    ]).state;
    expect(pendingOf(s)).toEqual(['mgr']);
    const back = drive(
      review,
      c,
      [{ type: 'reject', actor: 'mgr', comment: '价格需复核', to: { node: 'review' } }],
      s,
    );
    expect(back.state.status).toBe('running');
    expect(pendingOf(back.state)).toEqual(['a', 'b']);
    expect(back.state.active).toMatchObject([{ nodeId: 'review', visit: 2 }]);
    expect(back.effects).toContainEqual({ type: 'notify', to: ['u1'], kind: 'returned', nodeId: 'review' });
    expectError(
      () => approvalTransition(review, s, { type: 'reject', actor: 'mgr', to: { node: 'end' } }, c),
      'LATTICE_ERR_VALIDATION',
    );
  });

  it('rejects to the submitter, ending the flow with a rejected outcome', () => {
    const { state, effects } = drive(review, c, [
      { type: 'submit', actor: 'u1' },
      { type: 'reject', actor: 'b', comment: '资料不全' },
    ]);
    expect(state.status).toBe('rejected');
    expect(outcome(effects)).toMatchObject({ outcome: 'rejected' });
    expect(state.tasks.map((t) => t.status)).toEqual(['cancelled', 'rejected']);
  });

  it('reports the submission to rules before the first node asks anyone', () => {
    const { effects } = drive(review, c, [{ type: 'submit', actor: 'u1' }]);
    expect(outcomes(effects)).toEqual(['submitted']);
    const submitted = effects.findIndex((e) => e.type === 'outcome');
    const firstTask = effects.findIndex((e) => e.type === 'notify' && e.kind === 'task');
    expect(submitted).toBeGreaterThanOrEqual(0);
    expect(submitted).toBeLessThan(firstTask);
  });

  it('reports a flow that ends at once as submitted, then approved', () => {
    const straight: FlowDoc = {
      ...review,
      nodes: [
        { type: 'start', id: 'start', next: 'end' },
        { type: 'end', id: 'end' },
      ],
    };
    const { state, effects } = drive(straight, c, [{ type: 'submit', actor: 'u1' }]);
    expect(state.status).toBe('approved');
    expect(outcomes(effects)).toEqual(['submitted', 'approved']);
  });

  it('lets the submitter withdraw, cancelling open tasks and unlocking the record', () => {
    const s = drive(review, c, [{ type: 'submit', actor: 'u1' }]).state;
    expectError(
      () => approvalTransition(review, s, { type: 'withdraw', actor: 'a' }, c),
      'LATTICE_ERR_FORBIDDEN',
    );
    const { state, effects } = approvalTransition(review, s, { type: 'withdraw', actor: 'u1' }, c);
    expect(state.status).toBe('withdrawn');
    expect(pendingOf(state)).toEqual([]);
    expect(effects).toContainEqual({ type: 'unlockRecord', entity: 'quote', recordId: 'rec1' });
    expect(outcome(effects)).toEqual({
      type: 'outcome',
      flow: review.name,
      entity: 'quote',
      recordId: 'rec1',
      outcome: 'withdrawn',
    });
    expect(approvalTransition(review, state, { type: 'submit', actor: 'u1' }, c).state.status).toBe(
      'running',
    );
  });

  it('transfers a task to someone else', () => {
    const s = drive(review, c, [
      { type: 'submit', actor: 'u1' },
      { type: 'transfer', actor: 'a', to: 'z', comment: '出差' },
    ]);
    expect(pendingOf(s.state)).toEqual(['b', 'z']);
    expect(s.effects).toContainEqual({ type: 'notify', to: ['z'], kind: 'task', nodeId: 'review' });
    expect(drive(review, c, [{ type: 'approve', actor: 'z' }], s.state).state.active[0]?.nodeId).toBe('seq');
  });

  it('adds a signer before: they decide first, then the task comes back', () => {
    const s = drive(review, c, [
      { type: 'submit', actor: 'u1' },
      { type: 'approve', actor: 'a' },
      { type: 'add_signer', actor: 'c', user: 'x', position: 'before' },
    ]).state;
    expect(pendingOf(s)).toEqual(['x']);
    const back = drive(review, c, [{ type: 'approve', actor: 'x' }], s).state;
    expect(pendingOf(back)).toEqual(['c']);
    expect(back.active[0]?.nodeId).toBe('seq');
  });

  it('adds a signer after: the node waits for them too', () => {
    const s = drive(review, c, [
      { type: 'submit', actor: 'u1' },
      { type: 'add_signer', actor: 'a', user: 'y', position: 'after' },
    ]).state;
    expect(pendingOf(s)).toEqual(['y']);
    expect(s.active[0]?.nodeId).toBe('review');
    expect(drive(review, c, [{ type: 'approve', actor: 'y' }], s).state.active[0]?.nodeId).toBe('seq');
  });

  it('uses the fallback approver when the field is empty, and logs comments and urges', () => {
    const noManager = ctx({});
    const s = drive(review, noManager, [
      { type: 'submit', actor: 'u1' },
      { type: 'approve', actor: 'a' },
      { type: 'approve', actor: 'c' },
      { type: 'approve', actor: 'd' },
    ]).state;
    expect(pendingOf(s)).toEqual(['admin']);
    const urged = drive(
      review,
      noManager,
      [
        { type: 'comment', actor: 'u1', comment: '附件见合同', attachments: ['f1'] },
        { type: 'urge', actor: 'u1' },
      ],
      s,
    );
    expect(urged.effects).toContainEqual({ type: 'notify', to: ['admin'], kind: 'urge', nodeId: null });
    expect(urged.effects[0]).toMatchObject({
      type: 'persist',
      entry: { action: 'comment', attachments: ['f1'] },
    });
  });

  it('splits in parallel and joins when every branch arrives', () => {
    const s = drive(parallel, c, [{ type: 'submit', actor: 'u1' }]).state;
    expect(pendingOf(s)).toEqual(['engineer', 'lawyer']);
    const half = drive(parallel, c, [{ type: 'approve', actor: 'engineer' }], s).state;
    expect(half.status).toBe('running');
    expect(half.joins).toEqual({ split: [1] });
    const done = drive(parallel, c, [{ type: 'approve', actor: 'lawyer' }], half);
    expect(done.state.status).toBe('approved');
  });

  it('auto-approves a node on timeout', () => {
    const flow: FlowDoc = {
      ...review,
      nodes: review.nodes.map((n) =>
        n.id === 'review' && n.type === 'approval'
          ? { ...n, timeout: { after: { hours: 1 }, action: 'auto_approve' as const } }
          : n,
      ),
    };
    const s = drive(flow, c, [{ type: 'submit', actor: 'u1' }]).state;
    const r = approvalTransition(
      flow,
      s,
      { type: 'timeout', nodeId: 'review', visit: 1, action: 'auto_approve' },
      c,
    );
    expect(r.state.active[0]?.nodeId).toBe('seq');
  });

  it('auto-rejects a node on timeout, ending the flow with a rejected outcome', () => {
    const s = drive(review, c, [{ type: 'submit', actor: 'u1' }]).state;
    const r = approvalTransition(
      review,
      s,
      { type: 'timeout', nodeId: 'review', visit: 1, action: 'auto_reject' },
      c,
    );
    expect(r.state.status).toBe('rejected');
    expect(outcome(r.effects)).toMatchObject({ outcome: 'rejected' });
    expect(r.effects).toContainEqual({ type: 'unlockRecord', entity: 'quote', recordId: 'rec1' });
  });

  it('reminds the pending approvers on timeout and keeps the node open', () => {
    const s = drive(review, c, [{ type: 'submit', actor: 'u1' }]).state;
    const r = approvalTransition(
      review,
      s,
      { type: 'timeout', nodeId: 'review', visit: 1, action: 'remind' },
      c,
    );
    expect(r.state.active.map((a) => a.nodeId)).toEqual(['review']);
    expect(r.effects).toContainEqual({ type: 'notify', to: ['a', 'b'], kind: 'remind', nodeId: 'review' });
  });

  it('branches on the submitter as well as the record', () => {
    const bySubmitter: FlowDoc = {
      ...admission,
      nodes: admission.nodes.map((n) =>
        n.id === 'route' && n.type === 'condition'
          ? { ...n, branches: [{ when: { '==': [{ var: '$submitter.department' }, 'vip'] }, next: 'green' }] }
          : n,
      ),
    };
    const vip = ctx({}, { submitterInfo: { id: 'u1', department: 'vip' } });
    expect(drive(bySubmitter, vip, [{ type: 'submit', actor: 'u1' }]).state.active[0]?.nodeId).toBe('green');
    const other = ctx({}, { submitterInfo: { id: 'u1', department: 'east' } });
    expect(drive(bySubmitter, other, [{ type: 'submit', actor: 'u1' }]).state.active[0]?.nodeId).toBe(
      'countersign',
    );
  });
});
