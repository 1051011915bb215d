import type { AppDefinition, Dataset, Dimension, ErrorDetail, JsonLogic, Measure } from '@lattice/engine';
import { findEntity, isIdentifier } from '@lattice/engine';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { compileFormulaMeasure } from './compile-formula-measure';
import { compileHaving } from './compile-having';
import { compileReportFilter } from './compile-report-filter';
import type { ResultColumn, ResultColumnType } from './dataset-result';
import { dateBucketSql, isDateBucket, TIME_ZONE_RE } from './date-bucket';
import type { ValueKind } from './field-kind';
import { BASE_ALIAS, createQueryScope, type JoinNode, type QueryScope } from './query-scope';
import { type ResolvedColumn, resolveFieldPath } from './resolve-field-path';

/** Options of {@link compileDataset}; the same shape drives validation. */
export interface CompileDatasetOptions {
  /**
   * Row-level permission hook: the record scope of the current user for an entity, as a JsonLogic filter
   * over that entity's field names, or null for "all rows". Called for the base entity (its filter goes
   * into WHERE) and for EVERY joined entity (into the join's ON clause, so an invisible customer hides its
   * attributes but not the visible orders that point at it).
   */
  scopeFilter?: (entityName: string) => JsonLogic | null;
  /** Extra filter AND-ed with the dataset's own, e.g. a dashboard's shared date range/region/owner filters. */
  extraFilter?: JsonLogic;
  /** "Now" for relative dates (`{"months_ago": 6}`), from the injected clock. */
  now: Date;
  /** IANA time zone for bucketing datetime fields (e.g. `Asia/Shanghai`); default: the session's. */
  timeZone?: string;
}

/** Everything a dataset compiles to, before it becomes a kysely query. */
export interface DatasetPlan {
  scope: QueryScope | null;
  errors: ErrorDetail[];
  columns: ResultColumn[];
  selects: { alias: string; expr: RawBuilder<unknown> }[];
  groupBy: RawBuilder<unknown>[];
  where: RawBuilder<SqlBool>[];
  /** Conditions on the groups' measures (dataset `having`), AND-ed into HAVING. */
  having: RawBuilder<SqlBool>[];
  /** ON conditions per join alias (deleted_at and scope filters). */
  joinOn: Map<string, RawBuilder<SqlBool>[]>;
  orderBy: RawBuilder<unknown>[];
  limit?: number;
}

/** Top-N cap: charts never need more rows than this and an unbounded group-by can be huge. */
export const MAX_DATASET_LIMIT = 10_000;

const FIELD_MEASURES = ['count_distinct', 'sum', 'avg', 'min', 'max'] as const;

/**
 * Resolves a dataset against the app: every path, alias, bucket and measure, collecting ALL problems with
 * their paths (`dataset.measures.2.field`). Pure; both validation and compilation run it.
 */
export function planDataset(app: AppDefinition, dataset: Dataset, opts: CompileDatasetOptions): DatasetPlan {
  const errors: ErrorDetail[] = [];
  const plan: DatasetPlan = {
    scope: null,
    errors,
    columns: [],
    selects: [],
    groupBy: [],
    where: [],
    having: [],
    joinOn: new Map(),
    orderBy: [],
  };
  const entity = findEntity(app, dataset.entity);
  if (!entity) {
    err(errors, 'dataset.entity', `实体 "${dataset.entity}" 不存在`, `unknown entity "${dataset.entity}"`);
    return plan;
  }
  const scope = createQueryScope(app, entity);
  plan.scope = scope;
  if (opts.timeZone !== undefined && !TIME_ZONE_RE.test(opts.timeZone)) {
    err(errors, 'timeZone', '时区名称无效', `invalid time zone "${opts.timeZone}"`);
  }
  const aliases = new Set<string>();
  const filterCtx = { resolve: (name: string) => resolveFieldPath(scope, name), now: opts.now, errors };
  const filter = (expr: JsonLogic | undefined, path: string) =>
    expr === undefined ? undefined : compileReportFilter(expr, path, filterCtx);

  (dataset.dimensions ?? []).forEach((dim, i) => {
    planDimension(plan, scope, dim, `dataset.dimensions.${i}`, aliases, opts.timeZone);
  });
  const measureSql = planMeasures(plan, scope, dataset.measures ?? [], aliases, filter);
  if (dataset.having !== undefined) {
    plan.having.push(compileHaving(dataset.having, 'dataset.having', measureSql, errors));
  }
  if ((dataset.dimensions ?? []).length + (dataset.measures ?? []).length === 0) {
    err(errors, 'dataset.measures', '至少需要一个维度或指标', 'add at least one dimension or measure');
  }

  plan.where.push(sql<SqlBool>`${sql.ref(`${BASE_ALIAS}.deleted_at`)} is null`);
  const own = filter(dataset.filter, 'dataset.filter');
  if (own) plan.where.push(own);
  const extra = filter(opts.extraFilter, 'extraFilter');
  if (extra) plan.where.push(extra);
  planSortAndLimit(plan, dataset, aliases);
  // Scope filters last: only now are all joins known, and each joined entity must get its own.
  planScopes(plan, scope, opts);
  return plan;
}

