import type { AppDefinition, Dataset } from '@lattice/engine';
import { LatticeError } from '@lattice/engine';
import { type CompiledQuery, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { ResultColumn } from './dataset-result';
import { type CompileDatasetOptions, planDataset } from './plan-dataset';
import { BASE_ALIAS } from './query-scope';

/** The table shape kysely sees: any table, any column (names come from validated metadata). */
export type ReportDb = Record<string, Record<string, unknown>>;
/** A raw result row, before {@link normalizeRows}. */
export type RawReportRow = Record<string, unknown>;

export interface CompiledDataset {
  /** The kysely query: execute it, or wrap it (e.g. `EXPLAIN`). */
  query: SelectQueryBuilder<ReportDb, typeof BASE_ALIAS, RawReportRow>;
  /** SQL text and bound parameters. */
  compiled: CompiledQuery<RawReportRow>;
  /** Output columns in SELECT order. */
  columns: ResultColumn[];
}

/**
 * Compiles a dataset to ONE aggregate SQL query: the entity table (schema `appSchemaName(app.id)`) LEFT JOINed
 * along reference paths, `deleted_at is null` + filter + extra filter + row scope in WHERE, GROUP BY the
 * dimensions, measures as aggregates (formulas inline), ORDER BY aliases, LIMIT for top-N. Identifiers come
 * only from metadata; values are parameters. Throws `LATTICE_ERR_VALIDATION` with every problem's path.
 *
 * @example
 * const { compiled } = compileDataset(app, {
 *   entity: 'orders',
 *   dimensions: [{ field: 'customer.region', as: 'region' }, { field: 'order_date', bucket: 'quarter', as: 'q' }],
 *   measures: [{ type: 'sum', field: 'amount', as: 'revenue' }],
 * }, { now: clock.now(), scopeFilter: (entity) => scopes.filterFor(user, entity) }, db);
 */
export function compileDataset<DB>(
  app: AppDefinition,
  dataset: Dataset,
  opts: CompileDatasetOptions,
  db: Kysely<DB>,
): CompiledDataset {
  const plan = planDataset(app, dataset, opts);
  if (plan.errors.length > 0 || !plan.scope) throw new LatticeError('LATTICE_ERR_VALIDATION', plan.errors);
  const scope = plan.scope;
  const rdb = db as unknown as Kysely<ReportDb>;
  let query = rdb
    .withSchema(scope.schema)
    .selectFrom(`${scope.base.name} as ${BASE_ALIAS}`) as unknown as SelectQueryBuilder<
    ReportDb,
    typeof BASE_ALIAS,
    RawReportRow
  >;
  for (const join of scope.joins.values()) {
    const on = [
      sql<SqlBool>`${sql.ref(`${join.alias}.id`)} = ${sql.ref(`${join.parentAlias}.${join.column}`)}`,
      ...(plan.joinOn.get(join.alias) ?? []),
    ];
    query = query.leftJoin(`${join.entity.name} as ${join.alias}`, (jb) =>
      jb.on(sql<SqlBool>`${sql.join(on, sql` and `)}`),
    ) as unknown as typeof query;
  }
  query = query
    .where(sql<SqlBool>`${sql.join(plan.where, sql` and `)}`)
    .select(plan.selects.map((s) => s.expr.as(s.alias))) as unknown as typeof query;
  if (plan.groupBy.length > 0) query = query.groupBy(plan.groupBy);
  if (plan.having.length > 0) query = query.having(sql<SqlBool>`${sql.join(plan.having, sql` and `)}`);
  for (const order of plan.orderBy) query = query.orderBy(order);
  if (plan.limit !== undefined) query = query.limit(plan.limit);
  return { query, compiled: query.compile(), columns: plan.columns };
}
