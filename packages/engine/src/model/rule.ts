import type { I18nText } from './i18n-text';
import type { JsonLogic } from './json-logic';

/** Durations for relative timers and due dates. */
export interface Duration {
  minutes?: number;
  hours?: number;
  days?: number;
}

/**
 * What an approval run tells rules: it was submitted (the flow started), or how it ended. A rule's
 * `approval_outcome` trigger names one of these, or `any` for any end (approved, rejected or withdrawn).
 */
export type ApprovalOutcome = 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** What starts a rule; `type` discriminates. */
export type RuleTrigger =
  | { type: 'record_created' }
  | { type: 'record_updated'; fields?: string[] }
  | { type: 'record_deleted' }
  | { type: 'field_changed'; field: string; from?: unknown; to?: unknown }
  | { type: 'stage_entered'; field: string; stage: string }
  /**
   * Cron rule: its actions run for every record matching `filter`; or, with `report` (a report document's
   * name), ONCE per run and only when that report returns rows (e.g. a weekly cleanup task for the data
   * steward while suspected duplicates exist; `$report` = `{ name, rows }`). `report` excludes `filter`.
   */
  | { type: 'schedule'; cron: string; timezone?: string; filter?: JsonLogic; report?: string }
  | { type: 'relative_timer'; after: Duration; from: string; unless?: JsonLogic }
  | { type: 'approval_outcome'; flow: string; outcome: ApprovalOutcome | 'any' }
  | { type: 'import_finished' }
  | { type: 'manual'; button: I18nText };

export type RuleTriggerType = RuleTrigger['type'];

/** Who receives a notification or an assignment. */
export type Recipient =
  | { type: 'user'; user: string }
  | { type: 'role'; role: string }
  | { type: 'field'; field: string }
  | { type: 'owner' }
  | { type: 'owner_manager' };

/** Values are JsonLogic over `{ ...record, $record, $old, $user, $now }`. */
export type ValueMap = Record<string, JsonLogic>;

/** What a rule does; `type` discriminates. */
export type RuleAction =
  | { type: 'set_fields'; values: ValueMap }
  | { type: 'create_record'; entity: string; values: ValueMap }
  | { type: 'update_related'; entity: string; match: JsonLogic; values: ValueMap }
  | {
      type: 'create_task';
      title: I18nText | JsonLogic;
      assignee: Recipient;
      due?: Duration;
      /** When set, one task per record matched in `entity` by `match` (e.g. open orders with an ECN part). */
      forEach?: {
        entity: string;
        match: JsonLogic;
        assignee?: Recipient;
        /** One task per distinct value of this field of the matches (e.g. `order` when matching order lines). */
        distinctBy?: string;
      };
      values?: ValueMap;
    }
  | {
      type: 'notify';
      channel: 'inbox' | 'email' | 'webhook';
      to: Recipient;
      title: I18nText;
      body?: I18nText;
      url?: string;
    }
  | { type: 'assign_owner'; to: Recipient }
  | { type: 'start_flow'; flow: string }
  | { type: 'call_webhook'; url: string; method?: 'POST' | 'PUT'; body?: ValueMap }
  | { type: 'recompute'; fields: string[] };

export type RuleActionType = RuleAction['type'];

export interface RuleDoc {
  kind: 'rule';
  schemaVersion: number;
  name: string;
  label: I18nText;
  description?: I18nText;
  entity: string;
  enabled: boolean;
  trigger: RuleTrigger;
  condition?: JsonLogic;
  actions: RuleAction[];
  /** Run actions in a durable job after commit instead of inside the write's transaction. */
  async?: boolean;
}
