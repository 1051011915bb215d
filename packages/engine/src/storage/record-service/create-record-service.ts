import { sql } from 'kysely';
import { LatticeError, latticeError } from '../../errors';
import { findEntity } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import type { AutonumberField } from '../../model/field';
import { appSchemaName } from '../../model/identifier';
import type { JsonLogic } from '../../model/json-logic';
import type { RecordRight } from '../../model/role';
import { compileFilter } from '../../query/compile-filter';
import { coerceRecordInput } from '../../records/coerce-record-input';
import { computeFormulas } from '../../records/compute-formulas';
import { toColumnValues as toRow } from '../../records/to-api-record';
import { appendAudit } from '../append-audit';
import type {
  AppStore,
  DbExecutor,
  DbTransaction,
  LatticeDb,
  LiveApp,
  RecordData,
  RecordEvent,
  RecordService,
  RecordServiceOptions,
  RequestContext,
  WriteOptions,
} from '../contracts';
import { insertOrMapUnique } from './insert-or-map-unique';
import { listRecords } from './list-records';
import { nextAutonumber } from './next-autonumber';
import { hideOthersNotes, keepOthersNotes, stampPrivateNotes } from './private-notes';
import { readHistory, writeHistory, writeHistoryAndAudit } from './record-history';
import { findRestrictingReferences, nullReferences, referrersOf } from './references-to';
import { retryOnStaleLayout } from './retry-on-stale-layout';
import { recordValues, toRecord } from './row-codec';
import { selectRecords, T } from './select-records';
import {
  decodeHistoryValue,
  decodeSensitiveColumns,
  encodeHistoryValue,
  encodeSensitiveColumns,
} from './sensitive-columns';
import { staleVersionError } from './stale-version-error';
import { withRollups } from './with-rollups';
import { findMissingReferences, findUniqueClashes } from './write-checks';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records CRUD over an app's live metadata. See {@link RecordService}. Every write runs in one
 * transaction (or the caller's `opts.trx`): checks, row, history rows, audit row and `hooks.onEvent`
 * commit or roll back together.
 *
 * @example
 * const records = createRecordService(db, apps, { hooks: { onEvent: rules.onEvent } });
 * const c = await records.create(ctx, 'mfg-crm', 'customer', { name: '华东机械' });
 * await records.update(ctx, 'mfg-crm', 'customer', c.id, { level: 'a' }, c.version);
 */
export function createRecordService(
  db: LatticeDb,
  apps: AppStore,
  options: RecordServiceOptions = {},
): RecordService {
  const codec = options.fieldCodec;
  // One stable `now` per clock, so compiled formulas/validations are cached across writes.
  const nowFns = new WeakMap<RequestContext['clock'], () => Date>();
  const nowOf = (ctx: RequestContext) => {
    let fn = nowFns.get(ctx.clock);
    if (!fn) {
      const clock = ctx.clock;
      fn = () => clock.now();
      nowFns.set(clock, fn);
    }
    return fn;
  };

  const inTrx = <R>(opts: WriteOptions | undefined, fn: (trx: DbTransaction) => Promise<R>): Promise<R> =>
    opts?.trx ? fn(opts.trx) : db.kysely.transaction().execute(fn);

  /** `trx` undefined = a plain read, which may reuse the app store's live pointer. */
  async function resolve(trx: DbExecutor | undefined, appId: string, name: string) {
    const live = await apps.getLive(appId, { trx });
    const entity = findEntity(live.definition, name);
    if (!entity) {
      throw latticeError('LATTICE_ERR_UNKNOWN_ENTITY', 'entity', {
        zh: `实体 ${name} 不存在`,
        en: `Unknown entity ${name}`,
      });
    }
    return { live, entity };
  }

  async function scopeFilter(
    ctx: RequestContext,
    live: LiveApp,
    entity: EntityDoc,
    right: RecordRight,
  ): Promise<JsonLogic | null> {
    if (ctx.actor.system || !options.scope) return null;
    return (await options.scope.filterFor(ctx, live, entity.name, right)) ?? null;
  }

  async function loadRow(
    ex: DbExecutor,
    ctx: RequestContext,
    live: LiveApp,
    entity: EntityDoc,
    id: string,
    right: RecordRight | null,
    includeDeleted = false,
  ): Promise<RecordData> {
    const missing = () =>
      latticeError('LATTICE_ERR_NOT_FOUND', 'id', { zh: '记录不存在', en: `No ${entity.name} record ${id}` });
    if (!UUID_RE.test(id)) throw missing();
    let q = selectRecords(ex, live, entity, ctx.clock.now()).where(`${T}.id`, '=', id);
    if (!includeDeleted) q = q.where(`${T}.deleted_at`, 'is', null);
    const scope = right ? await scopeFilter(ctx, live, entity, right) : null;
    if (scope !== null)
      q = q.where((eb) => compileFilter(entity, scope, eb, { tableAlias: T, now: ctx.clock.now() }));
    const row = await q.executeTakeFirst();
    if (!row) throw missing();
    return toRecord(entity, decodeSensitiveColumns(entity, row, codec));
  }

  /** A written row must still lie inside the caller's scope for `right` (no creating or moving records out of it). */
  async function assertInScope(
    trx: DbExecutor,
    ctx: RequestContext,
    live: LiveApp,
    entity: EntityDoc,
    id: string,
    right: RecordRight,
  ) {
    const scope = await scopeFilter(ctx, live, entity, right);
    if (scope === null) return;
    const hit = await trx
      .selectFrom(`${appSchemaName(live.appId)}.${entity.name} as ${T}`)
      .select(`${T}.id`)
      .where(`${T}.id`, '=', id)
      .where((eb) => compileFilter(entity, scope, eb, { tableAlias: T, now: ctx.clock.now() }))
      .executeTakeFirst();
    if (!hit) {
      throw latticeError('LATTICE_ERR_FORBIDDEN', '', {
        zh: '不能在您的数据范围之外创建或移动记录',
        en: 'The record would fall outside your data scope',
      });
    }
  }

  async function checkWrite(
    trx: DbExecutor,
    live: LiveApp,
    entity: EntityDoc,
    merged: Record<string, unknown>,
    changed: Set<string>,
    selfId: string | null,
  ): Promise<void> {
    const changedRefs = Object.fromEntries(Object.entries(merged).filter(([k]) => changed.has(k)));
    const refs = await findMissingReferences(trx, live, entity, changedRefs);
    const uniq = await findUniqueClashes(trx, live, entity, merged, selfId, changed);
    if (uniq.length) throw new LatticeError('LATTICE_ERR_UNIQUE', [...uniq, ...refs]);
    if (refs.length) throw new LatticeError('LATTICE_ERR_REFERENCE', refs);
  }

  async function emit(trx: DbTransaction, ctx: RequestContext, live: LiveApp, event: RecordEvent) {
    if (options.hooks?.onEvent) await options.hooks.onEvent(trx, ctx, live, event);
  }

  async function softDelete(
    trx: DbTransaction,
    ctx: RequestContext,
    live: LiveApp,
    entity: EntityDoc,
    id: string,
    right: RecordRight | null,
    source: string,
  ): Promise<void> {
    const rec = await loadRow(trx, ctx, live, entity, id, right);
    const referrers = referrersOf(live, entity.name);
    const restricted = await findRestrictingReferences(trx, live, referrers, id);
    if (restricted.length) throw new LatticeError('LATTICE_ERR_REFERENCE', restricted);
    const now = ctx.clock.now();
    const table = `${appSchemaName(live.appId)}.${entity.name}`;
    await trx
      .updateTable(table)
      .set({ deleted_at: now, updated_at: now, updated_by: ctx.actor.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await writeHistory(
      trx,
      ctx,
      { appId: live.appId, entity: entity.name, recordId: id },
      [{ field: 'deleted_at', old: null, new: now }],
      source,
    );
    for (const { e, f } of referrers) {
      if (f.onDelete === 'set_null') {
        await nullReferences(trx, ctx, live, { e, f }, id, source);
      } else if (f.onDelete === 'cascade') {
        const children = await trx
          .selectFrom(`${appSchemaName(live.appId)}.${e.name}`)
          .select('id')
          .where(f.id, '=', id)
          .where('deleted_at', 'is', null)
          .execute();
        for (const c of children) await softDelete(trx, ctx, live, e, String(c.id), null, source);
      }
    }
    await appendAudit(trx, ctx.clock, {
      appId: live.appId,
      actor: ctx.actor.id,
      action: 'record.delete',
      entity: entity.name,
      recordId: id,
      detail: { source },
      ip: ctx.ip ?? null,
    });
    await emit(trx, ctx, live, { type: 'deleted', entity: entity.name, record: rec });
  }

  return {
    create: (ctx, appId, entityName, input, opts) =>
      inTrx(opts, async (trx) => {
        const { live, entity } = await resolve(trx, appId, entityName);
        const stamped = stampPrivateNotes(entity, input, ctx);
        const { values, errors } = coerceRecordInput(entity, stamped, {
          mode: 'create',
          now: nowOf(ctx),
          system: ctx.actor.system === true,
        });
        if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
        const now = ctx.clock.now();
        const merged: Record<string, unknown> = {
          ...Object.fromEntries(entity.fields.map((f) => [f.name, null])),
          ...actorScopeDefaults(entity, ctx),
          ...values,
        };
        Object.assign(merged, computeFormulas(entity, merged, { now: nowOf(ctx) }));
        const changed = new Set(Object.keys(merged).filter((k) => merged[k] !== null));
        await checkWrite(trx, live, entity, merged, changed, null);
        for (const f of entity.fields.filter((x): x is AutonumberField => x.type === 'autonumber')) {
          merged[f.name] = await nextAutonumber(
            trx,
            { appId, entity: entity.name, fieldId: f.id, pattern: f.pattern },
            now,
          );
        }
        const row = {
          owner: ctx.actor.id,
          region: ctx.actor.region ?? null,
          department: ctx.actor.department ?? null,
          ...encodeSensitiveColumns(entity, toRow(entity, merged), codec),
          app_id: appId,
          created_at: now,
          created_by: ctx.actor.id,
          updated_at: now,
          updated_by: ctx.actor.id,
          version: 1,
        };
        const inserted = await insertOrMapUnique(entity, () =>
          trx
            .insertInto(`${appSchemaName(appId)}.${entity.name}`)
            .values(row)
            .returningAll()
            .executeTakeFirstOrThrow(),
        );
        const id = String(inserted.id);
        await assertInScope(trx, ctx, live, entity, id, 'create');
        // A brand-new record has no children yet: its rollups are known without a query.
        const rec = toRecord(
          entity,
          decodeSensitiveColumns(entity, withRollups(entity, inserted, null), codec),
        );
        const source = opts?.source ?? 'api';
        const set = entity.fields.filter((f) => f.type !== 'rollup' && rec[f.name] !== null);
        await writeHistoryAndAudit(
          trx,
          ctx,
          { appId: appId, entity: entity.name, recordId: id },
          set.map((f) => ({
            field: f.name,
            old: null,
            new: encodeHistoryValue(entity, f.name, rec[f.name], codec),
          })),
          source,
          {
            appId,
            actor: ctx.actor.id,
            action: 'record.create',
            entity: entity.name,
            recordId: id,
            detail: { source },
            ip: ctx.ip ?? null,
          },
        );
        await emit(trx, ctx, live, { type: 'created', entity: entity.name, record: rec });
        return hideOthersNotes(entity, rec, ctx);
      }),

    get: (ctx, appId, entityName, id, opts = {}) =>
      retryOnStaleLayout(apps, appId, opts.trx, async () => {
        const ex = opts.trx ?? db.kysely;
        const { live, entity } = await resolve(opts.trx, appId, entityName);
        return hideOthersNotes(
          entity,
          await loadRow(ex, ctx, live, entity, id, 'read', opts.includeDeleted ?? false),
          ctx,
        );
      }),

    update: (ctx, appId, entityName, id, input, expectedVersion, opts) =>
      inTrx(opts, async (trx) => {
        const { live, entity } = await resolve(trx, appId, entityName);
        const prev = await loadRow(trx, ctx, live, entity, id, 'update');
        if (prev.version !== expectedVersion) throw staleVersionError(prev.version);
        const before = recordValues(entity, prev);
        const stamped = stampPrivateNotes(entity, input, ctx);
        const { values, errors } = coerceRecordInput(entity, stamped, {
          mode: 'update',
          system: ctx.actor.system === true,
          existing: before,
          now: nowOf(ctx),
        });
        if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
        keepOthersNotes(entity, values, before, ctx);
        const merged: Record<string, unknown> = { ...before, ...values };
        Object.assign(merged, computeFormulas(entity, merged, { now: nowOf(ctx) }));
        const candidates = [
          ...Object.keys(values),
          ...entity.fields.filter((f) => f.type === 'formula').map((f) => f.name),
        ];
        const changed = new Set(
          candidates.filter((k) => JSON.stringify(merged[k] ?? null) !== JSON.stringify(prev[k] ?? null)),
        );
        await checkWrite(trx, live, entity, merged, changed, id);
        const now = ctx.clock.now();
        const patch = encodeSensitiveColumns(
          entity,
          toRow(entity, Object.fromEntries([...changed].map((k) => [k, merged[k]]))),
          codec,
        );
        const scope = await scopeFilter(ctx, live, entity, 'update');
        let q = trx
          .updateTable(`${appSchemaName(appId)}.${entity.name} as ${T}`)
          .set({
            ...patch,
            updated_at: now,
            updated_by: ctx.actor.id,
            version: sql`${sql.ref(`${T}.version`)} + 1`,
          })
          .where(`${T}.id`, '=', id)
          .where(`${T}.version`, '=', expectedVersion)
          .where(`${T}.deleted_at`, 'is', null);
        if (scope !== null) {
          q = q.where((eb) => compileFilter(entity, scope, eb, { tableAlias: T, now: ctx.clock.now() }));
        }
        const done = await insertOrMapUnique(entity, () => q.returningAll(T).executeTakeFirst());
        if (!done) throw staleVersionError(null);
        await assertInScope(trx, ctx, live, entity, id, 'update');
        // Rollups depend only on children, which this write did not touch.
        const rec = toRecord(entity, decodeSensitiveColumns(entity, withRollups(entity, done, prev), codec));
        const source = opts?.source ?? 'api';
        await writeHistoryAndAudit(
          trx,
          ctx,
          { appId: appId, entity: entity.name, recordId: id },
          [...changed].map((k) => ({
            field: k,
            old: encodeHistoryValue(entity, k, prev[k], codec),
            new: encodeHistoryValue(entity, k, rec[k], codec),
          })),
          source,
          {
            appId,
            actor: ctx.actor.id,
            action: 'record.update',
            entity: entity.name,
            recordId: id,
            detail: { source, changed: [...changed] },
            ip: ctx.ip ?? null,
          },
        );
        await emit(trx, ctx, live, {
          type: 'updated',
          entity: entity.name,
          record: rec,
          previous: prev,
          changed: [...changed],
        });
        return hideOthersNotes(entity, rec, ctx);
      }),

    delete: (ctx, appId, entityName, id, opts) =>
      inTrx(opts, async (trx) => {
        const { live, entity } = await resolve(trx, appId, entityName);
        await softDelete(trx, ctx, live, entity, id, 'delete', opts?.source ?? 'api');
      }),

    list: (ctx, appId, entityName, query, opts = {}) =>
      retryOnStaleLayout(apps, appId, opts.trx, async () => {
        const ex = opts.trx ?? db.kysely;
        const { live, entity } = await resolve(opts.trx, appId, entityName);
        const scope = await scopeFilter(ctx, live, entity, 'read');
        const page = await listRecords(ex, live, entity, query, { now: ctx.clock.now(), scope, codec });
        return { ...page, items: page.items.map((r) => hideOthersNotes(entity, r, ctx)) };
      }),

    async history(ctx, appId, entityName, id) {
      const { live, entity } = await resolve(undefined, appId, entityName);
      await loadRow(db.kysely, ctx, live, entity, id, 'read', true);
      const entries = await readHistory(db.kysely, ctx, appId, entity, id);
      return entries.map((e) => ({
        ...e,
        oldValue: decodeHistoryValue(entity, e.field, e.oldValue, codec),
        newValue: decodeHistoryValue(entity, e.field, e.newValue, codec),
      }));
    },
  };
}

/**
 * An entity that declares the `owner` / `region` / `department` field (id = system column) would otherwise
 * store null there on create: default them to the acting user's, as for entities without those fields.
 */
function actorScopeDefaults(entity: EntityDoc, ctx: RequestContext): Record<string, unknown> {
  const fromActor: Record<string, unknown> = {
    owner: ctx.actor.system ? null : ctx.actor.id,
    region: ctx.actor.region ?? null,
    department: ctx.actor.department ?? null,
  };
  const out: Record<string, unknown> = {};
  for (const f of entity.fields) {
    const v = fromActor[f.id];
    if (v !== undefined && v !== null) out[f.name] = v;
  }
  return out;
}
