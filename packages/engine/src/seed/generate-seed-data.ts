import { LatticeError } from '../errors';
import { truthy } from '../expr/standard-helpers';
import { type AppDefinition, findEntity } from '../model/app';
import { assertNever } from '../model/assert-never';
import type { JsonLogic } from '../model/json-logic';
import { generateCreditCode } from '../records/credit-code';
import { createRng, type Rng } from './create-rng';
import { DEFAULT_POOLS } from './default-pools';
import { createLogicEvaluator, type LogicEvaluator } from './evaluate-logic';
import { resolveFilterDates } from './resolve-filter-dates';
import { ruleValue } from './rule-value';
import { seedError } from './seed-error';
import type {
  DateAnchor,
  FieldGen,
  SeedBatch,
  SeedEntitySpec,
  SeedPools,
  SeedRecord,
  SeedSpec,
} from './seed-spec';
import {
  addDays,
  formatDate,
  formatDateTime,
  formatSequence,
  roundTo,
  seededUuid,
  toMs,
} from './seed-values';
import { type ChildIndex, indexChildren, summariseChildren } from './summarise-children';

/** Options of {@link generateSeedData}: the PRNG seed and the clock's "now" that relative dates hang off. */
export interface GenerateSeedOptions {
  seed?: number;
  now: Date;
  /** The app the seed is for: needed by the `rollup` and `rule` generators (entity and rule documents). */
  app?: AppDefinition;
  /**
   * Share (0–1] of each `count` block to generate (at least one record); `perParent` blocks follow their
   * fewer parents and literal records stay whole, so a small seed is as consistent as the full one.
   */
  scale?: number;
}

interface GenContext {
  rng: Rng;
  nowMs: number;
  pools: Required<SeedPools>;
  /** entity → records generated so far (all blocks). */
  byEntity: Map<string, SeedRecord[]>;
  byId: Map<string, SeedRecord>;
  /** `block.field` → values already used, for generators that must stay unique. */
  used: Map<string, Set<string>>;
  sequences: Map<string, number>;
  /** `block.field` → candidates of a filtered `ref`, valid while the entity's record count is unchanged. */
  refPools: Map<string, { size: number; pool: SeedRecord[] }>;
  evaluate: LogicEvaluator;
  scale: number;
  app: AppDefinition | undefined;
  /** `entity.via` → children by parent id; built on first use, once every block has run. */
  children: Map<string, ChildIndex>;
  /** Query filters with their relative dates resolved, by filter object. */
  resolvedFilters: WeakMap<object, JsonLogic>;
  /** Parent of each perParent record, for `afterAll` fields. */
  parents: WeakMap<SeedRecord, SeedRecord>;
  /** Every rollup of a record, computed once (afterAll). */
  rollups: WeakMap<SeedRecord, Record<string, unknown>>;
}

interface RecordScope {
  record: SeedRecord;
  parent: SeedRecord | undefined;
  key: string;
  entity: string;
  name: string;
}

/**
 * Interprets a declarative seed spec into records, deterministically: the same spec, seed and `now`
 * always give the same records (ids included). Blocks run in order, so later blocks may reference
 * records of earlier ones (`ref`, `parent`).
 *
 * @example
 * const batches = generateSeedData(pack.seed.demo, { seed: 7, now: clock.now() });
 * for (const { entity, records } of batches) await insertMany(entity, records);
 */
export function generateSeedData(spec: SeedSpec, options: GenerateSeedOptions): SeedBatch[] {
  const ctx: GenContext = {
    rng: createRng(options.seed ?? spec.seed ?? 1),
    nowMs: options.now.getTime(),
    pools: { ...DEFAULT_POOLS, ...spec.pools },
    byEntity: new Map(),
    byId: new Map(),
    used: new Map(),
    sequences: new Map(),
    refPools: new Map(),
    evaluate: createLogicEvaluator(options.now),
    scale: options.scale ?? 1,
    app: options.app,
    children: new Map(),
    resolvedFilters: new WeakMap(),
    parents: new WeakMap(),
    rollups: new WeakMap(),
  };
  const batches: SeedBatch[] = spec.entities.map((block, i) => ({
    entity: block.entity,
    records: generateBlock(ctx, block, i),
  }));
  spec.entities.forEach((block, i) => {
    const afterAll = block.afterAll ?? {};
    if (Object.keys(afterAll).length === 0) return;
    for (const record of batches[i]!.records) {
      generateFields(ctx, block, i, record, ctx.parents.get(record), afterAll, 'afterAll');
    }
  });
  spec.entities.forEach((block, i) => {
    const dropped = droppedFields(block);
    for (const record of batches[i]!.records) {
      for (const name of Object.keys(record))
        if (name.startsWith('_') || dropped.has(name)) delete record[name];
    }
  });
  return batches;
}

