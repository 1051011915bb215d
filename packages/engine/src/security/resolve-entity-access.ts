import type { AppDefinition } from '../model/app';
import { documentsOfKind } from '../model/app';
import type { EntityPermission, RecordRight, RecordScope, RoleDoc } from '../model/role';
import { RECORD_RIGHTS } from '../model/role';

/** The platform role that is never restricted, whatever the app's role documents say. */
export const SUPER_ROLE = 'admin';

/** How one field is restricted for a user: absent = editable. */
export type FieldRestriction = 'hidden' | 'readonly';

/**
 * What a user may do with one entity, merged over all of the user's roles. Rights are the union of the
 * roles' rights; each right's scopes are those of the roles granting it (OR-ed); a field is hidden or
 * read-only only when every granting role restricts it (the most permissive role wins); `reveal` is
 * the union.
 */
export interface EntityAccess {
  entity: string;
  /** Unrestricted (the platform `admin` role, or a role document with `admin: true`). */
  superuser: boolean;
  rights: RecordRight[];
  /** right → scopes of the roles granting it; an empty list means the right is not granted. */
  scopes: Record<RecordRight, RecordScope[]>;
  /** field name → restriction (only restricted fields are listed). */
  fields: Record<string, FieldRestriction>;
  /** Sensitive fields shown unmasked. */
  reveal: string[];
}

const RANK: Record<FieldRestriction | 'editable', number> = { editable: 0, readonly: 1, hidden: 2 };

/** The role documents of an app by name. */
export function roleDocs(app: Pick<AppDefinition, 'documents'>): Map<string, RoleDoc> {
  return new Map(documentsOfKind(app, 'role').map((r) => [r.name, r]));
}

/**
 * Merges the permissions of `userRoles` (role names) for `entity`. A role lists the entity by name or
 * under `*`; an unknown role name grants nothing.
 *
 * @example
 * const access = resolveEntityAccess(live.definition, ['sales'], 'customer');
 * access.rights            // ['create', 'read', 'update']
 * access.scopes.read       // [{ type: 'region' }]
 * access.fields.risk_score // 'readonly'
 */
export function resolveEntityAccess(
  app: Pick<AppDefinition, 'documents'>,
  userRoles: readonly string[],
  entity: string,
): EntityAccess {
  const docs = roleDocs(app);
  const superuser = userRoles.some((r) => r === SUPER_ROLE || docs.get(r)?.admin === true);
  const scopes = Object.fromEntries(RECORD_RIGHTS.map((r) => [r, [] as RecordScope[]])) as Record<
    RecordRight,
    RecordScope[]
  >;
  if (superuser) {
    for (const r of RECORD_RIGHTS) scopes[r].push({ type: 'all' });
    return { entity, superuser, rights: [...RECORD_RIGHTS], scopes, fields: {}, reveal: ['*'] };
  }
  const grants: EntityPermission[] = [];
  for (const name of userRoles) {
    const doc = docs.get(name);
    const perm = doc?.entities[entity] ?? doc?.entities['*'];
    if (perm) grants.push(perm);
  }
  const reveal = new Set<string>();
  const fieldRank = new Map<string, number>();
  const readers = grants.filter((g) => g.rights.length > 0);
  for (const g of grants) {
    for (const r of g.rights) scopes[r].push(g.scope);
    for (const f of g.reveal ?? []) reveal.add(f);
  }
  // A field keeps the weakest restriction any granting role gives it (unlisted = editable).
  const named = new Set(readers.flatMap((g) => Object.keys(g.fields ?? {})));
  for (const name of named) {
    fieldRank.set(name, Math.min(...readers.map((g) => RANK[g.fields?.[name] ?? 'editable'])));
  }
  const fields: Record<string, FieldRestriction> = {};
  for (const [name, rank] of fieldRank) {
    if (rank === RANK.hidden) fields[name] = 'hidden';
    else if (rank === RANK.readonly) fields[name] = 'readonly';
  }
  return {
    entity,
    superuser,
    rights: RECORD_RIGHTS.filter((r) => scopes[r].length > 0),
    scopes,
    fields,
    reveal: [...reveal],
  };
}

/** True when `access` grants `right`. */
export function hasRight(access: EntityAccess, right: RecordRight): boolean {
  return access.scopes[right].length > 0;
}
