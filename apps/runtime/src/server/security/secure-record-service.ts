import {
  checkJoinedQueryFields,
  checkQueryFields,
  checkWriteInput,
  type EntityAccess,
  type EntityDoc,
  fieldVisibility,
  findEntity,
  LatticeError,
  latticeError,
  type RecordRight,
  redactRecord,
  searchFields,
} from '@lattice/engine';
import type {
  AppStore,
  DbExecutor,
  HistoryEntry,
  ListQuery,
  RecordService,
  RequestContext,
} from '@lattice/engine/storage';
import type { SecurityScope } from './create-scope-provider';

/**
 * Field-level security around a record service whose scopes are already enforced (see
 * `createScopeProvider`): inputs may not write hidden, masked or read-only fields nor assign
 * owner/region/department outside the caller's scope; outputs drop hidden fields and mask sensitive
 * ones the role may not reveal (also in history); lists refuse filters/sorts on hidden or sensitive
 * fields exactly as on unknown fields, and text search skips hidden fields. System actors pass through.
 *
 * @example ctx.records = secureRecordService(createRecordService(db, apps, { scope }), apps, scope);
 */
export function secureRecordService(
  inner: RecordService,
  apps: AppStore,
  scope: SecurityScope,
): RecordService {
  /** Inside a caller's transaction the live app is read through it: PGlite has one connection, so a read
   * beside an open transaction would wait for it forever. */
  async function accessOf(
    ctx: RequestContext,
    appId: string,
    entityName: string,
    right: RecordRight,
    trx: DbExecutor | undefined,
  ) {
    const live = await apps.getLive(appId, { trx });
    const entity = findEntity(live.definition, entityName);
    if (!entity) {
      throw latticeError('LATTICE_ERR_UNKNOWN_ENTITY', 'entity', {
        zh: `实体 ${entityName} 不存在`,
        en: `Unknown entity ${entityName}`,
      });
    }
    return { live, entity, access: scope.assertRight(ctx.actor, live, entityName, right) };
  }

  function guardWrite(
    ctx: RequestContext,
    entity: EntityDoc,
    access: EntityAccess,
    values: Record<string, unknown>,
    right: 'create' | 'update',
  ) {
    const a = ctx.actor;
    const errors = checkWriteInput(entity, values, access, right, {
      id: a.id,
      region: a.region ?? null,
      department: a.department ?? null,
    });
    if (errors.length === 0) return;
    const hidden = errors.every((e) => e.reason === 'LATTICE_ERR_UNKNOWN_FIELD');
    throw new LatticeError(hidden ? 'LATTICE_ERR_VALIDATION' : 'LATTICE_ERR_FORBIDDEN', errors);
  }

  /** Records of a region-less entity (contacts…) inherit the creator's region so the scope keeps them. */
  function withScopeDefaults(ctx: RequestContext, entity: EntityDoc, values: Record<string, unknown>) {
    const out = { ...values };
    const regionField = entity.fields.find((f) => f.id === 'region');
    if (
      ctx.actor.region &&
      out.region === undefined &&
      (!regionField || out[regionField.name] === undefined)
    ) {
      out[regionField?.name ?? 'region'] = ctx.actor.region;
    }
    return out;
  }

  return {
    async create(ctx, appId, entityName, values, opts) {
      if (ctx.actor.system) return inner.create(ctx, appId, entityName, values, opts);
      const { entity, access } = await accessOf(ctx, appId, entityName, 'create', opts?.trx);
      guardWrite(ctx, entity, access, values, 'create');
      const rec = await inner.create(ctx, appId, entityName, withScopeDefaults(ctx, entity, values), opts);
      return redactRecord(entity, rec, access);
    },
    async get(ctx, appId, entityName, id, opts) {
      if (ctx.actor.system) return inner.get(ctx, appId, entityName, id, opts);
      const { entity, access } = await accessOf(ctx, appId, entityName, 'read', opts?.trx);
      return redactRecord(entity, await inner.get(ctx, appId, entityName, id, opts), access);
    },
    async update(ctx, appId, entityName, id, values, expectedVersion, opts) {
      if (ctx.actor.system) return inner.update(ctx, appId, entityName, id, values, expectedVersion, opts);
      const { entity, access } = await accessOf(ctx, appId, entityName, 'update', opts?.trx);
      guardWrite(ctx, entity, access, values, 'update');
      const rec = await inner.update(ctx, appId, entityName, id, values, expectedVersion, opts);
      return redactRecord(entity, rec, access);
    },
    async delete(ctx, appId, entityName, id, opts) {
      if (!ctx.actor.system) await accessOf(ctx, appId, entityName, 'delete', opts?.trx);
      return inner.delete(ctx, appId, entityName, id, opts);
    },
    async list(ctx, appId, entityName, query, opts) {
      if (ctx.actor.system) return inner.list(ctx, appId, entityName, query, opts);
      const { live, entity, access } = await accessOf(ctx, appId, entityName, 'read', opts?.trx);
      const fieldsQuery = { filter: query.filter ?? null, sort: query.sort ?? [] };
      const errors = [
        ...checkQueryFields(entity, fieldsQuery, access),
        ...checkJoinedQueryFields(live.definition, entity, fieldsQuery, (name) =>
          scope.accessFor(ctx.actor, live, name),
        ),
      ];
      if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
      const page = await inner.list(ctx, appId, entityName, searchOverVisible(entity, access, query), opts);
      return { ...page, items: page.items.map((r) => redactRecord(entity, r, access)) };
    },
    async history(ctx, appId, entityName, id) {
      if (ctx.actor.system) return inner.history(ctx, appId, entityName, id);
      const { entity, access } = await accessOf(ctx, appId, entityName, 'read', undefined);
      const entries = await inner.history(ctx, appId, entityName, id);
      return redactHistory(entity, access, entries);
    },
  };
}

/**
 * When a search field is hidden from the user, `q` becomes an explicit filter over the visible search
 * fields (every term must match one of them), so a search cannot find records by a hidden value.
 */
function searchOverVisible(entity: EntityDoc, access: EntityAccess, query: ListQuery): ListQuery {
  const q = query.q?.trim();
  if (!q) return query;
  const fields = searchFields(entity);
  const visible = fields.filter((f) => fieldVisibility(access, f) !== 'hidden');
  if (visible.length === fields.length) return query;
  const terms = q.split(/\s+/).slice(0, 5);
  const termFilter = {
    and: terms.map((t) => ({
      or: visible.length
        ? visible.map((f) => ({ contains: [{ var: f.name }, t] }))
        : [{ in: [{ var: 'id' }, []] }],
    })),
  };
  const { q: _dropped, ...rest } = query;
  return { ...rest, filter: query.filter ? { and: [query.filter, termFilter] } : termFilter };
}

function redactHistory(entity: EntityDoc, access: EntityAccess, entries: HistoryEntry[]): HistoryEntry[] {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const out: HistoryEntry[] = [];
  for (const e of entries) {
    const f = byName.get(e.field);
    const v = f ? fieldVisibility(access, f) : 'editable';
    if (v === 'hidden') continue;
    if (v === 'masked') {
      const masked = redactRecord(entity, { [e.field]: e.oldValue } as Record<string, unknown>, access);
      const maskedNew = redactRecord(entity, { [e.field]: e.newValue } as Record<string, unknown>, access);
      out.push({ ...e, oldValue: masked[e.field] ?? null, newValue: maskedNew[e.field] ?? null });
    } else out.push(e);
  }
  return out;
}
