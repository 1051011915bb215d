import { readFileSync } from 'node:fs';
import type { FlowDoc } from '@lattice/engine';
import { validateFlow } from '@lattice/flow-engine';
import { describe, expect, it } from 'vitest';
import {
  editSeq,
  fromFlowNodes,
  moveStep,
  newStep,
  type Step,
  seqAt,
  stepId,
  toFlowNodes,
} from './flow-model';

const pack = (name: string): FlowDoc =>
  JSON.parse(
    readFileSync(
      new URL(`../../../../templates/manufacturing-crm/flows/${name}.json`, import.meta.url),
      'utf8',
    ),
  );

const asFlow = (steps: Step[]): FlowDoc => ({
  kind: 'flow',
  schemaVersion: 1,
  name: 'f',
  label: { zh: 'f', en: 'f' },
  entity: 'customer',
  nodes: toFlowNodes(steps),
});

describe('flow designer model', () => {
  it('reads the pack flows as vertical steps and writes a graph that validates and reads back the same', () => {
    for (const name of [
      'customer_admission',
      'major_impact_escalation',
      'quote_discount',
      'tech_solution_approval',
      'contract_approval',
    ]) {
      const steps = fromFlowNodes(pack(name));
      expect(steps, name).not.toBeNull();
      const flow = asFlow(steps!);
      expect(validateFlow(flow), name).toEqual([]);
      expect(fromFlowNodes(flow)).toEqual(steps);
    }
  });

  it('keeps the signature requirement of the contract’s final steps through the designer', () => {
    const steps = fromFlowNodes(pack('contract_approval'))!;
    const signing = toFlowNodes(steps).filter((n) => n.type === 'approval' && n.requireSignature);
    expect(signing.map((n) => n.id).sort()).toEqual(['finance_sign', 'manager_sign']);
  });

  it('puts the green channel and the countersign on the two branches of the admission condition', () => {
    const steps = fromFlowNodes(pack('customer_admission'))!;
    expect(steps.map((s) => s.kind)).toEqual(['condition', 'cc']);
    const cond = steps[0] as Extract<Step, { kind: 'condition' }>;
    expect(cond.branches[0]!.steps.map((s) => s.kind === 'approval' && s.node.id)).toEqual(['green_channel']);
    expect(cond.otherwise.map((s) => s.kind === 'approval' && s.node.mode)).toEqual(['countersign']);
  });

  it('builds parallel splits with a join every branch reaches, nested in condition branches', () => {
    let steps: Step[] = [];
    steps = editSeq(steps, [], (s) => [...s, newStep('condition', steps)]);
    steps = editSeq(steps, [0, 'b', 0], (s) => [...s, newStep('parallel', steps)]);
    const withSplit = steps;
    steps = editSeq(steps, [0, 'b', 0, 0, 'p', 0], (s) => [...s, newStep('approval', withSplit)]);
    const withOne = steps;
    steps = editSeq(steps, [0, 'b', 0, 0, 'p', 1], (s) => [...s, newStep('approval', withOne)]);
    steps = editSeq(steps, [0, 'o'], (s) => [...s, newStep('auto_approve', steps)]);
    expect(seqAt(steps, [0, 'b', 0, 0, 'p', 1])).toHaveLength(1);
    const flow = asFlow(steps);
    expect(validateFlow(flow)).toEqual([]);
    expect(fromFlowNodes(flow)).toEqual(steps);
  });

  it('refuses a graph whose branches end separately (not a vertical flow)', () => {
    const flow = pack('customer_admission');
    const nodes = [
      ...flow.nodes.map((n) =>
        n.id === 'green_channel' && n.type === 'approval' ? { ...n, next: 'end2' } : n,
      ),
      { type: 'end' as const, id: 'end2' },
    ];
    expect(fromFlowNodes({ nodes })).toBeNull();
  });

  it('moves a step between the branches of a condition, out to the main line and into a parallel branch', () => {
    const admission = fromFlowNodes(pack('customer_admission'))!;
    // The countersign (in "otherwise") moves into the green-channel branch, below the green channel.
    const moved = moveStep(admission, 'countersign', [0, 'b', 0], 1)!;
    const cond = moved[0] as Extract<Step, { kind: 'condition' }>;
    expect(cond.branches[0]!.steps.map(stepId)).toEqual(['green_channel', 'countersign']);
    expect(cond.otherwise).toEqual([]);
    expect(validateFlow(asFlow(moved))).toEqual([]);
    // Out of the branch onto the main line, after the condition and before the CC.
    const out = moveStep(moved, 'countersign', [], 1)!;
    expect(out.map(stepId)).toEqual(['route', 'countersign', 'cc_all']);
    // Into the second branch of a new parallel split placed before it on the main line.
    const withSplit = [newStep('parallel', out), ...out];
    const into = moveStep(withSplit, 'countersign', [0, 'p', 1], 0)!;
    expect(seqAt(into, [0, 'p', 1]).map(stepId)).toEqual(['countersign']);
    expect(into.map(stepId)).not.toContain('countersign');
    const flow = asFlow(into);
    expect(validateFlow(flow)).toEqual([]);
    expect(fromFlowNodes(flow)).toEqual(into);
  });

  it('reorders within one list in both directions and refuses a drop into the moved step itself', () => {
    const steps = fromFlowNodes(pack('customer_admission'))!;
    const [cond, cc] = steps.map(stepId);
    expect(moveStep(steps, cc!, [], 0)!.map(stepId)).toEqual([cc, cond]);
    expect(moveStep(steps, cond!, [], 2)!.map(stepId)).toEqual([cc, cond]);
    expect(moveStep(steps, cond!, [], 1)).toEqual(steps);
    expect(moveStep(steps, cond!, [0, 'o'], 0)).toBeNull();
    // A main-line step before a condition moves into that condition's branch (the branch's index shifts up).
    const cc1 = moveStep(steps, cc!, [], 0)!;
    const inBranch = moveStep(cc1, cc!, [1, 'b', 0], 0)!;
    expect(inBranch.map(stepId)).toEqual([cond]);
    expect(seqAt(inBranch, [0, 'b', 0]).map(stepId)).toEqual([cc, 'green_channel']);
    expect(moveStep(steps, 'nope', [], 0)).toBeNull();
  });
});
