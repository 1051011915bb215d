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
      outcome: 'approved' | 'rejected';
      record: RuleRecord;
    }
  | { type: 'import_finished'; entity: string; importId: string }
  | { type: 'manual'; entity: string; rule: string; record: RuleRecord };

export type RuleEventType = RuleEvent['type'];
