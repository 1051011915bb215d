import { type Expression, type SqlBool, sql } from 'kysely';
import { type ErrorDetail, LatticeError } from '../../errors';
import type { EntityDoc } from '../../model/entity';
import type { JsonLogic } from '../../model/json-logic';
import { compileFilter } from '../../query/compile-filter';
import {
  decodeCursor,
  encodeCursor,
  type KeysetSortKey,
  keysetOrderBy,
  keysetPredicate,
} from '../../query/keyset';
import type { ColumnResolver } from '../../query/resolve-filter-column';
import { compileSearch } from '../../query/search';
import type { DbExecutor, FieldCodec, ListQuery, ListResult, LiveApp } from '../contracts';
import { toRecord } from './row-codec';
import { recordColumnResolver, selectRecords, T } from './select-records';
import { decodeSensitiveColumns } from './sensitive-columns';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

interface ResolvedSort {
  /** Column read from the last row to build the next cursor. */
  column: string;
  key: KeysetSortKey;
}

/**
 * One page of records: filter + scope + text search, sorted (NULLS LAST, id tie-break) and paged by an
 * opaque keyset cursor bound to the sort. Fetches `limit + 1` rows to know whether another page exists.
 */
export async function listRecords(
  ex: DbExecutor,
  live: LiveApp,
  entity: EntityDoc,
  query: ListQuery,
  opts: { now: Date; scope: JsonLogic | null; codec?: FieldCodec },
): Promise<ListResult> {
  const sort = resolveSort(query.sort, recordColumnResolver(live, entity, opts.now));
  const keys = sort.map((s) => s.key);
  const bind = sort.map((s) => `${s.column}:${s.key.direction}`).join(',');
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const idRef = sql.ref(`${T}.id`);
  const after = query.cursor ? decodeCursor(query.cursor, { bind, length: keys.length + 1 }) : null;
  let q = selectRecords(ex, live, entity, opts.now);
  if (!query.includeDeleted) q = q.where(`${T}.deleted_at`, 'is', null);
  const filters: JsonLogic[] = [];
  if (query.filter !== undefined && query.filter !== null) filters.push(query.filter);
  if (opts.scope !== null) filters.push(opts.scope);
  const resolveField = recordColumnResolver(live, entity, opts.now);
  for (const f of filters) {
    q = q.where((eb) => compileFilter(entity, f, eb, { tableAlias: T, now: opts.now, resolveField }));
  }
  if (query.q?.trim()) {
    const text = query.q;
    q = q.where((eb) => compileSearch(entity, text, eb, { tableAlias: T }));
  }
  if (after) q = q.where((eb) => keysetPredicate(keys, after, eb, idRef) as Expression<SqlBool>);
  for (const o of keysetOrderBy(keys, idRef)) q = q.orderBy(o);
  const rows = await q.limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor([...sort.map((s) => last[s.column]), last.id], bind) : null;
  return {
    items: page.map((r) => toRecord(entity, decodeSensitiveColumns(entity, r, opts.codec))),
    nextCursor,
  };
}

/** Sort spec (field names) → keys (columns, or rollup subqueries); unknown names are a validation error. */
function resolveSort(spec: ListQuery['sort'], resolve: ColumnResolver): ResolvedSort[] {
  const out: ResolvedSort[] = [];
  const errors: ErrorDetail[] = [];
  (spec?.length ? spec : [{ field: 'created_at', dir: 'desc' as const }]).forEach((s, i) => {
    const r = typeof s.field === 'string' ? resolve(s.field) : null;
    if (!r || r.type === 'jsonb' || (s.dir !== 'asc' && s.dir !== 'desc')) {
      errors.push({
        path: `sort.${i}.field`,
        message: { zh: `不能按 ${String(s.field)} 排序`, en: `cannot sort by ${String(s.field)}` },
      });
      return;
    }
    // The row carries each key under the field id (column or rollup alias) or the system column name.
    const column = r.field ? r.field.id : s.field;
    if (column === 'id') return;
    out.push({ column, key: { ref: r.ref, direction: s.dir, type: r.type } });
  });
  if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
  return out;
}
