import type { EntityDoc, Field, I18nText } from '@lattice/engine';
import { findEntity } from '@lattice/engine';
import { type RawBuilder, sql } from 'kysely';
import { fieldValueKind, type ValueKind } from './field-kind';
import { BASE_ALIAS, type QueryScope } from './query-scope';
import { REPORTABLE_SYSTEM_COLUMNS } from './system-columns';

/** A column a dataset path points at, as a quoted SQL reference plus what it holds. */
export interface ResolvedColumn {
  ref: RawBuilder<unknown>;
  kind: ValueKind;
  label: I18nText;
  /** Undefined for system columns such as `created_at`. */
  field?: Field;
  sensitive: boolean;
  /** The column is `uuid` (reference fields, `id`): never compared with '' and cast to text for LIKE. */
  uuid: boolean;
}

export type ResolveResult = { ok: true; column: ResolvedColumn } | { ok: false; message: I18nText };

/** Paths may cross at most this many reference fields (`order.customer.region`). */
export const MAX_JOIN_HOPS = 2;

/**
 * Resolves a field path (`amount`, `customer.region`, `order.customer.region`) against the scope's base
 * entity, registering the LEFT JOINs it needs. With `root`, resolves a plain name on an already-joined
 * table and never joins (scope filters of joined entities use this).
 */
export function resolveFieldPath(
  scope: QueryScope,
  path: string,
  root?: { alias: string; entity: EntityDoc },
): ResolveResult {
  const segments = path.split('.');
  if (root && segments.length > 1)
    return fail(`"${path}" 不能跨关联`, `"${path}" cannot cross references here`);
  if (segments.length - 1 > MAX_JOIN_HOPS) {
    return fail(`"${path}" 最多跨两级关联`, `"${path}" crosses more than ${MAX_JOIN_HOPS} references`);
  }
  let entity = root?.entity ?? scope.base;
  let alias = root?.alias ?? BASE_ALIAS;
  for (let i = 0; i < segments.length - 1; i++) {
    const name = segments[i]!;
    const ref = entity.fields.find((f) => f.name === name);
    if (ref?.type !== 'reference') {
      return fail(
        `"${entity.name}" 没有关联字段 "${name}"`,
        `"${entity.name}" has no reference field "${name}"`,
      );
    }
    const target = findEntity(scope.app, ref.target);
    if (!target)
      return fail(`关联的实体 "${ref.target}" 不存在`, `referenced entity "${ref.target}" does not exist`);
    const prefix = segments.slice(0, i + 1).join('.');
    let join = scope.joins.get(prefix);
    if (!join) {
      join = {
        prefix,
        alias: `j${scope.joins.size + 1}`,
        entity: target,
        parentAlias: alias,
        column: ref.id,
      };
      scope.joins.set(prefix, join);
    }
    entity = target;
    alias = join.alias;
  }
  return resolveLeaf(entity, alias, segments[segments.length - 1]!);
}

function resolveLeaf(entity: EntityDoc, alias: string, name: string): ResolveResult {
  const field = entity.fields.find((f) => f.name === name);
  if (field) {
    if (field.type === 'rollup') {
      return fail(
        `汇总字段 "${name}" 暂不能用于报表`,
        `rollup field "${name}" cannot be used in reports yet`,
      );
    }
    return {
      ok: true,
      column: {
        ref: sql.ref(`${alias}.${field.id}`),
        kind: fieldValueKind(field),
        label: field.label,
        field,
        sensitive: field.sensitive === true,
        uuid: field.type === 'reference',
      },
    };
  }
  const system = Object.hasOwn(REPORTABLE_SYSTEM_COLUMNS, name) ? REPORTABLE_SYSTEM_COLUMNS[name] : undefined;
  if (system) {
    return {
      ok: true,
      column: {
        ref: sql.ref(`${alias}.${name}`),
        kind: system.kind,
        label: system.label,
        sensitive: false,
        uuid: name === 'id',
      },
    };
  }
  return fail(`"${entity.name}" 没有字段 "${name}"`, `"${entity.name}" has no field "${name}"`);
}

function fail(zh: string, en: string): ResolveResult {
  return { ok: false, message: { zh, en } };
}
