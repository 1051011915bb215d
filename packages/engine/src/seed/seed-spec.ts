import type { JsonLogic } from '../model/json-logic';

/**
 * A point in time relative to the generation clock (`days`, negative = past) or to a date already
 * generated on this record (`field`) or on its parent (`parentField`), shifted by `days`.
 */
export type DateAnchor =
  | { days: number }
  | { field: string; days?: number }
  | { parentField: string; days?: number };

/** How one field's value is produced; `gen` discriminates. Every generator may set `emptyRate` (0..1). */
export type FieldGen = (
  | { gen: 'const'; value: unknown }
  | { gen: 'choice'; values: unknown[]; weights?: number[] }
  | { gen: 'pick_many'; values: unknown[]; min: number; max: number }
  | { gen: 'int'; min: number; max: number }
  /** Uniform in [min, max]; `skew` > 1 favours small values (revenues are long-tailed). */
  | { gen: 'number'; min: number; max: number; precision?: number; skew?: number }
  | { gen: 'date'; from: DateAnchor; to: DateAnchor }
  | { gen: 'datetime'; from: DateAnchor; to: DateAnchor }
  | { gen: 'sequence'; pattern: string; start?: number }
  | { gen: 'credit_code'; provinceField?: string }
  | { gen: 'company_name'; provinceField?: string }
  | { gen: 'person_name' }
  | { gen: 'mobile' }
  | { gen: 'province'; regionField: string }
  /** The id of the parent record (entities generated `perParent`). */
  | { gen: 'parent' }
  /** A field of the parent record. */
  | { gen: 'parent_field'; field: string }
  /** The id of a random earlier record of `entity`, optionally only those matching `where` (over the candidate). */
  | { gen: 'ref'; entity: string; where?: JsonLogic }
  /** A field of the record referenced by this record's reference field `via` (generated earlier). */
  | { gen: 'ref_field'; via: string; field: string }
  /** Whole days (or hours) from one date field of this record to another; null when either is empty. */
  | { gen: 'days_between'; from: string; to: string; unit?: 'days' | 'hours' }
  /** JsonLogic over `{ ...record, $parent, $refs: { via: referenced record }, $now, $today }`. */
  | { gen: 'derive'; expr: JsonLogic }
  /**
   * Summary of the generated records of `entity` whose reference field `via` points at this record
   * (e.g. the latest `order_date` of a customer's orders). `where` is a query filter over those records
   * (`{"days_ago": n}` allowed, resolved like the database does). Empty → null (count → 0). Use it in
   * `afterAll`, once the child blocks exist.
   */
  | {
      gen: 'aggregate';
      entity: string;
      via: string;
      aggregate: 'count' | 'sum' | 'min' | 'max' | 'avg';
      field?: string;
      where?: JsonLogic;
    }
  /**
   * The value this entity's rollup field of the same name will have once the seed is written (its
   * relation, aggregate and filter, over the generated records). Kept for later fields, never output:
   * rollups are computed on read. Needs `options.app`; use it in `afterAll`.
   */
  | { gen: 'rollup' }
  /**
   * What the app's rule `rule` would set this field (or `field`) to on this record: the value of its
   * `set_fields` action, evaluated like the rules engine does (record fields, rollups generated so far,
   * `$record`, `$now`). When the rule's condition does not hold, the value generated so far stays. So
   * seeded scores agree with the rules that recompute them. Needs `options.app`.
   */
  | { gen: 'rule'; rule: string; field?: string }
) & { emptyRate?: number };

/**
 * One entity's block: literal `records`, a fixed count, or a number of children per record of a parent
 * entity.
 */
export interface SeedEntitySpec {
  entity: string;
  /**
   * Literal records (configuration such as care plans), emitted first; `fields` generators fill the
   * names a literal leaves out. A scaled-down seed keeps them all.
   */
  records?: Record<string, unknown>[];
  /**
   * Natural key of a reference-data block (the pack's `referenceSeed`): field names whose values identify
   * a record across pack versions, e.g. `["stage", "task_type"]`. An upgrade adds the block's records
   * whose key the app does not hold yet. Text, select or integer fields.
   */
  key?: string[];
  count?: number;
  perParent?: { entity: string; min: number; max: number; where?: JsonLogic };
  /**
   * Field name → generator, evaluated in order (later fields may read earlier ones). Names starting
   * with `_` are scratch values (e.g. a random roll or a cut-off date) and are dropped from the output.
   */
  fields: Record<string, FieldGen>;
  /**
   * Fields generated once EVERY block has run (blocks in order, records in order), so they can
   * summarise child records (`aggregate`, `rollup`) and derive scores from them (`rule`, `derive`).
   * They see the record's scratch fields; names starting with `_` are dropped here too.
   */
  afterAll?: Record<string, FieldGen>;
}

/** Value pools used by the name/company/province generators; built-in Chinese pools are the defaults. */
export interface SeedPools {
  surnames?: string[];
  givenNames?: string[];
  companyCores?: string[];
  companyTrades?: string[];
  companySuffixes?: string[];
  /** region value → provinces: `[name, 6-digit division code]`. */
  regions?: Record<string, [string, string][]>;
}

/** A demo user the installer creates so seeded `owner`/user values resolve (values are usernames). */
export interface SeedUser {
  username: string;
  displayName: string;
  roles: string[];
  region?: string;
  department?: string;
  /** Username of the manager (for `owner_manager` recipients and department-head approvals). */
  manager?: string;
}

/** A declarative demo-data spec (a pack's `seed/*.json`). */
export interface SeedSpec {
  /** Default PRNG seed; `generateSeedData` options override it. */
  seed?: number;
  users?: SeedUser[];
  pools?: SeedPools;
  entities: SeedEntitySpec[];
}

/** A generated record: `id` (uuid) plus values keyed by field name. */
export type SeedRecord = { id: string } & Record<string, unknown>;

/** All records generated for one entity, in generation order. */
export interface SeedBatch {
  entity: string;
  records: SeedRecord[];
}
