import type { LatticeDb } from '@lattice/engine/storage';
import { SYSTEM_SCHEMA } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { USERS_TABLE } from '../auth/migrate-auth-schema';

const AUDIT_LOG = `${SYSTEM_SCHEMA}.audit_log`;

export interface AuditQuery {
  /** Username or user id. */
  actor?: string;
  /** Exact action (`record.update`) or a prefix ending in `.` (`auth.`). */
  action?: string;
  entity?: string;
  app?: string;
  from?: string;
  to?: string;
  /** Cursor: only rows older than this sequence number. */
  before?: string;
  limit?: number;
}

export interface AuditRow {
  seq: string;
  at: string;
  appId: string;
  actor: string | null;
  actorName: string | null;
  action: string;
  entity: string | null;
  recordId: string | null;
  detail: unknown;
  ip: string | null;
}

/**
 * Newest-first page of the append-only audit log, filtered by user, action, entity, app and time, with
 * a `seq` cursor (`nextBefore`). The actor's username is joined in for display.
 */
export async function queryAudit(
  db: LatticeDb,
  query: AuditQuery,
): Promise<{ items: AuditRow[]; nextBefore: string | null }> {
  const limit = query.limit ?? 50;
  let q = db.kysely
    .selectFrom(`${AUDIT_LOG} as a`)
    .leftJoin(`${USERS_TABLE} as u`, (j) => j.on(sql`u.id::text`, '=', sql.ref('a.actor')))
    .select([
      'a.seq',
      'a.at',
      'a.app_id',
      'a.actor',
      'a.action',
      'a.entity',
      'a.record_id',
      'a.detail',
      'a.ip',
      'u.username',
    ]);
  if (query.actor) {
    const actor = query.actor;
    q = q.where((eb) => eb.or([eb('a.actor', '=', actor), eb('u.username', '=', actor)]));
  }
  if (query.action) {
    q = query.action.endsWith('.')
      ? q.where('a.action', 'like', `${query.action.replace(/[%_\\]/g, '\\$&')}%`)
      : q.where('a.action', '=', query.action);
  }
  if (query.entity) q = q.where('a.entity', '=', query.entity);
  if (query.app) q = q.where('a.app_id', '=', query.app);
  if (query.from) q = q.where('a.at', '>=', new Date(query.from));
  if (query.to) q = q.where('a.at', '<', new Date(query.to));
  if (query.before) q = q.where('a.seq', '<', query.before);
  const rows = await q
    .orderBy('a.seq', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const items = page.map((r) => ({
    seq: String(r.seq),
    at: new Date(r.at as string | Date).toISOString(),
    appId: String(r.app_id),
    actor: (r.actor as string | null) ?? null,
    actorName: (r.username as string | null) ?? null,
    action: String(r.action),
    entity: (r.entity as string | null) ?? null,
    recordId: (r.record_id as string | null) ?? null,
    detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : (r.detail ?? null),
    ip: (r.ip as string | null) ?? null,
  }));
  return { items, nextBefore: rows.length > limit ? (items[items.length - 1]?.seq ?? null) : null };
}
