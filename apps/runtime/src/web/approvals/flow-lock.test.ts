import type { EntityDoc } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import type { FlowInstance } from './approvals-api';
import { flowLockFor, lockedEntity } from './flow-lock';

const flow = (status: FlowInstance['status'], assignee: string, taskStatus = 'pending'): FlowInstance => ({
  id: 'i1',
  flow: 'customer_admission',
  flowLabel: { zh: '新客户准入', en: 'New-customer admission' },
  entity: 'customer',
  recordId: 'r1',
  status,
  submitter: 'sales',
  submitterName: '销售',
  createdAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
  activeNodes: [{ nodeId: 'countersign', label: null, requireSignature: false }],
  editableFields: ['credit_limit'],
  visitedNodes: [],
  tasks: [
    {
      id: 't1',
      nodeId: 'countersign',
      nodeLabel: null,
      assignee,
      assigneeName: '审批人',
      status: taskStatus,
      added: null,
    },
  ],
  events: [],
});

const customer = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'customer',
  label: { zh: '客户', en: 'Customer' },
  fields: [
    { name: 'name', type: 'text', label: { zh: '名称', en: 'Name' } },
    { name: 'credit_limit', type: 'currency', label: { zh: '授信额度', en: 'Credit limit' } },
  ],
} as unknown as EntityDoc;

const readonlyOf = (e: EntityDoc) => Object.fromEntries(e.fields.map((f) => [f.name, f.readonly === true]));

describe('the runtime form under a flow lock', () => {
  it('makes every field read-only for the submitter while the flow runs', () => {
    const lock = flowLockFor([flow('running', 'risk')], 'sales');
    expect(lock?.editable).toEqual([]);
    expect(readonlyOf(lockedEntity(customer, lock))).toEqual({ name: true, credit_limit: true });
  });

  it('leaves the node’s editable fields open to an approver with a pending task', () => {
    const lock = flowLockFor([flow('running', 'risk')], 'risk');
    expect(readonlyOf(lockedEntity(customer, lock))).toEqual({ name: true, credit_limit: false });
    const decided = flowLockFor([flow('running', 'risk', 'approved')], 'risk');
    expect(readonlyOf(lockedEntity(customer, decided))).toEqual({ name: true, credit_limit: true });
  });

  it('does not lock a record whose flows have finished', () => {
    const lock = flowLockFor([flow('approved', 'risk'), flow('withdrawn', 'risk')], 'sales');
    expect(lock).toBeNull();
    expect(lockedEntity(customer, lock)).toBe(customer);
  });
});
