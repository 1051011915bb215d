import { LatticeError } from '../errors';
import { assertNever } from '../model/assert-never';
import type { JsonLogic } from '../model/json-logic';
import { generateCreditCode } from '../records/credit-code';
import { createRng, type Rng } from './create-rng';
import { DEFAULT_POOLS } from './default-pools';
import { createLogicEvaluator, type LogicEvaluator } from './evaluate-logic';
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

/** Options of {@link generateSeedData}: the PRNG seed and the clock's "now" that relative dates hang off. */
export interface GenerateSeedOptions {
  seed?: number;
  now: Date;
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
}

interface RecordScope {
  record: SeedRecord;
  parent: SeedRecord | undefined;
  key: string;
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
  };
  return spec.entities.map((block, i) => ({ entity: block.entity, records: generateBlock(ctx, block, i) }));
}

function generateBlock(ctx: GenContext, block: SeedEntitySpec, index: number): SeedRecord[] {
  const out: SeedRecord[] = [];
  const emit = (parent: SeedRecord | undefined) => {
    const record = generateRecord(ctx, block, index, parent);
    out.push(record);
    ctx.byId.set(record.id, record);
    const list = ctx.byEntity.get(block.entity) ?? [];
    list.push(record);
    ctx.byEntity.set(block.entity, list);
  };
  if (block.perParent) {
    const { entity, min, max, where } = block.perParent;
    const parents = (ctx.byEntity.get(entity) ?? []).filter(
      (p) => where === undefined || truthy(ctx, where, p),
    );
    for (const parent of parents) {
      const n = ctx.rng.int(min, max);
      for (let k = 0; k < n; k++) emit(parent);
    }
  } else {
    for (let k = 0; k < (block.count ?? 0); k++) emit(undefined);
  }
  return out;
}

function generateRecord(
  ctx: GenContext,
  block: SeedEntitySpec,
  index: number,
  parent: SeedRecord | undefined,
): SeedRecord {
  const record: SeedRecord = { id: seededUuid(ctx.rng) };
  for (const [name, gen] of Object.entries(block.fields)) {
    const scope = { record, parent, key: `${index}.${name}` };
    if (gen.emptyRate !== undefined && ctx.rng.chance(gen.emptyRate)) {
      record[name] = null;
      continue;
    }
    record[name] = generateValue(ctx, gen, scope, `entities.${index}.fields.${name}`);
  }
  for (const name of Object.keys(record)) if (name.startsWith('_')) delete record[name];
  return record;
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
    default:
      return assertNever(gen);
  }
}

/** Candidates for a `ref`; `where` sees the candidate record only, so the filtered list is cached. */
function refPool(ctx: GenContext, entity: string, where: JsonLogic | undefined, key: string): SeedRecord[] {
  const all = ctx.byEntity.get(entity) ?? [];
  if (where === undefined) return all;
  const cached = ctx.refPools.get(key);
  if (cached && cached.size === all.length) return cached.pool;
  const pool = all.filter((r) => truthy(ctx, where, r));
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

function truthy(ctx: GenContext, expr: JsonLogic, data: unknown): boolean {
  const v = ctx.evaluate(expr, data);
  return Array.isArray(v) ? v.length > 0 : Boolean(v);
}

function requireParent(scope: RecordScope, path: string): SeedRecord {
  if (scope.parent) return scope.parent;
  throw new LatticeError('LATTICE_ERR_VALIDATION', [
    {
      path,
      message: { zh: '只有按父记录生成的实体才能引用父记录', en: 'parent generators need a perParent block' },
    },
  ]);
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
