import type { ErrorDetail } from '../errors';
import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import { maskValue } from './mask-value';
import type { EntityAccess } from './resolve-entity-access';

/** System columns whose value decides which records a user sees (written only with an `all` scope). */
export const SCOPING_COLUMNS = ['owner', 'region', 'department'] as const;

/** How a user sees one field. */
export type FieldVisibility = 'hidden' | 'masked' | 'readonly' | 'editable';

/**
 * A field's visibility for `access`: hidden beats masked beats read-only. Sensitive fields are masked in
 * every read, for every role; roles that may reveal them (see {@link canReveal}) get the plain value
 * only through the audited reveal endpoint, and may write them.
 */
export function fieldVisibility(access: EntityAccess, field: Field): FieldVisibility {
  if (field.sensitive)
    return access.superuser || access.fields[field.name] !== 'hidden' ? 'masked' : 'hidden';
  if (access.superuser) return 'editable';
  const restriction = access.fields[field.name];
  if (restriction === 'hidden') return 'hidden';
  return restriction === 'readonly' ? 'readonly' : 'editable';
}

/** May the user see `field` unmasked (and call the audited reveal endpoint for it)? */
export function canReveal(access: EntityAccess, fieldName: string): boolean {
  return access.superuser || access.reveal.includes(fieldName) || access.reveal.includes('*');
}

/** The entity's fields the user may see at all (hidden ones removed), e.g. for OpenAPI or exports. */
export function visibleFields(entity: EntityDoc, access: EntityAccess): Field[] {
  return entity.fields.filter((f) => fieldVisibility(access, f) !== 'hidden');
}

/**
 * A record as the user may see it: hidden fields removed, sensitive fields masked unless revealed.
 * Returns a new object; system fields are kept.
 *
 * @example redactRecord(contact, rec, financeAccess).phone // '138****5678'
 */
export function redactRecord<R extends Record<string, unknown>>(
  entity: EntityDoc,
  record: R,
  access: EntityAccess,
): R {
  const out: Record<string, unknown> = { ...record };
  for (const f of entity.fields) {
    const v = fieldVisibility(access, f);
    if (v === 'hidden') delete out[f.name];
    else if (v === 'masked' && out[f.name] !== undefined) out[f.name] = maskValue(out[f.name]);
  }
  return out as R;
}

/**
 * Problems with a write's input for `access`: hidden, masked and read-only fields may not be written
 * (a hidden field answers as unknown, so its existence does not leak), and the scoping columns
 * owner/region/department only with an `all` scope for the right — or, for `region`/`department`, to
 * the user's own value. `[]` means the input may go to the record service.
 */
export function checkWriteInput(
  entity: EntityDoc,
  input: Record<string, unknown>,
  access: EntityAccess,
  right: 'create' | 'update' | 'import',
  user: { id: string; region: string | null; department: string | null },
): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const unrestricted = access.scopes[right].some((s) => s.type === 'all');
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const field = byName.get(key);
    if ((SCOPING_COLUMNS as readonly string[]).includes(key) || (field && isScopingField(field))) {
      const column = field ? field.id : key;
      if (unrestricted || ownValue(column, value, user)) continue;
      errors.push(forbidden(key, `${key} may not be assigned by you`, `您无权设置 ${key}`));
      continue;
    }
    if (!field || access.superuser) continue;
    const v = fieldVisibility(access, field);
    if (v === 'hidden') {
      errors.push({
        path: key,
        message: { zh: `字段 "${key}" 不存在`, en: `unknown field "${key}"` },
        reason: 'LATTICE_ERR_UNKNOWN_FIELD',
      });
    } else if (v === 'readonly' || (v === 'masked' && !canReveal(access, key))) {
      errors.push(forbidden(key, `${key} is read-only for your role`, `您的角色不能修改 ${key}`));
    }
  }
  return errors;
}

function isScopingField(field: Field): boolean {
  return (SCOPING_COLUMNS as readonly string[]).includes(field.id);
}

function ownValue(
  column: string,
  value: unknown,
  user: { id: string; region: string | null; department: string | null },
): boolean {
  if (column === 'owner') return value === user.id;
  if (column === 'region') return value === user.region;
  if (column === 'department') return value === user.department;
  return false;
}

function forbidden(path: string, en: string, zh: string): ErrorDetail {
  return { path, message: { zh, en }, reason: 'LATTICE_ERR_FORBIDDEN' };
}
