import type { FlowDoc, FlowNode, JsonLogic } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { validateFlow } from './validate-flow';

const L = { zh: '节点', en: 'Node' };
const flow = (nodes: FlowNode[]): FlowDoc => ({
  kind: 'flow',
  schemaVersion: 1,
  name: 'f',
  label: L,
  entity: 'customer',
  nodes,
});
const approval = (id: string, next: string): FlowNode => ({
  type: 'approval',
  id,
  label: L,
  mode: 'single',
  approvers: [{ type: 'role', role: 'risk' }],
  next,
});

describe('validateFlow', () => {
  it('accepts a well-formed flow with a parallel block', () => {
    const ok = flow([
      { type: 'start', id: 's', next: 'p' },
      { type: 'parallel', id: 'p', branches: ['a', 'b'], join: 'j' },
      approval('a', 'j'),
      approval('b', 'j'),
      { type: 'join', id: 'j', next: 'e' },
      { type: 'end', id: 'e' },
    ]);
    expect(validateFlow(ok)).toEqual([]);
  });

  it('names the node of a dangling next', () => {
    const errors = validateFlow(
      flow([
        { type: 'start', id: 's', next: 'risk_review' },
        { type: 'end', id: 'e' },
        approval('risk_review', 'nowhere'),
      ]),
    );
    expect(errors.map((e) => e.path)).toEqual(['nodes.2 (id: risk_review).next']);
  });

  it('requires exactly one start, reachability and a path to an end', () => {
    const errors = validateFlow(flow([approval('a', 'b'), approval('b', 'a'), { type: 'end', id: 'e' }]));
    expect(errors.map((e) => e.path)).toEqual(['nodes']);
    const loop = validateFlow(
      flow([
        { type: 'start', id: 's', next: 'a' },
        approval('a', 'b'),
        approval('b', 'a'),
        { type: 'end', id: 'e' },
        approval('orphan', 'e'),
      ]),
    );
    expect(loop.map((e) => e.path)).toEqual([
      'nodes.0 (id: s)',
      'nodes.1 (id: a)',
      'nodes.2 (id: b)',
      'nodes.3 (id: e)',
      'nodes.4 (id: orphan)',
    ]);
  });

  it('checks that every branch of a split reaches its join', () => {
    const errors = validateFlow(
      flow([
        { type: 'start', id: 's', next: 'p' },
        { type: 'parallel', id: 'p', branches: ['a', 'b'], join: 'j' },
        approval('a', 'j'),
        approval('b', 'e'),
        { type: 'join', id: 'j', next: 'e' },
        { type: 'end', id: 'e' },
      ]),
    );
    expect(errors.map((e) => e.path)).toEqual(['nodes.1 (id: p).branches.1', 'nodes.1 (id: p).branches.1']);
  });

  it('validates branch conditions and field approvers against the entity', () => {
    const errors = validateFlow(
      flow([
        { type: 'start', id: 's', next: 'c' },
        {
          type: 'condition',
          id: 'c',
          branches: [{ when: { and: [{ frobnicate: 1 }] }, next: 'a' }],
          otherwise: 'a',
        },
        {
          type: 'approval',
          id: 'a',
          label: L,
          mode: 'single',
          approvers: [{ type: 'field', field: 'name' }],
          next: 'e',
        },
        { type: 'end', id: 'e' },
      ]),
      {
        kind: 'entity',
        schemaVersion: 1,
        name: 'customer',
        label: L,
        titleField: 'name',
        fields: [{ type: 'text', id: 'name', name: 'name', label: L }],
      },
    );
    expect(errors.map((e) => e.path)).toEqual([
      'nodes.1 (id: c).branches.0.when.and.0.frobnicate',
      'nodes.2 (id: a).approvers.0.field',
    ]);
  });

  it('names the branch whose condition reads a field the entity does not have', () => {
    const entity = {
      kind: 'entity' as const,
      schemaVersion: 1 as const,
      name: 'customer',
      label: L,
      titleField: 'name',
      fields: [{ type: 'text' as const, id: 'name', name: 'name', label: L }],
    };
    const withCondition = (when: JsonLogic) =>
      flow([
        { type: 'start', id: 's', next: 'c' },
        { type: 'condition', id: 'c', branches: [{ when, next: 'e' }], otherwise: 'e' },
        { type: 'end', id: 'e' },
      ]);
    const errors = validateFlow(withCondition({ '==': [{ var: 'tier' }, 'A'] }), entity);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      path: 'nodes.1 (id: c).branches.0.when',
      message: { en: 'The condition reads an unknown field: tier' },
    });
    // Record fields, system columns and the submitter are all known.
    const fine = {
      and: [
        { '==': [{ var: 'name' }, 'x'] },
        { '==': [{ var: 'region' }, 'east'] },
        { '==': [{ var: '$submitter.department' }, 'sales'] },
      ],
    };
    expect(validateFlow(withCondition(fine), entity)).toEqual([]);
  });
});
