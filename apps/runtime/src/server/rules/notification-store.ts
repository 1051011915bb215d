import type { I18nText } from '@lattice/engine';
import type { Clock, DbExecutor, LatticeDb } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { NOTIFICATIONS_TABLE } from './migrate-rules-schema';

/** One inbox entry as the API returns it. */
export interface Notification {
  id: string;
  appId: string;
  title: I18nText;
  body: I18nText | null;
  /** Where the notification points: an explicit url, else the record (`entity` + `recordId`). */
  url: string | null;
  entity: string | null;
  recordId: string | null;
  /** What sent it: `rule:<name>`, `flow:<name>`… */
  source: string;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotification {
  appId: string;
  userId: string;
  title: I18nText;
  body?: I18nText | null;
  url?: string | null;
  entity?: string | null;
  recordId?: string | null;
  source: string;
  /** Same key for the same user and app ⇒ one notification (a retried job does not notify twice). */
  dedupeKey: string;
}

/** The in-app inbox: rules and flows write, each user reads and marks their own. */
export interface NotificationStore {
  /** Inserts in the caller's transaction; a repeated dedupe key is ignored. */
  add(trx: DbExecutor, n: NewNotification): Promise<void>;
  list(
    userId: string,
    opts?: { unreadOnly?: boolean; limit?: number; before?: string },
  ): Promise<Notification[]>;
  unreadCount(userId: string): Promise<number>;
  /** Marks the user's notifications read (all when `ids` is omitted); returns how many changed. */
  markRead(userId: string, ids?: string[]): Promise<number>;
}

export function createNotificationStore(db: LatticeDb, clock: Clock): NotificationStore {
  const k = db.kysely;
  return {
    async add(trx, n) {
      await trx
        .insertInto(NOTIFICATIONS_TABLE)
        .values({
          app_id: n.appId,
          user_id: n.userId,
          title: JSON.stringify(n.title),
          body: n.body ? JSON.stringify(n.body) : null,
          url: n.url ?? null,
          entity: n.entity ?? null,
          record_id: n.recordId ?? null,
          source: n.source,
          dedupe_key: n.dedupeKey,
          created_at: clock.now(),
        })
        .onConflict((oc) => oc.columns(['app_id', 'user_id', 'dedupe_key']).doNothing())
        .execute();
    },
    async list(userId, opts = {}) {
      let q = k.selectFrom(NOTIFICATIONS_TABLE).selectAll().where('user_id', '=', userId);
      if (opts.unreadOnly) q = q.where('read_at', 'is', null);
      if (opts.before) q = q.where('created_at', '<', new Date(opts.before));
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(opts.limit ?? 50)
        .execute();
      return rows.map(toNotification);
    },
    async unreadCount(userId) {
      const row = await k
        .selectFrom(NOTIFICATIONS_TABLE)
        .select(sql<number>`count(*)::int`.as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async markRead(userId, ids) {
      if (ids && ids.length === 0) return 0;
      let q = k
        .updateTable(NOTIFICATIONS_TABLE)
        .set({ read_at: clock.now() })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids) q = q.where('id', 'in', ids);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}

function toNotification(r: Record<string, unknown>): Notification {
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null ? null : String(v));
  return {
    id: String(r.id),
    appId: String(r.app_id),
    title: json(r.title) as I18nText,
    body: r.body === null ? null : (json(r.body) as I18nText),
    url: (r.url as string | null) ?? null,
    entity: (r.entity as string | null) ?? null,
    recordId: (r.record_id as string | null) ?? null,
    source: String(r.source),
    createdAt: iso(r.created_at) ?? '',
    readAt: iso(r.read_at),
  };
}
