import type { ErrorDetail } from '@lattice/engine';
import type { DbExecutor, RequestContext } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';

/** The pseudo-field under which rule failures appear in a record's history. */
export const RULE_ERROR_FIELD = '$rule_error';

/**
 * Appends a `record_history` row saying why a rule stopped on this record (e.g. the chain depth limit),
 * in the write's transaction, so users see it in the record's history (source `rule:<name>`).
 */
export async function writeRuleErrorHistory(
  ex: DbExecutor,
  ctx: RequestContext,
  target: { appId: string; entity: string; recordId: string; rule: string },
  code: string,
  details: ErrorDetail[],
): Promise<void> {
  const message = details[0]?.message ?? { zh: code, en: code };
  await ex
    .insertInto(`${SYSTEM_SCHEMA}.record_history`)
    .values({
      app_id: target.appId,
      entity: target.entity,
      record_id: target.recordId,
      field: RULE_ERROR_FIELD,
      old_value: JSON.stringify(null),
      new_value: JSON.stringify({ code, rule: target.rule, message }),
      changed_by: ctx.actor.id,
      changed_at: ctx.clock.now(),
      source: `rule:${target.rule}`,
    })
    .execute();
}
