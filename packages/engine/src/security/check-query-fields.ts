import type { ErrorDetail } from '../errors';
import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import type { JsonLogic } from '../model/json-logic';
import { validateFilter } from '../query/compile-filter';
import { fieldVisibility } from './field-access';
import type { EntityAccess } from './resolve-entity-access';

/**
 * The entity as a user's queries may see it: hidden fields and masked (sensitive, not revealed) fields
 * removed. Sensitive fields never qualify for filters or sorts: their column holds ciphertext. Private
 * notes (`notes`) never do either, for anyone: the column holds every author's notes, so even
 * `is_empty` would tell whether someone else wrote one.
 */
export function queryableEntity(entity: EntityDoc, access: EntityAccess): EntityDoc {
  return { ...entity, fields: entity.fields.filter((f) => isQueryableField(access, f)) };
}

/** May a user's filter, sort or report use `field`? (see {@link queryableEntity}) */
export function isQueryableField(access: EntityAccess, field: Field): boolean {
  return !field.sensitive && field.type !== 'notes' && fieldVisibility(access, field) !== 'hidden';
}

/**
 * Refuses filters and sorts over fields the user cannot see, with exactly the errors a field that does
 * not exist produces (`At filter.==.0: unknown or unfilterable field "credit_limit"`, `cannot sort by
 * credit_limit`), so filtering cannot probe a hidden value nor reveal that the field exists.
 *
 * @example checkQueryFields(customer, { filter: { '>': [{ var: 'credit_limit' }, 0] } }, serviceAccess)
 */
export function checkQueryFields(
  entity: EntityDoc,
  query: { filter?: JsonLogic | null; sort?: { field: string }[] },
  access: EntityAccess,
): ErrorDetail[] {
  const visible = queryableEntity(entity, access);
  if (visible.fields.length === entity.fields.length) return [];
  const errors: ErrorDetail[] = [];
  const removed = new Set(entity.fields.map((f) => f.name));
  for (const f of visible.fields) removed.delete(f.name);
  if (query.filter !== undefined && query.filter !== null) {
    const probe = validateFilter(visible, query.filter);
    errors.push(...probe.filter((e) => mentionsRemoved(e, removed)));
  }
  (query.sort ?? []).forEach((s, i) => {
    if (removed.has(s.field)) {
      errors.push({
        path: `sort.${i}.field`,
        message: { zh: `不能按 ${s.field} 排序`, en: `cannot sort by ${s.field}` },
      });
    }
  });
  return errors;
}

function mentionsRemoved(e: ErrorDetail, removed: Set<string>): boolean {
  return [...removed].some((name) => e.message.en.includes(JSON.stringify(name)));
}
