import type { FileRef } from '@lattice/engine';
import { api } from '../lib/api';

/** A comment attachment: an uploaded file, or a link (older comments). */
export type FlowAttachment = string | FileRef;

type Text = { zh: string; en: string };
export type InboxBox = 'todo' | 'done' | 'cc' | 'mine';
export type FlowStatus = 'draft' | 'running' | 'approved' | 'rejected' | 'withdrawn';

/** One line of an inbox tab (GET /api/apps/:app/approvals/inbox). */
export interface InboxItem {
  instanceId: string;
  taskId: string | null;
  flow: string;
  flowLabel: Text;
  entity: string;
  entityLabel: Text;
  recordId: string;
  recordTitle: string;
  nodeId: string | null;
  nodeLabel: Text | null;
  /** Approving needs a handwritten signature. */
  requireSignature: boolean;
  status: FlowStatus;
  taskStatus: string | null;
  submitter: string | null;
  submitterName: string | null;
  at: string;
}

export interface FlowEvent {
  id: string;
  at: string;
  actor: string;
  actorName: string;
  nodeId: string | null;
  nodeLabel: Text | null;
  action: string;
  comment: string | null;
  attachments: FlowAttachment[];
  /** The signature image given with an approval (steps that require one). */
  signature: FileRef | null;
  target: string | null;
}

export interface FlowTask {
  id: string;
  nodeId: string;
  nodeLabel: Text | null;
  assignee: string;
  assigneeName: string;
  status: string;
  added: string | null;
}

/** A flow instance with its timeline (GET …/flows/instances/:id, …/flows/records/:entity/:id). */
export interface FlowInstance {
  id: string;
  flow: string;
  flowLabel: Text;
  entity: string;
  recordId: string;
  status: FlowStatus;
  submitter: string | null;
  submitterName: string | null;
  createdAt: string;
  finishedAt: string | null;
  activeNodes: { nodeId: string; label: Text | null; requireSignature: boolean }[];
  editableFields: string[];
  visitedNodes: { nodeId: string; label: Text | null }[];
  tasks: FlowTask[];
  events: FlowEvent[];
}

/** A user action on an instance; see the server's `FlowAction`. */
export type FlowAction =
  | { type: 'approve'; taskId?: string; comment?: string; signature?: FileRef }
  | { type: 'reject'; taskId?: string; comment?: string; to?: 'submitter' | { node: string } }
  | { type: 'transfer'; taskId?: string; to: string; comment?: string }
  | { type: 'add_signer'; taskId?: string; user: string; position: 'before' | 'after'; comment?: string }
  | { type: 'withdraw'; comment?: string }
  | { type: 'comment'; comment: string; attachments?: FlowAttachment[] }
  | { type: 'urge'; comment?: string };

export interface Person {
  id: string;
  username: string;
  displayName: string;
}

const CHANGED = 'lattice:approvals-changed';

/** Tells badges and lists to reload (after any approval action). */
export function notifyApprovalsChanged(): void {
  globalThis.dispatchEvent?.(new Event(CHANGED));
}

export function onApprovalsChanged(listener: () => void): () => void {
  globalThis.addEventListener?.(CHANGED, listener);
  return () => globalThis.removeEventListener?.(CHANGED, listener);
}

export const listInbox = (app: string, box: InboxBox) =>
  api<InboxItem[]>('GET', `/api/apps/${app}/approvals/inbox?box=${box}`);

export const inboxCounts = (app: string) =>
  api<Record<InboxBox, number>>('GET', `/api/apps/${app}/approvals/counts`);

export const recordFlows = (app: string, entity: string, id: string) =>
  api<FlowInstance[]>('GET', `/api/apps/${app}/flows/records/${entity}/${id}`);

export const entityFlows = (app: string, entity: string) =>
  api<{ name: string; label: Text }[]>('GET', `/api/apps/${app}/flows/entity/${entity}`);

export const people = (app: string) => api<Person[]>('GET', `/api/apps/${app}/approvals/people`);

export async function startFlow(app: string, flow: string, recordId: string, comment?: string) {
  const r = await api<FlowInstance>('POST', `/api/apps/${app}/flows/start`, {
    flow,
    recordId,
    ...(comment ? { comment } : {}),
  });
  notifyApprovalsChanged();
  return r;
}

export async function actOnFlow(app: string, instanceId: string, action: FlowAction) {
  const r = await api<FlowInstance>('POST', `/api/apps/${app}/flows/instances/${instanceId}/actions`, action);
  notifyApprovalsChanged();
  return r;
}