function planDimension(
  plan: DatasetPlan,
  scope: QueryScope,
  dim: Dimension,
  path: string,
  aliases: Set<string>,
  timeZone: string | undefined,
): void {
  const { errors } = plan;
  if (typeof dim.field !== 'string') {
    err(errors, `${path}.field`, '缺少字段', 'field is required');
    return;
  }
  const resolved = resolveFieldPath(scope, dim.field);
  if (!resolved.ok) {
    errors.push({ path: `${path}.field`, message: resolved.message, reason: 'LATTICE_ERR_UNKNOWN_FIELD' });
    return;
  }
  const col = resolved.column;
  if (!groupable(col, errors, `${path}.field`)) return;
  const alias = claimAlias(dim.as ?? defaultDimensionAlias(dim), `${path}.as`, aliases, errors);
  if (dim.bucket !== undefined) {
    if (!isDateBucket(dim.bucket)) {
      err(
        errors,
        `${path}.bucket`,
        '日期分组应为 day/week/month/quarter/year',
        `unknown date bucket "${dim.bucket}"`,
      );
      return;
    }
    if (col.kind !== 'date' && col.kind !== 'datetime') {
      err(
        errors,
        `${path}.bucket`,
        `"${dim.field}" 不是日期字段，不能按${BUCKET_ZH[dim.bucket]}分组`,
        `"${dim.field}" is not a date field; it cannot be bucketed by ${dim.bucket}`,
      );
      return;
    }
    const { group, label } = dateBucketSql(dim.bucket, col.ref, col.kind, timeZone);
    plan.groupBy.push(group);
    plan.selects.push({ alias, expr: label });
    plan.columns.push({
      key: alias,
      label: dim.label ?? {
        zh: `${col.label.zh}（${BUCKET_ZH[dim.bucket]}）`,
        en: `${col.label.en} (${dim.bucket})`,
      },
      type: 'string',
      role: 'dimension',
      field: dim.field,
      bucket: dim.bucket,
    });
    return;
  }
  plan.groupBy.push(col.ref);
  // Dates travel as text so no driver turns them into local-time Date objects.
  plan.selects.push({ alias, expr: col.kind === 'date' ? sql`${col.ref}::text` : col.ref });
  plan.columns.push({
    key: alias,
    label: dim.label ?? col.label,
    type: columnType(col.kind),
    role: 'dimension',
    field: dim.field,
    ...optionLabels(col),
  });
}

