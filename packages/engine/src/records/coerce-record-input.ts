import type { ErrorDetail } from '../errors';
import { truthy } from '../expr/standard-helpers';
import type { EntityDoc } from '../model/entity';
import type { Field, StageField } from '../model/field';
import { COMPUTED_FIELD_TYPES } from '../model/field-types';
import { coerceFieldValue } from './coerce-field-value';
import { computeFormulas } from './compute-formulas';
import { type EntityWritePlan, entityWritePlan } from './entity-write-plan';
import { evaluateLogic } from './evaluate-logic';
import { describeValue, isEmptyValue } from './field-value-result';

/** System columns a client may never write (mass assignment of these is an error, not silently dropped). */
const READONLY_SYSTEM = new Set([
  'id',
  'app_id',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'deleted_at',
]);
/** Scoping system columns a client may set (ownership transfer, region assignment). */
const SCOPING = new Set(['owner', 'region', 'department']);
const LIST_TYPES = new Set<Field['type']>(['multiselect', 'tags']);

export interface CoerceRecordOptions {
  mode: 'create' | 'update';
  /** The stored record (field names → API values) for updates: stage transitions and validations use it. */
  existing?: Record<string, unknown>;
  /** Clock for `now`/`today` inside validations and formulas. */
  now?: () => Date;
  /** A system write (rules, flows, seeding): `readonly` fields may be set; computed fields never. */
  system?: boolean;
}

export interface CoerceRecordResult {
  /** Field name (or `owner`/`region`/`department`) → DB-ready JS value; only keys to write. */
  values: Record<string, unknown>;
  /** Every problem found, `path` = field name; empty means the input may be written. */
  errors: ErrorDetail[];
}

/**
 * Turns API input (`{ field_name: value }`) into DB-ready values and collects ALL problems: unknown
 * fields (`LATTICE_ERR_UNKNOWN_FIELD`), writes to system/computed/read-only fields, type coercion,
 * required (`LATTICE_ERR_REQUIRED`: every required field on create, a field set to empty on update),
 * options, formats, limits, stage transitions against `existing`, and the fields' JsonLogic validations
 * evaluated on the merged record (existing + input + formulas). Defaults fill absent fields on create.
 * Uniqueness and reference existence need the database and are the record service's job.
 *
 * @example
 * const { values, errors } = coerceRecordInput(customer, { name: '华东机电', revenue: '1,200' }, { mode: 'create' });
 * // values → { name: '华东机电', revenue: 1200, level: 'B' /* default *\/ }, errors → []
 */
export function coerceRecordInput(
  entity: EntityDoc,
  input: Record<string, unknown>,
  opts: CoerceRecordOptions,
): CoerceRecordResult {
  const values: Record<string, unknown> = {};
  const errors: ErrorDetail[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.push(
      problem('', 'expected an object of field values', '应为字段值对象', 'LATTICE_ERR_VALIDATION'),
    );
    return { values, errors };
  }
  const plan = entityWritePlan(entity);
  for (const key of Object.keys(input)) {
    const raw = input[key];
    if (raw === undefined) continue;
    const field = plan.byName.get(key) ?? (SCOPING.has(key) ? plan.byId.get(key) : undefined);
    if (field) coerceInto(field, raw, key, values, errors, opts.system === true);
    else if (SCOPING.has(key)) coerceScoping(key, raw, values, errors);
    else if (READONLY_SYSTEM.has(key)) {
      errors.push(
        problem(key, `${key} is set by the system and cannot be written`, `${key} 由系统维护，不能写入`),
      );
    } else {
      errors.push(
        problem(key, `unknown field "${key}"`, `字段 "${key}" 不存在`, 'LATTICE_ERR_UNKNOWN_FIELD'),
      );
    }
  }
  if (opts.mode === 'create') applyDefaults(plan, values, errors);
  checkRequired(plan, opts.mode, values, errors);
  // Without formulas to add, a create reads `values` itself: nothing below writes to `merged`.
  const copied = opts.existing !== undefined || plan.hasFormulas;
  const merged = copied ? { ...opts.existing, ...values } : values;
  if (plan.hasFormulas) Object.assign(merged, computeFormulas(entity, merged, { now: opts.now }));
  if (opts.mode === 'update' && opts.existing) checkStages(plan, opts.existing, values, merged, errors);
  checkValidations(plan, opts, values, merged, errors);
  return { values, errors };
}

function coerceInto(
  field: Field,
  raw: unknown,
  path: string,
  values: Record<string, unknown>,
  errors: ErrorDetail[],
  system: boolean,
): void {
  if (COMPUTED_FIELD_TYPES.includes(field.type) || (field.readonly && !system)) {
    errors.push(
      problem(path, `${field.name} is read-only`, `${field.label.zh || field.name}为只读字段，不能写入`),
    );
    return;
  }
  if (isEmptyValue(raw)) {
    values[field.name] = LIST_TYPES.has(field.type) ? [] : null;
    return;
  }
  const r = coerceFieldValue(field, raw);
  if (r.ok) values[field.name] = r.value;
  else errors.push({ path, message: r.message, reason: 'LATTICE_ERR_VALIDATION' });
}

