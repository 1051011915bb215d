import type { I18nText } from './i18n-text';
import type { JsonLogic } from './json-logic';
import type { Duration } from './rule';

/** Who approves at a node, resolved at run time. */
export type ApproverSpec =
  | { type: 'user'; user: string }
  | { type: 'role'; role: string }
  | { type: 'department_head' }
  | { type: 'field'; field: string };

export type ApprovalMode = 'single' | 'countersign' | 'anysign' | 'sequential';

export interface NodeTimeout {
  after: Duration;
  action: 'remind' | 'escalate' | 'auto_approve' | 'auto_reject';
}

/** A flow graph node; `type` discriminates. */
export type FlowNode =
  | { type: 'start'; id: string; next: string }
  | {
      type: 'approval';
      id: string;
      label: I18nText;
      mode: ApprovalMode;
      approvers: ApproverSpec[];
      fallback?: ApproverSpec;
      /** Fields the approver may still edit while the record is locked. */
      editableFields?: string[];
      /** Each approver must sign (a handwritten signature image) to approve — e.g. the contract signer. */
      requireSignature?: boolean;
      timeout?: NodeTimeout;
      next: string;
    }
  | {
      type: 'condition';
      id: string;
      label?: I18nText;
      branches: { when: JsonLogic; next: string; label?: I18nText }[];
      otherwise: string;
    }
  | { type: 'parallel'; id: string; branches: string[]; join: string }
  | { type: 'join'; id: string; next: string }
  | { type: 'cc'; id: string; label?: I18nText; to: ApproverSpec[]; next: string }
  | { type: 'auto_approve'; id: string; next: string }
  | { type: 'end'; id: string };

export type FlowNodeType = FlowNode['type'];

export interface FlowDoc {
  kind: 'flow';
  schemaVersion: number;
  name: string;
  label: I18nText;
  entity: string;
  nodes: FlowNode[];
}
