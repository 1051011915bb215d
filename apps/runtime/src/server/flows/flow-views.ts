import type { FileRef, I18nText } from '@lattice/engine';
import type { ApprovalState, FlowAttachment, FlowStatus, TaskStatus } from '@lattice/flow-engine';

/** One timeline line as the API returns it (`flow_events`). */
export interface FlowEventView {
  id: string;
  at: string;
  actor: string;
  actorName: string;
  nodeId: string | null;
  nodeLabel: I18nText | null;
  action: string;
  comment: string | null;
  attachments: FlowAttachment[];
  /** The signature image of an approval on a step that requires one. */
  signature: FileRef | null;
  taskId: string | null;
  /** Target user ids are shown by name (comma separated) or a node label for "reject back". */
  target: string | null;
}

/** One task row as the API returns it. */
export interface FlowTaskView {
  id: string;
  nodeId: string;
  nodeLabel: I18nText | null;
  assignee: string;
  assigneeName: string;
  status: TaskStatus;
  added: string | null;
  decidedAt: string | null;
  /** The signature given with the approval (steps with `requireSignature`). */
  signature: FileRef | null;
}

/** A flow instance with its timeline: what the record page and the approval detail show. */
export interface FlowInstanceView {
  id: string;
  appId: string;
  flow: string;
  flowLabel: I18nText;
  entity: string;
  recordId: string;
  status: FlowStatus;
  submitter: string | null;
  submitterName: string | null;
  createdAt: string;
  finishedAt: string | null;
  version: number;
  /** Nodes waiting for decisions now. */
  activeNodes: { nodeId: string; label: I18nText | null; requireSignature: boolean }[];
  /** Fields that stay editable while the record is locked. */
  editableFields: string[];
  /** Approval nodes the record may be sent back to. */
  visitedNodes: { nodeId: string; label: I18nText | null }[];
  tasks: FlowTaskView[];
  events: FlowEventView[];
  state: ApprovalState;
}

export const INBOX_BOXES = ['todo', 'done', 'cc', 'mine'] as const;
/** Inbox tabs: to do, done by me, CC'd to me, submitted by me. */
export type InboxBox = (typeof INBOX_BOXES)[number];

/** One line of the approval inbox. */
export interface InboxItem {
  instanceId: string;
  taskId: string | null;
  flow: string;
  flowLabel: I18nText;
  entity: string;
  entityLabel: I18nText;
  recordId: string;
  recordTitle: string;
  nodeId: string | null;
  nodeLabel: I18nText | null;
  /** Approving this step needs a handwritten signature (the dialog shows the signature pad). */
  requireSignature: boolean;
  status: FlowStatus;
  taskStatus: TaskStatus | null;
  submitter: string | null;
  submitterName: string | null;
  /** When the task (or CC, or submission) happened. */
  at: string;
}

export type InboxCounts = Record<InboxBox, number>;