function coerceScoping(
  key: string,
  raw: unknown,
  values: Record<string, unknown>,
  errors: ErrorDetail[],
): void {
  if (isEmptyValue(raw)) values[key] = null;
  else if (typeof raw === 'string') values[key] = raw.trim();
  else
    errors.push(
      problem(key, `expected an id, got ${describeValue(raw)}`, `应为 ID，实际为 ${describeValue(raw)}`),
    );
}

function applyDefaults(plan: EntityWritePlan, values: Record<string, unknown>, errors: ErrorDetail[]): void {
  for (const d of plan.defaults) {
    if (d.name in values) continue;
    if ('error' in d) errors.push(d.error);
    else values[d.name] = d.value;
  }
}

function checkRequired(
  plan: EntityWritePlan,
  mode: 'create' | 'update',
  values: Record<string, unknown>,
  errors: ErrorDetail[],
): void {
  for (const f of plan.required) {
    if (mode === 'update' && !(f.name in values)) continue;
    if (!isEmptyValue(values[f.name]) || errors.some((e) => e.path === f.name)) continue;
    errors.push(
      problem(
        f.name,
        `${f.label.en || f.name} is required`,
        `${f.label.zh || f.name}不能为空`,
        'LATTICE_ERR_REQUIRED',
      ),
    );
  }
}

function checkStages(
  plan: EntityWritePlan,
  existing: Record<string, unknown>,
  values: Record<string, unknown>,
  merged: Record<string, unknown>,
  errors: ErrorDetail[],
): void {
  for (const f of plan.stages) {
    if (!(f.name in values) || errors.some((e) => e.path === f.name)) continue;
    const from = existing[f.name];
    const to = values[f.name];
    if (typeof from !== 'string' || from === '' || from === to) continue;
    checkTransition(f, from, to, errors);
    checkRequiredToLeave(f, from, merged, errors);
  }
}

function checkTransition(f: StageField, from: string, to: unknown, errors: ErrorDetail[]): void {
  if (!f.transitions || to === null) return;
  const allowed = f.transitions[from] ?? [];
  if (typeof to === 'string' && allowed.includes(to)) return;
  const list = allowed.length > 0 ? allowed.join(', ') : '—';
  errors.push(
    problem(
      f.name,
      `cannot move from stage "${from}" to "${String(to)}"; allowed: ${list}`,
      `不能从阶段"${from}"变更为"${String(to)}"，允许：${list}`,
    ),
  );
}

function checkRequiredToLeave(
  f: StageField,
  from: string,
  merged: Record<string, unknown>,
  errors: ErrorDetail[],
) {
  const stage = f.stages.find((s) => s.value === from);
  for (const name of stage?.requiredToLeave ?? []) {
    if (!isEmptyValue(merged[name]) || errors.some((e) => e.path === name)) continue;
    errors.push(
      problem(
        name,
        `${name} is required before leaving stage "${from}"`,
        `离开阶段"${from}"前必须填写 ${name}`,
        'LATTICE_ERR_REQUIRED',
      ),
    );
  }
}

/**
 * Runs each field's validations when the field has a value and the write concerns it (create: always;
 * update: the field or a field its rule reads was written), so stale data elsewhere does not block edits.
 */
function checkValidations(
  plan: EntityWritePlan,
  opts: { mode: 'create' | 'update'; now?: () => Date },
  values: Record<string, unknown>,
  merged: Record<string, unknown>,
  errors: ErrorDetail[],
): void {
  for (const { field: f, validations } of plan.validated) {
    if (isEmptyValue(merged[f.name]) || errors.some((e) => e.path === f.name)) continue;
    for (const v of validations) {
      const concerned = opts.mode === 'create' || f.name in values || readsAny(v.reads, values);
      if (!concerned || passes(v.rule, merged, opts.now)) continue;
      errors.push({ path: f.name, message: v.message, reason: 'LATTICE_ERR_VALIDATION' });
      break;
    }
  }
}

function readsAny(reads: ReadonlySet<string>, values: Record<string, unknown>): boolean {
  for (const n of reads) if (n in values) return true;
  return false;
}

function passes(
  rule: Parameters<typeof evaluateLogic>[0],
  data: Record<string, unknown>,
  now?: () => Date,
): boolean {
  try {
    return truthy(evaluateLogic(rule, data, { now }));
  } catch {
    return false;
  }
}

function problem(path: string, en: string, zh: string, reason = 'LATTICE_ERR_VALIDATION'): ErrorDetail {
  return { path, message: { en, zh }, reason };
}
