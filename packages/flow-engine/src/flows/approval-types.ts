import type { ApprovalMode, ApprovalOutcome, ApproverSpec, FileRef, NodeTimeout } from '@lattice/engine';
import type { Clock } from '../clock';

export type FlowStatus = 'draft' | 'running' | 'approved' | 'rejected' | 'withdrawn';
export type TaskStatus = 'pending' | 'waiting' | 'approved' | 'rejected' | 'transferred' | 'cancelled';

/** One person's piece of work at an approval node. */
export interface ApprovalTask {
  id: string;
  nodeId: string;
  /** Which visit of the node (a node is visited again after a reject back to it). */
  visit: number;
  assignee: string;
  status: TaskStatus;
  /** Position for sequential nodes (and signers added after someone). */
  order: number;
  /** Added by add_signer / escalation: must approve too before the node completes. */
  added?: 'before' | 'after' | 'escalation';
  /** A `waiting` task that resumes once this task is approved (add signer before). */
  resumesAfter?: string;
  decidedBy?: string;
  decidedAt?: string;
  /** The handwritten signature given with the approval (nodes with `requireSignature`). */
  signature?: FileRef;
}

/** An approval node that currently has open tasks. */
export interface ActiveNode {
  nodeId: string;
  visit: number;
  mode: ApprovalMode;
  enteredAt: string;
  /** Parallel splits this node sits in, innermost last: `{ split: node id, branch: index }`. */
  path: { split: string; branch: number }[];
  timeoutKey: string | null;
}

/** The whole state of one flow instance; plain JSON so the runtime can store it as is. */
export interface ApprovalState {
  instanceId: string;
  flow: string;
  entity: string;
  recordId: string;
  status: FlowStatus;
  submitter: string | null;
  active: ActiveNode[];
  tasks: ApprovalTask[];
  /** Parallel split id → branch indexes that reached its join. */
  joins: Record<string, number[]>;
  /** Approval nodes visited (for "reject back to an earlier node"), with their visit count. */
  visits: Record<string, number>;
  seq: number;
}

/** What a user (or a timeout job) does; `type` discriminates. */
export type ApprovalEvent =
  | { type: 'submit'; actor: string; comment?: string }
  | { type: 'approve'; actor: string; taskId?: string; comment?: string; signature?: FileRef }
  | { type: 'reject'; actor: string; taskId?: string; comment?: string; to?: 'submitter' | { node: string } }
  | { type: 'transfer'; actor: string; taskId?: string; to: string; comment?: string }
  | {
      type: 'add_signer';
      actor: string;
      taskId?: string;
      user: string;
      position: 'before' | 'after';
      comment?: string;
    }
  | { type: 'withdraw'; actor: string; comment?: string }
  | { type: 'comment'; actor: string; comment: string; attachments?: FlowAttachment[] }
  | { type: 'urge'; actor: string; comment?: string }
  | { type: 'timeout'; nodeId: string; visit: number; action: NodeTimeout['action'] };

export type ApprovalEventType = ApprovalEvent['type'];

/** A comment attachment: an uploaded file (the runtime's file storage) or, in older timelines, a link. */
export type FlowAttachment = string | FileRef;

/** One line of the record's approval timeline. */
export interface TransitionLogEntry {
  at: string;
  /** User id, or `system` for timeouts and automatic steps. */
  actor: string;
  nodeId: string | null;
  action:
    | ApprovalEventType
    | 'enter'
    | 'auto_approve'
    | 'cc'
    | 'escalate'
    | 'remind'
    | 'complete'
    | 'no_approver';
  comment?: string;
  attachments?: FlowAttachment[];
  /** The signature image of an approval on a `requireSignature` node. */
  signature?: FileRef;
  taskId?: string;
  /** Target user (transfer, add signer, escalation) or node (reject back). */
  target?: string;
}

export type NotifyKind = 'task' | 'cc' | 'urge' | 'remind' | 'escalated' | 'returned' | 'outcome';

/** What the runtime must do after a transition; `type` discriminates. */
export type ApprovalEffect =
  | { type: 'persist'; entry: TransitionLogEntry }
  | { type: 'notify'; to: string[]; kind: NotifyKind; nodeId: string | null }
  | {
      type: 'scheduleTimeout';
      key: string;
      nodeId: string;
      visit: number;
      action: NodeTimeout['action'];
      dueAt: string;
    }
  | { type: 'cancelTimeout'; key: string }
  | { type: 'lockRecord'; entity: string; recordId: string; editableFields: string[] }
  | { type: 'unlockRecord'; entity: string; recordId: string }
  /** The run was submitted, or ended (approved, rejected, withdrawn): rules' `approval_outcome` trigger. */
  | {
      type: 'outcome';
      flow: string;
      entity: string;
      recordId: string;
      outcome: ApprovalOutcome;
      /** The latest signature given in this run of the flow (who, when, image), if any node required one. */
      signature?: FlowSignature;
    };

/** A signed approval: who signed, when (ISO), and the uploaded signature image. */
export interface FlowSignature {
  by: string;
  at: string;
  file: FileRef;
}

/** Everything the pure transition needs from outside. */
export interface ApprovalContext {
  clock: Clock;
  /** The record under approval (conditions and `field` approvers read it). */
  record: Record<string, unknown>;
  /** The submitter as conditions see it (`$submitter.department`…); defaults to `{ id }`. */
  submitterInfo?: Record<string, unknown>;
  /** Users for an approver spec; `[]` when nobody fits. */
  resolveApprovers(spec: ApproverSpec, record: Record<string, unknown>, submitter: string): string[];
  /** Last resort when neither the node's approvers nor its fallback resolve (e.g. the app admin). */
  fallbackApprover?: string;
}

/** Result of a transition: the next state and the effects to run, in order. */
export interface ApprovalResult {
  state: ApprovalState;
  effects: ApprovalEffect[];
}
