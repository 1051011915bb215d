import type { RuleDoc } from '@lattice/engine';
import { durationMs } from './duration-ms';
import type { RuleRecord } from './rule-event';

/**
 * When a `relative_timer` rule fires for `record`: the `from` field's time plus `after`
 * (e.g. 24 h after `created_at`). `null` when the rule has another trigger or the field is empty or
 * not a date. Whether the `unless` condition became true is checked when the job runs.
 */
export function relativeTimerDueAt(rule: RuleDoc, record: RuleRecord): Date | null {
  const t = rule.trigger;
  if (t.type !== 'relative_timer') return null;
  const from = record[t.from];
  const ms =
    from instanceof Date
      ? from.getTime()
      : typeof from === 'string' && from !== ''
        ? Date.parse(from)
        : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms + durationMs(t.after));
}
