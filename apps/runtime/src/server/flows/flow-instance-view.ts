import type { FlowDoc, I18nText } from '@lattice/engine';
import { nodeRequiresSignature } from '@lattice/flow-engine';
import type { PublicUser } from '../auth/user-store';
import type { EventRow, InstanceRow } from './flow-store';
import type { FlowInstanceView } from './flow-views';

/** Builds the API view of an instance: labels from the flow document, names from the users. */
export function toFlowInstanceView(
  row: InstanceRow,
  flow: FlowDoc,
  events: EventRow[],
  users: PublicUser[],
): FlowInstanceView {
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const name = (id: string) => (id === 'system' ? '系统 / System' : (names.get(id) ?? id));
  const label = (nodeId: string | null): I18nText | null => {
    const node = nodeId ? flow.nodes.find((n) => n.id === nodeId) : undefined;
    return node && 'label' in node && node.label ? node.label : null;
  };
  const targetName = (e: EventRow): string | null => {
    if (!e.target) return null;
    if (e.action === 'reject') {
      if (e.target === 'submitter') return e.target;
      const l = label(e.target);
      return l ? `${l.zh} / ${l.en}` : e.target;
    }
    return e.target.split(',').filter(Boolean).map(name).join(', ');
  };
  return {
    id: row.id,
    appId: row.appId,
    flow: row.flow,
    flowLabel: flow.label,
    entity: row.entity,
    recordId: row.recordId,
    status: row.status,
    submitter: row.submitter,
    submitterName: row.submitter ? name(row.submitter) : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    version: row.version,
    activeNodes: row.state.active.map((a) => ({
      nodeId: a.nodeId,
      label: label(a.nodeId),
      requireSignature: nodeRequiresSignature(flow.nodes.find((n) => n.id === a.nodeId)),
    })),
    editableFields: row.editableFields,
    visitedNodes: Object.keys(row.state.visits)
      .filter((id) => !row.state.active.some((a) => a.nodeId === id))
      .map((id) => ({ nodeId: id, label: label(id) })),
    tasks: row.state.tasks.map((t) => ({
      id: t.id,
      nodeId: t.nodeId,
      nodeLabel: label(t.nodeId),
      assignee: t.assignee,
      assigneeName: name(t.assignee),
      status: t.status,
      added: t.added ?? null,
      decidedAt: t.decidedAt ?? null,
      signature: t.signature ?? null,
    })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actor,
      actorName: name(e.actor),
      nodeId: e.nodeId,
      nodeLabel: label(e.nodeId),
      action: e.action,
      comment: e.comment ?? null,
      attachments: e.attachments ?? [],
      signature: e.signature ?? null,
      taskId: e.taskId ?? null,
      target: targetName(e),
    })),
    state: row.state,
  };
}
