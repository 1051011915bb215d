import type { RuleDoc } from '@lattice/engine';
import { assertNever } from '@lattice/engine';
import type { RuleEvent } from './rule-event';

/**
 * Whether `event` fires `rule`'s trigger (entity and enabled flag included). Schedule and relative-timer
 * triggers never match an event: jobs drive them (see `nextCronRun`, `relativeTimerDueAt`).
 *
 * - `record_updated` with `fields` fires only when one of them changed.
 * - `field_changed` fires on an update that changed the field, and `from`/`to` (when given) equal the
 *   old/new value; `stage_entered` fires when the stage field becomes `stage` (on create too).
 * - `approval_outcome` with `any` fires on every end of a run (approved, rejected, withdrawn), not on its
 *   submission.
 */
export function matchTrigger(rule: RuleDoc, event: RuleEvent): boolean {
  if (!rule.enabled || rule.entity !== event.entity) return false;
  const t = rule.trigger;
  switch (t.type) {
    case 'record_created':
      return event.type === 'created';
    case 'record_updated':
      return event.type === 'updated' && (!t.fields || t.fields.some((f) => event.changed.includes(f)));
    case 'record_deleted':
      return event.type === 'deleted';
    case 'field_changed': {
      if (event.type !== 'updated') return false;
      const before = event.previous[t.field];
      const after = event.record[t.field];
      if (!event.changed.includes(t.field) && sameValue(before, after)) return false;
      return (
        (t.from === undefined || sameValue(before, t.from)) && (t.to === undefined || sameValue(after, t.to))
      );
    }
    case 'stage_entered':
      if (event.type === 'created') return event.record[t.field] === t.stage;
      return (
        event.type === 'updated' && event.record[t.field] === t.stage && event.previous[t.field] !== t.stage
      );
    case 'approval_outcome':
      return (
        event.type === 'approval_outcome' &&
        event.flow === t.flow &&
        (t.outcome === 'any' ? event.outcome !== 'submitted' : t.outcome === event.outcome)
      );
    case 'import_finished':
      return event.type === 'import_finished';
    case 'manual':
      return event.type === 'manual' && event.rule === rule.name;
    case 'schedule':
    case 'relative_timer':
      return false;
    default:
      return assertNever(t, 'rule trigger');
  }
}

/** Strict equality, with null and undefined (an unset field) treated alike. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}
