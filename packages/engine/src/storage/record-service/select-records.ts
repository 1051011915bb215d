import { expressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import { findEntity } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import type { RollupField } from '../../model/field';
import { appSchemaName } from '../../model/identifier';
import { compileFilter } from '../../query/compile-filter';
import {
  type ColumnResolver,
  createColumnResolver,
  type ResolvedColumn,
} from '../../query/resolve-filter-column';
import { type ColumnType, columnTypeFor } from '../../records/column-type-for';
import type { DbExecutor, LatticeTables, LiveApp } from '../contracts';

/** Alias of the entity table in every record query. */
export const T = 't';

/**
 * `select t.*, <rollup subqueries> from app_x.entity as t` — the base of get and list. Rollups are
 * correlated subqueries over live child rows aliased by the rollup's field id, computed on read.
 */
export function selectRecords(ex: DbExecutor, live: LiveApp, entity: EntityDoc, now: Date) {
  const rollups = entity.fields.filter((f): f is RollupField => f.type === 'rollup');
  let q = ex.selectFrom(`${appSchemaName(live.appId)}.${entity.name} as ${T}`).selectAll(T);
  for (const f of rollups) q = q.select(rollupSql(live, f, now).as(f.id));
  return q;
}

/**
 * Field names → SQL for filters and sorts on `t`: columns as usual, rollups as their correlated
 * subquery (lists filter and sort by e.g. a customer's open-deal count), and one reference hop
 * `ref.field` (e.g. an order's `customer.region`, what report drill-downs on joined dimensions send)
 * as a scalar subquery on the live referenced row. Sensitive target fields never resolve.
 */
export function recordColumnResolver(live: LiveApp, entity: EntityDoc, now: Date): ColumnResolver {
  const base = createColumnResolver(entity, T);
  const rollups = new Map(
    entity.fields.filter((f): f is RollupField => f.type === 'rollup').map((f) => [f.name, f]),
  );
  return (name) => {
    if (name.includes('.')) return referencedColumn(live, entity, name);
    const f = rollups.get(name);
    if (!f) return base(name);
    return { ref: rollupSql(live, f, now), type: rollupType(live, f), field: f };
  };
}

/** `ref.field` → `(select r.<field> from <target> r where r.id = t.<ref> and r.deleted_at is null)`. */
function referencedColumn(live: LiveApp, entity: EntityDoc, path: string): ResolvedColumn | null {
  const [refName, fieldName, ...rest] = path.split('.');
  const ref = entity.fields.find((f) => f.name === refName);
  if (rest.length > 0 || !fieldName || ref?.type !== 'reference') return null;
  const target = findEntity(live.definition, ref.target);
  if (!target) return null;
  const col = createColumnResolver(target, 'r')(fieldName);
  if (!col || col.field?.sensitive) return null;
  const table = sql.table(`${appSchemaName(live.appId)}.${target.name}`);
  return {
    ...col,
    ref: sql`(select ${col.ref} from ${table} as r where r.id = ${sql.ref(`${T}.${ref.id}`)} and r.deleted_at is null)`,
  };
}

/** The correlated subquery computing one rollup for the row `t`. */
export function rollupSql(live: LiveApp, f: RollupField, now: Date): RawBuilder<unknown> {
  const child = findEntity(live.definition, f.relation.entity);
  const ref = child?.fields.find((x) => x.name === f.relation.field);
  if (!child || !ref) return sql`null`;
  const measure = f.measure ? child.fields.find((x) => x.name === f.measure) : undefined;
  const col = (id: string) => sql.ref(`r.${id}`);
  let agg: RawBuilder<unknown>;
  if (f.aggregate === 'count') agg = sql`count(*)`;
  else if (!measure) return sql`null`;
  else agg = sql`${sql.raw(f.aggregate)}(${col(measure.id)})`;
  const filter = f.filter
    ? compileFilter(child, f.filter, expressionBuilder<LatticeTables, string>(), { tableAlias: 'r', now })
    : sql<SqlBool>`true`;
  return sql`(select ${agg} from ${sql.table(`${appSchemaName(live.appId)}.${child.name}`)} as r
    where ${col(ref.id)} = ${sql.ref(`${T}.id`)} and r.deleted_at is null and ${filter})`;
}

function rollupType(live: LiveApp, f: RollupField): ColumnType {
  if (f.aggregate === 'count') return 'integer';
  if (f.aggregate === 'sum' || f.aggregate === 'avg') return 'numeric';
  const measure = findEntity(live.definition, f.relation.entity)?.fields.find((x) => x.name === f.measure);
  return (measure && columnTypeFor(measure)) || 'numeric';
}
