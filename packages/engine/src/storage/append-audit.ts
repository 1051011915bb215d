import type { AuditEntry, Clock, DbExecutor } from './contracts';
import { SYSTEM_SCHEMA } from './migrate-system-schema';

/** Platform-level audit rows (logins, user admin) carry this app id so every table keeps `app_id`. */
export const PLATFORM_APP_ID = '';

/**
 * Appends one row to the append-only `lattice.audit_log`. Pass the write's transaction so the row
 * commits or rolls back with it.
 *
 * @example
 * await appendAudit(trx, ctx.clock, { appId, actor: ctx.actor.id, action: 'record.create', entity, recordId });
 */
export async function appendAudit(db: DbExecutor, clock: Clock, entry: AuditEntry): Promise<void> {
  await db.insertInto(AUDIT_LOG).values(auditRow(clock, entry)).execute();
}

export const AUDIT_LOG = `${SYSTEM_SCHEMA}.audit_log`;

/** The `audit_log` row for `entry`, stamped with the clock's now. */
export function auditRow(clock: Clock, entry: AuditEntry) {
  return {
    app_id: entry.appId ?? PLATFORM_APP_ID,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity ?? null,
    record_id: entry.recordId ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    ip: entry.ip ?? null,
    at: clock.now(),
  };
}
