import { LatticeError, latticeError } from '../../errors';
import type { AppDefinition } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import { appendAudit } from '../append-audit';
import type {
  AppStore,
  AppStoreOptions,
  AppSummary,
  AppVersionInfo,
  DbExecutor,
  DbTransaction,
  LatticeDb,
  LiveApp,
  PublishChange,
  PublishOptions,
  PublishPreview,
  RequestContext,
} from '../contracts';
import { applyStorageMigration } from '../ddl/apply-storage-migration';
import { assessChanges } from '../ddl/assess-changes';
import { diffDefinitions, type StorageChange } from '../ddl/diff-definitions';
import { SYSTEM_SCHEMA } from '../migrate-system-schema';
import { backfillAutonumbers } from './backfill-autonumbers';
import { LivePointerCache } from './live-pointer-cache';
import { recomputeFormulas } from './recompute-formulas';
import { validateForStorage } from './validate-for-storage';

const APPS = `${SYSTEM_SCHEMA}.apps`;
const DRAFTS = `${SYSTEM_SCHEMA}.app_drafts`;
const VERSIONS = `${SYSTEM_SCHEMA}.app_versions`;

/**
 * The app store over the `lattice` schema. See {@link AppStore}. Live definitions are cached in memory by
 * app+version (keyed by the publish's unique id, so a rolled-back publish never leaks). Inside a transaction
 * the live version number is read per call, so writes always check against what is live. Plain reads (no `trx`)
 * reuse the live pointer for `livePointerTtlMs` (default 1 s): a publish on this instance is seen at once, one on
 * another instance within that window — the price of read-by-id costing one query instead of two.
 *
 * @example
 * const apps = createAppStore(db);
 * await apps.createApp(ctx, definition);
 * const preview = await apps.previewPublish(definition.id);
 * await apps.publish(definition.id, { note: 'first', confirmLossy: preview.lossy }, ctx);
 */