function planMeasures(
  plan: DatasetPlan,
  scope: QueryScope,
  measures: Measure[],
  aliases: Set<string>,
  filter: (expr: JsonLogic | undefined, path: string) => RawBuilder<SqlBool> | undefined,
): (alias: string) => RawBuilder<unknown> | null {
  const { errors } = plan;
  const aggregates = new Map<string, RawBuilder<unknown>>();
  const formulas = new Map<string, { measure: Extract<Measure, { type: 'formula' }>; path: string }>();
  const planned: {
    alias: string;
    measure: Measure;
    path: string;
    type: ResultColumnType;
    label: ResultColumn['label'];
  }[] = [];
  measures.forEach((m, i) => {
    const path = `dataset.measures.${i}`;
    const alias = claimAlias(m.as, `${path}.as`, aliases, errors);
    switch (m.type) {
      case 'count': {
        const where = filter(m.filter, `${path}.filter`);
        aggregates.set(alias, where ? sql`count(*) filter (where ${where})` : sql`count(*)`);
        planned.push({
          alias,
          measure: m,
          path,
          type: 'number',
          label: m.label ?? { zh: '记录数', en: 'Count' },
        });
        return;
      }
      case 'count_distinct':
      case 'sum':
      case 'avg':
      case 'min':
      case 'max': {
        const col = measureColumn(scope, m, path, errors);
        if (!col) return;
        const fn =
          m.type === 'count_distinct' ? sql`count(distinct ${col.ref})` : sql`${sql.raw(m.type)}(${col.ref})`;
        const where = filter(m.filter, `${path}.filter`);
        const agg = where ? sql`${fn} filter (where ${where})` : fn;
        const type = m.type === 'min' || m.type === 'max' ? columnType(col.kind) : 'number';
        aggregates.set(alias, type === 'date' ? sql`(${agg})::text` : agg);
        planned.push({ alias, measure: m, path, type, label: m.label ?? measureLabel(m.type, col) });
        return;
      }
      case 'formula':
        formulas.set(alias, { measure: m, path });
        planned.push({ alias, measure: m, path, type: 'number', label: m.label ?? { zh: alias, en: alias } });
        return;
      default: {
        const unknown: { type?: unknown } = m;
        err(errors, `${path}.type`, '未知的指标类型', `unknown measure type ${JSON.stringify(unknown.type)}`);
      }
    }
  });
  const compiling = new Set<string>();
  const formulaSql = new Map<string, RawBuilder<unknown>>();
  const measureSql = (alias: string): RawBuilder<unknown> | null => {
    const agg = aggregates.get(alias) ?? formulaSql.get(alias);
    if (agg) return agg;
    const f = formulas.get(alias);
    if (!f || compiling.has(alias)) return null;
    compiling.add(alias);
    const compiled = compileFormulaMeasure(f.measure.expression, `${f.path}.expression`, measureSql, errors);
    compiling.delete(alias);
    formulaSql.set(alias, compiled);
    return compiled;
  };
  for (const p of planned) {
    const expr = measureSql(p.alias);
    if (!expr) continue;
    plan.selects.push({ alias: p.alias, expr });
    plan.columns.push({ key: p.alias, label: p.label, type: p.type, role: 'measure' });
  }
  return measureSql;
}

function measureColumn(
  scope: QueryScope,
  m: Extract<Measure, { field: string }>,
  path: string,
  errors: ErrorDetail[],
): ResolvedColumn | null {
  if (typeof m.field !== 'string') {
    err(errors, `${path}.field`, '缺少字段', 'field is required');
    return null;
  }
  const resolved = resolveFieldPath(scope, m.field);
  if (!resolved.ok) {
    errors.push({ path: `${path}.field`, message: resolved.message, reason: 'LATTICE_ERR_UNKNOWN_FIELD' });
    return null;
  }
  const col = resolved.column;
  if (!groupable(col, errors, `${path}.field`)) return null;
  const numericOnly = m.type === 'sum' || m.type === 'avg';
  const ordered = m.type === 'min' || m.type === 'max';
  const ok =
    col.kind === 'number' ||
    (ordered && (col.kind === 'date' || col.kind === 'datetime')) ||
    m.type === 'count_distinct';
  if (!ok) {
    err(
      errors,
      `${path}.field`,
      `"${m.field}" 不是数值字段，不能${MEASURE_ZH[m.type]}`,
      `"${m.field}" is not numeric${numericOnly ? '' : ' or a date'}; it cannot be used for ${m.type}`,
    );
    return null;
  }
  return col;
}

function planSortAndLimit(plan: DatasetPlan, dataset: Dataset, aliases: Set<string>): void {
  const { errors } = plan;
  (dataset.sort ?? []).forEach((s, i) => {
    if (!aliases.has(s.by)) {
      err(
        errors,
        `dataset.sort.${i}.by`,
        `排序字段 "${s.by}" 不是维度或指标`,
        `"${s.by}" is not a dimension or measure alias`,
      );
      return;
    }
    if (s.dir !== 'asc' && s.dir !== 'desc') {
      err(errors, `dataset.sort.${i}.dir`, '排序方向应为 asc 或 desc', 'dir must be asc or desc');
      return;
    }
    // Nulls last both ways: a top-N by a measure must not start with empty groups.
    plan.orderBy.push(sql`${sql.ref(s.by)} ${sql.raw(s.dir)} nulls last`);
  });
  if (plan.orderBy.length === 0) {
    for (const c of plan.columns)
      if (c.role === 'dimension') plan.orderBy.push(sql`${sql.ref(c.key)} asc nulls last`);
  }
  if (dataset.limit !== undefined) {
    if (!Number.isInteger(dataset.limit) || dataset.limit < 1 || dataset.limit > MAX_DATASET_LIMIT) {
      err(
        errors,
        'dataset.limit',
        `条数应为 1 到 ${MAX_DATASET_LIMIT} 的整数`,
        `limit must be an integer 1..${MAX_DATASET_LIMIT}`,
      );
    } else plan.limit = dataset.limit;
  }
}

