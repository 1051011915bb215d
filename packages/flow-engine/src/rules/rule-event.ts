import type { ApprovalOutcome } from '@lattice/engine';

/** A record as rules see it: field names → values (system fields included). */
export type RuleRecord = Record<string, unknown>;

/**
 * What happened, as the runtime reports it to the rule engine; `type` discriminates. The record
 * events have the same shape as the storage layer's `RecordEvent`, so those pass straight through.
 */
export type RuleEvent =
  | { type: 'created'; entity: string; record: RuleRecord }
  | { type: 'updated'; entity: string; record: RuleRecord; previous: RuleRecord; changed: string[] }
  | { type: 'deleted'; entity: string; record: RuleRecord }
  | {
      type: 'approval_outcome';
      entity: string;
      flow: string;
      outcome: ApprovalOutcome;
      record: RuleRecord;
      /** About the decision; rules read it as `$approval` (e.g. `{"var": "$approval.signature"}`). */
      approval?: ApprovalOutcomeInfo;
    }
  | { type: 'import_finished'; entity: string; importId: string }
  | { type: 'manual'; entity: string; rule: string; record: RuleRecord };

export type RuleEventType = RuleEvent['type'];

/**
 * What an `approval_outcome` rule may read about the decision as `$approval`: the flow instance, who decided
 * last (the submitter on submission and withdrawal), and — when a step required a signature — who signed, when (ISO) and the signature image (a file ref).
 */
export interface ApprovalOutcomeInfo {
  instanceId: string;
  decidedBy: string;
  signedBy?: string;
  signedAt?: string;
  signature?: { id: string; name: string; size: number; mime: string };
}
