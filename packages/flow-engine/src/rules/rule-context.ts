import type { Clock } from '../clock';
import type { ApprovalOutcomeInfo, RuleRecord } from './rule-event';

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
  /** The decision behind an `approval_outcome` trigger; exposed as `$approval`. */
  approval?: ApprovalOutcomeInfo | null;
  /** For a report-driven schedule (`trigger.report`): the report and its row count; exposed as `$report`. */
  report?: { name: string; rows: number } | null;
}

/**
 * The data JsonLogic sees: the record's fields at the top, plus `$record`, `$old`, `$user`, `$now` and, for
 * approval outcomes, `$approval` (`decidedBy`, `signedBy`, `signedAt`, `signature`), and for report-driven
 * schedules `$report` (`name`, `rows`).
 */
export function ruleData(ctx: RuleContext): Record<string, unknown> {
  return {
    ...ctx.record,
    $record: ctx.record,
    $old: ctx.previous ?? null,
    $user: ctx.user ?? null,
    $now: ctx.clock.now().toISOString(),
    $approval: ctx.approval ?? null,
    $report: ctx.report ?? null,
  };
}