function planScopes(plan: DatasetPlan, scope: QueryScope, opts: CompileDatasetOptions): void {
  for (const join of scope.joins.values()) {
    plan.joinOn.set(join.alias, [sql<SqlBool>`${sql.ref(`${join.alias}.deleted_at`)} is null`]);
  }
  if (!opts.scopeFilter) return;
  const base = opts.scopeFilter(scope.base.name);
  if (base !== null) {
    plan.where.push(scopeSql(plan, scope, base, `scope.${scope.base.name}`, BASE_ALIAS, scope.base));
  }
  for (const join of scope.joins.values()) {
    const expr = opts.scopeFilter(join.entity.name);
    if (expr === null) continue;
    plan.joinOn
      .get(join.alias)!
      .push(scopeSql(plan, scope, expr, `scope.${join.prefix}`, join.alias, join.entity));
  }

  function scopeSql(
    p: DatasetPlan,
    s: QueryScope,
    expr: JsonLogic,
    path: string,
    alias: string,
    entity: JoinNode['entity'],
  ): RawBuilder<SqlBool> {
    return compileReportFilter(expr, path, {
      resolve: (name) => resolveFieldPath(s, name, { alias, entity }),
      now: opts.now,
      errors: p.errors,
    });
  }
}

function groupable(col: ResolvedColumn, errors: ErrorDetail[], path: string): boolean {
  if (col.sensitive) {
    err(errors, path, '加密字段不能用于报表', 'encrypted (sensitive) fields cannot be used in reports');
    return false;
  }
  if (col.kind === 'array' || col.kind === 'opaque') {
    err(
      errors,
      path,
      '该类型的字段不能用于分组或统计',
      'fields of this type cannot be grouped or aggregated',
    );
    return false;
  }
  return true;
}

function claimAlias(alias: unknown, path: string, aliases: Set<string>, errors: ErrorDetail[]): string {
  const name = typeof alias === 'string' ? alias : '';
  if (!isIdentifier(name)) {
    err(
      errors,
      path,
      '别名须为小写字母开头的标识符',
      `alias ${JSON.stringify(alias)} must match ^[a-z][a-z0-9_]*$`,
    );
  } else if (aliases.has(name)) {
    err(errors, path, `别名 "${name}" 重复`, `alias "${name}" is used twice`);
  }
  aliases.add(name);
  return name;
}

/** `customer.region` → `customer_region`; `order_date` by month → `order_date_month`. */
export function defaultDimensionAlias(dim: Dimension): string {
  const base = String(dim.field).replace(/\./g, '_');
  return dim.bucket ? `${base}_${dim.bucket}` : base;
}

function columnType(kind: ValueKind): ResultColumnType {
  return kind === 'array' || kind === 'opaque' ? 'string' : kind;
}

function measureLabel(type: (typeof FIELD_MEASURES)[number], col: ResolvedColumn): ResultColumn['label'] {
  const { zh, en } = col.label;
  switch (type) {
    case 'count_distinct':
      return { zh: `${zh}（去重计数）`, en: `Distinct ${en}` };
    case 'sum':
      return { zh: `${zh}合计`, en: `Sum of ${en}` };
    case 'avg':
      return { zh: `${zh}平均值`, en: `Average ${en}` };
    case 'min':
      return { zh: `${zh}最小值`, en: `Min ${en}` };
    case 'max':
      return { zh: `${zh}最大值`, en: `Max ${en}` };
  }
}

const BUCKET_ZH = { day: '日', week: '周', month: '月', quarter: '季度', year: '年' } as const;
const MEASURE_ZH = {
  count_distinct: '去重计数',
  sum: '求和',
  avg: '求平均',
  min: '求最小值',
  max: '求最大值',
} as const;

function err(errors: ErrorDetail[], path: string, zh: string, en: string): void {
  errors.push({ path, message: { zh, en }, reason: 'LATTICE_ERR_VALIDATION' });
}

/** Option labels of select/stage fields, so charts show 华东 for `east` (values stay raw for drill-down). */
function optionLabels(col: ResolvedColumn): Pick<ResultColumn, 'valueLabels'> {
  const options = col.field && 'options' in col.field ? col.field.options : undefined;
  if (!Array.isArray(options) || options.length === 0) return {};
  return { valueLabels: Object.fromEntries(options.map((o) => [o.value, o.label])) };
}
