import type { Clock } from '../clock';
import type { RuleRecord } from './rule-event';

/** The triggering situation a rule's condition and values are evaluated in. */
export interface RuleContext {
  record: RuleRecord;
  /** The record before the write (updates only). */
  previous?: RuleRecord | null;
  /** Acting user as the runtime describes it (id, department, roles…); exposed as `$user`. */
  user?: Record<string, unknown> | null;
  clock: Clock;
  /** How many rule-caused writes led here; 0 for a user's own write. */
  depth?: number;
  /** Id of the triggering event or job, to make idempotency keys unique per occurrence. */
  eventId?: string;
}

/** The data JsonLogic sees: the record's fields at the top, plus `$record`, `$old`, `$user`, `$now`. */
export function ruleData(ctx: RuleContext): Record<string, unknown> {
  return {
    ...ctx.record,
    $record: ctx.record,
    $old: ctx.previous ?? null,
    $user: ctx.user ?? null,
    $now: ctx.clock.now().toISOString(),
  };
}
