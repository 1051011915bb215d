import type { ApprovalOutcome, FlowDoc, FlowNode } from '@lattice/engine';
import type { ApprovalContext, ApprovalEffect, ApprovalState, TransitionLogEntry } from './approval-types';

/** Scratch space of one transition: a private copy of the state plus the effects gathered so far. */
export interface Step {
  flow: FlowDoc;
  nodes: Map<string, FlowNode>;
  s: ApprovalState;
  fx: ApprovalEffect[];
  ctx: ApprovalContext;
  now: string;
}

export function createStep(flow: FlowDoc, state: ApprovalState, ctx: ApprovalContext): Step {
  return {
    flow,
    nodes: new Map(flow.nodes.map((n) => [n.id, n])),
    s: structuredClone(state),
    fx: [],
    ctx,
    now: ctx.clock.now().toISOString(),
  };
}

export function log(t: Step, entry: Omit<TransitionLogEntry, 'at'>): void {
  t.fx.push({ type: 'persist', entry: { at: t.now, ...entry } });
}

export function notify(
  t: Step,
  to: string[],
  kind: Extract<ApprovalEffect, { type: 'notify' }>['kind'],
  nodeId: string | null,
): void {
  const unique = [...new Set(to)];
  if (unique.length > 0) t.fx.push({ type: 'notify', to: unique, kind, nodeId });
}

export function nextTaskId(t: Step): string {
  t.s.seq += 1;
  return `${t.s.instanceId}-t${t.s.seq}`;
}

/** The effect that tells rules how the run stands (`approval_outcome` triggers). */
export function outcomeEffect(
  t: Step,
  outcome: ApprovalOutcome,
): Extract<ApprovalEffect, { type: 'outcome' }> {
  const { flow, entity, recordId } = t.s;
  return { type: 'outcome', flow, entity, recordId, outcome };
}
