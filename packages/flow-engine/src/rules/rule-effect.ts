import type { I18nText, JsonLogic, Recipient, ValueMap } from '@lattice/engine';

/** Fields every effect carries so the runtime can trace, order and de-duplicate it. */
export interface EffectBase {
  /** Rule that planned the effect. */
  rule: string;
  /** `sync` runs in the triggering write's transaction; `async` becomes a durable job. */
  mode: 'sync' | 'async';
  /** Stable key: the job table's idempotency key for async effects. */
  idempotencyKey: string;
  /** Chain depth a write caused by this effect must report to the rules it triggers. */
  depth: number;
}

/**
 * What a rule asks the runtime to do — data, never a callback; `type` discriminates. Values are
 * already evaluated against the triggering record; filters have `$record`/`$old`/`$user`/`$now`
 * references substituted by literals so they only mention the related entity's own fields.
 */
export type RuleEffect = EffectBase &
  (
    | { type: 'setFields'; entity: string; recordId: string; values: Record<string, unknown> }
    | { type: 'createRecord'; entity: string; values: Record<string, unknown> }
    | {
        type: 'updateRelated';
        entity: string;
        filter: JsonLogic;
        /** Evaluate per related record: `var` means the related record, `$record.x` was substituted. */
        values: ValueMap;
      }
    | {
        type: 'createTask';
        title: string | I18nText;
        assignee: Recipient;
        dueAt: string | null;
        entity: string;
        recordId: string;
        values: Record<string, unknown>;
      }
    | {
        type: 'createTasks';
        title: string | I18nText;
        assignee: Recipient;
        dueAt: string | null;
        forEach: { entity: string; filter: JsonLogic; distinctBy?: string };
        values: ValueMap;
      }
    | {
        type: 'notify';
        channel: 'inbox' | 'email' | 'webhook';
        to: Recipient;
        title: I18nText;
        body: I18nText | null;
        url: string | null;
        entity: string;
        recordId: string;
      }
    | { type: 'assignOwner'; to: Recipient; entity: string; recordId: string }
    | { type: 'startFlow'; flow: string; entity: string; recordId: string }
    | {
        type: 'callWebhook';
        url: string;
        method: 'POST' | 'PUT';
        body: Record<string, unknown>;
      }
    | { type: 'recompute'; entity: string; recordId: string; fields: string[] }
  );

export type RuleEffectType = RuleEffect['type'];
