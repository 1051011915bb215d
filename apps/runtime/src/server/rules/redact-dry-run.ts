import { fieldVisibility, findEntity, maskValue } from '@lattice/engine';
import type { Actor, LiveApp } from '@lattice/engine/storage';
import type { SecurityScope } from '../security/create-scope-provider';
import type { DryRunResult, PlannedChange } from './dry-run-rule';

/**
 * A dry run as the caller may see it. The records it scanned were already read through the caller's
 * scopes (out-of-scope records are never candidates, an out-of-scope `recordId` is 404); here the planned
 * field changes lose the fields hidden from the caller's role and sensitive values are masked, exactly
 * as the records API would show them. System actors see everything.
 */
export function redactDryRun(
  result: DryRunResult,
  live: LiveApp,
  scope: SecurityScope,
  actor: Actor,
): DryRunResult {
  if (actor.system) return result;
  const visible = (entityName: string, changes: PlannedChange[]): PlannedChange[] => {
    const entity = findEntity(live.definition, entityName);
    if (!entity) return [];
    const access = scope.accessFor(actor, live, entityName);
    return changes.flatMap((c) => {
      const field = entity.fields.find((f) => f.name === c.field);
      if (!field) return [c];
      const v = fieldVisibility(access, field);
      if (v === 'hidden') return [];
      if (v === 'masked') return [{ field: c.field, from: maskValue(c.from), to: maskValue(c.to) }];
      return [c];
    });
  };
  return {
    ...result,
    matches: result.matches.map((m) => ({
      ...m,
      effects: m.effects.map((e) => ({
        ...e,
        records: e.records.map((r) => ({
          id: r.id,
          changes: visible(e.entity ?? result.entity, r.changes),
        })),
      })),
    })),
  };
}