/** `rollup` values feed later fields but are computed on read, so they never reach the output. */
function droppedFields(block: SeedEntitySpec): Set<string> {
  const all = { ...block.fields, ...block.afterAll };
  return new Set(Object.entries(all).flatMap(([name, gen]) => (gen.gen === 'rollup' ? [name] : [])));
}

function generateBlock(ctx: GenContext, block: SeedEntitySpec, index: number): SeedRecord[] {
  const out: SeedRecord[] = [];
  const emit = (parent: SeedRecord | undefined, literal?: Record<string, unknown>) => {
    const record = generateRecord(ctx, block, index, parent, literal);
    out.push(record);
    ctx.byId.set(record.id, record);
    const list = ctx.byEntity.get(block.entity) ?? [];
    list.push(record);
    ctx.byEntity.set(block.entity, list);
  };
  for (const literal of block.records ?? []) emit(undefined, literal);
  if (block.perParent) {
    const { entity, min, max, where } = block.perParent;
    const parents = (ctx.byEntity.get(entity) ?? []).filter(
      (p) => where === undefined || holds(ctx, where, p),
    );
    for (const parent of parents) {
      const n = ctx.rng.int(min, max);
      for (let k = 0; k < n; k++) emit(parent);
    }
  } else {
    const count = block.count ?? 0;
    const n = ctx.scale >= 1 || count === 0 ? count : Math.max(1, Math.ceil(count * ctx.scale));
    for (let k = 0; k < n; k++) emit(undefined);
  }
  return out;
}

function generateRecord(
  ctx: GenContext,
  block: SeedEntitySpec,
  index: number,
  parent: SeedRecord | undefined,
  literal?: Record<string, unknown>,
): SeedRecord {
  const record: SeedRecord = { id: seededUuid(ctx.rng), ...literal };
  if (parent) ctx.parents.set(record, parent);
  const fields = literal
    ? Object.fromEntries(Object.entries(block.fields).filter(([name]) => !(name in literal)))
    : block.fields;
  generateFields(ctx, block, index, record, parent, fields, 'fields');
  return record;
}

function generateFields(
  ctx: GenContext,
  block: SeedEntitySpec,
  index: number,
  record: SeedRecord,
  parent: SeedRecord | undefined,
  fields: Record<string, FieldGen>,
  section: 'fields' | 'afterAll',
): void {
  for (const [name, gen] of Object.entries(fields)) {
    const scope = { record, parent, key: `${index}.${name}`, entity: block.entity, name };
    if (gen.emptyRate !== undefined && ctx.rng.chance(gen.emptyRate)) {
      record[name] = null;
      continue;
    }
    record[name] = generateValue(ctx, gen, scope, `entities.${index}.${section}.${name}`);
  }
}

