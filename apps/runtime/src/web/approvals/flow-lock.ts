import type { EntityDoc } from '@lattice/engine';
import type { FlowInstance } from './approvals-api';

/** How a running flow locks a record for the signed-in user. */
export interface FlowLock {
  flowLabel: FlowInstance['flowLabel'];
  /** Fields this user may still change: the active node's editable fields, if they hold a pending task there. */
  editable: string[];
}

/**
 * The lock a record is under while in a running flow, as the server enforces it (flows/flow-record-lock.ts):
 * every field is locked, except the active node's editable fields for someone with a pending task on the
 * instance. Null when no flow runs on the record.
 */
export function flowLockFor(flows: readonly FlowInstance[], me: string | undefined): FlowLock | null {
  const running = flows.find((f) => f.status === 'running');
  if (!running) return null;
  const approver = running.tasks.some((t) => t.assignee === me && t.status === 'pending');
  return { flowLabel: running.flowLabel, editable: approver ? running.editableFields : [] };
}

/** The entity with every field the lock holds made read-only (so the form shows it as such). */
export function lockedEntity(entity: EntityDoc, lock: FlowLock | null): EntityDoc {
  if (!lock) return entity;
  const open = new Set(lock.editable);
  return { ...entity, fields: entity.fields.map((f) => (open.has(f.name) ? f : { ...f, readonly: true })) };
}