export function createAppStore(db: LatticeDb, options: AppStoreOptions = {}): AppStore {
  const cache = new Map<string, LiveApp>();
  const pointers = new LivePointerCache(options.livePointerTtlMs ?? 1000);

  const inTrx = <T>(trx: DbTransaction | undefined, fn: (t: DbTransaction) => Promise<T>): Promise<T> =>
    trx ? fn(trx) : db.kysely.transaction().execute(fn);

  async function appRow(ex: DbExecutor, appId: string, forUpdate = false) {
    let q = ex.selectFrom(APPS).selectAll().where('app_id', '=', appId);
    if (forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw unknownApp(appId);
    return row;
  }

  async function loadVersion(ex: DbExecutor, appId: string, version: number): Promise<AppDefinition> {
    const row = await ex
      .selectFrom(VERSIONS)
      .select('definition')
      .where('app_id', '=', appId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) {
      throw latticeError('LATTICE_ERR_NOT_FOUND', 'version', {
        zh: `版本 ${version} 不存在`,
        en: `Version ${version} does not exist`,
      });
    }
    return row.definition as AppDefinition;
  }

  async function liveOf(ex: DbExecutor, appId: string): Promise<LiveApp | null> {
    const row = await ex
      .selectFrom(`${APPS} as a`)
      .leftJoin(`${VERSIONS} as v`, (j) =>
        j.onRef('v.app_id', '=', 'a.app_id').onRef('v.version', '=', 'a.live_version'),
      )
      .select(['a.live_version as version', 'v.publish_id as publish_id'])
      .where('a.app_id', '=', appId)
      .executeTakeFirst();
    if (!row) throw unknownApp(appId);
    if (row.version === null || row.publish_id === null) return null;
    const version = Number(row.version);
    const key = String(row.publish_id);
    const hit = cache.get(key);
    if (hit) return hit;
    const live: LiveApp = { appId, version, definition: await loadVersion(ex, appId, version) };
    if (cache.size >= 200) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, live);
    return live;
  }

  async function draftOf(ex: DbExecutor, appId: string): Promise<AppDefinition> {
    const row = await ex
      .selectFrom(DRAFTS)
      .select('definition')
      .where('app_id', '=', appId)
      .executeTakeFirst();
    if (!row) throw unknownApp(appId);
    return row.definition as AppDefinition;
  }

  async function publishDraft(
    trx: DbTransaction,
    appId: string,
    opts: PublishOptions,
    ctx: RequestContext,
  ): Promise<AppVersionInfo> {
    await appRow(trx, appId, true);
    const draft = await draftOf(trx, appId);
    const errors = validateForStorage(draft);
    if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
    const live = await liveOf(trx, appId);
    const changes = diffDefinitions(live?.definition ?? null, draft);
    if (live && changes.length === 0) throw new LatticeError('LATTICE_ERR_NOTHING_TO_PUBLISH');
    const assessed = await assessChanges(trx, appId, changes);
    const lost = assessed.filter((c) => c.lossy);
    if (lost.length && !opts.confirmLossy)
      throw new LatticeError('LATTICE_ERR_LOSSY_CHANGE', lost.map(lossDetail));
    await applyStorageMigration(trx, appId, draft, changes);
    for (const entity of entitiesWithNewFormulas(changes)) {
      await recomputeFormulas(trx, appId, entity, ctx.clock);
    }
    for (const c of changes) {
      if (c.kind !== 'add_field' || c.field.type !== 'autonumber') continue;
      await backfillAutonumbers(trx, appId, c.entity, c.field);
    }
    const version = (live?.version ?? (await maxVersion(trx, appId))) + 1;
    const now = ctx.clock.now();
    await trx
      .insertInto(VERSIONS)
      .values({
        app_id: appId,
        version,
        definition: JSON.stringify(draft),
        published_at: now,
        published_by: ctx.actor.id,
        note: opts.note ?? null,
      })
      .execute();
    await trx
      .updateTable(APPS)
      .set({ live_version: version, label: JSON.stringify(draft.label), updated_at: now })
      .where('app_id', '=', appId)
      .execute();
    pointers.delete(appId);
    await appendAudit(trx, ctx.clock, {
      appId,
      actor: ctx.actor.id,
      action: 'app.publish',
      detail: { version, note: opts.note ?? null, changes: assessed.length, lossy: lost.length },
      ip: ctx.ip ?? null,
    });
    return {
      version,
      publishedAt: now.toISOString(),
      publishedBy: ctx.actor.id,
      note: opts.note ?? null,
      live: true,
    };
  }

  return {
    async createApp(ctx, definition, opts = {}) {
      const errors = validateForStorage(definition);
      if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
      await inTrx(opts.trx, async (trx) => {
        const exists = await trx
          .selectFrom(APPS)
          .select('app_id')
          .where('app_id', '=', definition.id)
          .executeTakeFirst();
        if (exists) {
          throw latticeError('LATTICE_ERR_VALIDATION', 'id', {
            zh: `应用 ${definition.id} 已存在`,
            en: `App ${definition.id} already exists`,
          });
        }
        const now = ctx.clock.now();
        await trx
          .insertInto(APPS)
          .values({
            app_id: definition.id,
            label: JSON.stringify(definition.label),
            live_version: null,
            created_at: now,
            created_by: ctx.actor.id,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto(DRAFTS)
          .values({
            app_id: definition.id,
            definition: JSON.stringify(definition),
            updated_at: now,
            updated_by: ctx.actor.id,
          })
          .execute();
        await appendAudit(trx, ctx.clock, {
          appId: definition.id,
          actor: ctx.actor.id,
          action: 'app.create',
          ip: ctx.ip ?? null,
        });
      });
    },

    async listApps() {
      const rows = await db.kysely.selectFrom(APPS).selectAll().orderBy('app_id').execute();
      return rows.map(
        (r): AppSummary => ({
          id: String(r.app_id),
          label: r.label as AppSummary['label'],
          liveVersion: r.live_version === null ? null : Number(r.live_version),
          createdAt: (r.created_at as Date).toISOString(),
          updatedAt: (r.updated_at as Date).toISOString(),
        }),
      );
    },

    getDraft: (appId) => draftOf(db.kysely, appId),

    async saveDraft(ctx, appId, definition, opts = {}) {
      const errors = validateForStorage(definition);
      if (definition?.id !== appId) {
        errors.unshift({ path: 'id', message: { zh: '应用标识不能修改', en: `expected id "${appId}"` } });
      }
      if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
      await inTrx(opts.trx, async (trx) => {
        await appRow(trx, appId, true);
        await trx
          .updateTable(DRAFTS)
          .set({
            definition: JSON.stringify(definition),
            updated_at: ctx.clock.now(),
            updated_by: ctx.actor.id,
          })
          .where('app_id', '=', appId)
          .execute();
        await appendAudit(trx, ctx.clock, {
          appId,
          actor: ctx.actor.id,
          action: 'app.save_draft',
          ip: ctx.ip ?? null,
        });
      });
    },

    async getLive(appId, opts = {}) {
      const cached = opts.trx ? undefined : pointers.get(appId);
      if (cached) return cached;
      const live = await liveOf(opts.trx ?? db.kysely, appId);
      if (!live) throw unknownApp(appId);
      if (!opts.trx) pointers.set(appId, live);
      return live;
    },

    forgetLive: (appId) => pointers.delete(appId),

    async previewPublish(appId): Promise<PublishPreview> {
      const draft = await draftOf(db.kysely, appId);
      const live = await liveOf(db.kysely, appId);
      const errors = validateForStorage(draft);
      const changes = errors.length
        ? []
        : await assessChanges(db.kysely, appId, diffDefinitions(live?.definition ?? null, draft));
      return {
        appId,
        fromVersion: live?.version ?? null,
        changes,
        lossy: changes.some((c) => c.lossy),
        errors,
      };
    },

    publish: (appId, opts, ctx) =>
      inTrx(opts.trx, (trx) => publishDraft(trx, appId, opts, ctx)).finally(() => pointers.delete(appId)),

    async rollback(appId, toVersion, ctx, opts = {}) {
      return inTrx(opts.trx, async (trx) => {
        await appRow(trx, appId, true);
        const def = await loadVersion(trx, appId, toVersion);
        await trx
          .updateTable(DRAFTS)
          .set({ definition: JSON.stringify(def), updated_at: ctx.clock.now(), updated_by: ctx.actor.id })
          .where('app_id', '=', appId)
          .execute();
        return publishDraft(trx, appId, { ...opts, note: `rollback to v${toVersion}` }, ctx);
      }).finally(() => pointers.delete(appId));
    },

    async listVersions(appId) {
      const app = await appRow(db.kysely, appId);
      const rows = await db.kysely
        .selectFrom(VERSIONS)
        .select(['version', 'published_at', 'published_by', 'note'])
        .where('app_id', '=', appId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map((r) => ({
        version: Number(r.version),
        publishedAt: (r.published_at as Date).toISOString(),
        publishedBy: (r.published_by as string | null) ?? null,
        note: (r.note as string | null) ?? null,
        live: Number(r.version) === Number(app.live_version),
      }));
    },

    getVersion: (appId, version) => loadVersion(db.kysely, appId, version),
  };
}

/** Entities (not new ones) where a formula field was added or changed: stored values must be recomputed. */
function entitiesWithNewFormulas(changes: StorageChange[]): EntityDoc[] {
  const out = new Map<string, EntityDoc>();
  for (const c of changes) {
    if (
      (c.kind === 'add_field' && c.field.type === 'formula') ||
      (c.kind === 'change_field' && c.to.type === 'formula')
    ) {
      out.set(c.entity.name, c.entity);
    }
  }
  return [...out.values()];
}

async function maxVersion(ex: DbExecutor, appId: string): Promise<number> {
  const r = await ex
    .selectFrom(VERSIONS)
    .select((eb) => eb.fn.max('version').as('v'))
    .where('app_id', '=', appId)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

function unknownApp(appId: string): LatticeError {
  return latticeError('LATTICE_ERR_UNKNOWN_APP', 'appId', {
    zh: `应用 ${appId} 不存在或尚未发布`,
    en: `App ${appId} does not exist or is not published`,
  });
}

function lossDetail(c: PublishChange) {
  const path = [c.entity, c.field].filter(Boolean).join('.');
  const why = c.lossReason ?? c.summary;
  return {
    path,
    message: { zh: `${c.summary.zh}：${why.zh}`, en: `${c.summary.en}: ${why.en}` },
    reason: c.kind,
  };
}