function generateValue(ctx: GenContext, gen: FieldGen, scope: RecordScope, path: string): unknown {
  const { rng } = ctx;
  switch (gen.gen) {
    case 'const':
      return gen.value;
    case 'choice':
      return rng.pick(gen.values, gen.weights);
    case 'pick_many':
      return pickMany(rng, gen.values, rng.int(gen.min, gen.max));
    case 'int':
      return rng.int(gen.min, gen.max);
    case 'number':
      return roundTo(gen.min + (gen.max - gen.min) * rng.next() ** (gen.skew ?? 1), gen.precision ?? 2);
    case 'date':
    case 'datetime': {
      const from = anchorMs(ctx, gen.from, scope, path);
      const to = Math.max(from, anchorMs(ctx, gen.to, scope, path));
      const ms = from + rng.next() * (to - from);
      return gen.gen === 'date' ? formatDate(ms) : formatDateTime(ms);
    }
    case 'sequence': {
      const n = (ctx.sequences.get(scope.key) ?? gen.start ?? 1) as number;
      ctx.sequences.set(scope.key, n + 1);
      return formatSequence(gen.pattern, n);
    }
    case 'credit_code':
      return unique(ctx, scope.key, () =>
        generateCreditCode(rng, divisionCode(ctx, scope, gen.provinceField)),
      );
    case 'company_name':
      return unique(ctx, scope.key, () => companyName(ctx, scope, gen.provinceField));
    case 'person_name':
      return rng.pick(ctx.pools.surnames) + rng.pick(ctx.pools.givenNames);
    case 'mobile':
      return `1${rng.pick(['38', '39', '58', '59', '86', '87', '36', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    case 'province':
      return provinceFor(ctx, scope.record[gen.regionField], path)[0];
    case 'parent':
      return requireParent(scope, path).id;
    case 'parent_field':
      return requireParent(scope, path)[gen.field] ?? null;
    case 'ref': {
      const pool = refPool(ctx, gen.entity, gen.where, scope.key);
      return pool.length === 0 ? null : rng.pick(pool).id;
    }
    case 'ref_field': {
      const target = ctx.byId.get(String(scope.record[gen.via]));
      return target?.[gen.field] ?? null;
    }
    case 'days_between': {
      const ms = toMs(scope.record[gen.to]) - toMs(scope.record[gen.from]);
      if (Number.isNaN(ms)) return null;
      return gen.unit === 'hours' ? roundTo(ms / 3_600_000, 1) : Math.round(ms / 86_400_000);
    }
    case 'derive':
      return ctx.evaluate(gen.expr, withContext(ctx, scope.record, scope)) ?? null;
    case 'aggregate': {
      const children = childrenOf(ctx, gen.entity, gen.via, scope.record.id);
      const where = gen.where === undefined ? undefined : resolvedFilter(ctx, gen.where, gen.entity);
      return summariseChildren(children, gen.aggregate, gen.field, where, ctx.evaluate);
    }
    case 'rollup': {
      const rollups = rollupsOf(ctx, scope.entity, scope.record, path);
      if (!(scope.name in rollups))
        throw seedError(
          path,
          `${scope.entity}.${scope.name} is not a rollup field`,
          `${scope.entity}.${scope.name} 不是汇总字段`,
        );
      return rollups[scope.name];
    }
    case 'rule':
      return ruleValue(ctx.app, gen, scope, {
        path,
        evaluate: ctx.evaluate,
        now: new Date(ctx.nowMs).toISOString(),
        rollups: () => rollupsOf(ctx, scope.entity, scope.record, path),
      });
    default:
      return assertNever(gen);
  }
}

function childrenOf(ctx: GenContext, entity: string, via: string, id: string): SeedRecord[] {
  const key = `${entity}.${via}`;
  let index = ctx.children.get(key);
  if (!index) {
    index = indexChildren(ctx.byEntity.get(entity) ?? [], via);
    ctx.children.set(key, index);
  }
  return index.get(id) ?? [];
}

function resolvedFilter(ctx: GenContext, filter: JsonLogic, entity: string): JsonLogic {
  if (typeof filter !== 'object' || filter === null) return filter;
  let out = ctx.resolvedFilters.get(filter);
  if (out === undefined) {
    const doc = ctx.app ? findEntity(ctx.app, entity) : undefined;
    out = resolveFilterDates(filter, doc, new Date(ctx.nowMs));
    ctx.resolvedFilters.set(filter, out);
  }
  return out;
}

/** Every rollup field of `entity` for `record`, as the database will compute it from the seed. */
function rollupsOf(
  ctx: GenContext,
  entity: string,
  record: SeedRecord,
  path: string,
): Record<string, unknown> {
  const cached = ctx.rollups.get(record);
  if (cached) return cached;
  const doc = ctx.app ? findEntity(ctx.app, entity) : undefined;
  if (!doc)
    throw seedError(
      path,
      `rollups need options.app with the entity "${entity}"`,
      `汇总字段需要应用定义（实体 ${entity}）`,
    );
  const out: Record<string, unknown> = {};
  for (const f of doc.fields) {
    if (f.type !== 'rollup') continue;
    const children = childrenOf(ctx, f.relation.entity, f.relation.field, record.id);
    const where = f.filter === undefined ? undefined : resolvedFilter(ctx, f.filter, f.relation.entity);
    out[f.name] = summariseChildren(children, f.aggregate, f.measure, where, ctx.evaluate);
  }
  ctx.rollups.set(record, out);
  return out;
}

/** Candidates for a `ref`; `where` sees the candidate record only, so the filtered list is cached. */
function refPool(ctx: GenContext, entity: string, where: JsonLogic | undefined, key: string): SeedRecord[] {
  const all = ctx.byEntity.get(entity) ?? [];
  if (where === undefined) return all;
  const cached = ctx.refPools.get(key);
  if (cached && cached.size === all.length) return cached.pool;
  const pool = all.filter((r) => holds(ctx, where, r));
  ctx.refPools.set(key, { size: all.length, pool });
  return pool;
}

function anchorMs(ctx: GenContext, anchor: DateAnchor, scope: RecordScope, path: string): number {
  let base = ctx.nowMs;
  if ('field' in anchor) base = toMs(scope.record[anchor.field]);
  else if ('parentField' in anchor) base = toMs(requireParent(scope, path)[anchor.parentField]);
  if (Number.isNaN(base)) base = ctx.nowMs;
  return addDays(base, anchor.days ?? 0);
}

function withContext(ctx: GenContext, data: SeedRecord, scope: RecordScope): Record<string, unknown> {
  const refs: Record<string, SeedRecord | undefined> = {};
  for (const [k, v] of Object.entries(scope.record)) {
    if (typeof v === 'string' && ctx.byId.has(v)) refs[k] = ctx.byId.get(v);
  }
  return {
    ...data,
    $record: scope.record,
    $parent: scope.parent,
    $refs: refs,
    $now: formatDateTime(ctx.nowMs),
    $today: formatDate(ctx.nowMs),
  };
}

function holds(ctx: GenContext, expr: JsonLogic, data: unknown): boolean {
  return truthy(ctx.evaluate(expr, data));
}

function requireParent(scope: RecordScope, path: string): SeedRecord {
  if (scope.parent) return scope.parent;
  throw seedError(path, 'parent generators need a perParent block', '只有按父记录生成的实体才能引用父记录');
}

function pickMany(rng: Rng, values: unknown[], n: number): unknown[] {
  const pool = [...values];
  const out: unknown[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  return out;
}

/** Retries a generator until its value is new for this field; suffixes a counter as a last resort. */
function unique(ctx: GenContext, key: string, make: () => string): string {
  const used = ctx.used.get(key) ?? new Set<string>();
  ctx.used.set(key, used);
  let value = make();
  for (let attempt = 0; used.has(value) && attempt < 20; attempt++) value = make();
  if (used.has(value)) value = `${value}${used.size}`;
  used.add(value);
  return value;
}

function provinceFor(ctx: GenContext, region: unknown, path: string): [string, string] {
  const list = ctx.pools.regions[String(region)];
  if (!list || list.length === 0) {
    throw new LatticeError('LATTICE_ERR_VALIDATION', [
      { path, message: { zh: `未知区域：${String(region)}`, en: `unknown region: ${String(region)}` } },
    ]);
  }
  return ctx.rng.pick(list);
}

function findProvince(ctx: GenContext, name: unknown): [string, string] | undefined {
  for (const list of Object.values(ctx.pools.regions)) {
    const hit = list.find(([n]) => n === name);
    if (hit) return hit;
  }
  return undefined;
}

function divisionCode(ctx: GenContext, scope: RecordScope, provinceField: string | undefined): string {
  const province = provinceField ? findProvince(ctx, scope.record[provinceField]) : undefined;
  const prefix = (province?.[1] ?? '110000').slice(0, 2);
  return `${prefix}${String(ctx.rng.int(1, 12)).padStart(2, '0')}${String(ctx.rng.int(0, 9)).padStart(2, '0')}`;
}

function companyName(ctx: GenContext, scope: RecordScope, provinceField: string | undefined): string {
  const { rng, pools } = ctx;
  const place = provinceField ? String(scope.record[provinceField] ?? '') : '';
  return `${place}${rng.pick(pools.companyCores)}${rng.pick(pools.companyTrades)}${rng.pick(pools.companySuffixes)}`;
}
