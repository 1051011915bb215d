import type { EntityDoc } from '../../model/entity';
import { AUDIT_LOG, auditRow } from '../append-audit';
import type { AuditEntry, DbExecutor, HistoryEntry, RequestContext } from '../contracts';
import { SYSTEM_SCHEMA } from '../migrate-system-schema';
import { visibleNotes } from './private-notes';

const HISTORY = `${SYSTEM_SCHEMA}.record_history`;

/** One changed field of one write. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** Appends one append-only `record_history` row per changed field, inside the write's transaction. */
export async function writeHistory(
  trx: DbExecutor,
  ctx: RequestContext,
  target: HistoryTarget,
  changes: FieldChange[],
  source: string,
): Promise<void> {
  if (!changes.length) return;
  await trx
    .insertInto(HISTORY)
    .values(historyRows(ctx, target, changes, source))
    .execute();
}

/**
 * A record write's history rows and its audit row in one statement (a data-modifying CTE): one round trip
 * instead of two on every create, update and delete.
 */
export async function writeHistoryAndAudit(
  trx: DbExecutor,
  ctx: RequestContext,
  target: HistoryTarget,
  changes: FieldChange[],
  source: string,
  audit: AuditEntry,
): Promise<void> {
  if (!changes.length) {
    await trx.insertInto(AUDIT_LOG).values(auditRow(ctx.clock, audit)).execute();
    return;
  }
  await trx
    .with('history', (db) =>
      db
        .insertInto(HISTORY)
        .values(historyRows(ctx, target, changes, source))
        .returning('id'),
    )
    .insertInto(AUDIT_LOG)
    .values(auditRow(ctx.clock, audit))
    .execute();
}

interface HistoryTarget {
  appId: string;
  entity: string;
  recordId: string;
}

function historyRows(ctx: RequestContext, target: HistoryTarget, changes: FieldChange[], source: string) {
  const at = ctx.clock.now();
  return changes.map((c) => ({
    app_id: target.appId,
    entity: target.entity,
    record_id: target.recordId,
    field: c.field,
    old_value: JSON.stringify(c.old ?? null),
    new_value: JSON.stringify(c.new ?? null),
    changed_by: ctx.actor.id,
    changed_at: at,
    source,
  }));
}

/** A record's history, oldest first; other authors' private notes are hidden from `ctx`. */
export async function readHistory(
  ex: DbExecutor,
  ctx: RequestContext,
  appId: string,
  entity: EntityDoc,
  recordId: string,
): Promise<HistoryEntry[]> {
  const rows = await ex
    .selectFrom(HISTORY)
    .selectAll()
    .where('app_id', '=', appId)
    .where('entity', '=', entity.name)
    .where('record_id', '=', recordId)
    .orderBy('seq')
    .execute();
  const notes = new Set(
    ctx.actor.system ? [] : entity.fields.filter((f) => f.type === 'notes').map((f) => f.name),
  );
  const shown = (field: string, v: unknown) =>
    notes.has(field) ? visibleNotes(v, ctx.actor.id) : (v ?? null);
  return rows.map((r) => ({
    id: String(r.id),
    recordId: String(r.record_id),
    entity: String(r.entity),
    field: String(r.field),
    oldValue: shown(String(r.field), r.old_value),
    newValue: shown(String(r.field), r.new_value),
    changedBy: (r.changed_by as string | null) ?? null,
    changedAt: (r.changed_at as Date).toISOString(),
    source: String(r.source),
  }));
}
