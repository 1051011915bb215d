import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ErrorDetail, LatticeError } from '../../errors';
import type { EntityDoc } from '../../model/entity';
import { TEXT_FIELD_TYPES } from '../../model/field-types';
import type { DbExecutor, ListQuery, ListResult, LiveApp } from '../contracts';
import { storageColumnType } from '../ddl/storage-column-type';
import { compileFilterSql, escapeLike } from './compile-filter-sql';
import {
  decodeKeysetCursor,
  encodeKeysetCursor,
  keysetOrderBy,
  keysetPredicate,
  type SortKey,
} from './keyset';
import { toRecord } from './row-codec';
import { selectRecords, T } from './select-records';

const SORTABLE_SYSTEM = [
  'id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'owner',
  'region',
  'department',
];
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/**
 * One page of records: filter + scope + text search, sorted (NULLS LAST, id tie-break) and paged by an
 * opaque keyset cursor. Fetches `limit + 1` rows to know whether another page exists; never more.
 */
export async function listRecords(
  ex: DbExecutor,
  live: LiveApp,
  entity: EntityDoc,
  query: ListQuery,
  opts: { now: Date; scope: RawBuilder<SqlBool> | null },
): Promise<ListResult> {
  const sort = resolveSort(entity, query.sort);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  let q = selectRecords(ex, live, entity, opts.now);
  if (!query.includeDeleted) q = q.where(`${T}.deleted_at`, 'is', null);
  if (query.filter !== undefined && query.filter !== null) {
    q = q.where(compileFilterSql(entity, query.filter, { alias: T, now: opts.now }));
  }
  if (opts.scope) q = q.where(opts.scope);
  const search = query.q?.trim() ? searchSql(entity, query.q.trim()) : null;
  if (search) q = q.where(search);
  const idRef = sql.ref(`${T}.id`);
  if (query.cursor) q = q.where(keysetPredicate(sort, idRef, decodeKeysetCursor(sort, query.cursor)));
  const rows = await q
    .orderBy(keysetOrderBy(sort, idRef))
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeKeysetCursor(sort, [...sort.map((k) => last[k.name]), last.id])
      : null;
  return { items: page.map((r) => toRecord(entity, r)), nextCursor };
}

/** Sort spec (field names) → column keys; unknown or unsortable fields are a validation error. */
function resolveSort(entity: EntityDoc, spec: ListQuery['sort']): SortKey[] {
  const keys: SortKey[] = [];
  const errors: ErrorDetail[] = [];
  (spec?.length ? spec : [{ field: 'created_at', dir: 'desc' as const }]).forEach((s, i) => {
    const f = entity.fields.find((x) => x.name === s.field);
    const column = f && storageColumnType(f) ? f.id : SORTABLE_SYSTEM.includes(s.field) ? s.field : null;
    if (!column || (s.dir !== 'asc' && s.dir !== 'desc')) {
      errors.push({
        path: `sort.${i}.field`,
        message: { zh: `不能按 ${s.field} 排序`, en: `cannot sort by ${s.field}` },
      });
      return;
    }
    if (column !== 'id') keys.push({ name: column, ref: sql.ref(`${T}.${column}`), dir: s.dir });
  });
  if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
  return keys;
}

function searchSql(entity: EntityDoc, q: string): RawBuilder<SqlBool> | null {
  const names = entity.searchFields?.length
    ? entity.searchFields
    : entity.fields
        .filter((f) => TEXT_FIELD_TYPES.includes(f.type) || f.type === 'select')
        .map((f) => f.name);
  const cols = names
    .map((n) => entity.fields.find((f) => f.name === n))
    .filter((f) => f && storageColumnType(f) === 'text')
    .map((f) => sql`${sql.ref(`${T}.${f!.id}`)} ilike ${`%${escapeLike(q)}%`}`);
  if (!cols.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(cols, sql` or `)})`;
}
