import type { FileRef, FlowDoc, FlowNode } from '@lattice/engine';
import { isLatticeError } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { approvalTransition, initialApprovalState } from './approval-transition';
import type { ApprovalContext, ApprovalEvent, ApprovalState } from './approval-types';
import { validateFlow } from './validate-flow';

const L = { zh: '节点', en: 'Node' };
let now = new Date('2026-03-02T01:00:00Z');
const ctx: ApprovalContext = {
  clock: { now: () => now },
  record: {},
  resolveApprovers: (spec) => (spec.type === 'role' ? [`${spec.role}1`] : ['head']),
};
const sig: FileRef = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'sign.png',
  size: 812,
  mime: 'image/png',
};

/** Contract approval: the sales manager reviews, then legal signs. */
const contract = (signer: Partial<Extract<FlowNode, { type: 'approval' }>> = {}): FlowDoc => ({
  kind: 'flow',
  schemaVersion: 1,
  name: 'contract_approval',
  label: L,
  entity: 'contract',
  nodes: [
    { type: 'start', id: 'start', next: 'manager' },
    {
      type: 'approval',
      id: 'manager',
      label: L,
      mode: 'single',
      approvers: [{ type: 'role', role: 'sales' }],
      next: 'sign',
    },
    {
      type: 'approval',
      id: 'sign',
      label: L,
      mode: 'single',
      approvers: [{ type: 'role', role: 'legal' }],
      requireSignature: true,
      next: 'end',
      ...signer,
    },
    { type: 'end', id: 'end' },
  ],
});

function drive(flow: FlowDoc, events: ApprovalEvent[]) {
  let state: ApprovalState = initialApprovalState(flow, 'c1', 'i1');
  const effects = [];
  for (const e of events) {
    const r = approvalTransition(flow, state, e, ctx);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

function errorOf(f: () => unknown): { code: string; path: string | undefined } {
  try {
    f();
  } catch (e) {
    if (isLatticeError(e)) return { code: e.code, path: e.details[0]?.path };
    throw e;
  }
  throw new Error('expected an error');
}

describe('approval nodes with requireSignature', () => {
  const toSigner: ApprovalEvent[] = [
    { type: 'submit', actor: 'u1' },
    { type: 'approve', actor: 'sales1' },
  ];

  it('refuses an approval without a signature, naming the signature path', () => {
    const { state } = drive(contract(), toSigner);
    const err = errorOf(() =>
      approvalTransition(contract(), state, { type: 'approve', actor: 'legal1' }, ctx),
    );
    expect(err).toEqual({ code: 'LATTICE_ERR_VALIDATION', path: 'signature' });
  });

  it('records the signature on the task and the timeline and hands it to the outcome', () => {
    now = new Date('2026-03-02T02:30:00Z');
    const { state, effects } = drive(contract(), [
      ...toSigner,
      { type: 'approve', actor: 'legal1', comment: '同意签署', signature: sig },
    ]);
    expect(state.status).toBe('approved');
    expect(state.tasks.find((t) => t.assignee === 'legal1')?.signature).toEqual(sig);
    const entry = effects.find((e) => e.type === 'persist' && e.entry.actor === 'legal1');
    expect(entry).toMatchObject({ entry: { action: 'approve', signature: sig, comment: '同意签署' } });
    expect(effects.find((e) => e.type === 'outcome' && e.outcome !== 'submitted')).toMatchObject({
      outcome: 'approved',
      signature: { by: 'legal1', at: '2026-03-02T02:30:00.000Z', file: sig },
    });
  });

  it('drops a signature sent to a step that does not ask for one', () => {
    const { state, effects } = drive(contract({ requireSignature: false }), [
      { type: 'submit', actor: 'u1' },
      { type: 'approve', actor: 'sales1', signature: sig },
      { type: 'approve', actor: 'legal1' },
    ]);
    expect(state.tasks.some((t) => t.signature)).toBe(false);
    expect(effects.find((e) => e.type === 'outcome')).not.toHaveProperty('signature');
  });

  it('makes an escalated approver sign too', () => {
    const flow = contract({ timeout: { after: { hours: 2 }, action: 'escalate' } });
    const { state } = drive(flow, [
      ...toSigner,
      { type: 'timeout', nodeId: 'sign', visit: 1, action: 'escalate' },
    ]);
    expect(errorOf(() => approvalTransition(flow, state, { type: 'approve', actor: 'head' }, ctx)).path).toBe(
      'signature',
    );
    const signed = approvalTransition(flow, state, { type: 'approve', actor: 'head', signature: sig }, ctx);
    expect(signed.state.status).toBe('approved');
  });

  it('refuses adding a signer after the signer (that would approve unsigned)', () => {
    const { state } = drive(contract(), toSigner);
    const err = errorOf(() =>
      approvalTransition(
        contract(),
        state,
        { type: 'add_signer', actor: 'legal1', user: 'x', position: 'after' },
        ctx,
      ),
    );
    expect(err).toEqual({ code: 'LATTICE_ERR_VALIDATION', path: 'position' });
  });

  it('is rejected by validateFlow together with an auto-approving timeout', () => {
    const flow = contract({ timeout: { after: { hours: 2 }, action: 'auto_approve' } });
    expect(validateFlow(flow).map((e) => e.path)).toEqual(['nodes.2 (id: sign).timeout.action']);
    expect(validateFlow(contract())).toEqual([]);
  });
});
